// The last pass of --redact: a whole document (Markdown, CSV, JSON or a page) masked once
// more, whoever wrote its text (a template, a heading, a school's name).
#include <algorithm>
#include <string>
#include <string_view>

#include "liushou/render.hpp"
#include "liushou/report_render.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"

namespace liushou {

namespace {

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
bool is_word_byte(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/// A commit as a report names it (git b9c5a1d6e9dc) at `at`: its length, or 0. A word of 7 to
/// 40 lowercase hex characters with a letter; one that holds 11 digits in a row is masked all
/// the same (a phone after a few letters, abc13812345678).
size_t commit_at(std::string_view s, size_t at) {
    if (at > 0 && is_word_byte(s[at - 1])) return 0;
    size_t end = at, run = 0, longest = 0;
    bool letter = false;
    for (; end < s.size() && is_hex_digit(s[end]); ++end) {
        letter |= s[end] >= 'a';
        run = s[end] >= 'a' ? 0 : run + 1;
        longest = std::max(longest, run);
    }
    const size_t n = end - at;
    if (n < 7 || n > 40 || !letter || longest >= 11 || (end < s.size() && is_word_byte(s[end])))
        return 0;
    return n;
}

/// `s` masked; in Markdown the mask's stars escaped (139\*\*\*\*5678, as a field's are), so
/// that two masks on a line do not read as emphasis, while the text's own stars stay.
std::string redact_text(std::string_view s, bool markdown) {
    if (!markdown || s.find('\x01') != std::string_view::npos) return redact(s);
    std::string own(s);
    std::replace(own.begin(), own.end(), '*', '\x01');  // neither a digit nor a separator
    const std::string masked = redact(own);
    std::string out;
    out.reserve(masked.size());
    for (const char c : masked) {
        if (c == '*') out += '\\';
        out += c == '\x01' ? '*' : c;
    }
    return out;
}

/// Plain text (Markdown, CSV, a JSON string's value, a page's text) masked, its commits kept.
std::string redact_plain(std::string_view s, bool markdown = false) {
    std::string out;
    size_t from = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!is_hex_digit(s[i])) continue;
        const size_t n = commit_at(s, i);
        if (n == 0) {
            while (i + 1 < s.size() && is_word_byte(s[i + 1])) ++i;  // to the word's end
            continue;
        }
        out += redact_text(s.substr(from, i - from), markdown);
        out.append(s.substr(i, n));
        from = i + n;
        i += n - 1;
    }
    return out + redact_text(s.substr(from), markdown);
}

/// A JSON string's value from its literal (without the quotes); false if it is not one
/// json_string writes (then it is masked as it stands).
bool json_value(std::string_view literal, std::string& out) {
    out.clear();
    for (size_t i = 0; i < literal.size(); ++i) {
        if (literal[i] != '\\') {
            out += literal[i];
            continue;
        }
        if (++i >= literal.size()) return false;
        switch (literal[i]) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u': {
                if (i + 4 >= literal.size()) return false;
                unsigned cp = 0;
                for (size_t k = 1; k <= 4; ++k) {
                    const char c = literal[i + k];
                    const int v = c >= '0' && c <= '9'   ? c - '0'
                                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                         : -1;
                    if (v < 0) return false;
                    cp = cp * 16 + static_cast<unsigned>(v);
                }
                if (cp >= 0x80) return false;  // json_string escapes only controls
                out += static_cast<char>(cp);
                i += 4;
                break;
            }
            default:
                return false;
        }
    }
    return true;
}

/// Each string of a JSON document masked; its numbers, keys' quotes and layout as they are.
std::string redact_json(std::string_view s) {
    std::string out, value;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '"') {
            out += s[i];
            continue;
        }
        size_t end = i + 1;
        while (end < s.size() && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
        end = std::min(end, s.size());
        const std::string_view literal = s.substr(i + 1, end - i - 1);
        if (!json_value(literal, value)) {
            out += '"' + redact_plain(literal) + '"';
        } else {
            const std::string masked = redact_plain(value);
            out += masked == value ? '"' + std::string(literal) + '"' : json_string(masked);
        }
        i = end;
    }
    return out;
}

/// A tag with the values of its attributes that hold text for a reader (a chart's
/// aria-label, a title, an alt) masked; the others (sizes, classes, a viewBox) as they are.
std::string redact_attributes(std::string_view tag) {
    std::string out;
    size_t from = 0;
    for (size_t at = 0; (at = tag.find("=\"", at)) != std::string_view::npos; at += 2) {
        const size_t name = tag.find_last_of(" \t\n", at) + 1;
        const std::string_view key = tag.substr(name, at - name);
        const size_t end = tag.find('"', at + 2);
        if (end == std::string_view::npos) break;
        if (key == "aria-label" || key == "title" || key == "alt") {
            out.append(tag.substr(from, at + 2 - from));
            out += redact_plain(tag.substr(at + 2, end - at - 2));
            from = end;
        }
        at = end - 1;
    }
    return out.append(tag.substr(from));
}

/// A page with the text between its tags masked; tags, the style sheet and scripts as they are.
std::string redact_page(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const size_t tag = s.find('<', i);
        // Text runs to the next tag; character references stay inside it, so a number
        // written with one (&#49;) is a reference, not a digit, to both this pass and a reader.
        out += redact_plain(s.substr(i, tag == std::string_view::npos ? s.npos : tag - i));
        if (tag == std::string_view::npos) break;
        size_t close = s.find('>', tag);
        close = close == std::string_view::npos ? s.size() : close + 1;
        const std::string_view element = s.substr(tag, close - tag);
        out += redact_attributes(element);
        i = close;
        for (const std::string_view raw : {"style", "script"}) {
            if (element.size() > raw.size() + 1 && element.substr(1, raw.size()) == raw &&
                !is_word_byte(element[raw.size() + 1])) {
                const size_t stop = s.find("</" + std::string(raw), i);
                const size_t to = stop == std::string_view::npos ? s.size() : stop;
                out.append(s.substr(i, to - i));
                i = to;
            }
        }
    }
    return out;
}

}  // namespace

std::string redact_document(std::string_view text, Format format) {
    switch (format) {
        case Format::json:
            return redact_json(text);
        case Format::html:
            return redact_page(text);
        case Format::md:
            return redact_plain(text, true);
        case Format::csv:
            break;
    }
    // A CSV cell's text is masked as the whole text is: no separator a number may hold is
    // a comma, quote or line end, so no number runs from one cell into the next.
    return redact_plain(text);
}

}  // namespace liushou
