#include "liushou/validate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

using namespace liushou;

namespace {

Child complete_child() {
    Child c;
    c.id = "2025-001";
    c.name = "王小明";
    c.gender = Gender::male;
    c.birth_date = Date{2015, 3, 8};
    c.grade = 3;
    c.class_no = 2;
    c.home_address = "湖北省京山县孙桥镇某村3组12号";
    Parent father;
    father.relation = "father";
    father.name = "王建国";
    father.phone = "13812345678";
    father.work_place = "广东省深圳市宝安区某电子厂";
    c.parents.push_back(father);
    c.guardian.relation = "奶奶";
    c.guardian.name = "李秀英";
    c.guardian.phone = "13987654321";
    c.guardian.address = "同上";
    c.guardian.occupation = "务农";
    c.guardian.health = "一般";
    c.guardian.age = 68;
    return c;
}

std::string with_check(const std::string& first17) {
    return first17 + id_number_check_char(first17);
}

const Date kToday{2026, 3, 15};

}  // namespace

TEST_CASE("child ids that could leave children/ are refused") {
    CHECK(valid_child_id("2025-017"));
    CHECK(valid_child_id("A"));
    CHECK(valid_child_id("x.y_z-1"));
    CHECK(valid_child_id(std::string(64, 'a')));
    CHECK_FALSE(valid_child_id(std::string(65, 'a')));
    CHECK_FALSE(valid_child_id(""));
    CHECK_FALSE(valid_child_id("../x"));
    CHECK_FALSE(valid_child_id("a/b"));
    CHECK_FALSE(valid_child_id(".hidden"));
    CHECK_FALSE(valid_child_id("-rf"));
    CHECK_FALSE(valid_child_id("a b"));
    CHECK_FALSE(valid_child_id("王小明"));
    CHECK_FALSE(valid_child_id("a\\b"));
    CHECK(child_id_error("a/b").find("no '/'") != std::string::npos);
}

TEST_CASE("mobile numbers are 11 digits starting 13 to 19") {
    for (const char* ok : {"13812345678", "19912345678", "+8613812345678", "+86 13812345678",
                           "138 1234 5678", "138-1234-5678"}) {
        CAPTURE(ok);
        CHECK(is_mobile_number(ok));
        CHECK(is_phone_number(ok));
    }
    for (const char* bad : {"1381234567", "138123456789", "12812345678", "23812345678",
                            "1381234567a", "", "+8712345678901"}) {
        CAPTURE(bad);
        CHECK_FALSE(is_mobile_number(bad));
    }
}

TEST_CASE("landlines need an area code") {
    for (const char* ok : {"0755-12345678", "010-12345678", "0716-7654321", "075512345678",
                           "0755-12345678-123", "0755-12345678转123", "02787654321"}) {
        CAPTURE(ok);
        CHECK(is_landline_number(ok));
    }
    for (const char* bad :
         {"12345678", "755-12345678", "0755-123456", "0755-123456789", "0755-02345678",
          "00755-1234567", "0755-1234567x", "0755-12345678-", "0755-12345678转"}) {
        CAPTURE(bad);
        CHECK_FALSE(is_landline_number(bad));
    }
}

TEST_CASE("id numbers are checked by GB 11643 check digit, birth date and gender") {
    // The standard's own example number.
    CHECK(id_number_check_char("11010519491231002") == 'X');
    Problems none;
    check_id_number("11010519491231002X", Date{1949, 12, 31}, Gender::female, none);
    CHECK(none.empty());

    const std::string boy = with_check("42082120150308123");  // digit 17 = 3: male
    Problems ok;
    check_id_number(boy, Date{2015, 3, 8}, Gender::male, ok);
    CHECK(ok.empty());

    std::string typo = boy;
    typo[17] = typo[17] == '0' ? '1' : '0';
    Problems wrong_check;
    check_id_number(typo, Date{2015, 3, 8}, Gender::male, wrong_check);
    REQUIRE(wrong_check.size() == 1);
    CHECK(wrong_check[0].message == "the check digit is wrong (GB 11643): a digit was mistyped");
    CHECK(wrong_check[0].message.find(typo) == std::string::npos);

    Problems other_birth;
    check_id_number(boy, Date{2015, 3, 9}, Gender::male, other_birth);
    REQUIRE(other_birth.size() == 1);
    CHECK(other_birth[0].message == "the birth date in the number differs from birth_date");

    Problems other_gender;
    check_id_number(boy, Date{2015, 3, 8}, Gender::female, other_gender);
    REQUIRE(other_gender.size() == 1);
    CHECK(other_gender[0].message == "digit 17 says male but gender is female");

    Problems short_one;
    check_id_number("42082120150308123", std::nullopt, std::nullopt, short_one);
    CHECK(short_one.at(0).message == "an id number has 18 characters, this one has 17");

    Problems letters;
    check_id_number("4208212015030812AX", std::nullopt, std::nullopt, letters);
    CHECK(letters.at(0).message == "the first 17 characters of an id number must be digits");

    Problems bad_date;
    check_id_number(with_check("42082120150230123"), std::nullopt, std::nullopt, bad_date);
    CHECK(bad_date.at(0).message == "digits 7-14 are not a real birth date");

    Problems region;
    check_id_number(with_check("92082120150308123"), std::nullopt, std::nullopt, region);
    CHECK(region.at(0).message.find("region") != std::string::npos);
}

TEST_CASE("a complete file has every field the seed's 档案 lists") {
    CHECK(missing_fields(complete_child()).empty());

    Child c = complete_child();
    c.guardian.age.reset();
    c.home_address.clear();
    CHECK(missing_fields(c) == std::vector<std::string>{"home_address", "guardian.age"});

    Child no_parent = complete_child();
    no_parent.parents.clear();
    CHECK(missing_fields(no_parent) ==
          std::vector<std::string>{"parents (a parent with name, phone and work_place)"});

    // Of two partial parents, the one closer to complete is named.
    Child partial = complete_child();
    partial.parents[0].work_place.clear();
    partial.parents[0].phone.clear();
    Parent mother;
    mother.relation = "mother";
    mother.name = "李芳";
    mother.phone = "13912345678";
    partial.parents.push_back(mother);
    CHECK(missing_fields(partial) == std::vector<std::string>{"parents[1].work_place"});

    const Child empty;
    CHECK(missing_fields(empty).size() == 14);
}

TEST_CASE("validation reports every value problem at once") {
    Child c = complete_child();
    c.guardian.phone = "12345";
    c.parents[0].work_phone = "555-1234";
    c.grade = 7;
    c.birth_date = Date{2027, 1, 1};
    c.guardian.age = -3;
    c.status = Status::transferred;
    Talk t;
    t.date = Date{2026, 4, 1};
    c.talks.push_back(t);
    Problems problems;
    validate_child(c, kToday, problems);
    std::vector<std::string> fields;
    for (const auto& p : problems)
        if (p.severity == Severity::error) fields.push_back(p.field);
    CHECK(fields == std::vector<std::string>{"birth_date", "grade", "status_on",
                                             "parents[0].work_phone", "guardian.phone",
                                             "guardian.age", "talks[0].date", "talks[0].by"});
    for (const auto& p : problems) CHECK(p.message.find("12345") == std::string::npos);
}

TEST_CASE("a well-formed child has no problems") {
    Problems problems;
    validate_child(complete_child(), kToday, problems);
    CHECK(problems.empty());
}

TEST_CASE("parent relations are father or mother, once each") {
    Child c = complete_child();
    c.parents.push_back(c.parents[0]);
    c.parents.push_back(c.parents[0]);
    c.parents[2].relation = "uncle";
    Problems problems;
    validate_child(c, kToday, problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "parents[1].relation");
    CHECK(problems[0].message == "a second father entry");
    CHECK(problems[1].field == "parents[2].relation");
}

TEST_CASE("an implausible age is a warning, not an error") {
    Child c = complete_child();
    c.birth_date = Date{2000, 1, 1};
    Problems problems;
    validate_child(c, kToday, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::warning);
    CHECK_FALSE(has_errors(problems));
}

TEST_CASE("references name unknown teachers and buddies") {
    StaffList staff;
    staff.staff.push_back(Staff{"T001", "张老师", Role::head_teacher, 3, 2, "", {}});
    Child c = complete_child();
    c.pairing.teacher = "T009";
    c.pairing.buddies = {"2025-404"};
    PairingPeriod old;
    old.teacher = "T001";
    old.buddies = {"李华"};  // a plain name is fine
    c.pairing.history.push_back(old);
    Talk t;
    t.by = "T001";
    c.talks.push_back(t);
    Problems problems;
    check_references(
        c, staff, [](std::string_view id) { return id == "2025-002"; }, problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "pairing.teacher");
    CHECK(problems[0].message == "teacher T009 is not in staff.yaml");
    CHECK(problems[1].field == "pairing.buddy");
    CHECK(problems[1].message == "child 2025-404 does not exist");

    c.pairing.buddies = {c.id};
    Problems self;
    check_references(
        c, staff, [](std::string_view) { return true; }, self);
    CHECK(self.back().message == "a child cannot be their own buddy");
}

TEST_CASE("several buddies are checked one by one, each named by its place in the list") {
    StaffList staff;
    staff.staff.push_back(Staff{"T001", "张老师", Role::head_teacher, 3, 2, "", {}});
    Child c = complete_child();
    c.pairing.teacher = "T001";
    c.pairing.buddies = {"2025-002", "李华", "2025-404", c.name, "李华", ""};
    PairingPeriod old;
    old.teacher = "T001";
    old.buddies = {"2025-002", "2025-002"};
    c.pairing.history.push_back(old);
    Problems problems;
    check_references(
        c, staff, [](std::string_view id) { return id == "2025-002"; }, problems);
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& p : problems) got.emplace_back(p.field, p.message);
    const std::vector<std::pair<std::string, std::string>> want = {
        {"pairing.buddy[2]", "child 2025-404 does not exist"},
        {"pairing.buddy[3]", "a child cannot be their own buddy"},
        {"pairing.buddy[4]", "李华 is listed twice"},
        {"pairing.buddy[5]", "a buddy needs an id or a name"},
        {"pairing.history[0].buddy[1]", "2025-002 is listed twice"},
    };
    CHECK(got == want);
    for (const auto& p : problems) CHECK(p.severity == Severity::error);

    c.pairing.buddies = {"2025-002", "李华"};
    c.pairing.history.clear();
    Problems fine;
    check_references(
        c, staff, [](std::string_view id) { return id == "2025-002"; }, fine);
    CHECK(fine.empty());
}

TEST_CASE("staff and school files are validated too") {
    StaffList staff;
    staff.staff.push_back(Staff{"T001", "张老师", Role::head_teacher, 3, 2, "123", {}});
    staff.staff.push_back(Staff{"T001", "", Role::teacher, 9, {}, "", {}});
    Problems problems;
    validate_staff(staff, problems);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].field == "staff[0].phone");
    CHECK(problems[1].message == "staff id T001 is used twice");
    CHECK(problems[2].field == "staff[1].name");
    CHECK(problems[3].field == "staff[1].grade");

    School school = default_school("测试小学", 2025);
    Problems fine;
    validate_school(school, fine);
    CHECK(fine.empty());
    school.events[0].date = "02-30";
    school.rules.language = "fr";
    school.terms[0].to = Date{2025, 1, 1};
    Problems bad;
    validate_school(school, bad);
    REQUIRE(bad.size() == 3);
    CHECK(bad[0].field == "terms[0].to");
    CHECK(bad[1].field == "events[0].date");
    CHECK(bad[2].field == "rules.language");
}

TEST_CASE("terms must not overlap or leave the school year, in whatever order they are listed") {
    School school = default_school("测试小学", 2025);
    std::reverse(school.terms.begin(), school.terms.end());  // spring first is fine
    Problems fine;
    validate_school(school, fine);
    CHECK(fine.empty());

    School overlap = school;
    overlap.terms[1].to = Date{2026, 2, 10};  // autumn runs into spring
    Problems p1;
    validate_school(overlap, p1);
    REQUIRE(p1.size() == 1);
    CHECK(p1[0].field == "terms[1]");
    CHECK(p1[0].message.find("overlaps") != std::string::npos);

    School outside = school;
    outside.terms[0].to = Date{2026, 8, 20};  // spring past the year's end
    Problems p2;
    validate_school(outside, p2);
    REQUIRE(p2.size() == 1);
    CHECK(p2[0].field == "terms[0]");
    CHECK(p2[0].message.find("leaves the school year 2025-2026") != std::string::npos);

    School touching = school;  // one term ending the day before the next starts is fine
    touching.terms[1].to = Date{2026, 1, 31};
    touching.terms[0].from = Date{2026, 2, 1};
    Problems p3;
    validate_school(touching, p3);
    CHECK(p3.empty());
}

TEST_CASE("second_files: one 身份证号 in two files is counted once, as the first in id order") {
    using Key = std::pair<std::string_view, std::string_view>;
    // Read in byte order (as a cache keeps them): 2025-10 comes before 2025-9, but 2025-9 is
    // first in natural order and is the one kept, whatever the order given.
    const std::vector<Key> children = {
        {"2025-10", "420821201608252711"}, {"2025-2", ""},  {"2025-3", ""},
        {"2025-9", "420821201608252711"},  {"2025-4", "1"}, {"2025-11", "420821201608252711"}};
    const auto second = second_files(children);
    REQUIRE(second.size() == 2);
    CHECK(second[0].dropped == 0);  // 2025-10, before 2025-11 in natural order
    CHECK(second[0].kept == 3);
    CHECK(second[1].dropped == 5);
    CHECK(second[1].kept == 3);
    // Without a 身份证号, files are never merged (namesakes may be two children).
    CHECK(second_files({{"a", ""}, {"b", ""}}).empty());
    CHECK(second_files({}).empty());
    const std::vector<Key> reversed(children.rbegin(), children.rend());
    const auto again = second_files(reversed);
    REQUIRE(again.size() == 2);
    CHECK(reversed[again[0].kept].first == "2025-9");
    CHECK(reversed[again[0].dropped].first == "2025-10");
}

TEST_CASE("second_files: the same answer as one natural sort of every id, in any order") {
    // The plain definition: walk every child with a 身份证号 in natural id order (bytes break a
    // tie), keep the first of each number, drop the rest in that order.
    using Key = std::pair<std::string_view, std::string_view>;
    const auto reference = [](const std::vector<Key>& children) {
        std::vector<size_t> order;
        for (size_t i = 0; i < children.size(); ++i)
            if (!children[i].second.empty()) order.push_back(i);
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            const std::string x(children[a].first), y(children[b].first);
            return natural_less(x, y) || (!natural_less(y, x) && x < y);
        });
        std::map<std::string_view, size_t> first;
        std::vector<std::pair<size_t, size_t>> out;
        for (const size_t i : order) {
            const auto [at, fresh] = first.emplace(children[i].second, i);
            if (!fresh) out.emplace_back(i, at->second);
        }
        return out;
    };
    const std::vector<std::string> ids = {"2025-1", "2025-01",  "2025-2", "2025-10",
                                          "2025-9", "2025-11",  "a7",     "a07",
                                          "b",      "2024-100", "2024-99"};
    const std::vector<std::string> numbers = {"", "1", "2", "3"};
    std::mt19937 random(20261206);
    for (int round = 0; round < 500; ++round) {
        std::vector<std::string> pick = ids;
        std::shuffle(pick.begin(), pick.end(), random);
        pick.resize(1 + random() % pick.size());
        std::vector<Key> children;
        for (const std::string& id : pick) children.emplace_back(id, numbers[random() % 4]);
        const auto got = second_files(children);
        const auto want = reference(children);
        REQUIRE(got.size() == want.size());
        for (size_t k = 0; k < got.size(); ++k) {
            CHECK(got[k].dropped == want[k].first);
            CHECK(got[k].kept == want[k].second);
        }
    }
}
