#include "liushou/date.hpp"

#include <doctest/doctest.h>

using namespace liushou;

TEST_CASE("leap years follow the Gregorian rule") {
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2025));
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2025, 2) == 28);
    CHECK(days_in_month(2025, 4) == 30);
    CHECK(days_in_month(2025, 13) == 0);
}

TEST_CASE("strict dates accept only real YYYY-MM-DD days") {
    CHECK(parse_iso_date("2015-03-08").date == Date{2015, 3, 8});
    CHECK(parse_iso_date("2024-02-29").date.has_value());
    const auto feb30 = parse_iso_date("2016-02-30");
    CHECK_FALSE(feb30.date);
    CHECK(feb30.error == "\"2016-02-30\" is not a real date (2016-02 has 29 days)");
    CHECK(parse_iso_date("2025-13-01").error == "\"2025-13-01\" has no month 13");
    CHECK_FALSE(parse_iso_date("2015-3-8").date);
    CHECK_FALSE(parse_iso_date("2015/03/08").date);
    CHECK_FALSE(parse_iso_date("2015-03-08x").date);
    CHECK_FALSE(parse_iso_date("").date);
    CHECK_FALSE(parse_iso_date("2015-00-10").date);
    CHECK_FALSE(parse_iso_date("2015-01-00").date);
}

TEST_CASE("sheet dates accept the forms Excel users type") {
    const Date want{2015, 3, 8};
    for (const char* text :
         {"2015-03-08", "2015-3-8", "2015/3/8", "2015/03/08", "2015.3.8", "2015年3月8日",
          "2015年3月8", "20150308", " 2015-03-08 ",
          // as Excel writes a date cell out, and in full-width digits
          "2015/3/8 0:00", "2015-03-08 00:00:00", "2015-03-08T00:00:00", "２０１５－０３－０８",
          "２０１５/３/８", "2015年３月８日", "　2015-03-08　"}) {
        CAPTURE(text);
        CHECK(parse_flexible_date(text).date == want);
    }
    CHECK_FALSE(parse_flexible_date("2016/2/30").date);
    CHECK_FALSE(parse_flexible_date("8/3/2015").date);
    CHECK_FALSE(parse_flexible_date("2015-03/08").date);
    CHECK_FALSE(parse_flexible_date("三月八日").date);
    CHECK_FALSE(parse_flexible_date("2015/3/8 noon").date);  // only a time may follow
    CHECK_FALSE(parse_flexible_date("2015/3/8 12").date);
    CHECK_FALSE(parse_flexible_date("42071").date);  // a serial is a sheet's, not an option's
    CHECK(parse_flexible_date("soon").error ==
          "\"soon\" is not a date (write 2015-03-08, 2015/3/8 or 2015年3月8日)");
}

TEST_CASE("day numbers round-trip and order dates") {
    CHECK(Date{1970, 1, 1}.days() == 0);
    CHECK(Date{2000, 3, 1}.days() - Date{2000, 2, 28}.days() == 2);
    for (long d = -1000; d < 30000; d += 37) CHECK(Date::from_days(d).days() == d);
    CHECK(Date{2024, 12, 31}.add_days(1) == Date{2025, 1, 1});
    CHECK(Date{2025, 1, 1} < Date{2025, 1, 2});
    CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
    CHECK(Date{2025, 2, 1} > Date{2025, 1, 31});
}

TEST_CASE("age counts the birthday itself") {
    const Date born{2016, 3, 8};
    CHECK(born.age_on(Date{2026, 3, 7}) == 9);
    CHECK(born.age_on(Date{2026, 3, 8}) == 10);
    CHECK(born.age_on(Date{2026, 12, 31}) == 10);
    // Born on 29 February: the birthday is the 28th in other years, in check as in the
    // checklist's birthday list.
    CHECK(Date{2016, 2, 29}.age_on(Date{2026, 2, 27}) == 9);
    CHECK(Date{2016, 2, 29}.age_on(Date{2026, 2, 28}) == 10);
    CHECK(Date{2016, 2, 29}.age_on(Date{2028, 2, 28}) == 11);
    CHECK(Date{2016, 2, 29}.age_on(Date{2028, 2, 29}) == 12);
}

TEST_CASE("months parse as YYYY-MM and know their last day") {
    const auto m = parse_month("2024-02");
    REQUIRE(m);
    CHECK(m->last() == Date{2024, 2, 29});
    CHECK(m->iso() == "2024-02");
    CHECK_FALSE(parse_month("2024-13"));
    CHECK_FALSE(parse_month("2024-2"));
}
