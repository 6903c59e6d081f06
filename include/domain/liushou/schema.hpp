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
//   v.list(key, std::vector<S>& items, f)   a list of mappings, f(v2, item) per item
// The schema version and the top level's unknown keys are the caller's.
#pragma once

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
    v.text("buddy", h.buddy);
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
    v.text("buddy", p.buddy);
    v.text("proxy_parent", p.proxy_parent);
    v.date("since", p.since);
    v.list("history", p.history, [](auto& iv, auto& h) { pairing_period(iv, h); });
    v.list("plan", p.plan, [](auto& iv, auto& i) { plan_item(iv, i); });
    v.list("progress", p.progress, [](auto& iv, auto& i) { progress_item(iv, i); });
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
    v.enumeration("status", c.status);
    v.date("status_on", c.status_on);
    v.enumeration("left_behind", c.left_behind);
    v.boolean("boarding", c.boarding);
    v.text("health", c.health);
    v.text("home_address", c.home_address);
    v.list("parents", c.parents, [](auto& iv, auto& p) { parent(iv, p); });
    v.map("guardian", c.guardian, [](auto& mv, auto& g) { guardian(mv, g); });
    v.map("support", c.support, [](auto& mv, auto& s) { support(mv, s); });
    v.map("pairing", c.pairing, [](auto& mv, auto& p) { pairing(mv, p); });
    v.list("talks", c.talks, [](auto& iv, auto& t) { talk(iv, t); });
    v.text("notes", c.notes);
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
    v.list("staff", list.staff, [](auto& iv, auto& s) { staff_member(iv, s); });
}

}  // namespace liushou::schema
