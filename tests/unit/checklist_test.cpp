#include "liushou/checklist.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace liushou;

namespace {

const std::string kSchool = "孙桥小学";
const Month kMarch{2028, 3};

/// A returned sheet: the checklist header and rows given as 完成, 日期, 类型, 内容 after the
/// list's own cells (编号, 事项, 学号, 姓名) made as schedule makes them.
struct Row {
    int number;  // 0: an extra row
    std::string item, id, name, done, date, kind, summary;
};

HeldSheet sheet_of(const std::vector<Row>& rows, const std::string& teacher = "T001",
                   const Month& month = kMarch) {
    Sheet s;
    s.header = checklist_header();
    int at = 2;
    for (const Row& r : rows) {
        const std::string key =
            r.number ? checklist_key(kSchool, month, teacher, r.number, r.item, r.id, r.name) : "";
        s.rows.push_back(Sheet::Row{at,
                                    at,
                                    {key, r.item, r.id, r.name, "四年级2班", "", r.done, r.date,
                                     r.kind, r.summary, "", ""}});
        ++at;
    }
    return HeldSheet(std::move(s));
}

}  // namespace

TEST_CASE("checklist_key: stable, and changed by the school, the item or the child") {
    const std::string key = checklist_key(kSchool, kMarch, "T001", 4, "谈心", "A1", "王小明");
    CHECK(key.rfind("2028-03/T001/4/", 0) == 0);
    CHECK(key == checklist_key(kSchool, kMarch, "T001", 4, "谈心", " A1 ", "王小明"));
    CHECK(key != checklist_key("别的小学", kMarch, "T001", 4, "谈心", "A1", "王小明"));
    CHECK(key != checklist_key(kSchool, kMarch, "T001", 4, "家访", "A1", "王小明"));
    CHECK(key != checklist_key(kSchool, kMarch, "T001", 4, "谈心", "A1", "王小名"));
    CHECK(key != checklist_key(kSchool, kMarch, "T001", 5, "谈心", "A1", "王小明"));
}

TEST_CASE("a returned checklist: 是 rows and filled extra rows are talks, 否 and blank owed") {
    const HeldSheet sheet = sheet_of({
        {1, "谈心", "A1", "王小明", "是", "2028-03-05", "", "谈了学习"},
        {2, "家访", "A1", "王小明", "否", "", "", ""},
        {3, "亲情电话", "A2", "李华", "", "", "", ""},
        {4, "生日祝福", "A2", "李华", "√", "2028/3/8", "", "贺卡"},
        {0, "", "A2", "李华", "", "2028-03-15", "谈心", "课间"},
        {0, "", "", "", "", "", "", ""},
    });
    Problems problems;
    const ReturnedChecklist back = checklist_talk_sheet(sheet, {}, kSchool, problems);
    REQUIRE(problems.empty());
    CHECK(back.listed == 4);
    CHECK(back.still_owed == 2);
    CHECK(back.teacher == "T001");
    REQUIRE(back.month);
    CHECK(back.month->iso() == "2028-03");
    REQUIRE(back.talks.rows.size() == 3);
    CHECK(back.talks.rows[0].row == 2);
    CHECK(back.talks.rows[0].cells == std::vector<std::string>{"A1", "王小明", "2028-03-05", "talk",
                                                               "T001", "谈了学习", "", ""});
    CHECK(back.talks.rows[1].cells[3] == "greeting");  // the item's kind when 类型 is blank
    CHECK(back.talks.rows[2].row == 6);
    CHECK(back.talks.rows[2].cells[3] == "谈心");
    CHECK(back.closes.size() == 3);
}

TEST_CASE("a returned checklist: changed cells, bad 完成, other months and mixed lists refused") {
    HeldSheet changed = sheet_of({{1, "谈心", "A1", "王小明", "是", "2028-03-05", "", "x"}});
    Sheet::Row row;
    changed.row(0, row);
    Sheet edited;
    edited.header = changed.header();
    row.cells[3] = "王小名";  // the name, after the key was made
    edited.rows.push_back(row);
    Problems problems;
    checklist_talk_sheet(HeldSheet(edited), {}, kSchool, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].field == "row 2, 姓名");

    problems.clear();
    const HeldSheet bad = sheet_of({
        {1, "谈心", "A1", "王小明", "也许", "2028-03-05", "", "x"},
        {2, "谈心", "A2", "李华", "是", "2028-04-01", "", "x"},
        {3, "谈心", "A2", "李华", "是", "", "", "x"},
        {4, "家访", "A2", "李华", "", "2028-03-03", "", "x"},
    });
    const ReturnedChecklist back = checklist_talk_sheet(bad, {}, kSchool, problems);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].field == "row 2, 完成");
    CHECK(problems[1].field == "row 3, 日期");
    CHECK(problems[2].field == "row 4, 日期");
    CHECK(problems[3].field == "row 5, 完成");
    CHECK(back.talks.rows.empty());

    // A workbook's base says the month: a row of February's list is another list's.
    problems.clear();
    ChecklistBase base{kSchool, kMarch, "T001"};
    checklist_talk_sheet(
        sheet_of({{1, "谈心", "A1", "王小明", "是", "2028-02-05", "", "x"}}, "T001", {2028, 2}),
        base, kSchool, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "row 2, 编号");

    // Another school's sheet saved as CSV: every row fails its check.
    problems.clear();
    checklist_talk_sheet(sheet_of({{1, "谈心", "A1", "王小明", "是", "2028-03-05", "", "x"}}), {},
                         "别的小学", problems);
    CHECK(problems.size() == 1);
}

TEST_CASE("a returned checklist that lost a column is refused before any row") {
    Sheet s;
    s.header = checklist_header();
    s.header.pop_back();  // 跟进事项
    Problems problems;
    checklist_talk_sheet(HeldSheet(s), {}, kSchool, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "跟进事项");
    CHECK(is_checklist_header(s.header));
    CHECK_FALSE(is_checklist_header({"学号", "姓名", "日期", "完成"}));
}

TEST_CASE("a returned checklist: a task of the plan marked 是 is a tick, not a talk") {
    Sheet s;
    s.header = checklist_header();
    const std::string note = "任务 2：成立领导专班";
    const std::string key =
        checklist_key(kSchool, kMarch, "T001", 1, "工作安排", "", std::string("\n") + note);
    s.rows.push_back(Sheet::Row{
        2, 2, {key, "工作安排", "", "", "", note, "是", "2028-03-16", "", "开了会", "", ""}});
    Problems problems;
    const ReturnedChecklist back = checklist_talk_sheet(HeldSheet(s), {}, kSchool, problems);
    REQUIRE(problems.empty());
    CHECK(back.talks.rows.empty());
    REQUIRE(back.ticks.size() == 1);
    CHECK(back.ticks[0].task == 2);
    CHECK(back.ticks[0].row == 2);
    CHECK(back.ticks[0].date == "2028-03-16");
    CHECK(back.ticks[0].note == "开了会");

    // Its 说明 is under the check: another task's number is a changed row.
    s.rows[0].cells[5] = "任务 1：成立领导专班";
    checklist_talk_sheet(HeldSheet(s), {}, kSchool, problems);
    CHECK(problems.size() == 1);
}

namespace {

Child pupil(const std::string& id, int grade, int klass, const std::string& teacher) {
    Child c;
    c.id = id;
    c.name = "甲" + id;
    c.grade = grade;
    c.class_no = klass;
    c.enrolled_on = Date{2027, 9, 1};
    c.pairing.teacher = teacher;
    c.pairing.since = Date{2027, 9, 1};
    return c;
}

Activity meeting(const std::string& participants, std::vector<std::string> children,
                 Date day = Date{2028, 3, 11}) {
    Activity a;
    a.id = day.iso() + "-class_meeting-" + participants;
    a.date = day;
    a.kind = ActivityKind::class_meeting;
    a.title = "感恩母亲节主题班会";
    a.by = {"T009"};
    a.participants = participants;
    a.children = std::move(children);
    return a;
}

}  // namespace

TEST_CASE("an activity expects the children its participants name, enrolled on its day") {
    const Child c = pupil("A4", 4, 2, "T001");
    CHECK(activity_expects(meeting("4-2", {}), c));
    CHECK(activity_expects(meeting("all", {}), c));
    CHECK(activity_expects(meeting("3-1,4-2", {}), c));
    CHECK(activity_expects(meeting("A1 A4", {}), c));
    CHECK(activity_expects(meeting("甲A4", {}), c));  // by name, as activity add takes it
    CHECK_FALSE(activity_expects(meeting("3-1", {}), c));
    CHECK_FALSE(activity_expects(meeting("A44", {}), c));
    Child later = c;
    later.enrolled_on = Date{2028, 3, 12};  // came the day after
    CHECK_FALSE(activity_expects(meeting("all", {}), later));

    const std::vector<Activity> acts = {meeting("4-2", {"A1"}), meeting("4-2", {"A1", "A4"}),
                                        meeting("all", {}, Date{2028, 2, 20}),
                                        meeting("all", {}, Date{2028, 3, 25})};
    // Listed in the second: owed for the first only; February's is another month's, and the
    // one of the 25th is after the reference day.
    CHECK(attendance_owed(c, kMarch, Date{2028, 3, 20}, &acts) ==
          std::vector<std::string>{acts[0].id});
    CHECK(attendance_owed(c, kMarch, Date{2028, 3, 31}, &acts) ==
          std::vector<std::string>{acts[0].id, acts[3].id});
    CHECK(attendance_owed(c, kMarch, Date{2028, 3, 20}, nullptr).empty());
}

TEST_CASE("a checklist has a 活动签到 row for each attendance owed, the teacher's or organiser's") {
    const School school = default_school(kSchool, 2027);
    const std::vector<Child> children = {pupil("A1", 4, 2, "T001"), pupil("A4", 4, 2, "T001"),
                                         pupil("A5", 4, 2, "")};
    const std::vector<Activity> acts = {meeting("4-2", {"A1"})};
    ScheduleFilter mine;
    mine.teacher = "T001";
    const Schedule s = build_schedule(school, children, kMarch, Date{2028, 3, 20}, mine, &acts);
    REQUIRE(s.attendance.size() == 1);
    CHECK(s.attendance[0].child.id == "A4");
    CHECK(s.attendance[0].teacher == "T001");
    const Checklist list = teacher_checklist(s, kSchool, "T001");
    const auto row = std::find_if(list.rows.begin(), list.rows.end(),
                                  [](const ChecklistRow& r) { return r.item == "活动签到"; });
    REQUIRE(row != list.rows.end());
    CHECK(row->child.id == "A4");
    CHECK(row->note == "2028-03-11：感恩母亲节主题班会");
    // A5 has no teacher: the organiser answers for it.
    ScheduleFilter organiser;
    organiser.teacher = "T009";
    const Schedule o =
        build_schedule(school, children, kMarch, Date{2028, 3, 20}, organiser, &acts);
    REQUIRE(o.attendance.size() == 1);
    CHECK(o.attendance[0].child.id == "A5");
    CHECK(teacher_checklist(o, kSchool, "T009").rows.front().item == "活动签到");
}

TEST_CASE(
    "a returned 活动签到 row: 是 records the child once, 否 owes it, a lost activity refused") {
    const std::string note = "2028-03-11：感恩母亲节主题班会";
    auto row = [&](int number, const std::string& id, const std::string& done) {
        const std::string key =
            checklist_key(kSchool, kMarch, "T001", number, "活动签到", id, "甲" + id + "\n" + note);
        return Sheet::Row{
            number + 1,
            number + 1,
            {key, "活动签到", id, "甲" + id, "四年级2班", note, done, "", "", "", "", ""}};
    };
    Sheet s;
    s.header = checklist_header();
    s.rows = {row(1, "A4", "是"), row(2, "A5", "否")};
    Problems problems;
    const ReturnedChecklist back = checklist_talk_sheet(HeldSheet(s), {}, kSchool, problems);
    REQUIRE(problems.empty());
    CHECK(back.talks.rows.empty());  // no talk: an attendance, without a date
    CHECK(back.listed == 2);
    CHECK(back.still_owed == 1);
    REQUIRE(back.attendance.size() == 1);
    CHECK(back.attendance[0].child == "A4");
    CHECK(back.attendance[0].day == Date{2028, 3, 11});
    CHECK(back.attendance[0].title == "感恩母亲节主题班会");
    CHECK(back.attendance[0].row == 2);

    std::vector<Activity> acts = {meeting("4-2", {"A1", "A9"})};
    size_t added = 0, repeated = 0;
    CHECK(record_attendance(acts, back.attendance, added, repeated, problems) ==
          std::vector<size_t>{0});
    CHECK(acts[0].children == std::vector<std::string>{"A1", "A4", "A9"});
    CHECK(added == 1);
    // Again (the same sheet, or another teacher's with the same child): nothing added.
    CHECK(record_attendance(acts, back.attendance, added, repeated, problems).empty());
    CHECK(acts[0].children.size() == 3);
    CHECK(repeated == 1);
    // The activity renamed since: the row is named.
    acts[0].title = "感恩父亲节主题班会";
    CHECK(record_attendance(acts, back.attendance, added, repeated, problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].field == "row 2, 说明");
}

TEST_CASE("a returned sheet is noted once per month, teacher and file, in month order") {
    School school;
    ReturnedChecklist back;
    back.month = kMarch;
    back.teacher = "T001";
    back.listed = 15;
    back.still_owed = 7;
    CHECK(note_returned(school, back, "张老师", "张老师-2028-03.xlsx", Date{2028, 3, 20}));
    CHECK_FALSE(note_returned(school, back, "张老师", "张老师-2028-03.xlsx", Date{2028, 3, 21}));
    REQUIRE(school.returned_sheets.size() == 1);
    CHECK(school.returned_sheets[0].date == Date{2028, 3, 20});
    CHECK(school.returned_sheets[0].owed == 7);
    back.still_owed = 5;  // filled in further and given back again: its latest state
    CHECK(note_returned(school, back, "张老师", "张老师-2028-03.xlsx", Date{2028, 3, 24}));
    CHECK(school.returned_sheets.size() == 1);
    CHECK(school.returned_sheets[0].owed == 5);
    CHECK(school.returned_sheets[0].date == Date{2028, 3, 24});
    back.month = Month{2028, 2};  // February's, logged late: before March's
    CHECK(note_returned(school, back, "张老师", "二月.xlsx", Date{2028, 3, 24}));
    REQUIRE(school.returned_sheets.size() == 2);
    CHECK(school.returned_sheets[0].month == "2028-02");
    back.month.reset();  // a talk sheet: nothing to note
    CHECK_FALSE(note_returned(school, back, "张老师", "x.csv", Date{2028, 3, 24}));
}
