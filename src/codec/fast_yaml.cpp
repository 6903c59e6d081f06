#include "fast_yaml.hpp"

#include <algorithm>
#include <cstdint>

#include "liushou/text.hpp"

namespace liushou::fast_yaml {

YAML::NodeType::value Node::Type() const {
    return raw_ ? raw_->type : YAML::NodeType::Undefined;
}
const std::string& Node::Scalar() const {
    return raw_->scalar;
}
bool Node::Quoted() const {
    return raw_ && raw_->quoted;
}
Position Node::Mark() const {
    return raw_ ? raw_->mark : Position{};
}
size_t Node::size() const {
    return raw_->type == YAML::NodeType::Map ? raw_->map.size() : raw_->seq.size();
}
Node Node::operator[](size_t i) const {
    return raw_->seq[i];
}
std::vector<Node::Pair>::const_iterator Node::begin() const {
    return raw_->map.begin();
}
std::vector<Node::Pair>::const_iterator Node::end() const {
    return raw_->map.end();
}

bool is_null_word(std::string_view s) {
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

namespace {
/// A text with more nodes than parse() reserved for (it cannot have any): for yaml-cpp.
struct TooManyNodes {};
}  // namespace

Raw* Document::make(YAML::NodeType::value type, int line, int column) {
    if (nodes_.size() == nodes_.capacity()) throw TooManyNodes{};
    nodes_.emplace_back();
    Raw* r = &nodes_.back();
    r->type = type;
    r->mark = Position{line, column};
    return r;
}

namespace {

struct Line {
    int number;
    int indent;
    std::string_view content;
};

bool is_seq_item(std::string_view content) {
    return content == "-" || content.substr(0, 2) == "- ";
}

bool hex_value(std::string_view s, uint32_t& out) {
    out = 0;
    for (char c : s) {
        out <<= 4;
        if (c >= '0' && c <= '9')
            out |= static_cast<uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            out |= static_cast<uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            out |= static_cast<uint32_t>(c - 'A' + 10);
        else
            return false;
    }
    return true;
}

/// Parses a double-quoted scalar at the start of `s`; `used` is how many bytes it took.
bool double_quoted(std::string_view s, std::string& out, size_t& used) {
    out.clear();
    for (size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            used = i + 1;
            return true;
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= s.size()) return false;
        uint32_t cp = 0;
        switch (s[i]) {
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
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case '0':
                out += '\0';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'e':
                out += '\x1b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case ' ':
                out += ' ';
                break;
            // \N and \_ are left to yaml-cpp, which (0.7) turns them into bytes that are not
            // UTF-8 and so refuses the file: both readers must agree. liushou never writes them.
            case 'L':
                append_utf8(out, 0x2028);
                break;
            case 'P':
                append_utf8(out, 0x2029);
                break;
            case 'x':
                if (i + 2 >= s.size() || !hex_value(s.substr(i + 1, 2), cp)) return false;
                append_utf8(out, cp);
                i += 2;
                break;
            case 'u':
                if (i + 4 >= s.size() || !hex_value(s.substr(i + 1, 4), cp)) return false;
                if (cp >= 0xd800 && cp <= 0xdfff) return false;  // surrogates: let yaml-cpp decide
                append_utf8(out, cp);
                i += 4;
                break;
            default:
                return false;
        }
    }
    return false;  // no closing quote on this line: a multi-line scalar
}

bool single_quoted(std::string_view s, std::string& out, size_t& used) {
    out.clear();
    for (size_t i = 1; i < s.size(); ++i) {
        if (s[i] != '\'') {
            out += s[i];
            continue;
        }
        if (i + 1 < s.size() && s[i + 1] == '\'') {
            out += '\'';
            ++i;
            continue;
        }
        used = i + 1;
        return true;
    }
    return false;
}

/// yaml-cpp refuses a key whose ':' is more than 1024 bytes after its start ("illegal map
/// value"); such a line is left to it.
constexpr size_t kMaxKeyBytes = 1024;

}  // namespace

class Parser {
  public:
    explicit Parser(Document& doc) : doc_(doc) {}

    bool run(std::string_view text, size_t lines) {
        lines_.reserve(lines);
        if (text.substr(0, 3) == "\xef\xbb\xbf") return false;
        // Tabs and carriage returns anywhere are for yaml-cpp. Two scans of the whole text:
        // find_first_of per line looks each byte up in the set, a call per byte.
        if (text.find('\t') != std::string_view::npos || text.find('\r') != std::string_view::npos)
            return false;
        int number = 0;
        size_t pos = 0;
        while (pos < text.size()) {
            size_t end = text.find('\n', pos);
            if (end == std::string_view::npos) end = text.size();
            const std::string_view raw = text.substr(pos, end - pos);
            pos = end + 1;
            ++number;
            size_t indent = 0;
            while (indent < raw.size() && raw[indent] == ' ') ++indent;
            std::string_view content = raw.substr(indent);
            while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
            if (content.empty()) continue;
            // Comments, directives and document markers are for yaml-cpp.
            if (content[0] == '#' ||
                (indent == 0 && (content[0] == '%' || content == "---" ||
                                 content.substr(0, 4) == "--- " || content == "...")))
                return false;
            lines_.push_back(Line{number, static_cast<int>(indent), content});
        }
        if (lines_.empty()) return false;
        if (lines_[0].indent != 0 || is_seq_item(lines_[0].content)) return false;
        const Raw* root = map(0);
        if (!root || !ok_ || i_ != lines_.size()) return false;
        doc_.root_ = root;
        return true;
    }

  private:
    bool at(int indent) const { return i_ < lines_.size() && lines_[i_].indent == indent; }

    Raw* fail() {
        ok_ = false;
        return nullptr;
    }

    /// The block that starts at the current line with exactly `indent`.
    Raw* block(int indent) { return is_seq_item(lines_[i_].content) ? seq(indent) : map(indent); }

    /// About how many entries the block at `indent` has (its lines at that indent), so that a
    /// mapping or list is allocated once and not grown: a cold read builds millions of them.
    size_t lines_at(int indent) const {
        size_t n = 0;
        for (size_t k = i_; k < lines_.size() && lines_[k].indent >= indent; ++k)
            n += lines_[k].indent == indent;
        return n + 1;  // a list item's mapping begins on the item's line, one indent left
    }

    Raw* map(int indent) {
        Raw* node = doc_.make(YAML::NodeType::Map, lines_[i_].number, indent + 1);
        node->map.reserve(lines_at(indent));
        while (ok_ && at(indent) && !is_seq_item(lines_[i_].content)) {
            const Line line = lines_[i_];
            std::string_view c = line.content;
            Raw* key = nullptr;
            size_t after = 0;
            if (c[0] == '"') {
                std::string text;
                if (!double_quoted(c, text, after) || c.substr(after, 1) != ":" ||
                    after >= kMaxKeyBytes)
                    return fail();
                key = doc_.make(YAML::NodeType::Scalar, line.number, indent + 1);
                key->scalar = std::move(text);
                key->quoted = true;
                after += 1;
            } else {
                if (std::string_view("-?:,[]{}#&*!|>'%@`").find(c[0]) != std::string_view::npos)
                    return fail();
                size_t colon = c.find(": ");
                if (colon == std::string_view::npos) {
                    if (c.back() != ':') return fail();
                    colon = c.size() - 1;
                }
                if (colon >= kMaxKeyBytes) return fail();
                const std::string_view name = c.substr(0, colon);
                if (name.find(" #") != std::string_view::npos || name.back() == ' ') return fail();
                key = doc_.make(YAML::NodeType::Scalar, line.number, indent + 1);
                key->scalar = std::string(name);
                after = colon + 1;
            }
            std::string_view rest = c.substr(after);
            size_t skipped = 0;
            while (skipped < rest.size() && rest[skipped] == ' ') ++skipped;
            if (!rest.empty() && skipped == 0) return fail();  // "key:value" is a plain scalar
            rest.remove_prefix(skipped);
            const int value_column = indent + 1 + static_cast<int>(after + skipped);
            ++i_;
            Raw* value = nullptr;
            if (rest.empty()) {
                if (i_ < lines_.size() && lines_[i_].indent > indent) {
                    value = block(lines_[i_].indent);
                } else if (at(indent) && is_seq_item(lines_[i_].content)) {
                    value = seq(indent);  // a sequence may sit at its key's indentation
                } else {
                    value = doc_.make(YAML::NodeType::Null, line.number, value_column);
                }
            } else {
                value = inline_value(rest, line.number, value_column);
                // A deeper line after an inline value continues a plain scalar: yaml-cpp's call.
                if (i_ < lines_.size() && lines_[i_].indent > indent) return fail();
            }
            if (!value) return fail();
            node->map.emplace_back(Node(key), Node(value));
        }
        return ok_ ? node : nullptr;
    }

    Raw* seq(int indent) {
        Raw* node = doc_.make(YAML::NodeType::Sequence, lines_[i_].number, indent + 1);
        node->seq.reserve(lines_at(indent));
        while (ok_ && at(indent) && is_seq_item(lines_[i_].content)) {
            Line& line = lines_[i_];
            std::string_view rest = line.content.substr(1);
            size_t spaces = 0;
            while (spaces < rest.size() && rest[spaces] == ' ') ++spaces;
            rest.remove_prefix(spaces);
            const int item_indent = indent + 1 + static_cast<int>(spaces);
            Raw* item = nullptr;
            if (rest.empty()) {
                ++i_;
                if (i_ < lines_.size() && lines_[i_].indent > indent)
                    item = block(lines_[i_].indent);
                else
                    item = doc_.make(YAML::NodeType::Null, line.number, item_indent + 1);
            } else if (is_seq_item(rest)) {
                return fail();  // "- - a": nested compact sequences
            } else if (starts_mapping(rest)) {
                // "- key: value": the item is a mapping whose first line is this one.
                line.indent = item_indent;
                line.content = rest;
                item = map(item_indent);
            } else {
                ++i_;
                item = inline_value(rest, line.number, item_indent + 1);
                if (i_ < lines_.size() && lines_[i_].indent > indent) return fail();
            }
            if (!item) return fail();
            node->seq.emplace_back(item);
        }
        return ok_ ? node : nullptr;
    }

    /// Whether a plain scalar may start so: not with an indicator (yaml-cpp refuses `@x`,
    /// `%x`, `` `x ``, and reads `- x` as a list), though -5 is a plain scalar.
    static bool plain_start(std::string_view s) {
        if (std::string_view("-?:,]{}#&*!|>%@`").find(s[0]) == std::string_view::npos) return true;
        return s[0] == '-' && s.size() > 1 && s[1] != ' ';
    }

    static bool starts_mapping(std::string_view s) {
        if (s[0] == '"') {
            std::string text;
            size_t used = 0;
            return double_quoted(s, text, used) && s.substr(used, 1) == ":";
        }
        if (s[0] == '\'' || s[0] == '[' || s[0] == '{') return false;
        return s.find(": ") != std::string_view::npos || s.back() == ':';
    }

    Raw* inline_value(std::string_view s, int line, int column) {
        if (s[0] == '"' || s[0] == '\'') {
            Raw* r = doc_.make(YAML::NodeType::Scalar, line, column);
            r->quoted = true;
            size_t used = 0;
            const bool closed =
                s[0] == '"' ? double_quoted(s, r->scalar, used) : single_quoted(s, r->scalar, used);
            if (!closed || used != s.size()) return nullptr;
            return r;
        }
        if (s == "[]") return doc_.make(YAML::NodeType::Sequence, line, column);
        if (s == "{}") return doc_.make(YAML::NodeType::Map, line, column);
        if (s[0] == '[') return flow_list(s, line, column);
        if (!plain_start(s)) return nullptr;
        if (s.find(": ") != std::string_view::npos || s.back() == ':' ||
            s.find(" #") != std::string_view::npos)
            return nullptr;
        if (is_null_word(s)) return doc_.make(YAML::NodeType::Null, line, column);
        Raw* r = doc_.make(YAML::NodeType::Scalar, line, column);
        r->scalar = std::string(s);
        return r;
    }

    /// `[a, b, c]` of plain scalars, as liushou writes months_without_talks.
    Raw* flow_list(std::string_view s, int line, int column) {
        if (s.back() != ']') return nullptr;
        Raw* r = doc_.make(YAML::NodeType::Sequence, line, column);
        std::string_view body = s.substr(1, s.size() - 2);
        size_t offset = 1;
        while (!body.empty()) {
            size_t comma = body.find(',');
            std::string_view item = body.substr(0, comma);
            size_t lead = 0;
            while (lead < item.size() && item[lead] == ' ') ++lead;
            std::string_view value = item.substr(lead);
            while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
            if (value.empty() || value.find_first_of("[]{}\"'#&*!|>:?") != std::string_view::npos ||
                !plain_start(value))
                return nullptr;
            // A null word (`[a, ~]`) is a null item, as yaml-cpp reads it, not the text "~".
            const bool null = is_null_word(value);
            Raw* v = doc_.make(null ? YAML::NodeType::Null : YAML::NodeType::Scalar, line,
                               column + static_cast<int>(offset + lead));
            if (!null) v->scalar = std::string(value);
            r->seq.emplace_back(v);
            if (comma == std::string_view::npos) break;
            offset += comma + 1;
            body.remove_prefix(comma + 1);
        }
        return r;
    }

    Document& doc_;
    std::vector<Line> lines_;
    size_t i_ = 0;
    bool ok_ = true;
};

bool Document::parse(std::string_view text) {
    nodes_.clear();
    root_ = nullptr;
    // A line makes at most four nodes (a list, its item's mapping, a key and its value: "- a:
    // b" after "k:"), and a flow list one more per comma.
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    const size_t commas = static_cast<size_t>(std::count(text.begin(), text.end(), ','));
    nodes_.reserve(4 * lines + commas + 8);
    Parser parser(*this);
    try {
        return parser.run(text, lines);
    } catch (const TooManyNodes&) {
        root_ = nullptr;
        return false;
    }
}

}  // namespace liushou::fast_yaml
