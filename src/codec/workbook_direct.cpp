// The workbook functions linked in (the unit tests, fuzzers and gensheet): no module to load.
#include "liushou/workbook_api.hpp"

namespace liushou {

const WorkbookApi& workbook_api() {
    return *liushou_workbook_api();
}

}  // namespace liushou
