// Scalars in YAML: plain when that reads back as the same text, else double-quoted.
#include <fmt/format.h>

#include <set>

#include "liushou/codec.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

bool is_plain_safe(std::string_view s) {
    if (s.empty()) return false;
    // Every scalar written passes here: the reserved words are short, and one pass over the
    // bytes finds what plain style cannot hold.
    static const std::set<std::string> kReserved = {"y",     "n",  "yes", "no",   "true",
                                                    "false", "on", "off", "null", "~"};
    if (s.size() <= 5 && kReserved.count(fold_case(s))) return false;
    const unsigned char first = static_cast<unsigned char>(s.front());
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`+.<=").find(static_cast<char>(first)) !=
            std::string_view::npos ||
        (first >= '0' && first <= '9') || first == ' ')
        return false;
    if (s.back() == ' ' || s.back() == ':') return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) return false;
        if (c < 0xc2) continue;
        // C1 controls (U+0085 among them), the BOM and the line separators are legal UTF-8
        // but not printable YAML.
        const std::string_view rest = s.substr(i);
        if (c == 0xc2 && rest.size() > 1 && static_cast<unsigned char>(rest[1]) >= 0x80 &&
            static_cast<unsigned char>(rest[1]) <= 0x9f)
            return false;
        if (c != 0xe2 && c != 0xef) continue;
        if (rest.substr(0, 3) == "\xef\xbb\xbf" || rest.substr(0, 3) == "\xe2\x80\xa8" ||
            rest.substr(0, 3) == "\xe2\x80\xa9")
            return false;
    }
    return true;
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    out += fmt::format("\\x{:02x}", c);
                } else if (c == 0xc2 && i + 1 < s.size() &&
                           static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                           static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
                    out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
                    ++i;
                } else if (s.substr(i, 3) == "\xef\xbb\xbf") {
                    out += "\\ufeff";
                    i += 2;
                } else if (s.substr(i, 3) == "\xe2\x80\xa8" || s.substr(i, 3) == "\xe2\x80\xa9") {
                    out += s[i + 2] == '\xa8' ? "\\L" : "\\P";
                    i += 2;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

}  // namespace

std::string yaml_scalar(std::string_view value) {
    return is_plain_safe(value) ? std::string(value) : double_quoted(value);
}

}  // namespace liushou
