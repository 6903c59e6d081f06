// 结对帮扶 and 谈心: pairings over time, talk entries, follow-ups and the monthly talk sheet.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "liushou/import.hpp"
#include "liushou/records.hpp"
#include "liushou/validate.hpp"

namespace liushou {

// ---- pairing ---------------------------------------------------------------------------

/// Who was paired with the child on `day`: the current pairing from its `since` on, else the
/// history entry covering the day. nullopt when nobody was.
std::optional<PairingPeriod> pairing_on(const Child& child, const Date& day);

struct PairingChange {
    std::optional<std::string> teacher;
    std::optional<std::vector<std::string>> buddies;  // the whole set from `since`
    std::optional<std::string> proxy_parent;
    Date since;
};

/// Applies a new pairing. A different teacher, set of buddies or proxy parent from a later date
/// moves the current pairing to history, ending the day before; on the same date it corrects the
/// current pairing. Returns false when nothing changes; throws nothing, errors go to `out`.
bool repair(Child& child, const PairingChange& change, Problems& out);

/// The study buddies (学习帮手, "一个以上") a teacher named for `child`, each a child's id or a
/// name. A name that is exactly one child's of `children` becomes that child's id; a name no
/// child has stays as given (a classmate who is not left behind); a name several children
/// share is refused, listing them. An id must be a child's (`child_exists`). The child itself
/// is never its own buddy, by id or by name. Empty values are left out, a repeat kept once.
struct BuddyChoice {
    std::vector<std::string> buddies;
    std::vector<std::string> errors;
};
BuddyChoice resolve_buddies(const Child& child, const std::vector<std::string>& given,
                            const std::function<bool(std::string_view)>& child_exists,
                            const std::vector<Child>& children);

/// Appends a help plan (学习帮扶计划) unless the same one is there; false when it was.
bool add_plan(Child& child, const PlanItem& plan);
/// Appends a progress note (进步档案) unless the same one is there; false when it was.
bool add_progress(Child& child, const ProgressItem& progress);

/// Enrolled children per staff id (teachers with none included), for balancing.
std::map<std::string, int> teacher_load(const std::vector<Child>& children, const StaffList& staff);

struct Suggestion {
    std::string child_id;
    std::string teacher;
    std::string reason;  // "head_teacher" or "least_loaded"
};

/// A teacher for every enrolled child without one: the head teacher of the child's class
/// first, else the staff member (head teachers and teachers) with the fewest children so far.
std::vector<Suggestion> suggest_pairings(const std::vector<Child>& children,
                                         const StaffList& staff);

// ---- talks -----------------------------------------------------------------------------

/// An entry is the same talk as another when date, kind, teacher and summary agree; it is a
/// duplicate only when every other field agrees too.
bool same_talk(const Talk& a, const Talk& b);
/// The fields (mood, follow_up, closes, extra keys) in which two same talks differ.
std::vector<std::string> talk_differences(const Talk& a, const Talk& b);

enum class TalkAdd { added, duplicate, differs };
/// Adds a talk unless the same talk is on file: an identical one makes it a duplicate; one
/// that differs in other fields is left alone and named in `differs` (the caller refuses the
/// entry, or amends with `replace_talk`). Never drops a different entry silently.
TalkAdd add_talk(Child& child, const Talk& talk, std::vector<std::string>* differs = nullptr);

/// Replaces the one entry with the talk's date, kind and teacher (`--amend`); returns how many
/// such entries there were (only exactly one is replaced).
size_t replace_talk(Child& child, const Talk& talk);

/// Deletes the one entry of `day` (narrowed by kind and teacher when given): a wrong talk
/// taken back. Refused, with why, when none or several match, or when a later entry closes
/// its follow-up (that one would then close nothing). "" when deleted.
std::string delete_talk(Child& child, const Date& day, std::optional<TalkKind> kind,
                        const std::string& by);

/// Whether `closer` closes the follow-up of `opened`: it names the entry's date, and its kind
/// and teacher when it gives them, and is dated on or after it.
bool closes_follow_up(const Talk& closer, const Talk& opened);

/// Follow-ups not yet closed: a talk's `follow_up` stays open until a later entry names the
/// talk's date in `closes`. In date order. With `as_of`, as they stood on that day: entries
/// after it neither open nor close any.
std::vector<const Talk*> open_follow_ups(const Child& child,
                                         const std::optional<Date>& as_of = std::nullopt);

/// Checks of a talk against the child and staff: date not in the future nor before the
/// child enrolled, teacher known, summary given. Field names are those of the options.
void check_talk(const Talk& talk, const Child& child, const StaffList& staff, const Date& today,
                Problems& out);

/// The children of `children` called `name` (spaces around it ignored), in their order.
std::vector<const Child*> children_named(const std::vector<Child>& children, std::string_view name);
/// A child as a list of namesakes shows it: id, class, gender and birth date, so that two of
/// one name and class are told apart ("2025-003 (class 3-1, male, born 2016-05-01)").
std::string child_description(const Child& c);
/// Why a name several children share names none of them: each as child_description says it.
std::string shared_name_error(std::string_view name, const std::vector<const Child*>& named);

/// A staff member named by id or by a unique name; on failure, why in `error`.
const Staff* find_staff(const StaffList& staff, const std::string& id_or_name, std::string& error);

/// The monthly talk sheet: 学号 (or 姓名 when unique), 日期, 类型, 教师, 内容, 情绪, 跟进事项.
struct TalkRow {
    int row = 0;
    size_t child = 0;  // index into the children given
    Talk talk;
    bool duplicate = false;  // already on file, or earlier in the sheet
};

struct TalkImportPlan {
    std::vector<TalkRow> rows;
    Problems problems;
};

/// The whole sheet against children held in memory (tests, small sheets): talk_sheet's
/// passes one after the other.
TalkImportPlan plan_talk_import(const Sheet& sheet, const std::vector<Child>& children,
                                const StaffList& staff, const Date& today);

/// The children a sheet's rows are matched against: by id, and by name (names are added only
/// when some row needs them).
struct ChildIndex {
    explicit ChildIndex(std::vector<std::string> child_ids);
    /// Child i, by its name; a row naming several is told which ones (child_description).
    void add_name(size_t i, const Child& child) {
        by_name[child.name].push_back(i);
        described[i] = child_description(child);
    }
    std::vector<std::string> ids;
    std::unordered_map<std::string, size_t> by_id;
    std::unordered_map<std::string, std::vector<size_t>> by_name;
    std::unordered_map<size_t, std::string> described;
};

/// A talk sheet read in two passes, so that a county's sheet is never held as talks: first
/// each row to its child (child_of, with the teacher of the row looked up once per name),
/// then each child's rows together (plan_child), which may run for several children at
/// once. Problems name the row, the column and the line.
class TalkSheet {
  public:
    enum Col { kId, kName, kDate, kKind, kBy, kSummary, kMood, kFollowUp, kClass, kCount };
    /// Maps the header; unknown, doubled and missing columns are problems in `out`.
    TalkSheet(const std::vector<std::string>& header, const StaffList& staff, Problems& out);
    bool ok() const { return ok_; }
    /// Whether some row names its child by 姓名 alone (then children's names are needed).
    bool needs_names(const Sheet::Row& row) const;
    /// First pass: the child a row names, by 学号, or by 姓名 when one child has it; else its
    /// problem. Also looks up the row's teacher.
    std::optional<size_t> child_of(const Sheet::Row& row, const ChildIndex& children,
                                   Problems& out);
    /// The problems of a row whose child `id` turned out not to be there (a file that holds
    /// another id), as child_of would give them.
    void no_child(const Sheet::Row& row, const std::string& id, Problems& out) const;
    /// Second pass, for one child: its rows in sheet order checked on their own, against the
    /// child's file as it is and against each other. Repeats of a logged talk, or of an
    /// earlier row, are marked duplicate; a talk that repeats one with other details is a
    /// problem. Safe to call for several children at once.
    std::vector<TalkRow> plan_child(const Child& child, size_t index,
                                    const std::vector<Sheet::Row>& rows, const Date& today,
                                    Problems& out) const;

  private:
    std::string cell(const Sheet::Row& row, Col c) const;
    /// The row's cells as a talk, with the problems of the row alone.
    Talk talk_of(const Sheet::Row& row, Problems& out) const;
    void problem(const Sheet::Row& row, Col c, std::string message, Problems& out) const;
    std::vector<std::string> header_;
    std::vector<int> column_;
    const StaffList& staff_;
    std::map<std::string, std::pair<const Staff*, std::string>> teachers_;  // cell -> staff
    bool ok_ = false;
};

}  // namespace liushou
