#include "liushou/checklist.hpp"

#include <doctest/doctest.h>

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
