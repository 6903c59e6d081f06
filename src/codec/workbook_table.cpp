// The table of workbook functions (liushou/workbook_api.hpp): the whole of the module
// liushou-workbook.so, and linked directly into the unit tests, fuzzers and gensheet.
#include "liushou/workbook_api.hpp"

extern "C" __attribute__((visibility("default"))) const liushou::WorkbookApi*
liushou_workbook_api() {
#define LIUSHOU_WORKBOOK_ENTRY(name) &::name,
    static const liushou::WorkbookApi table{liushou::kWorkbookFunctionNames,
                                            LIUSHOU_WORKBOOK_FUNCTIONS(LIUSHOU_WORKBOOK_ENTRY)};
#undef LIUSHOU_WORKBOOK_ENTRY
    return &table;
}
