// The merge driver: nothing dropped, one entry changed twice is a conflict, every conflict
// marked in place with each side whole, and either side of each conflict leaves a valid file.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "codec/merge_values.hpp"
#include "liushou/codec.hpp"

using namespace liushou;

namespace {

const std::string kBase = R"(schema: 1
id: "2025-031"
name: 王小明
gender: male
birth_date: 2016-08-26
grade: 3
class: 2
enrolled_on: 2023-09-01
status: enrolled
health: 良好
parents:
  - relation: father
    name: 王建国
    phone: "13812345678"
    work_place: 深圳
guardian:
  relation: 奶奶
  name: 李秀英
  phone: "13987654321"
  age: 68
talks:
  - date: 2026-03-02
    kind: talk
    by: T001
    summary: 想念妈妈
    mood: low
  - date: 2026-03-09
    kind: home_visit
    by: T002
    summary: 家访
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// The file with every conflict resolved to one side (true: ours).
std::string take(const std::string& text, bool ours) {
    std::string out;
    int state = 0;  // 0 outside, 1 in ours, 2 in theirs
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        const std::string line = text.substr(pos, end - pos + 1);
        pos = end + 1;
        if (line == "<<<<<<< ours\n")
            state = 1;
        else if (line == "=======\n")
            state = 2;
        else if (line == ">>>>>>> theirs\n")
            state = 0;
        else if (state == 0 || (state == 1 && ours) || (state == 2 && !ours))
            out += line;
    }
    return out;
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("merge: a value liushou cannot read is kept verbatim, never dropped") {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"birth_date: 2016-08-26", "birth_date: 2016/8/26"},
             {"    mood: low", "    mood: 很好"},
             {"    kind: home_visit", "    kind: 探望"}}) {
        CAPTURE(to);
        const std::string theirs = replaced(kBase, from, to);
        const std::string ours = replaced(kBase, "health: 良好", "health: 一般");
        const MergeResult r = merge_child_files(kBase, ours, theirs);
        REQUIRE(r.merged);
        CHECK(r.conflicts.empty());
        CHECK(r.text.find(to.substr(to.find(':') + 2)) != std::string::npos);
        CHECK(r.text.find("health: 一般") != std::string::npos);
        // Every other value survives too.
        for (const char* v : {"王建国", "13987654321", "想念妈妈", "家访", "2025-031"})
            CHECK(r.text.find(v) != std::string::npos);
    }
}

TEST_CASE("merge: talks added on both sides are all kept, in date order") {
    const std::string talk_a =
        "  - date: 2026-03-12\n    kind: talk\n    by: T001\n    summary: 甲\n";
    const std::string talk_b =
        "  - date: 2026-03-12\n    kind: talk\n    by: T001\n    summary: 乙\n";
    const MergeResult r = merge_child_files(kBase, kBase + talk_a, kBase + talk_b);
    REQUIRE(r.merged);
    CHECK(r.conflicts.empty());
    CHECK(count(r.text, "  - date: ") == 4);
    CHECK(r.text.find("summary: 甲") < r.text.find("summary: 乙"));
    CHECK(decode_child(r.text).writable());
}

TEST_CASE("merge: the same talk edited differently on both sides is a conflict, not two talks") {
    const std::string ours = replaced(kBase, "summary: 想念妈妈", "summary: 想念妈妈，哭了");
    const std::string theirs = replaced(kBase, "    mood: low", "    mood: ok");
    const MergeResult r = merge_child_files(kBase, ours, theirs);
    REQUIRE(r.merged);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].field == "talks (2026-03-02 talk T001)");
    // Each side is the whole entry.
    const std::string block = r.text.substr(r.text.find("<<<<<<< ours"));
    CHECK(block.find("<<<<<<< ours\n  - date: 2026-03-02\n    kind: talk\n    by: T001\n    "
                     "summary: 想念妈妈，哭了\n    mood: low\n=======\n  - date: 2026-03-02\n"
                     "    kind: talk\n    by: T001\n    summary: 想念妈妈\n    mood: ok\n"
                     ">>>>>>> theirs\n") == 0);
    CHECK(take(r.text, true) == encode_child(decode_child(ours).record));
    CHECK(take(r.text, false) == encode_child(decode_child(theirs).record));
}

TEST_CASE("merge: an entry changed on one side and removed on the other is a conflict") {
    const std::string ours =
        replaced(kBase, "    summary: 家访\n", "    summary: 家访，奶奶身体尚可\n");
    const std::string theirs = replaced(
        kBase, "  - date: 2026-03-09\n    kind: home_visit\n    by: T002\n    summary: 家访\n", "");
    const MergeResult r = merge_child_files(kBase, ours, theirs);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(take(r.text, true).find("家访，奶奶身体尚可") != std::string::npos);
    CHECK(take(r.text, false).find("home_visit") == std::string::npos);
    CHECK(decode_child(take(r.text, false)).writable());
}

TEST_CASE("merge: several conflicts are each marked in place; either side of each reads") {
    std::string ours = replaced(kBase, "phone: \"13987654321\"", "phone: \"13900000001\"");
    ours = replaced(ours, "health: 良好", "health: 一般");
    ours = replaced(ours, "    work_place: 深圳", "    work_place: 东莞");
    ours = replaced(ours, "    mood: low", "    mood: good");
    std::string theirs = replaced(kBase, "phone: \"13987654321\"", "phone: \"13900000002\"");
    theirs = replaced(theirs, "health: 良好", "health: 较差");
    theirs = replaced(theirs, "    work_place: 深圳", "    work_place: 广州");
    theirs = replaced(theirs, "    mood: low", "    mood: ok");
    theirs = replaced(theirs, "grade: 3", "grade: 4");  // one side only: merged quietly
    const MergeResult r = merge_child_files(kBase, ours, theirs);
    REQUIRE(r.merged);
    CHECK(r.conflicts.size() == 4);
    CHECK(count(r.text, "<<<<<<< ours\n") == 4);
    CHECK(count(r.text, "=======\n") == 4);
    CHECK(count(r.text, ">>>>>>> theirs\n") == 4);
    const std::string all_ours = take(r.text, true), all_theirs = take(r.text, false);
    for (const std::string& side : {all_ours, all_theirs}) {
        const Decoded<Child> d = decode_child(side);
        CHECK(d.writable());
        CHECK(d.record.grade == 4);
    }
    CHECK(all_ours.find("13900000001") != std::string::npos);
    CHECK(all_ours.find("东莞") != std::string::npos);
    CHECK(all_theirs.find("13900000002") != std::string::npos);
    CHECK(all_theirs.find("广州") != std::string::npos);
    CHECK(all_theirs.find("mood: ok") != std::string::npos);
    // Ours for the first conflicts and theirs for the others: still a record.
    std::string mixed;
    int seen = 0, state = 0;
    for (size_t pos = 0; pos < r.text.size();) {
        const size_t end = r.text.find('\n', pos);
        const std::string line = r.text.substr(pos, end - pos + 1);
        pos = end + 1;
        if (line == "<<<<<<< ours\n")
            state = 1, ++seen;
        else if (line == "=======\n")
            state = 2;
        else if (line == ">>>>>>> theirs\n")
            state = 0;
        else if (state == 0 || (state == 1 && seen <= 2) || (state == 2 && seen > 2))
            mixed += line;
    }
    CHECK(decode_child(mixed).writable());
}

TEST_CASE(
    "merge: a parent is merged field by field; one field changed twice shows the parent whole") {
    const std::string ours =
        replaced(kBase, "    phone: \"13812345678\"", "    phone: \"13812345670\"");
    const std::string theirs = replaced(kBase, "    name: 王建国", "    name: 王建军");
    const MergeResult quiet = merge_child_files(kBase, ours, theirs);
    CHECK(quiet.conflicts.empty());
    CHECK(quiet.text.find("13812345670") != std::string::npos);
    CHECK(quiet.text.find("王建军") != std::string::npos);

    const std::string theirs2 =
        replaced(theirs, "    phone: \"13812345678\"", "    phone: \"13812345671\"");
    const MergeResult r = merge_child_files(kBase, ours, theirs2);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].field == "parents (father)");
    CHECK(take(r.text, true).find("13812345670") != std::string::npos);
    CHECK(take(r.text, true).find("王建国") != std::string::npos);
    CHECK(take(r.text, false).find("王建军") != std::string::npos);
    CHECK(take(r.text, false).find("13812345671") != std::string::npos);
}

TEST_CASE("merge: two different children under one id are a whole-file conflict") {
    const std::string other = replaced(replaced(kBase, "name: 王小明", "name: 陈思雨"),
                                       "birth_date: 2016-08-26", "birth_date: 2016-05-01");
    const MergeResult r = merge_child_files("", kBase, other);
    REQUIRE(r.merged);
    CHECK(r.different_children);
    CHECK(take(r.text, true) == kBase);
    CHECK(take(r.text, false) == other);
    // The same child created on both sides (same name and birth date) merges as usual.
    const std::string talk =
        "  - date: 2026-03-12\n    kind: talk\n    by: T001\n    summary: 甲\n";
    const MergeResult same = merge_child_files("", kBase, kBase + talk);
    CHECK_FALSE(same.different_children);
    CHECK(same.conflicts.empty());
}

TEST_CASE("merge: every list is grouped by the identity schema.hpp gives it") {
    // A progress entry is its date; a pairing period its start. Changed differently on both
    // sides, each is one conflict named by that identity, never two entries.
    const std::string pairing =
        "pairing:\n  teacher: T001\n  history:\n    - teacher: T009\n      from: 2025-09-01\n"
        "      to: 2026-02-28\n  progress:\n    - date: 2026-03-10\n      note: 甲\n";
    const std::string base = kBase + pairing;
    const std::string ours = replaced(replaced(base, "note: 甲", "note: 乙"), "T009", "T007");
    const std::string theirs = replaced(replaced(base, "note: 甲", "note: 丙"), "T009", "T008");
    const MergeResult r = merge_child_files(base, ours, theirs);
    REQUIRE(r.merged);
    REQUIRE(r.conflicts.size() == 2);
    CHECK(r.conflicts[0].field == "pairing.history (2025-09-01)");
    CHECK(r.conflicts[1].field == "pairing.progress (2026-03-10)");
    CHECK(count(r.text, "- date: 2026-03-10") == 2);  // once on each side of its conflict
    CHECK(take(r.text, true) == encode_child(decode_child(ours).record));
    CHECK(take(r.text, false) == encode_child(decode_child(theirs).record));
}

TEST_CASE("merge: buddies added in two clones are all kept, one buddy written as before") {
    // A file from before a child could have several buddies holds `buddy: 李华`; each clone
    // adds another. The merge keeps the three, and a one-buddy result is a plain field again.
    const std::string base = kBase + "pairing:\n  teacher: T001\n  buddy: 李华\n";
    const std::string ours =
        replaced(base, "  buddy: 李华\n", "  buddy:\n    - 李华\n    - 陈红\n");
    const std::string theirs =
        replaced(base, "  buddy: 李华\n", "  buddy:\n    - 李华\n    - \"2025-040\"\n");
    MergeResult r = merge_child_files(base, ours, theirs);
    REQUIRE(r.merged);
    CHECK(r.conflicts.empty());
    const Decoded<Child> merged = decode_child(r.text);
    CHECK(merged.record.pairing.buddies == std::vector<std::string>{"李华", "陈红", "2025-040"});

    // One side drops 李华 while the other adds a buddy: the drop and the addition both stand.
    const std::string dropped = replaced(base, "  buddy: 李华\n", "  buddy: 陈红\n");
    r = merge_child_files(base, dropped, theirs);
    REQUIRE(r.merged);
    CHECK(r.conflicts.empty());
    CHECK(decode_child(r.text).record.pairing.buddies ==
          std::vector<std::string>{"陈红", "2025-040"});
    CHECK(r.text.find("  buddy:\n    - 陈红\n    - \"2025-040\"\n") != std::string::npos);

    // Only one side touched it: taken as it is, a lone buddy as a plain field.
    r = merge_child_files(base, dropped, base);
    REQUIRE(r.merged);
    CHECK(r.text.find("  buddy: 陈红\n") != std::string::npos);
}

TEST_CASE("merge: liushou.yaml keeps plan ticks and group members added in two clones") {
    const std::string base = encode_school(default_school("测试小学", 2025));
    School a = decode_school(base).record, b = a;
    a.plan_done.push_back(PlanDone{"2026-03", 1, Date{2026, 3, 5}, "已完成", {}, {}});
    a.leading_group.members.push_back("甲");
    b.plan_done.push_back(PlanDone{"2026-03", 2, Date{2026, 3, 6}, "", {}, {}});
    b.leading_group.members.push_back("乙");
    b.rules.talks_per_month = 2;
    MergeResult r = merge_school_files(base, encode_school(a), encode_school(b));
    REQUIRE(r.merged);
    CHECK(r.conflicts.empty());
    const Decoded<School> merged = decode_school(r.text);
    REQUIRE(merged.problems.empty());
    REQUIRE(merged.record.plan_done.size() == 2);
    CHECK(merged.record.plan_done[0].task == 1);
    CHECK(merged.record.plan_done[0].note == "已完成");
    CHECK(merged.record.plan_done[1].task == 2);
    CHECK(merged.record.leading_group.members == std::vector<std::string>{"甲", "乙"});
    CHECK(merged.record.rules.talks_per_month == 2);  // changed on one side only
    CHECK(r.text == encode_school(merged.record));    // canonical

    // The same task ticked on both sides with different notes is one conflict, either side whole.
    School c = decode_school(base).record;
    c.plan_done.push_back(PlanDone{"2026-03", 1, Date{2026, 3, 9}, "补记", {}, {}});
    r = merge_school_files(base, encode_school(a), encode_school(c));
    REQUIRE(r.merged);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].field == "plan_done (2026-03 1)");
    CHECK(decode_school(take(r.text, true)).record.plan_done.at(0).note == "已完成");
    CHECK(decode_school(take(r.text, false)).record.plan_done.at(0).note == "补记");
    // Both ticked it the same way: one tick.
    r = merge_school_files(base, encode_school(a), encode_school(a));
    CHECK(r.conflicts.empty());
    CHECK(decode_school(r.text).record.plan_done.size() == 1);
}

TEST_CASE("merge: a side beyond check's limits is refused before it is built") {
    // An alias bomb of a few hundred bytes: nine lists of nine, nested eight times.
    std::string bomb = kBase + "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        const std::string p(1, static_cast<char>(c - 1));
        bomb += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i) bomb += (i ? ", *" : "*") + p;
        bomb += "]\n";
    }
    const std::string ours = replaced(kBase, "health: 良好", "health: 一般");
    for (int side = 0; side < 3; ++side) {
        const std::string& base = side == 0 ? bomb : kBase;
        const std::string& mine = side == 1 ? bomb : ours;
        const std::string& theirs = side == 2 ? bomb : kBase;
        const MergeResult r = merge_child_files(base, mine, theirs);
        CHECK(r.merged);
        CHECK(r.refused_side == (side == 0 ? "base" : side == 1 ? "ours" : "theirs"));
        CHECK(r.refusal.message ==
              "aliases (*name) are not allowed in liushou files; write the value out");
        CHECK(r.refusal.line == count(kBase, "\n") + 2);  // the first alias, in b:
        // The whole file is one conflict, each side verbatim: nothing was expanded.
        CHECK(r.text == "<<<<<<< ours\n" + mine + "=======\n" + theirs + ">>>>>>> theirs\n");
    }
    // A tag, and nesting past yaml-cpp's guard, are refused the same way.
    const MergeResult tagged = merge_child_files(kBase, ours, kBase + "x: !!binary aGk=\n");
    CHECK(tagged.refusal.message == "tags (!!binary) are not allowed in liushou files");
    const MergeResult deep =
        merge_child_files(kBase, ours, kBase + "x: " + std::string(3000, '[') + "\n");
    CHECK(deep.refused_side == "theirs");
    CHECK(deep.refusal.message.find("levels deep") != std::string::npos);
    // So is a file of more values than a record holds (it would take minutes to merge).
    std::string wide = kBase;
    for (int i = 0; i < 12000; ++i) wide += fmt::format("k{}: 1\n", i);
    const MergeResult big = merge_child_files(kBase, ours, wide);
    CHECK(big.refused_side == "theirs");
    CHECK(big.refusal.message.find("more than 20000 values") != std::string::npos);
}

TEST_CASE("merge: more conflicts than can be marked in place make one whole-file conflict") {
    std::string base = kBase, ours = kBase, theirs = kBase;
    for (int i = 0; i < 100; ++i) {
        base += fmt::format("k{}: 0\n", i);
        ours += fmt::format("k{}: 1\n", i);
        theirs += fmt::format("k{}: 2\n", i);
    }
    const MergeResult r = merge_child_files(base, ours, theirs);
    CHECK(r.refused_side.empty());
    CHECK(r.refusal.message ==
          "100 fields or entries changed differently on both sides, more than the 64 merged in "
          "place");
    CHECK(r.text == "<<<<<<< ours\n" + ours + "=======\n" + theirs + ">>>>>>> theirs\n");
    // Within the limit each is marked where it is, as before.
    const MergeResult few = merge_child_files(kBase + "k: 0\n", kBase + "k: 1\n", kBase + "k: 2\n");
    CHECK(few.refusal.message.empty());
    CHECK(few.conflicts.size() == 1);
}

TEST_CASE("merge: returned sheets noted in two clones are both kept, the same one once") {
    const std::string base = encode_school(default_school("测试小学", 2025));
    School a = decode_school(base).record, b = a;
    const ReturnedSheet zhang{"2026-03",         "T001", "张老师", "张老师-2026-03.xlsx",
                              Date{2026, 3, 25}, 15,     7,        {}};
    a.returned_sheets.push_back(zhang);
    b.returned_sheets.push_back(zhang);  // the same file logged in both clones
    b.returned_sheets.push_back(ReturnedSheet{
        "2026-03", "T002", "李老师", "李老师-2026-03.xlsx", Date{2026, 3, 26}, 6, 3, {}});
    const MergeResult r = merge_school_files(base, encode_school(a), encode_school(b));
    REQUIRE(r.merged);
    CHECK(r.conflicts.empty());
    const Decoded<School> merged = decode_school(r.text);
    REQUIRE(merged.problems.empty());
    REQUIRE(merged.record.returned_sheets.size() == 2);
    CHECK(merged.record.returned_sheets[0].teacher == "T001");
    CHECK(merged.record.returned_sheets[0].owed == 7);
    CHECK(merged.record.returned_sheets[1].file == "李老师-2026-03.xlsx");
}

namespace {

/// The merge's result with the fast reader and with yaml-cpp reading every side: equal.
void same_either_way(const std::string& base, const std::string& ours, const std::string& theirs) {
    for (const bool school : {false, true}) {
        CAPTURE(school);
        const MergeResult r =
            school ? merge_school_files(base, ours, theirs) : merge_child_files(base, ours, theirs);
        const MergeResult y = merge_values::merge_with_yaml_cpp(base, ours, theirs, school);
        CHECK(r.merged == y.merged);
        CHECK(r.text == y.text);
        CHECK(r.different_children == y.different_children);
        CHECK(r.refused_side == y.refused_side);
        CHECK(r.refusal.message == y.refusal.message);
        CHECK(r.refusal.line == y.refusal.line);
        REQUIRE(r.conflicts.size() == y.conflicts.size());
        for (size_t i = 0; i < r.conflicts.size(); ++i)
            CHECK(r.conflicts[i].field == y.conflicts[i].field);
    }
}

}  // namespace

TEST_CASE("merge: the fast reader reads each side as yaml-cpp does, quotes and all") {
    // What the merge sees of a side: kinds, scalars, order, duplicate keys, and which
    // scalars were quoted ("13812345678" must stay text).
    const std::string odd = kBase +
                            "\"quoted key\": \"a \\\"b\\\" \\u4e2d\"\n"
                            "single: 'it''s'\n"
                            "nothing: ~\n"
                            "also_nothing: null\n"
                            "word_null: \"null\"\n"
                            "empty:\n"
                            "flow: [2026-01, 2026-02]\n"
                            "none: []\n"
                            "dup: 1\n"
                            "dup: 2\n"
                            "negative: -5\n"
                            "NULL: 键是空\n"  // a null word as a key: yaml-cpp's null
                            "flow_nulls: [a, null, ~]\n";
    for (const std::string& text : {kBase, odd}) {
        YAML::Node fast;
        REQUIRE(merge_values::load_fast(text, 20000, fast));
        const YAML::Node slow = YAML::Load(text);
        CHECK(merge_values::emit(fast) == merge_values::emit(slow));
        CHECK(merge_values::same_value(fast, slow));
    }
    YAML::Node phone;
    REQUIRE(merge_values::load_fast("phone: \"13812345678\"\nplain: 13812345678\n", 100, phone));
    CHECK(phone["phone"].Tag() == "!");
    CHECK(phone["plain"].Tag() == "?");
    // Outside the subset or the limits: left to yaml-cpp.
    YAML::Node none;
    CHECK_FALSE(merge_values::load_fast("a: 1 # note\n", 100, none));
    CHECK_FALSE(merge_values::load_fast("a: &x 1\nb: *x\n", 100, none));
    CHECK_FALSE(merge_values::load_fast("a: 1\nb: 2\n", 3, none));  // four values
    std::string deep;
    for (int i = 0; i < 40; ++i) deep += std::string(static_cast<size_t>(2 * i), ' ') + "k:\n";
    CHECK_FALSE(merge_values::load_fast(deep + std::string(80, ' ') + "k: 1\n", 20000, none));
    CHECK_FALSE(merge_values::load_fast(std::string("a: \xff\n"), 100, none));

    // Whole merges, each side in or out of the subset, give the same bytes either way.
    const std::string ours = replaced(kBase, "health: 良好", "health: 一般");
    const std::string talk = replaced(kBase, "    summary: 家访\n",
                                      "    summary: 家访\n  - date: 2026-03-20\n    kind: talk\n"
                                      "    by: T001\n    summary: 谈心\n");
    const std::string requoted = replaced(kBase, "phone: \"13812345678\"", "phone: 13812345678");
    const std::string commented = "# 手改过\n" + talk;
    const std::string edited = replaced(kBase, "    summary: 想念妈妈", "    summary: 想家");
    const std::string edited2 = replaced(kBase, "    summary: 想念妈妈", "    summary: '想妈妈'");
    same_either_way(kBase, ours, talk);
    same_either_way(kBase, requoted, talk);
    same_either_way(kBase, commented, ours);
    same_either_way(kBase, edited, edited2);  // a conflict, marked in place
    same_either_way("", ours, talk);          // created on both sides
    same_either_way(kBase, kBase + "dup: 1\ndup: 2\nnothing: ~\n", ours);
    same_either_way(kBase, "- a list\n", ours);  // not a mapping: a line merge
    same_either_way(kBase, ours, kBase + "x: !!binary aGk=\n");
    // What yaml-cpp refuses is left to it (a line merge): a flow list's item that starts with
    // an indicator, a key whose ':' is more than 1024 bytes on.
    for (const std::string& bad : std::vector<std::string>{
             "months: [@x]\n", "months: [a, - b]\n", "months: [%x]\n", "months: [`x]\n",
             std::string(1025, 'k') + ": x\n", "\"" + std::string(1023, 'q') + "\": x\n",
             "talks:\n  - " + std::string(1025, 'k') + ": x\n"}) {
        CAPTURE(bad);
        CHECK_FALSE(merge_values::load_fast(kBase + bad, 20000, none));
        same_either_way(kBase, ours, kBase + bad);
    }
    std::string long_chinese;  // 1,026 bytes
    for (int i = 0; i < 171; ++i) long_chinese += "备注";
    same_either_way(kBase, ours, kBase + long_chinese + ": x\n");
    // Just within: read by the fast reader, as yaml-cpp reads them.
    YAML::Node within;
    CHECK(merge_values::load_fast(kBase + std::string(1023, 'k') + ": x\nm: [a, -5]\n", 20000,
                                  within));
    same_either_way(kBase, ours, kBase + std::string(1023, 'k') + ": x\nm: [a, -5]\n");
}
