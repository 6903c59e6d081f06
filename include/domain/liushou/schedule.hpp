// The month's checklist (liushou-schedule(1)): what the plan, the rules and the records say
// is still to do, worked out without I/O so it can be tested on hand-built records.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "liushou/records.hpp"

namespace liushou {

/// Enrolled on `day`: enrolled by then and not yet transferred, dropped out or graduated.
/// Children recorded as not_enrolled (of the catchment but not attending) never are.
bool enrolled_on_day(const Child& child, const Date& day);
/// Why an entry dated `day` cannot be the child's ("2026-04-13 is after the child left:
/// transferred on 2026-04-10"), or "" when the child was enrolled that day. Talks, visits,
/// calls, meetings, pairings, plans and progress notes are only dated in an enrolment.
std::string not_enrolled_reason(const Child& child, const Date& day);
/// An entry dated `day` counts in no figure: exactly when not_enrolled_reason has a reason,
/// so `check`'s "the entry counts nowhere" and every figure leave out the same entries (talks
/// of every kind, greetings, pairings and their history, plans and progress notes).
bool counts_nowhere(const Child& child, const Date& day);
/// Enrolled on at least one day of [from, to].
bool enrolled_during(const Child& child, const Date& from, const Date& to);

// ---- who owes what: one definition for the summary, the checklist and JSON (liushou-rates(7))

/// Whether the rules ask for `kind` (talks or family calls) in month `m` at all: not a month
/// of rules.months_without_talks, and not before the start month the month's term sets
/// (talks_from, family_calls_from).
bool month_requires(const School& school, TalkKind kind, const Month& m);
/// The month from which the term of `m` asks for `kind`, when `m` is before it.
std::optional<Month> cadence_start(const School& school, TalkKind kind, const Month& m);
bool is_month_without_talks(const Rules& rules, int month);
/// The month of `term` whose number is `month_no`, counting from the term's first month.
std::optional<Month> term_month(const Term& term, int month_no);
/// A monthly cadence counted over [from, to] (the month cut to the period and the reference
/// day) is owed by a child enrolled on at least one of those days.
bool owes_month(const Child& child, const Date& from, const Date& to);
/// A termly cadence counted up to `to` (the term's last day, or the reference day or period
/// end when earlier) is owed by a child enrolled on that day.
bool owes_term(const Child& child, const Date& to);

/// The term holding `day`, else the first term overlapping [from, to], else nullptr.
const Term* term_for(const School& school, const Date& day, const Date& from, const Date& to);

/// Entries of `kind` dated within [from, to].
int count_entries(const Child& child, TalkKind kind, const Date& from, const Date& to);

/// A child as a checklist line names it.
struct ChildRef {
    std::string id;
    std::string name;
    std::optional<int> grade;
    std::optional<int> class_no;
};

/// A child who still owes entries of some kind in the period.
struct Owed {
    const ChildRef* child = nullptr;  // in the Schedule's duties
    int done = 0;
    std::optional<Date> last;  // the latest entry of that kind on or before the reference day
};

/// The owed children of one teacher; `teacher` is empty for children without one.
struct TeacherGroup {
    std::string teacher;
    std::vector<Owed> children;
};

struct Birthday {
    ChildRef child;
    Date birth;
    Date day;  // this year's birthday; 29 February falls on the 28th in other years
    int age = 0;
    std::optional<Date> greeted;  // the first greeting of the month: an entry or an activity
};

/// The child's birthday in `month` (29 February on the 28th in common years), if it has one.
std::optional<Date> birthday_in(const Child& child, const Month& month);

/// The days of the 生日祝福 activities each child took part in, by child id.
using GreetingDays = std::unordered_map<std::string, std::vector<Date>>;
GreetingDays greeting_days(const std::vector<Activity>* activities);

/// The first birthday greeting of `month` up to `as_of`, dated while the child was enrolled:
/// a greeting entry (log-talk --kind greeting) or a 生日祝福 activity the child was in.
std::optional<Date> greeted_in(const Child& child, const Month& month, const Date& as_of,
                               const GreetingDays* activities = nullptr);

struct OpenFollowUp {
    ChildRef child;
    Date date;
    std::string text;
    std::string by;
    long days_open = 0;
};

struct Incomplete {
    ChildRef child;
    std::vector<std::string> missing;  // schema paths, parents named by relation
};

/// One cadence of the rules checked against the records: talks, family calls, home visits or
/// guardian meetings.
struct Cadence {
    TalkKind kind = TalkKind::talk;
    int required = 0;       // entries per period the rules ask for
    bool per_term = false;  // else per month
    bool due = true;        // false in a month without talks, or outside every term
    int expected = 0;       // children who owe entries in the period
    int owing = 0;          // of them, still short
    std::vector<TeacherGroup> groups;
    // Not due because the term asks for it only from this month (family_calls_from).
    std::optional<Month> starts = std::nullopt;
};

/// A task of a month's plan and, when it was ticked off by the reference day, when and how.
struct PlanTask {
    std::string task;
    std::optional<Date> done;
    std::string note;
};

/// The tasks of `month` in the plan, each marked done when a tick dated by `as_of` says so.
std::vector<PlanTask> plan_tasks(const School& school, const Month& month, const Date& as_of);

/// Ticks task `number` (from 1) of `month` off, done on `day`; returns why it cannot be ("" when
/// done). A task ticked again gets the new day and note.
std::string mark_plan_done(School& school, const Month& month, int number, const Date& day,
                           const std::string& note);
/// What `plan done` asks (#41): a tick is an entry like a talk, so ticking a task already
/// ticked with another day or note is refused (why) unless `amend`, which replaces only what is
/// given (`day`, `note`; unset keeps the tick's) and keeps each replaced value in the tick's
/// `changes`, dated `today`. A new tick is done on `day` (default `today`). `changed` says
/// whether the file would change (not when the tick is already exactly that).
std::string tick_plan_task(School& school, const Month& month, int number,
                           const std::optional<Date>& day, const std::optional<std::string>& note,
                           bool amend, const Date& today, bool& changed);
/// Takes the tick off again; returns why it cannot be ("" when done).
std::string unmark_plan_done(School& school, const Month& month, int number);

/// Where a child stands on one cadence of a month's checklist.
struct CadenceState {
    bool owes = false;         // enrolled when the cadence is counted
    int done = 0;              // entries of its kind in the period counted
    std::optional<Date> last;  // the latest on or before its end
};

/// One child's part of a month's checklist as of its reference day (child_duties): small and
/// free of the record's text (but for open follow-ups), so that a warm checklist reads these
/// from a cache instead of decoding every child (liushou-schedule(1)).
struct ChildDuties {
    ChildRef child;         // in the class of the reference day
    std::string id_number;  // 身份证号: one child in two files is listed once (#39)
    bool in_month = false;  // enrolled on a day of the month
    std::string teacher;    // paired with on the reference day; "" for none
    CadenceState talks, family_calls, home_visits, meetings;
    std::optional<Birthday> birthday;
    std::vector<OpenFollowUp> follow_ups;
    std::vector<std::string> missing;  // what the file lacks
    /// The month's activities whose attendance of the child is not yet recorded
    /// (attendance_owed), by id.
    std::vector<std::string> attendance;
};

/// An activity of the month (by the reference day) whose attendance of a child is not yet
/// recorded: its teacher owes a 活动签到 row (#46).
struct AttendanceOwed {
    ChildRef child;
    std::string teacher;  // the child's, else the activity's first organiser
    size_t activity = 0;  // in Schedule::activities
};

struct Schedule {
    Month month;
    Date as_of;  // today within the month; its last day for a past month, first for a future one
    std::string term;  // name of the term of the month, empty outside terms
    std::optional<Date> term_from, term_to;
    int enrolled = 0;  // children enrolled during the month (after filters)
    std::vector<PlanTask> plan;
    std::vector<Event> events;
    /// For each event, the activity recorded for it (a 节日关爱, or one whose title names the
    /// event), by its id; "" when none is yet.
    std::vector<std::string> event_recorded;
    /// The activities recorded in the month, by the reference day, in date order.
    std::vector<Activity> activities;
    Cadence talks, family_calls, home_visits, meetings;
    std::vector<Birthday> birthdays;
    /// By date, the class order kept within a day; they and the owed children of the
    /// cadences point into `duties`, so that a county's tens of thousands are not copied.
    std::vector<const OpenFollowUp*> follow_ups;
    std::vector<ChildRef> unpaired;
    std::vector<Incomplete> incomplete;
    /// In the order of `activities`, the class order kept within one.
    std::vector<AttendanceOwed> attendance;
    /// The teachers' sheets of the month logged back (log-talk --from), of the filter's
    /// teacher if any: which came back, and the rows each left owed.
    std::vector<ReturnedSheet> returned;
    /// When some sheet came back: the teachers with children this month (of the filter) none
    /// of whose sheets did, by id.
    std::vector<std::string> not_returned;
    /// The children's duties the checklist was made from, shared by copies of it.
    std::shared_ptr<const std::vector<ChildDuties>> duties;
};

struct ScheduleFilter {
    std::string teacher;  // only children paired with this staff id
    std::optional<int> grade;
    std::optional<int> class_no;
};

Schedule build_schedule(const School& school, const std::vector<Child>& children,
                        const Month& month, const Date& today, const ScheduleFilter& filter,
                        const std::vector<Activity>* activities = nullptr);

/// Whether `activity` expects the child: its participants, as asked (all, classes, ids or
/// names, comma-separated), name all, the child's class on the activity's day, or the child,
/// and the child was enrolled that day.
bool activity_expects(const Activity& activity, const Child& child);
/// The activities of `month` dated by `as_of` that expect the child (activity_expects) and do
/// not list it among those who took part (`children`), by id: a child whose file was made
/// after the activity was recorded, or an activity written with its attendance left to the
/// teachers. Its teacher owes a 活动签到 row for each; log-talk --from records a row marked 是
/// by adding the child to the activity's children.
std::vector<std::string> attendance_owed(const Child& child, const Month& month, const Date& as_of,
                                         const std::vector<Activity>* activities);

ChildDuties child_duties(const Child& child, const School& school, const Month& month,
                         const Date& today, const GreetingDays& greetings,
                         const std::vector<Activity>* activities = nullptr);
/// Puts duties in class order (grade, class, id), the order a checklist lists them in.
void sort_duties(std::vector<ChildDuties>& duties);
/// Whether `duties` are in that order already.
bool duties_sorted(const std::vector<ChildDuties>& duties);
/// Changes whenever the way duties are worked out may have (each build of it): cached duties
/// of another build are never used.
uint64_t duties_fingerprint();
/// The checklist from each child's duties (child_duties for the same school, month and day).
Schedule schedule_from_duties(const School& school, std::vector<ChildDuties> duties,
                              const Month& month, const Date& today, const ScheduleFilter& filter,
                              const std::vector<Activity>* activities = nullptr);

}  // namespace liushou
