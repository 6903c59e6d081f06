#include "liushou/date.hpp"

#include <fmt/format.h>

#include <cctype>
#include <vector>

#include "liushou/i18n.hpp"
#include "liushou/text.hpp"

namespace liushou {

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool Date::valid() const {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::string Date::iso() const {
    // By hand for the usual dates (a county's checklist prints tens of thousands); fmt for
    // the rest (a year outside 0..9999, which check reports).
    if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99)
        return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    char b[10] = {static_cast<char>('0' + year / 1000),
                  static_cast<char>('0' + year / 100 % 10),
                  static_cast<char>('0' + year / 10 % 10),
                  static_cast<char>('0' + year % 10),
                  '-',
                  static_cast<char>('0' + month / 10),
                  static_cast<char>('0' + month % 10),
                  '-',
                  static_cast<char>('0' + day / 10),
                  static_cast<char>('0' + day % 10)};
    return std::string(b, sizeof b);
}

// Howard Hinnant's days_from_civil: exact for every Gregorian date.
long Date::days() const {
    const long y = month <= 2 ? year - 1 : year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return Date{y, m, d};
}

int Date::age_on(const Date& on) const {
    // Born on 29 February: in other years the birthday is the 28th, as the checklist lists it.
    const int birthday = month == 2 && day == 29 && !is_leap_year(on.year) ? 28 : day;
    int age = on.year - year;
    if (on.month < month || (on.month == month && on.day < birthday)) --age;
    return age;
}

namespace {

// Reads an unsigned run of 1..max_digits ASCII digits at `pos`.
bool read_number(std::string_view s, size_t& pos, int max_digits, int& out) {
    size_t start = pos;
    long value = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) &&
           pos - start < static_cast<size_t>(max_digits)) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
    }
    if (pos == start) return false;
    out = static_cast<int>(value);
    return true;
}

bool consume(std::string_view s, size_t& pos, std::string_view token) {
    if (s.substr(pos, token.size()) != token) return false;
    pos += token.size();
    return true;
}

DateParse checked(std::string_view text, int y, int m, int d) {
    Date date{y, m, d};
    if (date.valid()) return {date, {}};
    if (m < 1 || m > 12) return {std::nullopt, fmt::format(N_("\"{}\" has no month {}"), text, m)};
    return {std::nullopt, fmt::format("\"{}\" is not a real date ({:04}-{:02} has {} days)", text,
                                      y, m, days_in_month(y, m))};
}

}  // namespace

DateParse parse_iso_date(std::string_view text) {
    size_t pos = 0;
    int y = 0, m = 0, d = 0;
    if (text.size() == 10 && read_number(text, pos, 4, y) && pos == 4 && consume(text, pos, "-") &&
        read_number(text, pos, 2, m) && pos == 7 && consume(text, pos, "-") &&
        read_number(text, pos, 2, d) && pos == 10)
        return checked(text, y, m, d);
    return {std::nullopt, fmt::format(N_("\"{}\" is not a date in the form YYYY-MM-DD"), text)};
}

DateParse parse_flexible_date(std::string_view raw) {
    // Full-width digits, and a time after the date (2015/3/8 0:00, as Excel writes a date
    // cell out), are read as the date.
    const std::string folded = fold_width(trim(raw));
    std::string_view text = trim(folded);
    if (const size_t cut = text.find_first_of(" T"); cut != std::string_view::npos && cut >= 8) {
        const std::string_view time = trim(text.substr(cut + 1));
        if (!time.empty() && time.find_first_not_of("0123456789:.") == std::string_view::npos &&
            time.find(':') != std::string_view::npos)
            text = text.substr(0, cut);
    }
    // 20150308: eight digits with nothing else.
    if (text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
        auto num = [&](size_t at, size_t n) { return std::stoi(std::string(text.substr(at, n))); };
        return checked(text, num(0, 4), num(4, 2), num(6, 2));
    }
    const std::vector<std::pair<std::string_view, std::string_view>> separators = {
        {"-", "-"}, {"/", "/"}, {".", "."}, {"年", "月"}};
    for (const auto& [first, second] : separators) {
        size_t pos = 0;
        int y = 0, m = 0, d = 0;
        if (!read_number(text, pos, 4, y) || pos != 4 || !consume(text, pos, first)) continue;
        if (!read_number(text, pos, 2, m) || !consume(text, pos, second)) continue;
        if (!read_number(text, pos, 2, d)) continue;
        if (first == "年") consume(text, pos, "日");
        if (pos != text.size()) continue;
        return checked(text, y, m, d);
    }
    return {
        std::nullopt,
        fmt::format(N_("\"{}\" is not a date (write 2015-03-08, 2015/3/8 or 2015年3月8日)"), text)};
}

std::string Month::iso() const {
    return fmt::format("{:04}-{:02}", year, month);
}

std::optional<Month> parse_month(std::string_view text) {
    size_t pos = 0;
    int y = 0, m = 0;
    if (text.size() == 7 && read_number(text, pos, 4, y) && pos == 4 && consume(text, pos, "-") &&
        read_number(text, pos, 2, m) && pos == 7 && y >= 1 && m >= 1 && m <= 12)
        return Month{y, m};
    return std::nullopt;
}

}  // namespace liushou
