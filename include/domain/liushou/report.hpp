// The 工作总结: every rate of liushou-report(1) over a period, by school, grade and class, and
// what still falls short of 100%. Pure computation on records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liushou/records.hpp"
#include "liushou/schedule.hpp"

namespace liushou {

/// A fraction that knows its parts; an empty denominator has no percentage (shown as —).
struct Rate {
    long num = 0;
    long den = 0;
    std::optional<double> percent() const;
    /// The percentage to print with one decimal: never 100.0 while someone is missing, nor 0.0
    /// when someone counts (1999/2000 shows 99.9, 1/2000 shows 0.1); liushou-rates(7).
    std::optional<double> shown_percent() const;
    Rate& operator+=(const Rate& other) {
        num += other.num;
        den += other.den;
        return *this;
    }
};

struct Period {
    Date from;
    Date to;
    std::string name;  // the term's name, or empty for --from/--to
};

/// The child as the records said on `day`: later entries dropped, the pairing of that day,
/// a status changed after it still enrolled. Field values have no history and stay.
Child state_on(const Child& child, const Date& day);

struct MonthRate {
    Month month;
    Rate rate;
};

struct TermRate {
    std::string term;
    Date from;
    Date to;
    Rate rate;
};

/// The figures of one group of children: a school, a grade, a class, or everything.
struct Stats {
    std::string school;
    std::optional<int> grade;
    std::optional<int> class_no;
    int enrolled = 0;       // enrolled at the end of the period
    int enrolled_from = 0;  // enrolled at its start
    int not_enrolled = 0;   // school-age left-behind children recorded as not attending
    int dropped_out = 0;    // dropped out within the period
    int transferred = 0;    // transferred within the period
    int both_parents = 0, father_away = 0, mother_away = 0;
    int boarding = 0, key_children = 0, subsidised = 0;
    Rate filed;                                       // 建档率
    Rate enrolment;                                   // 入学率
    Rate retention;                                   // 巩固率
    Rate paired;                                      // 结对率
    Rate talks, family_calls, home_visits, meetings;  // summed over months or terms
    std::vector<MonthRate> talks_by_month, calls_by_month;
    std::vector<TermRate> visits_by_term, meetings_by_term;
    Stats& operator+=(const Stats& other);
};

/// What keeps a rate below 100%, for one child.
/// A month in which a child had fewer talks than the rules ask (held may be 0).
struct TalkShort {
    Month month;
    int held = 0;
    int required = 0;
};

struct Shortfall {
    std::string school;
    ChildRef child;
    std::vector<std::string> missing;  // the file is incomplete
    bool unpaired = false;
    std::vector<TalkShort> untalked;  // months short of talks
};

/// One school's records, borrowed: a county's children are not copied to be counted.
struct SchoolRecords {
    const School* school = nullptr;
    const std::vector<Child>* children = nullptr;
};

struct Summary {
    Period period;
    Date as_of;
    Date end;  // min(period.to, as_of): the last day the figures can know
    Stats total;
    std::vector<Stats> by_school, by_grade, by_class;
    std::vector<Shortfall> shortfalls;
};

/// The summary of one or more schools over `period`, as the records stood on `as_of`.
Summary summarize(const std::vector<SchoolRecords>& schools, const Period& period,
                  const Date& as_of);

/// Masks what identifies a family in free text: mobile numbers (138****5678), landlines, id
/// numbers and house numbers (12号 -> *号), for reports that leave the school.
std::string redact(std::string_view text);

}  // namespace liushou
