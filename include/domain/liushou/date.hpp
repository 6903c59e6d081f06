// Calendar dates without time zones: what a school register records.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace liushou {

bool is_leap_year(int year);
int days_in_month(int year, int month);

/// A proleptic Gregorian date; `valid()` is false for anything not on the calendar.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    bool valid() const;
    /// `YYYY-MM-DD`.
    std::string iso() const;
    /// Days since 1970-01-01, for differences and weekday arithmetic.
    long days() const;
    static Date from_days(long days);
    Date add_days(long n) const { return from_days(days() + n); }
    /// Age in whole years on `on` (the birthday itself counts).
    int age_on(const Date& on) const;

    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
    friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

/// Outcome of parsing a date: either a date or a sentence saying what is wrong with the text.
struct DateParse {
    std::optional<Date> date;
    std::string error;
};

/// Strict `YYYY-MM-DD`, the only form written to files.
DateParse parse_iso_date(std::string_view text);

/// What people type into Excel: 2015-03-08, 2015-3-8, 2015/3/8, 2015.3.8, 2015年3月8日, 20150308.
DateParse parse_flexible_date(std::string_view text);

/// A month as `YYYY-MM`.
struct Month {
    int year = 0;
    int month = 0;
    std::string iso() const;
    Date first() const { return Date{year, month, 1}; }
    Date last() const { return Date{year, month, days_in_month(year, month)}; }
};
std::optional<Month> parse_month(std::string_view text);

}  // namespace liushou
