// A county's schools: each over its own period, rules that differ, the order of the furthest
// from 100%, and the manifest's codec.
#include <doctest/doctest.h>

#include "liushou/codec.hpp"
#include "liushou/report.hpp"
#include "records_fixture.hpp"

using namespace liushou;
using fixture::entry;
using fixture::kid;

namespace {

/// A school of 2025-2026 whose spring term is called `name` and runs `from`..`to`.
School school_with_spring(const std::string& school, const std::string& name, Date from, Date to) {
    School s = default_school(school, 2025);
    s.terms = {Term{"秋", Date{2025, 9, 1}, from.add_days(-1), {}, {}, {}},
               Term{name, from, to, {}, {}, {}}};
    return s;
}

}  // namespace

TEST_CASE("a term is found in each school by its dates, whatever it is called") {
    const School a = school_with_spring("甲", "第二学期", Date{2026, 2, 1}, Date{2026, 7, 31});
    const School b = school_with_spring("乙", "春季学期", Date{2026, 3, 1}, Date{2026, 7, 15});
    PeriodRequest ask;
    ask.term = "第二学期";
    ask.as_of = Date{2026, 4, 30};
    const PeriodChoice c = choose_periods({&b, &a}, ask);
    REQUIRE(c.error.empty());
    REQUIRE(c.periods.size() == 2);
    // B's 秋 (09-01..02-28) shares 28 days with 02-01..07-31, its 春季学期 137: the latter.
    CHECK(c.periods[0].name == "春季学期");
    CHECK(c.periods[0].from == Date{2026, 3, 1});
    CHECK(c.periods[0].to == Date{2026, 7, 15});
    CHECK(c.periods[1].name == "第二学期");
    CHECK(c.periods[1].from == Date{2026, 2, 1});
    // The headline names what was asked, with the dates of the school it was found in.
    CHECK(c.asked.name == "第二学期");
    CHECK(c.asked.from == Date{2026, 2, 1});
}

TEST_CASE("a term of a name no school has is refused, listing every school's terms") {
    const School a = school_with_spring("甲", "第二学期", Date{2026, 2, 1}, Date{2026, 7, 31});
    const School b = school_with_spring("乙", "春季学期", Date{2026, 3, 1}, Date{2026, 7, 15});
    PeriodRequest ask;
    ask.term = "下学期";
    ask.as_of = Date{2026, 4, 30};
    const PeriodChoice c = choose_periods({&a, &b}, ask);
    CHECK(c.error == "--term 下学期: the terms are 甲: 秋, 第二学期; 乙: 秋, 春季学期");
    // One school alone keeps the old wording.
    CHECK(choose_periods({&a}, ask).error == "--term 下学期: the terms are 秋, 第二学期");
}

TEST_CASE("schools of different school years are refused unless the period is dates") {
    School a = default_school("甲", 2025);
    School b = default_school("乙", 2024);
    PeriodRequest ask;
    ask.as_of = Date{2026, 4, 30};
    CHECK(choose_periods({&a, &b}, ask).error ==
          "the trees are of different school years (甲 2025-2026, 乙 2024-2025); give the "
          "period as dates with --from and --to");
    ask.term = "第二学期";
    CHECK(!choose_periods({&a, &b}, ask).error.empty());
    ask.term.clear();
    ask.from = Date{2026, 3, 1};
    ask.to = Date{2026, 4, 30};
    const PeriodChoice c = choose_periods({&a, &b}, ask);
    REQUIRE(c.error.empty());
    for (const Period& p : c.periods) {
        CHECK(p.from == Date{2026, 3, 1});
        CHECK(p.to == Date{2026, 4, 30});
    }
}

TEST_CASE("without a term each school takes its own term of the day, else its school year") {
    const School a = school_with_spring("甲", "第二学期", Date{2026, 2, 1}, Date{2026, 7, 31});
    const School b = school_with_spring("乙", "春季学期", Date{2026, 3, 1}, Date{2026, 7, 15});
    PeriodRequest ask;
    ask.as_of = Date{2026, 2, 20};  // A's spring term, B's autumn one
    const PeriodChoice c = choose_periods({&a, &b}, ask);
    REQUIRE(c.error.empty());
    CHECK(c.periods[0].name == "第二学期");
    CHECK(c.periods[1].name == "秋");
    CHECK(c.periods[1].to == Date{2026, 2, 28});
    ask.as_of = Date{2026, 7, 20};  // after B's last day: B's whole school year
    const PeriodChoice d = choose_periods({&a, &b}, ask);
    CHECK(d.periods[1].name == "2025-2026");
    CHECK(d.periods[1].from == Date{2025, 9, 1});
    CHECK(d.periods[1].to == Date{2026, 7, 15});
}

TEST_CASE(
    "each school is counted over its own period; the total sums numerators and denominators") {
    const School a = school_with_spring("甲", "第二学期", Date{2026, 2, 1}, Date{2026, 7, 31});
    const School b = school_with_spring("乙", "春季学期", Date{2026, 3, 1}, Date{2026, 7, 15});
    // A visit on 02-25: in A's spring term, in B's autumn one.
    Child a1 = kid("A1"), b1 = kid("B1"), b2 = kid("B2");
    a1.talks = {entry(Date{2026, 2, 25}, TalkKind::home_visit)};
    b1.talks = {entry(Date{2026, 2, 25}, TalkKind::home_visit)};
    b2.talks = {entry(Date{2026, 3, 18}, TalkKind::home_visit)};
    const std::vector<Child> as = {a1}, bs = {b1, b2};
    const Period pa{Date{2026, 2, 1}, Date{2026, 7, 31}, "第二学期"};
    const Period pb{Date{2026, 3, 1}, Date{2026, 7, 15}, "春季学期"};
    const Summary s =
        summarize({SchoolRecords{&a, &as, pa}, SchoolRecords{&b, &bs, pb}}, pa, Date{2026, 4, 30});
    CHECK(s.by_school[0].home_visits.num == 1);
    CHECK(s.by_school[0].home_visits.den == 1);
    CHECK(s.by_school[1].home_visits.num == 1);  // B2 only: B1's visit is before B's period
    CHECK(s.by_school[1].home_visits.den == 2);
    CHECK(s.total.home_visits.num == 2);
    CHECK(s.total.home_visits.den == 3);
    CHECK(s.periods_differ());
    CHECK(s.ends[1] == Date{2026, 4, 30});
    // With A's dates for both (the old behaviour), B1's visit would count in 秋's 02-01..02-28.
    const Summary wrong =
        summarize({SchoolRecords{&a, &as, {}}, SchoolRecords{&b, &bs, {}}}, pa, Date{2026, 4, 30});
    CHECK(wrong.by_school[1].home_visits.num == 2);
    CHECK(!wrong.periods_differ());
}

TEST_CASE("rules the schools set differently are named with each school's value") {
    School a = default_school("甲", 2025), b = default_school("乙", 2025);
    CHECK(rule_differences({&a, &b}).empty());
    b.rules.talks_per_month = 2;
    b.rules.months_without_talks = {7, 8};
    const auto d = rule_differences({&a, &b});
    REQUIRE(d.size() == 2);
    CHECK(d[0].rule == "talks_per_month");
    CHECK(d[0].values ==
          std::vector<std::pair<std::string, std::string>>{{"甲", "1"}, {"乙", "2"}});
    CHECK(d[1].rule == "months_without_talks");
    CHECK(d[1].values[0].second == "[1, 2, 7, 8]");
    CHECK(d[1].values[1].second == "[7, 8]");
    CHECK(rule_differences({&a}).empty());
}

TEST_CASE("the distance from 100% is the mean shortfall over the rates with a denominator") {
    Stats s;
    CHECK(distance_from_full(s) == 0);
    s.filed = Rate{1, 1};
    s.paired = Rate{1, 2};
    s.talks = Rate{0, 4};
    CHECK(distance_from_full(s) == 500);  // (0 + 50 + 100) / 3 = 50.0 points, in tenths
    // In whole numbers from the printed percentages: 13/16 shows 81.3, 2/3 shows 66.7, so
    // (1000 - 813) + (1000 - 667) = 520 tenths over 2 rates = 26.0; a mean of 18.75 and 33.33
    // would be 26.04. 1/3 (33.3) and 1/1: (667 + 0) / 2 = 333.5 -> 334 tenths, half up.
    Stats t;
    t.filed = Rate{13, 16};
    t.paired = Rate{2, 3};
    CHECK(distance_from_full(t) == 260);
    Stats u;
    u.filed = Rate{1, 3};
    u.paired = Rate{1, 1};
    CHECK(distance_from_full(u) == 334);
}

TEST_CASE("the school furthest from 100% comes first among the shortfalls") {
    const School a = default_school("甲", 2025), b = default_school("乙", 2025);
    Child a1 = kid("A1"), b1 = kid("B1");
    b1.pairing.teacher = "T001";  // B is closer to 100%: paired
    a1.talks = {entry(Date{2026, 3, 2})};
    b1.talks = {entry(Date{2026, 3, 2})};
    const std::vector<Child> as = {a1}, bs = {b1};
    const Period p{Date{2026, 3, 1}, Date{2026, 3, 31}, ""};
    const Summary s =
        summarize({SchoolRecords{&b, &bs, {}}, SchoolRecords{&a, &as, {}}}, p, Date{2026, 3, 31});
    const std::vector<Shortfall> listed = s.shortfalls.decoded();
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].school == "甲");
    CHECK(listed[1].school == "乙");
}

TEST_CASE("a county manifest reads back as written, unknown keys kept") {
    County c;
    c.county = "京山县";
    c.schools = {CountySchool{"孙桥小学", "", "", {}},
                 CountySchool{"", "repos/杨集小学.git", "v1", {}}};
    const std::string text = encode_county(c);
    CHECK(text ==
          "county: 京山县\nschools:\n  - path: 孙桥小学\n  - git: repos/杨集小学.git\n    ref: "
          "v1\n");
    const auto back = decode_county(text + "contact: 张主任\n");
    REQUIRE(back.writable());
    CHECK(back.record.county == "京山县");
    REQUIRE(back.record.schools.size() == 2);
    CHECK(back.record.schools[1].ref == "v1");
    CHECK(encode_county(back.record) == text + "contact: 张主任\n");
    const auto bad = decode_county("county: 京山县\nschools: 3\n");
    CHECK(!bad.writable());
}

TEST_CASE("a period of more than twenty years up to the day of the figures is refused") {
    School a = school_with_spring("甲", "第二学期", Date{2026, 2, 1}, Date{2026, 7, 31});
    School b = school_with_spring("乙", "春季学期", Date{2026, 3, 1}, Date{2026, 7, 15});
    PeriodRequest ask;
    ask.as_of = Date{2026, 6, 30};
    ask.from = Date{1, 1, 1};
    ask.to = Date{9999, 12, 31};
    // Only the days up to --as-of are walked: they are what is named.
    CHECK(choose_periods({&a}, ask).error ==
          "the period 0001-01-01 to 2026-06-30 spans more than 20 years, the longest a report "
          "covers; give a shorter period");
    ask.from = Date{2006, 7, 1};  // twenty years to the day: accepted
    CHECK(choose_periods({&a}, ask).error.empty());
    ask.from = Date{2006, 6, 1};
    CHECK(!choose_periods({&a}, ask).error.empty());
    // A far --to alone costs nothing: the figures stop at --as-of.
    ask.from = Date{2025, 9, 1};
    CHECK(choose_periods({&a, &b}, ask).error.empty());
    // A term of liushou.yaml from year 1 (a copied tree) is named, with its school.
    b.terms.back().from = Date{1, 3, 1};
    ask.from.reset();
    ask.to.reset();
    ask.term = "第二学期";
    CHECK(choose_periods({&a, &b}, ask).error ==
          "乙: 春季学期 of liushou.yaml (0001-03-01 to 2026-06-30) spans more than 20 years, the "
          "longest a report covers; give a shorter period");
}

TEST_CASE("a school's shortfalls read back packed as they were, every field") {
    Shortfall f;
    f.school = "甲";
    f.child = ChildRef{"2025-010", "张三", 3, 2};
    f.missing = {"guardian", "phone"};
    f.unpaired = true;
    f.untalked = {TalkShort{Month{2026, 3}, 0, 1}, TalkShort{Month{2026, 4}, 1, 3}};
    f.calls_short = {Month{2025, 12}};
    f.unvisited = {"第一学期"};
    f.no_meeting = {"第一学期", "第二学期"};
    f.birthdays_missed = 2;
    f.no_activity = true;
    Shortfall none;  // no class, nothing but the activity
    none.child = ChildRef{"X", "", std::nullopt, std::nullopt};
    none.no_activity = true;
    SchoolLists<Shortfall> list;
    list.arrange({SchoolLists<Shortfall>::pack("甲", {none, f})}, {"甲"});
    const std::vector<Shortfall> back = list.decoded();
    REQUIRE(back.size() == 2);
    const Shortfall& g = back[0];  // a class before none
    CHECK(g.school == "甲");
    CHECK(g.child.id == "2025-010");
    CHECK(g.child.name == "张三");
    CHECK(g.child.grade == 3);
    CHECK(g.child.class_no == 2);
    CHECK(g.missing == f.missing);
    CHECK(g.unpaired);
    REQUIRE(g.untalked.size() == 2);
    CHECK(g.untalked[1].month.year == 2026);
    CHECK(g.untalked[1].month.month == 4);
    CHECK(g.untalked[1].held == 1);
    CHECK(g.untalked[1].required == 3);
    REQUIRE(g.calls_short.size() == 1);
    CHECK(g.calls_short[0].month == 12);
    CHECK(g.unvisited == f.unvisited);
    CHECK(g.no_meeting == f.no_meeting);
    CHECK(g.birthdays_missed == 2);
    CHECK(g.no_activity);
    CHECK(back[1].child.id == "X");
    CHECK(!back[1].child.grade);
    CHECK(!back[1].unpaired);
    CHECK(back[1].untalked.empty());
    CHECK(back[1].school == "甲");
}

TEST_CASE("schools of one name are listed as one, by class and id, in the order asked") {
    auto child = [](const char* school, const char* id, int grade) {
        return SchoolChild{school, ChildRef{id, "", grade, 1}};
    };
    using Lists = SchoolLists<SchoolChild>;
    Lists list;
    // 乙 twice (two counties' schools of one name): their children merged; 甲 after, as asked.
    list.arrange({Lists::pack("乙", {child("乙", "B10", 2), child("乙", "B2", 2)}),
                  Lists::pack("甲", {child("甲", "A1", 1)}),
                  Lists::pack("乙", {child("乙", "C1", 1), child("乙", "B9", 2)})},
                 {"乙", "甲"});
    CHECK(list.size() == 5);
    std::vector<std::string> ids;
    for (const auto& [school, c] : list) ids.push_back(school + " " + c.id);
    CHECK(ids == std::vector<std::string>{"乙 C1", "乙 B2", "乙 B9", "乙 B10", "甲 A1"});
    CHECK(Lists().begin() == Lists().end());
}
