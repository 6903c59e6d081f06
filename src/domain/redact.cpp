// --redact's masking of one field's text: phone numbers, id numbers and house numbers.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "liushou/report.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"

namespace liushou {

namespace {

/// The length of a digit (ASCII or full-width) at `at`, or 0.
size_t house_digit_at(std::string_view s, size_t at) {
    if (at < s.size() && s[at] >= '0' && s[at] <= '9') return 1;
    if (s.compare(at, 2, "\xef\xbc") == 0 && at + 2 < s.size() &&
        static_cast<unsigned char>(s[at + 2]) >= 0x90 &&
        static_cast<unsigned char>(s[at + 2]) <= 0x99)
        return 3;
    return 0;
}

/// The length of a numeral of a spelled house number (十二号, 一百零三号) at `at`, or 0.
size_t house_numeral_at(std::string_view s, size_t at) {
    if (at >= s.size()) return 0;
    const auto lead = static_cast<unsigned char>(s[at]);
    if (lead < 0xe3 || lead > 0xe9) return 0;  // what no numeral begins with: most bytes
    for (const std::string_view n :
         {"〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "两", "幺"})
        if (s.compare(at, n.size(), n) == 0) return n.size();
    return 0;
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
    for (const std::string_view w : words)
        if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return true;
    return false;
}

}  // namespace

std::string redact(std::string_view s) {
    const std::string masked = mask_for_report(s);
    // A house number: the digits before 号 (3组12号 -> 3组*号), but not a day (3月12号). Spelled
    // in numerals (三组十二号) only after a part of an address, since 一号文件 and 三月十二号
    // are no house. A run is taken whole, so 2026年3月12号 keeps its 12.
    std::string out;
    const std::string_view m = masked;
    for (size_t i = 0; i < m.size();) {
        const bool spelled = house_digit_at(m, i) == 0;
        size_t run = i;
        for (size_t n; (n = spelled ? house_numeral_at(m, run) : house_digit_at(m, run)) > 0;)
            run += n;
        const std::string_view before = m.substr(0, i);
        const bool house = run > i && m.compare(run, 3, "号") == 0 &&
                           (spelled ? ends_with_any(before, {"组", "村", "路", "街", "巷", "弄",
                                                             "道", "队", "社", "屯", "院", "附"})
                                    : !ends_with_any(before, {"月"}));
        if (house) {
            out += '*';
            i = run;
        } else if (run > i) {
            out.append(m.substr(i, run - i));
            i = run;
        } else {
            out += m[i++];
        }
    }
    return out;
}

}  // namespace liushou
