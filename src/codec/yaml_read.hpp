// Reading YAML into records, shared by the decoders of records.cpp: the reader of one mapping
// (MapReader, over yaml-cpp's nodes or the fast reader's) and the checks made before any
// field is read. Private to the codec layer.
#pragma once

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fast_yaml.hpp"
#include "liushou/codec.hpp"
#include "liushou/i18n.hpp"
#include "liushou/text.hpp"

namespace liushou::yaml_read {

struct DecodeContext {
    SourceMap& where;
    Problems& problems;
    /// Whether to record every field's position; reports do without, check needs them.
    bool positions = true;
    /// Set by the fast reader when the whole text was checked at once (valid UTF-8, no byte
    /// that can begin a forbidden character, no escape): each of its scalars is then a piece
    /// of that text and needs no check of its own (a cold read has millions of them).
    bool scalars_checked = false;
};

std::pair<int, int> position(const YAML::Mark& mark);
std::pair<int, int> position(const fast_yaml::Position& mark);

template <class N>
const char* shape(const N& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Sequence:
            return N_("a list");
        case YAML::NodeType::Scalar:
            return "text";
        default:
            return "nothing";
    }
}

/// The value of an unknown key as YAML text: inline for scalars, else a block after "\n".
/// (The fast reader hands such a file over to yaml-cpp.)
std::string render_extra(const YAML::Node& node);
std::string render_extra(const fast_yaml::Node&);

/// Whether an unknown key's value, written back as the writer writes extras, reads as the
/// same value (see yaml_read.cpp).
bool reads_back(const YAML::Node& value, const std::string& rendered);
bool reads_back(const fast_yaml::Node&, const std::string&);

/// One YAML mapping being read into a record: records positions, reports wrong types and
/// duplicate keys, and hands back the keys nobody asked for as extras.
template <class N>
class MapReader {
  public:
    MapReader(const N& node, std::string prefix, DecodeContext& ctx)
        : prefix_(std::move(prefix)), ctx_(ctx) {
        entries_.reserve(node.size());  // a cold read makes one per mapping of every file
        for (auto it = node.begin(); it != node.end(); ++it) {
            // yaml-cpp's iterator yields temporaries: copy the handles, never bind references.
            const N key = it->first;
            const N value = it->second;
            if (!key.IsScalar()) {
                problem_at(key.Mark(), prefix_, N_("a key must be plain text"));
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
                           N_("a key must be a short name without control characters"));
                continue;
            }
            if (find(name) != entries_.size()) {
                problem_at(key.Mark(), path(name),
                           N_("this key appears twice; keep one (the first is used)"));
                continue;
            }
            entries_.push_back(Entry{name, key, value, false});
            if (!index_.empty())
                index_.emplace(name, entries_.size() - 1);
            else if (entries_.size() > kScanned)
                for (size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].name, i);
        }
    }

    std::string path(std::string_view key) const {
        std::string out;
        out.reserve(prefix_.size() + 1 + key.size());
        if (!prefix_.empty()) out.append(prefix_).push_back('.');
        out.append(key);
        return out;
    }

    /// The value of `key`, or nullptr when absent or null. Marks it as known.
    const N* take(std::string_view key) {
        const size_t at = find(key);
        if (at == entries_.size()) return nullptr;
        Entry& e = entries_[at];
        e.used = true;
        auto pos = position(e.value.Mark());
        if (pos.first == 0 || e.value.IsNull()) pos = position(e.key.Mark());
        if (ctx_.positions) ctx_.where.at[path(key)] = pos;
        return e.value.IsNull() ? nullptr : &e.value;
    }

    bool scalar(std::string_view key, std::string& out) {
        const N* n = take(key);
        if (!n) return false;
        if (!n->IsScalar()) {
            problem(key, fmt::format(N_("expected text, found {}"), shape(*n)));
            return false;
        }
        out = n->Scalar();
        if (ctx_.scalars_checked) return true;
        // yaml-cpp turns some escapes ("\_") into bytes that are not UTF-8 at all.
        if (invalid_utf8_at(out) != std::string::npos) {
            problem(key, N_("holds an escape that is not valid text; write the character itself"));
            return false;
        }
        // Controls, and the characters that reorder or hide text (a name displaying as
        // another): the same rule as for sheets and command-line values.
        const std::string bad = forbidden_character(out);
        if (!bad.empty()) {
            const bool reorders = bad >= "U+200E";
            problem(key,
                    fmt::format(reorders ? N_("holds a character that reorders text ({}), so it "
                                              "could display as something else; remove it")
                                         : N_("holds a control character ({}); remove it"),
                                bad));
            return false;
        }
        return true;
    }

    void text(std::string_view key, std::string& out) { scalar(key, out); }

    void date(std::string_view key, std::optional<Date>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const DateParse parsed = parse_iso_date(s);
        if (parsed.date)
            out = parsed.date;
        else
            problem(key, parsed.error);
    }

    void integer(std::string_view key, std::optional<int>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const bool negative = !s.empty() && s[0] == '-';
        const std::string digits = negative ? s.substr(1) : s;
        if (digits.empty() || digits.size() > 9 ||
            digits.find_first_not_of("0123456789") != std::string::npos) {
            problem(key, fmt::format(N_("expected a whole number, found \"{}\""), s));
            return;
        }
        out = (negative ? -1 : 1) * std::stoi(digits);
    }

    void integer(std::string_view key, int& out) {
        std::optional<int> v;
        integer(key, v);
        if (v) out = *v;
    }

    void boolean(std::string_view key, std::optional<bool>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const std::string f = fold_case(s);
        if (f == "true" || f == "yes")
            out = true;
        else if (f == "false" || f == "no")
            out = false;
        else
            problem(key, fmt::format(N_("expected true or false, found \"{}\""), s));
    }

    void boolean(std::string_view key, bool& out) {
        std::optional<bool> v;
        boolean(key, v);
        if (v) out = *v;
    }

    template <class E>
    void enumeration(std::string_view key, std::optional<E>& out) {
        std::string s;
        if (!scalar(key, s)) return;
        const auto v = enum_from_text<E>(s);
        if (v)
            out = v;
        else
            problem(key, fmt::format(N_("\"{}\" is not one of {}"), s, enum_keys<E>()));
    }

    template <class E>
    void enumeration(std::string_view key, E& out) {
        std::optional<E> v;
        enumeration(key, v);
        if (v) out = *v;
    }

    void text_list(std::string_view key, std::vector<std::string>& out) {
        const N* n = take(key);
        if (!n) return;
        if (n->IsScalar()) {  // `members: 张三` is one member
            out.push_back(n->Scalar());
            return;
        }
        if (!n->IsSequence()) {
            problem(key, fmt::format(N_("expected a list, found {}"), shape(*n)));
            return;
        }
        for (size_t i = 0; i < n->size(); ++i) {
            const N item = (*n)[i];
            // Each item's place, so that check points at the one buddy it means.
            if (ctx_.positions)
                ctx_.where.at[fmt::format("{}[{}]", path(key), i)] = position(item.Mark());
            if (item.IsScalar())
                out.push_back(item.Scalar());
            else
                problem_at(item.Mark(), fmt::format("{}[{}]", path(key), i),
                           fmt::format(N_("expected text, found {}"), shape(item)));
        }
    }

    /// One text or a list of them (`buddy: 李明` or a list): either way a list.
    void one_or_more(std::string_view key, std::vector<std::string>& out) { text_list(key, out); }

    void int_list(std::string_view key, std::vector<int>& out) {
        // A key left out or left empty keeps the default (the holiday months); only a list
        // given, even `[]`, replaces it.
        const size_t at = find(key);
        if (at == entries_.size() || entries_[at].value.IsNull()) {
            take(key);
            return;
        }
        std::vector<std::string> texts;
        const size_t before = ctx_.problems.size();
        text_list(key, texts);
        if (ctx_.problems.size() != before) return;
        out.clear();
        for (const auto& t : texts) {
            if (t.empty() || t.size() > 4 ||
                t.find_first_not_of("0123456789") != std::string::npos) {
                problem(key, fmt::format(N_("expected whole numbers, found \"{}\""), t));
                return;
            }
            out.push_back(std::stoi(t));
        }
    }

    /// A list of mappings, each read by `read_item`.
    template <class T, class F>
    void list(std::string_view key, std::vector<T>& out, F read_item,
              std::string_view /*identity*/ = {}) {
        const N* n = take(key);
        if (!n) return;
        if (!n->IsSequence()) {
            problem(key, fmt::format(N_("expected a list, found {}"), shape(*n)));
            return;
        }
        // A child's talks are hundreds: one allocation for them all, and each item's path
        // joined without a format string (a cold summary reads millions of items).
        out.reserve(out.size() + n->size());
        const std::string list_path = path(key) + "[";
        for (size_t i = 0; i < n->size(); ++i) {
            const N item = (*n)[i];
            const std::string at = list_path + std::to_string(i) + "]";
            if (ctx_.positions) ctx_.where.at[at] = position(item.Mark());
            if (!item.IsMap()) {
                problem_at(item.Mark(), at,
                           fmt::format(N_("expected a mapping, found {}"), shape(item)));
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
    bool map(std::string_view key, F read) {
        const N* n = take(key);
        if (!n) return false;
        if (!n->IsMap()) {
            problem(key, fmt::format(N_("expected a mapping, found {}"), shape(*n)));
            return false;
        }
        MapReader reader(*n, path(key), ctx_);
        read(reader);
        return true;
    }

    /// A nested record (schema.hpp): its fields read by `read`, the rest kept as its extras.
    template <class S, class F>
    bool map(std::string_view key, S& sub, F read) {
        return map(key, [&](MapReader& reader) {
            read(reader, sub);
            reader.finish(sub.extras);
        });
    }

    // liushou.yaml's kinds (schema.hpp): how they are written does not matter here.
    void required_text(std::string_view key, std::string& out) { text(key, out); }
    void flag(std::string_view key, bool& out) { boolean(key, out); }
    void names(std::string_view key, std::vector<std::string>& out) { text_list(key, out); }
    template <class S, class F>
    bool section(std::string_view key, S& sub, F read) {
        return map(key, sub, read);
    }

    /// The plan: month numbers 1 to 12, each with a task or a list of tasks.
    void month_plan(std::string_view key, std::map<int, std::vector<std::string>>& plan) {
        map(key, [&](MapReader& p) {
            p.each([&](const std::string& month, const N& tasks) {
                if (month.empty() || month.size() > 9 ||
                    month.find_first_not_of("0123456789") != std::string::npos ||
                    std::stoi(month) < 1 || std::stoi(month) > 12) {
                    p.problem(month, N_("plan keys are month numbers 1 to 12"));
                    return;
                }
                std::vector<std::string>& list = plan[std::stoi(month)];
                if (tasks.IsScalar()) list.push_back(tasks.Scalar());
                if (tasks.IsSequence()) {
                    for (size_t i = 0; i < tasks.size(); ++i) {
                        const N t = tasks[i];
                        if (t.IsScalar())
                            list.push_back(t.Scalar());
                        else
                            p.problem(month, N_("a plan task is one line of text"));
                    }
                }
                if (tasks.IsMap()) p.problem(month, N_("expected a list of tasks"));
            });
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
                problem_at(
                    e.key.Mark(), path(e.name),
                    N_("holds an escape that is not valid text; write the character itself"));
                continue;
            }
            if (!reads_back(e.value, rendered)) {
                problem_at(
                    e.key.Mark(), path(e.name),
                    N_("liushou does not know this key and cannot keep its value as written "
                       "(a key that is not plain text, or the like); simplify or remove it"));
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
            f(std::string(e.name), e.value);
        }
    }

    void problem(std::string_view key, std::string message) {
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
        /// The key's text, kept by `key` (a handle on the parsed document) as long as it.
        std::string_view name;
        N key;
        N value;
        bool used;
    };
    std::string prefix_;
    DecodeContext& ctx_;
    size_t find(std::string_view key) const {
        if (index_.empty()) {
            size_t i = 0;
            while (i < entries_.size() && entries_[i].name != key) ++i;
            return i;
        }
        const auto it = index_.find(key);
        return it == index_.end() ? entries_.size() : it->second;
    }
    std::vector<Entry> entries_;
    /// Key -> position in entries_, once a map has more than kScanned keys (a file with
    /// 100,000 unknown keys is read in linear time); a talk's six keys are simply scanned.
    static constexpr size_t kScanned = 16;
    std::unordered_map<std::string_view, size_t> index_;
};

/// Where `text` holds a CR that is not part of a CRLF line end, or npos.
size_t lone_cr_at(std::string_view text);

/// The limits every reader applies in one pass over the parser's events, before any document
/// is built (liushou-records(5), LIMITS): no aliases, no tags, one document, a closed quote,
/// nesting within yaml-cpp's depth guard. Adds the refusal, with its line, to
/// `problems`. A text that is not YAML throws YAML::Exception, or with `yaml` given sets it
/// to false and passes (nothing was built, so nothing could grow). `max_values`, when not 0,
/// refuses a text of more values (scalars, lists, mappings), stopping at the first too many.
bool screen(const std::string& text, Problems& problems, bool* yaml = nullptr,
            size_t max_values = 0);

/// Parses `text` into a root mapping, or adds to `problems` why it cannot be read: not UTF-8,
/// merge conflict markers, NUL bytes, aliases, tags, several documents, not YAML, not a mapping.
bool load_root(std::string_view text, Problems& problems, YAML::Node& root);

/// False when the file is of a schema this liushou cannot interpret: nothing more is read.
template <class R>
bool read_schema(R& r, int& schema, Problems& problems) {
    std::optional<int> version;
    r.integer("schema", version);
    if (!version) {
        problems.push_back(
            Problem{"schema", N_("no schema version; assuming 1"), Severity::warning, 1, 1});
        return true;
    }
    schema = *version;
    if (schema >= kOldestSchemaVersion && schema <= kSchemaVersion) return true;
    r.problem("schema", fmt::format(N_("schema version {} is not known to this liushou (it "
                                       "reads versions {} to {})"),
                                    schema, kOldestSchemaVersion, kSchemaVersion));
    return false;
}

/// Thrown from a decoder to stop reading a file it cannot interpret.
struct UnknownSchema {};

/// `health：良好` is a key typed with the Chinese input method's colon; names each such line.
void find_full_width_colons(std::string_view text, Problems& problems);

template <class T, class F>
Decoded<T> decode_with(std::string_view text, F read) {
    Decoded<T> out;
    YAML::Node root;
    Problems colons;
    find_full_width_colons(text, colons);
    if (!load_root(text, out.problems, root)) {
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
}  // namespace liushou::yaml_read
