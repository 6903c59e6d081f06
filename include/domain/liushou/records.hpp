// The records of schema version 2 (man/liushou-records.5): a child's file, the staff
// list, the school. Version 1 files read unchanged; every write gives version 2.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "liushou/date.hpp"

namespace liushou {

constexpr int kSchemaVersion = 2;
/// The oldest version still read: 1 lacks enrolment_history, entry and changes.
constexpr int kOldestSchemaVersion = 1;

/// Keys the tool does not know, kept verbatim (as YAML text) so a rewrite never loses them.
using Extras = std::vector<std::pair<std::string, std::string>>;

enum class Gender { male, female };
/// `left` is 其他离校: the child left for a reason that is not a transfer, drop-out or
/// graduation (illness, death, moving abroad).
enum class Status { enrolled, transferred, dropped_out, graduated, left, not_enrolled };
/// How an enrolment began: 新生 (a new pupil) or 转入 (from another school, or back).
enum class Entry { new_pupil, transfer };
/// 留守类型 (liushou-rates(7) says how each counts). one_parent is a register's 单亲外出: one
/// parent away, which one not stated. none (非留守) is a child of the register who is not
/// left-behind: kept in the tree, counted in no 留守 figure. A change is dated (`changes`).
enum class LeftBehind { both_parents, father_away, mother_away, one_parent, none };
/// What an entry of a child's talks list records. counselling (心理辅导) is the seed's 心理咨询 and
/// 矫正: individual counselling, kept apart from the monthly talk it does not replace.
/// greeting (生日祝福) is a birthday greeting, which ticks the birthday off in the checklist.
enum class TalkKind { talk, home_visit, family_call, meeting, counselling, greeting };
enum class Mood { good, ok, low };
/// The seed's school activities (集体活动), recorded once for all who took part.
enum class ActivityKind {
    class_meeting,  // 主题班会, 主题队会
    mental_health,  // 心理健康教育课, 心理咨询
    safety,         // 安全教育
    arts_sports,    // 书画展, 演讲比赛, 文艺演出
    festival,       // 元旦、六一 座谈会和游园
    birthday,       // 生日祝福
    parent_school,  // 家长学校
    community,      // 社会关爱: gifts of 学习用品, 送微笑
    other,
};
enum class Role { head_teacher, teacher, leader, other };

/// One value of an enum: the schema key, its Chinese label and what sheets may say instead.
template <class E>
struct EnumEntry {
    E value;
    std::string_view key;
    std::string_view zh;
    std::vector<std::string_view> aliases;
};

template <class E>
const std::vector<EnumEntry<E>>& enum_entries();

template <class E>
std::string_view key_of(E value) {
    for (const auto& e : enum_entries<E>())
        if (e.value == value) return e.key;
    return "?";
}

template <class E>
std::string_view zh_of(E value) {
    for (const auto& e : enum_entries<E>())
        if (e.value == value) return e.zh;
    return "?";
}

/// Natural order of ids: digit runs compare as numbers, so 2025-2 sorts before 2025-10.
bool natural_less(const std::string& a, const std::string& b);

/// The key, the Chinese label or an alias: what a person or a sheet may say.
std::string fold_case(std::string_view text);
template <class E>
std::optional<E> enum_from_text(std::string_view text) {
    const std::string folded = fold_case(text);
    for (const auto& e : enum_entries<E>()) {
        if (e.key == folded || e.zh == text) return e.value;
        for (auto alias : e.aliases)
            if (alias == text || alias == folded) return e.value;
    }
    return std::nullopt;
}

/// "male | female", for messages and help.
template <class E>
std::string enum_keys() {
    std::string out;
    for (const auto& e : enum_entries<E>()) {
        if (!out.empty()) out += " | ";
        out += e.key;
    }
    return out;
}

struct Parent {
    std::string relation;  // father | mother
    std::string name;
    std::string phone;
    std::string work_place;
    std::string work_phone;
    Extras extras;
};

struct Guardian {
    std::string relation;  // free text: 爷爷, 外婆, grandmother …
    std::string name;
    std::string occupation;
    std::string address;
    std::string phone;
    std::string health;
    std::optional<int> age;
    Extras extras;
    bool empty() const;
};

struct Support {
    bool key_child = false;
    std::vector<std::string> subsidies;
    std::string individual_plan;
    Extras extras;
    bool empty() const;
};

/// An earlier pairing, kept so a past period is reported as it was.
struct PairingPeriod {
    std::string teacher;
    std::vector<std::string> buddies;  // 学习帮手: child ids or classmates' names, "一个以上"
    std::string proxy_parent;
    std::optional<Date> from;
    std::optional<Date> to;
    Extras extras;
};

/// 学习帮扶计划: time, content, staged goal.
struct PlanItem {
    std::optional<Date> from;
    std::optional<Date> to;
    std::string content;
    std::string goal;
    Extras extras;
};

/// 进步档案: one dated note of progress.
struct ProgressItem {
    std::optional<Date> date;
    std::string note;
    std::string subject;
    std::string score;
    Extras extras;
};

struct Pairing {
    std::string teacher;
    std::vector<std::string> buddies;  // 学习帮手: child ids or classmates' names
    std::string proxy_parent;
    std::optional<Date> since;
    std::vector<PairingPeriod> history;
    std::vector<PlanItem> plan;
    std::vector<ProgressItem> progress;
    Extras extras;
    bool empty() const;
};

/// One entry of the 谈心 record card, a home visit, a family call or a meeting.
struct Talk {
    std::optional<Date> date;
    TalkKind kind = TalkKind::talk;
    std::string by;
    std::string summary;
    std::optional<Mood> mood;
    std::string follow_up;
    /// The date of an earlier entry whose follow-up this entry closes; with several entries
    /// of that date, closes_kind and closes_by say which one (schema 2).
    std::optional<Date> closes;
    std::optional<TalkKind> closes_kind;
    std::string closes_by;
    Extras extras;
};

/// An enrolment that has ended (schema 2): enrolled from `from` up to the day before `to`,
/// when the child became `status` (transferred, dropped_out, graduated or left).
struct Episode {
    std::optional<Date> from;
    std::optional<Entry> entry;
    std::optional<Date> to;
    Status status = Status::transferred;
    Extras extras;
};

/// A field that changes over time (class, grade, 重点帮扶对象 …) took a new value on `date`;
/// before that it held `was` (as enroll would accept it, "" when unset). Schema 2.
struct Change {
    std::optional<Date> date;
    std::string field;  // a child_fields() key: class, key_child
    std::string was;
    Extras extras;
};

/// The fields whose changes are dated: a report for an earlier day shows the value then.
bool is_dated_field(std::string_view key);

/// One child's file: children/<id>.yaml.
struct Child {
    int schema = kSchemaVersion;
    std::string id;
    std::string name;
    std::optional<Gender> gender;
    std::optional<Date> birth_date;
    std::string id_number;
    std::string ethnicity;
    std::optional<int> grade;
    std::optional<int> class_no;
    // The current (or last) enrolment: from enrolled_on, in `status` from status_on on.
    std::optional<Date> enrolled_on;
    std::optional<Entry> entry;
    Status status = Status::enrolled;
    std::optional<Date> status_on;
    /// Earlier enrolments, oldest first, each ended before enrolled_on.
    std::vector<Episode> enrolment_history;
    std::optional<LeftBehind> left_behind;
    std::optional<bool> boarding;
    std::string health;
    std::string home_address;
    std::vector<Parent> parents;
    Guardian guardian;
    Support support;
    Pairing pairing;
    std::vector<Talk> talks;
    std::string notes;
    /// Dated changes of is_dated_field() fields, oldest first.
    std::vector<Change> changes;
    Extras extras;

    /// Every enrolment, oldest first: the history, then the current one (none for a child
    /// recorded as not_enrolled who never enrolled). The current one has no `to` while the
    /// child is enrolled.
    std::vector<Episode> episodes() const;
    /// The parent entry with this relation, or nullptr.
    const Parent* parent(std::string_view relation) const;
    /// Puts dated lists in date order; a stable sort, so entries of one day keep their order.
    void sort_lists();
    /// Whether sort_lists would leave every list as it is (a stable sort of sorted lists).
    bool lists_sorted() const;
};

struct Staff {
    std::string id;
    std::string name;
    std::optional<Role> role;
    std::optional<int> grade;
    std::optional<int> class_no;
    std::string phone;
    Extras extras;
};

struct StaffList {
    std::vector<Staff> staff;
    Extras extras;
    const Staff* find(std::string_view id) const;
    /// Makes find() a hash lookup (a county's sheet asks about 2,000 teachers a million times);
    /// a list changed since is searched in full again, so the index is never wrong.
    void index();

  private:
    std::shared_ptr<const std::unordered_map<std::string, size_t>> index_;
};

/// One school of a county manifest: a tree on disk, or a repository at a ref.
struct CountySchool {
    std::string path;  // a tree's directory, relative to the manifest
    std::string git;   // or a repository, bare or not, relative to the manifest
    std::string ref;   // the branch, tag or commit of `git` to read (default HEAD)
    Extras extras;
};

/// county.yaml: the schools a county office reports over.
struct County {
    std::string county;
    std::vector<CountySchool> schools;
    Extras extras;
};

struct Term {
    std::string name;
    std::optional<Date> from;
    std::optional<Date> to;
    /// The month (1-12) of this term from which monthly talks, and family calls, are owed: the
    /// seed's plan opens the 亲情电话 line in April. Unset: from the term's first month.
    std::optional<int> talks_from;
    std::optional<int> family_calls_from;
    Extras extras;
};

struct LeadingGroup {
    std::string leader;
    std::vector<std::string> deputies;
    std::vector<std::string> members;
    Extras extras;
};

/// A yearly event such as 六一; `date` is `MM-DD`.
struct Event {
    std::string name;
    std::string date;
    Extras extras;
};

/// The school's cadences; they differ from school to school.
struct Rules {
    int talks_per_month = 1;
    int family_calls_per_month = 1;
    int home_visits_per_term = 1;
    int guardian_meetings_per_term = 1;
    std::vector<int> months_without_talks = {1, 2, 7, 8};
    std::string language = "zh";
    Extras extras;
};

/// activities/<id>.yaml: one activity, with the children who took part as ids, resolved on its
/// day, so the record stays true when classes change.
struct Activity {
    int schema = 2;
    std::string id;
    std::optional<Date> date;
    std::optional<ActivityKind> kind;
    std::string title;
    std::vector<std::string> by;        // organisers: staff ids
    std::string participants;           // as asked: all, 3-2,4-1, or ids
    std::vector<std::string> children;  // the children enrolled that day it names
    std::string summary;
    Extras extras;
};

/// A task of a month's plan marked done (liushou plan done 2026-03 1).
struct PlanDone {
    std::string month;         // 2026-03: a month of the school year
    std::optional<int> task;   // the task's number in that month's plan, from 1
    std::optional<Date> date;  // the day it was done
    std::string note;
    /// What `plan done --amend` replaced (schema 2): on `date`, `field` (date or note) had
    /// been `was`. Kept for the record; the figures use the tick as it is now.
    std::vector<Change> changes;
    Extras extras;
};

/// A teacher's checklist sheet of a month logged back by log-talk --from (#46): which sheets
/// came back, for the checklist and the summary. Kept in liushou.yaml, committed and merged
/// like the plan's ticks (by month, teacher and file), not in .liushou/ (one machine's cache):
/// the coordinator who collects the sheets and whoever prints the summary may work in
/// different clones, and a re-cloned tree must still know which sheets came back.
struct ReturnedSheet {
    std::string month;         // 2026-03
    std::string teacher;       // staff id
    std::string name;          // the teacher's name on the sheet (the summary has no staff)
    std::string file;          // the file's name, without its folder
    std::optional<Date> date;  // the day it was logged (again, when it changed)
    std::optional<int> rows;   // rows of the list
    std::optional<int> owed;   // of them, marked 否 or left blank: still owed after it
    Extras extras;
};

/// liushou.yaml.
struct School {
    std::string school;
    std::string county;
    std::string school_year;  // 2025-2026
    /// Every write command commits the files it changed, as with --commit.
    bool git_commit = false;
    std::vector<Term> terms;
    LeadingGroup leading_group;
    std::map<int, std::vector<std::string>> plan;  // month (1..12) -> tasks
    std::vector<PlanDone> plan_done;               // the tasks ticked off, in month order
    std::vector<ReturnedSheet> returned_sheets;    // checklists logged back, in month order
    std::vector<Event> events;
    Rules rules;
    Extras extras;

    /// The first year of `school_year`, used for new ids (`2025-001`); 0 when unset.
    int start_year() const;
};

// ---- handles of a child's entries (#41) -------------------------------------------------

/// Which entry of a child's talks a handle names: the entry of `date`, or with `number` (from
/// 1) the number-th of the entries of that date in the file's order.
struct TalkHandle {
    Date date;
    int number = 0;  // 0: the date alone, which names its entry only when it has no other
};

/// The handle of talks[i], as `report child` shows it: its date when no other entry shares the
/// date, else the date and its place among them ("2026-03-10#2"). Files keep entries in date
/// order and a new one goes after those of its day, so adding an entry never changes another's
/// handle; only deleting an earlier entry of the same day does. "" for an entry with no date.
std::string talk_handle(const std::vector<Talk>& talks, size_t i);

/// "2026-03-10", "2026-03-10#2" (the date as people type it: 2026-3-10, 2026/3/10 …); nullopt,
/// with why in `error`, for anything else.
std::optional<TalkHandle> parse_talk_handle(std::string_view text, std::string& error);

/// The entries of `date`, in the file's order (their positions in `talks`).
std::vector<size_t> talks_of_day(const std::vector<Talk>& talks, const Date& date);

/// The position of the entry a handle names; nullopt, with why in `error` (the handles of the
/// day's entries when the date alone is not enough), when it names none.
std::optional<size_t> find_talk(const std::vector<Talk>& talks, const TalkHandle& handle,
                                std::string& error);

/// "2026-03-02#1 talk by T001, 2026-03-02#2 home_visit by T001": the entries at `at`, with
/// their handles, for a message asking which one.
std::string describe_talks(const std::vector<Talk>& talks, const std::vector<size_t>& at);

/// Deletes talks[i] unless a later entry closes its follow-up (that one would then close
/// nothing); "" when deleted, else why.
std::string delete_talk_at(std::vector<Talk>& talks, size_t i);

/// A new school's liushou.yaml: two terms, the seed's 二月…七月 plan, 元旦 / 五一 / 六一.
School default_school(const std::string& name, int start_year);

}  // namespace liushou
