// The field-keeping logic of a purge (#43): what goes, what stays for the figures, and the
// purge record in liushou.yaml.
#include "liushou/purge.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "liushou/codec.hpp"

using namespace liushou;

namespace {

Child left_child() {
    Child c;
    c.id = "2025-003";
    c.name = "孙俊杰";
    c.gender = Gender::female;
    c.birth_date = Date{2018, 12, 9};
    c.id_number = "420821201812092345";
    c.ethnicity = "汉族";
    c.grade = 2;
    c.class_no = 1;
    c.enrolled_on = Date{2024, 9, 1};
    c.entry = Entry::new_pupil;
    c.status = Status::transferred;
    c.status_on = Date{2026, 7, 10};
    c.left_behind = LeftBehind::father_away;
    c.boarding = true;
    c.health = "良好";
    c.home_address = "湖北省京山县孙桥镇石龙村1组35号";
    Parent father{"father", "孙建国", "13800004633", "厦门某鞋厂", "0592-62158640", {}};
    c.parents.push_back(father);
    c.guardian.relation = "奶奶";
    c.guardian.name = "陈德俊";
    c.guardian.phone = "13800001697";
    c.guardian.address = "同上";
    c.guardian.occupation = "家务";
    c.guardian.health = "良好";
    c.guardian.age = 74;
    c.support.key_child = true;
    c.support.subsidies = {"nutrition_meals"};
    c.support.individual_plan = "每周两次课后辅导";
    c.pairing.teacher = "T003";
    c.pairing.buddies = {"2025-030", "王小雨"};
    c.pairing.proxy_parent = "张丽";
    c.pairing.plan.push_back(PlanItem{Date{2026, 3, 2}, Date{2026, 6, 30}, "数学辅导", "及格", {}});
    Talk t;
    t.date = Date{2026, 3, 10};
    t.kind = TalkKind::home_visit;
    t.by = "T003";
    t.summary = "想念妈妈";
    t.mood = Mood::low;
    t.follow_up = "联系父亲";
    c.talks.push_back(t);
    c.notes = "家中困难";
    c.changes.push_back(Change{Date{2025, 9, 1}, "class", "2", {}});
    c.changes.push_back(Change{Date{2026, 3, 1}, "individual_plan", "旧的方案", {}});
    c.enrolment_history.push_back(
        Episode{Date{2022, 9, 1}, Entry::new_pupil, Date{2023, 6, 30}, Status::transferred, {}});
    c.extras.emplace_back("wechat", "sunjj2018");
    return c;
}

}  // namespace

TEST_CASE("purge_child removes every personal field and keeps what figures need") {
    Child c = left_child();
    REQUIRE(!personal_fields(c).empty());
    purge_child(c, Date{2026, 7, 20});
    CHECK(personal_fields(c).empty());
    // Removed.
    CHECK(c.name == "2025-003");  // past reports name the child by id
    CHECK(c.id_number.empty());
    CHECK(c.ethnicity.empty());
    CHECK(c.health.empty());
    CHECK(c.home_address.empty());
    CHECK(c.notes.empty());
    CHECK(c.parents.empty());
    CHECK(c.guardian.name.empty());
    CHECK(c.guardian.phone.empty());
    CHECK(!c.guardian.age);
    CHECK(c.support.individual_plan.empty());
    CHECK(c.pairing.proxy_parent.empty());
    CHECK(c.pairing.plan[0].content.empty());
    CHECK(c.talks[0].summary.empty());
    CHECK(c.talks[0].follow_up.empty());
    CHECK(!c.talks[0].mood);
    CHECK(c.changes[1].was.empty());
    // Kept.
    CHECK(c.id == "2025-003");
    CHECK(c.gender == Gender::female);
    CHECK(*c.birth_date == Date{2018, 12, 1});  // year and month
    CHECK(c.grade == 2);
    CHECK(c.class_no == 1);
    CHECK(*c.enrolled_on == Date{2024, 9, 1});
    CHECK(c.entry == Entry::new_pupil);
    CHECK(c.status == Status::transferred);
    CHECK(*c.status_on == Date{2026, 7, 10});
    CHECK(c.enrolment_history.size() == 1);
    CHECK(c.left_behind == LeftBehind::father_away);
    CHECK(c.boarding == true);
    CHECK(c.support.key_child);
    CHECK(c.support.subsidies == std::vector<std::string>{"nutrition_meals"});
    CHECK(c.pairing.teacher == "T003");
    // A classmate's name goes, another child's id stays; the count stays for the figures.
    CHECK(c.pairing.buddies == std::vector<std::string>{"2025-030", "-"});
    REQUIRE(c.talks.size() == 1);
    CHECK(*c.talks[0].date == Date{2026, 3, 10});
    CHECK(c.talks[0].kind == TalkKind::home_visit);
    CHECK(c.talks[0].by == "T003");
    CHECK(c.changes[0].was == "2");
    CHECK(*purged_on(c) == Date{2026, 7, 20});
}

TEST_CASE("a purged child's file reads back as written, and a second purge changes nothing") {
    Child c = left_child();
    purge_child(c, Date{2026, 7, 20});
    const std::string text = encode_child(c);
    CHECK(text.find("孙俊杰") == std::string::npos);
    CHECK(text.find("13800004633") == std::string::npos);
    CHECK(text.find("sunjj2018") == std::string::npos);
    CHECK(text.find("purged: 2026-07-20") != std::string::npos);
    const Decoded<Child> back = decode_child(text);
    REQUIRE(back.parsed);
    Child again = back.record;
    purge_child(again, Date{2027, 1, 1});  // keeps its own day
    CHECK(encode_child(again) == text);
}

TEST_CASE("a complete file stays complete once purged; an incomplete one stays incomplete") {
    Child c = left_child();
    REQUIRE(missing_fields(c).empty());
    purge_child(c, Date{2026, 7, 20});
    CHECK(missing_fields(c).empty());
    Child d = left_child();
    d.home_address.clear();
    REQUIRE(!missing_fields(d).empty());
    purge_child(d, Date{2026, 7, 20});
    CHECK(!missing_fields(d).empty());
    // and it survives the file
    const Decoded<Child> back = decode_child(encode_child(d));
    REQUIRE(back.parsed);
    CHECK(!missing_fields(back.record).empty());
}

TEST_CASE("a purged child's personal field that comes back is named by check") {
    PrivacySettings p;
    p.purges.push_back(PurgeRecord{Date{2026, 7, 20}, {"2025-003"}});
    Child restored = left_child();
    Problems out;
    check_purged_child(restored, p, out);
    REQUIRE(out.size() > 5);
    CHECK(out[0].field.empty());  // the file lacks its purged mark
    CHECK(std::any_of(out.begin(), out.end(), [](const Problem& x) { return x.field == "name"; }));
    CHECK(std::any_of(out.begin(), out.end(),
                      [](const Problem& x) { return x.field == "talks[0].summary"; }));
    Child purged = left_child();
    purge_child(purged, Date{2026, 7, 20});
    out.clear();
    check_purged_child(purged, p, out);
    CHECK(out.empty());
    purged.talks[0].summary = "合并回来的谈话";
    check_purged_child(purged, p, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].field == "talks[0].summary");
    // A child the record does not name is none of check's business here.
    Child other = left_child();
    other.id = "2025-004";
    out.clear();
    check_purged_child(other, p, out);
    CHECK(out.empty());
}

TEST_CASE("left_on and years_after") {
    Child c = left_child();
    CHECK(*left_on(c) == Date{2026, 7, 10});
    c.status = Status::enrolled;
    CHECK(!left_on(c));
    c.status = Status::not_enrolled;
    CHECK(!left_on(c));
    CHECK(years_after(Date{2024, 2, 29}, 3) == Date{2027, 2, 28});
    CHECK(years_after(Date{2026, 7, 20}, -3) == Date{2023, 7, 20});
}

TEST_CASE("replace_names replaces whole names only") {
    std::string text = "孙俊杰和王小雨参加了六一游园；孙俊杰获奖";
    CHECK(replace_names(text, {"孙俊杰"}, "2025-003") == 2);
    CHECK(text == "2025-003和王小雨参加了六一游园；2025-003获奖");
    std::string short_name = "王 参加";
    CHECK(replace_names(short_name, {"王"}, "2025-009") == 0);  // one character: never
}

TEST_CASE("the privacy section round-trips and refuses what does not read") {
    School s;
    PrivacySettings p;
    p.retention_years = 3;
    p.purges.push_back(PurgeRecord{Date{2026, 7, 20}, {"2025-003", "2025-005"}});
    p.history_rewritten = Date{2026, 7, 21};
    p.replaced_roots = {"15d093b809dd9231add07c9c387f17adf2b43dfd"};
    write_privacy(s, p);
    const Decoded<School> back = decode_school(encode_school(s));
    REQUIRE(back.parsed);
    const PrivacySettings q = read_privacy(back.record);
    CHECK(q.error.empty());
    CHECK(q.retention_years == 3);
    REQUIRE(q.purges.size() == 1);
    CHECK(q.purges[0].ids == std::vector<std::string>{"2025-003", "2025-005"});
    CHECK(*q.purged_on("2025-005") == Date{2026, 7, 20});
    CHECK(!q.purged_on("2025-001"));
    CHECK(*q.history_rewritten == Date{2026, 7, 21});
    CHECK(q.replaced_roots == p.replaced_roots);

    School bad;
    bad.extras.emplace_back("privacy", "\nretention_years: forever");
    CHECK(read_privacy(bad).error == "privacy.retention_years: a number of years, from 1 to 100");
    bad.extras[0].second = "3";
    CHECK(read_privacy(bad).error == "privacy: not a mapping of settings");
    bad.extras[0].second = "{retention_years: 5}";
    CHECK(read_privacy(bad).retention_years == 5);
}
