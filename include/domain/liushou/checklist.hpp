// A teacher's checklist to fill in (#46): the month's schedule cut to one row per entry a
// teacher owes, and the rows a teacher filled in turned back into a talk sheet. Pure: the
// workbook is written in src/cli/schedule_sheets.cpp and read in src/cli/log_talk_sheet.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liushou/import.hpp"
#include "liushou/schedule.hpp"

namespace liushou {

/// One thing a teacher owes this month, as a row of the sheet.
struct ChecklistRow {
    int number = 0;  // from 1, in the sheet's order
    std::string item;  // 事项 as shown: 谈心, 亲情电话, 家访, 座谈会, 生日祝福, 跟进事项,
                       // 活动签到, 工作安排
    TalkKind kind = TalkKind::talk;  // the entry it asks for (the teacher may pick another)
    ChildRef child;
    std::string note;            // 说明: how many are done, the follow-up's words
    std::optional<Date> closes;  // a follow-up row: the day of the entry it closes
    std::string key;             // 编号 (checklist_key)
};

/// The sheet of one teacher: whose, which month and school, and its rows.
struct Checklist {
    std::string school;
    Month month;
    std::string teacher;  // staff id
    std::vector<ChecklistRow> rows;
};

/// The rows `teacher` owes in `schedule` (built for that teacher alone): for each child, one
/// row per talk, family call, home visit or meeting still short, a birthday greeting not yet
/// given, and each open follow-up; each child of an activity of the month whose attendance is
/// not yet recorded (活动签到: 说明 is the activity's day and title); then each task of the
/// month's plan not yet ticked off.
Checklist teacher_checklist(const Schedule& schedule, const std::string& school,
                            const std::string& teacher);

/// A row's 编号: month, teacher, number and a check over the school and what the row was made
/// for (item, 学号, 姓名), so that a changed 学号 or 姓名, or a sheet of another school, shows
/// even in a sheet saved as CSV (which keeps no hidden sheet). "2026-03/T01/4/1f0c9a2e".
std::string checklist_key(const std::string& school, const Month& month, const std::string& teacher,
                          int number, const std::string& item, const std::string& id,
                          const std::string& name);

/// The columns of a checklist sheet, in order; the first six are the list's own, locked.
const std::vector<std::string>& checklist_header();
/// Whether a sheet's header is a checklist's (it has 编号 and 完成).
bool is_checklist_header(const std::vector<std::string>& header);

/// What a returned sheet says of itself: from its hidden sheet (a workbook) or, in a CSV,
/// only from its 编号 cells.
struct ChecklistBase {
    std::string school;  // "" when unknown (CSV)
    std::optional<Month> month;
    std::string teacher;
};

/// A task of the month's plan marked done on a returned sheet.
struct PlanTick {
    int row = 0;   // the sheet's
    int task = 0;  // its number in the month's plan, from 1
    std::string date, note;
};

/// A 活动签到 row marked 是: the child was at the activity of `day` called `title` (its 说明).
struct AttendanceTick {
    int row = 0;  // the sheet's
    std::string child;
    Date day;
    std::string title;
};

/// A returned sheet read back (checklist_talk_sheet).
struct ReturnedChecklist {
    /// A talk sheet (学号, 姓名, 日期, 类型, 教师, 内容, 情绪, 跟进事项) with the sheet's row
    /// numbers.
    Sheet talks;
    std::vector<std::optional<Date>> closes;  // for each talk row, the follow-up it closes
    std::optional<Month> month;
    std::string teacher;
    std::vector<PlanTick> ticks;             // the plan's tasks marked 是
    std::vector<AttendanceTick> attendance;  // activities' attendance marked 是
    int listed = 0;                          // rows of the list (with an 编号)
    int still_owed = 0;                      // of them, marked 否 or left blank
};

/// A returned sheet as the talk sheet it stands for, for log-talk's import: each row marked
/// 是 and each extra row filled in. Rows marked 否 or left blank are still owed and left out.
/// A row whose locked cells were changed, of another list, or dated outside the month is a
/// problem in `out`.
ReturnedChecklist checklist_talk_sheet(const SheetRows& sheet, const ChecklistBase& base,
                                       const std::string& school, Problems& out);

/// Adds each child of `ticks` to the `children` of its activity among `activities` (the one of
/// its day and title; of several, the first by id), once: a child already listed (the sheet
/// logged before, or another teacher's) is counted in `repeated`. A row whose activity is no
/// longer on file is a problem naming the row. Returns the indexes of the activities changed.
std::vector<size_t> record_attendance(std::vector<Activity>& activities,
                                      const std::vector<AttendanceTick>& ticks, size_t& added,
                                      size_t& repeated, Problems& problems);

/// Notes in `school` that the sheet `file` (its name, no folder) of `returned` came back on
/// `today`, with the teacher's `name`: one entry per month, teacher and file, in month order.
/// Logged again, it changes only when its rows or rows owed differ (then dated `today`).
/// Returns whether liushou.yaml changes.
bool note_returned(School& school, const ReturnedChecklist& returned, const std::string& name,
                   const std::string& file, const Date& today);

}  // namespace liushou
