// Three-way merge of a child's file, or of liushou.yaml, for git's merge driver (liushou
// merge-file %O %A %B %P). Two teachers who each log a talk for the same child change the
// same lines of the same file, which a line merge calls a conflict; merged as records, both
// talks are simply kept. So are two tasks of the plan ticked off in two clones.
//
// The rules, in the order they matter to a school whose records are its only copy:
// - nothing is dropped: a value is kept verbatim (even one liushou cannot read, such as
//   `birth_date: 2016/8/26`) or shown in a conflict; the merged file is re-encoded in the
//   canonical layout only when that loses nothing;
// - one entry changed differently on both sides (the same talk, the same parent) is a
//   conflict, never two entries;
// - two different children given the same id in two clones are a conflict of the whole file,
//   never one record holding both children's talks;
// - every conflict is marked where it is, each side whole, so that taking either side of any
//   conflict leaves a file that reads.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/i18n.hpp"
#include "liushou/schema.hpp"
#include "merge_values.hpp"
#include "yaml_read.hpp"

namespace liushou {

namespace {

using Maybe = std::optional<YAML::Node>;  // nullopt: the key is absent on that side
using merge_values::emit;
using merge_values::load_fast;
using merge_values::same_entries;
using merge_values::same_value;

bool same(const Maybe& a, const Maybe& b) {
    if (!a || !b) return !a && !b;
    return same_value(*a, *b);
}

std::string scalar_at(const YAML::Node& map, const char* key) {
    if (!map.IsMap() || !map[key] || !map[key].IsScalar()) return "";
    return map[key].Scalar();
}

/// Collects what schema.hpp says tells the entries of each list apart, by the list's dotted
/// path ("talks" -> date kind by, "pairing.history" -> from), and the fields that hold one
/// text or a list of them ("pairing.buddy").
struct SchemaFacts {
    std::map<std::string, std::vector<std::string>> identities;
    std::set<std::string> one_or_more;
    /// An identity names at most one entry (liushou.yaml: a term by its name, a tick of the
    /// plan by month and task), so an entry added on both sides differently is a conflict.
    /// A child's talks are not so: two talks of one day by one teacher are two talks.
    bool unique = false;
};

class IdentityCollector {
  public:
    IdentityCollector(SchemaFacts& out, std::string prefix)
        : out_(out), prefix_(std::move(prefix)) {}
    template <class X>
    void one_or_more(std::string_view key, X&) {
        out_.one_or_more.insert(prefix_ + std::string(key));
    }
    template <class... A>
    void text(A&&...) {}
    template <class... A>
    void date(A&&...) {}
    template <class... A>
    void integer(A&&...) {}
    template <class... A>
    void boolean(A&&...) {}
    template <class... A>
    void enumeration(A&&...) {}
    template <class... A>
    void text_list(A&&...) {}
    template <class S, class F>
    void map(std::string_view key, S& sub, F describe) {
        IdentityCollector inner(out_, prefix_ + std::string(key) + ".");
        describe(inner, sub);
    }
    // liushou.yaml's kinds: its lists of text (the group's members, a month's tasks) merge as
    // sets, as a child's do.
    template <class... A>
    void required_text(A&&...) {}
    template <class... A>
    void flag(A&&...) {}
    template <class... A>
    void names(A&&...) {}
    template <class... A>
    void int_list(A&&...) {}
    template <class... A>
    void month_plan(A&&...) {}
    template <class S, class F>
    void section(std::string_view key, S& sub, F describe) {
        map(key, sub, describe);
    }
    template <class S, class F>
    void list(std::string_view key, std::vector<S>&, F describe, std::string_view identity) {
        std::vector<std::string>& fields = out_.identities[prefix_ + std::string(key)];
        for (size_t at = 0; at < identity.size();) {
            const size_t end = std::min(identity.find(' ', at), identity.size());
            if (end > at) fields.emplace_back(identity.substr(at, end - at));
            at = end + 1;
        }
        S item;
        IdentityCollector inner(out_, prefix_ + std::string(key) + ".");
        describe(inner, item);
    }

  private:
    SchemaFacts& out_;
    std::string prefix_;
};

const SchemaFacts& child_facts() {
    static const auto facts = [] {
        SchemaFacts out;
        IdentityCollector collector(out, "");
        Child described;  // only its shape is used
        schema::child(collector, described);
        return out;
    }();
    return facts;
}

const SchemaFacts& school_facts() {
    static const auto facts = [] {
        SchemaFacts out;
        IdentityCollector collector(out, "");
        School described;
        schema::school(collector, described);
        out.unique = true;
        return out;
    }();
    return facts;
}

/// What tells the entries of a list apart, so that the same entry is recognised on each side
/// although its other fields changed: the list's identity in schema.hpp (a talk is its date,
/// kind and teacher; a parent the relation). Lists without one (lists of text, unknown lists)
/// are merged as sets: an entry is its whole text.
std::string entry_group(const SchemaFacts& facts, const std::string& list,
                        const YAML::Node& entry) {
    if (entry.IsMap()) {
        const auto& identities = facts.identities;
        const auto it = identities.find(list);
        if (it != identities.end() && !it->second.empty()) {
            std::string group;
            for (size_t i = 0; i < it->second.size(); ++i)
                group += (i ? " " : "") + scalar_at(entry, it->second[i].c_str());
            return group;
        }
    }
    return "=" + emit(entry);
}

/// One conflict: where it is and how to put their side in. `apply` rewrites a copy of the
/// merged document with their version of this one field or entry group.
struct Conflict {
    std::string label;
    int indent = 0;  // the indentation of the field's key or the list's items in the file
    std::function<void(YAML::Node&)> apply;
};

/// The node at `keys` below `root` (a handle into it), or an invalid one.
YAML::Node descend(YAML::Node root, const std::vector<std::string>& keys) {
    YAML::Node here = root;
    for (const auto& k : keys) {
        if (!here.IsMap() || !here[k]) return YAML::Node(YAML::NodeType::Undefined);
        here.reset(here[k]);  // reset moves the handle; assignment would copy into it
    }
    return here;
}

struct Merger {
    const SchemaFacts& facts;
    std::vector<Conflict> conflicts;

    Maybe merge(const std::vector<std::string>& keys, const Maybe& base, const Maybe& ours,
                const Maybe& theirs) {
        if (one_or_more(keys) && (is_seq(base) || is_seq(ours) || is_seq(theirs)) &&
            !(is_seq(base) && is_seq(ours) && is_seq(theirs)))
            // `buddy: 李明` on one side and a list on another: the same kind of value, so that
            // one clone adding a second buddy and another a third keeps all three.
            return merge(keys, as_list(base), as_list(ours), as_list(theirs));
        if (same(ours, theirs)) return ours;
        if (same(base, ours)) return theirs;
        if (same(base, theirs)) return ours;
        if (ours && theirs && ours->IsMap() && theirs->IsMap() &&
            (!base || base->IsMap() || base->IsNull()))
            return merge_maps(keys, base, *ours, *theirs);
        if (ours && theirs && ours->IsSequence() && theirs->IsSequence() &&
            (!base || base->IsSequence() || base->IsNull()))
            return merge_list(keys, base, *ours, *theirs);
        // A field changed differently on both sides: ours stays in the merged document and
        // theirs goes beside it in the file.
        const Maybe their_value = theirs;
        conflicts.push_back(Conflict{dotted(keys), 2 * (static_cast<int>(keys.size()) - 1),
                                     [keys, their_value](YAML::Node& doc) {
                                         std::vector<std::string> parent(keys.begin(),
                                                                         keys.end() - 1);
                                         YAML::Node map = descend(doc, parent);
                                         if (!map.IsMap()) return;
                                         if (their_value)
                                             map[keys.back()] = YAML::Clone(*their_value);
                                         else
                                             map.remove(keys.back());
                                     }});
        return ours;
    }

    static bool is_seq(const Maybe& v) { return v && v->IsSequence(); }
    static Maybe as_list(const Maybe& v) {
        if (!v || !v->IsScalar()) return v;
        YAML::Node list(YAML::NodeType::Sequence);
        list.push_back(YAML::Clone(*v));
        return list;
    }
    /// A field schema.hpp describes as one text or a list of texts.
    bool one_or_more(const std::vector<std::string>& keys) const {
        return facts.one_or_more.count(dotted(keys)) > 0;
    }

    static std::string dotted(const std::vector<std::string>& keys) {
        std::string out;
        for (const auto& k : keys) out += (out.empty() ? "" : ".") + k;
        return out;
    }

    Maybe merge_maps(const std::vector<std::string>& keys, const Maybe& base,
                     const YAML::Node& ours, const YAML::Node& theirs) {
        std::vector<std::string> names;
        std::set<std::string> seen;  // a file of 100,000 unknown keys is merged in n log n
        for (const auto& side : {ours, theirs})
            for (auto it = side.begin(); it != side.end(); ++it) {
                const std::string k = it->first.as<std::string>();
                if (seen.insert(k).second) names.push_back(k);
            }
        // yaml-cpp finds a key by scanning the mapping, and so does adding one: a file of
        // 90,000 unknown keys took hours. Each side's keys are looked up in an index, and the
        // merged mapping is built as a list of pairs and read back once, below.
        auto index = [](const Maybe& map) {
            std::unordered_map<std::string, YAML::Node> out;
            if (map && map->IsMap())
                for (auto it = map->begin(); it != map->end(); ++it)
                    if (it->first.IsScalar()) out.emplace(it->first.Scalar(), it->second);
            return out;
        };
        const auto in_base = index(base), in_ours = index(ours), in_theirs = index(theirs);
        auto find = [](const std::unordered_map<std::string, YAML::Node>& in,
                       const std::string& k) -> Maybe {
            const auto it = in.find(k);
            if (it == in.end()) return std::nullopt;
            return it->second;
        };
        YAML::Node out(YAML::NodeType::Map);
        for (const auto& k : names) {
            std::vector<std::string> path = keys;
            path.push_back(k);
            const Maybe v = merge(path, find(in_base, k), find(in_ours, k), find(in_theirs, k));
            if (v) out.force_insert(k, *v);
        }
        return out;
    }

    /// A parent changed on both sides in different fields (a phone here, a work place there)
    /// is merged field by field; a talk is not, since its fields are one account of one day.
    template <class Group>
    Maybe merge_fields(const std::string& list, const Group& group) const {
        if (&facts != &child_facts() || list != "parents" || group.ours.size() != 1 ||
            group.theirs.size() != 1 || group.base.size() > 1)
            return std::nullopt;
        Merger inner{facts, {}};
        const Maybe base = group.base.empty() ? Maybe{} : Maybe{group.base[0]};
        const Maybe out = inner.merge({"entry"}, base, group.ours[0], group.theirs[0]);
        if (!inner.conflicts.empty()) return std::nullopt;
        return out;
    }

    /// Lists: entries are grouped (a talk by date, kind and teacher; a parent by relation)
    /// and each group is merged three ways. Entries only added are all kept; a group changed
    /// differently on both sides, or changed on one and removed on the other, is a conflict.
    Maybe merge_list(const std::vector<std::string>& keys, const Maybe& base,
                     const YAML::Node& ours, const YAML::Node& theirs) {
        const std::string list = dotted(keys);
        struct Group {
            std::vector<YAML::Node> base, ours, theirs;
        };
        std::vector<std::string> order;
        std::map<std::string, Group> groups;
        auto add = [&](const YAML::Node& side, std::vector<YAML::Node> Group::*slot) {
            for (const auto& e : side) {
                const std::string g = entry_group(facts, list, e);
                if (!groups.count(g)) order.push_back(g);
                (groups[g].*slot).push_back(e);
            }
        };
        add(ours, &Group::ours);
        add(theirs, &Group::theirs);
        if (base && base->IsSequence()) add(*base, &Group::base);

        auto texts = [](const std::vector<YAML::Node>& entries) {
            std::vector<std::string> out;
            for (const auto& e : entries) out.push_back(emit(e));
            return out;
        };
        auto contains_all = [](std::vector<std::string> big,
                               const std::vector<std::string>& small) {
            for (const auto& s : small) {
                const auto it = std::find(big.begin(), big.end(), s);
                if (it == big.end()) return false;
                big.erase(it);
            }
            return true;
        };
        YAML::Node out(YAML::NodeType::Sequence);
        for (const auto& g : order) {
            const Group& group = groups[g];
            // Unchanged on one side, or alike on both (most of a school's talks): no rendering.
            const bool keep_ours =
                same_entries(group.ours, group.theirs) || same_entries(group.base, group.theirs);
            if (keep_ours || same_entries(group.base, group.ours)) {
                for (const auto& e : keep_ours ? group.ours : group.theirs) out.push_back(e);
                continue;
            }
            std::vector<YAML::Node> kept;
            const auto b = texts(group.base), o = texts(group.ours), t = texts(group.theirs);
            if (contains_all(o, b) && contains_all(t, b) && !(facts.unique && g[0] != '=')) {
                // Both sides only added (two talks of one day): keep every entry once.
                kept = group.ours;
                std::vector<std::string> have = o;
                for (const auto& e : group.theirs) {
                    const std::string text = emit(e);
                    const auto it = std::find(have.begin(), have.end(), text);
                    if (it != have.end()) {
                        have.erase(it);
                        continue;
                    }
                    kept.push_back(e);
                }
            } else if (const Maybe whole = merge_fields(list, group)) {
                kept = {*whole};
            } else {
                kept = group.ours;
                const std::vector<YAML::Node> their_entries = group.theirs;
                const std::string label = list + " (" + (g[0] == '=' ? "an entry" : g) + ")";
                conflicts.push_back(
                    Conflict{label, 2 * static_cast<int>(keys.size()),
                             [f = &facts, keys, list, g, their_entries](YAML::Node& doc) {
                                 YAML::Node seq = descend(doc, keys);
                                 if (!seq.IsSequence()) return;
                                 YAML::Node rebuilt(YAML::NodeType::Sequence);
                                 bool placed = false;
                                 for (const auto& e : seq) {
                                     if (entry_group(*f, list, e) != g) {
                                         rebuilt.push_back(e);
                                         continue;
                                     }
                                     if (!placed)
                                         for (const auto& entry : their_entries)
                                             rebuilt.push_back(YAML::Clone(entry));
                                     placed = true;
                                 }
                                 if (!placed)
                                     for (const auto& entry : their_entries)
                                         rebuilt.push_back(YAML::Clone(entry));
                                 std::vector<std::string> parent(keys.begin(), keys.end() - 1);
                                 YAML::Node map = descend(doc, parent);
                                 if (map.IsMap()) map[keys.back()] = rebuilt;
                             }});
            }
            for (const auto& e : kept) out.push_back(e);
        }
        return out;
    }
};

/// `text` cut into lines, each with its "\n".
std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    for (size_t pos = 0; pos < text.size();) {
        const size_t end = text.find('\n', pos);
        const size_t stop = end == std::string::npos ? text.size() : end + 1;
        lines.push_back(text.substr(pos, stop - pos));
        pos = stop;
    }
    return lines;
}

int indent_of(const std::string& line) {
    const size_t in = line.find_first_not_of(' ');
    return in == std::string::npos ? 1 << 20 : static_cast<int>(in);
}

/// Where two renderings of the document differ: lines [first, ours_end) of ours are replaced
/// by [first, theirs_end) of theirs. Widened to whole fields or entries at `indent`, so each
/// side of the conflict shows the field or entry whole.
struct Region {
    size_t first = 0, ours_end = 0, theirs_end = 0;
};

Region differing_region(const std::vector<std::string>& a, const std::vector<std::string>& b,
                        int indent) {
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    // Up to the line that starts the field or entry (its key, or its "- " at `indent`).
    while (prefix > 0 && prefix < a.size() && indent_of(a[prefix]) > indent) --prefix;
    while (prefix > 0 && prefix == a.size() && prefix < b.size() && indent_of(b[prefix]) > indent)
        --prefix;
    // Down past the lines that continue it.
    while (suffix > 0 && indent_of(a[a.size() - suffix]) > indent) --suffix;
    return Region{prefix, a.size() - suffix, b.size() - suffix};
}

/// The text of a merged document: the canonical layout when every rendering decodes without
/// an error (so nothing can be lost by re-encoding), else yaml-cpp's rendering, values verbatim.
struct Renderer {
    bool school = false;  // liushou.yaml, else a child's file
    bool canonical = true;
    std::string operator()(const YAML::Node& doc) const {
        const std::string text = emit(doc) + "\n";
        if (!canonical) return text;
        return school ? encode_school(decode_school(text).record)
                      : encode_child(decode_child(text).record);
    }
    bool clean(const YAML::Node& doc) const {
        const std::string text = emit(doc) + "\n";
        return school ? decode_school(text).writable() : decode_child(text).writable();
    }
};

/// Two different children: both files were created on their side (no common ancestor) and
/// they disagree on who the child is.
bool different_children(const YAML::Node& a, const YAML::Node& b) {
    for (const char* key : {"name", "birth_date", "id_number"}) {
        const std::string x = scalar_at(a, key), y = scalar_at(b, key);
        if (!x.empty() && !y.empty() && x != y) return true;
    }
    return false;
}

std::string whole_file_conflict(std::string_view ours, std::string_view theirs) {
    auto with_eol = [](std::string_view t) {
        std::string s(t);
        if (!s.empty() && s.back() != '\n') s += '\n';
        return s;
    };
    return "<<<<<<< ours\n" + with_eol(ours) + "=======\n" + with_eol(theirs) + ">>>>>>> theirs\n";
}

/// More conflicts than this in one file are one conflict of the whole file: each conflict
/// renders the document again (to mark its place), so a file of 50,000 keys changed on both
/// sides would cost 50,000 renderings; and nobody resolves a hundred conflicts in place.
constexpr size_t kMaxConflicts = 64;
/// yaml-cpp builds about 70,000 values a second, and a merge builds each side and renders the
/// result a few times: a file of more values than this (a child of forty years of weekly
/// talks holds about 15,000) is one conflict of the whole file rather than minutes of work.
constexpr size_t kMaxMergeValues = 20000;

MergeResult refuse(std::string_view ours, std::string_view theirs, std::string side, Problem why) {
    MergeResult result;
    result.merged = true;
    result.refused_side = std::move(side);
    result.refusal = std::move(why);
    result.text = whole_file_conflict(ours, theirs);
    return result;
}

MergeResult merge_records(std::string_view base, std::string_view ours, std::string_view theirs,
                          bool school, bool fast_reader) {
    MergeResult result;
    const std::pair<const char*, std::string_view> sides[] = {
        {"base", base}, {"ours", ours}, {"theirs", theirs}};
    YAML::Node docs[3];
    bool loaded[3] = {false, false, false};
    for (size_t i = 0; fast_reader && i < 3; ++i)
        loaded[i] = load_fast(sides[i].second, kMaxMergeValues, docs[i]);
    // check's limits, on every other side, before yaml-cpp builds a document: an alias bomb
    // of a few kilobytes expands to gigabytes of nodes (git pull would hang on the driver).
    for (size_t i = 0; i < 3; ++i) {
        if (loaded[i]) continue;
        Problems problems;
        bool yaml = true;
        if (!yaml_read::screen(std::string(sides[i].second), problems, &yaml, kMaxMergeValues))
            return refuse(ours, theirs, sides[i].first, problems.front());
    }
    try {
        for (size_t i = 0; i < 3; ++i)
            if (!loaded[i]) docs[i] = YAML::Load(std::string(sides[i].second));
    } catch (const YAML::Exception&) {
        return result;  // not YAML on some side: the caller falls back to a line merge
    }
    const YAML::Node &o = docs[0], &a = docs[1], &b = docs[2];
    if (!a.IsMap() || !b.IsMap() || !(o.IsMap() || o.IsNull())) return result;
    result.merged = true;
    if (!school && !o.IsMap() && different_children(a, b)) {
        result.different_children = true;
        result.conflicts.push_back(MergeConflict{"id"});
        result.text = whole_file_conflict(ours, theirs);
        return result;
    }
    Merger m{school ? school_facts() : child_facts(), {}};
    Maybe merged;
    try {
        merged = m.merge({}, o.IsNull() ? Maybe{} : Maybe{o}, a, b);
    } catch (const YAML::Exception&) {
        return MergeResult{};  // a key that is not text (`? [a]: b`): merged by lines
    }
    if (m.conflicts.size() > kMaxConflicts)
        return refuse(ours, theirs, "",
                      Problem{"",
                              fmt::format(N_("{} fields or entries changed differently on both "
                                             "sides, more than the {} merged in place"),
                                          m.conflicts.size(), kMaxConflicts),
                              Severity::error, 1, 1});
    YAML::Node doc = merged ? *merged : YAML::Node(YAML::NodeType::Map);
    if (m.conflicts.empty()) {
        // No conflict (a school's usual case): the document rendered and read once, not once
        // to see that it reads and again to write it.
        const std::string text = emit(doc) + "\n";
        if (school) {
            const auto read = decode_school(text);
            result.text = read.writable() ? encode_school(read.record) : text;
        } else {
            const auto read = decode_child(text);
            result.text = read.writable() ? encode_child(read.record) : text;
        }
        return result;
    }

    // Each conflict's version with their side, and how the document is rendered.
    std::vector<YAML::Node> variants;
    Renderer render;
    render.school = school;
    render.canonical = render.clean(doc);
    for (const auto& c : m.conflicts) {
        YAML::Node v = YAML::Clone(doc);
        c.apply(v);
        variants.push_back(v);
        render.canonical = render.canonical && render.clean(v);
    }
    const std::string text = render(doc);
    const std::vector<std::string> lines = split_lines(text);

    // Regions for each conflict; conflicts whose regions touch are shown as one.
    struct Block {
        Region region;
        std::vector<std::string> theirs;  // their lines for the region
        std::vector<std::string> labels;
    };
    std::vector<Block> blocks;
    for (size_t i = 0; i < m.conflicts.size(); ++i) {
        const std::vector<std::string> other = split_lines(render(variants[i]));
        if (other == lines) continue;  // the two values read the same: nothing to choose
        const Region r = differing_region(lines, other, m.conflicts[i].indent);
        blocks.push_back(
            Block{r,
                  std::vector<std::string>(other.begin() + static_cast<long>(r.first),
                                           other.begin() + static_cast<long>(r.theirs_end)),
                  {m.conflicts[i].label}});
    }
    std::sort(blocks.begin(), blocks.end(),
              [](const Block& x, const Block& y) { return x.region.first < y.region.first; });
    std::vector<Block> joined;
    for (auto& blk : blocks) {
        if (!joined.empty() && blk.region.first < joined.back().region.ours_end) {
            // Overlapping regions (two conflicts in one entry): one block whose their side has
            // both of their versions is still whole; splice theirs into the previous block.
            Block& prev = joined.back();
            prev.region.ours_end = std::max(prev.region.ours_end, blk.region.ours_end);
            prev.labels.insert(prev.labels.end(), blk.labels.begin(), blk.labels.end());
            prev.theirs.clear();  // recomputed below from a variant holding both
            continue;
        }
        joined.push_back(std::move(blk));
    }
    for (auto& blk : joined) {
        if (!blk.theirs.empty() || blk.labels.size() == 1) continue;
        YAML::Node v = YAML::Clone(doc);
        for (size_t i = 0; i < m.conflicts.size(); ++i)
            if (std::find(blk.labels.begin(), blk.labels.end(), m.conflicts[i].label) !=
                blk.labels.end())
                m.conflicts[i].apply(v);
        const std::vector<std::string> other = split_lines(render(v));
        int indent = 1 << 20;
        for (const auto& c : m.conflicts)
            if (std::find(blk.labels.begin(), blk.labels.end(), c.label) != blk.labels.end())
                indent = std::min(indent, c.indent);
        blk.region = differing_region(lines, other, indent);
        blk.theirs.assign(other.begin() + static_cast<long>(blk.region.first),
                          other.begin() + static_cast<long>(blk.region.theirs_end));
    }

    std::string out;
    size_t at = 0;
    for (const auto& blk : joined) {
        for (; at < blk.region.first; ++at) out += lines[at];
        out += "<<<<<<< ours\n";
        for (; at < blk.region.ours_end; ++at) out += lines[at];
        out += "=======\n";
        for (const auto& l : blk.theirs) out += l;
        out += ">>>>>>> theirs\n";
        for (const auto& label : blk.labels) result.conflicts.push_back(MergeConflict{label});
    }
    for (; at < lines.size(); ++at) out += lines[at];
    result.text = out;
    return result;
}

}  // namespace

MergeResult merge_child_files(std::string_view base, std::string_view ours,
                              std::string_view theirs) {
    return merge_records(base, ours, theirs, false, true);
}

MergeResult merge_school_files(std::string_view base, std::string_view ours,
                               std::string_view theirs) {
    return merge_records(base, ours, theirs, true, true);
}

namespace merge_values {

MergeResult merge_with_yaml_cpp(std::string_view base, std::string_view ours,
                                std::string_view theirs, bool school) {
    return merge_records(base, ours, theirs, school, false);
}

}  // namespace merge_values

}  // namespace liushou
