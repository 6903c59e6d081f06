#include <doctest/doctest.h>

#include <map>

#include "liushou/import.hpp"
#include "liushou/schema.hpp"
#include "liushou/text.hpp"

using namespace liushou;

namespace {

const Date kToday{2026, 3, 15};

const ChildField& field(std::string_view key) {
    const ChildField* f = find_child_field(key);
    REQUIRE(f != nullptr);
    return *f;
}

Sheet sheet(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
    Sheet s;
    s.header = std::move(header);
    int row = 2;
    for (auto& cells : rows) {
        s.rows.push_back(Sheet::Row{row, row, std::move(cells)});
        ++row;
    }
    return s;
}

ColumnMap columns_of(const Sheet& s) {
    Problems problems;
    ColumnMap columns = map_columns(s.header, {}, {}, problems);
    REQUIRE(problems.empty());
    return columns;
}

}  // namespace

TEST_CASE("Chinese headers, English keys and dotted paths name the same field") {
    CHECK(find_child_field("姓名")->key == "name");
    CHECK(find_child_field("监护人电话")->key == "guardian_phone");
    CHECK(find_child_field("guardian_phone")->key == "guardian_phone");
    CHECK(find_child_field("guardian.phone")->key == "guardian_phone");
    CHECK(find_child_field("Guardian-Phone")->key == "guardian_phone");
    CHECK(find_child_field(" 父亲务工地址 ")->key == "father_work_place");
    CHECK(find_child_field("class")->key == "class");
    CHECK(find_child_field("班级")->key == "class");
    CHECK(find_child_field("学号")->key == "id");
    CHECK(find_child_field("support.key_child")->key == "key_child");
    CHECK(find_child_field("爱好") == nullptr);
}

TEST_CASE("every register header docs/registers.md and liushou-enroll(1) list is known") {
    for (const char* h :
         {"学号",         "姓名",           "性别",       "出生日期",   "身份证号",
          "民族",         "年级",           "班级",       "入学日期",   "留守类型",
          "是否寄宿",     "健康状况",       "家庭住址",   "父亲姓名",   "父亲电话",
          "父亲务工地址", "父亲单位电话",   "母亲姓名",   "母亲电话",   "母亲务工地址",
          "母亲单位电话", "监护人姓名",     "监护人关系", "监护人电话", "监护人职业",
          "监护人住址",   "监护人健康状况", "监护人年龄"}) {
        CAPTURE(h);
        CHECK(find_child_field(h) != nullptr);
    }
}

TEST_CASE("small numbers are read as schools write them") {
    CHECK(parse_small_number("3") == 3);
    CHECK(parse_small_number("三") == 3);
    CHECK(parse_small_number("三年级") == 3);
    CHECK(parse_small_number("3年级") == 3);
    CHECK(parse_small_number("(2)班") == 2);
    CHECK(parse_small_number("（2）班") == 2);
    CHECK(parse_small_number("二班") == 2);
    CHECK(parse_small_number("十") == 10);
    CHECK(parse_small_number("十二") == 12);
    CHECK(parse_small_number("二十") == 20);
    CHECK(parse_small_number("六十八岁") == 68);
    CHECK(parse_small_number("68岁") == 68);
    CHECK_FALSE(parse_small_number(""));
    CHECK_FALSE(parse_small_number("three"));
    CHECK_FALSE(parse_small_number("十十"));
    CHECK_FALSE(parse_small_number("3.5"));
}

TEST_CASE("a class is read in every way schools write one, and nothing else is") {
    using C = std::pair<int, int>;
    for (const char* text : {"3-2", " 3-2 ", "3－2", "３-２", "３－２", "3年级2班", "3年级(2)班",
                             "三年级二班", "三年级2班", "三年级（2）班", "三年二班", "3年2班",
                             "三(2)班", "三（2）班", "3（2）", "3(2)", "三年级二", "3—2"}) {
        CAPTURE(text);
        CHECK(parse_class(text) == C{3, 2});
    }
    CHECK(parse_class("六年级十二班") == C{6, 12});
    CHECK(parse_class("1-99") == C{1, 99});
    CHECK(parse_class("一(10)班") == C{1, 10});
    for (const char* text : {"", "2", "二班", "三年级", "3-", "-2", "7-1", "0-1", "3-0", "3-100",
                             "七年级一班", "3-2-1", "three-two", "3 2", "三年级二班班班"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_class(text));
    }
}

TEST_CASE("yes and no in Chinese and English") {
    CHECK(parse_yes_no("是") == true);
    CHECK(parse_yes_no("否") == false);
    CHECK(parse_yes_no("Yes") == true);
    CHECK(parse_yes_no("0") == false);
    CHECK_FALSE(parse_yes_no("也许"));
}

TEST_CASE("setting fields parses, checks and stores canonical values") {
    Child c;
    CHECK(set_child_field(c, field("性别"), "女", kToday).empty());
    CHECK(c.gender == Gender::female);
    CHECK(set_child_field(c, field("出生日期"), "2015年3月8日", kToday).empty());
    CHECK(get_child_field(c, field("birth_date")) == "2015-03-08");
    CHECK(set_child_field(c, field("留守类型"), "父亲外出", kToday).empty());
    CHECK(c.left_behind == LeftBehind::father_away);
    CHECK(set_child_field(c, field("年级"), "三年级", kToday).empty());
    CHECK(c.grade == 3);
    CHECK(set_child_field(c, field("是否寄宿"), "否", kToday).empty());
    CHECK(c.boarding == false);
    CHECK(set_child_field(c, field("母亲电话"), " 13912345678 ", kToday).empty());
    REQUIRE(c.parent("mother"));
    CHECK(c.parent("mother")->phone == "13912345678");
    CHECK(set_child_field(c, field("父亲姓名"), "王建国", kToday).empty());
    CHECK(c.parents.front().relation == "father");  // father first whatever the column order
    CHECK(set_child_field(c, field("资助"), "两免一补、营养餐", kToday).empty());
    CHECK(c.support.subsidies ==
          std::vector<std::string>{"two_exemptions_one_subsidy", "nutrition_meals"});
    CHECK(set_child_field(c, field("身份证号"), "11010519491231002x", kToday).empty());
    CHECK(c.id_number == "11010519491231002X");
}

TEST_CASE("bad values are refused with a reason that never repeats a phone") {
    Child c;
    CHECK(set_child_field(c, field("出生日期"), "2016-02-30", kToday) ==
          "\"2016-02-30\" is not a real date (2016-02 has 29 days)");
    CHECK(set_child_field(c, field("出生日期"), "2027-01-01", kToday) ==
          "2027-01-01 is in the future");
    CHECK(set_child_field(c, field("性别"), "未知", kToday) ==
          "\"未知\" is not 男/女 (male/female)");
    CHECK(set_child_field(c, field("年级"), "7", kToday) == "\"7\" is not a number from 1 to 6");
    CHECK(set_child_field(c, field("监护人年龄"), "-3", kToday) ==
          "\"-3\" is not a number from 0 to 120");
    const std::string phone = set_child_field(c, field("监护人电话"), "1381234", kToday);
    CHECK(phone == "not a mobile (11 digits) or landline number with area code");
    CHECK(set_child_field(c, field("父亲电话"), "1.38123E+10", kToday).find("scientific") !=
          std::string::npos);
    CHECK(set_child_field(c, field("学号"), "a/b", kToday).find("may hold only") !=
          std::string::npos);
    CHECK(c.id.empty());
}

TEST_CASE("the next id follows the highest of the year") {
    CHECK(next_child_id(2025, {}) == "2025-001");
    CHECK(next_child_id(2025, {"2025-001", "2025-007", "2024-100", "x"}) == "2025-008");
    CHECK(next_child_id(2025, {"2025-999"}) == "2025-1000");
    CHECK(next_child_id(2025, {"2025-abc"}) == "2025-001");
}

TEST_CASE("columns map in any order; unknown and doubled columns are named") {
    Problems problems;
    const ColumnMap columns =
        map_columns({"监护人电话", "姓名", "爱好", "name", ""}, {}, {}, problems);
    REQUIRE(columns.size() == 5);
    CHECK(columns[0]->key == "guardian_phone");
    CHECK(columns[1]->key == "name");
    CHECK(columns[2] == nullptr);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "爱好");
    CHECK(problems[0].col == 3);
    CHECK(problems[0].message ==
          "unknown column; map it with --map or skip it with --ignore-column");
    CHECK(problems[1].field == "name");
    CHECK(problems[1].message == "a second column for name (the first is column 2)");
}

TEST_CASE("--map and --ignore-column handle other headers") {
    Problems problems;
    const ColumnMap columns = map_columns({"学生姓名", "家长电话", "爱好"},
                                          {{"家长电话", "father_phone"}}, {"爱好"}, problems);
    CHECK(problems.empty());
    CHECK(columns[0]->key == "name");
    CHECK(columns[1]->key == "father_phone");
    CHECK(columns[2] == nullptr);

    Problems wrong;
    map_columns({"姓名", "电话"}, {{"电话", "telephone"}}, {}, wrong);
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].message == "--map sends this column to \"telephone\", which is not a field");
}

TEST_CASE("a sheet needs a name or an id column") {
    Problems problems;
    map_columns({"性别", "年级"}, {}, {}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "the sheet has neither a 姓名 (name) nor a 学号 (id) column");
}

TEST_CASE("an import adds new children with fresh ids and reports every bad row") {
    const Sheet s =
        sheet({"姓名", "出生日期", "监护人电话"}, {{"王小明", "2015-03-08", "13812345678"},
                                                   {"李华", "2016-02-30", "123"},
                                                   {"张三", "2014/5/6", ""},
                                                   {"", "2014-01-01", ""}});
    const ImportPlan plan =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(plan.problems.size() == 3);
    CHECK(plan.problems[0].field == "row 3, 出生日期");
    CHECK(plan.problems[0].line == 3);
    CHECK(plan.problems[0].col == 2);
    CHECK(plan.problems[1].field == "row 3, 监护人电话");
    CHECK(plan.problems[2].message == "a new child needs a name (姓名)");
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.rows[0].child.id == "2025-001");
    CHECK(plan.rows[1].child.id == "2025-002");
    CHECK(plan.rows[1].child.birth_date == Date{2014, 5, 6});
}

TEST_CASE("full-width ASCII and the ideographic space fold to ASCII, nothing else changes") {
    CHECK(fold_width("２０１５－０３－０８") == "2015-03-08");
    CHECK(fold_width("ＡＢｃ（１）！～") == "ABc(1)!~");
    CHECK(fold_width("王　小明") == "王 小明");
    CHECK(fold_width("三年级、二班。") == "三年级、二班。");  // CJK punctuation stays
    CHECK(fold_width("") == "");
    CHECK(fold_width("\xef\xbc") == "\xef\xbc");  // a cut sequence is left as it is
}

TEST_CASE("a register's values: 住校/走读, 父母双方外出, Excel serials and 单亲外出") {
    const Sheet s = sheet({"姓名", "出生年月", "留守类型", "住校", "父亲务工地址", "母亲务工地址"},
                          {{"甲", "42071", "父母双方外出", "住校", "", ""},
                           {"乙", "2015/3/8 0:00", "单亲外出", "走读", "深圳", ""},
                           {"丙", "２０１５－０３－０９", "单亲外出", "否", "", "东莞"}});
    const ImportPlan plan =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    CHECK(plan.problems.empty());
    REQUIRE(plan.rows.size() == 3);
    CHECK(plan.rows[0].child.birth_date == Date{2015, 3, 8});
    CHECK(plan.rows[0].child.left_behind == LeftBehind::both_parents);
    CHECK(plan.rows[0].child.boarding == true);
    CHECK(plan.rows[1].child.birth_date == Date{2015, 3, 8});
    CHECK(plan.rows[1].child.left_behind == LeftBehind::father_away);
    CHECK(plan.rows[1].child.boarding == false);
    CHECK(plan.rows[2].child.birth_date == Date{2015, 3, 9});
    CHECK(plan.rows[2].child.left_behind == LeftBehind::mother_away);

    // 单亲外出 with both or neither parent working away does not say which: kept as one_parent
    // (its own row in 基本情况, #39) with a warning on its cell; the register is imported.
    const Sheet unclear = sheet({"姓名", "出生日期", "留守类型", "父亲务工地址", "母亲务工地址"},
                                {{"丁", "2015-01-01", "单亲外出", "深圳", "东莞"},
                                 {"戊", "2015-01-02", "单亲外出", "", ""}});
    const ImportPlan kept = plan_import(unclear, columns_of(unclear), {}, false, 2025, kToday,
                                        false, LeftBehind::both_parents);
    REQUIRE(kept.problems.size() == 2);
    CHECK(kept.problems[0].field == "row 2, 留守类型");
    CHECK(kept.problems[0].severity == Severity::warning);
    CHECK(kept.problems[1].field == "row 3, 留守类型");
    REQUIRE(kept.rows.size() == 2);
    CHECK(kept.rows[0].child.left_behind == LeftBehind::one_parent);
    CHECK(kept.rows[1].child.left_behind == LeftBehind::one_parent);
    // A serial in the future is refused like any date; a small number is no serial.
    const Sheet bad = sheet({"姓名", "出生日期"}, {{"己", "60000"}, {"庚", "4207"}});
    const ImportPlan dates =
        plan_import(bad, columns_of(bad), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(dates.problems.size() == 2);
    CHECK(dates.problems[0].message == "2064-04-08 is in the future");
}

TEST_CASE("a blank 留守类型 is refused by row unless said; 否 is not left-behind (#39)") {
    const Sheet s = sheet({"姓名", "出生日期", "留守类型"}, {{"甲", "2015-01-01", "否"},
                                                             {"乙", "2015-01-02", ""},
                                                             {"丙", "2015-01-03", "非留守"},
                                                             {"丁", "2015-01-04", "不是留守"}});
    const ImportPlan refused = plan_import(s, columns_of(s), {}, false, 2025, kToday);
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].field == "row 3, 留守类型");
    CHECK(refused.problems[0].severity == Severity::error);
    CHECK(refused.problems[0].col == 3);
    const ImportPlan said =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    CHECK(said.problems.empty());
    REQUIRE(said.rows.size() == 4);
    CHECK(said.rows[0].child.left_behind == LeftBehind::none);
    CHECK(said.rows[1].child.left_behind == LeftBehind::both_parents);
    CHECK(said.rows[2].child.left_behind == LeftBehind::none);
    CHECK(said.rows[3].child.left_behind == LeftBehind::none);
    // An update's blank erases nothing (as every empty cell): the child keeps its type.
    std::vector<Child> existing;
    for (const auto& r : said.rows) existing.push_back(r.child);
    const ImportPlan again = plan_import(s, columns_of(s), existing, true, 2025, kToday, false,
                                         LeftBehind::both_parents);
    CHECK(again.problems.empty());
    // A sheet without the column leaves it blank on every row: refused once, at its header,
    // unless --blank-left-behind says what the rows are.
    const Sheet bare = sheet({"姓名", "出生日期"}, {{"戊", "2015-01-05"}, {"己", "2015-01-06"}});
    const ImportPlan old = plan_import(bare, columns_of(bare), {}, false, 2025, kToday);
    REQUIRE(old.problems.size() == 1);
    CHECK(old.problems[0].field == "row 1");
    CHECK(old.problems[0].message.find("no 留守类型 column") == 0);
    const ImportPlan told =
        plan_import(bare, columns_of(bare), {}, false, 2025, kToday, false, LeftBehind::none);
    CHECK(told.problems.empty());
    REQUIRE(told.rows.size() == 2);
    CHECK(told.rows[1].child.left_behind == LeftBehind::none);
}

TEST_CASE("footers are warned of and left out; a 序号 column is skipped") {
    const Sheet s = sheet({"序号", "姓名", "出生日期"}, {{"1", "甲", "2015-01-01"},
                                                         {"填表人：张老师", "", ""},
                                                         {"", "合计：1 人", ""},
                                                         {"2", "乙", "2015-01-02"}});
    Problems header;
    const ColumnMap columns = map_columns(s.header, {}, {}, header);
    CHECK(header.empty());
    CHECK(columns[0] == nullptr);
    const ImportPlan plan =
        plan_import(s, columns, {}, false, 2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(plan.problems.size() == 2);
    for (const auto& p : plan.problems) CHECK(p.severity == Severity::warning);
    CHECK(plan.problems[0].message == "\"填表人：张老师\" is a footer, not a child; not imported");
    CHECK(plan.problems[1].field == "row 4");
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.rows[1].child.name == "乙");
}

TEST_CASE("rows match by 学号, else 身份证号, else name and birth date") {
    Child a;
    a.id = "2025-001", a.name = "王芳", a.birth_date = Date{2015, 3, 8};
    a.id_number = "420821201503090023";  // the number holds the right day, 03-09
    // No 学号: the 身份证号 finds the child, and the row corrects the birth date.
    const Sheet by_number =
        sheet({"姓名", "出生日期", "身份证号"}, {{"王芳", "2015-03-09", "420821201503090023"}});
    const ImportPlan fixed = plan_import(by_number, columns_of(by_number), {a}, true, 2025, kToday,
                                         false, LeftBehind::both_parents);
    REQUIRE(fixed.rows.size() == 1);
    CHECK(fixed.rows[0].action == RowAction::update);
    CHECK(fixed.rows[0].child.id == "2025-001");
    CHECK(fixed.rows[0].child.birth_date == Date{2015, 3, 9});
    // Another 身份证号 with the same name and birth date: another child, said as a warning.
    const Sheet other =
        sheet({"姓名", "出生日期", "身份证号"}, {{"王芳", "2015-03-08", "420821201503080044"}});
    const ImportPlan second = plan_import(other, columns_of(other), {a}, false, 2025, kToday, false,
                                          LeftBehind::both_parents);
    REQUIRE(second.rows.size() == 1);
    CHECK(second.rows[0].action == RowAction::add);
    CHECK(second.rows[0].child.id != "2025-001");
    REQUIRE(second.problems.size() == 1);
    CHECK(second.problems[0].severity == Severity::warning);
    // Without either, name and birth date.
    const Sheet plain = sheet({"姓名", "出生日期", "健康状况"}, {{"王芳", "2015-03-08", "良好"}});
    Child b = a;
    b.id_number.clear();
    const ImportPlan matched = plan_import(plain, columns_of(plain), {b}, true, 2025, kToday, false,
                                           LeftBehind::both_parents);
    REQUIRE(matched.rows.size() == 1);
    CHECK(matched.rows[0].child.id == "2025-001");
    // Two rows of one name and birth date but two 学号: two children, a warning.
    const Sheet twins = sheet({"学号", "姓名", "出生日期"}, {{"2025-010", "李强", "2016-01-01"},
                                                             {"2025-011", "李强", "2016-01-01"}});
    const ImportPlan two = plan_import(twins, columns_of(twins), {}, false, 2025, kToday, false,
                                       LeftBehind::both_parents);
    CHECK(two.rows.size() == 2);
    REQUIRE(two.problems.size() == 1);
    CHECK(two.problems[0].severity == Severity::warning);
    CHECK(two.problems[0].message ==
          "same name and birth date as row 2, but another 学号: taken as another child");
}

TEST_CASE("a 班级 of 三(2)班 gives the grade too; a 年级 beside it must agree") {
    const Sheet s = sheet({"姓名", "出生日期", "班级"}, {{"王小明", "2015-03-08", "三(2)班"},
                                                         {"李华", "2015-04-01", "4-1"},
                                                         {"张三", "2015-05-01", "3"}});
    const ImportPlan plan =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    CHECK(plan.problems.empty());
    REQUIRE(plan.rows.size() == 3);
    CHECK(plan.rows[0].child.grade == 3);
    CHECK(plan.rows[0].child.class_no == 2);
    CHECK(plan.rows[1].child.grade == 4);
    CHECK(plan.rows[1].child.class_no == 1);
    CHECK(!plan.rows[2].child.grade);  // a number alone is a class number
    CHECK(plan.rows[2].child.class_no == 3);

    for (const bool grade_first : {true, false}) {
        const Sheet both = grade_first ? sheet({"姓名", "出生日期", "年级", "班级"},
                                               {{"王小明", "2015-03-08", "三年级", "三(2)班"},
                                                {"李华", "2015-04-01", "3", "四(1)班"}})
                                       : sheet({"姓名", "出生日期", "班级", "年级"},
                                               {{"王小明", "2015-03-08", "三(2)班", "三年级"},
                                                {"李华", "2015-04-01", "四(1)班", "3"}});
        CAPTURE(grade_first);
        const ImportPlan checked = plan_import(both, columns_of(both), {}, false, 2025, kToday,
                                               false, LeftBehind::both_parents);
        REQUIRE(checked.problems.size() == 1);
        CHECK(checked.problems[0].field == "row 3, 班级");
        CHECK(checked.problems[0].message == "class 四(1)班 is not of grade 3 given beside it");
        REQUIRE(checked.rows.size() == 1);
        CHECK(checked.rows[0].child.class_no == 2);
    }
}

TEST_CASE("re-importing the same rows changes nothing") {
    const Sheet s = sheet({"姓名", "出生日期", "年级"}, {{"王小明", "2015-03-08", "3"}});
    const ImportPlan first =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(first.rows.size() == 1);
    const ImportPlan again = plan_import(s, columns_of(s), {first.rows[0].child}, false, 2025,
                                         kToday, false, LeftBehind::both_parents);
    CHECK(again.problems.empty());
    REQUIRE(again.rows.size() == 1);
    CHECK(again.rows[0].action == RowAction::unchanged);
}

TEST_CASE("a changed row needs --update, which matches by id or by name and birth date") {
    Child existing;
    existing.id = "2025-004";
    existing.name = "王小明";
    existing.birth_date = Date{2015, 3, 8};
    existing.grade = 3;
    existing.health = "良好";
    const Sheet by_person =
        sheet({"姓名", "出生日期", "年级", "健康状况"}, {{"王小明", "2015-03-08", "4", ""}});
    const ImportPlan refused = plan_import(by_person, columns_of(by_person), {existing}, false,
                                           2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].message ==
          "child 2025-004 already exists and this row changes grade; import with --update to "
          "change it");

    const ImportPlan updated = plan_import(by_person, columns_of(by_person), {existing}, true, 2025,
                                           kToday, false, LeftBehind::both_parents);
    REQUIRE(updated.rows.size() == 1);
    CHECK(updated.rows[0].action == RowAction::update);
    CHECK(updated.rows[0].changed == std::vector<std::string>{"grade"});
    CHECK(updated.rows[0].child.grade == 4);
    CHECK(updated.rows[0].child.health == "良好");  // an empty cell erases nothing

    const Sheet by_id = sheet({"学号", "姓名"}, {{"2025-004", "王晓明"}});
    const ImportPlan renamed = plan_import(by_id, columns_of(by_id), {existing}, true, 2025, kToday,
                                           false, LeftBehind::both_parents);
    REQUIRE(renamed.rows.size() == 1);
    CHECK(renamed.rows[0].child.id == "2025-004");
    CHECK(renamed.rows[0].child.name == "王晓明");
}

TEST_CASE("the same child twice in one sheet is an error") {
    const Sheet s = sheet({"学号", "姓名", "出生日期"}, {{"A1", "王小明", "2015-03-08"},
                                                         {"A1", "李华", "2015-03-09"},
                                                         {"", "王小明", "2015-03-08"}});
    const ImportPlan plan =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(plan.problems.size() == 2);
    CHECK(plan.problems[0].message == "id A1 is also on row 2");
    CHECK(plan.problems[1].message == "the same child (name and birth date) is on row 2");
}

TEST_CASE("an id number must agree with the row's birth date and gender") {
    const std::string first17 = "42082120150308123";
    const std::string number = first17 + id_number_check_char(first17);
    const Sheet s =
        sheet({"姓名", "性别", "出生日期", "身份证号"}, {{"王小明", "女", "2015-03-08", number}});
    const ImportPlan plan =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(plan.problems.size() == 1);
    CHECK(plan.problems[0].field == "row 2, 身份证号");
    CHECK(plan.problems[0].message == "digit 17 says male but gender is female");
}

TEST_CASE("ids given in the sheet are kept and new ids skip them") {
    const Sheet s = sheet({"学号", "姓名"}, {{"", "甲"}, {"2025-001", "乙"}});
    const ImportPlan plan =
        plan_import(s, columns_of(s), {}, false, 2025, kToday, false, LeftBehind::both_parents);
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.rows[0].child.id == "2025-002");
    CHECK(plan.rows[1].child.id == "2025-001");
}

TEST_CASE("every settable field is a path of the child's schema, and reads back what was set") {
    // The table names paths only; storage goes through schema.hpp. A path that the schema
    // does not have (a typo, a field renamed there) fails here, not silently at run time.
    const std::map<FieldKind, std::string> sample = {
        {FieldKind::id, "2025-900"},       {FieldKind::text, "文字"},
        {FieldKind::phone, "13912345678"}, {FieldKind::id_number, "11010519491231002X"},
        {FieldKind::date, "2015-03-08"},   {FieldKind::grade, "3"},
        {FieldKind::class_no, "2"},        {FieldKind::age, "66"},
        {FieldKind::gender, "male"},       {FieldKind::left_behind, "both_parents"},
        {FieldKind::boolean, "yes"},       {FieldKind::list, "a, b"},
        {FieldKind::entry, "transfer"},
    };
    for (const ChildField& f : child_fields()) {
        CAPTURE(f.path);
        Child c;
        CHECK(schema::at_child_path(c, f.path, true, [](auto&) {}));
        Child set;
        REQUIRE(set_child_field(set, f, sample.at(f.kind), kToday).empty());
        CHECK(get_child_field(set, f) == sample.at(f.kind));
        // And an empty value clears it again (an id is never cleared), leaving no empty parent.
        if (f.kind == FieldKind::id) continue;
        REQUIRE(set_child_field(set, f, "", kToday).empty());
        CHECK(get_child_field(set, f) == (f.path == "support.key_child" ? "no" : ""));
        CHECK(set.parents.empty());
    }
}

TEST_CASE(
    "a field is cleared by enroll --unset; a parent with nothing left goes; never id or name") {
    Child c;
    c.id = "A1", c.name = "甲";
    c.guardian.phone = "13812345678";
    c.boarding = true;
    c.support.subsidies = {"两免一补"};
    Parent mother;
    mother.relation = "mother", mother.work_place = "东莞";
    Parent father;
    father.relation = "father", father.name = "乙", father.work_place = "深圳";
    c.parents = {father, mother};
    for (const char* f :
         {"guardian_phone", "boarding", "资助", "母亲务工地址", "father_work_place"})
        CHECK(unset_child_field(c, *find_child_field(f)).empty());
    CHECK(c.guardian.phone.empty());
    CHECK(!c.boarding);
    CHECK(c.support.subsidies.empty());
    REQUIRE(c.parents.size() == 1);  // the mother had only her work place
    CHECK(c.parents[0].name == "乙");
    CHECK(unset_child_field(c, *find_child_field("name")) == "name cannot be cleared");
    CHECK(unset_child_field(c, *find_child_field("id")) == "id cannot be cleared");
    CHECK(c.name == "甲");
}
