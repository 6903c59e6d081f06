// The functions of libzip, expat and libxlsxwriter that liushou calls, reached through one
// table. Linked into the program, those libraries (libzip brings libcrypto, 21,000
// relocations) cost every start about 4 ms and 150 page faults, a fifth of a `log-talk`; the
// program now loads them, as liushou-workbook.so, only when a command reads or writes a
// workbook or a Word file (src/codec/workbook_load.cpp). The unit tests, the fuzzers and
// gensheet link them directly (src/codec/workbook_direct.cpp). docs/hacking.md, "The
// workbook module".
#pragma once

#include <expat.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <utility>

// Every function the codec and docx.cpp call; a call not listed here fails to link, since
// the program no longer links the libraries.
#define LIUSHOU_WORKBOOK_FUNCTIONS(X)  \
    X(zip_close)                       \
    X(zip_discard)                     \
    X(zip_error_fini)                  \
    X(zip_error_init)                  \
    X(zip_error_strerror)              \
    X(zip_fclose)                      \
    X(zip_file_replace)                \
    X(zip_file_strerror)               \
    X(zip_fopen)                       \
    X(zip_fopen_index)                 \
    X(zip_fread)                       \
    X(zip_name_locate)                 \
    X(zip_open)                        \
    X(zip_open_from_source)            \
    X(zip_source_buffer)               \
    X(zip_source_buffer_create)        \
    X(zip_source_free)                 \
    X(zip_stat)                        \
    X(zip_stat_index)                  \
    X(zip_stat_init)                   \
    X(zip_strerror)                    \
    X(XML_ErrorString)                 \
    X(XML_GetCurrentLineNumber)        \
    X(XML_GetErrorCode)                \
    X(XML_Parse)                       \
    X(XML_ParserCreateNS)              \
    X(XML_ParserFree)                  \
    X(XML_SetCharacterDataHandler)     \
    X(XML_SetElementHandler)           \
    X(XML_SetStartDoctypeDeclHandler)  \
    X(XML_SetUserData)                 \
    X(XML_StopParser)                  \
    X(format_set_align)                \
    X(format_set_bg_color)             \
    X(format_set_bold)                 \
    X(format_set_border)               \
    X(format_set_num_format)           \
    X(format_set_text_wrap)            \
    X(format_set_unlocked)             \
    X(lxw_strerror)                    \
    X(workbook_add_format)             \
    X(workbook_add_worksheet)          \
    X(workbook_close)                  \
    X(workbook_new_opt)                \
    X(workbook_set_properties)         \
    X(worksheet_activate)              \
    X(worksheet_autofilter)            \
    X(worksheet_data_validation_range) \
    X(worksheet_freeze_panes)          \
    X(worksheet_hide)                  \
    X(worksheet_protect)               \
    X(worksheet_set_column)            \
    X(worksheet_write_blank)           \
    X(worksheet_write_datetime)        \
    X(worksheet_write_number)          \
    X(worksheet_write_string)

namespace liushou {

/// The functions' names, in the table's order: the program refuses a module whose table was
/// built from another list (workbook_load.cpp).
#define LIUSHOU_WORKBOOK_NAME(name) #name " "
inline constexpr const char* kWorkbookFunctionNames =
    LIUSHOU_WORKBOOK_FUNCTIONS(LIUSHOU_WORKBOOK_NAME);
#undef LIUSHOU_WORKBOOK_NAME

/// The names (first, so that any module's can be read), then one pointer per function, of
/// the function's own type.
struct WorkbookApi {
    const char* functions;
#define LIUSHOU_WORKBOOK_MEMBER(name) decltype(&::name) name;
    LIUSHOU_WORKBOOK_FUNCTIONS(LIUSHOU_WORKBOOK_MEMBER)
#undef LIUSHOU_WORKBOOK_MEMBER
};

/// The table, loaded on first use. Throws IoError, naming the module and why, when the
/// program cannot load it (a broken installation).
const WorkbookApi& workbook_api();

/// wb::zip_open(...) and the like: the library's function, through the table.
namespace wb {
#define LIUSHOU_WORKBOOK_FORWARD(name)                           \
    template <typename... Args>                                  \
    inline auto name(Args&&... args) {                           \
        return workbook_api().name(std::forward<Args>(args)...); \
    }
LIUSHOU_WORKBOOK_FUNCTIONS(LIUSHOU_WORKBOOK_FORWARD)
#undef LIUSHOU_WORKBOOK_FORWARD
}  // namespace wb

}  // namespace liushou

extern "C" {
/// The module's one entry: the table of its functions.
const liushou::WorkbookApi* liushou_workbook_api();
}
