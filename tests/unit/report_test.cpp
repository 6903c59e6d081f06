#include "liushou/report.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <string>

#include "liushou/report_render.hpp"
#include "records_fixture.hpp"

using namespace liushou;
using fixture::entry;
using fixture::kid;

namespace {

const School kSchool = default_school("测试小学", 2025);
const Period kTerm2{Date{2026, 2, 1}, Date{2026, 7, 31}, "第二学期"};

Summary one_school(const std::vector<Child>& children, const Period& period, Date as_of) {
    return summarize({SchoolRecords{&kSchool, &children, {}, nullptr}}, period, as_of);
}

}  // namespace

TEST_CASE("a printed percentage is never 100 while someone is missing, nor 0 when someone counts") {
    auto shown = [](long num, long den) {
        return fmt::format("{:.1f}", *Rate{num, den}.shown_percent());
    };
    CHECK(shown(1999, 2000) == "99.9");
    CHECK(shown(19999, 20000) == "99.9");
    CHECK(shown(2000, 2000) == "100.0");
    CHECK(shown(1, 2000) == "0.1");
    CHECK(shown(1, 20000) == "0.1");
    CHECK(shown(0, 2000) == "0.0");
    CHECK(shown(1, 3) == "33.3");
    CHECK_FALSE(Rate{0, 0}.shown_percent());
    for (long den = 1; den <= 5000; ++den)
        for (long num : {1L, den - 1}) {
            if (num <= 0 || num >= den) continue;
            CHECK_MESSAGE(shown(num, den) != "100.0", num, "/", den);
            CHECK_MESSAGE(shown(num, den) != "0.0", num, "/", den);
        }
}

TEST_CASE("a rate with an empty denominator has no percentage") {
    CHECK_FALSE(Rate{0, 0}.percent());
    CHECK(*Rate{1, 3}.percent() == doctest::Approx(33.333).epsilon(0.001));
    Rate r{1, 2};
    r += Rate{2, 2};
    CHECK(r.num == 3);
    CHECK(r.den == 4);
}

TEST_CASE("the state on a past day drops later entries and restores the pairing and status") {
    Child c = kid("A1");
    c.talks = {entry(Date{2026, 3, 1}), entry(Date{2026, 4, 1})};
    c.pairing.teacher = "T002";
    c.pairing.since = Date{2026, 3, 16};
    c.pairing.history.push_back(
        PairingPeriod{"T001", {}, "", Date{2025, 9, 1}, Date{2026, 3, 15}, {}});
    c.status = Status::transferred;
    c.status_on = Date{2026, 4, 15};
    const Child march = state_on(c, Date{2026, 3, 10});
    CHECK(march.talks.size() == 1);
    CHECK(march.pairing.teacher == "T001");
    CHECK(march.pairing.history.empty());
    CHECK(march.status == Status::enrolled);
    const Child may = state_on(c, Date{2026, 5, 1});
    CHECK(may.status == Status::transferred);
    CHECK(may.pairing.teacher == "T002");
    CHECK(may.talks.size() == 2);
}

TEST_CASE("retention counts drop-outs of the period against the enrolments in it") {
    std::vector<Child> children = {kid("A1"), kid("A2"), kid("A3"), kid("A4", Date{2026, 3, 1})};
    children[1].status = Status::dropped_out;
    children[1].status_on = Date{2026, 3, 20};
    children[2].status = Status::dropped_out;
    children[2].status_on = Date{2026, 1, 10};  // before the period: not this period's drop-out
    const Summary s = one_school(children, kTerm2, Date{2026, 4, 30});
    CHECK(s.total.enrolled == 2);       // A1 and A4
    CHECK(s.total.enrolled_from == 2);  // A1 and A2 on 31 January
    CHECK(s.total.new_pupils == 1);     // A4
    CHECK(s.total.dropped_out == 1);
    // 期初 2 + 新入学 1, of whom A2 dropped out (liushou-rates(7)).
    CHECK(s.total.retention.num == 2);
    CHECK(s.total.retention.den == 3);
}

TEST_CASE("enrolment counts children recorded as not attending") {
    std::vector<Child> children = {kid("A1"), Child{}};
    children[1].id = "N1";
    children[1].status = Status::not_enrolled;
    const Summary s = one_school(children, kTerm2, Date{2026, 4, 30});
    CHECK(s.total.enrolment.num == 1);
    CHECK(s.total.enrolment.den == 2);
}

TEST_CASE("monthly talk coverage skips holiday months and counts children enrolled that month") {
    std::vector<Child> children = {kid("A1"), kid("A2", Date{2026, 4, 10})};
    children[0].talks = {entry(Date{2026, 2, 10}), entry(Date{2026, 3, 5})};
    children[1].talks = {entry(Date{2026, 4, 20})};
    const Summary s = one_school(children, kTerm2, Date{2026, 4, 30});
    REQUIRE(s.total.talks_by_month.size() == 2);  // February is a holiday month
    CHECK(s.total.talks_by_month[0].month.month == 3);
    CHECK(s.total.talks_by_month[0].rate.num == 1);
    CHECK(s.total.talks_by_month[0].rate.den == 1);
    CHECK(s.total.talks_by_month[1].rate.num == 1);  // A2 talked; A1 did not
    CHECK(s.total.talks_by_month[1].rate.den == 2);
    CHECK(s.total.talks.num == 2);
    CHECK(s.total.talks.den == 3);
    REQUIRE(s.shortfalls.size() == 2);  // both are unpaired and incomplete too
    const std::vector<Shortfall> listed = s.shortfalls.decoded();
    CHECK(listed[0].child.id == "A1");
    REQUIRE(listed[0].untalked.size() == 1);
    CHECK(listed[0].untalked[0].month.month == 4);
    CHECK(listed[0].untalked[0].held == 0);
    CHECK(listed[1].untalked.empty());
}

TEST_CASE("home visits are counted per term within the period") {
    std::vector<Child> children = {kid("A1"), kid("A2")};
    children[0].talks = {entry(Date{2026, 3, 5}, TalkKind::home_visit)};
    children[1].talks = {entry(Date{2025, 10, 5}, TalkKind::home_visit)};  // last term
    const Summary s = one_school(children, kTerm2, Date{2026, 4, 30});
    REQUIRE(s.total.visits_by_term.size() == 1);
    CHECK(s.total.home_visits.num == 1);
    CHECK(s.total.home_visits.den == 2);
    const Period year{Date{2025, 9, 1}, Date{2026, 7, 31}, "2025-2026"};
    const Summary y = one_school(children, year, Date{2026, 4, 30});
    CHECK(y.total.visits_by_term.size() == 2);
    CHECK(y.total.home_visits.num == 2);
    CHECK(y.total.home_visits.den == 4);
}

TEST_CASE("groups by grade and class add up to the total") {
    std::vector<Child> children = {kid("A1"), kid("A2"), kid("A3")};
    children[2].grade = 5;
    children[2].class_no = 2;
    children[0].pairing.teacher = "T001";
    const Summary s = one_school(children, kTerm2, Date{2026, 4, 30});
    REQUIRE(s.by_grade.size() == 2);
    REQUIRE(s.by_class.size() == 2);
    CHECK(s.by_class[0].enrolled + s.by_class[1].enrolled == s.total.enrolled);
    CHECK(s.by_class[0].paired.num == 1);
    CHECK(s.by_class[1].paired.num == 0);
    CHECK(s.total.paired.num == 1);
}

TEST_CASE("several schools sum into the total") {
    School other = default_school("第二小学", 2025);
    other.rules.talks_per_month = 2;
    Child a = kid("A1");
    a.talks = {entry(Date{2026, 3, 5})};
    Child b = kid("A1");  // the same id in another school is another child
    b.talks = {entry(Date{2026, 3, 5})};
    const std::vector<Child> first = {a}, second = {b};
    const Summary s = summarize(
        {SchoolRecords{&kSchool, &first, {}, nullptr}, SchoolRecords{&other, &second, {}, nullptr}},
        Period{Date{2026, 3, 1}, Date{2026, 3, 31}, ""}, Date{2026, 3, 31});
    REQUIRE(s.by_school.size() == 2);
    CHECK(s.by_school[0].talks.num == 1);
    CHECK(s.by_school[1].talks.num == 0);  // two talks a month there
    CHECK(s.total.talks.num == 1);
    CHECK(s.total.talks.den == 2);
    CHECK(s.total.enrolled == 2);
}

TEST_CASE("redaction masks phones, id numbers and house numbers and nothing else") {
    CHECK(redact("13812345678") == "138****5678");
    CHECK(redact("电话 138 1234 5678。") == "电话 138****5678。");
    CHECK(redact("+86 138-1234-5678") == "+86 138****5678");
    CHECK(redact("0755-27601234") == "0755-****1234");
    CHECK(redact("010-1234567") == "010-****4567");
    CHECK(redact("42082120150308123X") == "420821************");
    CHECK(redact("420821201503081231") == "420821************");
    CHECK(redact("某村3组12号") == "某村3组*号");
    CHECK(redact("QQ 123456789") == "QQ *******89");
    // An eight-digit run followed by a short group is still masked (a fuzz finding).
    CHECK(redact("06050427-6") == "******27-6");
    // Dates, ids and small numbers stay.
    CHECK(redact("2026-03-15 2025-017 三年级2班 72 分") == "2026-03-15 2025-017 三年级2班 72 分");
}

TEST_CASE("the last pass of --redact masks any text and keeps each format whole") {
    // Markdown: the masks' stars escaped, the text's own kept; a commit kept.
    CHECK(redact_document("**联系** 一三九〇七一六一二三四，git 5a1234567bc\n", Format::md) ==
          "**联系** 139\\*\\*\\*\\*1234，git 5a1234567bc\n");
    // ... but not a phone after a few letters, which no commit holds (11 digits in a row).
    CHECK(redact_document("abc13907161234", Format::md) == "abc139\\*\\*\\*\\*1234");
    // Already masked text is left as it is.
    CHECK(redact_document("139\\*\\*\\*\\*1234 3组\\*号", Format::md) ==
          "139\\*\\*\\*\\*1234 3组\\*号");
    // CSV: cell by cell; the separators of a number are never a comma, quote or line end.
    CHECK(redact_document("a,13907161234,\"某村3组12号\"\n1234567,7\n", Format::csv) ==
          "a,139****1234,\"某村3组*号\"\n*****67,7\n");
    // JSON: only strings, re-escaped when they change; numbers, keys and layout as they are.
    CHECK(redact_document("{\"num\": 12345678, \"s\": \"\\\"13907161234\\\"\", \"t\": \"a\\nb\"}",
                          Format::json) ==
          "{\"num\": 12345678, \"s\": \"\\\"139****1234\\\"\", \"t\": \"a\\nb\"}");
    // A page: the text between tags and what a reader is shown of a tag (a chart's
    // aria-label), never the tag's other attributes or the style sheet.
    CHECK(redact_document("<style>td { width: 13907161234px; }</style><td data-x=\"13907161234\">"
                          "电话 13907161234</td><svg viewBox=\"0 0 10 10\" "
                          "aria-label=\"一三九〇七一六一二三四\">",
                          Format::html) ==
          "<style>td { width: 13907161234px; }</style><td data-x=\"13907161234\">"
          "电话 139****1234</td><svg viewBox=\"0 0 10 10\" aria-label=\"139****1234\">");
    // Text without anything private comes back byte for byte.
    const std::string plain = "二〇二六年三月十二号，三年级1班 35 人，2026-03-15 10:30\n";
    for (const Format f : {Format::md, Format::csv, Format::json, Format::html})
        CHECK(redact_document(plain, f) == plain);
}

TEST_CASE("redaction corpus: every form in tests/redaction/forms.tsv is masked as written there") {
    // The same file drives tests/golden/redaction.t, which puts each form through every report.
    std::ifstream in(LIUSHOU_REDACTION_FORMS);
    REQUIRE(in);
    std::string line;
    int masked = 0, kept = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
        REQUIRE(tab2 != std::string::npos);
        const std::string typed = line.substr(0, tab1),
                          shown = line.substr(tab1 + 1, tab2 - tab1 - 1);
        CAPTURE(typed);
        CHECK(redact(typed) == shown);
        // Redacting twice changes nothing more, so a redacted report can be redacted again.
        CHECK(redact(shown) == shown);
        ++(typed == shown ? kept : masked);
    }
    CHECK(masked >= 50);
    CHECK(kept >= 15);
}

TEST_CASE("study buddies are counted as of the end: with one, with several, enrolled only") {
    Child one = kid("A1"), two = kid("A2"), none = kid("A3"), gone = kid("A4"), later = kid("A5");
    one.pairing.teacher = two.pairing.teacher = later.pairing.teacher = "T001";
    one.pairing.since = two.pairing.since = Date{2025, 9, 1};
    one.pairing.buddies = {"李华"};
    two.pairing.buddies = {"A1", "陈红"};
    gone.pairing.buddies = {"A1", "A2"};
    gone.status = Status::transferred;
    gone.status_on = Date{2026, 3, 1};
    // Buddies from after the end do not count yet; the earlier pairing (none) does.
    later.pairing.since = Date{2026, 4, 1};
    later.pairing.buddies = {"A1", "A2"};
    later.pairing.history.push_back(
        PairingPeriod{"T001", {}, "", Date{2025, 9, 1}, Date{2026, 3, 31}, {}});
    const Summary s = one_school({one, two, none, gone, later}, kTerm2, Date{2026, 3, 31});
    CHECK(s.total.enrolled == 4);
    CHECK(s.total.with_buddy == 2);
    CHECK(s.total.several_buddies == 1);
    const Summary april = one_school({one, two, none, gone, later}, kTerm2, Date{2026, 4, 30});
    CHECK(april.total.with_buddy == 3);
    CHECK(april.total.several_buddies == 2);
}

TEST_CASE("child_figures carry the id and 身份证号 that second_files needs") {
    Child c;
    c.id = "2025-001";
    c.id_number = "420821201608252711";
    School school;
    const Period p{Date{2026, 2, 1}, Date{2026, 7, 31}, "term"};
    const ChildFigures f = child_figures(c, school, p, Date{2026, 3, 15}, GreetingDays{});
    CHECK(f.id == "2025-001");
    CHECK(f.id_number == "420821201608252711");
}
