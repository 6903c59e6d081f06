// Excel workbooks (.xlsx) written with libxlsxwriter: one sheet per table (exports of
// commands). The reader is xlsx_read.cpp.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "liushou/codec.hpp"
#include "liushou/date.hpp"
#include "liushou/error.hpp"
#include "liushou/text.hpp"

namespace liushou {
namespace {

bool is_iso_date(const std::string& s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-' && parse_iso_date(s).date.has_value();
}

/// A count or a percentage, not a code: at most six digits before the point and no leading
/// zero, so 学号 and phone numbers stay text.
bool is_plain_number(const std::string& s) {
    size_t i = s[0] == '-' ? 1 : 0;
    const size_t digits_start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    const size_t whole = i - digits_start;
    if (whole == 0 || whole > 6 || (whole > 1 && s[digits_start] == '0')) return false;
    if (i == s.size()) return true;
    if (s[i] != '.' || i + 1 == s.size()) return false;
    for (++i; i < s.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ .
std::string sheet_title(const std::string& name, size_t index) {
    std::string out;
    for (char c : name)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) out += c;
    // 31 characters, not bytes: a UTF-8 continuation byte does not start one.
    size_t chars = 0, end = 0;
    for (; end < out.size(); ++end)
        if ((static_cast<unsigned char>(out[end]) & 0xc0) != 0x80 && ++chars > 31) break;
    out.resize(end);
    return out.empty() ? fmt::format("Sheet{}", index + 1) : out;
}

}  // namespace

std::string write_xlsx(const std::vector<SheetTable>& tables, const Date& created) {
    // libxlsxwriter 1.1.4 writes only to a named file: a private temporary one, read back.
    const char* tmp = std::getenv("TMPDIR");
    std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/liushou-xlsx-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd < 0) throw IoError(fmt::format("{}: cannot create a temporary file", path));
    ::close(fd);
    struct Remove {
        std::string path;
        ~Remove() { std::remove(path.c_str()); }
    } remove{path};

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (!book) throw IoError(fmt::format("{}: cannot start the workbook", path));
    // The creation time is the day of the data, not the clock, so the same data gives the same
    // file properties.
    lxw_doc_properties properties{};
    std::tm day{};
    day.tm_year = created.year - 1900;
    day.tm_mon = created.month - 1;
    day.tm_mday = created.day;
    properties.created = timegm(&day);
    workbook_set_properties(book, &properties);

    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");  // typed over, a phone or id number stays text
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    // A column with a decimal point (the percentages) keeps its number and shows one decimal
    // as the CSV does: 100.0 is not shown 100, nor 81.3 re-rounded (liushou-rates(7)).
    lxw_format* tenths = workbook_add_format(book);
    format_set_num_format(tenths, "0.0");

    lxw_error error = LXW_NO_ERROR;
    for (size_t t = 0; t < tables.size() && error == LXW_NO_ERROR; ++t) {
        const SheetTable& table = tables[t];
        lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_title(table.name, t).c_str());
        if (!sheet) {
            error = LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
            break;
        }
        const size_t width = table.header.size();
        enum Kind { as_text, as_date, as_number, as_tenths };
        std::vector<Kind> kinds(width, as_text);
        std::vector<int> widths(width, 0);
        for (size_t c = 0; c < width; ++c) {
            bool any = false, dates = true, numbers = true, point = false, tenths_only = true;
            widths[c] = display_width(table.header[c]);
            for (const auto& row : table.rows) {
                if (c >= row.size() || row[c].empty()) continue;
                any = true;
                dates = dates && is_iso_date(row[c]);
                numbers = numbers && is_plain_number(row[c]);
                // One decimal exactly (the percentages): a 92.25 keeps Excel's own display.
                const size_t dot = row[c].find('.');
                if (dot != std::string::npos) {
                    point = true;
                    tenths_only = tenths_only && dot + 2 == row[c].size();
                }
                std::stringstream lines(row[c]);  // a note's longest line
                for (std::string piece; std::getline(lines, piece);)
                    widths[c] = std::max(widths[c], display_width(piece));
            }
            kinds[c] = !any      ? as_text
                       : dates   ? as_date
                       : numbers ? (point && tenths_only ? as_tenths : as_number)
                                 : as_text;
        }
        for (size_t c = 0; c < width && error == LXW_NO_ERROR; ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            error = worksheet_set_column(sheet, col, col, std::min(60, widths[c] + 2) * 1.1,
                                         kinds[c] == as_text     ? text
                                         : kinds[c] == as_tenths ? tenths
                                                                 : nullptr);
            if (error == LXW_NO_ERROR)
                error = worksheet_write_string(sheet, 0, col, table.header[c].c_str(), header);
        }
        for (size_t r = 0; r < table.rows.size() && error == LXW_NO_ERROR; ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (size_t c = 0; c < table.rows[r].size() && error == LXW_NO_ERROR; ++c) {
                const std::string& cell = table.rows[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                if (cell.empty()) continue;
                const Kind kind = c < width ? kinds[c] : as_text;
                if (kind == as_date) {
                    const Date d = *parse_iso_date(cell).date;
                    lxw_datetime when{d.year, d.month, d.day, 0, 0, 0};
                    error = worksheet_write_datetime(sheet, row, col, &when, date);
                } else if (kind == as_number || kind == as_tenths) {
                    error =
                        worksheet_write_number(sheet, row, col, std::strtod(cell.c_str(), nullptr),
                                               kind == as_tenths ? tenths : nullptr);
                } else {
                    error = worksheet_write_string(sheet, row, col, cell.c_str(), text);
                }
            }
        }
        if (error == LXW_NO_ERROR) worksheet_freeze_panes(sheet, 1, 0);
        if (error == LXW_NO_ERROR && width)
            error = worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                         static_cast<lxw_col_t>(width - 1));
    }
    const lxw_error closed = workbook_close(book);  // frees the workbook whatever happened
    if (error == LXW_NO_ERROR) error = closed;
    if (error != LXW_NO_ERROR)
        throw IoError(fmt::format("cannot write the workbook: {}", lxw_strerror(error)));

    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in.good() && !in.eof())
        throw IoError(fmt::format("{}: cannot read back the workbook", path));
    return bytes.str();
}

}  // namespace liushou
