// Every field of every record, written down once, in the canonical order of
// liushou-records(5). The YAML reader and writer, the record cache and the CSV/JSON
// flattening of a child are visitors over these descriptions, so a field added here reaches
// all of them (and the round-trip property test in tests/unit/schema_test.cpp fills it).
//
// A visitor V has one member per kind of value; `T` below is the record, const or not:
//   v.text(key, std::string)              v.date(key, std::optional<Date>)
//   v.integer(key, std::optional<int>)    v.boolean(key, std::optional<bool> or bool)
//   v.enumeration(key, std::optional<E> or E)
//   v.text_list(key, std::vector<std::string>)
//   v.map(key, S& sub, f)       a nested mapping; f(v2, sub) describes it; sub.extras and
//                               whether an empty one is written are the visitor's business
//   v.list(key, std::vector<S>& items, f, identity)   a list of mappings, f(v2, item) per
//                               item; `identity` names the fields that tell two entries apart
//                               (a talk is its date, kind and teacher: "date kind by"), which the
//                               merge driver groups entries by and a field path names an entry
//                               by (parents.father.name); "" when only the whole entry does
// liushou.yaml has a fixed layout that people edit by hand, so a few kinds say how it is written:
//   v.required_text(key, std::string)   written even when empty ("")
//   v.flag(key, bool)                   written only when true
//   v.section(key, S& sub, f)           a nested mapping written even when empty
//   v.names(key, std::vector<std::string>)   a list of text written as [] when empty
//   v.integer(key, int)                 a number that always has a value
//   v.int_list(key, std::vector<int>)   numbers on one line: [1, 2, 7, 8]
//   v.month_plan(key, std::map<int, std::vector<std::string>>)   month number -> tasks
// The schema version and the top level's unknown keys are the caller's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "liushou/records.hpp"

namespace liushou::schema {

template <class V, class T>
void parent(V& v, T& p) {
    v.text("relation", p.relation);
    v.text("name", p.name);
    v.text("phone", p.phone);
    v.text("work_place", p.work_place);
    v.text("work_phone", p.work_phone);
}

template <class V, class T>
void guardian(V& v, T& g) {
    v.text("relation", g.relation);
    v.text("name", g.name);
    v.text("occupation", g.occupation);
    v.text("address", g.address);
    v.text("phone", g.phone);
    v.text("health", g.health);
    v.integer("age", g.age);
}

template <class V, class T>
void support(V& v, T& s) {
    v.boolean("key_child", s.key_child);
    v.text_list("subsidies", s.subsidies);
    v.text("individual_plan", s.individual_plan);
}

template <class V, class T>
void pairing_period(V& v, T& h) {
    v.text("teacher", h.teacher);
    v.one_or_more("buddy", h.buddies);
    v.text("proxy_parent", h.proxy_parent);
    v.date("from", h.from);
    v.date("to", h.to);
}

template <class V, class T>
void plan_item(V& v, T& i) {
    v.date("from", i.from);
    v.date("to", i.to);
    v.text("content", i.content);
    v.text("goal", i.goal);
}

template <class V, class T>
void progress_item(V& v, T& i) {
    v.date("date", i.date);
    v.text("note", i.note);
    v.text("subject", i.subject);
    v.text("score", i.score);
}

template <class V, class T>
void pairing(V& v, T& p) {
    v.text("teacher", p.teacher);
    v.one_or_more("buddy", p.buddies);
    v.text("proxy_parent", p.proxy_parent);
    v.date("since", p.since);
    v.list(
        "history", p.history, [](auto& iv, auto& h) { pairing_period(iv, h); }, "from");
    v.list(
        "plan", p.plan, [](auto& iv, auto& i) { plan_item(iv, i); }, "from");
    v.list(
        "progress", p.progress, [](auto& iv, auto& i) { progress_item(iv, i); }, "date");
}

template <class V, class T>
void talk(V& v, T& t) {
    v.date("date", t.date);
    v.enumeration("kind", t.kind);
    v.text("by", t.by);
    v.text("summary", t.summary);
    v.enumeration("mood", t.mood);
    v.text("follow_up", t.follow_up);
    v.date("closes", t.closes);
    v.enumeration("closes_kind", t.closes_kind);
    v.text("closes_by", t.closes_by);
}

template <class V, class T>
void episode(V& v, T& e) {
    v.date("from", e.from);
    v.enumeration("entry", e.entry);
    v.date("to", e.to);
    v.enumeration("status", e.status);
}

template <class V, class T>
void change(V& v, T& c) {
    v.date("date", c.date);
    v.text("field", c.field);
    v.text("was", c.was);
}

/// children/<id>.yaml, after `schema`.
template <class V, class T>
void child(V& v, T& c) {
    v.text("id", c.id);
    v.text("name", c.name);
    v.enumeration("gender", c.gender);
    v.date("birth_date", c.birth_date);
    v.text("id_number", c.id_number);
    v.text("ethnicity", c.ethnicity);
    v.integer("grade", c.grade);
    v.integer("class", c.class_no);
    v.date("enrolled_on", c.enrolled_on);
    v.enumeration("entry", c.entry);
    v.enumeration("status", c.status);
    v.date("status_on", c.status_on);
    v.list(
        "enrolment_history", c.enrolment_history, [](auto& iv, auto& e) { episode(iv, e); },
        "from");
    v.enumeration("left_behind", c.left_behind);
    v.boolean("boarding", c.boarding);
    v.text("health", c.health);
    v.text("home_address", c.home_address);
    v.list(
        "parents", c.parents, [](auto& iv, auto& p) { parent(iv, p); }, "relation");
    v.map("guardian", c.guardian, [](auto& mv, auto& g) { guardian(mv, g); });
    v.map("support", c.support, [](auto& mv, auto& s) { support(mv, s); });
    v.map("pairing", c.pairing, [](auto& mv, auto& p) { pairing(mv, p); });
    v.list(
        "talks", c.talks, [](auto& iv, auto& t) { talk(iv, t); }, "date kind by");
    v.text("notes", c.notes);
    v.list(
        "changes", c.changes, [](auto& iv, auto& x) { change(iv, x); }, "date field");
}

template <class V, class T>
void staff_member(V& v, T& s) {
    v.text("id", s.id);
    v.text("name", s.name);
    v.enumeration("role", s.role);
    v.integer("grade", s.grade);
    v.integer("class", s.class_no);
    v.text("phone", s.phone);
}

/// staff.yaml.
template <class V, class T>
void staff_list(V& v, T& list) {
    v.list(
        "staff", list.staff, [](auto& iv, auto& s) { staff_member(iv, s); }, "id");
}

/// activities/<id>.yaml.
template <class V, class T>
void activity(V& v, T& a) {
    v.text("id", a.id);
    v.date("date", a.date);
    v.enumeration("kind", a.kind);
    v.text("title", a.title);
    v.text_list("by", a.by);
    v.text("participants", a.participants);
    v.text_list("children", a.children);
    v.text("summary", a.summary);
}

template <class V, class T>
void county_school(V& v, T& s) {
    v.text("path", s.path);
    v.text("git", s.git);
    v.text("ref", s.ref);
}

/// county.yaml.
template <class V, class T>
void county(V& v, T& c) {
    v.required_text("county", c.county);
    v.list(
        "schools", c.schools, [](auto& iv, auto& s) { county_school(iv, s); }, "");
}

template <class V, class T>
void plan_done(V& v, T& d) {
    v.text("month", d.month);
    v.integer("task", d.task);
    v.date("date", d.date);
    v.text("note", d.note);
    v.list(
        "changes", d.changes, [](auto& iv, auto& x) { change(iv, x); }, "date field");
}

template <class V, class T>
void returned_sheet(V& v, T& r) {
    v.text("month", r.month);
    v.text("teacher", r.teacher);
    v.text("name", r.name);
    v.text("file", r.file);
    v.date("date", r.date);
    v.integer("rows", r.rows);
    v.integer("owed", r.owed);
}

template <class V, class T>
void term(V& v, T& t) {
    v.text("name", t.name);
    v.date("from", t.from);
    v.date("to", t.to);
    v.integer("talks_from", t.talks_from);
    v.integer("family_calls_from", t.family_calls_from);
}

template <class V, class T>
void leading_group(V& v, T& g) {
    v.required_text("leader", g.leader);
    v.names("deputies", g.deputies);
    v.names("members", g.members);
}

template <class V, class T>
void event(V& v, T& e) {
    v.text("name", e.name);
    v.text("date", e.date);  // MM-DD, every year
}

template <class V, class T>
void rules(V& v, T& r) {
    v.integer("talks_per_month", r.talks_per_month);
    v.integer("family_calls_per_month", r.family_calls_per_month);
    v.integer("home_visits_per_term", r.home_visits_per_term);
    v.integer("guardian_meetings_per_term", r.guardian_meetings_per_term);
    v.int_list("months_without_talks", r.months_without_talks);
    v.text("language", r.language);
}

/// liushou.yaml, after `schema`.
template <class V, class T>
void school(V& v, T& s) {
    v.required_text("school", s.school);
    v.required_text("county", s.county);
    v.required_text("school_year", s.school_year);
    v.flag("git_commit", s.git_commit);
    v.list(
        "terms", s.terms, [](auto& iv, auto& t) { term(iv, t); }, "name");
    v.section("leading_group", s.leading_group, [](auto& mv, auto& g) { leading_group(mv, g); });
    v.month_plan("plan", s.plan);
    v.list(
        "plan_done", s.plan_done, [](auto& iv, auto& d) { plan_done(iv, d); }, "month task");
    v.list(
        "returned_sheets", s.returned_sheets, [](auto& iv, auto& r) { returned_sheet(iv, r); },
        "month teacher file");
    v.list(
        "events", s.events, [](auto& iv, auto& e) { event(iv, e); }, "name");
    v.section("rules", s.rules, [](auto& mv, auto& r) { rules(mv, r); });
}

// ---- values ----------------------------------------------------------------------------

// A field's value as text, as liushou.yaml and the CSV card write it ("" when unset).
inline std::string value_text(const std::string& v) {
    return v;
}
inline std::string value_text(const std::optional<Date>& v) {
    return v ? v->iso() : "";
}
inline std::string value_text(const std::optional<int>& v) {
    return v ? std::to_string(*v) : "";
}
inline std::string value_text(bool v) {
    return v ? "true" : "false";
}
inline std::string value_text(const std::optional<bool>& v) {
    return v ? value_text(*v) : "";
}
template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
std::string value_text(const E& v) {
    return std::string(key_of(v));
}
template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
std::string value_text(const std::optional<E>& v) {
    return v ? std::string(key_of(*v)) : "";
}

/// Every field's value as text, in schema order, unknown keys left out: what "the same entry"
/// means when a command is asked to add one twice (a plan item, a progress note).
class Values {
  public:
    explicit Values(std::vector<std::string>& out) : out_(out) {}
    template <class X>
    void text(std::string_view, const X& v) {
        out_.push_back(value_text(v));
    }
    template <class X>
    void date(std::string_view, const X& v) {
        out_.push_back(value_text(v));
    }
    template <class X>
    void integer(std::string_view, const X& v) {
        out_.push_back(value_text(v));
    }
    template <class X>
    void boolean(std::string_view, const X& v) {
        out_.push_back(value_text(v));
    }
    template <class X>
    void enumeration(std::string_view, const X& v) {
        out_.push_back(value_text(v));
    }
    void text_list(std::string_view, const std::vector<std::string>& v) {
        out_.push_back(std::to_string(v.size()));
        out_.insert(out_.end(), v.begin(), v.end());
    }
    void one_or_more(std::string_view k, const std::vector<std::string>& v) { text_list(k, v); }
    template <class S, class D>
    void map(std::string_view, const S& sub, D describe) {
        describe(*this, sub);
    }
    template <class S, class D>
    void list(std::string_view, const std::vector<S>& items, D describe, std::string_view) {
        out_.push_back(std::to_string(items.size()));
        for (const S& item : items) describe(*this, item);
    }

  private:
    std::vector<std::string>& out_;
};

/// Whether two entries hold the same value in every field `describe` names.
template <class T, class Describe>
bool same_values(const T& a, const T& b, Describe describe) {
    std::vector<std::string> x, y;
    Values vx(x), vy(y);
    describe(vx, a);
    describe(vy, b);
    return x == y;
}

// ---- field paths -----------------------------------------------------------------------

/// Where a new entry goes when a field path names one that is not there yet: at the end, but
/// a father before a mother, so that two imports of one sheet give one file.
template <class S>
typename std::vector<S>::iterator new_entry_at(std::vector<S>& items, std::string_view) {
    return items.end();
}
inline std::vector<Parent>::iterator new_entry_at(std::vector<Parent>& items,
                                                  std::string_view relation) {
    return relation == "father" ? items.begin() : items.end();
}

/// A visitor that hands the one value at a field path to `use`: see at_path.
template <class F>
class PathFinder {
  public:
    PathFinder(std::string_view path, bool create, F& use)
        : path_(path), create_(create), use_(use) {}
    bool found() const { return found_; }

    template <class X>
    void text(std::string_view key, X& v) {
        leaf(key, v);
    }
    template <class X>
    void date(std::string_view key, X& v) {
        leaf(key, v);
    }
    template <class X>
    void integer(std::string_view key, X& v) {
        leaf(key, v);
    }
    template <class X>
    void boolean(std::string_view key, X& v) {
        leaf(key, v);
    }
    template <class X>
    void enumeration(std::string_view key, X& v) {
        leaf(key, v);
    }
    template <class X>
    void text_list(std::string_view key, X& v) {
        leaf(key, v);
    }
    template <class X>
    void one_or_more(std::string_view key, X& v) {
        leaf(key, v);
    }

    template <class S, class D>
    void map(std::string_view key, S& sub, D describe) {
        const std::string_view rest = below(key);
        if (found_ || rest.empty()) return;
        PathFinder inner(rest, create_, use_);
        describe(inner, sub);
        found_ = inner.found_;
    }

    /// `list.VALUE.field`: the entry whose identity field (one field only) holds VALUE.
    template <class S, class D>
    void list(std::string_view key, std::vector<S>& items, D describe, std::string_view identity) {
        const std::string_view rest = below(key);
        const size_t dot = rest.find('.');
        if (found_ || rest.empty() || dot == std::string_view::npos || identity.empty() ||
            identity.find(' ') != std::string_view::npos)
            return;
        const std::string_view value = rest.substr(0, dot), field = rest.substr(dot + 1);
        for (S& item : items) {
            std::string id;
            auto read = [&](auto& v) {
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) id = v;
            };
            PathFinder<decltype(read)> look(identity, false, read);
            describe(look, item);
            if (id != value) continue;
            PathFinder inner(field, create_, use_);
            describe(inner, item);
            found_ = inner.found_;
            return;
        }
        if (!create_) return;
        S& fresh = *items.insert(new_entry_at(items, value), S{});
        auto set = [&](auto& v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) v = value;
        };
        PathFinder<decltype(set)> name(identity, false, set);
        describe(name, fresh);
        PathFinder inner(field, create_, use_);
        describe(inner, fresh);
        found_ = inner.found_;
    }

  private:
    template <class X>
    void leaf(std::string_view key, X& v) {
        if (found_ || key != path_) return;
        use_(v);
        found_ = true;
    }
    /// The rest of the path when it goes below `key`, else "".
    std::string_view below(std::string_view key) const {
        if (path_.size() <= key.size() + 1 || path_.compare(0, key.size(), key) != 0 ||
            path_[key.size()] != '.')
            return {};
        return path_.substr(key.size() + 1);
    }
    std::string_view path_;
    bool create_;
    F& use_;
    bool found_ = false;
};

/// Calls use(value) with the value a field path names in a record, typed as the record holds
/// it: "guardian.phone", or an entry of a list by its identity, "parents.father.name".
/// `describe(visitor, record)` is the record's description above. With `create`, a missing
/// list entry is made (its identity field set). Returns whether the path named a value.
template <class T, class Describe, class F>
bool at_path(T& record, Describe describe, std::string_view path, bool create, F use) {
    PathFinder<F> finder(path, create, use);
    describe(finder, record);
    return finder.found();
}

/// at_path over a child's record.
template <class F>
bool at_child_path(Child& c, std::string_view path, bool create, F use) {
    return at_path(
        c, [](auto& v, Child& r) { child(v, r); }, path, create, use);
}

}  // namespace liushou::schema
