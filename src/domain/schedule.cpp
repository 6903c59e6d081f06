#include "liushou/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <unordered_map>

#include "liushou/care.hpp"
#include "liushou/fields.hpp"
#include "liushou/i18n.hpp"
#include "liushou/report.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"

namespace liushou {

namespace {
/// Enrolled on `day` in the current enrolment: from enrolled_on until status_on, the first
/// day in the new status.
bool in_current(const Child& c, const Date& day) {
    if (c.status == Status::not_enrolled && !c.enrolled_on) return false;
    if (c.enrolled_on && day < *c.enrolled_on) return false;
    if (c.status == Status::enrolled) return true;
    return c.status_on && day < *c.status_on;
}
bool in_episode(const Episode& e, const Date& day) {
    return (!e.from || *e.from <= day) && e.to && day < *e.to;
}
}  // namespace

bool enrolled_on_day(const Child& c, const Date& day) {
    if (in_current(c, day)) return true;
    for (const Episode& e : c.enrolment_history)
        if (in_episode(e, day)) return true;
    return false;
}

std::string not_enrolled_reason(const Child& c, const Date& day) {
    if (enrolled_on_day(c, day)) return {};
    const std::vector<Episode> all = c.episodes();
    if (all.empty())
        return fmt::format("{}: " N_("the child is recorded as not enrolled"), day.iso());
    if (c.status != Status::enrolled && !c.status_on)
        return fmt::format("{}: " N_("the child is recorded as {} without the date (status_on)"),
                           day.iso(), key_of(c.status));
    // The enrolment just before the day, if any, says how the child left.
    const Episode* last = nullptr;
    for (const Episode& e : all)
        if (e.to && *e.to <= day) last = &e;
    if (!last)
        return fmt::format(N_("{} is before the child enrolled ({})"), day.iso(),
                           all.front().from ? all.front().from->iso() : "?");
    return fmt::format("{} is after the child left ({} on {}){}", day.iso(), key_of(last->status),
                       last->to->iso(),
                       last == &all.back() ? "" : "; it was not enrolled again until later");
}

bool counts_nowhere(const Child& c, const Date& day) {
    // not_enrolled_reason is "" exactly when enrolled_on_day; this spares composing it.
    return !enrolled_on_day(c, day);
}

bool enrolled_during(const Child& c, const Date& from, const Date& to) {
    if (to < from) return false;
    for (const Episode& e : c.episodes()) {
        const Date first = e.from && *e.from > from ? *e.from : from;
        if (first <= to && (!e.to || first < *e.to)) return true;
    }
    return false;
}

std::optional<Month> term_month(const Term& t, int month_no) {
    if (!t.from || !t.to || month_no < 1 || month_no > 12) return std::nullopt;
    for (Month m{t.from->year, t.from->month}; m.first() <= *t.to;
         m = m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1})
        if (m.month == month_no) return m;
    return std::nullopt;
}

std::optional<Month> cadence_start(const School& school, TalkKind kind, const Month& m) {
    for (const Term& t : school.terms) {
        if (!t.from || !t.to || *t.to < m.first() || m.last() < *t.from) continue;
        const auto& start = kind == TalkKind::talk ? t.talks_from : t.family_calls_from;
        if (!start) continue;
        const auto first = term_month(t, *start);
        if (first && std::make_pair(m.year, m.month) < std::make_pair(first->year, first->month))
            return first;
    }
    return std::nullopt;
}

bool is_month_without_talks(const Rules& r, int month) {
    return std::find(r.months_without_talks.begin(), r.months_without_talks.end(), month) !=
           r.months_without_talks.end();
}

bool month_requires(const School& school, TalkKind kind, const Month& m) {
    const Rules& r = school.rules;
    const int per_month = kind == TalkKind::talk ? r.talks_per_month : r.family_calls_per_month;
    return per_month > 0 && !is_month_without_talks(r, m.month) && !cadence_start(school, kind, m);
}

bool owes_month(const Child& c, const Date& from, const Date& to) {
    return enrolled_during(c, from, to);
}

bool owes_term(const Child& c, const Date& to) {
    return enrolled_on_day(c, to);
}

const Term* term_for(const School& school, const Date& day, const Date& from, const Date& to) {
    for (const auto& t : school.terms)
        if (t.from && t.to && *t.from <= day && day <= *t.to) return &t;
    for (const auto& t : school.terms)
        if (t.from && t.to && *t.from <= to && from <= *t.to) return &t;
    return nullptr;
}

int count_entries(const Child& c, TalkKind kind, const Date& from, const Date& to) {
    // An entry dated when the child was not enrolled counts nowhere (check reports it).
    return static_cast<int>(std::count_if(c.talks.begin(), c.talks.end(), [&](const Talk& t) {
        return t.kind == kind && t.date && from <= *t.date && *t.date <= to &&
               enrolled_on_day(c, *t.date);
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

}  // namespace

std::optional<Date> birthday_in(const Child& c, const Month& month) {
    if (!c.birth_date || c.birth_date->month != month.month) return std::nullopt;
    int day = c.birth_date->day;
    if (month.month == 2 && day == 29 && !is_leap_year(month.year)) day = 28;
    return Date{month.year, month.month, day};
}

GreetingDays greeting_days(const std::vector<Activity>* activities) {
    GreetingDays out;
    if (!activities) return out;
    for (const Activity& a : *activities)
        if (a.kind == ActivityKind::birthday && a.date)
            for (const auto& id : a.children) out[id].push_back(*a.date);
    return out;
}

std::optional<Date> greeted_in(const Child& c, const Month& month, const Date& as_of,
                               const GreetingDays* activities) {
    std::optional<Date> first;
    auto consider = [&](const Date& d) {
        if (d.year == month.year && d.month == month.month && d <= as_of && enrolled_on_day(c, d) &&
            (!first || d < *first))
            first = d;
    };
    for (const Talk& t : c.talks)
        if (t.kind == TalkKind::greeting && t.date) consider(*t.date);
    if (activities)
        if (const auto it = activities->find(c.id); it != activities->end())
            for (const Date& d : it->second) consider(d);
    return first;
}

std::vector<PlanTask> plan_tasks(const School& school, const Month& month, const Date& as_of) {
    std::vector<PlanTask> out;
    const auto it = school.plan.find(month.month);
    if (it == school.plan.end()) return out;
    for (const auto& task : it->second) out.push_back(PlanTask{task, std::nullopt, ""});
    const std::string key = month.iso();
    for (const PlanDone& d : school.plan_done) {
        // A tick after the reference day was not there yet: a past checklist reads as it did.
        if (d.month != key || !d.task || *d.task < 1 || *d.task > static_cast<int>(out.size()) ||
            !d.date || as_of < *d.date)
            continue;
        out[static_cast<size_t>(*d.task - 1)].done = d.date;
        out[static_cast<size_t>(*d.task - 1)].note = d.note;
    }
    return out;
}

namespace {

/// Why `month` task `number` cannot be ticked, or "".
std::string plan_task_error(const School& school, const Month& month, int number) {
    const int y = school.start_year();
    if (y > 0 && (month.first() < Date{y, 8, 1} || Date{y + 1, 7, 31} < month.first()))
        return fmt::format(N_("{} is not a month of the school year {}"), month.iso(),
                           school.school_year);
    const auto it = school.plan.find(month.month);
    const int tasks = it == school.plan.end() ? 0 : static_cast<int>(it->second.size());
    if (tasks == 0) return "the plan has no task for " + month.iso();
    if (number < 1 || number > tasks)
        return "the plan of " + month.iso() + " has tasks 1 to " + std::to_string(tasks);
    return "";
}

}  // namespace

std::string mark_plan_done(School& school, const Month& month, int number, const Date& day,
                           const std::string& note) {
    if (const std::string why = plan_task_error(school, month, number); !why.empty()) return why;
    const std::string key = month.iso();
    auto it = std::find_if(school.plan_done.begin(), school.plan_done.end(),
                           [&](const PlanDone& d) { return d.month == key && d.task == number; });
    if (it == school.plan_done.end()) it = school.plan_done.emplace(school.plan_done.end());
    it->month = key;
    it->task = number;
    it->date = day;
    it->note = note;
    std::stable_sort(school.plan_done.begin(), school.plan_done.end(),
                     [](const PlanDone& a, const PlanDone& b) {
                         return std::make_pair(a.month, a.task.value_or(0)) <
                                std::make_pair(b.month, b.task.value_or(0));
                     });
    return "";
}

std::string tick_plan_task(School& school, const Month& month, int number,
                           const std::optional<Date>& day, const std::optional<std::string>& note,
                           bool amend, const Date& today, bool& changed) {
    changed = false;
    if (const std::string why = plan_task_error(school, month, number); !why.empty()) return why;
    const std::string key = month.iso();
    const auto it =
        std::find_if(school.plan_done.begin(), school.plan_done.end(),
                     [&](const PlanDone& d) { return d.month == key && d.task == number; });
    if (it == school.plan_done.end()) {
        if (amend)
            return fmt::format(N_("task {} of {} is not ticked off; tick it without --amend"),
                               number, key);
        changed = true;
        return mark_plan_done(school, month, number, day.value_or(today), note.value_or(""));
    }
    const Date new_day = amend ? day.value_or(it->date.value_or(today)) : day.value_or(today);
    // No --note keeps the tick's note: only a note given can differ.
    const std::string new_note = note.value_or(it->note);
    const bool same_day = it->date == new_day, same_note = it->note == new_note;
    if (same_day && same_note) return "";  // run twice: already so
    if (!amend)
        return fmt::format(
            "task {} of {} is already ticked off (done {}); to change its {}, run the same "
            "command with --amend",
            number, key,
            (it->date ? it->date->iso() : "?") + (it->note.empty() ? "" : ": " + it->note),
            // Spelt out in the pattern, so the catalogue has each sentence whole.
            !same_day && !same_note ? "date and note"
            : !same_day             ? "date"
                                    : "note");
    // The tick's history, as a child's dated changes: on `today` the field had been `was`.
    if (!same_day)
        it->changes.push_back(Change{today, "date", it->date ? it->date->iso() : "", {}});
    if (!same_note) it->changes.push_back(Change{today, "note", it->note, {}});
    it->date = new_day;
    it->note = new_note;
    changed = true;
    return "";
}

std::string unmark_plan_done(School& school, const Month& month, int number) {
    if (const std::string why = plan_task_error(school, month, number); !why.empty()) return why;
    const std::string key = month.iso();
    const auto before = school.plan_done.size();
    school.plan_done.erase(
        std::remove_if(school.plan_done.begin(), school.plan_done.end(),
                       [&](const PlanDone& d) { return d.month == key && d.task == number; }),
        school.plan_done.end());
    return school.plan_done.size() == before
               ? "task " + std::to_string(number) + " of " + key + " is not ticked off"
               : "";
}

namespace {

/// The reference day of a month's checklist: today within the month, its last day for a past
/// month, its first for a future one.
Date reference_day(const Month& month, const Date& today) {
    const Date first = month.first(), last = month.last();
    return today < first ? first : (last < today ? last : today);
}

/// The period a cadence of the month is counted over: the month to the reference day, or the
/// term of the reference day up to it; none outside every term.
struct Counted {
    Date from, to;
};
Counted month_counted(const Month& month, const Date& as_of) {
    return {month.first(), as_of};
}
std::optional<Counted> term_counted(const School& school, const Month& month, const Date& as_of) {
    const Term* term = term_for(school, as_of, month.first(), month.last());
    if (!term) return std::nullopt;
    // Owed by children enrolled on its last counted day, as in the summary.
    return Counted{*term->from, *term->to < as_of ? *term->to : as_of};
}

CadenceState cadence_state(const Child& c, TalkKind kind, const Counted& counted, bool owes) {
    CadenceState state;
    state.owes = owes;
    if (!owes) return state;
    state.done = count_entries(c, kind, counted.from, counted.to);
    for (const auto& t : c.talks)
        if (t.kind == kind && t.date && *t.date <= counted.to && enrolled_on_day(c, *t.date) &&
            (!state.last || *state.last < *t.date))
            state.last = t.date;
    return state;
}

/// Fills a cadence: who owes entries of its kind, grouped by teacher. `children` come in
/// class order; `state` picks the cadence's part of a child's duties.
void owe(Cadence& cadence, const std::vector<ChildDuties*>& children,
         CadenceState ChildDuties::*state) {
    if (!cadence.due || cadence.required <= 0) {
        cadence.due = false;
        return;
    }
    // Each group keeps the class order the children came in.
    std::unordered_map<std::string_view, size_t> group_of;
    for (const ChildDuties* c : children) {
        const CadenceState& s = c->*state;
        if (!s.owes) continue;
        ++cadence.expected;
        if (s.done >= cadence.required) continue;
        ++cadence.owing;
        const auto [it, added] = group_of.emplace(c->teacher, cadence.groups.size());
        if (added) cadence.groups.push_back(TeacherGroup{c->teacher, {}});
        cadence.groups[it->second].children.push_back(Owed{&c->child, s.done, s.last});
    }
    // Teachers in id order, children without a teacher last: they need one first.
    std::stable_sort(cadence.groups.begin(), cadence.groups.end(),
                     [](const TeacherGroup& a, const TeacherGroup& b) {
                         if (a.teacher.empty() != b.teacher.empty()) return b.teacher.empty();
                         return natural_less(a.teacher, b.teacher);
                     });
}

/// Each child's attendances not yet recorded, by activity in date order, the class order kept
/// within one. The row is its teacher's; a child without one, the activity's first organiser's
/// (who knows who came), so a teacher's checklist (filter.teacher) picks by that.
void owe_attendance(Schedule& s, const std::vector<ChildDuties>& duties,
                    const ScheduleFilter& filter) {
    for (size_t k = 0; k < s.activities.size(); ++k) {
        const Activity& a = s.activities[k];
        for (const ChildDuties& d : duties) {
            if (!d.in_month || (filter.grade && d.child.grade != filter.grade) ||
                (filter.class_no && d.child.class_no != filter.class_no) ||
                std::find(d.attendance.begin(), d.attendance.end(), a.id) == d.attendance.end())
                continue;
            const std::string teacher =
                !d.teacher.empty() ? d.teacher : (a.by.empty() ? std::string() : a.by.front());
            if (!filter.teacher.empty() && teacher != filter.teacher) continue;
            s.attendance.push_back(AttendanceOwed{d.child, teacher, k});
        }
    }
}

}  // namespace

uint64_t duties_fingerprint() {
    return fnv1a(__DATE__ " " __TIME__ " duties 4");
}

bool activity_expects(const Activity& a, const Child& original) {
    if (!a.date || !enrolled_on_day(original, *a.date)) return false;
    const Child c = state_on(original, *a.date);  // in the class of the day, as activity add
    std::string part;
    for (char ch : a.participants + ",") {
        if (ch != ',' && ch != ' ') {
            part += ch;
            continue;
        }
        if (part == "all" || part == "全部" || part == "全校" || part == c.id ||
            (!c.name.empty() && part == c.name))
            return true;
        if (const auto klass = parse_class(part);
            klass && c.grade == klass->first && c.class_no == klass->second)
            return true;
        part.clear();
    }
    return false;
}

std::vector<std::string> attendance_owed(const Child& c, const Month& month, const Date& as_of,
                                         const std::vector<Activity>* activities) {
    std::vector<std::string> out;
    if (!activities) return out;
    for (const Activity& a : *activities)
        if (a.date && a.date->year == month.year && a.date->month == month.month &&
            *a.date <= as_of && c.left_behind != LeftBehind::none &&
            std::find(a.children.begin(), a.children.end(), c.id) == a.children.end() &&
            activity_expects(a, c))
            out.push_back(a.id);
    return out;
}

ChildDuties child_duties(const Child& original, const School& school, const Month& month,
                         const Date& today, const GreetingDays& greetings,
                         const std::vector<Activity>* activities) {
    const Date as_of = reference_day(month, today);
    // The child as it was on the reference day: a past month's checklist puts a child in the
    // class it was in then, with the enrolment of then.
    const Child c = state_on(original, as_of);  // the one as-of view, as the summary's
    ChildDuties d;
    d.child = ref_of(c);
    d.id_number = c.id_number;
    // A child not left-behind (非留守) on the reference day owes nothing (liushou-rates(7)).
    d.in_month =
        c.left_behind != LeftBehind::none && enrolled_during(c, month.first(), month.last());
    if (!d.in_month) return d;
    const auto pairing = pairing_on(c, as_of);
    d.teacher = pairing ? pairing->teacher : std::string();
    // As of the reference day: entries after it do not exist (a past month's checklist does
    // not count May's visits), and the cadences use the definitions of liushou-rates(7).
    const Counted in_month = month_counted(month, as_of);
    const bool month_owed = owes_month(c, in_month.from, in_month.to);
    d.talks = cadence_state(c, TalkKind::talk, in_month, month_owed);
    d.family_calls = cadence_state(c, TalkKind::family_call, in_month, month_owed);
    if (const auto term = term_counted(school, month, as_of)) {
        const bool term_owed = owes_term(c, term->to);
        d.home_visits = cadence_state(c, TalkKind::home_visit, *term, term_owed);
        d.meetings = cadence_state(c, TalkKind::meeting, *term, term_owed);
    }
    if (const auto on = birthday_in(c, month))
        d.birthday = Birthday{d.child, *c.birth_date, *on, c.birth_date->age_on(*on),
                              greeted_in(c, month, as_of, &greetings)};
    // A future month's checklist ages follow-ups to today: nothing later is known.
    const Date aged_to = today < as_of ? today : as_of;
    for (const Talk* t : open_follow_ups(c, as_of))
        d.follow_ups.push_back(
            OpenFollowUp{d.child, *t->date, t->follow_up, t->by, aged_to.days() - t->date->days()});
    d.missing = missing_fields_by_relation(c);
    // Each activity's day has its own class and enrolment: the record, not the as-of view.
    d.attendance = attendance_owed(original, month, as_of, activities);
    return d;
}

void sort_duties(std::vector<ChildDuties>& duties) {
    std::sort(duties.begin(), duties.end(), [](const ChildDuties& a, const ChildDuties& b) {
        return class_order(a.child, b.child);
    });
}

bool duties_sorted(const std::vector<ChildDuties>& duties) {
    return std::is_sorted(
        duties.begin(), duties.end(),
        [](const ChildDuties& a, const ChildDuties& b) { return class_order(a.child, b.child); });
}

Schedule build_schedule(const School& school, const std::vector<Child>& children,
                        const Month& month, const Date& today, const ScheduleFilter& filter,
                        const std::vector<Activity>* activities) {
    const GreetingDays greetings = greeting_days(activities);
    std::vector<ChildDuties> duties;
    duties.reserve(children.size());
    for (const Child& c : children)
        duties.push_back(child_duties(c, school, month, today, greetings, activities));
    return schedule_from_duties(school, std::move(duties), month, today, filter, activities);
}

Schedule schedule_from_duties(const School& school, std::vector<ChildDuties> duties,
                              const Month& month, const Date& today, const ScheduleFilter& filter,
                              const std::vector<Activity>* activities) {
    Schedule s;
    s.month = month;
    const Date first = month.first(), last = month.last();
    s.as_of = reference_day(month, today);

    s.plan = plan_tasks(school, month, s.as_of);
    for (const auto& e : school.events)
        // MM-DD, read through a leap year so that 02-29 is a date; check reports bad ones.
        if (const auto d = parse_iso_date("2000-" + e.date).date; d && d->month == month.month)
            s.events.push_back(e);
    std::sort(s.events.begin(), s.events.end(),
              [](const Event& a, const Event& b) { return a.date < b.date; });
    if (activities)
        for (const Activity& a : *activities)
            if (a.date && a.date->year == month.year && a.date->month == month.month &&
                *a.date <= s.as_of)
                s.activities.push_back(a);
    std::sort(s.activities.begin(), s.activities.end(),
              [](const Activity& a, const Activity& b) { return a.date < b.date; });
    for (const Event& e : s.events) {
        std::string recorded;
        for (const Activity& a : s.activities)
            if (a.kind == ActivityKind::festival || a.title.find(e.name) != std::string::npos) {
                recorded = a.id;
                break;
            }
        s.event_recorded.push_back(recorded);
    }

    const auto owned = std::make_shared<std::vector<ChildDuties>>(std::move(duties));
    s.duties = owned;
    std::vector<ChildDuties*> in;
    for (ChildDuties& d : *owned) {
        if (!d.in_month) continue;
        if (filter.grade && d.child.grade != filter.grade) continue;
        if (filter.class_no && d.child.class_no != filter.class_no) continue;
        if (!filter.teacher.empty() && d.teacher != filter.teacher) continue;
        in.push_back(&d);
    }
    // Duties kept in class order (sort_duties, as the cache keeps them) need no sort.
    auto in_class_order = [](const ChildDuties* a, const ChildDuties* b) {
        return class_order(a->child, b->child);
    };
    if (!std::is_sorted(in.begin(), in.end(), in_class_order))
        std::sort(in.begin(), in.end(), in_class_order);
    s.enrolled = static_cast<int>(in.size());

    const Rules& rules = school.rules;
    s.talks = Cadence{TalkKind::talk,
                      rules.talks_per_month,
                      false,
                      month_requires(school, TalkKind::talk, month),
                      0,
                      0,
                      {}};
    s.family_calls = Cadence{TalkKind::family_call,
                             rules.family_calls_per_month,
                             false,
                             month_requires(school, TalkKind::family_call, month),
                             0,
                             0,
                             {}};
    if (!is_month_without_talks(rules, month.month)) {
        s.talks.starts = cadence_start(school, TalkKind::talk, month);
        s.family_calls.starts = cadence_start(school, TalkKind::family_call, month);
    }
    owe(s.talks, in, &ChildDuties::talks);
    owe(s.family_calls, in, &ChildDuties::family_calls);

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
        owe(s.home_visits, in, &ChildDuties::home_visits);
        owe(s.meetings, in, &ChildDuties::meetings);
    }

    // Follow-ups by date, the class order kept within a day: pointers into the duties the
    // checklist keeps, sorted as keys (a county holds tens of thousands).
    std::vector<std::pair<Date, const OpenFollowUp*>> open;
    for (const ChildDuties* d : in)
        for (const OpenFollowUp& f : d->follow_ups) open.emplace_back(f.date, &f);
    std::stable_sort(open.begin(), open.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    s.follow_ups.reserve(open.size());
    for (const auto& [date, f] : open) s.follow_ups.push_back(f);
    for (ChildDuties* d : in) {
        if (d->birthday) s.birthdays.push_back(std::move(*d->birthday));
        if (d->teacher.empty()) s.unpaired.push_back(d->child);
        if (!d->missing.empty())
            s.incomplete.push_back(Incomplete{d->child, std::move(d->missing)});
    }
    std::stable_sort(s.birthdays.begin(), s.birthdays.end(),
                     [](const Birthday& a, const Birthday& b) { return a.day < b.day; });
    owe_attendance(s, *owned, filter);
    for (const ReturnedSheet& r : school.returned_sheets)
        if (r.month == month.iso() && (filter.teacher.empty() || r.teacher == filter.teacher))
            s.returned.push_back(r);
    if (!s.returned.empty()) {
        for (const ChildDuties* d : in)
            if (!d->teacher.empty() &&
                std::none_of(s.returned.begin(), s.returned.end(),
                             [&](const ReturnedSheet& r) { return r.teacher == d->teacher; }) &&
                std::find(s.not_returned.begin(), s.not_returned.end(), d->teacher) ==
                    s.not_returned.end())
                s.not_returned.push_back(d->teacher);
        std::sort(s.not_returned.begin(), s.not_returned.end(), natural_less);
    }
    return s;
}

}  // namespace liushou
