// Text as people type it: Unicode normalisation and the characters a record never holds.
#pragma once

#include <string>
#include <string_view>

namespace liushou {

/// `utf8` in Unicode Normalization Form C. The same name typed on two machines (a precomposed
/// "ü" or "u" plus a combining diaeresis) is then the same string, so it matches itself.
/// Invalid UTF-8 is returned unchanged (it is refused elsewhere).
std::string to_nfc(std::string_view utf8);

/// The first character a record value may not hold, as "U+001B", or "" when there is none:
/// C0 controls other than tab and newline, DEL and C1 controls (U+0080-009F), and the
/// characters that reorder or hide text (U+200E/200F, U+202A-202E, U+2066-2069).
/// `multiline` allows newline (free text); names and ids allow neither newline nor tab.
std::string forbidden_character(std::string_view utf8, bool multiline = true);

}  // namespace liushou
