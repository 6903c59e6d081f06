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
    REQUIRE(s.shortfalls.size() == 2);
    CHECK(s.shortfalls[0].school == "甲");
    CHECK(s.shortfalls[1].school == "乙");
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
