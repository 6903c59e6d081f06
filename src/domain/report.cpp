#include "liushou/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "liushou/care.hpp"
#include "liushou/fields.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"

namespace liushou {

std::optional<double> Rate::percent() const {
    if (den <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(num) / static_cast<double>(den);
}

std::optional<long> Rate::shown_tenths() const {
    if (den <= 0) return std::nullopt;
    // Half up on the exact fraction: floor((num × 1000 + den / 2) / den) in integers, written
    // as (2 × num × 1000 + den) / (2 × den) so an odd denominator's half is exact too. The
    // counts are children and entries, far from overflowing a 64-bit product.
    const long long n = static_cast<long long>(num), d = static_cast<long long>(den);
    long tenths = static_cast<long>((2 * n * 1000 + d) / (2 * d));
    // One decimal would round these to a figure that is not true.
    if (num < den && tenths >= 1000) tenths = 999;
    if (num > 0 && tenths <= 0) tenths = 1;
    return tenths;
}

std::optional<double> Rate::shown_percent() const {
    const auto t = shown_tenths();
    if (!t) return std::nullopt;
    return static_cast<double>(*t) / 10.0;
}

std::string Rate::shown() const {
    const auto t = shown_tenths();
    if (!t) return "";
    const long a = *t < 0 ? -*t : *t;
    return fmt::format("{}{}.{}", *t < 0 ? "-" : "", a / 10, a % 10);
}

Child state_on(const Child& original, const Date& day) {
    // The one as-of view every figure reads (#47): a function of the record and `day` alone,
    // so nothing dated after `day` changes it, and what counts nowhere (check's rule) is gone.
    Child c = original;
    auto after = [&](const std::optional<Date>& d) { return d && day < *d; };
    auto nowhere = [&](const std::optional<Date>& d) { return d && counts_nowhere(original, *d); };
    auto dropped = [&](const std::optional<Date>& d) { return after(d) || nowhere(d); };
    c.talks.erase(std::remove_if(c.talks.begin(), c.talks.end(),
                                 [&](const Talk& t) { return dropped(t.date); }),
                  c.talks.end());
    Pairing& p = c.pairing;
    p.progress.erase(std::remove_if(p.progress.begin(), p.progress.end(),
                                    [&](const ProgressItem& i) { return dropped(i.date); }),
                     p.progress.end());
    p.plan.erase(std::remove_if(p.plan.begin(), p.plan.end(),
                                [&](const PlanItem& i) { return dropped(i.from); }),
                 p.plan.end());
    // The pairing of that day, whatever is written (or not) after it: pairing_on leaves out
    // one that began outside an enrolment.
    const auto then = pairing_on(original, day);
    p.history.erase(std::remove_if(p.history.begin(), p.history.end(),
                                   [&](const PairingPeriod& h) { return dropped(h.from); }),
                    p.history.end());
    p.teacher = then ? then->teacher : "";
    p.buddies = then ? then->buddies : std::vector<std::string>{};
    p.proxy_parent = then ? then->proxy_parent : "";
    p.since = then ? then->from : std::nullopt;
    if (then && then->to) {
        // That pairing is in history now; it is the current one as of `day`.
        p.history.erase(std::remove_if(p.history.begin(), p.history.end(),
                                       [&](const PairingPeriod& h) {
                                           return h.from == then->from && h.to == then->to;
                                       }),
                        p.history.end());
    }
    // The enrolment of that day: a return after it is not made yet, a leaving after it not yet.
    while (c.enrolled_on && after(c.enrolled_on) && !c.enrolment_history.empty()) {
        const Episode e = c.enrolment_history.back();
        c.enrolment_history.pop_back();
        c.enrolled_on = e.from;
        c.entry = e.entry;
        c.status = e.status;
        c.status_on = e.to;
    }
    if (c.status != Status::enrolled && after(c.status_on) && c.status != Status::not_enrolled) {
        c.status = Status::enrolled;
        c.status_on.reset();
    }
    // Dated fields back to what they were, latest change first.
    for (auto it = c.changes.rbegin(); it != c.changes.rend(); ++it)
        if (after(it->date))
            if (const ChildField* field = find_child_field(it->field))
                set_child_field(c, *field, it->was, Date{9999, 12, 31});
    c.changes.erase(std::remove_if(c.changes.begin(), c.changes.end(),
                                   [&](const Change& x) { return after(x.date); }),
                    c.changes.end());
    return c;
}

namespace {

void merge_months(std::vector<MonthRate>& into, const std::vector<MonthRate>& from) {
    for (const auto& m : from) {
        auto it = std::find_if(into.begin(), into.end(), [&](const MonthRate& x) {
            return x.month.year == m.month.year && x.month.month == m.month.month &&
                   x.from == m.from && x.to == m.to;
        });
        if (it == into.end())
            into.push_back(m);
        else
            it->rate += m.rate;
    }
    std::sort(into.begin(), into.end(), [](const MonthRate& a, const MonthRate& b) {
        return std::make_pair(a.month.year, a.month.month) <
               std::make_pair(b.month.year, b.month.month);
    });
}

void merge_terms(std::vector<TermRate>& into, const std::vector<TermRate>& from) {
    for (const auto& t : from) {
        auto it = std::find_if(into.begin(), into.end(), [&](const TermRate& x) {
            return x.term == t.term && x.from == t.from && x.to == t.to;
        });
        if (it == into.end())
            into.push_back(t);
        else
            it->rate += t.rate;
    }
    std::sort(into.begin(), into.end(),
              [](const TermRate& a, const TermRate& b) { return a.from < b.from; });
}

Date later(const Date& a, const Date& b) {
    return a < b ? b : a;
}
Date earlier(const Date& a, const Date& b) {
    return a < b ? a : b;
}

/// One child's contribution to every figure; groups are sums of these.
Stats child_stats(const Child& original, const School& school, const Period& period,
                  const Date& end, const GreetingDays& greetings, Shortfall& shortfall,
                  std::vector<std::pair<std::optional<Date>, std::optional<Date>>>& enrolments,
                  bool& counted) {
    // As of `end`: later entries, returns, leavings and changes do not exist yet. Most reports
    // are for today, so the record is copied only when there is something to rewind.
    // Always the view, never the record as it stands: the record's current pairing is not
    // the pairing of `end`, and an early return here made a talk after `end` change 学习帮手.
    const Child c = state_on(original, end);
    // Not left-behind (非留守) on `end`: out of every figure the whole period long, as a child
    // counts in the class of `end` (liushou-rates(7)); a parent who comes home in April leaves
    // March's figures as they were. Unset counts, as it did before #39.
    counted = c.left_behind != LeftBehind::none;
    if (!counted) return Stats{};
    enrolments = enrolment_spans(c);
    Stats s;

    // 基本情况 by enrolment [from, to): the day before the period is the start, so what
    // happens on its first day (a drop-out dated 02-01, a new pupil on 09-01) is in it.
    const Date before = period.from.add_days(-1);
    for (const Episode& e : c.episodes()) {
        const bool began = e.from && before < *e.from && *e.from <= end;
        const bool ended = e.to && before < *e.to && *e.to <= end;
        const bool in_at_start = (!e.from || *e.from <= before) && (!e.to || before < *e.to);
        s.enrolled_from += in_at_start;
        if (began) (e.entry == Entry::transfer ? s.transferred_in : s.new_pupils) += 1;
        if (ended) {
            switch (e.status) {
                case Status::transferred:
                    ++s.transferred;
                    break;
                case Status::dropped_out:
                    ++s.dropped_out;
                    break;
                case Status::graduated:
                    ++s.graduated;
                    break;
                default:
                    ++s.left_other;
                    break;  // left, or a not_enrolled set on a pupil
            }
        }
    }
    const bool now = enrolled_on_day(c, end);
    s.enrolled = now;
    s.not_enrolled =
        !now && c.status == Status::not_enrolled && (!c.status_on || *c.status_on <= end);
    if (now) {
        s.both_parents = c.left_behind == LeftBehind::both_parents;
        s.father_away = c.left_behind == LeftBehind::father_away;
        s.mother_away = c.left_behind == LeftBehind::mother_away;
        s.one_parent = c.left_behind == LeftBehind::one_parent;
        s.boarding = c.boarding.value_or(false);
        s.key_children = c.support.key_child;
        s.subsidised = !c.support.subsidies.empty();
    }
    const auto missing = missing_fields_by_relation(c);
    s.filed = Rate{now && missing.empty(), now};
    s.enrolment = Rate{now, now + s.not_enrolled};
    // 巩固率: of the enrolments in the period (期初 + 新入学 + 转入), those not ended by a
    // drop-out; it agrees with the 辍学 row beside it.
    const long present = s.enrolled_from + s.new_pupils + s.transferred_in;
    s.retention = Rate{present - s.dropped_out, present};
    const bool paired = now && !c.pairing.teacher.empty();
    s.paired = Rate{paired, now};
    s.with_buddy = now && !c.pairing.buddies.empty();
    s.several_buddies = now && c.pairing.buddies.size() > 1;

    const Rules& rules = school.rules;
    for (Month m{period.from.year, period.from.month}; m.first() <= end;
         m = m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1}) {
        const Date from = later(m.first(), period.from), to = earlier(m.last(), end);
        auto month_rate = [&](TalkKind kind, int required, std::vector<MonthRate>& into) {
            if (!month_requires(school, kind, m)) return Rate{};
            const bool owed = owes_month(c, from, to);
            const Rate r{owed && count_entries(c, kind, from, to) >= required, owed};
            into.push_back(MonthRate{m, from, to, r});
            return r;
        };
        const Rate talk = month_rate(TalkKind::talk, rules.talks_per_month, s.talks_by_month);
        s.talks += talk;
        s.family_calls +=
            month_rate(TalkKind::family_call, rules.family_calls_per_month, s.calls_by_month);
        // Every child the rate counts short (one who left in the period too), as 尚未达到 names.
        if (talk.den && !talk.num)
            shortfall.untalked.push_back(
                TalkShort{m, count_entries(c, TalkKind::talk, from, to), rules.talks_per_month});
    }
    for (const Term& t : school.terms) {
        if (!t.from || !t.to || *t.to < period.from || end < *t.from) continue;
        const Date from = later(*t.from, period.from), to = earlier(*t.to, end);
        const bool owed = owes_term(c, to);
        const bool cut = from != *t.from || to != *t.to;
        auto term_rate = [&](TalkKind kind, int required) {
            return Rate{owed && count_entries(c, kind, from, to) >= required, owed};
        };
        if (rules.home_visits_per_term > 0) {
            const Rate r = term_rate(TalkKind::home_visit, rules.home_visits_per_term);
            s.visits_by_term.push_back(TermRate{t.name, from, to, r, cut});
            s.home_visits += r;
        }
        if (rules.guardian_meetings_per_term > 0) {
            const Rate r = term_rate(TalkKind::meeting, rules.guardian_meetings_per_term);
            s.meetings_by_term.push_back(TermRate{t.name, from, to, r, cut});
            s.meetings += r;
        }
    }
    for (Month m{period.from.year, period.from.month}; m.first() <= end;
         m = m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1}) {
        const auto day = birthday_in(c, m);
        if (!day || *day < period.from || end < *day || !enrolled_on_day(c, *day)) continue;
        ++s.birthdays;
        s.birthdays_greeted += greeted_in(c, m, end, &greetings).has_value();
    }
    if (const int sessions = count_entries(c, TalkKind::counselling, period.from, end)) {
        s.counselling_sessions = sessions;
        s.counselled = 1;
        s.counselled_key = c.support.key_child;
    }
    // The class the child was in on `end`: a move in April does not take March to 3-2.
    shortfall.child = ChildRef{c.id, c.name, c.grade, c.class_no};
    if (now) {
        shortfall.missing = missing;
        shortfall.unpaired = !paired;
    }
    return s;
}

}  // namespace

ChildFigures child_figures(const Child& c, const School& school, const Period& period,
                           const Date& end, const GreetingDays& greetings) {
    ChildFigures f;
    f.id = c.id;
    f.id_number = c.id_number;
    f.stats = child_stats(c, school, period, end, greetings, f.shortfall, f.enrolments, f.counted);
    if (!f.counted) return f;  // 非留守 on the last counted day: in no figure
    // In the class of the last counted day, as every figure: a move after it is not made yet.
    f.listed = f.shortfall.child;
    f.enrolled_listed = f.enrolled_on(end);  // by the view of `end`, as every figure
    return f;
}

std::vector<std::pair<std::optional<Date>, std::optional<Date>>> enrolment_spans(const Child& c) {
    // As enrolled_on_day reads them (schedule.cpp): a history entry without `to`, or a current
    // enrolment ended without status_on, covers no day (check reports the missing date).
    std::vector<std::pair<std::optional<Date>, std::optional<Date>>> out;
    for (const Episode& e : c.enrolment_history)
        if (e.to) out.emplace_back(e.from, e.to);
    if (c.status == Status::not_enrolled && !c.enrolled_on) return out;
    if (c.status == Status::enrolled)
        out.emplace_back(c.enrolled_on, std::nullopt);
    else if (c.status_on)
        out.emplace_back(c.enrolled_on, c.status_on);
    return out;
}

bool ChildFigures::enrolled_on(const Date& day) const {
    for (const auto& [from, to] : enrolments)
        if ((!from || *from <= day) && (!to || day < *to)) return true;
    return false;
}

uint64_t figures_fingerprint() {
    return fnv1a(__DATE__ " " __TIME__ " figures 3");
}

Stats& Stats::operator+=(const Stats& o) {
    enrolled_from += o.enrolled_from;
    new_pupils += o.new_pupils;
    transferred_in += o.transferred_in;
    transferred += o.transferred;
    dropped_out += o.dropped_out;
    graduated += o.graduated;
    left_other += o.left_other;
    enrolled += o.enrolled;
    not_enrolled += o.not_enrolled;
    both_parents += o.both_parents;
    father_away += o.father_away;
    mother_away += o.mother_away;
    one_parent += o.one_parent;
    boarding += o.boarding;
    key_children += o.key_children;
    subsidised += o.subsidised;
    counselling_sessions += o.counselling_sessions;
    counselled += o.counselled;
    counselled_key += o.counselled_key;
    birthdays += o.birthdays;
    birthdays_greeted += o.birthdays_greeted;
    with_buddy += o.with_buddy;
    several_buddies += o.several_buddies;
    filed += o.filed;
    enrolment += o.enrolment;
    retention += o.retention;
    paired += o.paired;
    talks += o.talks;
    family_calls += o.family_calls;
    home_visits += o.home_visits;
    meetings += o.meetings;
    merge_months(talks_by_month, o.talks_by_month);
    merge_months(calls_by_month, o.calls_by_month);
    merge_terms(visits_by_term, o.visits_by_term);
    merge_terms(meetings_by_term, o.meetings_by_term);
    return *this;
}

bool Summary::periods_differ() const {
    for (const Period& p : periods)
        if (p.from != period.from || p.to != period.to || p.name != period.name) return true;
    return false;
}

namespace {

/// The plan's ticked tasks of each month of the period (the plan is the school's, not a
/// child's).
std::vector<MonthRate> plan_rates(const School& school, const Period& own, const Date& end) {
    std::vector<MonthRate> plan;
    for (Month m{own.from.year, own.from.month}; m.first() <= end;
         m = m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1}) {
        const auto tasks = plan_tasks(school, m, end);
        if (tasks.empty()) continue;
        const long done = std::count_if(tasks.begin(), tasks.end(),
                                        [](const PlanTask& t) { return t.done.has_value(); });
        plan.push_back(
            MonthRate{m, m.first(), m.last(), Rate{done, static_cast<long>(tasks.size())}});
    }
    return plan;
}

}  // namespace

SchoolSummary summarize_school(const SchoolRecords& records, const Period& period,
                               const Date& as_of) {
    SchoolSummary out;
    const Period& own = records.period ? *records.period : period;
    const Date end = earlier(own.to, as_of);
    out.period = own;
    out.end = end;
    Stats& school = out.school;
    school.school = records.school->school;
    // Each child's figures: given (read from a cache), or worked out here.
    std::vector<ChildFigures> computed;
    if (!records.figures) {
        const GreetingDays greetings = greeting_days(records.activities);
        if (records.children) {
            computed.reserve(records.children->size());
            for (const Child& c : *records.children)
                computed.push_back(child_figures(c, *records.school, own, end, greetings));
        }
    }
    const std::vector<ChildFigures>& figures = records.figures ? *records.figures : computed;
    // This school's children in the shortfalls, for the activities below; packed once the
    // school is counted.
    std::vector<Shortfall> shortfalls;
    std::vector<SchoolChild> no_activity;
    // By id, viewed in the figures, which outlive this part.
    std::unordered_map<std::string_view, size_t> listed;
    // The groups by grade and by (grade, class): every child here is of this one school, so
    // its name is left out of the keys until the end (a string compare per child and group
    // was a tenth of a warm 50,000-child summary).
    std::map<int, Stats> grades;
    std::map<std::pair<int, int>, Stats> classes;
    // Most children fall short somewhere in a term: grown one doubling at a time, the list
    // was moved over and over into fresh pages.
    shortfalls.reserve(figures.size());
    listed.reserve(figures.size());
    for (const ChildFigures& f : figures) {
        if (!f.counted) continue;  // 非留守: in no figure
        Shortfall shortfall = f.shortfall;
        shortfall.school = records.school->school;
        const Stats& one = f.stats;
        school += one;
        const ChildRef& then = shortfall.child;
        const int g = then.grade.value_or(0), k = then.class_no.value_or(0);
        Stats& grade = grades[g];
        grade.school = school.school;
        if (then.grade) grade.grade = then.grade;
        grade += one;
        Stats& klass = classes[{g, k}];
        klass.school = school.school;
        klass.grade = then.grade;
        klass.class_no = then.class_no;
        klass += one;
        // Each gap of a rate below 100%, from the child's own part of it.
        for (const MonthRate& m : one.calls_by_month)
            if (m.rate.den && !m.rate.num) shortfall.calls_short.push_back(m.month);
        for (const TermRate& t : one.visits_by_term)
            if (t.rate.den && !t.rate.num) shortfall.unvisited.push_back(t.term);
        for (const TermRate& t : one.meetings_by_term)
            if (t.rate.den && !t.rate.num) shortfall.no_meeting.push_back(t.term);
        shortfall.birthdays_missed = one.birthdays - one.birthdays_greeted;
        if (shortfall.any()) {
            listed.emplace(f.shortfall.child.id, shortfalls.size());
            shortfalls.push_back(std::move(shortfall));
        }
    }
    for (auto& [g, stats] : grades)
        out.grades.emplace(SchoolSummary::Key{school.school, g, 0}, std::move(stats));
    for (auto& [gk, stats] : classes)
        out.classes.emplace(SchoolSummary::Key{school.school, gk.first, gk.second},
                            std::move(stats));
    // The plan is the school's, not a child's.
    out.plan = plan_rates(*records.school, own, end);
    for (const ReturnedSheet& r : records.school->returned_sheets)
        if (const auto m = parse_month(r.month); m && own.from <= m->last() && m->first() <= end)
            out.returned_sheets.push_back(r);
    // Activities are the school's, recorded once with the ids of those who took part.
    if (records.activities) {
        // Attendance counts for a child enrolled on the activity's day, by check's rule
        // (an id of no child, or a day outside the child's enrolments, counts nowhere).
        std::unordered_map<std::string_view, const ChildFigures*> by_id;
        by_id.reserve(figures.size());
        for (const ChildFigures& f : figures)
            if (f.counted) by_id.emplace(f.listed.id, &f);
        std::set<std::string> took_part;
        for (const Activity& a : *records.activities) {
            if (!a.date || !a.kind || *a.date < own.from || end < *a.date) continue;
            const Month m{a.date->year, a.date->month};
            auto it = std::find_if(
                out.activities.begin(), out.activities.end(), [&](const ActivityCount& x) {
                    return x.month.year == m.year && x.month.month == m.month && x.kind == *a.kind;
                });
            if (it == out.activities.end())
                it = out.activities.insert(out.activities.end(), ActivityCount{m, *a.kind});
            ++it->activities;
            for (const std::string& id : a.children) {
                const auto child = by_id.find(id);
                if (child == by_id.end() || !child->second->enrolled_on(*a.date)) continue;
                ++it->attendance;
                took_part.insert(id);
            }
        }
        // A school that held no activity in the period has no one to name as missing one.
        const bool held_any = std::any_of(
            records.activities->begin(), records.activities->end(), [&](const Activity& a) {
                return a.date && a.kind && !(*a.date < own.from) && !(end < *a.date);
            });
        for (const ChildFigures& f : figures) {
            if (!f.counted || !f.enrolled_listed) continue;
            ++out.activity_reach.den;
            if (took_part.count(f.listed.id)) {
                ++out.activity_reach.num;
                continue;
            }
            no_activity.emplace_back(records.school->school, f.listed);
            if (!held_any) continue;
            if (const auto it = listed.find(f.listed.id); it != listed.end()) {
                shortfalls[it->second].no_activity = true;
            } else {
                Shortfall none;
                none.school = records.school->school;
                none.child = f.listed;
                none.no_activity = true;
                shortfalls.push_back(std::move(none));
            }
        }
    }
    out.shortfalls = SchoolLists<Shortfall>::pack(school.school, std::move(shortfalls));
    out.no_activity = SchoolLists<SchoolChild>::pack(school.school, std::move(no_activity));
    return out;
}

Summary combine_schools(std::vector<SchoolSummary> parts, const Period& period, const Date& as_of) {
    Summary out;
    out.period = period;
    out.as_of = as_of;
    out.end = earlier(period.to, as_of);
    std::map<SchoolSummary::Key, Stats> grades, classes;
    std::vector<SchoolLists<Shortfall>::Part> shortfalls;
    std::vector<SchoolLists<SchoolChild>::Part> no_activity;
    for (SchoolSummary& part : parts) {
        out.periods.push_back(part.period);
        out.ends.push_back(part.end);
        out.total += part.school;
        out.by_school.push_back(std::move(part.school));
        // A group is keyed by its school's name, so each is one school's (two schools of one
        // name add up, as they always did).
        for (const auto& groups :
             {std::make_pair(&grades, &part.grades), std::make_pair(&classes, &part.classes)})
            for (auto& [key, stats] : *groups.second) {
                const auto [it, fresh] = groups.first->emplace(key, Stats{});
                if (fresh)
                    it->second = std::move(stats);
                else
                    it->second += stats;
            }
        shortfalls.push_back(std::move(part.shortfalls));
        merge_months(out.plan_by_month, part.plan);
        out.returned_sheets.insert(out.returned_sheets.end(), part.returned_sheets.begin(),
                                   part.returned_sheets.end());
        for (const ActivityCount& a : part.activities) {
            auto it = std::find_if(out.activities.begin(), out.activities.end(),
                                   [&](const ActivityCount& x) {
                                       return x.month.year == a.month.year &&
                                              x.month.month == a.month.month && x.kind == a.kind;
                                   });
            if (it == out.activities.end())
                out.activities.push_back(a);
            else
                it->activities += a.activities, it->attendance += a.attendance;
        }
        out.activity_reach += part.activity_reach;
        no_activity.push_back(std::move(part.no_activity));
        part = SchoolSummary{};  // each school's part is let go once it is added
    }
    std::sort(out.activities.begin(), out.activities.end(),
              [](const ActivityCount& a, const ActivityCount& b) {
                  return std::make_tuple(a.month.year, a.month.month, static_cast<int>(a.kind)) <
                         std::make_tuple(b.month.year, b.month.month, static_cast<int>(b.kind));
              });
    for (auto& [key, stats] : grades) out.by_grade.push_back(std::move(stats));
    for (auto& [key, stats] : classes) out.by_class.push_back(std::move(stats));
    // Those in no activity by school name; the shortfalls school by school, the school
    // furthest from 100% first (a name's first school says how far), each by class, then by
    // id. Each school's are sorted already (SchoolLists::pack), so no list of the county's
    // children is ever sorted, nor held unpacked.
    std::vector<std::string> by_name;
    for (const Stats& g : out.by_school) by_name.push_back(g.school);
    std::sort(by_name.begin(), by_name.end());
    by_name.erase(std::unique(by_name.begin(), by_name.end()), by_name.end());
    out.no_activity.arrange(std::move(no_activity), by_name);
    std::map<std::string_view, std::pair<long, size_t>> rank;
    for (size_t i = 0; i < out.by_school.size(); ++i)
        rank.emplace(out.by_school[i].school,
                     std::make_pair(-distance_from_full(out.by_school[i]), i));
    std::vector<std::pair<std::pair<long, size_t>, std::string>> ranked;
    for (const auto& [name, r] : rank) ranked.emplace_back(r, std::string(name));
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> by_distance;
    for (auto& [r, name] : ranked) by_distance.push_back(std::move(name));
    out.shortfalls.arrange(std::move(shortfalls), by_distance);
    return out;
}

Summary summarize(const std::vector<SchoolRecords>& schools, const Period& period,
                  const Date& as_of) {
    std::vector<SchoolSummary> parts;
    parts.reserve(schools.size());
    for (const SchoolRecords& records : schools)
        parts.push_back(summarize_school(records, period, as_of));
    return combine_schools(std::move(parts), period, as_of);
}

long distance_from_full(const Stats& s) {
    // In whole numbers, from the percentages the report prints (shown_tenths), so that the
    // 平均差 in a heading is what a hand check of the table beside it gives: the mean of
    // 1000 - tenths over the rates with a denominator, rounded half up to a tenth.
    long sum = 0, rates = 0;
    for (const Rate* r : {&s.filed, &s.enrolment, &s.retention, &s.paired, &s.talks,
                          &s.family_calls, &s.home_visits, &s.meetings}) {
        if (const auto t = r->shown_tenths()) {
            sum += 1000 - *t;
            ++rates;
        }
    }
    return rates ? (2 * sum + rates) / (2 * rates) : 0;
}

}  // namespace liushou
