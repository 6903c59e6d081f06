// The non-template half of yaml_read.hpp: positions, unknown keys kept verbatim, and the
// screening of a file before yaml-cpp builds its document.
#include "yaml_read.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <cstring>
#include <sstream>

#include "liushou/i18n.hpp"

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

namespace yaml_read {

std::pair<int, int> position(const YAML::Mark& mark) {
    if (mark.is_null() || mark.line < 0) return {0, 0};
    return {mark.line + 1, mark.column + 1};
}

std::pair<int, int> position(const fast_yaml::Position& mark) {
    if (mark.is_null()) return {0, 0};
    return {mark.line, mark.column};
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
    // Read back as a record file is read, with load_root's checks: the emitter writes a CR
    // inside a nested value raw, which yaml-cpp reads back but the next read refuses.
    Problems ignored;
    YAML::Node back;
    if (!load_root(text, ignored, back)) return false;
    return back.size() == 1 && same_node(value, back["x"]);
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

namespace {

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
            throw Refusal{mark, N_("the file holds more than one YAML document (a line \"---\"); "
                                   "keep one record per file")};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw Refusal{mark,
                      N_("aliases (*name) are not allowed in liushou files; write the value out")};
    }
    explicit Screen(std::string_view text) : text_(text) {}

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string&) override {
        count(mark);
        check_tag(mark, tag);
        check_closed(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        count(mark);
        check_tag(mark, tag);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        count(mark);
        check_tag(mark, tag);
    }
    void OnMapEnd() override {}
    /// 0: any number of values.
    size_t max_values = 0;

  private:
    void count(const YAML::Mark& mark) {
        if (max_values && ++values_ > max_values)
            throw Refusal{mark, fmt::format(N_("the file holds more than {} values (scalars, lists "
                                               "and mappings), the most a record may hold here"),
                                            max_values)};
    }
    size_t values_ = 0;
    static constexpr const char* kCoreTags = "tag:yaml.org,2002:";
    static void check_tag(const YAML::Mark& mark, const std::string& tag) {
        // "?" is an untagged plain node, "!" an untagged quoted one.
        if (!tag.empty() && tag != "?" && tag != "!")
            throw Refusal{mark, fmt::format(N_("tags ({}) are not allowed in liushou files"),
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
        throw Refusal{mark, fmt::format(N_("this quoted text has no closing {}"), quote)};
    }
    std::string_view text_;
    int documents_ = 0;
};

}  // namespace

/// Where `text` holds a CR that is not part of a CRLF line end, or npos.
size_t lone_cr_at(std::string_view text) {
    for (size_t at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1))
        if (at + 1 == text.size() || text[at + 1] != '\n') return at;
    return std::string_view::npos;
}

bool screen(const std::string& text, Problems& problems, bool* yaml, size_t max_values) {
    if (yaml) *yaml = true;
    try {
        std::istringstream stream(text);
        YAML::Parser parser(stream);
        Screen events(text);
        events.max_values = max_values;
        while (parser.HandleNextDocument(events)) {
        }
    } catch (const Screen::Refusal& r) {
        const auto pos = position(r.mark);
        problems.push_back(Problem{"", r.message, Severity::error, pos.first ? pos.first : 1,
                                   pos.second ? pos.second : 1});
        return false;
    } catch (const YAML::DeepRecursion& e) {
        const auto pos = position(e.mark);
        problems.push_back(Problem{
            "",
            fmt::format(N_("nested more than {} levels deep; a record needs a handful"), e.depth()),
            Severity::error, pos.first ? pos.first : 1, pos.second ? pos.second : 1});
        return false;
    } catch (const YAML::Exception& e) {
        // Not YAML at all: nothing was built, so nothing could grow; the parse that follows
        // (load_root's, or the merge's fallback to lines) says what is wrong.
        if (!yaml) throw;
        *yaml = false;
    }
    return true;
}

/// Parses `text` into a root mapping, or records why it cannot be read.
bool load_root(std::string_view text, Problems& problems, YAML::Node& root) {
    const size_t bad = invalid_utf8_at(text);
    if (bad != std::string_view::npos) {
        int line = 1;
        for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
        problems.push_back(Problem{"", N_("the file is not valid UTF-8 (save it as UTF-8)"),
                                   Severity::error, line, 1});
        return false;
    }
    for (size_t at = 0; at < text.size();) {
        if (text.compare(at, 8, "<<<<<<< ") == 0 || text.compare(at, 8, ">>>>>>> ") == 0) {
            const int line = 1 + static_cast<int>(std::count(
                                     text.begin(), text.begin() + static_cast<long>(at), '\n'));
            problems.push_back(
                Problem{"",
                        N_("an unresolved merge conflict: keep one side's "
                           "lines and delete the <<<<<<<, ======= and >>>>>>> lines"),
                        Severity::error, line, 1});
            return false;
        }
        const size_t next = text.find('\n', at);
        at = next == std::string_view::npos ? text.size() : next + 1;
    }
    if (text.find('\0') != std::string_view::npos) {
        problems.push_back(Problem{"", N_("the file holds NUL bytes; it is not a text file"),
                                   Severity::error, 1, 1});
        return false;
    }
    // A CR that does not end a line: yaml-cpp keeps it inside a plain scalar and writes it back
    // unquoted, where it becomes a line end, so the file would not read back as it was.
    if (const size_t cr = lone_cr_at(text); cr != std::string_view::npos) {
        const int line = 1 + static_cast<int>(std::count(
                                 text.begin(), text.begin() + static_cast<long>(cr), '\n'));
        problems.push_back(Problem{
            "", N_("the file holds a carriage return (U+000D) that does not end a line; remove it"),
            Severity::error, line, 1});
        return false;
    }
    try {
        const std::string owned(text);
        if (!screen(owned, problems)) return false;
        root = YAML::Load(owned);
    } catch (const YAML::Exception& e) {
        const auto pos = position(e.mark);
        problems.push_back(Problem{"", "not valid YAML: " + e.msg, Severity::error,
                                   pos.first ? pos.first : 1, pos.second ? pos.second : 1});
        return false;
    }
    if (root.IsNull()) {
        problems.push_back(Problem{"", N_("the file is empty"), Severity::error, 1, 1});
        return false;
    }
    if (!root.IsMap()) {
        problems.push_back(
            Problem{"", fmt::format(N_("expected a mapping of fields, found {}"), shape(root)),
                    Severity::error, 1, 1});
        return false;
    }
    return true;
}

/// `health：良好` is a key typed with the Chinese input method's colon. YAML reads the line
/// as one odd key (or fails a line later); say what it is, where it is.
void find_full_width_colons(std::string_view text, Problems& problems) {
    if (text.find("\xef\xbc\x9a") == std::string_view::npos) return;  // most files: no ：
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
                    fmt::format(N_("the key is followed by a full-width colon (：); write an ASCII "
                                   "colon and a space: {}: …"),
                                key),
                    Severity::error, line, static_cast<int>(key_end + 1)});
    }
}

}  // namespace yaml_read
}  // namespace liushou
