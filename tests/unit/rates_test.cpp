// The definitions of liushou-rates(7): its worked example, the edges of time, and a property
// test that builds random trees and checks the 基本情况 identity and every denominator against
// a count made here, day by day, from the enrolments the test itself drew.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>
#include <random>
#include <string>

#include "liushou/care.hpp"
#include "liushou/report.hpp"
#include "liushou/schedule.hpp"
#include "liushou/validate.hpp"
#include "records_fixture.hpp"
#include "store/cache.hpp"

using namespace liushou;
using fixture::entry;
using fixture::kid;

namespace {

const School kSchool = default_school("测试小学", 2025);  // family calls from April in term 2
const Period kTerm2{Date{2026, 2, 1}, Date{2026, 7, 31}, "第二学期"};

Summary summary(const std::vector<Child>& children, const Period& period, Date as_of,
                const School& school = kSchool) {
    return summarize({SchoolRecords{&school, &children, std::nullopt}}, period, as_of);
}

/// 期初 + 新入学 + 转入 − 转出 − 辍学 − 毕业 − 其他离校 = 期末.
bool balances(const Stats& s) {
    return s.enrolled_from + s.new_pupils + s.transferred_in - s.transferred - s.dropped_out -
               s.graduated - s.left_other ==
           s.enrolled;
}

}  // namespace

TEST_CASE("liushou-rates(7) WORKED EXAMPLE, figure by figure") {
    std::vector<Child> c = {kid("A"), kid("B"), kid("C", Date{2026, 3, 2}), kid("D")};
    c[0].talks = {entry(Date{2026, 3, 5}), entry(Date{2026, 4, 8}),
                  entry(Date{2026, 4, 2}, TalkKind::family_call),
                  entry(Date{2026, 3, 20}, TalkKind::home_visit)};
    c[1].status = Status::transferred;
    c[1].status_on = Date{2026, 4, 10};
    c[1].talks = {entry(Date{2026, 3, 6}), entry(Date{2026, 4, 13})};
    c[2].entry = Entry::transfer;
    c[2].talks = {entry(Date{2026, 4, 20})};
    c[2].class_no = 2;
    c[2].changes = {Change{Date{2026, 5, 6}, "class", "1", {}}};
    c[3].status = Status::dropped_out;
    c[3].status_on = Date{2026, 2, 1};
    const Summary s = summary(c, kTerm2, Date{2026, 4, 30});
    const Stats& t = s.total;
    CHECK(t.enrolled_from == 3);
    CHECK(t.new_pupils == 0);
    CHECK(t.transferred_in == 1);
    CHECK(t.transferred == 1);
    CHECK(t.dropped_out == 1);
    CHECK(t.graduated == 0);
    CHECK(t.left_other == 0);
    CHECK(t.enrolled == 2);
    CHECK(balances(t));
    REQUIRE(s.by_class.size() == 1);  // C is still in 3-1 on 04-30
    CHECK(s.by_class[0].class_no == 1);
    CHECK(t.retention.num == 3);
    CHECK(t.retention.den == 4);
    REQUIRE(t.talks_by_month.size() == 2);
    CHECK(t.talks_by_month[0].rate.num == 2);
    CHECK(t.talks_by_month[0].rate.den == 3);
    CHECK(t.talks_by_month[1].rate.num == 2);
    CHECK(t.talks_by_month[1].rate.den == 3);
    CHECK(t.talks.num == 4);
    CHECK(t.talks.den == 6);
    REQUIRE(t.calls_by_month.size() == 1);
    CHECK(t.calls_by_month[0].month.month == 4);
    CHECK(t.family_calls.num == 1);
    CHECK(t.family_calls.den == 3);  // B was enrolled until 04-09
    CHECK(t.home_visits.num == 1);
    CHECK(t.home_visits.den == 2);
    // B's talk of 04-13 is after B left: check reports it.
    Problems p;
    validate_child(c[1], Date{2026, 11, 29}, p);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "talks[1].date");
}

TEST_CASE("a drop-out or transfer dated the period's first day is in the period, with 巩固率") {
    std::vector<Child> c;
    for (int i = 0; i < 10; ++i) c.push_back(kid(fmt::format("A{}", i)));
    c[0].status = Status::dropped_out;
    c[0].status_on = Date{2026, 2, 1};
    c[1].status = Status::transferred;
    c[1].status_on = Date{2026, 2, 1};
    Summary s = summary(c, kTerm2, Date{2026, 7, 31});
    CHECK(s.total.enrolled_from == 10);
    CHECK(s.total.dropped_out == 1);
    CHECK(s.total.transferred == 1);
    CHECK(s.total.enrolled == 8);
    CHECK(s.total.retention.num == 9);
    CHECK(s.total.retention.den == 10);

    // One who enrolled mid-term and dropped out too: two drop-outs among eleven enrolments.
    c.push_back(kid("N", Date{2026, 3, 2}));
    c.back().status = Status::dropped_out;
    c.back().status_on = Date{2026, 5, 1};
    s = summary(c, kTerm2, Date{2026, 7, 31});
    CHECK(s.total.new_pupils == 1);
    CHECK(s.total.dropped_out == 2);
    CHECK(s.total.retention.num == 9);
    CHECK(s.total.retention.den == 11);
    CHECK(balances(s.total));

    // The autumn term before does not see either leaving.
    const Period autumn{Date{2025, 9, 1}, Date{2026, 1, 31}, "第一学期"};
    s = summary(c, autumn, Date{2026, 7, 31});
    CHECK(s.total.dropped_out == 0);
    CHECK(s.total.enrolled == 10);
}

TEST_CASE("leaving and coming back keeps both enrolments and counts each") {
    Child c = kid("R");
    c.enrolment_history = {
        Episode{Date{2025, 9, 1}, Entry::new_pupil, Date{2026, 3, 10}, Status::transferred, {}}};
    c.enrolled_on = Date{2026, 5, 6};
    c.entry = Entry::transfer;
    c.talks = {entry(Date{2026, 3, 2}), entry(Date{2026, 4, 15}), entry(Date{2026, 5, 20})};
    CHECK(enrolled_on_day(c, Date{2026, 3, 9}));
    CHECK_FALSE(enrolled_on_day(c, Date{2026, 3, 10}));
    CHECK_FALSE(enrolled_on_day(c, Date{2026, 5, 5}));
    CHECK(enrolled_on_day(c, Date{2026, 5, 6}));
    const Summary s = summary({c}, kTerm2, Date{2026, 6, 30});
    CHECK(s.total.enrolled_from == 1);
    CHECK(s.total.transferred == 1);
    CHECK(s.total.transferred_in == 1);
    CHECK(s.total.enrolled == 1);
    // March owed (enrolled to 03-09) and done; April not owed (away all month); the 04-15 talk
    // counts nowhere; May and June owed, May done.
    REQUIRE(s.total.talks_by_month.size() == 4);
    CHECK(s.total.talks_by_month[0].rate.num == 1);
    CHECK(s.total.talks_by_month[1].rate.den == 0);
    CHECK(s.total.talks_by_month[2].rate.num == 1);
    CHECK(s.total.talks_by_month[3].rate.num == 0);
    CHECK(s.total.talks_by_month[3].rate.den == 1);
    // As of April the return has not happened: one enrolment, ended by a transfer.
    const Child april = state_on(c, Date{2026, 4, 30});
    CHECK(april.enrolment_history.empty());
    CHECK(april.status == Status::transferred);
    CHECK(april.enrolled_on == Date{2025, 9, 1});
    const Summary a = summary({c}, kTerm2, Date{2026, 4, 30});
    CHECK(a.total.enrolled == 0);
    CHECK(a.total.transferred_in == 0);
    Problems p;
    validate_child(c, Date{2026, 11, 29}, p);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "talks[1].date");
    CHECK(p[0].message.find("after the child left (transferred on 2026-03-10)") !=
          std::string::npos);
}

TEST_CASE("dated flags and classes: an earlier day reports the values of that day") {
    Child c = kid("K");
    c.class_no = 2;
    c.support.key_child = true;
    c.changes = {Change{Date{2026, 4, 1}, "class", "1", {}},
                 Change{Date{2026, 6, 2}, "key_child", "false", {}}};
    const Summary march =
        summary({c}, Period{Date{2026, 3, 1}, Date{2026, 3, 31}, ""}, Date{2026, 11, 29});
    REQUIRE(march.by_class.size() == 1);
    CHECK(march.by_class[0].class_no == 1);
    CHECK(march.total.key_children == 0);
    const Summary april = summary({c}, kTerm2, Date{2026, 4, 15});
    CHECK(april.by_class[0].class_no == 2);
    CHECK(april.total.key_children == 0);
    const Summary june = summary({c}, kTerm2, Date{2026, 6, 30});
    CHECK(june.total.key_children == 1);
}

TEST_CASE("a period cut mid-month counts every kind from its first day only") {
    Child c = kid("M");
    c.talks = {entry(Date{2026, 3, 2}), entry(Date{2026, 3, 3}, TalkKind::home_visit),
               entry(Date{2026, 3, 20})};
    const Period cut{Date{2026, 3, 15}, Date{2026, 4, 30}, ""};
    const Summary s = summary({c}, cut, Date{2026, 4, 30});
    REQUIRE(s.total.talks_by_month.size() == 2);
    CHECK(s.total.talks_by_month[0].cut());
    CHECK(s.total.talks_by_month[0].from == Date{2026, 3, 15});
    CHECK(s.total.talks_by_month[0].rate.num == 1);  // 03-20, not 03-02
    CHECK_FALSE(s.total.talks_by_month[1].cut());
    REQUIRE(s.total.visits_by_term.size() == 1);
    CHECK(s.total.visits_by_term[0].cut);
    CHECK(s.total.home_visits.num == 0);  // 03-03 is before the period
}

TEST_CASE("the checklist of a past month counts only what was recorded by its last day") {
    std::vector<Child> c = {kid("P1"), kid("P2")};
    c[0].talks = {entry(Date{2026, 5, 10}, TalkKind::home_visit)};
    c[1].status = Status::transferred;
    c[1].status_on = Date{2026, 3, 20};
    const Schedule march = build_schedule(kSchool, c, Month{2026, 3}, Date{2026, 11, 29}, {});
    CHECK(march.home_visits.expected == 1);  // P2 left before 03-31: owes nothing this term
    CHECK(march.home_visits.owing == 1);     // May's visit does not exist yet
    CHECK(march.talks.expected == 2);        // both were enrolled in March
    const Schedule june = build_schedule(kSchool, c, Month{2026, 6}, Date{2026, 11, 29}, {});
    CHECK(june.home_visits.owing == 0);
    // February asks for no talks; calls only from April.
    const Schedule feb = build_schedule(kSchool, c, Month{2026, 2}, Date{2026, 11, 29}, {});
    CHECK_FALSE(feb.talks.due);
    CHECK_FALSE(march.family_calls.due);
    REQUIRE(march.family_calls.starts);
    CHECK(march.family_calls.starts->month == 4);
}

TEST_CASE("entries are refused on days the child was not enrolled") {
    Child c = kid("E");
    c.status = Status::dropped_out;
    c.status_on = Date{2026, 4, 20};
    StaffList staff;
    staff.staff.push_back(Staff{"T001", "张老师", Role::teacher, {}, {}, "", {}});
    Problems p;
    check_talk(entry(Date{2026, 4, 26}, TalkKind::family_call), c, staff, Date{2026, 11, 29}, p);
    REQUIRE(p.size() == 1);
    CHECK(p[0].message == "2026-04-26 is after the child left (dropped_out on 2026-04-20)");
    p.clear();
    check_talk(entry(Date{2026, 4, 19}), c, staff, Date{2026, 11, 29}, p);
    CHECK(p.empty());
    Problems q;
    CHECK_FALSE(repair(c, PairingChange{std::string("T001"), {}, {}, Date{2026, 5, 1}}, q));
    REQUIRE(q.size() == 1);
    CHECK(q[0].field == "since");
}

// ---- the property test ---------------------------------------------------------------------

namespace {

struct Drawn {
    Child child;
    std::vector<std::pair<Date, std::optional<Date>>> spans;  // [from, to) as drawn
};

Date random_day(std::mt19937& rng, Date from, Date to) {
    std::uniform_int_distribution<long> d(from.days(), to.days());
    return Date::from_days(d(rng));
}

Drawn draw_child(std::mt19937& rng, int n) {
    Drawn out;
    Child& c = out.child;
    c.id = fmt::format("C{}", n);
    c.name = c.id;
    c.grade = std::uniform_int_distribution<int>(1, 3)(rng);
    c.class_no = std::uniform_int_distribution<int>(1, 2)(rng);
    const int episodes = std::uniform_int_distribution<int>(0, 3)(rng);
    if (episodes == 0) {
        c.status = Status::not_enrolled;
        if (rng() % 2) c.status_on = random_day(rng, Date{2025, 8, 1}, Date{2026, 7, 31});
    }
    const Status endings[] = {Status::transferred, Status::dropped_out, Status::graduated,
                              Status::left};
    Date cursor{2025, 6, 1};
    for (int e = 0; e < episodes; ++e) {
        const Date from = random_day(rng, cursor, cursor.add_days(150));
        const bool open = e == episodes - 1 && rng() % 2;
        std::optional<Date> to;
        if (!open) to = random_day(rng, from, from.add_days(120));
        Episode ep{from, std::nullopt, to, endings[rng() % 4], {}};
        if (rng() % 3) ep.entry = rng() % 2 ? Entry::new_pupil : Entry::transfer;
        out.spans.emplace_back(from, to);
        if (e == episodes - 1) {
            c.enrolled_on = from;
            c.entry = ep.entry;
            c.status = open ? Status::enrolled : ep.status;
            c.status_on = to;
        } else {
            c.enrolment_history.push_back(ep);
        }
        cursor = to ? *to : from;
    }
    for (int i = std::uniform_int_distribution<int>(0, 12)(rng); i > 0; --i)
        c.talks.push_back(entry(random_day(rng, Date{2025, 8, 1}, Date{2026, 8, 31}),
                                static_cast<TalkKind>(rng() % 4)));
    if (rng() % 3 == 0) {
        c.changes.push_back(Change{random_day(rng, Date{2025, 9, 1}, Date{2026, 7, 31}),
                                   "class",
                                   std::to_string(3 - *c.class_no),
                                   {}});
    }
    if (rng() % 2) c.pairing.teacher = "T001";
    c.sort_lists();
    return out;
}

bool in_spans(const Drawn& d, const Date& day) {
    for (const auto& [from, to] : d.spans)
        if (from <= day && (!to || day < *to)) return true;
    return false;
}

}  // namespace

TEST_CASE("property: 基本情况 balances and every denominator is the right count, 1000 trees") {
    std::mt19937 rng(20261129);
    School school = kSchool;
    int checked_terms = 0, checked_months = 0;
    for (int tree = 0; tree < 1000; ++tree) {
        CAPTURE(tree);
        std::vector<Drawn> drawn;
        std::vector<Child> children;
        const int n = std::uniform_int_distribution<int>(0, 12)(rng);
        for (int i = 0; i < n; ++i) {
            drawn.push_back(draw_child(rng, i));
            children.push_back(drawn.back().child);
        }
        school.rules.talks_per_month = static_cast<int>(rng() % 3);
        const Date f = random_day(rng, Date{2025, 8, 1}, Date{2026, 7, 31});
        const Date t = random_day(rng, f, Date{2026, 7, 31});
        const Date as_of = random_day(rng, f, Date{2026, 9, 30});
        const Date e = t < as_of ? t : as_of;
        const Summary s = summary(children, Period{f, t, ""}, as_of, school);

        // Every group balances, and the groups add up to the total.
        CHECK(balances(s.total));
        Stats sum;
        for (const Stats& g : s.by_grade) CHECK(balances(g));
        for (const Stats& g : s.by_class) {
            CHECK(balances(g));
            sum += g;
        }
        CHECK(sum.enrolled_from == s.total.enrolled_from);
        CHECK(sum.enrolled == s.total.enrolled);
        CHECK(sum.transferred_in == s.total.transferred_in);

        // Rows counted here from the drawn spans.
        int start = 0, end = 0, arrived = 0, left = 0;
        for (const Drawn& d : drawn) {
            for (const auto& [from, to] : d.spans) {
                start += from < f && (!to || f <= *to);  // enrolled on the day before f
                arrived += f <= from && from <= e;
                left += to && f <= *to && *to <= e;
            }
            end += in_spans(d, e);
        }
        CHECK(s.total.enrolled_from == start);
        CHECK(s.total.enrolled == end);
        CHECK(s.total.new_pupils + s.total.transferred_in == arrived);
        CHECK(s.total.transferred + s.total.dropped_out + s.total.graduated + s.total.left_other ==
              left);

        // Each rate's denominator is the count of the right rows.
        const Stats& x = s.total;
        CHECK(x.retention.den == x.enrolled_from + x.new_pupils + x.transferred_in);
        CHECK(x.retention.num == x.retention.den - x.dropped_out);
        CHECK(x.filed.den == x.enrolled);
        CHECK(x.paired.den == x.enrolled);
        CHECK(x.enrolment.den == x.enrolled + x.not_enrolled);
        for (const TermRate& term : x.visits_by_term) {
            int owed = 0;
            for (const Drawn& d : drawn) owed += in_spans(d, term.to);
            CHECK(term.rate.den == owed);
            if (term.to == e) CHECK(term.rate.den == x.enrolled);
            ++checked_terms;
        }
        for (const MonthRate& m : x.talks_by_month) {
            int owed = 0, done = 0;
            for (const Drawn& d : drawn) {
                bool any = false;
                int talks = 0;
                for (Date day = m.from; day <= m.to; day = day.add_days(1)) any |= in_spans(d, day);
                for (const Talk& talk : d.child.talks)
                    talks += talk.kind == TalkKind::talk && m.from <= *talk.date &&
                             *talk.date <= m.to && in_spans(d, *talk.date);
                owed += any;
                done += any && talks >= school.rules.talks_per_month;
            }
            CHECK(m.rate.den == owed);
            CHECK(m.rate.num == done);
            ++checked_months;
        }
    }
    MESSAGE(checked_terms, " term rates and ", checked_months, " month rates checked");
    CHECK(checked_terms > 500);
    CHECK(checked_months > 500);
}

// liushou-rates(7) PERCENTAGES: num × 1000 / den in integers, rounded half up, one decimal.
// Binary floating point printed 7/2000 (0.35%) as 0.3% and 13/16 (81.25%) as 81.2%, which a
// hand or a spreadsheet's ROUND(…, 1) gives as 0.4% and 81.3%.
TEST_CASE("a percentage is rounded half up on the exact fraction (#47)") {
    auto shown = [](long num, long den) { return Rate{num, den}.shown(); };
    CHECK(shown(7, 2000) == "0.4");   // 7000 / 2000 = 3.5 tenths: half up to 4
    CHECK(shown(23, 2000) == "1.2");  // 23000 / 2000 = 11.5 tenths: 12
    CHECK(shown(13, 16) == "81.3");   // 13000 / 16 = 812.5 tenths: 813
    CHECK(shown(9, 2000) == "0.5");   // 9000 / 2000 = 4.5 tenths: 5
    CHECK(shown(1, 3) == "33.3");     // 1000 / 3 = 333.33…: 333
    CHECK(shown(2, 3) == "66.7");     // 2000 / 3 = 666.66…: 667
    CHECK(shown(1, 1) == "100.0");    // 1000
    CHECK(shown(0, 5) == "0.0");      // nobody counts
    CHECK(shown(1, 8) == "12.5");     // exact: 125
    CHECK(shown(1, 16) == "6.3");     // 62.5 tenths: 63
    CHECK(shown(3, 16) == "18.8");    // 187.5: 188
    CHECK(shown(0, 0).empty());       // no denominator: no percentage
    CHECK_FALSE(Rate{0, 0}.shown_tenths());
    CHECK(*Rate{13, 16}.shown_tenths() == 813);
    // Every format prints it: Markdown and HTML with %, JSON and CSV as the number, — or null
    // without a denominator (render_test and the goldens check the formats themselves).
    CHECK(*Rate{7, 2000}.shown_percent() == doctest::Approx(0.4));
    // The clamps stay: 1999/2000 = 999.5 tenths would be 100.0 while someone is missing.
    CHECK(shown(1999, 2000) == "99.9");
    CHECK(shown(1, 20000) == "0.1");
    // Against a check made here the long way, digit by digit on the decimal expansion.
    for (long den = 1; den <= 400; ++den)
        for (long num = 0; num <= den; ++num) {
            long q = num * 1000 / den, r = num * 1000 % den;
            if (2 * r >= den) ++q;  // the remainder is at least half: up
            if (num < den && q == 1000) q = 999;
            if (num > 0 && q == 0) q = 1;
            const Rate rate{num, den};
            if (*rate.shown_tenths() != q) FAIL_CHECK(num, "/", den, " shows ", rate.shown());
        }
}

// Build 1 of #47: every figure of day E reads one view, state_on(record, E).
// Two identical children A and B in 3-1, each with buddies 003 and 004 and no teacher, no
// `since`. B also has something dated after E = 2026-04-30 (a talk, a class change, a progress
// note, a status change). As of E both have two buddies, so with_buddy = 2 and
// several_buddies = 2 whatever B has after E; neither has a teacher, so 结对率 = 0/2.
TEST_CASE("学习帮手 and 结对率 of day E ignore everything dated after E (#47)") {
    const Date e{2026, 4, 30};
    Child a = kid("A");
    a.pairing.buddies = {"003", "004"};
    auto expect = [&](const Child& b) {
        const Summary s = summary({a, b}, kTerm2, e);
        CHECK(s.total.with_buddy == 2);
        CHECK(s.total.several_buddies == 2);
        CHECK(s.total.paired.num == 0);
        CHECK(s.total.paired.den == 2);
        REQUIRE(s.by_class.size() == 1);  // 3-1 on E for both: a later class change is not yet
        CHECK(s.by_class[0].with_buddy == 2);
    };
    Child b = a;
    b.id = "B";
    expect(b);
    Child talk = b;
    talk.talks = {entry(Date{2026, 5, 6})};
    expect(talk);
    Child moved = b;
    moved.class_no = 2;
    moved.changes = {Change{Date{2026, 5, 6}, "class", "1", {}}};
    expect(moved);
    Child note = b;
    note.pairing.progress = {ProgressItem{}};
    note.pairing.progress[0].date = Date{2026, 5, 6};
    expect(note);
    Child left = b;
    left.status = Status::transferred;
    left.status_on = Date{2026, 5, 6};
    expect(left);
}

// With no `since` and a history entry (teacher T009, buddy 005, 2025-09-01..2026-06-30): the
// current pairing (buddies 003 and 004, no teacher, no since) holds on every day, as a pairing
// without `since` always has (liushou-records(5)); the history is not consulted. So as of E
// both children have no teacher: 结对率 0/2 before and after a talk after E is added to both
// (it was 1/4-to-2/4 flipping in the issue's trees, because only a record with something after
// E was rewound to the history entry).
TEST_CASE("a pairing without since but with history reads the same with entries after E") {
    const Date e{2026, 4, 30};
    Child a = kid("A");
    a.pairing.buddies = {"003", "004"};
    a.pairing.history = {
        PairingPeriod{"T009", {"005"}, "", Date{2025, 9, 1}, Date{2026, 6, 30}, {}}};
    Child b = a;
    b.id = "B";
    const Summary before = summary({a, b}, kTerm2, e);
    a.talks = {entry(Date{2026, 5, 6})};
    b.talks = {entry(Date{2026, 5, 7})};
    const Summary later = summary({a, b}, kTerm2, e);
    CHECK(before.total.paired.num == 0);
    CHECK(later.total.paired.num == 0);
    CHECK(before.total.paired.den == 2);
    CHECK(later.total.with_buddy == 2);
    CHECK(later.total.several_buddies == 2);
}

// Build 2 of #47: a child left on 2026-02-10 and came back on 2026-03-01, with pairing.since
// 2026-02-15 (teacher T002, buddy 003): check says the entry counts nowhere, so as of E =
// 2026-04-30 the pairing counts in no figure. With a second child C enrolled and unpaired,
// 结对率 = 0/2 (not 1/2) and with_buddy = 0. The same rule leaves out a talk, a greeting and a
// progress note dated in the gap.
TEST_CASE("a pairing, talk or greeting dated in an enrolment gap counts in no figure (#47)") {
    const Date e{2026, 4, 30};
    Child g = kid("G");
    g.enrolment_history = {
        Episode{Date{2025, 9, 1}, Entry::new_pupil, Date{2026, 2, 10}, Status::left, {}}};
    g.enrolled_on = Date{2026, 3, 1};
    g.entry = Entry::transfer;
    g.pairing.teacher = "T002";
    g.pairing.buddies = {"003"};
    g.pairing.since = Date{2026, 2, 15};
    g.birth_date = Date{2016, 2, 20};
    g.talks = {entry(Date{2026, 2, 20}, TalkKind::greeting), entry(Date{2026, 2, 16}),
               entry(Date{2026, 2, 17}, TalkKind::counselling)};
    const Child c = kid("C");
    CHECK(counts_nowhere(g, Date{2026, 2, 15}));
    CHECK(counts_nowhere(g, Date{2026, 2, 15}) ==
          !not_enrolled_reason(g, Date{2026, 2, 15}).empty());
    CHECK_FALSE(counts_nowhere(g, Date{2026, 3, 1}));
    CHECK_FALSE(pairing_on(g, e));
    const Summary s = summary({g, c}, kTerm2, e);
    CHECK(s.total.paired.num == 0);
    CHECK(s.total.paired.den == 2);
    CHECK(s.total.with_buddy == 0);
    // The 02-20 birthday is in the gap: no birthday to greet, and the greeting counts nowhere.
    CHECK(s.total.birthdays == 0);
    CHECK(s.total.birthdays_greeted == 0);
    CHECK(s.total.counselling_sessions == 0);
    // February asks for no talks (months_without_talks) and the 02-16 talk counts nowhere
    // anyway; March and April are owed by both and hold no talk: 0/2 each.
    REQUIRE(s.total.talks_by_month.size() == 2);
    CHECK(s.total.talks_by_month[0].rate.num == 0);
    CHECK(s.total.talks_by_month[0].rate.den == 2);
    const Child view = state_on(g, e);
    CHECK(view.talks.empty());
    CHECK(view.pairing.teacher.empty());
    // check reports it, in the words the zh catalogue translates (messages.inc, #47 section).
    Problems p;
    validate_child(g, Date{2026, 5, 1}, p);
    bool reported = false;
    for (const auto& x : p)
        if (x.field == "pairing.since")
            reported = x.message ==
                       "2026-02-15 is after the child left (left on 2026-02-10); it was not "
                       "enrolled again until later; the entry counts nowhere";
    CHECK(reported);
}

// Build 4 of #47: the cases liushou-rates(7) now decides, each worked out by hand.
TEST_CASE("the birthday's month counts whole; 02-29 falls on 02-28 (#47)") {
    // Birthday 03-20, greeting on 03-10, period 03-15..07-31 as of 04-30: the birthday is in
    // the period (1 birthday) and the greeting is in its month, before the period: greeted 1.
    Child c = kid("B");
    c.birth_date = Date{2016, 3, 20};
    c.talks = {entry(Date{2026, 3, 10}, TalkKind::greeting)};
    const Period from15{Date{2026, 3, 15}, Date{2026, 7, 31}, ""};
    const Summary s = summary({c}, from15, Date{2026, 4, 30});
    CHECK(s.total.birthdays == 1);
    CHECK(s.total.birthdays_greeted == 1);
    // A birthday on 03-10 is before the period: none to count, greeting or not.
    c.birth_date = Date{2016, 3, 10};
    CHECK(summary({c}, from15, Date{2026, 4, 30}).total.birthdays == 0);
    // 2016-02-29: in 2026 (no leap year) the birthday is 02-28, in the period 02-01..: 1.
    Child leap = kid("L");
    leap.birth_date = Date{2016, 2, 29};
    CHECK(birthday_in(leap, Month{2026, 2}) == Date{2026, 2, 28});
    CHECK(birthday_in(leap, Month{2028, 2}) == Date{2028, 2, 29});
    CHECK(summary({leap}, kTerm2, Date{2026, 4, 30}).total.birthdays == 1);
}

TEST_CASE("a plan task ticked by the last counted day counts for its own month (#47)") {
    // March's first task ticked on 04-05: as of 04-04 March is 0 of its tasks done; as of
    // 04-05 it is 1, and it counts for March, not April.
    School school = kSchool;
    REQUIRE_FALSE(school.plan.empty());
    REQUIRE(mark_plan_done(school, Month{2026, 3}, 1, Date{2026, 4, 5}, "").empty());
    const std::vector<Child> none;
    auto march = [&](Date as_of) {
        const Summary s = summarize({SchoolRecords{&school, &none, std::nullopt}}, kTerm2, as_of);
        for (const auto& m : s.plan_by_month)
            if (m.month.month == 3) return m.rate;
        return Rate{};
    };
    CHECK(march(Date{2026, 4, 4}).num == 0);
    CHECK(march(Date{2026, 4, 5}).num == 1);
    CHECK(march(Date{2026, 4, 5}).den ==
          static_cast<long>(plan_tasks(school, Month{2026, 3}, Date{2026, 4, 5}).size()));
}

TEST_CASE("an enrolled child without enrolled_on is enrolled on every day (#47)") {
    // No enrolled_on, status enrolled: in 期初在读 (on 01-31) and in 期末在读, so 1 + 0 = 1.
    Child c = kid("N");
    c.enrolled_on.reset();
    const Summary s = summary({c}, kTerm2, Date{2026, 4, 30});
    CHECK(s.total.enrolled_from == 1);
    CHECK(s.total.new_pupils == 0);
    CHECK(s.total.enrolled == 1);
    CHECK(balances(s.total));
}

// ---- an activity's attendance outside an enrolment (#47, build 2) ---------------------------

namespace {

Activity activity(const std::string& id, Date day, std::vector<std::string> children) {
    Activity a;
    a.id = id;
    a.date = day;
    a.kind = ActivityKind::safety;
    a.title = "安全教育";
    a.children = std::move(children);
    return a;
}

}  // namespace

TEST_CASE("an activity's attendance outside the child's enrolment counts nowhere (#47)") {
    // Term 2 as of 04-30. A enrolled all along; B transferred from 03-10 (enrolled to 03-09);
    // C a transfer in from 03-15. The activity of 03-12 lists all three and a removed child X:
    // A was enrolled that day, B had left, C had not come yet, X has no file. By check's rule
    // only A's attendance counts: 参与人次 1 (not 4). The activity of 04-20 lists C: 1.
    // 活动覆盖率: of those enrolled on 04-30 (A, C) both took part in one: 2/2; B is not in
    // its denominator, and B's attendance of 03-12 does not make B a participant.
    std::vector<Child> c = {kid("A"), kid("B"), kid("C", Date{2026, 3, 15})};
    c[1].status = Status::transferred;
    c[1].status_on = Date{2026, 3, 10};
    c[2].entry = Entry::transfer;
    const std::vector<Activity> acts = {activity("a1", Date{2026, 3, 12}, {"A", "B", "C", "X"}),
                                        activity("a2", Date{2026, 4, 20}, {"C"})};
    auto run = [&](const std::vector<ChildFigures>* figures) {
        return summarize(
            {SchoolRecords{&kSchool, figures ? nullptr : &c, std::nullopt, &acts, figures}}, kTerm2,
            Date{2026, 4, 30});
    };
    const Summary s = run(nullptr);
    REQUIRE(s.activities.size() == 2);
    CHECK(s.activities[0].month.month == 3);
    CHECK(s.activities[0].activities == 1);
    CHECK(s.activities[0].attendance == 1);
    CHECK(s.activities[1].attendance == 1);
    CHECK(s.activity_reach.num == 2);
    CHECK(s.activity_reach.den == 2);
    CHECK(s.no_activity.empty());

    // The same through the figures cache: each child's enrolments travel with its figures.
    const GreetingDays greetings = greeting_days(&acts);
    std::vector<ChildFigures> cached;
    for (const Child& k : c) {
        std::string bytes;
        serialize_figures(bytes, child_figures(k, kSchool, kTerm2, Date{2026, 4, 30}, greetings));
        ChildFigures back;
        REQUIRE(deserialize_figures(bytes, back));
        cached.push_back(back);
    }
    CHECK(cached[1].enrolments.size() == 1);
    CHECK(cached[1].enrolled_on(Date{2026, 3, 9}));
    CHECK_FALSE(cached[1].enrolled_on(Date{2026, 3, 10}));
    const Summary warm = run(&cached);
    CHECK(warm.activities[0].attendance == 1);
    CHECK(warm.activity_reach.num == 2);
    CHECK(warm.activity_reach.den == 2);

    // check reports B's and C's attendance (X is "does not exist"), as an entry of their own.
    Problems p;
    std::map<std::string, const Child*> by_id;
    for (const Child& k : c) by_id.emplace(k.id, &k);
    validate_activity(
        acts[0], "a1", Date{2026, 5, 1}, StaffList{},
        [&](std::string_view id) { return by_id.count(std::string(id)) > 0; }, p,
        [&](std::string_view id, const Date& day) {
            const auto it = by_id.find(std::string(id));
            return it == by_id.end() ? std::string() : not_enrolled_reason(*it->second, day);
        });
    std::vector<std::string> said;
    for (const auto& x : p) said.push_back(x.field + ": " + x.message);
    REQUIRE(said.size() == 3);
    CHECK(said[0] ==
          "children[1]: child B: 2026-03-12 is after the child left (transferred on 2026-03-10); "
          "the attendance counts nowhere");
    CHECK(said[1] ==
          "children[2]: child C: 2026-03-12 is before the child enrolled (2026-03-15); the "
          "attendance counts nowhere");
    CHECK(said[2] == "children[3]: child X does not exist");
}

TEST_CASE("enrolment_spans covers exactly the days enrolled_on_day does") {
    // Every shape of enrolment, every day of a year around it.
    std::vector<Child> shapes = {kid("A"), kid("B"), kid("C"), kid("D"), kid("E")};
    shapes[1].status = Status::transferred;
    shapes[1].status_on = Date{2026, 3, 10};
    shapes[2].status = Status::dropped_out;  // no status_on: no day of that enrolment
    shapes[3].status = Status::not_enrolled;
    shapes[3].enrolled_on.reset();
    shapes[4].enrolment_history = {
        Episode{Date{2025, 9, 1}, Entry::new_pupil, Date{2026, 2, 10}, Status::left, {}},
        Episode{std::nullopt, std::nullopt, std::nullopt, Status::left, {}}};
    shapes[4].enrolled_on = Date{2026, 3, 1};
    for (const Child& c : shapes) {
        ChildFigures f;
        f.enrolments = enrolment_spans(c);
        for (Date d{2025, 8, 1}; d <= Date{2026, 8, 31}; d = d.add_days(1))
            CHECK_MESSAGE(f.enrolled_on(d) == enrolled_on_day(c, d), c.id << " " << d.iso());
    }
}

// ---- 留守类型 as a dated fact (#39, item 5) --------------------------------------------------

TEST_CASE("a child not left-behind (非留守) is in no figure, denominators included (#39)") {
    // Term 2 as of 04-30, all three enrolled all along, no talks. L father_away, O one_parent
    // (单亲外出), N none (非留守, say a register's whole class). N counts nowhere: 期初在读 2,
    // 期末在读 2, 父亲外出 1, 单亲外出 1, 结对率 0/2, 谈心 March 0/2 and April 0/2 (0/4),
    // 建档率 0/2; N's attendance of an activity adds nothing: 参与人次 1 (L's), 覆盖率 1/2.
    std::vector<Child> c = {kid("L"), kid("O"), kid("N")};
    c[0].left_behind = LeftBehind::father_away;
    c[1].left_behind = LeftBehind::one_parent;
    c[2].left_behind = LeftBehind::none;
    const std::vector<Activity> acts = {activity("a1", Date{2026, 3, 12}, {"L", "N"})};
    const Summary s =
        summarize({SchoolRecords{&kSchool, &c, std::nullopt, &acts}}, kTerm2, Date{2026, 4, 30});
    const Stats& t = s.total;
    CHECK(t.enrolled_from == 2);
    CHECK(t.enrolled == 2);
    CHECK(balances(t));
    CHECK(t.father_away == 1);
    CHECK(t.one_parent == 1);
    CHECK(t.both_parents + t.mother_away == 0);
    CHECK(t.paired.den == 2);
    CHECK(t.filed.den == 2);
    CHECK(t.enrolment.den == 2);
    CHECK(t.talks.num == 0);
    CHECK(t.talks.den == 4);
    CHECK(s.activities[0].attendance == 1);
    CHECK(s.activity_reach.num == 1);
    CHECK(s.activity_reach.den == 2);
    for (const auto& f : s.shortfalls) CHECK(f.child.id != "N");
    // Nor in the month's checklist.
    const ChildDuties d = child_duties(c[2], kSchool, Month{2026, 4}, Date{2026, 4, 30}, {});
    CHECK_FALSE(d.in_month);
    // An old file without left_behind counts, as before #39.
    Child old = kid("U");
    CHECK(summary({old}, kTerm2, Date{2026, 4, 30}).total.enrolled == 1);
}

TEST_CASE("a parent who comes home in April leaves March's figures as they were (#39)") {
    // P was mother_away and is none from 04-10 (the mother came home): the file says none,
    // changes say it was mother_away before 04-10. As of 03-31 P counts: 期末在读 1, 母亲外出
    // 1, 谈心 March 1/1 (a talk on 03-05). As of 04-30 P counts nowhere: 期末在读 0 and 谈心
    // 0/0, the whole period long, as with the class of day E.
    Child p = kid("P");
    p.left_behind = LeftBehind::none;
    p.changes = {Change{Date{2026, 4, 10}, "left_behind", "mother_away", {}}};
    p.talks = {entry(Date{2026, 3, 5})};
    const Summary march = summary({p}, kTerm2, Date{2026, 3, 31});
    CHECK(march.total.enrolled == 1);
    CHECK(march.total.mother_away == 1);
    CHECK(march.total.talks.num == 1);
    CHECK(march.total.talks.den == 1);
    const Summary april = summary({p}, kTerm2, Date{2026, 4, 30});
    CHECK(april.total.enrolled == 0);
    CHECK(april.total.enrolled_from == 0);
    CHECK(april.total.talks.den == 0);
    CHECK(state_on(p, Date{2026, 4, 9}).left_behind == LeftBehind::mother_away);
    CHECK(state_on(p, Date{2026, 4, 10}).left_behind == LeftBehind::none);
    // The reverse: a child who becomes left-behind in April counts as of 04-30 only.
    Child q = kid("Q");
    q.left_behind = LeftBehind::both_parents;
    q.changes = {Change{Date{2026, 4, 10}, "left_behind", "none", {}}};
    CHECK(summary({q}, kTerm2, Date{2026, 3, 31}).total.enrolled == 0);
    CHECK(summary({q}, kTerm2, Date{2026, 4, 30}).total.both_parents == 1);
}

TEST_CASE("留守类型 values as registers write them (#39)") {
    CHECK(enum_from_text<LeftBehind>("否") == LeftBehind::none);
    CHECK(enum_from_text<LeftBehind>("非留守") == LeftBehind::none);
    CHECK(enum_from_text<LeftBehind>("不是留守") == LeftBehind::none);
    CHECK(enum_from_text<LeftBehind>("none") == LeftBehind::none);
    CHECK(enum_from_text<LeftBehind>("单亲外出") == LeftBehind::one_parent);
    CHECK(enum_from_text<LeftBehind>("one_parent") == LeftBehind::one_parent);
    CHECK(key_of(LeftBehind::none) == "none");
    CHECK(zh_of(LeftBehind::one_parent) == "单亲外出");
}
