#include "liushou/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
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
    // Tables, not a chain of comparisons, looked up sixteen bytes to a branch: a cold read
    // passes every file's whole text here. Non-zero: a byte that may begin one.
    static const auto tables = [] {
        std::array<std::array<unsigned char, 256>, 2> t{};  // [multiline]
        for (auto& one : t) {
            for (int c = 0; c < 0x20; ++c) one[c] = 1;
            one['\t'] = 0;
            for (const int c : {0x7F, 0xC0, 0xC1, 0xC2, 0xE0, 0xE2, 0xF0}) one[c] = 1;
        }
        t[1]['\n'] = 0;
        return t;
    }();
    const auto& suspect = tables[multiline ? 1 : 0];
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const size_t n = utf8.size();
    unsigned char seen = 0;
    size_t i = 0;
    for (; i + 16 <= n && !seen; i += 16)
        for (size_t k = 0; k < 16; ++k) seen |= suspect[p[i + k]];
    for (; i < n && !seen; ++i) seen |= suspect[p[i]];
    const bool plain = seen == 0;
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
