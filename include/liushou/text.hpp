// Text as people type it: Unicode normalisation and the characters a record never holds.
#pragma once

#include <string>
#include <string_view>

namespace liushou {

/// Appends the UTF-8 encoding of the code point `cp`.
void append_utf8(std::string& out, char32_t cp);

/// `utf8` in Unicode Normalization Form C. The same name typed on two machines (a precomposed
/// "ü" or "u" plus a combining diaeresis) is then the same string, so it matches itself.
/// Invalid UTF-8 is returned unchanged (it is refused elsewhere).
std::string to_nfc(std::string_view utf8);

/// The first character a record value may not hold, as "U+001B", or "" when there is none:
/// C0 controls other than tab and newline, DEL and C1 controls (U+0080-009F), and the
/// characters that reorder or hide text (U+200E/200F, U+202A-202E, U+2066-2069).
/// `multiline` allows newline (free text); names and ids allow neither newline nor tab.
std::string forbidden_character(std::string_view utf8, bool multiline = true);

/// `text` with every number that looks like a phone or id number masked to its first three
/// and last two digits (139******78): 11 or more digits, contiguous or in groups of three or
/// more joined by one space, '-' or '.', full-width digits too; 10 when it starts with an area
/// code's 0. Dates (2026-03-15), counts and ids of up to 10 digits are left alone. For every
/// message liushou prints, so that a value in the wrong column is never echoed into a log.
std::string mask_private_numbers(std::string_view text);

}  // namespace liushou
