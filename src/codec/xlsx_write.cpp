// Excel workbooks (.xlsx) written with libxlsxwriter: one sheet per table (exports of
// commands). The reader is xlsx_read.cpp.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

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
#include "liushou/i18n.hpp"
#include "liushou/text.hpp"
#include "liushou/workbook_api.hpp"

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

/// A workbook being written: libxlsxwriter 1.1.4 writes only to a named file, so a private
/// temporary one, read back by finish() and removed.
struct TempBook {
    std::string path;
    lxw_workbook* book = nullptr;

    explicit TempBook(const Date& created) {
        const char* tmp = std::getenv("TMPDIR");
        path = std::string(tmp && *tmp ? tmp : "/tmp") + "/liushou-xlsx-XXXXXX";
        const int fd = mkstemp(path.data());
        if (fd < 0) throw IoError(fmt::format("{}: " N_("cannot create a temporary file"), path));
        ::close(fd);
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        book = wb::workbook_new_opt(path.c_str(), &options);
        if (!book) {
            std::remove(path.c_str());
            throw IoError(fmt::format("{}: " N_("cannot start the workbook"), path));
        }
        // The creation time is the day of the data, not the clock, so the same data gives the
        // same file properties.
        lxw_doc_properties properties{};
        std::tm day{};
        day.tm_year = created.year - 1900;
        day.tm_mon = created.month - 1;
        day.tm_mday = created.day;
        properties.created = timegm(&day);
        wb::workbook_set_properties(book, &properties);
    }
    TempBook(const TempBook&) = delete;
    TempBook& operator=(const TempBook&) = delete;
    ~TempBook() {
        if (book) wb::workbook_close(book);
        std::remove(path.c_str());
    }

    /// Closes the workbook (which frees it whatever happened) and gives its bytes.
    std::string finish(lxw_error error) {
        const lxw_error closed = wb::workbook_close(book);
        book = nullptr;
        if (error == LXW_NO_ERROR) error = closed;
        if (error != LXW_NO_ERROR)
            throw IoError(
                fmt::format(N_("cannot write the workbook: {}"), wb::lxw_strerror(error)));
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in.good() && !in.eof())
            throw IoError(fmt::format("{}: " N_("cannot read back the workbook"), path));
        return bytes.str();
    }
};

}  // namespace

std::string write_xlsx(const std::vector<SheetTable>& tables, const Date& created) {
    TempBook temp(created);
    lxw_workbook* book = temp.book;

    lxw_format* header = wb::workbook_add_format(book);
    wb::format_set_bold(header);
    wb::format_set_bg_color(header, 0xDDEBF7);
    wb::format_set_border(header, LXW_BORDER_THIN);
    lxw_format* text = wb::workbook_add_format(book);
    wb::format_set_num_format(text, "@");  // typed over, a phone or id number stays text
    lxw_format* date = wb::workbook_add_format(book);
    wb::format_set_num_format(date, "yyyy-mm-dd");
    // A column with a decimal point (the percentages) keeps its number and shows one decimal
    // as the CSV does: 100.0 is not shown 100, nor 81.3 re-rounded (liushou-rates(7)).
    lxw_format* tenths = wb::workbook_add_format(book);
    wb::format_set_num_format(tenths, "0.0");

    lxw_error error = LXW_NO_ERROR;
    for (size_t t = 0; t < tables.size() && error == LXW_NO_ERROR; ++t) {
        const SheetTable& table = tables[t];
        lxw_worksheet* sheet = wb::workbook_add_worksheet(book, sheet_title(table.name, t).c_str());
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
            error = wb::worksheet_set_column(sheet, col, col, std::min(60, widths[c] + 2) * 1.1,
                                             kinds[c] == as_text     ? text
                                             : kinds[c] == as_tenths ? tenths
                                                                     : nullptr);
            if (error == LXW_NO_ERROR)
                error = wb::worksheet_write_string(sheet, 0, col, table.header[c].c_str(), header);
        }
        for (size_t r = 0; r < table.rows.size() && error == LXW_NO_ERROR; ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (size_t c = 0; c < table.rows[r].size() && error == LXW_NO_ERROR; ++c) {
                const std::string& cell = table.rows[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                if (cell.empty()) continue;
                Kind kind = c < width ? kinds[c] : as_text;
                if (table.typed_cells && kind == as_text && is_iso_date(cell)) kind = as_date;
                if (kind == as_date) {
                    const Date d = *parse_iso_date(cell).date;
                    lxw_datetime when{d.year, d.month, d.day, 0, 0, 0};
                    error = wb::worksheet_write_datetime(sheet, row, col, &when, date);
                } else if (kind == as_number || kind == as_tenths) {
                    error = wb::worksheet_write_number(sheet, row, col,
                                                       std::strtod(cell.c_str(), nullptr),
                                                       kind == as_tenths ? tenths : nullptr);
                } else {
                    error = wb::worksheet_write_string(sheet, row, col, cell.c_str(), text);
                }
            }
        }
        if (table.hidden) wb::worksheet_hide(sheet);
        if (error == LXW_NO_ERROR) wb::worksheet_freeze_panes(sheet, 1, 0);
        if (error == LXW_NO_ERROR && width)
            error = wb::worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                             static_cast<lxw_col_t>(width - 1));
    }
    return temp.finish(error);
}

std::string write_fill_in_xlsx(const FillInBook& spec, const Date& created) {
    TempBook temp(created);
    lxw_workbook* book = temp.book;
    lxw_error error = LXW_NO_ERROR;

    lxw_format* header = wb::workbook_add_format(book);
    wb::format_set_bold(header);
    wb::format_set_bg_color(header, 0xDDEBF7);
    wb::format_set_border(header, LXW_BORDER_THIN);
    wb::format_set_text_wrap(header);
    // The list's own cells: locked (the default once the sheet is protected), grey.
    lxw_format* fixed = wb::workbook_add_format(book);
    wb::format_set_num_format(fixed, "@");
    wb::format_set_bg_color(fixed, 0xF2F2F2);
    wb::format_set_border(fixed, LXW_BORDER_THIN);
    wb::format_set_text_wrap(fixed);
    // The filler's cells: unlocked, white; text stays text (a 学号 typed keeps its zeros).
    lxw_format* open = wb::workbook_add_format(book);
    wb::format_set_unlocked(open);
    wb::format_set_num_format(open, "@");
    wb::format_set_border(open, LXW_BORDER_THIN);
    wb::format_set_text_wrap(open);
    lxw_format* open_date = wb::workbook_add_format(book);
    wb::format_set_unlocked(open_date);
    wb::format_set_num_format(open_date, "yyyy-mm-dd");
    wb::format_set_border(open_date, LXW_BORDER_THIN);

    lxw_worksheet* list = wb::workbook_add_worksheet(book, sheet_title(spec.title, 0).c_str());
    lxw_worksheet* notes =
        wb::workbook_add_worksheet(book, sheet_title(spec.notes_title, 1).c_str());
    lxw_worksheet* base = wb::workbook_add_worksheet(book, sheet_title(spec.base_title, 2).c_str());
    if (!list || !notes || !base) return temp.finish(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);

    const size_t width = spec.columns.size();
    const size_t last = spec.rows.size() + spec.open_rows;  // the last row, from 1
    for (size_t c = 0; c < width && error == LXW_NO_ERROR; ++c) {
        const FillInColumn& column = spec.columns[c];
        const auto col = static_cast<lxw_col_t>(c);
        const bool date = column.from.has_value();
        // The column's format reaches the rows below the list too; locked there.
        error = wb::worksheet_set_column(list, col, col, column.width, nullptr);
        if (error == LXW_NO_ERROR)
            error = wb::worksheet_write_string(list, 0, col, column.name.c_str(), header);
        for (size_t r = 1; r <= last && error == LXW_NO_ERROR; ++r) {
            const bool in_list = r <= spec.rows.size();
            const bool fill = column.fill || (!in_list && column.fill_in_open_rows);
            lxw_format* format = !fill ? fixed : date ? open_date : open;
            const std::string cell =
                in_list && c < spec.rows[r - 1].size() ? spec.rows[r - 1][c] : std::string();
            const auto row = static_cast<lxw_row_t>(r);
            if (cell.empty())
                error = wb::worksheet_write_blank(list, row, col, format);
            else
                error = wb::worksheet_write_string(list, row, col, cell.c_str(), format);
        }
        if (error != LXW_NO_ERROR || last == 0) continue;
        lxw_data_validation check{};
        std::string prompt = column.prompt;
        if (!prompt.empty()) {
            check.show_input = LXW_VALIDATION_ON;
            check.input_message = prompt.data();
        }
        std::vector<char*> choices;
        std::vector<std::string> held = column.choices;
        if (!column.choices.empty()) {
            for (auto& choice : held) choices.push_back(choice.data());
            choices.push_back(nullptr);
            check.validate = LXW_VALIDATION_TYPE_LIST;
            check.value_list = choices.data();
        } else if (date) {
            check.validate = LXW_VALIDATION_TYPE_DATE;
            check.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            check.minimum_datetime =
                lxw_datetime{column.from->year, column.from->month, column.from->day, 0, 0, 0};
            check.maximum_datetime =
                lxw_datetime{column.to->year, column.to->month, column.to->day, 0, 0, 0};
        } else if (prompt.empty()) {
            continue;
        } else {
            check.validate = LXW_VALIDATION_TYPE_ANY;
        }
        error = wb::worksheet_data_validation_range(list, 1, col, static_cast<lxw_row_t>(last), col,
                                                    &check);
    }
    wb::worksheet_freeze_panes(list, 1, 0);
    // Selecting and filtering stay allowed; formatting a cell (its number format) would let a
    // date become text, and inserting or deleting rows would move the list's own cells.
    lxw_protection protection{};
    protection.autofilter = LXW_TRUE;
    wb::worksheet_protect(list, nullptr, &protection);
    wb::worksheet_activate(list);

    if (error == LXW_NO_ERROR) error = wb::worksheet_set_column(notes, 0, 0, 90, nullptr);
    lxw_format* paragraph = wb::workbook_add_format(book);
    wb::format_set_text_wrap(paragraph);
    wb::format_set_align(paragraph, LXW_ALIGN_VERTICAL_TOP);
    for (size_t i = 0; i < spec.notes.size() && error == LXW_NO_ERROR; ++i)
        error = wb::worksheet_write_string(notes, static_cast<lxw_row_t>(i), 0,
                                           spec.notes[i].c_str(), i == 0 ? header : paragraph);
    wb::worksheet_protect(notes, nullptr, nullptr);

    for (size_t i = 0; i < spec.base.size() && error == LXW_NO_ERROR; ++i) {
        const auto row = static_cast<lxw_row_t>(i);
        error = wb::worksheet_write_string(base, row, 0, spec.base[i].first.c_str(), fixed);
        if (error == LXW_NO_ERROR)
            error = wb::worksheet_write_string(base, row, 1, spec.base[i].second.c_str(), fixed);
    }
    wb::worksheet_protect(base, nullptr, nullptr);
    wb::worksheet_hide(base);
    return temp.finish(error);
}

}  // namespace liushou
