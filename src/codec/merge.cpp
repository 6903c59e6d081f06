// Three-way merge of a child's file, for git's merge driver (liushou merge-file %O %A %B).
// Two teachers who each log a talk for the same child change the same lines of the same file,
// which a line merge calls a conflict; merged as records, both talks are simply kept.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>

#include "liushou/codec.hpp"

namespace liushou {

namespace {

using Maybe = std::optional<YAML::Node>;  // nullopt: the key is absent on that side

std::string emit(const YAML::Node& node) {
    YAML::Emitter e;
    e << node;
    return e.c_str();
}

bool same(const Maybe& a, const Maybe& b) {
    if (!a || !b) return !a && !b;
    return emit(*a) == emit(*b);
}

struct Merger {
    std::vector<MergeConflict> conflicts;

    Maybe merge(const std::string& path, const Maybe& base, const Maybe& ours, const Maybe& theirs) {
        if (same(ours, theirs)) return ours;
        if (same(base, ours)) return theirs;
        if (same(base, theirs)) return ours;
        if (ours && theirs && ours->IsMap() && theirs->IsMap() &&
            (!base || base->IsMap() || base->IsNull()))
            return merge_maps(path, base, *ours, *theirs);
        if (ours && theirs && ours->IsSequence() && theirs->IsSequence() &&
            (!base || base->IsSequence() || base->IsNull()))
            return path == "parents" ? merge_keyed(path, base, *ours, *theirs, "relation")
                                     : merge_entries(base, *ours, *theirs);
        conflicts.push_back(MergeConflict{path});
        return ours;  // kept for now; the caller marks the field
    }

    static Maybe child(const Maybe& map, const std::string& key) {
        if (!map || !map->IsMap() || !(*map)[key]) return std::nullopt;
        return YAML::Node((*map)[key]);
    }

    Maybe merge_maps(const std::string& path, const Maybe& base, const YAML::Node& ours,
                     const YAML::Node& theirs) {
        std::vector<std::string> keys;
        for (const auto& side : {ours, theirs})
            for (auto it = side.begin(); it != side.end(); ++it) {
                const std::string k = it->first.as<std::string>();
                if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
            }
        YAML::Node out(YAML::NodeType::Map);
        for (const auto& k : keys) {
            const Maybe v = merge(path.empty() ? k : path + "." + k, child(base, k),
                                  child(ours, k), child(theirs, k));
            if (v) out[k] = *v;
        }
        return out;
    }

    /// Lists of dated entries (talks, history, progress, plans): an entry added on either side
    /// is kept, one removed on either side is gone; the encoder sorts by date afterwards.
    static Maybe merge_entries(const Maybe& base, const YAML::Node& ours, const YAML::Node& theirs) {
        std::vector<std::string> in_base;
        if (base && base->IsSequence())
            for (const auto& e : *base) in_base.push_back(emit(e));
        auto contains = [](const YAML::Node& list, const std::string& text) {
            for (const auto& e : list)
                if (emit(e) == text) return true;
            return false;
        };
        YAML::Node out(YAML::NodeType::Sequence);
        std::vector<std::string> taken;
        auto keep = [&](const YAML::Node& e) {
            const std::string text = emit(e);
            if (std::find(taken.begin(), taken.end(), text) != taken.end()) return;
            taken.push_back(text);
            out.push_back(e);
        };
        for (const auto& e : ours) {
            const std::string text = emit(e);
            const bool was = std::find(in_base.begin(), in_base.end(), text) != in_base.end();
            if (!was || contains(theirs, text)) keep(e);  // new here, or kept by both
        }
        for (const auto& e : theirs) {
            const std::string text = emit(e);
            if (std::find(in_base.begin(), in_base.end(), text) == in_base.end()) keep(e);
        }
        return out;
    }

    /// Lists whose entries are told apart by a key (parents by relation): merged entry by entry.
    Maybe merge_keyed(const std::string& path, const Maybe& base, const YAML::Node& ours,
                      const YAML::Node& theirs, const std::string& key) {
        auto find = [&](const Maybe& list, const std::string& k) -> Maybe {
            if (!list || !list->IsSequence()) return std::nullopt;
            for (const auto& e : *list)
                if (e.IsMap() && e[key] && e[key].IsScalar() && e[key].Scalar() == k) return YAML::Node(e);
            return std::nullopt;
        };
        std::vector<std::string> keys;
        for (const auto& side : {ours, theirs})
            for (const auto& e : side) {
                if (!e.IsMap() || !e[key] || !e[key].IsScalar()) return merge_entries(base, ours, theirs);
                if (std::find(keys.begin(), keys.end(), e[key].Scalar()) == keys.end())
                    keys.push_back(e[key].Scalar());
            }
        YAML::Node out(YAML::NodeType::Sequence);
        for (size_t i = 0; i < keys.size(); ++i) {
            const Maybe v = merge(fmt::format("{}[{}]", path, keys[i]), find(base, keys[i]),
                                  find(ours, keys[i]), find(theirs, keys[i]));
            if (v) out.push_back(*v);
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

/// The 1-based lines of `text` that hold `field`: its own and every deeper-indented one after
/// it; {0, 0} when the field is not there.
std::pair<int, int> field_lines(const std::string& text, const std::string& field) {
    const Decoded<Child> d = decode_child(text, true);
    const auto it = d.where.at.find(field);
    if (it == d.where.at.end()) return {0, 0};
    const std::vector<std::string> lines = split_lines(text);
    const int first = it->second.first;
    const size_t indent = lines[static_cast<size_t>(first - 1)].find_first_not_of(" -");
    int last = first;
    for (; static_cast<size_t>(last) < lines.size(); ++last) {
        const size_t in = lines[static_cast<size_t>(last)].find_first_not_of(' ');
        if (in == std::string::npos || in <= indent) break;
    }
    return {first, last};
}

std::string join_lines(const std::vector<std::string>& lines, std::pair<int, int> range) {
    std::string out;
    for (int n = range.first; n >= 1 && n <= range.second; ++n) out += lines[static_cast<size_t>(n - 1)];
    return out;
}

/// `merged` with their value of the dotted `field` (absent when they removed it).
YAML::Node with_their_field(const YAML::Node& merged, const YAML::Node& theirs,
                            const std::string& field) {
    YAML::Node out = YAML::Clone(merged);
    YAML::Node here = out, there = theirs;
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
        const size_t dot = field.find('.', start);
        parts.push_back(field.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        if (!here[parts[i]].IsMap() || !there[parts[i]].IsMap()) return out;
        here.reset(here[parts[i]]);  // reset moves the handle; assignment would copy into it
        there.reset(there[parts[i]]);
    }
    const std::string& key = parts.back();
    if (key.find('[') != std::string::npos) return out;  // parents[father]: shown as ours only
    if (there[key])
        here[key] = YAML::Clone(there[key]);
    else
        here.remove(key);
    return out;
}

std::string canonical(const YAML::Node& node) {
    const std::string text = emit(node) + "\n";
    const Decoded<Child> d = decode_child(text);
    return d.parsed ? encode_child(d.record) : text;
}

}  // namespace

MergeResult merge_child_files(std::string_view base, std::string_view ours,
                              std::string_view theirs) {
    MergeResult result;
    YAML::Node o, a, b;
    try {
        o = YAML::Load(std::string(base));
        a = YAML::Load(std::string(ours));
        b = YAML::Load(std::string(theirs));
    } catch (const YAML::Exception&) {
        return result;  // not YAML on some side: the caller falls back to a line merge
    }
    if (!a.IsMap() || !b.IsMap() || !(o.IsMap() || o.IsNull())) return result;
    Merger m;
    const Maybe merged = m.merge("", o.IsNull() ? Maybe{} : Maybe{o}, a, b);
    if (!merged) return result;
    result.merged = true;
    result.conflicts = m.conflicts;
    std::string text = canonical(*merged);
    // Each conflicting field: our lines and theirs between git's markers, so that the file
    // says exactly what to choose and check refuses it until someone has.
    std::sort(result.conflicts.begin(), result.conflicts.end(),
              [&](const MergeConflict& x, const MergeConflict& y) {
                  return field_lines(text, x.field).first > field_lines(text, y.field).first;
              });
    for (const auto& c : result.conflicts) {
        const std::string theirs_text = canonical(with_their_field(*merged, b, c.field));
        const auto mine = field_lines(text, c.field);
        const auto other = field_lines(theirs_text, c.field);
        const std::string block = "<<<<<<< ours\n" + join_lines(split_lines(text), mine) +
                                  "=======\n" + join_lines(split_lines(theirs_text), other) +
                                  ">>>>>>> theirs\n";
        if (mine.first == 0) {
            text += block;
            continue;
        }
        const std::vector<std::string> lines = split_lines(text);
        text = join_lines(lines, {1, mine.first - 1}) + block +
               join_lines(lines, {mine.second + 1, static_cast<int>(lines.size())});
    }
    result.text = text;
    return result;
}

}  // namespace liushou
