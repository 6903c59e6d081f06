// The 工作总结: every rate of liushou-report(1) over a period, by school, grade and class, and
// what still falls short of 100%. Pure computation on records.
#pragma once

#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "liushou/records.hpp"
#include "liushou/schedule.hpp"

namespace liushou {

/// A fraction that knows its parts; an empty denominator has no percentage (shown as —).
struct Rate {
    long num = 0;
    long den = 0;
    /// For a chart's scale only; never printed, never ordered by (see shown_tenths).
    std::optional<double> percent() const;
    /// The printed percentage in tenths of a point, worked out in integers: num × 1000 / den
    /// rounded half up on the exact fraction (7/2000 is 3.5 tenths, printed 0.4%; 13/16 is
    /// 812.5, printed 81.3%), so a hand or a spreadsheet check agrees with every format. Binary
    /// floating point rounded 0.35 down. Never 1000 while someone is missing, nor 0 when someone
    /// counts (1999/2000 shows 99.9, 1/2000 shows 0.1); liushou-rates(7).
    std::optional<long> shown_tenths() const;
    /// shown_tenths / 10, for a chart's bar length; prints back to the same one decimal.
    std::optional<double> shown_percent() const;
    /// shown_tenths as text with one decimal ("81.3", "100.0"); "" with no denominator. The
    /// one function Markdown, HTML, JSON, CSV and xlsx print a percentage with.
    std::string shown() const;
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
/// the enrolment of that day (a status changed after it still enrolled, a return after it
/// not yet made), and dated fields (class, 重点帮扶对象 …) with the value they had then.
/// Entries that count nowhere (dated outside an enrolment: counts_nowhere) are dropped too.
/// Every figure of a day reads this view and nothing else (liushou-rates(7)), so that
/// nothing recorded after the day can change a figure of it.
Child state_on(const Child& child, const Date& day);

/// A month's figure; `from`..`to` are the days counted, the month cut to the period and the
/// reference day (liushou-rates(7)).
struct MonthRate {
    Month month;
    Date from;
    Date to;
    Rate rate;
    bool cut() const { return from != month.first() || to != month.last(); }
};

/// A term's figure over the days counted, `from`..`to`; `cut` when that is not the whole term.
struct TermRate {
    std::string term;
    Date from;
    Date to;
    Rate rate;
    bool cut = false;
};

/// The figures of one group of children: a school, a grade, a class, or everything.
struct Stats {
    std::string school;
    std::optional<int> grade;
    std::optional<int> class_no;
    // 基本情况, counted in enrolments: 期初 + 新入学 + 转入 − 转出 − 辍学 − 毕业 − 其他离校 =
    // 期末 holds in every group (liushou-rates(7)).
    int enrolled_from = 0;   // 期初在读: enrolled the day before the period
    int new_pupils = 0;      // 新入学: enrolments as a new pupil that began in the period
    int transferred_in = 0;  // 转入: enrolments by transfer (or a return) that began in it
    int transferred = 0;     // 转出: enrolments that ended in a transfer in the period
    int dropped_out = 0;     // 辍学
    int graduated = 0;       // 毕业
    int left_other = 0;      // 其他离校
    int enrolled = 0;        // 期末在读: enrolled on the period's last counted day
    int not_enrolled = 0;    // school-age left-behind children recorded as not attending
    int both_parents = 0, father_away = 0, mother_away = 0;
    int one_parent = 0;  // 单亲外出: one parent away, which not stated (#39)
    int boarding = 0, key_children = 0, subsidised = 0;
    Rate filed;                                       // 建档率
    Rate enrolment;                                   // 入学率
    Rate retention;                                   // 巩固率
    Rate paired;                                      // 结对率
    Rate talks, family_calls, home_visits, meetings;  // summed over months or terms
    /// 心理辅导 in the period: sessions, the children who had one, and of those the key
    /// children (重点帮扶对象, whom the seed's 心理咨询 and 矫正 are for).
    int counselling_sessions = 0, counselled = 0, counselled_key = 0;
    /// 生日祝福: birthdays in the period of children enrolled that day, and those greeted in
    /// the birthday's month.
    int birthdays = 0, birthdays_greeted = 0;
    /// 学习帮手 at the end: children enrolled with one, and with more than one ("一个以上").
    int with_buddy = 0, several_buddies = 0;
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

/// Every gap one child leaves in a rate below 100% (liushou-report(1), 尚未达到): the rates
/// of files and pairing count the children enrolled at the end; the others every child the
/// rate counts, one who left in the period too.
struct Shortfall {
    std::string school;
    ChildRef child;
    std::vector<std::string> missing;  // the file is incomplete
    bool unpaired = false;
    std::vector<TalkShort> untalked;      // months short of talks
    std::vector<Month> calls_short;       // months short of family calls (亲情电话)
    std::vector<std::string> unvisited;   // terms without the home visits asked (家访)
    std::vector<std::string> no_meeting;  // terms without the guardian meetings (座谈会)
    int birthdays_missed = 0;             // birthdays of the period not greeted in their month
    bool no_activity = false;             // in none of the period's activities
    bool any() const {
        return !missing.empty() || unpaired || !untalked.empty() || !calls_short.empty() ||
               !unvisited.empty() || !no_meeting.empty() || birthdays_missed > 0 || no_activity;
    }
};

/// One child's part of every figure of a summary, over one school's period to its last
/// counted day: the summary adds these up. Small and free of the record's text, so that a
/// warm report reads them from a cache instead of decoding every child (liushou-report(1)).
struct ChildFigures {
    Stats stats;          // school, grade and class unset: the group's
    Shortfall shortfall;  // school unset; child: the class on the last counted day
    /// For 活动开展情况: the child as on the last counted day (its class then, as the
    /// figures), and whether enrolled that day.
    ChildRef listed;
    bool enrolled_listed = false;
    /// The child's enrolments as on the last counted day, each [from, to) (from unset: since
    /// ever; to unset: still enrolled), so that an activity's attendance dated outside them
    /// counts nowhere, by check's rule, even when the figures come from the cache.
    std::vector<std::pair<std::optional<Date>, std::optional<Date>>> enrolments;
    /// Enrolled on `day` by `enrolments`: what enrolled_on_day says of the record on days up
    /// to the last counted day.
    bool enrolled_on(const Date& day) const;
    /// False for a child not left-behind (非留守) on the last counted day: in no figure at
    /// all, denominators and activities included (liushou-rates(7)); the rest is then empty.
    bool counted = true;
    /// The file's id and the record's 身份证号: a second file of one 身份证号 is counted once
    /// (second_files), with figures from the cache as well.
    std::string id, id_number;
};
/// A child's enrolments as the days enrolled_on_day counts: an ended one without its end
/// (status_on) covers no day, and neither does a not_enrolled child's.
std::vector<std::pair<std::optional<Date>, std::optional<Date>>> enrolment_spans(const Child& c);
ChildFigures child_figures(const Child& child, const School& school, const Period& period,
                           const Date& end, const GreetingDays& greetings);
/// Changes whenever the way figures are worked out may have (each build of it): cached
/// figures of another build are never used.
uint64_t figures_fingerprint();

/// One school's records, borrowed: a county's children are not copied to be counted.
struct SchoolRecords {
    const School* school = nullptr;
    const std::vector<Child>* children = nullptr;
    /// The days this school is reported over (its own term); unset: the summary's period.
    std::optional<Period> period;
    /// Its activities (activities/); may be null.
    const std::vector<Activity>* activities = nullptr;
    /// Instead of `children`: each child's figures for this school's period and last counted
    /// day (child_figures), in the children's order.
    const std::vector<ChildFigures>* figures = nullptr;
};

/// What a summary names child by child (尚未达到, the children in no activity), kept packed:
/// each school's records in one string, in the order the report lists them, decoded one at a
/// time as the report is written. A province's half a million shortfalls take ~50 bytes each
/// instead of ~500 as records (liushou-county(1)). Iterated in the report's order: school by
/// school in the order `arrange` gives, and within a school by class, then by id (natural
/// order), the children of one class and id in the order they were added; schools of one name
/// are listed as one, their children merged in that order.
template <class T>
class SchoolLists {
  public:
    /// One school's records, packed; `sorted` by the order above.
    struct Part {
        std::string school;
        std::string bytes;
        size_t count = 0;
    };
    /// Packs one school's records (sorted here, stably, by class and id; `school` set on each
    /// as it is read back).
    static Part pack(const std::string& school, std::vector<T> records);
    /// Lists the parts (given in the schools' order) by school name, in the order of `names`
    /// (each name once): the parts of one name make one group, their records merged.
    void arrange(std::vector<Part> parts, const std::vector<std::string>& names);

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    class const_iterator {
      public:
        using iterator_category = std::input_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;
        const T& operator*() const { return current_; }
        const T* operator->() const { return &current_; }
        const_iterator& operator++() {
            next();
            return *this;
        }
        bool operator==(const const_iterator& o) const { return done_ == o.done_ && at_ == o.at_; }
        bool operator!=(const const_iterator& o) const { return !(*this == o); }

      private:
        friend class SchoolLists;
        void next();
        void load();
        const SchoolLists* list_ = nullptr;
        size_t at_ = 0;  // records gone past, of the whole list
        bool done_ = true;
        size_t group_ = 0;
        std::string_view rest_;  // of a one-school group
        std::vector<T> merged_;  // of a group of several schools of one name, reversed
        T current_{};
    };
    const_iterator begin() const;
    const_iterator end() const {
        const_iterator it;
        it.at_ = size_;
        return it;
    }
    /// Every record, decoded (for tests and small reports).
    std::vector<T> decoded() const { return std::vector<T>(begin(), end()); }

  private:
    std::vector<std::vector<Part>> groups_;  // in the order listed
    size_t size_ = 0;
};

/// A child of a school, as 活动开展情况 names those who took part in no activity.
using SchoolChild = std::pair<std::string, ChildRef>;

/// 活动开展情况: activities of one kind in one month, and the children who took part, summed.
struct ActivityCount {
    Month month;
    ActivityKind kind = ActivityKind::other;
    int activities = 0;
    long attendance = 0;  // 参与人次
};

struct Summary {
    Period period;
    Date as_of;
    Date end;  // min(period.to, as_of): the last day the figures can know
    Stats total;
    std::vector<Stats> by_school, by_grade, by_class;
    /// School by school, the school furthest from 100% first (distance_from_full), packed.
    SchoolLists<Shortfall> shortfalls;
    /// The plan's tasks ticked off by the last counted day, of those planned, month by month
    /// (liushou plan done), summed over the schools.
    std::vector<MonthRate> plan_by_month;
    /// The teachers' checklist sheets of the period's months logged back (liushou.yaml's
    /// returned_sheets, #46), each school's in its order.
    std::vector<ReturnedSheet> returned_sheets;
    /// Activities of the period by month and kind; of the children enrolled at the end, those
    /// who took part in at least one (reach), and those who took part in none.
    std::vector<ActivityCount> activities;
    Rate activity_reach;
    SchoolLists<SchoolChild> no_activity;  // by school name, packed
    /// Each school's period and last counted day, in the order of `by_school`.
    std::vector<Period> periods;
    std::vector<Date> ends;
    /// True when some school is reported over other days than the first.
    bool periods_differ() const;
};

/// The summary of one or more schools, each over its own period (else `period`), as the
/// records stood on `as_of`. The totals are sums of numerators and denominators.
/// summarize_school for each school, then combine_schools.
Summary summarize(const std::vector<SchoolRecords>& schools, const Period& period,
                  const Date& as_of);

/// One school's part of a summary: what the summary keeps of the school once its children's
/// figures are added up (its sums, its groups, the children it names). A county is summed
/// school by school, each school's figures let go once its part is made, so that memory
/// follows the report's length, not the county's children (liushou-county(1)).
struct SchoolSummary {
    using Key = std::tuple<std::string, int, int>;  // school, grade, class (0: none)
    Period period;
    Date end;
    Stats school;
    std::map<Key, Stats> grades, classes;
    SchoolLists<Shortfall>::Part shortfalls;  // packed: ~50 bytes a child listed
    std::vector<MonthRate> plan;
    std::vector<ReturnedSheet> returned_sheets;
    std::vector<ActivityCount> activities;
    Rate activity_reach;
    SchoolLists<SchoolChild>::Part no_activity;
};
/// One school's part, over its own period (else `period`), as the records stood on `as_of`.
/// Schools' parts may be made side by side: each reads only its own records.
SchoolSummary summarize_school(const SchoolRecords& records, const Period& period,
                               const Date& as_of);
/// The summary of the schools' parts, in the schools' order: the same as summarize over the
/// schools' records, since every figure is a sum of integers (liushou-rates(7)).
Summary combine_schools(std::vector<SchoolSummary> parts, const Period& period, const Date& as_of);

/// How a report's period is asked for: a term by name, dates, or neither (the term of the
/// reference day).
struct PeriodRequest {
    std::string term;
    std::optional<Date> from, to;
    Date as_of;
};

/// The period of each school, or why there is none. Dates are the same days for every school.
/// A term is looked up by name in the first school that has it, and each school then takes
/// its own term that shares the most days with that one, whatever it is called (a 春季学期 of
/// 03-01 for a 第二学期 of 02-01). Neither: each school's term holding `as_of`, else its
/// school year. Without dates, schools of different school years are refused by name.
struct PeriodChoice {
    std::vector<Period> periods;
    /// What was asked for, as the headline says it: the term by its name and the dates of the
    /// school it was found in, the dates, or the first school's period.
    Period asked;
    std::string error;
};
/// The longest period a report covers, from its first day to its last or the day the
/// figures are for, whichever comes first (liushou-records(5), LIMITS): the figures are
/// worked out month by month, so a longer one is refused in `error`, naming the period.
constexpr int kMaxPeriodYears = 20;
PeriodChoice choose_periods(const std::vector<const School*>& schools, const PeriodRequest& ask);

/// A rule the schools of a county set differently: its key, and each school's value.
struct RuleDifference {
    std::string rule;  // talks_per_month, months_without_talks, ...
    std::vector<std::pair<std::string, std::string>> values;  // school -> value as written
};
/// The rules on which `schools` disagree; a county total then adds up different measures,
/// which the report must say.
std::vector<RuleDifference> rule_differences(const std::vector<const School*>& schools);

/// How far a school is from 100% (its 平均差), in tenths of a percentage point: the mean of
/// 100% minus each printed percentage (shown_tenths) over its rates that have a denominator,
/// rounded half up, in whole numbers; the 尚未达到 section lists the furthest school first.
long distance_from_full(const Stats& school);

/// Masks what identifies a family in free text: mobile numbers (138****5678), landlines, id
/// numbers and house numbers (12号 -> *号), for reports that leave the school.
std::string redact(std::string_view text);

}  // namespace liushou
