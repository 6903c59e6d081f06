// What an .xlsx cell's value means (ECMA-376 part 1): Excel's escapes, number formats that
// show dates, column letters, serial day numbers, and a number as Excel's General format
// shows it. The reader (xlsx_read.cpp) is the only user; here so it can be read on its own.
#pragma once

#include <optional>
#include <string>

#include "liushou/date.hpp"

namespace liushou::xlsx_detail {

/// A cell's text, as read.
struct CellText {
    std::string text;
    bool lost_digits = false;  // a number with more digits than Excel keeps
};

/// Excel's escape for characters XML cannot hold: _x000D_ is a carriage return, _x005F_ a
/// literal underscore before such a sequence.
std::string unescape_ooxml(const std::string& s);

/// Whether a number format shows a date (ECMA-376 part 1, 18.8.30 and 18.8.31). A code the
/// workbook declares is read by its tokens; without one, the built-in id says it: 14 to 22
/// and 45 to 47 are dates and times, 0 to 13 and 37 to 44 numbers, 49 text, and 27 to 36 and
/// 50 to 58 the dates Chinese Excel shows as 2024年3月1日.
bool is_date_format(int id, const std::optional<std::string>& declared);

/// "B12" -> column 1 (from 0); -1 when the reference has no letters.
int column_of(const char* ref);

/// Column 1 (from 0) -> "B", as Excel names it.
std::string column_name(int col);

/// An Excel serial day number as a date: 1 is 1900-01-01, and Excel counts a 29 February 1900
/// that never was (serial 60), so later serials are a day ahead of the calendar.
std::optional<Date> serial_date(long days, bool date1904);

/// A numeric cell as Excel's General format would show it, without rounding: integers in
/// full, other numbers in their shortest exact form; dates (by their style) as YYYY-MM-DD.
CellText number_text(const std::string& v, bool date, bool date1904);

}  // namespace liushou::xlsx_detail
