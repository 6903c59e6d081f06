// What an .xlsx cell's value means: see xlsx_cells.hpp.
#include "xlsx_cells.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "liushou/text.hpp"

namespace liushou::xlsx_detail {

/// Excel's escape for characters XML cannot hold: _x000D_ is a carriage return, _x005F_ a
/// literal underscore before such a sequence.
std::string unescape_ooxml(const std::string& s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::all_of(s.begin() + static_cast<long>(i) + 2, s.begin() + static_cast<long>(i) + 6,
                        [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
            const auto cp = static_cast<char32_t>(std::stoul(s.substr(i + 2, 4), nullptr, 16));
            append_utf8(out, cp);
            i += 6;
            continue;
        }
        out += s[i];
    }
    return out;
}

/// Whether a number format shows a date (ECMA-376 part 1, 18.8.30 and 18.8.31). A code the
/// workbook declares is read by its tokens; without one, the built-in id says it: 14 to 22
/// and 45 to 47 are dates and times, 0 to 13 and 37 to 44 numbers, 49 text, and 27 to 36 and
/// 50 to 58 the dates Chinese Excel shows as 2024年3月1日.
bool is_date_format(int id, const std::optional<std::string>& declared) {
    if (!declared)
        return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
               (id >= 50 && id <= 58);
    const std::string& code = *declared;
    // Only the first section counts (positive numbers; a date has no other). A letter is a
    // date token only outside "quotes", [brackets] (colours, conditions, locales: [$-804],
    // [Red]; but [h] [mm] [ss] are elapsed times), after a \ escape or a _ or * (spacing, fill).
    bool quoted = false;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (quoted) {
            quoted = c != '"';
        } else if (c == '"') {
            quoted = true;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or padding)
        } else if (c == ';') {
            return false;
        } else if (c == '[') {
            const size_t close = code.find(']', i);
            if (close == std::string::npos) return false;
            const std::string inside = code.substr(i + 1, close - i - 1);
            if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string::npos)
                return true;
            i = close;
        } else if (lower == 'g' && i + 7 <= code.size() &&
                   std::equal(code.begin() + static_cast<long>(i),
                              code.begin() + static_cast<long>(i) + 7, "general",
                              [](char a, char b) {
                                  return std::tolower(static_cast<unsigned char>(a)) == b;
                              })) {
            i += 6;  // the General keyword, as LibreOffice and WPS declare it (it holds an e)
        } else if (lower == 'e' && i + 1 < code.size() &&
                   (code[i + 1] == '+' || code[i + 1] == '-')) {
            ++i;  // scientific notation: 0.00E+00
        } else if (std::string_view("ymdhse").find(lower) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

/// "B12" -> column 1 (from 0); -1 when the reference has no letters.
int column_of(const char* ref) {
    int col = 0;
    bool any = false;
    for (const char* p = ref; *p && std::isalpha(static_cast<unsigned char>(*p)); ++p) {
        col = col * 26 + (std::toupper(static_cast<unsigned char>(*p)) - 'A' + 1);
        any = true;
        if (col > 16384) return -1;
    }
    return any ? col - 1 : -1;
}

/// Column 1 (from 0) -> "B", as Excel names it.
std::string column_name(int col) {
    std::string out;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
    return out;
}

/// An Excel serial day number as a date: 1 is 1900-01-01, and Excel counts a 29 February 1900
/// that never was (serial 60), so later serials are a day ahead of the calendar.
std::optional<Date> serial_date(long days, bool date1904) {
    if (date1904) return Date{1904, 1, 1}.add_days(days);
    if (days >= 61) return Date{1899, 12, 30}.add_days(days);
    if (days >= 1 && days <= 59) return Date{1899, 12, 31}.add_days(days);
    return std::nullopt;
}

/// A numeric cell as Excel's General format would show it, without rounding: integers in
/// full, other numbers in their shortest exact form; dates (by their style) as YYYY-MM-DD.
CellText number_text(const std::string& v, bool date, bool date1904) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (v.empty() || *end || !std::isfinite(d)) return {v};
    if (date && d >= 0 && d < 2958466) {
        const double whole = std::floor(d);
        const auto day = serial_date(static_cast<long>(whole), date1904);
        const long minutes = std::lround((d - whole) * 24 * 60);
        if (day && day->valid()) {
            std::string out = day->iso();
            if (minutes > 0 && minutes < 24 * 60)
                out += fmt::format(" {:02}:{:02}", minutes / 60, minutes % 60);
            return {out};
        }
    }
    const bool integral = std::floor(d) == d;
    const bool digits_only = !v.empty() && v.find_first_not_of("-0123456789") == std::string::npos;
    if (integral && std::fabs(d) >= 1e15)
        return {digits_only ? v : fmt::format("{:.0f}", d), !digits_only || v.size() > 15};
    if (integral) return {fmt::format("{:.0f}", d)};
    return {fmt::format("{}", d)};
}

}  // namespace liushou::xlsx_detail
