// Text as people type it: Unicode normalisation and the characters a record never holds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liushou {

/// Appends the UTF-8 encoding of the code point `cp`.
void append_utf8(std::string& out, char32_t cp);

/// `utf8` in Unicode Normalization Form C. The same name typed on two machines (a precomposed
/// "ü" or "u" plus a combining diaeresis) is then the same string, so it matches itself.
/// Invalid UTF-8 is returned unchanged (it is refused elsewhere).
std::string to_nfc(std::string_view utf8);
/// Whether `utf8` is made only of characters NFC leaves as they are whatever surrounds them
/// (all Chinese text, ASCII): then to_nfc would return it unchanged.
bool is_nfc_inert(std::string_view utf8);

/// `s` without the spaces people leave around a cell or an option: ASCII white space and the
/// ideographic space (U+3000) that Chinese input methods type.
std::string_view trim(std::string_view s);

/// FNV-1a over `bytes`, continuing from `h`: a quick, stable digest for cache keys (not for
/// anything an attacker must not forge).
constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
inline uint64_t fnv1a(std::string_view bytes, uint64_t h = kFnvOffset) {
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    return h;
}

/// Columns a string takes in a terminal: CJK and full-width characters count two.
int display_width(std::string_view utf8);

/// Full-width ASCII (Ｕ+FF01 to U+FF5E: ０-９, Ａ-Ｚ, －, ／ …) and the ideographic space as
/// ASCII, as an input method in full-width mode types digits and dates.
std::string fold_width(std::string_view text);

/// `items` with `separator` between them.
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// The first character a record value may not hold, as "U+001B", or "" when there is none:
/// C0 controls other than tab and newline, DEL and C1 controls (U+0080-009F), and the
/// characters that reorder or hide text (U+200E/200F, U+202A-202E, U+2066-2069).
/// `multiline` allows newline (free text); names and ids allow neither newline nor tab.
std::string forbidden_character(std::string_view utf8, bool multiline = true);

/// A number in free text that may be a phone, id or account number: bytes [begin, end) of
/// the text, its digits (ASCII; an id's check character as 'X'), what it looks like and, for
/// a phone, how many leading digits are a country or area code.
struct PrivateNumber {
    enum Kind { mobile, landline, id_number, other };
    size_t begin = 0, end = 0;
    std::string digits;
    Kind kind = other;
    size_t keep = 0;
};

/// Every number in `text` that looks private. Digits may be ASCII or full-width; groups of
/// three or more digits joined by one kind of separator (space, '-', '.', their full-width
/// forms, ideographic space, dashes) count as one number, so 139 1234 5678, 139.1234.5678,
/// 4208 2120 1711 3010 6X and 0755-2760-1234 are found. Found always: 11 or more digits (10
/// when grouped after an area code's 0). With `report`, also any ungrouped run of 7 or more
/// digits, and a grouped one after a label such as 电话, 座机, QQ or 身份证. Never: dates
/// (2026-03-15, 2026.03.15), periods (2025-2026) and ids such as 2025-017.
std::vector<PrivateNumber> find_private_numbers(std::string_view text, bool report);

/// `text` with every private number masked to its first three and last two digits
/// (139******78). For every message liushou prints, so that a value in the wrong column is
/// never echoed into a log.
std::string mask_private_numbers(std::string_view text);

/// `text` with every private number masked as a report that leaves the school shows it: a
/// mobile as 138****5678, a landline as 0755-****1234, an id number as its six-digit region
/// code and stars, anything else as stars and its last two digits.
std::string mask_for_report(std::string_view text);

}  // namespace liushou
