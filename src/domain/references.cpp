// The reference map (#41): every field of every record that names a child or a member of
// staff by id, described once, so that rename, delete and check walk the same list.
#include <fmt/format.h>

#include <algorithm>

#include "liushou/fields.hpp"
#include "liushou/schema.hpp"

namespace liushou {

const std::vector<ReferenceField>& reference_fields() {
    static const std::vector<ReferenceField> kFields = {
        {"children/<id>.yaml", "id", IdKind::child, true},
        {"children/<id>.yaml", "pairing.teacher", IdKind::staff},
        {"children/<id>.yaml", "pairing.buddies[]", IdKind::child},
        {"children/<id>.yaml", "pairing.history[].teacher", IdKind::staff},
        {"children/<id>.yaml", "pairing.history[].buddies[]", IdKind::child},
        {"children/<id>.yaml", "talks[].by", IdKind::staff},
        {"children/<id>.yaml", "talks[].closes_by", IdKind::staff},
        {"activities/<id>.yaml", "by[]", IdKind::staff},
        {"activities/<id>.yaml", "children[]", IdKind::child},
        {"activities/<id>.yaml", "participants{}", IdKind::child},
        {"staff.yaml", "staff[].id", IdKind::staff, true},
    };
    return kFields;
}

namespace {

const ReferenceField& reference_field(std::string_view file, std::string_view path) {
    for (const auto& f : reference_fields())
        if (f.file == file && f.path == path) return f;
    throw std::logic_error("no reference field " + std::string(path));
}

/// "pairing.history[].buddies[]" with the indices filled in, in order.
std::string with_indices(std::string_view path, std::initializer_list<size_t> at) {
    std::string out;
    auto next = at.begin();
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '[' && i + 1 < path.size() && path[i + 1] == ']' && next != at.end()) {
            out += fmt::format("[{}]", *next++);
            ++i;
        } else if (path[i] != '{' && path[i] != '}') {
            out += path[i];
        }
    }
    return out;
}

void visit_one(const ReferenceField& f, std::string where, std::string& value,
               const ReferenceVisitor& visit) {
    if (!value.empty()) visit(f, where, value);
}

void visit_list(const ReferenceField& f, std::vector<std::string>& values,
                std::initializer_list<size_t> outer, const ReferenceVisitor& visit) {
    for (size_t i = 0; i < values.size(); ++i) {
        std::vector<size_t> at(outer);
        at.push_back(i);
        std::string where;
        if (at.size() == 1)
            where = with_indices(f.path, {at[0]});
        else
            where = with_indices(f.path, {at[0], at[1]});
        visit_one(f, where, values[i], visit);
    }
}

}  // namespace

void for_each_reference(Child& c, const ReferenceVisitor& visit) {
    const std::string_view file = "children/<id>.yaml";
    visit_one(reference_field(file, "id"), "id", c.id, visit);
    visit_one(reference_field(file, "pairing.teacher"), "pairing.teacher", c.pairing.teacher,
              visit);
    visit_list(reference_field(file, "pairing.buddies[]"), c.pairing.buddies, {}, visit);
    for (size_t h = 0; h < c.pairing.history.size(); ++h) {
        const auto& f = reference_field(file, "pairing.history[].teacher");
        visit_one(f, with_indices(f.path, {h}), c.pairing.history[h].teacher, visit);
        visit_list(reference_field(file, "pairing.history[].buddies[]"),
                   c.pairing.history[h].buddies, {h}, visit);
    }
    for (size_t t = 0; t < c.talks.size(); ++t) {
        const auto& by = reference_field(file, "talks[].by");
        visit_one(by, with_indices(by.path, {t}), c.talks[t].by, visit);
        const auto& closes = reference_field(file, "talks[].closes_by");
        visit_one(closes, with_indices(closes.path, {t}), c.talks[t].closes_by, visit);
    }
}

void for_each_reference(Activity& a, const ReferenceVisitor& visit) {
    const std::string_view file = "activities/<id>.yaml";
    visit_list(reference_field(file, "by[]"), a.by, {}, visit);
    visit_list(reference_field(file, "children[]"), a.children, {}, visit);
    // participants is the list as asked (all, 3-2, ids, names), commas or spaces between: each
    // item is visited, the separators kept as they were.
    const auto& f = reference_field(file, "participants{}");
    std::string out, item;
    bool changed = false;
    auto flush = [&] {
        if (item.empty()) return;
        std::string value = item;
        visit(f, "participants", value);
        changed = changed || value != item;
        out += value;
        item.clear();
    };
    for (char ch : a.participants) {
        if (ch == ',' || ch == ' ') {
            flush();
            out += ch;
        } else {
            item += ch;
        }
    }
    flush();
    if (changed) a.participants = out;
}

void for_each_reference(StaffList& staff, const ReferenceVisitor& visit) {
    const auto& f = reference_field("staff.yaml", "staff[].id");
    for (size_t i = 0; i < staff.staff.size(); ++i)
        visit_one(f, with_indices(f.path, {i}), staff.staff[i].id, visit);
}

namespace {

template <class R>
size_t rename_in(R& record, IdKind kind, const std::string& from, const std::string& to) {
    size_t n = 0;
    for_each_reference(record, [&](const ReferenceField& f, const std::string&, std::string& v) {
        if (f.kind == kind && !f.own && v == from) v = to, ++n;
    });
    return n;
}

template <class R>
std::vector<std::string> references_in(R& record, IdKind kind, const std::string& id) {
    std::vector<std::string> out;
    for_each_reference(record,
                       [&](const ReferenceField& f, const std::string& where, std::string& v) {
                           if (f.kind == kind && !f.own && v == id) out.push_back(where);
                       });
    return out;
}

}  // namespace

size_t rename_references(Child& child, IdKind kind, const std::string& from,
                         const std::string& to) {
    return rename_in(child, kind, from, to);
}
size_t rename_references(Activity& activity, IdKind kind, const std::string& from,
                         const std::string& to) {
    return rename_in(activity, kind, from, to);
}
std::vector<std::string> references_to(Child& child, IdKind kind, const std::string& id) {
    return references_in(child, kind, id);
}
std::vector<std::string> references_to(Activity& activity, IdKind kind, const std::string& id) {
    return references_in(activity, kind, id);
}

}  // namespace liushou
