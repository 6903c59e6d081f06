#include "liushou/schedule.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "liushou/report.hpp"
#include "liushou/validate.hpp"
#include "records_fixture.hpp"

using namespace liushou;
using fixture::entry;

namespace {

Child enrolled(const std::string& id, Date on = Date{2025, 9, 1}) {
    Child c;
    c.id = id;
    c.name = "甲" + id;
    c.grade = 3;
    c.class_no = 2;
    c.enrolled_on = on;
    return c;
}

const School kSchool = default_school("测试小学", 2025);

}  // namespace

TEST_CASE("a child is enrolled from enrolment until the day of a status change") {
    Child c = enrolled("A1");
    CHECK_FALSE(enrolled_on_day(c, Date{2025, 8, 31}));
    CHECK(enrolled_on_day(c, Date{2025, 9, 1}));
    c.status = Status::transferred;
    c.status_on = Date{2026, 3, 10};
    CHECK(enrolled_on_day(c, Date{2026, 3, 9}));
    CHECK_FALSE(enrolled_on_day(c, Date{2026, 3, 10}));
    CHECK(enrolled_during(c, Date{2026, 3, 1}, Date{2026, 3, 31}));
    CHECK_FALSE(enrolled_during(c, Date{2026, 4, 1}, Date{2026, 4, 30}));
    CHECK_FALSE(enrolled_during(c, Date{2025, 8, 1}, Date{2025, 8, 31}));
    Child never;
    never.status = Status::not_enrolled;
    CHECK_FALSE(enrolled_during(never, Date{2000, 1, 1}, Date{2030, 1, 1}));
    Child undated;  // no enrolment date: enrolled as far back as we look
    CHECK(enrolled_on_day(undated, Date{2000, 1, 1}));
}

TEST_CASE("the term is the one holding the day, else the first overlapping the period") {
    const Term* t = term_for(kSchool, Date{2026, 3, 15}, Date{2026, 3, 1}, Date{2026, 3, 31});
    REQUIRE(t);
    CHECK(t->name == "第二学期");
    t = term_for(kSchool, Date{2026, 1, 31}, Date{2026, 1, 1}, Date{2026, 1, 31});
    CHECK(t->name == "第一学期");
    t = term_for(kSchool, Date{2026, 8, 15}, Date{2026, 8, 1}, Date{2026, 8, 31});
    CHECK(t == nullptr);
}

TEST_CASE("entries are counted by kind within the period") {
    Child c = enrolled("A1");
    c.talks = {entry(Date{2026, 3, 1}), entry(Date{2026, 3, 31}), entry(Date{2026, 4, 1}),
               entry(Date{2026, 3, 5}, TalkKind::family_call)};
    CHECK(count_entries(c, TalkKind::talk, Date{2026, 3, 1}, Date{2026, 3, 31}) == 2);
    CHECK(count_entries(c, TalkKind::family_call, Date{2026, 3, 1}, Date{2026, 3, 31}) == 1);
    CHECK(count_entries(c, TalkKind::home_visit, Date{2026, 3, 1}, Date{2026, 3, 31}) == 0);
}

TEST_CASE("a month's checklist counts only children enrolled during it") {
    std::vector<Child> children = {enrolled("A1"), enrolled("A2"), enrolled("A3")};
    children[1].status = Status::transferred;
    children[1].status_on = Date{2026, 2, 20};
    children[2].talks = {entry(Date{2026, 3, 3})};
    const Schedule s = build_schedule(kSchool, children, Month{2026, 3}, Date{2026, 3, 15}, {});
    CHECK(s.enrolled == 2);
    CHECK(s.as_of == Date{2026, 3, 15});
    CHECK(s.term == "第二学期");
    CHECK(s.talks.due);
    CHECK(s.talks.expected == 2);
    CHECK(s.talks.owing == 1);
    REQUIRE(s.talks.groups.size() == 1);
    CHECK(s.talks.groups[0].teacher.empty());  // unpaired children form their own group
    CHECK(s.talks.groups[0].children[0].child->id == "A1");
    REQUIRE(s.plan.size() == kSchool.plan.at(3).size());
    for (size_t i = 0; i < s.plan.size(); ++i) {
        CHECK(s.plan[i].task == kSchool.plan.at(3)[i]);
        CHECK(!s.plan[i].done);
    }
    CHECK(s.unpaired.size() == 2);
}

TEST_CASE("holiday months owe no talks; past and future months have a fixed reference day") {
    const std::vector<Child> children = {enrolled("A1")};
    const Schedule jan = build_schedule(kSchool, children, Month{2026, 1}, Date{2026, 3, 15}, {});
    CHECK_FALSE(jan.talks.due);
    CHECK_FALSE(jan.family_calls.due);
    CHECK(jan.home_visits.due);
    CHECK(jan.as_of == Date{2026, 1, 31});
    const Schedule may = build_schedule(kSchool, children, Month{2026, 5}, Date{2026, 3, 15}, {});
    CHECK(may.as_of == Date{2026, 5, 1});
    REQUIRE(may.events.size() == 1);
    CHECK(may.events[0].name == "五一");
    const Schedule aug = build_schedule(kSchool, children, Month{2026, 8}, Date{2026, 3, 15}, {});
    CHECK_FALSE(aug.home_visits.due);
    CHECK(aug.term.empty());
}

TEST_CASE("birthdays give the age turned; 29 February falls on the 28th in common years") {
    std::vector<Child> children = {enrolled("A1"), enrolled("A2")};
    children[0].birth_date = Date{2016, 3, 8};
    children[1].birth_date = Date{2016, 2, 29};
    const Schedule march = build_schedule(kSchool, children, Month{2026, 3}, Date{2026, 3, 1}, {});
    REQUIRE(march.birthdays.size() == 1);
    CHECK(march.birthdays[0].age == 10);
    CHECK(march.birthdays[0].day == Date{2026, 3, 8});
    const Schedule feb26 = build_schedule(kSchool, children, Month{2026, 2}, Date{2026, 3, 1}, {});
    CHECK(feb26.birthdays.at(0).day == Date{2026, 2, 28});
    const Schedule feb28 = build_schedule(kSchool, children, Month{2028, 2}, Date{2028, 3, 1}, {});
    CHECK(feb28.birthdays.at(0).day == Date{2028, 2, 29});
    CHECK(feb28.birthdays.at(0).age == 12);
}

TEST_CASE("open follow-ups are listed oldest first with days open as of the reference day") {
    std::vector<Child> children = {enrolled("A1"), enrolled("A2")};
    Talk late = entry(Date{2026, 3, 10});
    late.follow_up = "二";
    Talk early = entry(Date{2026, 2, 20});
    early.follow_up = "一";
    Talk future = entry(Date{2026, 3, 20});  // after the reference day: not yet there
    future.follow_up = "三";
    children[0].talks = {late, future};
    children[1].talks = {early};
    const Schedule s = build_schedule(kSchool, children, Month{2026, 3}, Date{2026, 3, 15}, {});
    REQUIRE(s.follow_ups.size() == 2);
    CHECK(s.follow_ups[0]->text == "一");
    CHECK(s.follow_ups[0]->days_open == 23);
    CHECK(s.follow_ups[1]->days_open == 5);
}

TEST_CASE("filters keep one teacher's or one class's children") {
    std::vector<Child> children = {enrolled("A1"), enrolled("A2"), enrolled("A3")};
    children[0].pairing.teacher = "T001";
    children[0].pairing.since = Date{2025, 9, 1};
    children[1].pairing.teacher = "T002";
    children[1].pairing.since = Date{2025, 9, 1};
    children[2].grade = 5;
    ScheduleFilter mine;
    mine.teacher = "T001";
    CHECK(build_schedule(kSchool, children, Month{2026, 3}, Date{2026, 3, 15}, mine).enrolled == 1);
    ScheduleFilter klass;
    klass.grade = 5;
    klass.class_no = 2;
    const Schedule s = build_schedule(kSchool, children, Month{2026, 3}, Date{2026, 3, 15}, klass);
    CHECK(s.enrolled == 1);
    CHECK(s.unpaired.at(0).id == "A3");
}

TEST_CASE("missing parent fields are named by relation in the checklist") {
    Child c = enrolled("A1");
    Parent mother;
    mother.relation = "mother";
    mother.name = "李芳";
    c.parents.push_back(mother);
    const Schedule s = build_schedule(kSchool, {c}, Month{2026, 3}, Date{2026, 3, 15}, {});
    REQUIRE(s.incomplete.size() == 1);
    const auto& missing = s.incomplete[0].missing;
    CHECK(std::find(missing.begin(), missing.end(), "parents.mother.phone") != missing.end());
}

TEST_CASE("an event with a malformed date is left out of the checklist, not fatal") {
    School school = kSchool;
    school.events.push_back(Event{"坏日期", "ab-cd", {}});
    school.events.push_back(Event{"端午", "05-31", {}});
    const Schedule s = build_schedule(school, {}, Month{2026, 5}, Date{2026, 5, 1}, {});
    REQUIRE(s.events.size() == 2);
    CHECK(s.events[0].name == "五一");
    CHECK(s.events[1].name == "端午");
}

TEST_CASE("a task of the plan is ticked off, again with a new day, and off again") {
    School school = default_school("测试小学", 2025);
    const Month march{2026, 3};
    CHECK(mark_plan_done(school, march, 2, Date{2026, 3, 10}, "开会") == "");
    CHECK(mark_plan_done(school, march, 1, Date{2026, 3, 12}, "") == "");
    REQUIRE(school.plan_done.size() == 2);
    CHECK(school.plan_done[0].task == 1);  // kept in month and task order
    CHECK(mark_plan_done(school, march, 2, Date{2026, 3, 11}, "改期") == "");
    REQUIRE(school.plan_done.size() == 2);
    CHECK(school.plan_done[1].date == Date{2026, 3, 11});
    CHECK(school.plan_done[1].note == "改期");
    auto tasks = plan_tasks(school, march, Date{2026, 3, 31});
    REQUIRE(tasks.size() == 2);
    CHECK(tasks[0].done == Date{2026, 3, 12});
    CHECK(tasks[1].note == "改期");
    // As of 03-11 the tick of 03-12 was not there yet.
    tasks = plan_tasks(school, march, Date{2026, 3, 11});
    CHECK(!tasks[0].done);
    CHECK(tasks[1].done == Date{2026, 3, 11});
    CHECK(unmark_plan_done(school, march, 1) == "");
    CHECK(unmark_plan_done(school, march, 1) == "task 1 of 2026-03 is not ticked off");
    CHECK(school.plan_done.size() == 1);
}

TEST_CASE("a tick is an entry: ticked again it is refused, amended it keeps the old value") {
    School school = default_school("测试小学", 2025);
    const Month feb{2026, 2};
    const Date today{2026, 3, 15};
    bool changed = false;
    CHECK(tick_plan_task(school, feb, 1, Date{2026, 2, 20}, std::string("开会"), false, today,
                         changed) == "");
    CHECK(changed);
    // The same again, or with no note: nothing changes.
    CHECK(tick_plan_task(school, feb, 1, Date{2026, 2, 20}, std::nullopt, false, today, changed) ==
          "");
    CHECK(!changed);
    // Today, or another note, without --amend: refused, the tick as it was.
    CHECK(tick_plan_task(school, feb, 1, std::nullopt, std::nullopt, false, today, changed) ==
          "task 1 of 2026-02 is already ticked off (done 2026-02-20: 开会); to change its date, "
          "run the same command with --amend");
    CHECK(tick_plan_task(school, feb, 1, std::nullopt, std::string("x"), false, today, changed)
              .find("its date and note") != std::string::npos);
    REQUIRE(school.plan_done.size() == 1);
    CHECK(school.plan_done[0].date == Date{2026, 2, 20});
    CHECK(school.plan_done[0].note == "开会");
    CHECK(school.plan_done[0].changes.empty());
    // --amend of the note keeps the day and the old note.
    CHECK(tick_plan_task(school, feb, 1, std::nullopt, std::string("开会，5人"), true, today,
                         changed) == "");
    CHECK(changed);
    CHECK(school.plan_done[0].date == Date{2026, 2, 20});
    CHECK(school.plan_done[0].note == "开会，5人");
    REQUIRE(school.plan_done[0].changes.size() == 1);
    CHECK(school.plan_done[0].changes[0].date == today);
    CHECK(school.plan_done[0].changes[0].field == "note");
    CHECK(school.plan_done[0].changes[0].was == "开会");
    CHECK(plan_tasks(school, feb, Date{2026, 2, 28})[0].done == Date{2026, 2, 20});
    // --amend of the day.
    CHECK(tick_plan_task(school, feb, 1, Date{2026, 2, 21}, std::nullopt, true, today, changed) ==
          "");
    REQUIRE(school.plan_done[0].changes.size() == 2);
    CHECK(school.plan_done[0].changes[1].field == "date");
    CHECK(school.plan_done[0].changes[1].was == "2026-02-20");
    // --amend of a task not ticked is refused.
    CHECK(tick_plan_task(school, feb, 2, std::nullopt, std::nullopt, true, today, changed) ==
          "task 2 of 2026-02 is not ticked off; tick it without --amend");
    CHECK(school.plan_done.size() == 1);
}

TEST_CASE("a tick names a task the plan has, in a month of the school year") {
    School school = default_school("测试小学", 2025);
    CHECK(mark_plan_done(school, Month{2026, 3}, 3, Date{2026, 3, 1}, "") ==
          "the plan of 2026-03 has tasks 1 to 2");
    CHECK(mark_plan_done(school, Month{2026, 3}, 0, Date{2026, 3, 1}, "") ==
          "the plan of 2026-03 has tasks 1 to 2");
    CHECK(mark_plan_done(school, Month{2026, 1}, 1, Date{2026, 1, 5}, "") ==
          "the plan has no task for 2026-01");
    CHECK(mark_plan_done(school, Month{2026, 8}, 1, Date{2026, 8, 5}, "") ==
          "2026-08 is not a month of the school year 2025-2026");
    CHECK(mark_plan_done(school, Month{2025, 7}, 1, Date{2025, 7, 5}, "") ==
          "2025-07 is not a month of the school year 2025-2026");
    CHECK(school.plan_done.empty());
    // A hand-made tick of a task the plan lacks is a problem check names.
    school.plan_done.push_back(PlanDone{"2026-03", 9, Date{2026, 3, 2}, "", {}});
    Problems problems;
    validate_school(school, problems);
    REQUIRE(!problems.empty());
    CHECK(problems.back().field == "plan_done[0].task");
}

TEST_CASE("a birthday greeting counts in the birthday's month, while the child is enrolled") {
    Child c = enrolled("A1");
    c.birth_date = Date{2016, 2, 29};
    CHECK(birthday_in(c, Month{2026, 2}) == Date{2026, 2, 28});  // common year: the 28th
    CHECK(birthday_in(c, Month{2028, 2}) == Date{2028, 2, 29});
    CHECK(!birthday_in(c, Month{2026, 3}));
    Talk early, late, other;
    early.date = Date{2026, 1, 31}, early.kind = TalkKind::greeting;
    late.date = Date{2026, 2, 20}, late.kind = TalkKind::greeting;
    other.date = Date{2026, 2, 10}, other.kind = TalkKind::talk;
    c.talks = {early, other, late};
    CHECK(greeted_in(c, Month{2026, 2}, Date{2026, 2, 28}) == Date{2026, 2, 20});
    CHECK(!greeted_in(c, Month{2026, 2}, Date{2026, 2, 19}));  // not yet
    c.status = Status::transferred;
    c.status_on = Date{2026, 2, 15};
    CHECK(!greeted_in(c, Month{2026, 2}, Date{2026, 2, 28}));  // after the child left
}

TEST_CASE("a 生日祝福 activity the child took part in greets the birthday, as an entry does") {
    Child c = enrolled("A1");
    c.birth_date = Date{2016, 3, 20};
    auto activity = [](Date on, ActivityKind kind, std::vector<std::string> ids) {
        Activity a;
        a.date = on, a.kind = kind, a.children = std::move(ids);
        return a;
    };
    const std::vector<Activity> activities = {
        activity(Date{2026, 3, 25}, ActivityKind::birthday, {"A2", "A1"}),
        activity(Date{2026, 3, 10}, ActivityKind::festival, {"A1"}),  // not a greeting
        activity(Date{2026, 3, 12}, ActivityKind::birthday, {"A2"}),  // another child's
        activity(Date{2026, 2, 27}, ActivityKind::birthday, {"A1"}),  // another month
    };
    const GreetingDays days = greeting_days(&activities);
    CHECK(days.at("A1") == std::vector<Date>{Date{2026, 3, 25}, Date{2026, 2, 27}});
    CHECK(days.at("A2").size() == 2);
    CHECK(greeting_days(nullptr).empty());

    CHECK(greeted_in(c, Month{2026, 3}, Date{2026, 3, 31}, &days) == Date{2026, 3, 25});
    CHECK(!greeted_in(c, Month{2026, 3}, Date{2026, 3, 31}));         // without the activities
    CHECK(!greeted_in(c, Month{2026, 3}, Date{2026, 3, 24}, &days));  // not yet
    // An entry and an activity: the first of them.
    Talk t;
    t.date = Date{2026, 3, 21}, t.kind = TalkKind::greeting;
    c.talks = {t};
    CHECK(greeted_in(c, Month{2026, 3}, Date{2026, 3, 31}, &days) == Date{2026, 3, 21});
    c.talks.clear();
    // Not enrolled on the activity's day (left on the 22nd): no greeting counts.
    c.status = Status::transferred;
    c.status_on = Date{2026, 3, 22};
    CHECK(!greeted_in(c, Month{2026, 3}, Date{2026, 3, 31}, &days));
    c.status = Status::enrolled;
    c.status_on.reset();

    // The month's checklist ticks it with the activity's day.
    const std::vector<Child> children = {c};
    const Schedule march =
        build_schedule(kSchool, children, Month{2026, 3}, Date{2026, 3, 31}, {}, &activities);
    REQUIRE(march.birthdays.size() == 1);
    CHECK(march.birthdays[0].greeted == Date{2026, 3, 25});
    const Schedule without =
        build_schedule(kSchool, children, Month{2026, 3}, Date{2026, 3, 31}, {});
    CHECK(!without.birthdays.at(0).greeted);

    // The summary counts the birthday greeted.
    const Period period{Date{2026, 3, 1}, Date{2026, 3, 31}, ""};
    const Summary s =
        summarize({SchoolRecords{&kSchool, &children, {}, &activities}}, period, Date{2026, 3, 31});
    CHECK(s.total.birthdays == 1);
    CHECK(s.total.birthdays_greeted == 1);
    const Summary bare =
        summarize({SchoolRecords{&kSchool, &children, {}, nullptr}}, period, Date{2026, 3, 31});
    CHECK(bare.total.birthdays_greeted == 0);
}
