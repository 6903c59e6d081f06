#include "liushou/care.hpp"

#include <doctest/doctest.h>

using namespace liushou;

namespace {

const Date kToday{2026, 3, 15};

StaffList staff_of(std::initializer_list<Staff> members) {
    StaffList list;
    list.staff = members;
    return list;
}

Child child(const std::string& id, int grade = 3, int klass = 2) {
    Child c;
    c.id = id;
    c.name = "甲" + id;
    c.grade = grade;
    c.class_no = klass;
    c.enrolled_on = Date{2025, 9, 1};
    return c;
}

Talk talk(Date d, const std::string& summary, const std::string& follow_up = "") {
    Talk t;
    t.date = d;
    t.by = "T001";
    t.summary = summary;
    t.follow_up = follow_up;
    return t;
}

Sheet talk_sheet(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
    Sheet s;
    s.header = std::move(header);
    int n = 2;
    for (auto& r : rows) s.rows.push_back(Sheet::Row{n, n, r}), ++n;
    return s;
}

using Buddies = std::vector<std::string>;

}  // namespace

TEST_CASE("re-pairing moves the old pairing to history, ending the day before") {
    Child c = child("A1");
    Problems problems;
    CHECK(
        repair(c, PairingChange{"T001", Buddies{"B1"}, std::nullopt, Date{2025, 9, 1}}, problems));
    CHECK(repair(c, PairingChange{"T002", std::nullopt, std::nullopt, Date{2026, 3, 1}}, problems));
    CHECK(problems.empty());
    CHECK(c.pairing.teacher == "T002");
    CHECK(c.pairing.buddies == Buddies{"B1"});  // kept when not given
    REQUIRE(c.pairing.history.size() == 1);
    CHECK(c.pairing.history[0].teacher == "T001");
    CHECK(c.pairing.history[0].from == Date{2025, 9, 1});
    CHECK(c.pairing.history[0].to == Date{2026, 2, 28});
}

TEST_CASE("a pairing given again on the same day corrects it; the same pairing changes nothing") {
    Child c = child("A1");
    Problems problems;
    repair(c, PairingChange{"T001", std::nullopt, std::nullopt, Date{2026, 3, 1}}, problems);
    CHECK(repair(c, PairingChange{"T002", std::nullopt, std::nullopt, Date{2026, 3, 1}}, problems));
    CHECK(c.pairing.history.empty());
    CHECK(c.pairing.teacher == "T002");
    CHECK_FALSE(
        repair(c, PairingChange{"T002", std::nullopt, std::nullopt, Date{2026, 3, 9}}, problems));
    CHECK(problems.empty());
}

TEST_CASE("a pairing cannot start before the current one or before enrolment, nor lack a teacher") {
    Child c = child("A1");
    Problems before_enrolment;
    CHECK_FALSE(repair(c, PairingChange{"T001", std::nullopt, std::nullopt, Date{2025, 1, 1}},
                       before_enrolment));
    CHECK(before_enrolment.at(0).message == "2025-01-01 is before the child enrolled (2025-09-01)");
    Problems none;
    repair(c, PairingChange{"T001", std::nullopt, std::nullopt, Date{2026, 3, 1}}, none);
    Problems earlier;
    CHECK_FALSE(
        repair(c, PairingChange{"T002", std::nullopt, std::nullopt, Date{2026, 2, 1}}, earlier));
    CHECK(earlier.at(0).message == "2026-02-01 is before the current pairing began (2026-03-01)");
    Child lone = child("A2");
    Problems no_teacher;
    CHECK_FALSE(
        repair(lone, PairingChange{std::nullopt, Buddies{"B1"}, std::nullopt, kToday}, no_teacher));
    CHECK(no_teacher.at(0).field == "teacher");
}

TEST_CASE("who was paired on a day answers from the current pairing and the history") {
    Child c = child("A1");
    Problems problems;
    repair(c, PairingChange{"T001", Buddies{"B1"}, std::nullopt, Date{2025, 9, 1}}, problems);
    repair(c, PairingChange{"T002", Buddies{"B2"}, std::nullopt, Date{2026, 1, 1}}, problems);
    repair(c, PairingChange{"T003", std::nullopt, std::nullopt, Date{2026, 3, 1}}, problems);
    CHECK_FALSE(pairing_on(c, Date{2025, 8, 31}));
    CHECK(pairing_on(c, Date{2025, 9, 1})->teacher == "T001");
    CHECK(pairing_on(c, Date{2025, 12, 31})->buddies == Buddies{"B1"});
    CHECK(pairing_on(c, Date{2026, 1, 1})->teacher == "T002");
    CHECK(pairing_on(c, Date{2026, 2, 28})->teacher == "T002");
    CHECK(pairing_on(c, Date{2026, 3, 1})->teacher == "T003");
    CHECK(pairing_on(c, Date{2026, 3, 1})->buddies == Buddies{"B2"});
    CHECK(pairing_on(c, Date{2030, 1, 1})->teacher == "T003");
    CHECK_FALSE(pairing_on(child("A9"), kToday));
}

TEST_CASE("a new set of buddies from a later day moves the old set to history") {
    Child c = child("A1");
    Problems problems;
    CHECK(repair(c, PairingChange{"T001", Buddies{"B1", "B2"}, std::nullopt, Date{2025, 9, 1}},
                 problems));
    CHECK(repair(c,
                 PairingChange{std::nullopt, Buddies{"B2", "B3"}, std::nullopt, Date{2026, 3, 1}},
                 problems));
    CHECK(problems.empty());
    CHECK(c.pairing.teacher == "T001");
    CHECK(c.pairing.buddies == Buddies{"B2", "B3"});
    REQUIRE(c.pairing.history.size() == 1);
    CHECK(c.pairing.history[0].buddies == Buddies{"B1", "B2"});
    CHECK(pairing_on(c, Date{2026, 2, 28})->buddies == Buddies{"B1", "B2"});
    // The same set again changes nothing; an empty set from a later day ends them.
    CHECK_FALSE(
        repair(c, PairingChange{std::nullopt, Buddies{"B2", "B3"}, std::nullopt, Date{2026, 4, 1}},
               problems));
    CHECK(repair(c, PairingChange{std::nullopt, Buddies{}, std::nullopt, Date{2026, 5, 1}},
                 problems));
    CHECK(c.pairing.buddies.empty());
    CHECK(c.pairing.history.back().buddies == Buddies{"B2", "B3"});
}

TEST_CASE("buddies given by id or name: unique names become ids, never the child itself") {
    Child me = child("2025-001");
    me.name = "王芳";
    std::vector<Child> all = {me, child("2025-002"), child("2025-003"), child("2025-004")};
    all[1].name = "李明", all[1].grade = 3, all[1].class_no = 2;
    all[2].name = "张伟", all[2].grade = 3, all[2].class_no = 1;
    all[3].name = "张伟", all[3].grade = 4, all[3].class_no = 2;
    all[2].gender = Gender::male, all[2].birth_date = Date{2016, 5, 1};
    const auto exists = [&](std::string_view id) {
        for (const auto& c : all)
            if (c.id == id) return true;
        return false;
    };
    auto pick = [&](std::vector<std::string> given) {
        return resolve_buddies(me, given, exists, all);
    };

    // An id of a child, a unique name (to its id), a classmate not in the file (kept as given).
    BuddyChoice ok = pick({"2025-003", " 李明 ", "陈小红"});
    CHECK(ok.errors.empty());
    CHECK(ok.buddies == Buddies{"2025-003", "2025-002", "陈小红"});
    // The same buddy twice, by id and by name, is one buddy; empty values are left out.
    ok = pick({"2025-002", "李明", "", "　"});
    CHECK(ok.errors.empty());
    CHECK(ok.buddies == Buddies{"2025-002"});
    CHECK(pick({}).buddies.empty());

    const BuddyChoice shared = pick({"张伟"});
    CHECK(shared.buddies.empty());
    REQUIRE(shared.errors.size() == 1);
    CHECK(shared.errors[0] ==
          "张伟 is the name of 2 children: 2025-003 (class 3-1, male, born 2016-05-01), "
          "2025-004 (class 4-2, gender not recorded, birth date not recorded); give the id");

    for (const std::string self : {"2025-001", "王芳"}) {
        const BuddyChoice own = pick({self, "李明"});
        REQUIRE(own.errors.size() == 1);
        CHECK(own.errors[0] == self + ": a child cannot be their own buddy");
        CHECK(own.buddies == Buddies{"2025-002"});
    }
    const BuddyChoice unknown = pick({"2025-404"});
    REQUIRE(unknown.errors.size() == 1);
    CHECK(unknown.errors[0] == "no child 2025-404 (give a child's id or a classmate's name)");
}

TEST_CASE("plans and progress notes are not added twice") {
    Child c = child("A1");
    PlanItem plan{Date{2026, 3, 1}, Date{2026, 6, 30}, "数学辅导", "及格", {}};
    CHECK(add_plan(c, plan));
    CHECK_FALSE(add_plan(c, plan));
    plan.goal = "80 分";
    CHECK(add_plan(c, plan));
    ProgressItem note{Date{2026, 3, 10}, "进步", "数学", "72", {}};
    CHECK(add_progress(c, note));
    CHECK_FALSE(add_progress(c, note));
    // Every field the schema gives an entry counts, whichever one differs.
    for (auto change :
         {+[](ProgressItem& n) {
              n.date = Date{2026, 3, 11};
          },
          +[](ProgressItem& n) { n.note = "又进步"; }, +[](ProgressItem& n) { n.subject = "语文"; },
          +[](ProgressItem& n) { n.score = "80"; }}) {
        ProgressItem other = note;
        change(other);
        CHECK(add_progress(c, other));
    }
    // Unknown keys are not part of what a person asked to add.
    ProgressItem with_extra = note;
    with_extra.extras.emplace_back("x", "1");
    CHECK_FALSE(add_progress(c, with_extra));
    CHECK(c.pairing.plan.size() == 2);
    CHECK(c.pairing.progress.size() == 5);
}

TEST_CASE("suggestions prefer the class's head teacher, then the least loaded teacher") {
    const StaffList staff = staff_of({
        Staff{"T001", "校长", Role::leader, {}, {}, "", {}},
        Staff{"T002", "张老师", Role::head_teacher, 3, 2, "", {}},
        Staff{"T003", "李老师", Role::teacher, {}, {}, "", {}},
        Staff{"T004", "王老师", Role::head_teacher, 4, 1, "", {}},
    });
    std::vector<Child> children = {child("2025-1", 3, 2), child("2025-2", 5, 1),
                                   child("2025-10", 5, 1), child("2025-3", 5, 1),
                                   child("2025-4", 3, 2)};
    children[3].status = Status::transferred;  // not enrolled: never suggested
    children[4].pairing.teacher = "T003";      // already paired: counts towards T003's load
    const auto suggestions = suggest_pairings(children, staff);
    REQUIRE(suggestions.size() == 3);
    CHECK(suggestions[0].child_id == "2025-1");
    CHECK(suggestions[0].teacher == "T002");
    CHECK(suggestions[0].reason == "head_teacher");
    CHECK(suggestions[1].child_id == "2025-2");
    CHECK(suggestions[1].teacher == "T004");  // T002 has 1 and T003 has 1: T004 has none
    CHECK(suggestions[1].reason == "least_loaded");
    CHECK(suggestions[2].child_id == "2025-10");  // natural order: 2025-2 before 2025-10
    CHECK(suggestions[2].teacher == "T002");      // all have 1 now: the first by id
    const auto load = teacher_load(children, staff);
    CHECK(load.at("T001") == 0);
    CHECK(load.at("T003") == 1);
}

TEST_CASE("a follow-up stays open until a later entry closes it") {
    Child c = child("A1");
    c.talks = {talk(Date{2026, 3, 1}, "a", "跟进一"), talk(Date{2026, 3, 5}, "b", "跟进二"),
               talk(Date{2026, 3, 9}, "c")};
    CHECK(open_follow_ups(c).size() == 2);
    c.talks[2].closes = Date{2026, 3, 1};
    const auto open = open_follow_ups(c);
    REQUIRE(open.size() == 1);
    CHECK(open[0]->follow_up == "跟进二");
    // An entry dated before the follow-up does not close it.
    Talk early = talk(Date{2026, 3, 2}, "d");
    early.closes = Date{2026, 3, 5};
    c.talks.push_back(early);
    CHECK(open_follow_ups(c).size() == 1);
}

TEST_CASE("a closing entry that names kind and teacher closes exactly that follow-up") {
    Child c = child("A1");
    Talk visit = talk(Date{2026, 3, 10}, "b", "申请补助");
    visit.kind = TalkKind::home_visit;
    visit.by = "T002";
    c.talks = {talk(Date{2026, 3, 10}, "a", "联系母亲"), visit, talk(Date{2026, 3, 12}, "c")};
    c.talks[2].closes = Date{2026, 3, 10};
    c.talks[2].closes_kind = TalkKind::home_visit;
    CHECK(closes_follow_up(c.talks[2], c.talks[1]));
    CHECK_FALSE(closes_follow_up(c.talks[2], c.talks[0]));
    REQUIRE(open_follow_ups(c).size() == 1);
    CHECK(open_follow_ups(c)[0]->follow_up == "联系母亲");
    c.talks[2].closes_kind.reset();
    c.talks[2].closes_by = "T001";
    REQUIRE(open_follow_ups(c).size() == 1);
    CHECK(open_follow_ups(c)[0]->follow_up == "申请补助");
    c.talks[2].closes_by.clear();  // a version 1 closing names only the day: it closes both
    CHECK(open_follow_ups(c).empty());
}

TEST_CASE("the same talk twice is kept once; a different one is never dropped as a repeat") {
    Child c = child("A1");
    CHECK(add_talk(c, talk(Date{2026, 3, 1}, "a")) == TalkAdd::added);
    CHECK(add_talk(c, talk(Date{2026, 3, 1}, "a")) == TalkAdd::duplicate);
    Talk visit = talk(Date{2026, 3, 1}, "a");
    visit.kind = TalkKind::home_visit;
    CHECK(add_talk(c, visit) == TalkAdd::added);
    CHECK(c.talks.size() == 2);

    // Same day, teacher and summary, but a new mood and follow-up: not a duplicate.
    Talk moody = talk(Date{2026, 3, 1}, "a");
    moody.mood = Mood::low;
    moody.follow_up = "联系母亲";
    std::vector<std::string> differs;
    CHECK(add_talk(c, moody, &differs) == TalkAdd::differs);
    CHECK(differs == std::vector<std::string>{"mood", "follow_up"});
    CHECK(c.talks.size() == 2);
    Talk closing = talk(Date{2026, 3, 1}, "a");
    closing.closes = Date{2026, 2, 1};
    CHECK(talk_differences(c.talks[0], closing) == std::vector<std::string>{"closes"});
    closing.closes.reset();
    closing.extras = {{"place", "教室"}};
    CHECK(talk_differences(c.talks[0], closing) == std::vector<std::string>{"other keys"});
    // Another summary is another talk.
    CHECK(add_talk(c, talk(Date{2026, 3, 1}, "b")) == TalkAdd::added);

    // --amend replaces the one entry of that day, kind and teacher; not when it is ambiguous.
    Child d = child("A2");
    add_talk(d, talk(Date{2026, 3, 1}, "a"));
    CHECK(replace_talk(d, moody) == 1);
    CHECK(d.talks[0].mood == Mood::low);
    CHECK(replace_talk(d, talk(Date{2026, 3, 2}, "a")) == 0);
    add_talk(d, talk(Date{2026, 3, 1}, "c"));
    CHECK(replace_talk(d, talk(Date{2026, 3, 1}, "x")) == 2);
    CHECK(d.talks[0].summary == "a");
}

TEST_CASE("talk checks: dates, teacher, summary and what is closed") {
    const StaffList staff = staff_of({Staff{"T001", "张老师", Role::teacher, {}, {}, "", {}}});
    Child c = child("A1");
    Problems ok;
    check_talk(talk(Date{2026, 3, 1}, "a"), c, staff, kToday, ok);
    CHECK(ok.empty());
    Talk bad = talk(Date{2025, 8, 1}, "");
    bad.by = "T404";
    bad.closes = Date{2025, 7, 1};
    Problems problems;
    check_talk(bad, c, staff, kToday, problems);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].message == "2025-08-01 is before the child enrolled (2025-09-01)");
    CHECK(problems[1].message == "teacher T404 is not in staff.yaml");
    CHECK(problems[2].field == "summary");
    CHECK(problems[3].message == "no open follow-up from 2025-07-01");
    Problems future;
    check_talk(talk(Date{2026, 3, 16}, "a"), c, staff, kToday, future);
    CHECK(future.at(0).message == "2026-03-16 is in the future");
}

TEST_CASE("staff are found by id or by a unique name") {
    const StaffList staff = staff_of({Staff{"T001", "张老师", {}, {}, {}, "", {}},
                                      Staff{"T002", "王老师", {}, {}, {}, "", {}},
                                      Staff{"T003", "王老师", {}, {}, {}, "", {}}});
    std::string error;
    CHECK(find_staff(staff, "T002", error)->id == "T002");
    CHECK(find_staff(staff, "张老师", error)->id == "T001");
    CHECK(find_staff(staff, "王老师", error) == nullptr);
    CHECK(error == "王老师 is the name of T002, T003; give the staff id");
    CHECK(find_staff(staff, "赵老师", error) == nullptr);
    CHECK(error == "no staff member 赵老师 in staff.yaml (give a staff id or name)");
}

TEST_CASE("staff are found as the reports show them: 王老师（T003）, 王老师 (T003)") {
    const StaffList staff = staff_of({Staff{"T001", "张老师", {}, {}, {}, "", {}},
                                      Staff{"T002", "王老师", {}, {}, {}, "", {}},
                                      Staff{"T003", "王老师", {}, {}, {}, "", {}}});
    std::string error;
    // Namesakes told apart by the id the report adds.
    CHECK(find_staff(staff, "王老师（T003）", error)->id == "T003");
    CHECK(find_staff(staff, "王老师 (T002)", error)->id == "T002");
    // The name must be the id's: a cell edited to another teacher is not taken either way.
    CHECK(find_staff(staff, "张老师（T003）", error) == nullptr);
    CHECK(error == "张老师（T003）: T003 is 王老师 in staff.yaml, not 张老师");
    CHECK(find_staff(staff, "张老师（T009）", error) == nullptr);
    CHECK(error == "no staff member 张老师（T009） in staff.yaml (give a staff id or name)");
    CHECK(find_staff(staff, "（T001）", error) == nullptr);
}

TEST_CASE("a talk sheet resolves children and teachers and reports every bad cell") {
    const StaffList staff = staff_of({Staff{"T001", "张老师", {}, {}, {}, "", {}}});
    std::vector<Child> children = {child("A1"), child("A2"), child("A3")};
    children[0].name = "王小明";
    children[1].name = "李华";
    children[2].name = "李华";
    children[0].talks = {talk(Date{2026, 3, 2}, "开学谈心")};
    const Sheet sheet = talk_sheet({"姓名", "日期", "类型", "教师", "内容", "情绪", "跟进事项"},
                                   {{"王小明", "2026/3/2", "谈心", "张老师", "开学谈心", "", ""},
                                    {"王小明", "2026-03-03", "家访", "T001", "家访", "好", "再访"},
                                    {"王小明", "2026-03-03", "家访", "T001", "家访", "好", "再访"},
                                    {"李华", "2026-03-03", "谈心", "T001", "x", "", ""},
                                    {"赵六", "2026-02-30", "聊天", "T009", "", "开心", ""}});
    const TalkImportPlan plan = plan_talk_import(sheet, children, staff, kToday);
    REQUIRE(plan.problems.size() == 6);
    CHECK(plan.problems[0].message ==
          "2 children are named 李华: A2 (class 3-2, gender not recorded, birth date not "
          "recorded), A3 (class 3-2, gender not recorded, birth date not recorded); use the 学号 "
          "column");
    CHECK(plan.problems[0].line == 5);
    CHECK(plan.problems[1].field == "row 6, 姓名");
    CHECK(plan.problems[2].field == "row 6, 日期");
    CHECK(plan.problems[3].field == "row 6, 类型");
    CHECK(plan.problems[4].field == "row 6, 教师");
    CHECK(plan.problems[5].field == "row 6, 情绪");
    REQUIRE(plan.rows.size() == 3);
    CHECK(plan.rows[0].duplicate);  // already on file
    CHECK_FALSE(plan.rows[1].duplicate);
    CHECK(plan.rows[1].talk.kind == TalkKind::home_visit);
    CHECK(plan.rows[1].talk.mood == Mood::good);
    CHECK(plan.rows[1].talk.follow_up == "再访");
    CHECK(plan.rows[2].duplicate);  // earlier in the sheet
}

TEST_CASE("an indexed staff list finds as the list does, even after the list changed") {
    StaffList staff = staff_of(
        {Staff{"T001", "张老师", {}, {}, {}, "", {}}, Staff{"T002", "王老师", {}, {}, {}, "", {}}});
    staff.index();
    CHECK(staff.find("T002")->name == "王老师");
    CHECK(staff.find("T009") == nullptr);
    staff.staff[1].id = "T009";  // changed in place: the index no longer says where
    CHECK(staff.find("T009")->name == "王老师");
    CHECK(staff.find("T002") == nullptr);
    staff.staff.push_back(Staff{"T003", "李老师", {}, {}, {}, "", {}});
    CHECK(staff.find("T003")->name == "李老师");
    staff.index();
    CHECK(staff.find("T003")->name == "李老师");
    CHECK(staff.find("T001")->name == "张老师");
}

TEST_CASE("a talk sheet needs its key columns") {
    const Sheet sheet = talk_sheet({"学号", "备注"}, {});
    const TalkImportPlan plan = plan_talk_import(sheet, {}, StaffList{}, kToday);
    REQUIRE(plan.problems.size() == 4);
    CHECK(plan.problems[0].message.find("unknown column") == 0);
    CHECK(plan.problems[1].message == "the sheet has no 日期 (date) column");
}

TEST_CASE(
    "an entry is deleted by its day, narrowed by kind and teacher; never one a later closes") {
    Child c = child("A1");
    Talk a = talk(Date{2026, 3, 2}, "谈心", "联系母亲"), b = talk(Date{2026, 3, 2}, "家访");
    a.by = "T001", b.by = "T002", b.kind = TalkKind::home_visit;
    Talk closer = talk(Date{2026, 3, 9}, "已联系");
    closer.closes = Date{2026, 3, 2};
    c.talks = {a, b, closer};
    CHECK(delete_talk(c, Date{2026, 3, 2}, std::nullopt, "") ==
          "A1 has 2 entries of 2026-03-02 (talk by T001, home_visit by T002); say which with "
          "--kind or --by");
    CHECK(delete_talk(c, Date{2026, 3, 2}, TalkKind::talk, "") ==
          "the entry of 2026-03-09 closes its follow-up; delete that one first");
    CHECK(delete_talk(c, Date{2026, 3, 5}, std::nullopt, "") ==
          "A1 has no entry of 2026-03-05 to delete");
    CHECK(c.talks.size() == 3);  // nothing changed so far
    CHECK(delete_talk(c, Date{2026, 3, 2}, std::nullopt, "T002").empty());
    REQUIRE(c.talks.size() == 2);
    CHECK(c.talks[0].kind == TalkKind::talk);
    CHECK(delete_talk(c, Date{2026, 3, 9}, std::nullopt, "").empty());
    CHECK(delete_talk(c, Date{2026, 3, 2}, std::nullopt, "").empty());
    CHECK(c.talks.empty());
}

TEST_CASE("namesakes are told apart by class, gender and birth date") {
    Child a = child("2025-003", 3, 1), b = child("2025-015", 3, 1);
    a.name = b.name = "王浩";
    a.gender = b.gender = Gender::male;
    a.birth_date = Date{2016, 5, 1};
    b.birth_date = Date{2016, 9, 12};
    CHECK(child_description(a) == "2025-003 (class 3-1, male, born 2016-05-01)");
    Child lone = child("2025-020");
    lone.grade.reset(), lone.class_no.reset();
    CHECK(child_description(lone) ==
          "2025-020 (class not recorded, gender not recorded, birth date not recorded)");
    lone.grade = 5;
    lone.gender = Gender::female;
    CHECK(child_description(lone) == "2025-020 (grade 5, female, birth date not recorded)");
    CHECK(shared_name_error(" 王浩 ", {&a, &b}) ==
          "王浩 is the name of 2 children: 2025-003 (class 3-1, male, born 2016-05-01), 2025-015 "
          "(class 3-1, male, born 2016-09-12); give the id");
}
