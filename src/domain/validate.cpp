#include "liushou/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "liushou/fields.hpp"
#include "liushou/i18n.hpp"
#include "liushou/schedule.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

void add(Problems& out, std::string field, std::string message,
         Severity severity = Severity::error) {
    out.push_back(Problem{std::move(field), std::move(message), severity, 0, 0});
}

void check_phone(Problems& out, const std::string& field, const std::string& phone) {
    if (!phone.empty() && !is_phone_number(phone))
        add(out, field, N_("not a mobile (11 digits) or landline number with area code"));
}

void check_not_future(Problems& out, const std::string& field, const std::optional<Date>& d,
                      const Date& today) {
    if (d && *d > today) add(out, field, fmt::format(N_("{} is in the future"), d->iso()));
}

}  // namespace

bool has_errors(const Problems& problems) {
    for (const auto& p : problems)
        if (p.severity == Severity::error) return true;
    return false;
}

std::vector<std::string> missing_fields(const Child& c) {
    std::vector<std::string> missing;
    // A purged child (#43, liushou-purge(1)) keeps no personal field; whether its file was
    // complete when purged is kept instead, so that past terms' 建档率 stay as they were.
    const auto marked = [&](std::string_view key) {
        return std::any_of(c.extras.begin(), c.extras.end(),
                           [&](const auto& e) { return e.first == key; });
    };
    if (marked("purged")) {
        if (marked("purged_incomplete")) missing.emplace_back("purged");
        return missing;
    }
    auto need = [&](bool present, const char* field) {
        if (!present) missing.emplace_back(field);
    };
    need(!c.name.empty(), "name");
    need(c.gender.has_value(), "gender");
    need(c.birth_date.has_value(), "birth_date");
    need(c.grade.has_value(), "grade");
    need(c.class_no.has_value(), "class");
    need(!c.home_address.empty(), "home_address");

    // At least one parent with name, phone and work place; name what the nearest one lacks.
    std::vector<std::string> best;
    bool have_best = false;
    for (size_t i = 0; i < c.parents.size(); ++i) {
        const Parent& p = c.parents[i];
        std::vector<std::string> lack;
        const std::string at = fmt::format("parents[{}].", i);
        if (p.name.empty()) lack.push_back(at + "name");
        if (p.phone.empty()) lack.push_back(at + "phone");
        if (p.work_place.empty()) lack.push_back(at + "work_place");
        if (!have_best || lack.size() < best.size()) best = lack, have_best = true;
    }
    if (!have_best)
        missing.emplace_back(N_("parents (a parent with name, phone and work_place)"));
    else
        missing.insert(missing.end(), best.begin(), best.end());

    const Guardian& g = c.guardian;
    need(!g.relation.empty(), "guardian.relation");
    need(!g.name.empty(), "guardian.name");
    need(!g.phone.empty(), "guardian.phone");
    need(!g.address.empty(), "guardian.address");
    need(!g.occupation.empty(), "guardian.occupation");
    need(!g.health.empty(), "guardian.health");
    need(g.age.has_value(), "guardian.age");
    return missing;
}

std::string field_by_relation(const Child& c, const std::string& field) {
    if (field.rfind("parents[", 0) != 0) return field;
    const size_t close = field.find(']');
    if (close == std::string::npos || close == 8 ||
        field.find_first_not_of("0123456789", 8) != close)
        return field;
    const size_t index = std::stoul(field.substr(8, close - 8));
    if (index >= c.parents.size()) return field;
    const std::string& relation = c.parents[index].relation;
    // Only a relation that names one entry can stand for the index (two fathers, or one
    // whose relation is missing or wrong, keep their places).
    if ((relation != "father" && relation != "mother") ||
        std::count_if(c.parents.begin(), c.parents.end(),
                      [&](const Parent& p) { return p.relation == relation; }) != 1)
        return field;
    return "parents." + relation + field.substr(close + 1);
}

std::vector<std::string> missing_fields_by_relation(const Child& c) {
    std::vector<std::string> missing = missing_fields(c);
    for (auto& m : missing) m = field_by_relation(c, m);
    return missing;
}

std::string cell_limit_error(std::string_view text) {
    if (text.size() <= 32767) return "";  // bytes bound the UTF-16 units from above
    size_t units = 0;
    for (unsigned char ch : text)
        if ((ch & 0xc0) != 0x80) units += ch >= 0xf0 ? 2 : 1;
    if (units <= 32767) return "";
    return fmt::format(N_("holds {} characters, more than the 32,767 a spreadsheet cell holds; "
                          "shorten it"),
                       units);
}

void validate_child(const Child& c, const Date& today, Problems& out) {
    const std::string id_problem = child_id_error(c.id);
    if (!id_problem.empty()) add(out, "id", id_problem);
    // What no output could write (an .xlsx register or talk sheet) is refused here, so that
    // no writer fails on a record check passed.
    for (const ChildField& f : child_fields())
        if (const std::string why = cell_limit_error(get_child_field(c, f)); !why.empty())
            add(out, std::string(f.path), why);
    for (size_t i = 0; i < c.talks.size(); ++i) {
        if (const std::string why = cell_limit_error(c.talks[i].summary); !why.empty())
            add(out, fmt::format("talks[{}].summary", i), why);
        if (const std::string why = cell_limit_error(c.talks[i].follow_up); !why.empty())
            add(out, fmt::format("talks[{}].follow_up", i), why);
    }
    check_not_future(out, "birth_date", c.birth_date, today);
    if (c.birth_date && *c.birth_date <= today) {
        const int age = c.birth_date->age_on(today);
        if (age < 4 || age > 18)
            add(out, "birth_date",
                fmt::format(N_("the child would be {} years old; is the year right?"), age),
                Severity::warning);
    }
    if (!c.id_number.empty()) check_id_number(c.id_number, c.birth_date, c.gender, out);
    if (c.grade && (*c.grade < 1 || *c.grade > 6))
        add(out, "grade",
            fmt::format(N_("grade {} is not a primary school grade (1-6)"), *c.grade));
    if (c.class_no && (*c.class_no < 1 || *c.class_no > 99))
        add(out, "class", fmt::format(N_("class {} is not between 1 and 99"), *c.class_no));
    check_not_future(out, "enrolled_on", c.enrolled_on, today);
    if (c.enrolled_on && c.birth_date && *c.enrolled_on < *c.birth_date)
        add(out, "enrolled_on", N_("the child enrolled before being born"));
    check_not_future(out, "status_on", c.status_on, today);
    if (c.status != Status::enrolled && !c.status_on)
        add(out, "status_on",
            fmt::format(N_("status {} needs the date it changed (status_on)"), key_of(c.status)));
    if (c.status_on && c.enrolled_on && *c.status_on < *c.enrolled_on)
        add(out, "status_on", N_("the status changed before the child enrolled"));

    // Earlier enrolments: each ended, in order, before the next began.
    std::optional<Date> last_end;
    for (size_t i = 0; i < c.enrolment_history.size(); ++i) {
        const Episode& e = c.enrolment_history[i];
        const std::string at = fmt::format("enrolment_history[{}]", i);
        if (!e.to)
            add(out, at + ".to", N_("an earlier enrolment needs the day it ended (to)"));
        else if (e.from && *e.to < *e.from)
            add(out, at + ".to", N_("the enrolment ends before it starts"));
        check_not_future(out, at + ".to", e.to, today);
        if (e.status == Status::enrolled || e.status == Status::not_enrolled)
            add(out, at + ".status",
                N_("an earlier enrolment ended in transferred, dropped_out, graduated or left"));
        if (last_end && (!e.from || *e.from < *last_end))
            add(out, at + ".from", N_("it begins before the enrolment above it ended"));
        last_end = e.to;
    }
    if (last_end && (!c.enrolled_on || *c.enrolled_on < *last_end))
        add(out, "enrolled_on",
            fmt::format(N_("the current enrolment must begin on or after {}, when the last one in "
                           "enrolment_history ended"),
                        last_end->iso()));
    for (size_t i = 0; i < c.changes.size(); ++i) {
        const Change& x = c.changes[i];
        const std::string at = fmt::format("changes[{}]", i);
        if (!x.date) add(out, at + ".date", N_("a change needs the day it took effect (date)"));
        check_not_future(out, at + ".date", x.date, today);
        const ChildField* field = find_child_field(x.field);
        if (!field || !is_dated_field(field->key) || field->key != x.field) {
            add(out, at + ".field",
                fmt::format(N_("\"{}\" is not a field with dated changes (grade, class, "
                               "left_behind, boarding, key_child, subsidies, individual_plan)"),
                            x.field));
            continue;
        }
        Child scratch;
        const std::string why = set_child_field(scratch, *field, x.was, Date{9999, 12, 31});
        if (!why.empty()) add(out, at + ".was", why);
    }

    std::set<std::string> relations;
    for (size_t i = 0; i < c.parents.size(); ++i) {
        const Parent& p = c.parents[i];
        const std::string at = fmt::format("parents[{}]", i);
        if (p.relation != "father" && p.relation != "mother")
            add(out, at + ".relation",
                fmt::format(N_("\"{}\" is not father or mother (a guardian goes under guardian)"),
                            p.relation));
        else if (!relations.insert(p.relation).second)
            add(out, at + ".relation", fmt::format("a second {} entry", p.relation));
        check_phone(out, at + ".phone", p.phone);
        check_phone(out, at + ".work_phone", p.work_phone);
    }
    check_phone(out, "guardian.phone", c.guardian.phone);
    if (c.guardian.age && (*c.guardian.age < 0 || *c.guardian.age > 120))
        add(out, "guardian.age", fmt::format(N_("{} is not an age"), *c.guardian.age));
    else if (c.guardian.age && *c.guardian.age < 16)
        add(out, "guardian.age", fmt::format(N_("a guardian aged {}?"), *c.guardian.age),
            Severity::warning);

    const Pairing& pr = c.pairing;
    check_not_future(out, "pairing.since", pr.since, today);
    for (size_t i = 0; i < pr.history.size(); ++i) {
        const auto& h = pr.history[i];
        const std::string at = fmt::format("pairing.history[{}]", i);
        if (h.from && h.to && *h.to < *h.from) add(out, at + ".to", N_("ends before it starts"));
        check_not_future(out, at + ".to", h.to, today);
    }
    for (size_t i = 0; i < pr.plan.size(); ++i) {
        const auto& p = pr.plan[i];
        if (p.from && p.to && *p.to < *p.from)
            add(out, fmt::format("pairing.plan[{}].to", i), N_("ends before it starts"));
    }
    // Entries are only dated in an enrolment; outside it they count nowhere.
    auto enrolled_then = [&](const std::string& field, const std::optional<Date>& d) {
        if (!d || *d > today) return;
        const std::string why = not_enrolled_reason(c, *d);
        if (!why.empty()) add(out, field, why + "; the entry counts nowhere");
    };
    enrolled_then("pairing.since", pr.since);
    for (size_t i = 0; i < pr.history.size(); ++i)
        enrolled_then(fmt::format("pairing.history[{}].from", i), pr.history[i].from);
    for (size_t i = 0; i < pr.plan.size(); ++i)
        enrolled_then(fmt::format("pairing.plan[{}].from", i), pr.plan[i].from);
    for (size_t i = 0; i < pr.progress.size(); ++i) {
        const std::string at = fmt::format("pairing.progress[{}]", i);
        if (!pr.progress[i].date) add(out, at + ".date", N_("a progress note needs a date"));
        check_not_future(out, at + ".date", pr.progress[i].date, today);
        enrolled_then(at + ".date", pr.progress[i].date);
    }
    for (size_t i = 0; i < c.talks.size(); ++i) {
        const Talk& t = c.talks[i];
        const std::string at = fmt::format("talks[{}]", i);
        if (!t.date) add(out, at + ".date", N_("a talk needs a date"));
        check_not_future(out, at + ".date", t.date, today);
        enrolled_then(at + ".date", t.date);
        if (t.by.empty()) add(out, at + ".by", N_("a talk needs the staff id of who held it (by)"));
    }
}

void validate_staff(const StaffList& list, Problems& out) {
    std::set<std::string> ids;
    for (size_t i = 0; i < list.staff.size(); ++i) {
        const Staff& s = list.staff[i];
        const std::string at = fmt::format("staff[{}]", i);
        const std::string id_problem = child_id_error(s.id);
        if (!id_problem.empty())
            add(out, at + ".id", id_problem);
        else if (!ids.insert(s.id).second)
            add(out, at + ".id", fmt::format(N_("staff id {} is used twice"), s.id));
        if (s.name.empty()) add(out, at + ".name", N_("a staff member needs a name"));
        check_phone(out, at + ".phone", s.phone);
        if (s.grade && (*s.grade < 1 || *s.grade > 6))
            add(out, at + ".grade", fmt::format(N_("grade {} is not 1-6"), *s.grade));
    }
}

void validate_school(const School& s, Problems& out, const std::optional<Date>& today) {
    if (s.school.empty()) add(out, "school", N_("the school's name is missing"));
    if (s.start_year() == 0) add(out, "school_year", N_("school_year must look like 2025-2026"));
    for (size_t i = 0; i < s.terms.size(); ++i) {
        const Term& t = s.terms[i];
        const std::string at = fmt::format("terms[{}]", i);
        if (t.name.empty()) add(out, at + ".name", N_("a term needs a name"));
        if (!t.from || !t.to)
            add(out, at, N_("a term needs from and to dates"));
        else if (*t.to < *t.from)
            add(out, at + ".to", N_("the term ends before it starts"));
        else if (const int y = s.start_year();
                 y > 0 && (*t.from < Date{y, 8, 1} || Date{y + 1, 7, 31} < *t.to))
            add(out, at,
                fmt::format(N_("the term {} – {} leaves the school year {} (08-01 to 07-31)"),
                            t.from->iso(), t.to->iso(), s.school_year));
        for (const auto& [key, month] : {std::pair{"talks_from", t.talks_from},
                                         std::pair{"family_calls_from", t.family_calls_from}})
            if (month && t.from && t.to && !term_month(t, *month))
                add(out, at + "." + key,
                    fmt::format(N_("month {} is not a month of the term"), *month));
    }
    // Two terms that share a day would count that day's visits and meetings twice.
    for (size_t i = 0; i < s.terms.size(); ++i)
        for (size_t j = i + 1; j < s.terms.size(); ++j) {
            const Term &a = s.terms[i], &b = s.terms[j];
            if (!a.from || !a.to || !b.from || !b.to || *a.to < *a.from || *b.to < *b.from)
                continue;
            if (!(*a.to < *b.from || *b.to < *a.from))
                add(out, fmt::format("terms[{}]", j),
                    fmt::format(N_("the term overlaps {} ({} – {}); terms must not share a day"),
                                a.name, a.from->iso(), a.to->iso()));
        }
    for (size_t i = 0; i < s.plan_done.size(); ++i) {
        const PlanDone& d = s.plan_done[i];
        const std::string at = fmt::format("plan_done[{}]", i);
        const auto month = parse_month(d.month);
        if (!month) {
            add(out, at + ".month", N_("write the month as 2026-03"));
            continue;
        }
        if (!d.date) add(out, at + ".date", N_("the day the task was done is missing"));
        const auto tasks = s.plan.find(month->month);
        if (!d.task || *d.task < 1 || tasks == s.plan.end() ||
            *d.task > static_cast<int>(tasks->second.size()))
            add(out, at + ".task",
                fmt::format(N_("the plan of {} has no task {}"), d.month,
                            d.task ? std::to_string(*d.task) : std::string("(none)")));
        // An amended tick keeps what it replaced (plan done --amend), as a child's file keeps
        // its dated changes: each needs its day, names the date or the note, and a replaced
        // date reads as one, so that the tick's history can be told.
        for (size_t j = 0; j < d.changes.size(); ++j) {
            const Change& x = d.changes[j];
            const std::string cat = fmt::format("{}.changes[{}]", at, j);
            if (!x.date)
                add(out, cat + ".date", N_("a change needs the day it took effect (date)"));
            if (today) check_not_future(out, cat + ".date", x.date, *today);
            if (x.field != "date" && x.field != "note") {
                add(out, cat + ".field",
                    fmt::format(N_("\"{}\" is not a tick's field with changes (date or note)"),
                                x.field));
                continue;
            }
            if (x.field == "date" && !x.was.empty() && !parse_iso_date(x.was).date)
                add(out, cat + ".was",
                    fmt::format(N_("\"{}\" is not a date like 2026-03-10"), x.was));
        }
    }
    for (const auto& [month, tasks] : s.plan)
        if (month < 1 || month > 12)
            add(out, fmt::format("plan.{}", month), N_("plan months are 1 to 12"));
    for (size_t i = 0; i < s.events.size(); ++i) {
        const Event& e = s.events[i];
        const auto d = parse_iso_date("2000-" + e.date);  // a leap year, so 02-29 is allowed
        if (!d.date)
            add(out, fmt::format("events[{}].date", i),
                fmt::format(N_("\"{}\" is not a month and day like 06-01"), e.date));
    }
    const Rules& r = s.rules;
    auto non_negative = [&](int v, const char* name) {
        if (v < 0) add(out, std::string("rules.") + name, N_("must not be negative"));
    };
    non_negative(r.talks_per_month, "talks_per_month");
    non_negative(r.family_calls_per_month, "family_calls_per_month");
    non_negative(r.home_visits_per_term, "home_visits_per_term");
    non_negative(r.guardian_meetings_per_term, "guardian_meetings_per_term");
    for (int m : r.months_without_talks)
        if (m < 1 || m > 12) add(out, N_("rules.months_without_talks"), N_("months are 1 to 12"));
    if (r.language != "zh" && r.language != "en")
        add(out, N_("rules.language"), N_("language is zh or en"));
}

void validate_activity(
    const Activity& a, const std::string& file_id, const Date& today, const StaffList& staff,
    const std::function<bool(std::string_view)>& child_exists, Problems& out,
    const std::function<std::string(std::string_view, const Date&)>& not_enrolled) {
    if (a.id != file_id)
        add(out, "id",
            fmt::format(N_("the file says id {} but is named {}.yaml"),
                        a.id.empty() ? "(none)" : a.id, file_id));
    if (!a.date)
        add(out, "date", N_("the activity's date is missing"));
    else if (today < *a.date)
        add(out, "date", fmt::format(N_("{} is in the future"), a.date->iso()));
    if (!a.kind) add(out, "kind", N_("the kind of activity is missing (主题班会, 安全教育 …)"));
    if (a.title.empty()) add(out, "title", N_("the activity needs a title"));
    if (a.children.empty()) add(out, "children", N_("no child took part"));
    for (size_t i = 0; i < a.children.size(); ++i)
        if (!child_exists(a.children[i]))
            add(out, fmt::format("children[{}]", i),
                fmt::format(N_("child {} does not exist"), a.children[i]));
        else if (not_enrolled && a.date && !(today < *a.date))
            // The rule of a child's own entries: attendance outside an enrolment counts
            // nowhere, and the summary leaves it out of 参与人次 and 活动覆盖率.
            if (const std::string why = not_enrolled(a.children[i], *a.date); !why.empty())
                add(out, fmt::format("children[{}]", i),
                    fmt::format("child {}: {}; the attendance counts nowhere", a.children[i], why));
    for (size_t i = 0; i < a.by.size(); ++i)
        if (!staff.find(a.by[i]))
            add(out, fmt::format("by[{}]", i),
                fmt::format(N_("teacher {} is not in staff.yaml"), a.by[i]));
}

void check_references(const Child& c, const StaffList& staff,
                      const std::function<bool(std::string_view)>& child_exists, Problems& out) {
    auto staff_ref = [&](const std::string& field, const std::string& id) {
        if (!id.empty() && !staff.find(id))
            add(out, field, fmt::format(N_("teacher {} is not in staff.yaml"), id));
    };
    // A buddy is a child's id or a classmate's name; never the child itself, by either.
    auto buddy_refs = [&](const std::string& field, const std::vector<std::string>& buddies) {
        for (size_t i = 0; i < buddies.size(); ++i) {
            const std::string& buddy = buddies[i];
            const std::string at = buddies.size() == 1 ? field : fmt::format("{}[{}]", field, i);
            if (buddy.empty()) {
                add(out, at, N_("a buddy needs an id or a name"));
            } else if (buddy == c.id || (!c.name.empty() && buddy == c.name)) {
                add(out, at, N_("a child cannot be their own buddy"));
            } else if (std::find(buddies.begin(), buddies.begin() + static_cast<long>(i), buddy) !=
                       buddies.begin() + static_cast<long>(i)) {
                add(out, at, fmt::format(N_("{} is listed twice"), buddy));
            } else if (looks_like_child_id(buddy) && !child_exists(buddy)) {
                add(out, at, fmt::format(N_("child {} does not exist"), buddy));
            }
        }
    };
    staff_ref("pairing.teacher", c.pairing.teacher);
    buddy_refs("pairing.buddy", c.pairing.buddies);
    for (size_t i = 0; i < c.pairing.history.size(); ++i) {
        const std::string at = fmt::format("pairing.history[{}]", i);
        staff_ref(at + ".teacher", c.pairing.history[i].teacher);
        buddy_refs(at + ".buddy", c.pairing.history[i].buddies);
    }
    for (size_t i = 0; i < c.talks.size(); ++i)
        staff_ref(fmt::format("talks[{}].by", i), c.talks[i].by);
}

}  // namespace liushou
