#include "liushou/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace liushou {

namespace {

struct Decomposition {
    char32_t code, first, second;
};
struct CombiningClass {
    char32_t code;
    int ccc;
};
struct Composition {
    char32_t first, second, composed;
};

#include "unicode_nfc.inc"

// Hangul syllables decompose and compose by formula (Unicode 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
                   kSCount = kLCount * kNCount;

bool decode(std::string_view s, std::vector<char32_t>& out) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + static_cast<size_t>(len) > s.size()) return false;
        char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        out.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return true;
}

int ccc_of(char32_t cp) {
    const auto* end = std::end(kCombiningClasses);
    const auto* it =
        std::lower_bound(std::begin(kCombiningClasses), end, cp,
                         [](const CombiningClass& c, char32_t v) { return c.code < v; });
    return it != end && it->code == cp ? it->ccc : 0;
}

void decompose(char32_t cp, std::vector<char32_t>& out) {
    if (cp >= kSBase && cp < kSBase + kSCount) {
        const char32_t s = cp - kSBase;
        out.push_back(kLBase + s / kNCount);
        out.push_back(kVBase + (s % kNCount) / kTCount);
        if (s % kTCount) out.push_back(kTBase + s % kTCount);
        return;
    }
    const auto* end = std::end(kDecompositions);
    const auto* it =
        std::lower_bound(std::begin(kDecompositions), end, cp,
                         [](const Decomposition& d, char32_t v) { return d.code < v; });
    if (it == end || it->code != cp) {
        out.push_back(cp);
        return;
    }
    decompose(it->first, out);
    if (it->second) decompose(it->second, out);
}

char32_t compose(char32_t a, char32_t b) {
    if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
        return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
    if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
        b < kTBase + kTCount)
        return a + (b - kTBase);
    const auto* end = std::end(kCompositions);
    const auto* it =
        std::lower_bound(std::begin(kCompositions), end, std::make_pair(a, b),
                         [](const Composition& c, const std::pair<char32_t, char32_t>& v) {
                             return std::make_pair(c.first, c.second) < v;
                         });
    return it != end && it->first == a && it->second == b ? it->composed : 0;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

/// The code points of the first plane that NFC leaves as they are whatever stands around
/// them: no decomposition, combining class 0, and never the second of a composition. Every
/// Chinese character and punctuation mark is one, so a sheet of them is checked by one scan
/// instead of being decomposed and composed again.
const std::vector<bool>& inert_bmp() {
    static const std::vector<bool> table = [] {
        std::vector<bool> t(0x10000, true);
        for (const auto& d : kDecompositions)
            if (d.code < 0x10000) t[d.code] = false;
        for (const auto& c : kCombiningClasses)
            if (c.code < 0x10000) t[c.code] = false;
        for (const auto& c : kCompositions)
            if (c.second < 0x10000) t[c.second] = false;
        for (char32_t cp = kLBase; cp < 0x1200; ++cp) t[cp] = false;  // conjoining jamo
        for (char32_t cp = kSBase; cp < kSBase + kSCount; ++cp) t[cp] = false;
        return t;
    }();
    return table;
}

}  // namespace

bool is_nfc_inert(std::string_view utf8) {
    const std::vector<bool>& inert = inert_bmp();
    for (size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        char32_t cp;
        if ((c >> 5) == 6 && i + 1 < utf8.size()) {
            cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
            i += 2;
        } else if ((c >> 4) == 14 && i + 2 < utf8.size()) {
            cp = (c & 0x0Fu) << 12 | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6 |
                 (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
            i += 3;
        } else {
            return false;  // beyond the first plane, or not UTF-8: the careful way decides
        }
        if (!inert[cp]) return false;
    }
    return true;
}

std::string to_nfc(std::string_view utf8) {
    // ASCII, and nearly all Chinese text, is already NFC: no work beyond one scan.
    if (is_nfc_inert(utf8)) return std::string(utf8);
    std::vector<char32_t> cps;
    if (!decode(utf8, cps)) return std::string(utf8);
    std::vector<char32_t> d;
    d.reserve(cps.size());
    for (const char32_t cp : cps) decompose(cp, d);
    // Canonical order: a stable sort of each run of non-starters by combining class.
    for (size_t i = 0; i < d.size();) {
        if (ccc_of(d[i]) == 0) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < d.size() && ccc_of(d[j]) != 0) ++j;
        std::stable_sort(d.begin() + static_cast<long>(i), d.begin() + static_cast<long>(j),
                         [](char32_t x, char32_t y) { return ccc_of(x) < ccc_of(y); });
        i = j;
    }
    // Canonical composition (the algorithm of UAX #15): a character joins the last starter
    // unless a character of the same or a higher class stands between them.
    std::vector<char32_t> out;
    out.reserve(d.size());
    if (d.empty()) return std::string(utf8);
    size_t starter = 0;
    int last = ccc_of(d[0]) == 0 ? 0 : 256;
    out.push_back(d[0]);
    for (size_t i = 1; i < d.size(); ++i) {
        const char32_t cp = d[i];
        const int ccc = ccc_of(cp);
        const char32_t composed = compose(out[starter], cp);
        if (composed && (last < ccc || last == 0)) {
            out[starter] = composed;
            continue;
        }
        if (ccc == 0) starter = out.size();
        last = ccc;
        out.push_back(cp);
    }
    std::string result;
    result.reserve(utf8.size());
    for (const char32_t cp : out) append_utf8(result, cp);
    return result;
}

std::string fold_width(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
        if (i + 2 < text.size() && b(0) == 0xEF && (b(1) == 0xBC || b(1) == 0xBD)) {
            // U+FF01..FF5E is EF BC 81..BF and EF BD 80..9E: ASCII 0x21..0x7E.
            const int cp = ((b(1) & 0x3F) << 6 | (b(2) & 0x3F)) + 0xF000;
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                out += static_cast<char>(cp - 0xFF01 + 0x21);
                i += 3;
                continue;
            }
        }
        if (i + 2 < text.size() && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
            out += ' ';
            i += 3;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += separator;
        out += items[i];
    }
    return out;
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view kIdeographic = "\u3000";
    for (;;) {
        if (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
            s.remove_prefix(1);
        else if (s.substr(0, 3) == kIdeographic)
            s.remove_prefix(3);
        else if (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
            s.remove_suffix(1);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographic)
            s.remove_suffix(3);
        else
            return s;
    }
}

std::string forbidden_character(std::string_view utf8, bool multiline) {
    // Every scalar of every record read or written passes here, so the common case (no byte
    // that can begin a forbidden character, even an over-long one) answers without decoding.
    const bool plain = std::none_of(utf8.begin(), utf8.end(), [multiline](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20) return !(c == '\t' || (multiline && c == '\n'));
        return c == 0x7F || c == 0xC0 || c == 0xC1 || c == 0xC2 || c == 0xE0 || c == 0xE2 ||
               c == 0xF0;
    });
    if (plain) return "";
    std::vector<char32_t> cps;
    if (!decode(utf8, cps)) return "";
    for (const char32_t cp : cps) {
        const bool allowed_space = cp == '\t' || (multiline && cp == '\n');
        if ((cp < 0x20 && !allowed_space) || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
            cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069))
            return fmt::format("U+{:04X}", static_cast<uint32_t>(cp));
    }
    return "";
}

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

namespace {

/// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes read as U+FFFD.
unsigned next_code_point(std::string_view s, size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80             ? 0
               : (c & 0xe0) == 0xc0 ? 1
               : (c & 0xf0) == 0xe0 ? 2
               : (c & 0xf8) == 0xf0 ? 3
                                    : 0;
    unsigned cp = n == 0 ? c : n == 1 ? (c & 0x1f) : n == 2 ? (c & 0x0f) : (c & 0x07);
    ++i;
    for (size_t k = 0; k < n; ++k, ++i) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) return 0xfffd;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3f);
    }
    return cp;
}

bool is_wide(unsigned cp) {
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
           (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
           (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
           (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
           (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
           (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
           (cp >= 0x20000 && cp <= 0x3fffd);
}

}  // namespace

int display_width(std::string_view s) {
    int width = 0;
    for (size_t i = 0; i < s.size();) {
        const unsigned cp = next_code_point(s, i);
        if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f)) continue;  // controls, combining marks
        width += is_wide(cp) ? 2 : 1;
    }
    return width;
}

}  // namespace liushou
