// Private numbers in free text (#18, #40): phone numbers, 身份证号 and the like, found in any
// spelling people write them (full-width digits, Chinese numerals, groups with separators),
// so that --redact and report summaries can mask them.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "liushou/text.hpp"

namespace liushou {

namespace {

/// The digit at `at` (ASCII or full-width), its value in `digit` and byte length in `len`.
bool digit_at(std::string_view s, size_t at, char& digit, size_t& len) {
    if (at < s.size() && s[at] >= '0' && s[at] <= '9') {
        digit = s[at];
        len = 1;
        return true;
    }
    if (at + 2 < s.size() && s.substr(at, 2) == "\xef\xbc" &&
        static_cast<unsigned char>(s[at + 2]) >= 0x90 &&
        static_cast<unsigned char>(s[at + 2]) <= 0x99) {
        digit = static_cast<char>('0' + (static_cast<unsigned char>(s[at + 2]) - 0x90));
        len = 3;
        return true;
    }
    return false;
}

/// A digit spelled as a Chinese numeral at `at`, as people say a phone number aloud and then
/// write it down: 〇 零 一 幺 二 … 九, and the capitals 壹 贰 … 玖 of receipts. Never 十, 百
/// or 两, which make amounts and counts (三十五, 两个), not digit strings.
bool spelled_digit_at(std::string_view s, size_t at, char& digit, size_t& len) {
    // Every numeral is three bytes in UTF-8; decoded and switched on, since a report's text is
    // mostly Chinese and each of its characters is asked.
    if (at + 3 > s.size() || (static_cast<unsigned char>(s[at]) & 0xf0) != 0xe0 ||
        (static_cast<unsigned char>(s[at + 1]) & 0xc0) != 0x80 ||
        (static_cast<unsigned char>(s[at + 2]) & 0xc0) != 0x80)
        return false;
    const unsigned cp = (static_cast<unsigned char>(s[at]) & 0x0fu) << 12 |
                        (static_cast<unsigned char>(s[at + 1]) & 0x3fu) << 6 |
                        (static_cast<unsigned char>(s[at + 2]) & 0x3fu);
    switch (cp) {
        case 0x3007:
        case 0x96f6:
            digit = '0';
            break;  // 〇 零
        case 0x4e00:
        case 0x5e7a:
        case 0x58f9:
            digit = '1';
            break;  // 一 幺 壹
        case 0x4e8c:
        case 0x8d30:
            digit = '2';
            break;  // 二 贰
        case 0x4e09:
        case 0x53c1:
            digit = '3';
            break;  // 三 叁
        case 0x56db:
        case 0x8086:
            digit = '4';
            break;  // 四 肆
        case 0x4e94:
        case 0x4f0d:
            digit = '5';
            break;  // 五 伍
        case 0x516d:
        case 0x9646:
            digit = '6';
            break;  // 六 陆
        case 0x4e03:
        case 0x67d2:
            digit = '7';
            break;  // 七 柒
        case 0x516b:
        case 0x634c:
            digit = '8';
            break;  // 八 捌
        case 0x4e5d:
        case 0x7396:
            digit = '9';
            break;  // 九 玖
        default:
            return false;
    }
    len = 3;
    return true;
}

bool check_x_at(std::string_view s, size_t at, size_t& len) {
    if (at < s.size() && (s[at] == 'X' || s[at] == 'x')) return len = 1, true;
    if (s.substr(at, 3) == "\xef\xbc\xb8" || s.substr(at, 3) == "\xef\xbd\x98")
        return len = 3, true;  // Ｘ ｘ
    return false;
}

/// The byte length of a separator people put inside a number at `at`, or 0: space, '-', '.',
/// and their look-alikes (no-break and ideographic space, full-width hyphen and full stop,
/// en and em dash).
size_t separator_at(std::string_view s, size_t at) {
    if (at >= s.size()) return 0;
    if (s[at] == ' ' || s[at] == '-' || s[at] == '.') return 1;
    for (const std::string_view sep : {"\xc2\xa0", "\xe3\x80\x80", "\xef\xbc\x8d", "\xef\xbc\x8e",
                                       "\xe2\x80\x93", "\xe2\x80\x94"})
        if (s.substr(at, sep.size()) == sep) return sep.size();
    return 0;
}

struct Group {
    size_t begin, end;     // bytes
    std::string digits;    // ASCII; an id number's check character as 'X'
    std::string sep;       // the separator after it ("" for the last)
    bool spelled = false;  // a digit of it is a Chinese numeral
};

/// The words that announce a number in free text; after one of them even a short or grouped
/// number (座机 2760 1234, QQ 12345678) is masked in a report.
bool after_label(std::string_view text, size_t at) {
    std::string_view before = text.substr(0, at);
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view pad :
             {" ", ":", "\xef\xbc\x9a", "\xe3\x80\x80", "(", "\xef\xbc\x88", "\xe4\xb8\xba",
              "\xe6\x98\xaf"})  // ： 　 （ 为 是
            if (before.size() >= pad.size() && before.substr(before.size() - pad.size()) == pad) {
                before.remove_suffix(pad.size());
                trimmed = true;
            }
    }
    for (const std::string_view label :
         {"电话",   "手机",     "座机",   "号码",   "联系方式", "手机号", "电话号",
          "身份证", "身份证号", "证件号", "学籍号", "卡号",     "账号",   "QQ",
          "qq",     "微信",     "Tel",    "TEL",    "tel",      "Phone",  "phone",
          "Mobile", "mobile",   "ID",     "No"})
        if (before.size() >= label.size() && before.substr(before.size() - label.size()) == label)
            return true;
    return false;
}

/// What the digits of one candidate are, and how much of them a report keeps.
PrivateNumber classify(const std::vector<Group>& g, size_t from, size_t to) {
    PrivateNumber n;
    n.begin = g[from].begin;
    n.end = g[to - 1].end;
    for (size_t i = from; i < to; ++i) n.digits += g[i].digits;
    const std::string& d = n.digits;
    const auto starts = [&](std::string_view p) { return d.compare(0, p.size(), p) == 0; };
    if (d.size() == 11 && d[0] == '1') {
        n.kind = PrivateNumber::mobile;
    } else if (d.size() == 13 && starts("861")) {
        n.kind = PrivateNumber::mobile, n.keep = 2;  // 86 before the number
    } else if (d.size() == 15 && starts("00861")) {
        n.kind = PrivateNumber::mobile, n.keep = 4;
    } else if (d.size() == 18 || d.size() == 15) {
        n.kind = PrivateNumber::id_number;
    } else if (d[0] == '0' && d.size() >= 10 && d.size() <= 12) {
        n.kind = PrivateNumber::landline;
        const size_t first = g[from].digits.size();
        n.keep = to - from > 1 && (first == 3 || first == 4) ? first
                 : d[1] == '1' || d[1] == '2'                ? 3
                                                             : 4;
    } else {
        n.kind = PrivateNumber::other;
    }
    return n;
}

/// The numbers of find_private_numbers; with `spelled`, Chinese numerals are digits too, and
/// only the numbers that hold one are returned.
std::vector<PrivateNumber> find_numbers(std::string_view text, bool report, bool spelled) {
    std::vector<PrivateNumber> found;
    char d;
    size_t len;
    const auto any_digit = [&](size_t at, bool& was_spelled) {
        was_spelled = false;
        if (digit_at(text, at, d, len)) return true;
        return spelled && (was_spelled = spelled_digit_at(text, at, d, len));
    };
    bool is_spelled = false;
    for (size_t i = 0; i < text.size();) {
        if (!any_digit(i, is_spelled)) {
            ++i;
            continue;
        }
        // Digit groups joined by single separators.
        std::vector<Group> groups;
        size_t at = i;
        for (;;) {
            Group g{at, at, "", ""};
            while (any_digit(at, is_spelled)) g.digits += d, g.spelled |= is_spelled, at += len;
            g.end = at;
            groups.push_back(g);
            const size_t sep = separator_at(text, at);
            if (sep == 0 || !any_digit(at + sep, is_spelled)) break;
            groups.back().sep = std::string(text.substr(at, sep));
            at += sep;
        }
        // The check character of an id number, when the digits before it are 17 (or 14).
        size_t suffix = 0;
        bool id_length = false;
        for (size_t k = groups.size(); k-- > 0;) {
            suffix += groups[k].digits.size();
            id_length |= suffix == 17 || suffix == 14;
        }
        if (id_length && check_x_at(text, groups.back().end, len)) {
            groups.back().digits += 'X';
            groups.back().end += len;
        }
        for (size_t from = 0; from < groups.size();) {
            // The longest run of groups from here joined by one kind of separator; a group of
            // more than eight digits is a number of its own, never part of another.
            size_t to = from + 1;
            while (to < groups.size() && groups[to - 1].sep == groups[from].sep &&
                   groups[to - 1].digits.size() <= 8 && groups[to].digits.size() <= 8)
                ++to;
            // The longest of those spans that looks private (06050427-6 is an eight-digit
            // number and a 6, not a nine-digit one).
            const bool label = report && after_label(text, groups[from].begin);
            size_t hit = from;
            for (size_t end = to; end > from && hit == from; --end) {
                bool middle_short = false;
                size_t digits = 0;
                for (size_t k = from; k < end; ++k) {
                    middle_short |= k + 1 < end && groups[k].digits.size() < 3;
                    digits += groups[k].digits.size();
                }
                const bool area_code = groups[from].digits[0] == '0' && end - from > 1;
                if (middle_short) continue;
                const bool with_spelled = std::any_of(groups.begin() + static_cast<long>(from),
                                                      groups.begin() + static_cast<long>(end),
                                                      [](const Group& g) { return g.spelled; });
                if (with_spelled) {
                    // Numerals are words as well as digits (一一, 三五成群, 二〇二六年, a
                    // counting rhyme): only the shape of a phone or id number, or a number
                    // after a label, is one.
                    if (classify(groups, from, end).kind != PrivateNumber::other ||
                        (report && label && digits >= 7))
                        hit = end;
                } else if (digits >= (area_code ? 10u : 11u) ||
                           (report && digits >= 7 && (end - from == 1 || label))) {
                    hit = end;
                }
            }
            // Groups joined by different separators (139-1234 5678, 420821 20150825-1761) are
            // one number only in the exact shape of a mobile or an 18-character id number, and
            // then even where fewer of them joined by one kind would be one already.
            for (size_t end = from + 2; end <= groups.size(); ++end) {
                if (groups[end - 2].digits.size() < 3 || groups[end - 2].digits.size() > 8 ||
                    groups[end - 1].digits.size() > 8)
                    break;
                const PrivateNumber n = classify(groups, from, end);
                if (end > hit && ((n.kind == PrivateNumber::mobile && n.keep == 0) ||
                                  (n.kind == PrivateNumber::id_number && n.digits.size() == 18)))
                    hit = end;
                if (n.digits.size() >= 18) break;
            }
            if (hit > from) {
                found.push_back(classify(groups, from, hit));
                from = hit;
            } else {
                ++from;
            }
        }
        i = groups.back().end;
    }
    if (spelled)
        // (A numeral's first byte is never a continuation byte, so a byte-wise scan is safe.)
        found.erase(std::remove_if(found.begin(), found.end(),
                                   [&](const PrivateNumber& n) {
                                       for (size_t k = n.begin; k < n.end; ++k)
                                           if (spelled_digit_at(text, k, d, len)) return false;
                                       return true;
                                   }),
                    found.end());
    return found;
}

}  // namespace

std::vector<PrivateNumber> find_private_numbers(std::string_view text, bool report) {
    std::vector<PrivateNumber> found = find_numbers(text, report, false);
    // Chinese numerals are looked for only where there are any: most text has none, and its
    // numbers are then found once.
    bool maybe = false;
    for (const char c : text) maybe |= static_cast<unsigned char>(c) >= 0xe3;
    if (!maybe) return found;
    // A number spelled in part or whole (一三八 1234 5678) replaces what it covers of the
    // numbers found in digits only (1234 5678 alone); one it only overlaps yields to them.
    for (const PrivateNumber& n : find_numbers(text, report, true)) {
        const auto covers = [&](const PrivateNumber& m) {
            return m.end > n.begin && m.begin < n.end;
        };
        const bool inside = std::all_of(found.begin(), found.end(), [&](const PrivateNumber& m) {
            return !covers(m) || (n.begin <= m.begin && m.end <= n.end);
        });
        if (!inside) continue;
        found.erase(std::remove_if(found.begin(), found.end(), covers), found.end());
        found.push_back(n);
    }
    std::sort(found.begin(), found.end(),
              [](const PrivateNumber& a, const PrivateNumber& b) { return a.begin < b.begin; });
    return found;
}

namespace {

/// `text` with each private number `find_private_numbers` finds replaced by `mask(number)`.
template <class Mask>
std::string replace_private_numbers(std::string_view text, bool report, Mask mask) {
    std::string out;
    size_t copied = 0;
    for (const PrivateNumber& n : find_private_numbers(text, report)) {
        out.append(text.substr(copied, n.begin - copied));
        out += mask(n, n.digits);
        copied = n.end;
    }
    out.append(text.substr(copied));
    return out;
}

}  // namespace

std::string mask_private_numbers(std::string_view text) {
    return replace_private_numbers(text, false, [](const PrivateNumber&, const std::string& d) {
        return d.substr(0, 3) + std::string(d.size() - 5, '*') + d.substr(d.size() - 2);
    });
}

std::string mask_for_report(std::string_view text) {
    return replace_private_numbers(text, true, [](const PrivateNumber& n, const std::string& d) {
        switch (n.kind) {
            case PrivateNumber::mobile:  // 138****5678, after any country code
                return d.substr(0, n.keep + 3) + "****" + d.substr(d.size() - 4);
            case PrivateNumber::landline:  // 0755-****1234
                return d.substr(0, n.keep) + "-****" + d.substr(d.size() - 4);
            case PrivateNumber::id_number:  // the region code only: 420821************
                return d.substr(0, 6) + std::string(d.size() - 6, '*');
            case PrivateNumber::other:  // the last two digits: QQ *******89
                break;
        }
        return std::string(d.size() - 2, '*') + d.substr(d.size() - 2);
    });
}

}  // namespace liushou
