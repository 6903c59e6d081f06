// YAML <-> records with yaml-cpp for reading and a writer of our own for the canonical layout:
// yaml-cpp's emitter cannot promise the fixed key order and quoting that keep git diffs small.
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "fast_yaml.hpp"
#include "liushou/codec.hpp"
#include "liushou/schema.hpp"
#include "liushou/text.hpp"

namespace liushou {

std::pair<int, int> SourceMap::find(const std::string& field) const {
    std::string path = field;
    while (!path.empty()) {
        const auto it = at.find(path);
        if (it != at.end()) return it->second;
        const auto cut = path.find_last_of(".[");
        if (cut == std::string::npos) break;
        path.resize(cut);
    }
    return {1, 1};
}

void SourceMap::locate(Problems& problems) const {
    for (auto& p : problems) {
        if (p.line > 0) continue;
        std::tie(p.line, p.col) = find(p.field);
    }
}

namespace {

// ---- reading ---------------------------------------------------------------------------

struct DecodeContext {
    SourceMap& where;
    Problems& problems;
    /// Whether to record every field's position; reports do without, check needs them.
    bool positions = true;
};

std::pair<int, int> position(const YAML::Mark& mark) {
    if (mark.is_null() || mark.line < 0) return {0, 0};
    return {mark.line + 1, mark.column + 1};
}

std::pair<int, int> position(const fast_yaml::Position& mark) {
    if (mark.is_null()) return {0, 0};
    return {mark.line, mark.column};
}

template <class N>
const char* shape(const N& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Scalar:
            return "text";
        default:
            return "nothing";
    }
}

/// Unknown keys are rendered by yaml-cpp's emitter; the fast reader hands the file over.
std::string render_extra(const fast_yaml::Node&) {
    throw fast_yaml::NeedFullParser{};
}

bool same_node(const YAML::Node& a, const YAML::Node& b) {
    if (a.Type() != b.Type()) return false;
    if (a.IsScalar()) return a.Scalar() == b.Scalar();
    if (a.size() != b.size()) return false;
    if (a.IsSequence()) {
        for (size_t i = 0; i < a.size(); ++i)
            if (!same_node(a[i], b[i])) return false;
        return true;
    }
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
        if (!same_node(x->first, y->first) || !same_node(x->second, y->second)) return false;
    return true;
}

bool reads_back(const fast_yaml::Node&, const std::string&) {
    throw fast_yaml::NeedFullParser{};
}

/// Whether an unknown key's value, written back as the writer writes extras, reads as the
/// same value. yaml-cpp's emitter writes some values (a mapping as a key, a lone CR) in a form
/// that reads back as something else or not at all; such a file is refused rather than
/// damaged on the next write.
bool reads_back(const YAML::Node& value, const std::string& rendered) {
    // Scalars are written by our own rules (yaml_scalar), whose round trip the fuzzer checks;
    // only collections go through yaml-cpp's emitter. (A file may hold 100,000 unknown keys.)
    if (!value.IsSequence() && !value.IsMap()) return true;
    std::string text = "x:";
    if (!rendered.empty() && rendered[0] == '\n') {
        for (size_t pos = 1; pos < rendered.size();) {
            size_t end = rendered.find('\n', pos);
            if (end == std::string::npos) end = rendered.size();
            text += "\n  " + rendered.substr(pos, end - pos);
            pos = end + 1;
        }
        text += "\n";
    } else {
        text += " " + rendered + "\n";
    }
    try {
        const YAML::Node back = YAML::Load(text);
        return back.IsMap() && back.size() == 1 && same_node(value, back["x"]);
    } catch (const YAML::Exception&) {
        return false;
    }
}

/// The value of an unknown key as YAML text: inline for scalars, else a block after "\n".
std::string render_extra(const YAML::Node& node) {
    if (node.IsNull()) return "~";
    if (node.IsScalar()) {
        // A one-line plain scalar goes back as it was written, so `12` stays a number; any
        // other is quoted by our own rules (yaml-cpp would write a block scalar over lines
        // that the caller does not indent).
        const std::string& v = node.Scalar();
        const bool printable = std::none_of(v.begin(), v.end(), [](char ch) {
            const auto c = static_cast<unsigned char>(ch);
            return c < 0x20 || c == 0x7f;
        });
        if (node.Tag() == "?" && !v.empty() && printable) return v;
        return yaml_scalar(v);
    }
    YAML::Emitter emitter;
    emitter << node;
    const std::string text = emitter.c_str();
    // Non-empty collections go in a block under the key, even when they fit on one line
    // (`- a: 1` cannot follow `key: `); the emitter's flow forms `[]` and `{}` stay inline.
    const bool block = node.size() > 0 && !text.empty() && text[0] != '[' && text[0] != '{';
    return block ? "\n" + text : text;
}

/// One YAML mapping being read into a record: records positions, reports wrong types and
/// duplicate keys, and hands back the keys nobody asked for as extras.
template <class N>
class MapReader {
  public:
    MapReader(const N& node, std::string prefix, DecodeContext& ctx)
        : prefix_(std::move(prefix)), ctx_(ctx) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            // yaml-cpp's iterator yields temporaries: copy the handles, never bind references.
            const N key = it->first;
            const N value = it->second;
            if (!key.IsScalar()) {
                problem_at(key.Mark(), prefix_, "a key must be plain text");
                continue;
            }
            const std::string& name = key.Scalar();
            // A key is a field's name: short and printable. (YAML cannot even write a plain
            // key longer than 1024 characters back.)
            if (name.size() > 200 || std::any_of(name.begin(), name.end(), [](char ch) {
                    const auto c = static_cast<unsigned char>(ch);
                    return c < 0x20 || c == 0x7f;
                })) {
                problem_at(key.Mark(), prefix_,
                           "a key must be a short name without control characters");
                continue;
            }
            if (find(name) != entries_.size()) {
                problem_at(key.Mark(), path(name),
                           "this key appears twice; keep one (the first is used)");
                continue;
            }
            index_.emplace(name, entries_.size());
            entries_.push_back(Entry{name, key, value, false});
        }
    }

    std::string path(const std::string& key) const {
        return prefix_.empty() ? key : prefix_ + "." + key;
    }

    /// The value of `key`, or nullptr when absent or null. Marks it as known.
    const N* take(const std::string& key) {
        const size_t at = find(key);
        if (at == entries_.size()) return nullptr;
        Entry& e = entries_[at];
        e.used = true;
        auto pos = position(e.value.Mark());
        if (pos.first == 0 || e.value.IsNull()) pos = position(e.key.Mark());
        if (ctx_.positions) ctx_.where.at[path(key)] = pos;
        return e.value.IsNull() ? nullptr : &e.value;
    }

    bool scalar(const std::string& key, std::string& out) {
        const N* n = take(key);
        if (!n) return false;
        if (!n->IsScalar()) {
            problem(key, fmt::format("expected text, found {}", shape(*n)));
            return false;
        }
        out = n->Scalar();
        // yaml-cpp turns some escapes ("\_") into bytes that are not UTF-8 at all.
        if (invalid_utf8_at(out) != std::string::npos) {
            problem(key, "holds an escape that is not valid text; write the character itself");
            return false;
        }
        // Controls, and the characters that reorder or hide text (a name displaying as
        // another): the same rule as for sheets and command-line values.
        const std::string bad = forbidden_character(out);
        if (!bad.empty()) {
            const bool reorders = bad >= "U+200E";
            problem(key, fmt::format(reorders ? "holds a character that reorders text ({}), so it "
                                                "could display as something else; remove it"
                                              : "holds a control character ({}); remove it",
                                     bad));
            return false;
        }
        return true;
    }

    void text(const std::string& key, std::string& out) { scalar(key, out); }

    void date(const std::string& key, std::optional<Date>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const DateParse parsed = parse_iso_date(s);
        if (parsed.date)
            out = parsed.date;
        else
            problem(key, parsed.error);
    }

    void integer(const std::string& key, std::optional<int>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const bool negative = !s.empty() && s[0] == '-';
        const std::string digits = negative ? s.substr(1) : s;
        if (digits.empty() || digits.size() > 9 ||
            digits.find_first_not_of("0123456789") != std::string::npos) {
            problem(key, fmt::format("expected a whole number, found \"{}\"", s));
            return;
        }
        out = (negative ? -1 : 1) * std::stoi(digits);
    }

    void integer(const std::string& key, int& out) {
        std::optional<int> v;
        integer(key, v);
        if (v) out = *v;
    }

    void boolean(const std::string& key, std::optional<bool>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const std::string f = fold_case(s);
        if (f == "true" || f == "yes")
            out = true;
        else if (f == "false" || f == "no")
            out = false;
        else
            problem(key, fmt::format("expected true or false, found \"{}\"", s));
    }

    void boolean(const std::string& key, bool& out) {
        std::optional<bool> v;
        boolean(key, v);
        if (v) out = *v;
    }

    template <class E>
    void enumeration(const std::string& key, std::optional<E>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const auto v = enum_from_text<E>(s);
        if (v)
            out = v;
        else
            problem(key, fmt::format("\"{}\" is not one of {}", s, enum_keys<E>()));
    }

    template <class E>
    void enumeration(const std::string& key, E& out) {
        std::optional<E> v;
        enumeration(key, v);
        if (v) out = *v;
    }

    void text_list(const std::string& key, std::vector<std::string>& out) {
        const N* n = take(key);
        if (!n) return;
        if (n->IsScalar()) {  // `members: 张三` is one member
            out.push_back(n->Scalar());
            return;
        }
        if (!n->IsSequence()) {
            problem(key, fmt::format("expected a list, found {}", shape(*n)));
            return;
        }
        for (size_t i = 0; i < n->size(); ++i) {
            const N item = (*n)[i];
            if (item.IsScalar())
                out.push_back(item.Scalar());
            else
                problem_at(item.Mark(), fmt::format("{}[{}]", path(key), i),
                           fmt::format("expected text, found {}", shape(item)));
        }
    }

    void int_list(const std::string& key, std::vector<int>& out) {
        std::vector<std::string> texts;
        const size_t before = ctx_.problems.size();
        text_list(key, texts);
        if (ctx_.problems.size() != before) return;
        out.clear();
        for (const auto& t : texts) {
            if (t.empty() || t.size() > 4 ||
                t.find_first_not_of("0123456789") != std::string::npos) {
                problem(key, fmt::format("expected whole numbers, found \"{}\"", t));
                return;
            }
            out.push_back(std::stoi(t));
        }
    }

    /// A list of mappings, each read by `read_item`.
    template <class T, class F>
    void list(const std::string& key, std::vector<T>& out, F read_item) {
        const N* n = take(key);
        if (!n) return;
        if (!n->IsSequence()) {
            problem(key, fmt::format("expected a list, found {}", shape(*n)));
            return;
        }
        for (size_t i = 0; i < n->size(); ++i) {
            const N item = (*n)[i];
            const std::string at = fmt::format("{}[{}]", path(key), i);
            if (ctx_.positions) ctx_.where.at[at] = position(item.Mark());
            if (!item.IsMap()) {
                problem_at(item.Mark(), at,
                           fmt::format("expected a mapping, found {}", shape(item)));
                continue;
            }
            MapReader reader(item, at, ctx_);
            T value;
            read_item(reader, value);
            reader.finish(value.extras);
            out.push_back(std::move(value));
        }
    }

    /// A nested mapping read by `read`; returns false when absent.
    template <class F>
    bool map(const std::string& key, F read) {
        const N* n = take(key);
        if (!n) return false;
        if (!n->IsMap()) {
            problem(key, fmt::format("expected a mapping, found {}", shape(*n)));
            return false;
        }
        MapReader reader(*n, path(key), ctx_);
        read(reader);
        return true;
    }

    /// A nested record (schema.hpp): its fields read by `read`, the rest kept as its extras.
    template <class S, class F>
    bool map(const std::string& key, S& sub, F read) {
        return map(key, [&](MapReader& reader) {
            read(reader, sub);
            reader.finish(sub.extras);
        });
    }

    /// Keeps every key nobody took, in file order.
    void finish(Extras& extras) {
        for (const Entry& e : entries_) {
            if (e.used) continue;
            if (ctx_.positions) ctx_.where.at[path(e.name)] = position(e.key.Mark());
            std::string rendered = render_extra(e.value);
            if (invalid_utf8_at(e.name) != std::string::npos ||
                invalid_utf8_at(rendered) != std::string::npos) {
                problem_at(e.key.Mark(), path(e.name),
                           "holds an escape that is not valid text; write the character itself");
                continue;
            }
            if (!reads_back(e.value, rendered)) {
                problem_at(e.key.Mark(), path(e.name),
                           "liushou does not know this key and cannot keep its value as written "
                           "(a key that is not plain text, or the like); simplify or remove it");
                continue;
            }
            extras.emplace_back(e.name, std::move(rendered));
        }
    }

    /// Iterates every entry (for mappings keyed by data, like the plan's months).
    template <class F>
    void each(F f) {
        for (Entry& e : entries_) {
            e.used = true;
            ctx_.where.at[path(e.name)] = position(e.key.Mark());
            f(e.name, e.value);
        }
    }

    void problem(const std::string& key, std::string message) {
        const auto pos = ctx_.where.find(path(key));
        ctx_.problems.push_back(
            Problem{path(key), std::move(message), Severity::error, pos.first, pos.second});
    }

    template <class M>
    void problem_at(const M& mark, const std::string& field, std::string message) {
        const auto pos = position(mark);
        ctx_.problems.push_back(
            Problem{field, std::move(message), Severity::error, pos.first, pos.second});
    }

  private:
    struct Entry {
        std::string name;
        N key;
        N value;
        bool used;
    };
    std::string prefix_;
    DecodeContext& ctx_;
    /// A mapping has a handful of keys: a linear search beats any index.
    size_t find(const std::string& key) const {
        const auto it = index_.find(key);
        return it == index_.end() ? entries_.size() : it->second;
    }
    std::vector<Entry> entries_;
    /// Key -> position in entries_: a file with 100,000 unknown keys is read in linear time.
    std::unordered_map<std::string, size_t> index_;
};

/// The YAML features a record never needs and a hostile file could abuse, found in one pass
/// over the parser's events before the document is built: aliases (an alias bomb expands to
/// billions of nodes when a record with unknown keys is written back), explicit tags, and
/// more than one document (everything after the first would be silently ignored).
class Screen : public YAML::EventHandler {
  public:
    struct Refusal {
        YAML::Mark mark;
        std::string message;
    };

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1)
            throw Refusal{mark,
                          "the file holds more than one YAML document (a line \"---\"); "
                          "keep one record per file"};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw Refusal{mark,
                      "aliases (*name) are not allowed in liushou files; write the value out"};
    }
    explicit Screen(std::string_view text) : text_(text) {}

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string&) override {
        check_tag(mark, tag);
        check_closed(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        check_tag(mark, tag);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        check_tag(mark, tag);
    }
    void OnMapEnd() override {}

  private:
    static constexpr const char* kCoreTags = "tag:yaml.org,2002:";
    static void check_tag(const YAML::Mark& mark, const std::string& tag) {
        // "?" is an untagged plain node, "!" an untagged quoted one.
        if (!tag.empty() && tag != "?" && tag != "!")
            throw Refusal{mark, fmt::format("tags ({}) are not allowed in liushou files",
                                            tag.rfind(kCoreTags, 0) == 0
                                                ? "!!" + tag.substr(std::strlen(kCoreTags))
                                                : tag)};
    }
    /// yaml-cpp 0.7 takes a quoted scalar that is never closed to run to the end of the file,
    /// swallowing every later field into it; find the closing quote ourselves.
    void check_closed(const YAML::Mark& mark) const {
        if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) return;
        const char quote = text_[static_cast<size_t>(mark.pos)];
        if (quote != '"' && quote != '\'') return;
        for (size_t i = static_cast<size_t>(mark.pos) + 1; i < text_.size(); ++i) {
            if (quote == '"' && text_[i] == '\\') {
                ++i;
            } else if (text_[i] == quote) {
                if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
                    ++i;  // '' is a quote inside single quotes
                    continue;
                }
                return;
            }
        }
        throw Refusal{mark, fmt::format("this quoted text has no closing {}", quote)};
    }
    std::string_view text_;
    int documents_ = 0;
};

/// Where `text` holds a CR that is not part of a CRLF line end, or npos.
size_t lone_cr_at(std::string_view text) {
    for (size_t at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1))
        if (at + 1 == text.size() || text[at + 1] != '\n') return at;
    return std::string_view::npos;
}

/// Parses `text` into a root mapping, or records why it cannot be read.
template <class T>
bool load_root(std::string_view text, Decoded<T>& out, YAML::Node& root) {
    const size_t bad = invalid_utf8_at(text);
    if (bad != std::string_view::npos) {
        int line = 1;
        for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
        out.problems.push_back(Problem{"", "the file is not valid UTF-8 (save it as UTF-8)",
                                       Severity::error, line, 1});
        return false;
    }
    for (size_t at = 0; at < text.size();) {
        if (text.compare(at, 8, "<<<<<<< ") == 0 || text.compare(at, 8, ">>>>>>> ") == 0) {
            const int line = 1 + static_cast<int>(std::count(
                                     text.begin(), text.begin() + static_cast<long>(at), '\n'));
            out.problems.push_back(
                Problem{"",
                        "an unresolved merge conflict: keep one side's "
                        "lines and delete the <<<<<<<, ======= and >>>>>>> lines",
                        Severity::error, line, 1});
            return false;
        }
        const size_t next = text.find('\n', at);
        at = next == std::string_view::npos ? text.size() : next + 1;
    }
    if (text.find('\0') != std::string_view::npos) {
        out.problems.push_back(
            Problem{"", "the file holds NUL bytes; it is not a text file", Severity::error, 1, 1});
        return false;
    }
    // A CR that does not end a line: yaml-cpp keeps it inside a plain scalar and writes it back
    // unquoted, where it becomes a line end, so the file would not read back as it was.
    if (const size_t cr = lone_cr_at(text); cr != std::string_view::npos) {
        const int line = 1 + static_cast<int>(std::count(
                                 text.begin(), text.begin() + static_cast<long>(cr), '\n'));
        out.problems.push_back(Problem{
            "", "the file holds a carriage return (U+000D) that does not end a line; remove it",
            Severity::error, line, 1});
        return false;
    }
    try {
        const std::string owned(text);
        std::istringstream stream(owned);
        YAML::Parser parser(stream);
        Screen screen(owned);
        while (parser.HandleNextDocument(screen)) {
        }
        root = YAML::Load(owned);
    } catch (const Screen::Refusal& r) {
        const auto pos = position(r.mark);
        out.problems.push_back(Problem{"", r.message, Severity::error, pos.first ? pos.first : 1,
                                       pos.second ? pos.second : 1});
        return false;
    } catch (const YAML::DeepRecursion& e) {
        const auto pos = position(e.mark);
        out.problems.push_back(Problem{
            "", fmt::format("nested more than {} levels deep; a record needs a handful", e.depth()),
            Severity::error, pos.first ? pos.first : 1, pos.second ? pos.second : 1});
        return false;
    } catch (const YAML::Exception& e) {
        const auto pos = position(e.mark);
        out.problems.push_back(Problem{"", "not valid YAML: " + e.msg, Severity::error,
                                       pos.first ? pos.first : 1, pos.second ? pos.second : 1});
        return false;
    }
    if (root.IsNull()) {
        out.problems.push_back(Problem{"", "the file is empty", Severity::error, 1, 1});
        return false;
    }
    if (!root.IsMap()) {
        out.problems.push_back(
            Problem{"", fmt::format("expected a mapping of fields, found {}", shape(root)),
                    Severity::error, 1, 1});
        return false;
    }
    return true;
}

/// False when the file is of a schema this liushou cannot interpret: nothing more is read.
template <class R>
bool read_schema(R& r, int& schema, Problems& problems) {
    std::optional<int> version;
    r.integer("schema", version);
    if (!version) {
        problems.push_back(
            Problem{"schema", "no schema version; assuming 1", Severity::warning, 1, 1});
        return true;
    }
    schema = *version;
    if (schema == kSchemaVersion) return true;
    r.problem("schema", fmt::format("schema version {} is not known to this liushou (it "
                                    "reads version {})",
                                    schema, kSchemaVersion));
    return false;
}

/// Thrown from a decoder to stop reading a file it cannot interpret.
struct UnknownSchema {};

/// `health：良好` is a key typed with the Chinese input method's colon. YAML reads the line
/// as one odd key (or fails a line later); say what it is, where it is.
void find_full_width_colons(std::string_view text, Problems& problems) {
    int line = 1;
    for (size_t pos = 0; pos < text.size(); ++line) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view one = text.substr(pos, end - pos);
        pos = end + 1;
        size_t i = one.find_first_not_of(' ');
        if (i == std::string_view::npos) continue;
        if (one.substr(i, 2) == "- ") continue;  // a list's item is text: `- 注意：…` is fine
        const size_t key_start = i;
        while (i < one.size() &&
               (std::isalnum(static_cast<unsigned char>(one[i])) || one[i] == '_'))
            ++i;
        if (i == key_start || !std::isalpha(static_cast<unsigned char>(one[key_start]))) continue;
        const size_t key_end = i;
        while (i < one.size() && one[i] == ' ') ++i;
        if (one.substr(i, 3) != "\xef\xbc\x9a") continue;
        // `备注：见下: x` is an odd key with a value; only a line that has no other colon
        // is a key typed with the wrong one.
        const std::string_view rest = one.substr(i + 3);
        if (rest.find(": ") != std::string_view::npos || (!rest.empty() && rest.back() == ':'))
            continue;
        const std::string key(one.substr(key_start, key_end - key_start));
        problems.push_back(
            Problem{key,
                    fmt::format("the key is followed by a full-width colon (：); write an ASCII "
                                "colon and a space: {}: …",
                                key),
                    Severity::error, line, static_cast<int>(key_end + 1)});
    }
}

template <class T, class F>
Decoded<T> decode_with(std::string_view text, F read) {
    Decoded<T> out;
    YAML::Node root;
    Problems colons;
    find_full_width_colons(text, colons);
    if (!load_root(text, out, root)) {
        // YAML's own complaint comes a line late; the colon, named too, is the cause.
        out.problems.insert(out.problems.begin(), colons.begin(), colons.end());
        return out;
    }
    DecodeContext ctx{out.where, out.problems};
    try {
        MapReader<YAML::Node> reader(root, "", ctx);
        read(reader, out.record, out.problems);
        reader.finish(out.record.extras);
        out.parsed = true;
        out.problems.insert(out.problems.end(), colons.begin(), colons.end());
        // In file order, as a person reads the file.
        std::stable_sort(out.problems.begin(), out.problems.end(),
                         [](const Problem& a, const Problem& b) {
                             return std::make_pair(a.line, a.col) < std::make_pair(b.line, b.col);
                         });
    } catch (const UnknownSchema&) {
        out.parsed = false;
    } catch (const YAML::Exception& e) {
        const auto pos = position(e.mark);
        if (!colons.empty())
            out.problems.insert(out.problems.end(), colons.begin(), colons.end());
        else
            out.problems.push_back(Problem{"", "not valid YAML: " + e.msg, Severity::error,
                                           pos.first ? pos.first : 1, pos.second ? pos.second : 1});
    }
    return out;
}

// ---- writing ---------------------------------------------------------------------------

bool is_plain_safe(std::string_view s) {
    if (s.empty()) return false;
    static const std::set<std::string> kReserved = {"y",     "n",  "yes", "no",   "true",
                                                    "false", "on", "off", "null", "~"};
    if (kReserved.count(fold_case(s))) return false;
    const unsigned char first = static_cast<unsigned char>(s.front());
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`+.<=").find(static_cast<char>(first)) !=
            std::string_view::npos ||
        (first >= '0' && first <= '9') || first == ' ')
        return false;
    if (s.back() == ' ' || s.back() == ':') return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
        return false;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    // C1 controls, BOM and line separators are legal UTF-8 but not printable YAML.
    for (std::string_view bad :
         {"\xc2\x80", "\xc2\x85", "\xef\xbb\xbf", "\xe2\x80\xa8", "\xe2\x80\xa9"})
        if (s.find(bad) != std::string_view::npos) return false;
    for (size_t i = 0; i + 1 < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) == 0xc2 &&
            static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9f)
            return false;
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

class Writer {
  public:
    void raw(int indent, std::string_view key, std::string_view rendered) {
        start(indent);
        out_ += yaml_scalar(key);
        out_ += ": ";
        out_ += rendered;
        out_ += '\n';
    }
    void text(int indent, std::string_view key, const std::string& v) {
        if (!v.empty()) raw(indent, key, yaml_scalar(v));
    }
    void always_text(int indent, std::string_view key, const std::string& v) {
        raw(indent, key, v.empty() ? "\"\"" : yaml_scalar(v));
    }
    void date(int indent, std::string_view key, const std::optional<Date>& d) {
        if (d) raw(indent, key, d->iso());
    }
    void integer(int indent, std::string_view key, const std::optional<int>& v) {
        if (v) raw(indent, key, std::to_string(*v));
    }
    void boolean(int indent, std::string_view key, bool v) {
        raw(indent, key, v ? "true" : "false");
    }
    /// `key:` opening a nested block.
    void open(int indent, std::string_view key, bool plain_key = false) {
        start(indent);
        out_ += plain_key ? std::string(key) : yaml_scalar(key);
        out_ += ":\n";
    }
    /// The next line written at `indent` starts a list item (`- `).
    void item() { dash_ = true; }
    void text_items(int indent, std::string_view key, const std::vector<std::string>& items,
                    bool plain_key = false) {
        if (items.empty()) return;
        open(indent, key, plain_key);
        for (const auto& s : items) {
            start(indent + 2);
            out_ += "- " + (s.empty() ? std::string("\"\"") : yaml_scalar(s)) + "\n";
        }
    }
    void extras(int indent, const Extras& extras) {
        for (const auto& [key, value] : extras) {
            if (value.empty() || value[0] != '\n') {
                raw(indent, key, value);
                continue;
            }
            open(indent, key);
            size_t pos = 1;
            while (pos < value.size()) {
                size_t end = value.find('\n', pos);
                if (end == std::string::npos) end = value.size();
                out_.append(static_cast<size_t>(indent + 2), ' ');
                out_.append(value, pos, end - pos);
                out_ += '\n';
                pos = end + 1;
            }
        }
    }
    /// A list of mappings: `write_item` writes each item's keys at `indent + 4`.
    template <class T, class F>
    void list(int indent, std::string_view key, const std::vector<T>& items, F write_item) {
        if (items.empty()) return;
        open(indent, key);
        for (const T& it : items) {
            item();
            write_item(indent + 4, it);
            if (dash_) {  // an item with nothing in it (`- {}` in a file) stays one
                start(indent + 4);
                out_ += "{}\n";
            }
        }
    }
    std::string take() { return std::move(out_); }

  private:
    void start(int indent) {
        if (dash_) {
            out_.append(static_cast<size_t>(indent - 2), ' ');
            out_ += "- ";
            dash_ = false;
        } else {
            out_.append(static_cast<size_t>(indent), ' ');
        }
    }
    std::string out_;
    bool dash_ = false;
};

template <class E>
void write_enum(Writer& w, int indent, std::string_view key, const std::optional<E>& v) {
    if (v) w.raw(indent, key, std::string(key_of(*v)));
}

/// Writes a record described in schema.hpp in the canonical layout: empty values and empty
/// lists are left out, a nested mapping only when it holds something, a record's unknown keys
/// after its known ones.
class RecordWriter {
  public:
    RecordWriter(Writer& w, int indent) : w_(w), indent_(indent) {}
    void text(std::string_view key, const std::string& v) { w_.text(indent_, key, v); }
    void date(std::string_view key, const std::optional<Date>& v) { w_.date(indent_, key, v); }
    void integer(std::string_view key, const std::optional<int>& v) { w_.integer(indent_, key, v); }
    void boolean(std::string_view key, const std::optional<bool>& v) {
        if (v) w_.boolean(indent_, key, *v);
    }
    void boolean(std::string_view key, bool v) { w_.boolean(indent_, key, v); }
    template <class E>
    void enumeration(std::string_view key, const std::optional<E>& v) {
        write_enum(w_, indent_, key, v);
    }
    template <class E>
    void enumeration(std::string_view key, const E& v) {
        w_.raw(indent_, key, std::string(key_of(v)));
    }
    void text_list(std::string_view key, const std::vector<std::string>& v) {
        w_.text_items(indent_, key, v);
    }
    template <class S, class F>
    void map(std::string_view key, const S& sub, F describe) {
        if (sub.empty()) return;
        w_.open(indent_, key);
        RecordWriter inner(w_, indent_ + 2);
        describe(inner, sub);
        w_.extras(indent_ + 2, sub.extras);
    }
    template <class S, class F>
    void list(std::string_view key, const std::vector<S>& items, F describe) {
        w_.list(indent_, key, items, [&](int in, const S& item) {
            RecordWriter inner(w_, in);
            describe(inner, item);
            w_.extras(in, item.extras);
        });
    }

  private:
    Writer& w_;
    int indent_;
};

}  // namespace

std::string yaml_scalar(std::string_view value) {
    return is_plain_safe(value) ? std::string(value) : double_quoted(value);
}

// ---- child -----------------------------------------------------------------------------

namespace {

/// The child schema, read the same way from yaml-cpp's nodes and from the fast reader's.
template <class R>
void read_child(R& r, Child& c, Problems& problems) {
    if (!read_schema(r, c.schema, problems)) throw UnknownSchema{};
    schema::child(r, c);
}

}  // namespace

// The fast reader for the common case; nullopt sends the file to yaml-cpp: anything outside
// the fast reader's subset, any unknown key, and any problem (so messages and positions
// always come from one place).
std::optional<Decoded<Child>> decode_child_fast(std::string_view text, bool positions) {
    if (invalid_utf8_at(text) != std::string_view::npos ||
        text.find('\0') != std::string_view::npos || lone_cr_at(text) != std::string_view::npos)
        return std::nullopt;
    fast_yaml::Document doc;
    if (!doc.parse(text)) return std::nullopt;
    Problems colons;  // the full reader names them; both readers must agree on the file
    find_full_width_colons(text, colons);
    if (!colons.empty()) return std::nullopt;
    Decoded<Child> out;
    DecodeContext ctx{out.where, out.problems, positions};
    try {
        MapReader<fast_yaml::Node> reader(doc.root(), "", ctx);
        read_child(reader, out.record, out.problems);
        reader.finish(out.record.extras);
    } catch (const fast_yaml::NeedFullParser&) {
        return std::nullopt;
    } catch (const UnknownSchema&) {
        return std::nullopt;
    }
    if (!out.problems.empty()) return std::nullopt;
    out.parsed = true;
    return out;
}

Decoded<Child> decode_child_full(std::string_view text) {
    return decode_with<Child>(
        text, [](auto& r, Child& c, Problems& problems) { read_child(r, c, problems); });
}

Decoded<Child> decode_child(std::string_view text, bool positions) {
    if (auto fast = decode_child_fast(text, positions)) return std::move(*fast);
    return decode_child_full(text);
}

std::string encode_child(const Child& original) {
    Child c = original;
    c.sort_lists();
    Writer w;
    w.raw(0, "schema", std::to_string(c.schema));
    RecordWriter fields(w, 0);
    schema::child(fields, c);
    w.extras(0, c.extras);
    return w.take();
}

// ---- staff -----------------------------------------------------------------------------

Decoded<StaffList> decode_staff(std::string_view text) {
    return decode_with<StaffList>(
        text, [](auto& r, StaffList& list, Problems&) { schema::staff_list(r, list); });
}

std::string encode_staff(const StaffList& list) {
    Writer w;
    if (list.staff.empty()) w.raw(0, "staff", "[]");  // so that a hand editor sees the key
    RecordWriter fields(w, 0);
    schema::staff_list(fields, list);
    w.extras(0, list.extras);
    return w.take();
}

// ---- school ----------------------------------------------------------------------------

Decoded<School> decode_school(std::string_view text) {
    return decode_with<School>(text, [](auto& r, School& s, Problems& problems) {
        int schema = kSchemaVersion;
        if (!read_schema(r, schema, problems)) throw UnknownSchema{};
        r.text("school", s.school);
        r.text("county", s.county);
        r.text("school_year", s.school_year);
        r.boolean("git_commit", s.git_commit);
        r.list("terms", s.terms, [](auto& t, Term& v) {
            t.text("name", v.name);
            t.date("from", v.from);
            t.date("to", v.to);
        });
        r.map("leading_group", [&](auto& g) {
            g.text("leader", s.leading_group.leader);
            g.text_list("deputies", s.leading_group.deputies);
            g.text_list("members", s.leading_group.members);
            g.finish(s.leading_group.extras);
        });
        r.map("plan", [&](auto& p) {
            p.each([&](const std::string& month, const YAML::Node& tasks) {
                const auto m = parse_small_number(month);
                if (!m || *m < 1 || *m > 12 ||
                    month.find_first_not_of("0123456789") != std::string::npos) {
                    p.problem(month, "plan keys are month numbers 1 to 12");
                    return;
                }
                std::vector<std::string>& list = s.plan[*m];
                if (tasks.IsScalar()) list.push_back(tasks.Scalar());
                if (tasks.IsSequence()) {
                    for (const auto& t : tasks) {
                        if (t.IsScalar())
                            list.push_back(t.Scalar());
                        else
                            p.problem(month, "a plan task is one line of text");
                    }
                }
                if (tasks.IsMap()) p.problem(month, "expected a list of tasks");
            });
        });
        s.events.clear();
        r.list("events", s.events, [](auto& e, Event& v) {
            e.text("name", v.name);
            e.text("date", v.date);
        });
        r.map("rules", [&](auto& rules) {
            Rules& x = s.rules;
            rules.integer("talks_per_month", x.talks_per_month);
            rules.integer("family_calls_per_month", x.family_calls_per_month);
            rules.integer("home_visits_per_term", x.home_visits_per_term);
            rules.integer("guardian_meetings_per_term", x.guardian_meetings_per_term);
            rules.int_list("months_without_talks", x.months_without_talks);
            rules.text("language", x.language);
            rules.finish(x.extras);
        });
    });
}

std::string encode_school(const School& s) {
    Writer w;
    w.raw(0, "schema", std::to_string(kSchemaVersion));
    w.always_text(0, "school", s.school);
    w.always_text(0, "county", s.county);
    w.always_text(0, "school_year", s.school_year);
    if (s.git_commit) w.boolean(0, "git_commit", true);
    w.list(0, "terms", s.terms, [&](int in, const Term& t) {
        w.text(in, "name", t.name);
        w.date(in, "from", t.from);
        w.date(in, "to", t.to);
        w.extras(in, t.extras);
    });
    w.open(0, "leading_group");
    w.always_text(2, "leader", s.leading_group.leader);
    auto names = [&](std::string_view key, const std::vector<std::string>& v) {
        if (v.empty())
            w.raw(2, key, "[]");
        else
            w.text_items(2, key, v);
    };
    names("deputies", s.leading_group.deputies);
    names("members", s.leading_group.members);
    w.extras(2, s.leading_group.extras);
    w.open(0, "plan");
    for (const auto& [month, tasks] : s.plan) w.text_items(2, std::to_string(month), tasks, true);
    w.list(0, "events", s.events, [&](int in, const Event& e) {
        w.text(in, "name", e.name);
        w.text(in, "date", e.date);
        w.extras(in, e.extras);
    });
    const Rules& r = s.rules;
    w.open(0, "rules");
    w.raw(2, "talks_per_month", std::to_string(r.talks_per_month));
    w.raw(2, "family_calls_per_month", std::to_string(r.family_calls_per_month));
    w.raw(2, "home_visits_per_term", std::to_string(r.home_visits_per_term));
    w.raw(2, "guardian_meetings_per_term", std::to_string(r.guardian_meetings_per_term));
    std::string months;
    for (int m : r.months_without_talks) months += (months.empty() ? "" : ", ") + std::to_string(m);
    w.raw(2, "months_without_talks", "[" + months + "]");
    w.text(2, "language", r.language);
    w.extras(2, r.extras);
    w.extras(0, s.extras);
    return w.take();
}

// ---- small helpers ---------------------------------------------------------------------

std::map<std::string, std::string> decode_header_map(std::string_view text, Problems& out) {
    std::map<std::string, std::string> map;
    Decoded<StaffList> scratch;  // only for load_root's problem list
    YAML::Node root;
    if (!load_root(text, scratch, root)) {
        out.insert(out.end(), scratch.problems.begin(), scratch.problems.end());
        return map;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!it->first.IsScalar() || !it->second.IsScalar()) {
            const auto pos = position(it->first.Mark());
            out.push_back(Problem{"", "each line maps a sheet header to a field: 学生姓名: name",
                                  Severity::error, pos.first, pos.second});
            continue;
        }
        map[it->first.Scalar()] = it->second.Scalar();
    }
    return map;
}

int first_comment_line(std::string_view yaml) {
    int line = 1;
    size_t pos = 0;
    while (pos < yaml.size()) {
        size_t end = yaml.find('\n', pos);
        if (end == std::string_view::npos) end = yaml.size();
        const std::string_view l = yaml.substr(pos, end - pos);
        char quote = 0;
        for (size_t i = 0; i < l.size(); ++i) {
            const char c = l[i];
            if (quote) {
                if (c == '\\' && quote == '"')
                    ++i;
                else if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                if (i == 0 || l[i - 1] == ' ' || l[i - 1] == ':' || l[i - 1] == '-') quote = c;
            } else if (c == '#' && (i == 0 || l[i - 1] == ' ' || l[i - 1] == '\t')) {
                return line;
            }
        }
        pos = end + 1;
        ++line;
    }
    return 0;
}

}  // namespace liushou
