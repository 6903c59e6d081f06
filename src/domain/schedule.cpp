#include "liushou/schedule.hpp"

#include <algorithm>
#include <map>

#include "liushou/care.hpp"
#include "liushou/validate.hpp"

namespace liushou {

bool enrolled_on_day(const Child& c, const Date& day) {
    if (c.status == Status::not_enrolled && !c.enrolled_on) return false;
    if (c.enrolled_on && day < *c.enrolled_on) return false;
    if (c.status == Status::enrolled) return true;
    // status_on is the first day in the new status.
    return c.status_on && day < *c.status_on;
}

bool enrolled_during(const Child& c, const Date& from, const Date& to) {
    if (to < from) return false;
    if (c.status == Status::not_enrolled && !c.enrolled_on) return false;
    const Date first = c.enrolled_on && *c.enrolled_on > from ? *c.enrolled_on : from;
    return first <= to && enrolled_on_day(c, first);
}

const Term* term_for(const School& school, const Date& day, const Date& from, const Date& to) {
    for (const auto& t : school.terms)
        if (t.from && t.to && *t.from <= day && day <= *t.to) return &t;
    for (const auto& t : school.terms)
        if (t.from && t.to && *t.from <= to && from <= *t.to) return &t;
    return nullptr;
}

int count_entries(const Child& c, TalkKind kind, const Date& from, const Date& to) {
    return static_cast<int>(std::count_if(c.talks.begin(), c.talks.end(), [&](const Talk& t) {
        return t.kind == kind && t.date && from <= *t.date && *t.date <= to;
    }));
}

namespace {

ChildRef ref_of(const Child& c) {
    return ChildRef{c.id, c.name, c.grade, c.class_no};
}

/// Grade, class, then id: the order of a school's register.
template <class A>
bool class_order(const A& a, const A& b) {
    const auto ka = std::make_pair(a.grade.value_or(99), a.class_no.value_or(99));
    const auto kb = std::make_pair(b.grade.value_or(99), b.class_no.value_or(99));
    if (ka != kb) return ka < kb;
    return natural_less(a.id, b.id);
}

/// Fills a cadence: who owes entries of its kind in [from, to], grouped by teacher.
/// `children` come in class order and `teachers[i]` is the teacher of children[i] on the
/// reference day (empty when none), worked out once for all four cadences.
void owe(Cadence& cadence, const std::vector<const Child*>& children,
         const std::vector<std::string>& teachers, const Date& from, const Date& to,
         const Date& as_of) {
    if (!cadence.due || cadence.required <= 0) {
        cadence.due = false;
        return;
    }
    std::map<std::string, std::vector<Owed>> by_teacher;
    for (size_t i = 0; i < children.size(); ++i) {
        const Child* c = children[i];
        ++cadence.expected;
        const int done = count_entries(*c, cadence.kind, from, to);
        if (done >= cadence.required) continue;
        ++cadence.owing;
        Owed owed{ref_of(*c), done, std::nullopt};
        for (const auto& t : c->talks)
            if (t.kind == cadence.kind && t.date && *t.date <= as_of &&
                (!owed.last || *owed.last < *t.date))
                owed.last = t.date;
        by_teacher[teachers[i]].push_back(std::move(owed));
    }
    // Each group keeps the class order the children came in.
    for (auto& [teacher, owed] : by_teacher)
        cadence.groups.push_back(TeacherGroup{teacher, std::move(owed)});
    // Teachers in id order, children without a teacher last: they need one first.
    std::stable_sort(cadence.groups.begin(), cadence.groups.end(),
                     [](const TeacherGroup& a, const TeacherGroup& b) {
                         if (a.teacher.empty() != b.teacher.empty()) return b.teacher.empty();
                         return natural_less(a.teacher, b.teacher);
                     });
}

}  // namespace

Schedule build_schedule(const School& school, const std::vector<Child>& children,
                        const Month& month, const Date& today, const ScheduleFilter& filter) {
    Schedule s;
    s.month = month;
    const Date first = month.first(), last = month.last();
    s.as_of = today < first ? first : (last < today ? last : today);

    if (const auto it = school.plan.find(month.month); it != school.plan.end()) s.plan = it->second;
    for (const auto& e : school.events)
        // MM-DD, read through a leap year so that 02-29 is a date; check reports bad ones.
        if (const auto d = parse_iso_date("2000-" + e.date).date; d && d->month == month.month)
            s.events.push_back(e);
    std::sort(s.events.begin(), s.events.end(),
              [](const Event& a, const Event& b) { return a.date < b.date; });

    std::vector<const Child*> in;
    for (const auto& c : children) {
        if (!enrolled_during(c, first, last)) continue;
        if (filter.grade && c.grade != filter.grade) continue;
        if (filter.class_no && c.class_no != filter.class_no) continue;
        if (!filter.teacher.empty()) {
            const auto pairing = pairing_on(c, s.as_of);
            if (!pairing || pairing->teacher != filter.teacher) continue;
        }
        in.push_back(&c);
    }
    std::sort(in.begin(), in.end(),
              [](const Child* a, const Child* b) { return class_order(*a, *b); });
    s.enrolled = static_cast<int>(in.size());

    const Rules& rules = school.rules;
    const bool holiday =
        std::find(rules.months_without_talks.begin(), rules.months_without_talks.end(),
                  month.month) != rules.months_without_talks.end();
    s.talks = Cadence{TalkKind::talk, rules.talks_per_month, false, !holiday, 0, 0, {}};
    s.family_calls =
        Cadence{TalkKind::family_call, rules.family_calls_per_month, false, !holiday, 0, 0, {}};
    std::vector<std::string> teachers;
    teachers.reserve(in.size());
    for (const Child* c : in) {
        const auto pairing = pairing_on(*c, s.as_of);
        teachers.push_back(pairing ? pairing->teacher : std::string());
    }
    owe(s.talks, in, teachers, first, last, s.as_of);
    owe(s.family_calls, in, teachers, first, last, s.as_of);

    const Term* term = term_for(school, s.as_of, first, last);
    if (term) {
        s.term = term->name;
        s.term_from = term->from;
        s.term_to = term->to;
    }
    s.home_visits =
        Cadence{TalkKind::home_visit, rules.home_visits_per_term, true, term != nullptr, 0, 0, {}};
    s.meetings = Cadence{
        TalkKind::meeting, rules.guardian_meetings_per_term, true, term != nullptr, 0, 0, {}};
    if (term) {
        // Only children enrolled during the term's part up to this month owe for it.
        owe(s.home_visits, in, teachers, *term->from, *term->to, s.as_of);
        owe(s.meetings, in, teachers, *term->from, *term->to, s.as_of);
    }

    for (size_t i = 0; i < in.size(); ++i) {
        const Child* c = in[i];
        if (c->birth_date && c->birth_date->month == month.month) {
            int day = c->birth_date->day;
            if (month.month == 2 && day == 29 && !is_leap_year(month.year)) day = 28;
            s.birthdays.push_back(Birthday{ref_of(*c), *c->birth_date,
                                           Date{month.year, month.month, day},
                                           month.year - c->birth_date->year});
        }
        for (const Talk* t : open_follow_ups(*c, s.as_of))
            s.follow_ups.push_back(OpenFollowUp{ref_of(*c), *t->date, t->follow_up, t->by,
                                                s.as_of.days() - t->date->days()});
        if (teachers[i].empty()) s.unpaired.push_back(ref_of(*c));
        const std::vector<std::string> missing = missing_fields_by_relation(*c);
        if (!missing.empty()) s.incomplete.push_back(Incomplete{ref_of(*c), missing});
    }
    std::stable_sort(s.birthdays.begin(), s.birthdays.end(),
                     [](const Birthday& a, const Birthday& b) { return a.day < b.day; });
    std::stable_sort(s.follow_ups.begin(), s.follow_ups.end(),
                     [](const OpenFollowUp& a, const OpenFollowUp& b) { return a.date < b.date; });
    return s;
}

}  // namespace liushou
