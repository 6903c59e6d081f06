// Each record file as YAML: children/<id>.yaml, staff.yaml and liushou.yaml, read by the fast
// reader or yaml-cpp through MapReader and written by RecordWriter, both driven by schema.hpp.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "fast_yaml.hpp"
#include "liushou/codec.hpp"
#include "liushou/i18n.hpp"
#include "liushou/schema.hpp"
#include "liushou/text.hpp"
#include "yaml_read.hpp"
#include "yaml_write.hpp"

namespace liushou {

using namespace yaml_read;
using yaml_write::RecordWriter;
using yaml_write::Writer;

// ---- child -----------------------------------------------------------------------------

namespace {

/// The child schema, read the same way from yaml-cpp's nodes and from the fast reader's.
template <class R>
void read_child(R& r, Child& c, Problems& problems) {
    if (!read_schema(r, c.schema, problems)) throw UnknownSchema{};
    schema::child(r, c);
}

}  // namespace

namespace {

// The fast reader for the common case; nullopt sends the file to yaml-cpp: anything outside
// the fast reader's subset, any unknown key, and any problem (so messages and positions
// always come from one place).
template <class T, class Read>
std::optional<Decoded<T>> decode_fast(std::string_view text, bool positions, Read read) {
    if (invalid_utf8_at(text) != std::string_view::npos ||
        text.find('\0') != std::string_view::npos || lone_cr_at(text) != std::string_view::npos)
        return std::nullopt;
    fast_yaml::Document doc;
    if (!doc.parse(text)) return std::nullopt;
    Problems colons;  // the full reader names them; both readers must agree on the file
    find_full_width_colons(text, colons);
    if (!colons.empty()) return std::nullopt;
    Decoded<T> out;
    DecodeContext ctx{out.where, out.problems, positions};
    // Valid UTF-8 was checked above; without escapes every scalar is a piece of this text, so
    // one look for forbidden characters here stands for one per scalar (the text's line ends
    // are never inside one of the fast reader's one-line scalars).
    ctx.scalars_checked =
        text.find('\\') == std::string_view::npos && forbidden_character(text, true).empty();
    try {
        MapReader<fast_yaml::Node> reader(doc.root(), "", ctx);
        read(reader, out.record, out.problems);
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

}  // namespace

std::optional<Decoded<Child>> decode_child_fast(std::string_view text, bool positions) {
    return decode_fast<Child>(
        text, positions, [](auto& r, Child& c, Problems& problems) { read_child(r, c, problems); });
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
    // Whatever version was read, the file is written in the current form.
    w.raw(0, "schema", std::to_string(kSchemaVersion));
    RecordWriter fields(w, 0);
    schema::child(fields, c);
    w.extras(0, c.extras);
    return w.take();
}

// ---- staff -----------------------------------------------------------------------------

Decoded<StaffList> decode_staff(std::string_view text, bool positions) {
    // A county's staff.yaml lists 2,000 teachers, and every write reads it.
    auto read = [](auto& r, StaffList& list, Problems&) { schema::staff_list(r, list); };
    if (auto fast = decode_fast<StaffList>(text, positions, read)) return std::move(*fast);
    return decode_staff_full(text);
}

Decoded<StaffList> decode_staff_full(std::string_view text) {
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

// ---- activities ------------------------------------------------------------------------

Decoded<Activity> decode_activity(std::string_view text) {
    return decode_with<Activity>(text, [](auto& r, Activity& a, Problems& problems) {
        if (!read_schema(r, a.schema, problems)) throw UnknownSchema{};
        schema::activity(r, a);
    });
}

std::string encode_activity(const Activity& a) {
    Writer w;
    w.raw(0, "schema", std::to_string(kSchemaVersion));
    RecordWriter fields(w, 0);
    schema::activity(fields, a);
    w.extras(0, a.extras);
    return w.take();
}

// ---- county ----------------------------------------------------------------------------

Decoded<County> decode_county(std::string_view text) {
    return decode_with<County>(text, [](auto& r, County& c, Problems&) { schema::county(r, c); });
}

std::string encode_county(const County& c) {
    Writer w;
    RecordWriter fields(w, 0);
    schema::county(fields, c);
    if (c.schools.empty()) w.raw(0, "schools", "[]");
    w.extras(0, c.extras);
    return w.take();
}

// ---- school ----------------------------------------------------------------------------

namespace {
template <class R>
void read_school(R& r, School& s, Problems& problems) {
    int schema = kSchemaVersion;
    if (!read_schema(r, schema, problems)) throw UnknownSchema{};
    s.events.clear();
    schema::school(r, s);
}
}  // namespace

Decoded<School> decode_school(std::string_view text) {
    // Every command reads liushou.yaml (its language first); yaml-cpp took about 0.6 ms of a
    // 15 ms log-talk for it.
    auto read = [](auto& r, School& s, Problems& problems) { read_school(r, s, problems); };
    if (auto fast = decode_fast<School>(text, true, read)) return std::move(*fast);
    return decode_school_full(text);
}

Decoded<School> decode_school_full(std::string_view text) {
    return decode_with<School>(
        text, [](auto& r, School& s, Problems& problems) { read_school(r, s, problems); });
}

std::string encode_school(const School& s) {
    Writer w;
    w.raw(0, "schema", std::to_string(kSchemaVersion));
    RecordWriter fields(w, 0);
    schema::school(fields, s);
    w.extras(0, s.extras);
    return w.take();
}

// ---- small helpers ---------------------------------------------------------------------

std::map<std::string, std::string> decode_header_map(std::string_view text, Problems& out) {
    std::map<std::string, std::string> map;
    Decoded<StaffList> scratch;  // only for load_root's problem list
    YAML::Node root;
    if (!load_root(text, scratch.problems, root)) {
        out.insert(out.end(), scratch.problems.begin(), scratch.problems.end());
        return map;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!it->first.IsScalar() || !it->second.IsScalar()) {
            const auto pos = position(it->first.Mark());
            out.push_back(Problem{"",
                                  N_("each line maps a sheet header to a field: 学生姓名: name"),
                                  Severity::error, pos.first, pos.second});
            continue;
        }
        map[it->first.Scalar()] = it->second.Scalar();
    }
    return map;
}

int first_comment_line(std::string_view yaml) {
    if (yaml.find('#') == std::string_view::npos) return 0;  // every file is read through here
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
