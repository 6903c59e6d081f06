#include "liushou/codec.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

using namespace liushou;

namespace {

// A canonical child file, as encode_child writes it.
const char* const kCanonical = R"(schema: 2
id: "2025-017"
name: 王小明
gender: male
birth_date: 2015-03-08
id_number: "11010519491231002X"
ethnicity: 汉族
grade: 3
class: 2
enrolled_on: 2023-09-01
status: enrolled
left_behind: both_parents
boarding: false
health: 良好
home_address: 湖北省京山县孙桥镇某村3组12号
parents:
  - relation: father
    name: 王建国
    phone: "13812345678"
    work_place: 广东省深圳市宝安区某电子厂
    work_phone: "0755-12345678"
guardian:
  relation: grandmother
  name: 李秀英
  occupation: 务农
  address: 同上
  phone: "13987654321"
  health: 一般
  age: 68
support:
  key_child: true
  subsidies:
    - two_exemptions_one_subsidy
  individual_plan: 每周一次谈心
pairing:
  teacher: T003
  buddy: "2025-031"
  proxy_parent: 张丽（2025-031 的母亲） 13700000000
  since: 2025-03-01
  history:
    - teacher: T001
      buddy: "2025-020"
      from: 2024-09-01
      to: 2025-02-28
  plan:
    - from: 2025-03-01
      to: 2025-06-30
      content: 数学每周两次辅导
      goal: 期末数学及格
  progress:
    - date: 2025-04-15
      note: 单元测验 72 分，比上次提高 15 分
talks:
  - date: 2025-03-12
    kind: talk
    by: T003
    summary: 想念妈妈，学习压力大
    mood: low
    follow_up: 联系母亲每周通一次视频电话
  - date: 2025-04-02
    kind: home_visit
    by: T003
    summary: "多行\n记录"
notes: "note: with a colon"
)";

}  // namespace

TEST_CASE("a canonical child file survives decode and encode byte for byte") {
    const auto decoded = decode_child(kCanonical);
    REQUIRE(decoded.parsed);
    CHECK(decoded.problems.empty());
    const Child& c = decoded.record;
    CHECK(c.id == "2025-017");
    CHECK(c.gender == Gender::male);
    CHECK(c.class_no == 2);
    CHECK(c.guardian.age == 68);
    CHECK(c.support.key_child);
    CHECK(c.pairing.history.at(0).to == Date{2025, 2, 28});
    CHECK(c.talks.at(1).summary == "多行\n记录");
    CHECK(c.talks.at(0).mood == Mood::low);
    CHECK(c.notes == "note: with a colon");
    CHECK(encode_child(c) == kCanonical);
}

TEST_CASE("encoding is a fixed point: encode(decode(encode(x))) == encode(x)") {
    Child c;
    c.id = "A-1";
    c.name = "yes";  // a YAML 1.1 boolean word must stay a string
    c.notes = "  leading spaces, # not a comment, 'quotes' and \"doubles\" \\ \t tab";
    c.health = "- dash";
    c.home_address = "123";
    c.ethnicity = "null";
    Talk t;
    t.date = Date{2025, 5, 1};
    t.by = "T1";
    t.summary = "line1\nline2\n";
    t.follow_up = "\xe2\x80\xa8 separator and \xef\xbb\xbf mark";
    c.talks.push_back(t);
    const std::string once = encode_child(c);
    const auto back = decode_child(once);
    REQUIRE(back.parsed);
    CHECK(back.problems.empty());
    CHECK(back.record.name == "yes");
    CHECK(back.record.notes == c.notes);
    CHECK(back.record.home_address == "123");
    CHECK(back.record.ethnicity == "null");
    CHECK(back.record.talks.at(0).summary == "line1\nline2\n");
    CHECK(back.record.talks.at(0).follow_up == t.follow_up);
    CHECK(encode_child(back.record) == once);

    // A C1 control (NEL) or a bidi override is refused when read back, naming the field.
    for (const char* bad : {"\xc2\x85 next line", "\xe2\x80\xae reversed"}) {
        Child d = c;
        d.talks[0].follow_up = bad;
        const auto refused = decode_child(encode_child(d));
        REQUIRE(refused.problems.size() == 1);
        CHECK(refused.problems[0].field == "talks[0].follow_up");
    }
}

TEST_CASE("a control character in a text field is an error that names the field") {
    const std::string text = "schema: 1\nid: \"A-1\"\nname: \"a\\x01b\"\n";
    for (const auto& decoded : {decode_child(text), decode_child_full(text)}) {
        REQUIRE(decoded.problems.size() == 1);
        CHECK(decoded.problems[0].field == "name");
        CHECK(decoded.problems[0].message == "holds a control character (U+0001); remove it");
        CHECK(decoded.problems[0].line == 3);
        CHECK_FALSE(decoded.writable());
    }
}

TEST_CASE("a forbidden character is found in any scalar, written raw or as an escape") {
    // The fast reader checks a clean file's text once instead of each scalar: a file with a
    // forbidden character anywhere, raw or escaped, or any escape, must still name the field.
    const std::vector<std::pair<std::string, std::string>> values = {
        {"\xE2\x80\xAE王小明", "U+202E"},  // raw, in a plain scalar
        {"\"a\\u202Eb\"", "U+202E"},       // an escape in double quotes
        {"\"a\\eb\"", "U+001B"},           // ESC as YAML's \e
        {"'a\x7f"
         "b'",
         "U+007F"},                  // raw, single-quoted
        {"\"a\\x85b\"", "U+0085"}};  // a C1 control by escape
    for (const auto& [value, code] : values) {
        for (const std::string field : {"name", "talks[0].summary"}) {
            const std::string text =
                field == "name" ? "schema: 2\nid: \"A-1\"\nname: " + value + "\n"
                                : "schema: 2\nid: \"A-1\"\nname: 王\ntalks:\n  - date: 2025-09-01\n"
                                  "    kind: talk\n    by: T001\n    summary: " +
                                      value + "\n";
            CAPTURE(text);
            const auto decoded = decode_child(text);
            REQUIRE(decoded.problems.size() == 1);
            CHECK(decoded.problems[0].field == field);
            CHECK(decoded.problems[0].message.find(code) != std::string::npos);
        }
    }
}

TEST_CASE("scalars are quoted exactly when YAML would misread them") {
    CHECK(yaml_scalar("王小明") == "王小明");
    CHECK(yaml_scalar("T003") == "T003");
    CHECK(yaml_scalar("13812345678") == "\"13812345678\"");
    CHECK(yaml_scalar("2025-017") == "\"2025-017\"");
    CHECK(yaml_scalar("true") == "\"true\"");
    CHECK(yaml_scalar("No") == "\"No\"");
    CHECK(yaml_scalar("~") == "\"~\"");
    CHECK(yaml_scalar("") == "\"\"");
    CHECK(yaml_scalar("a: b") == "\"a: b\"");
    CHECK(yaml_scalar("a #b") == "\"a #b\"");
    CHECK(yaml_scalar("a#b") == "a#b");
    CHECK(yaml_scalar("*alias") == "\"*alias\"");
    CHECK(yaml_scalar("+86 138") == "\"+86 138\"");
    CHECK(yaml_scalar("say \"hi\"") == "say \"hi\"");
    CHECK(yaml_scalar("\"hi\"") == "\"\\\"hi\\\"\"");
    // The reserved words in any case, and longer words that only begin like them.
    CHECK(yaml_scalar("FALSE") == "\"FALSE\"");
    CHECK(yaml_scalar("oFf") == "\"oFf\"");
    CHECK(yaml_scalar("Y") == "\"Y\"");
    CHECK(yaml_scalar("nulls") == "nulls");
    CHECK(yaml_scalar("falsey") == "falsey");
    CHECK(yaml_scalar("yes 好") == "yes 好");
    // What plain style cannot hold, anywhere in the text: C1 controls, the BOM, the line
    // and paragraph separators; Chinese text with dashes, quotes and a no-break space can.
    CHECK(yaml_scalar("张\xc2\x85三") == "\"张\\u0085三\"");
    CHECK(yaml_scalar("张\xef\xbb\xbf三") == "\"张\\ufeff三\"");
    CHECK(yaml_scalar("张\xe2\x80\xa8三") == "\"张\\L三\"");
    CHECK(yaml_scalar("张\xe2\x80\xa9") == "\"张\\P\"");
    CHECK(yaml_scalar("“好”——\xc2\xa0。") == "“好”——\xc2\xa0。");
    CHECK(yaml_scalar("a\tb") == "\"a\\tb\"");
}

TEST_CASE("lists are written in date order without reordering one day's entries") {
    Child c;
    c.id = "x1";
    for (const auto& [day, summary] : std::vector<std::pair<int, std::string>>{
             {20, "third"}, {5, "first"}, {20, "fourth"}, {10, "second"}}) {
        Talk t;
        t.date = Date{2025, 3, day};
        t.by = "T1";
        t.summary = summary;
        c.talks.push_back(t);
    }
    const auto back = decode_child(encode_child(c));
    std::vector<std::string> order;
    for (const auto& t : back.record.talks) order.push_back(t.summary);
    CHECK(order == std::vector<std::string>{"first", "second", "third", "fourth"});
}

TEST_CASE("unknown keys are kept, after the known ones, at every level") {
    const char* text = R"(schema: 1
hobby: 画画
id: x1
name: 甲
guardian:
  wechat: abc123
  name: 乙
talks:
  - date: 2025-03-01
    by: T1
    room: 心理咨询室
extra_list:
  - a
  - b: 1
)";
    const auto d = decode_child(text);
    REQUIRE(d.parsed);
    CHECK(d.problems.empty());
    CHECK(encode_child(d.record) == R"(schema: 2
id: x1
name: 甲
status: enrolled
guardian:
  name: 乙
  wechat: abc123
talks:
  - date: 2025-03-01
    kind: talk
    by: T1
    room: 心理咨询室
hobby: 画画
extra_list:
  - a
  - b: 1
)");
}

TEST_CASE("one buddy is a plain field, several a list, and both read back as a list") {
    const std::string head = "schema: 2\nid: \"2025-001\"\nname: 甲\nstatus: enrolled\n";
    const std::string one = head + "pairing:\n  teacher: T001\n  buddy: \"2025-031\"\n";
    const Decoded<Child> a = decode_child(one);
    REQUIRE(a.problems.empty());
    CHECK(a.record.pairing.buddies == std::vector<std::string>{"2025-031"});
    CHECK(encode_child(a.record) == one);  // a file written before stays byte for byte

    const std::string two =
        head +
        "pairing:\n  teacher: T001\n  buddy:\n    - \"2025-031\"\n    - 李华\n  history:\n"
        "    - teacher: T002\n      buddy:\n        - 陈红\n        - 张伟\n"
        "      from: 2025-09-01\n      to: 2026-02-28\n";
    const Decoded<Child> b = decode_child(two);
    REQUIRE(b.problems.empty());
    CHECK(b.record.pairing.buddies == std::vector<std::string>{"2025-031", "李华"});
    CHECK(b.record.pairing.history.at(0).buddies == std::vector<std::string>{"陈红", "张伟"});
    CHECK(encode_child(b.record) == two);

    // A flow list, as a hand editor may type it, is read the same and written as a block.
    const Decoded<Child> c =
        decode_child(head + "pairing:\n  teacher: T001\n  buddy: [\"2025-031\", 李华]\n");
    REQUIRE(c.problems.empty());
    CHECK(c.record.pairing.buddies == b.record.pairing.buddies);

    const Decoded<Child> bad = decode_child(head + "pairing:\n  buddy:\n    a: b\n");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].field == "pairing.buddy");
    CHECK(bad.problems[0].line == 7);
}

TEST_CASE("problems carry the line and column of the field") {
    const char* text =
        "schema: 1\nid: x1\nname: 甲\nbirth_date: 2015-02-30\ngrade: three\n"
        "gender: 未知\ntalks:\n  - date: 2025-13-01\n    kind: chat\n";
    const auto d = decode_child(text);
    CHECK(d.parsed);
    REQUIRE(d.problems.size() == 5);
    CHECK(d.problems[0].field == "birth_date");
    CHECK(d.problems[0].line == 4);
    CHECK(d.problems[0].col == 13);
    CHECK(d.problems[1].field == "grade");
    CHECK(d.problems[1].message == "expected a whole number, found \"three\"");
    CHECK(d.problems[2].field == "gender");
    CHECK(d.problems[2].message == "\"未知\" is not one of male | female");
    CHECK(d.problems[3].field == "talks[0].date");
    CHECK(d.problems[3].line == 8);
    CHECK(d.problems[4].field == "talks[0].kind");
    CHECK(d.problems[4].line == 9);
    CHECK_FALSE(d.writable());
}

TEST_CASE("files that are not a mapping of fields are refused") {
    auto first = [](const char* text) {
        const auto d = decode_child(text);
        CHECK_FALSE(d.parsed);
        REQUIRE(!d.problems.empty());
        return d.problems[0];
    };
    CHECK(first("").message == "the file is empty");
    CHECK(first("- a\n- b\n").message == "expected a mapping of fields, found a list");
    CHECK(first("just text\n").message == "expected a mapping of fields, found text");
    const Problem broken = first("name: [unclosed\nid: x\n");
    CHECK(broken.message.rfind("not valid YAML", 0) == 0);
    CHECK(broken.line >= 1);
    CHECK(first("name: \xff\xfe\n").message == "the file is not valid UTF-8 (save it as UTF-8)");
}

TEST_CASE("wrong shapes and duplicate keys are reported, not guessed") {
    const auto d = decode_child("schema: 1\nid: x\nid: y\nparents: 王建国\nguardian: [a]\n");
    REQUIRE(d.problems.size() == 3);
    CHECK(d.problems[0].field == "id");
    CHECK(d.problems[0].line == 3);
    CHECK(d.problems[0].message == "this key appears twice; keep one (the first is used)");
    CHECK(d.problems[1].message == "expected a list, found text");
    CHECK(d.problems[2].message == "expected a mapping, found a list");
    CHECK(d.record.id == "x");
}

TEST_CASE("a repeated key is found in a small map and in a large one alike") {
    // Up to 16 keys a map's keys are scanned; past that they are indexed. A repeat on either
    // side of that line, and one of a key seen before the index was made, are all reported.
    for (const int keys : {3, 16, 17, 40}) {
        std::string yaml = "schema: 1\nid: x\nname: 王小明\n";
        for (int k = 0; k < keys; ++k) yaml += fmt::format("extra_{}: v\n", k);
        yaml += "name: 李小红\n";
        yaml += fmt::format("extra_{}: again\n", keys - 1);
        CAPTURE(keys);
        const auto d = decode_child(yaml);
        REQUIRE(d.problems.size() == 2);
        CHECK(d.problems[0].field == "name");
        CHECK(d.problems[0].line == keys + 4);
        CHECK(d.problems[0].message == "this key appears twice; keep one (the first is used)");
        CHECK(d.problems[1].field == fmt::format("extra_{}", keys - 1));
        CHECK(d.record.name == "王小明");
        CHECK(d.record.extras.size() == static_cast<size_t>(keys));
    }
}

TEST_CASE("an unknown schema version blocks rewriting") {
    const auto d = decode_child("schema: 3\nid: x\n");
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].message ==
          "schema version 3 is not known to this liushou (it reads versions 1 to 2)");
    CHECK_FALSE(d.writable());
    const auto none = decode_child("id: x\n");
    CHECK(none.problems.at(0).severity == Severity::warning);
    CHECK(none.writable());
}

TEST_CASE("Chinese enum words in a hand-edited file are read and written canonically") {
    const auto d = decode_child("schema: 1\nid: x\ngender: 女\nleft_behind: 双亲外出\n");
    CHECK(d.problems.empty());
    CHECK(encode_child(d.record) ==
          "schema: 2\nid: x\ngender: female\nstatus: enrolled\nleft_behind: both_parents\n");
}

TEST_CASE("the school file round-trips and keeps its plan") {
    const School s = default_school("孙桥镇中心小学", 2025);
    const std::string text = encode_school(s);
    const auto d = decode_school(text);
    REQUIRE(d.parsed);
    CHECK(d.problems.empty());
    CHECK(d.record.plan.at(2).front() == "讨论并制定学校关爱留守儿童工作计划");
    CHECK(d.record.plan.size() == 6);
    CHECK(d.record.events.size() == 3);
    CHECK(d.record.rules.months_without_talks == std::vector<int>{1, 2, 7, 8});
    CHECK(d.record.start_year() == 2025);
    CHECK(encode_school(d.record) == text);
    CHECK(text.find("\n  2:\n    - 讨论") != std::string::npos);
}

TEST_CASE("the staff file round-trips") {
    StaffList list;
    list.staff.push_back(Staff{"T001", "张老师", Role::head_teacher, 3, 2, "13700000000", {}});
    const std::string text = encode_staff(list);
    CHECK(text ==
          "staff:\n  - id: T001\n    name: 张老师\n    role: head_teacher\n    grade: 3\n"
          "    class: 2\n    phone: \"13700000000\"\n");
    const auto d = decode_staff(text);
    CHECK(d.problems.empty());
    CHECK(encode_staff(d.record) == text);
    CHECK(encode_staff(StaffList{}) == "staff: []\n");
    CHECK(decode_staff("staff: []\n").record.staff.empty());
}

TEST_CASE("staff.yaml reads the same by the fast path and by yaml-cpp, positions too") {
    for (const std::string& text : {
             encode_staff(StaffList{}),
             std::string("staff:\n  - id: T001\n    name: 张老师\n    role: head_teacher\n"
                         "    grade: 3\n    class: 2\n    phone: \"13700000000\"\n"
                         "  - id: T002\n    name: \"王: 老师\"\n    role: teacher\n"
                         "    office: 二楼\n"),  // an unknown key: kept by both
             std::string(
                 "staff:\n  - id: T001\n    name: 李老师\n  - id: T001\n    name: 赵老师\n"),
             std::string("staff:\n  - id: T001\n    grade: 三\n"),  // a problem: yaml-cpp's
             std::string("staff: [{id: T001, name: 周老师}]\n"),    // flow style: yaml-cpp's
         }) {
        CAPTURE(text);
        const Decoded<StaffList> chosen = decode_staff(text), full = decode_staff_full(text);
        CHECK(encode_staff(chosen.record) == encode_staff(full.record));
        CHECK(chosen.parsed == full.parsed);
        REQUIRE(chosen.problems.size() == full.problems.size());
        for (size_t i = 0; i < full.problems.size(); ++i) {
            CHECK(chosen.problems[i].message == full.problems[i].message);
            CHECK(chosen.problems[i].line == full.problems[i].line);
        }
        CHECK(chosen.where.at == full.where.at);
    }
}

TEST_CASE("liushou.yaml reads the same by the fast path and by yaml-cpp, positions too") {
    std::ifstream in(LIUSHOU_FUZZ_DIR "/../../examples/school/liushou.yaml");
    std::stringstream example;
    example << in.rdbuf();
    REQUIRE(example.str().find("plan_done:") != std::string::npos);
    for (const std::string& text : {
             example.str(),
             encode_school(School{}),
             std::string("schema: 2\nschool: 甲小学\nrules:\n  language: en\n"
                         "  months_without_talks: [1, 2]\nmotto: 团结\n"),  // an unknown key
             std::string("schema: 2\nschool: 乙小学\nterms:\n  - name: 上\n    from: 2025-13-01\n"
                         "    to: 2026-01-31\n"),              // a problem: yaml-cpp's
             std::string("schema: 9\nschool: 丙小学\n"),       // a schema from the future
             std::string("schema: 2\nschool: 丁小学 # 注\n"),  // a comment: yaml-cpp's
             std::string("schema: 2\nschool: \"戊: 小学\"\nevents: []\nplan: {}\n"),
             // A null in a flow list: a problem to both readers, never the text "~".
             std::string("schema: 2\nschool: 己小学\nleading_group:\n  members: [张三, ~]\n"),
             std::string("schema: 2\nschool: 庚小学\nplan:\n  3: [家访, NULL]\n"),
         }) {
        CAPTURE(text);
        const Decoded<School> chosen = decode_school(text), full = decode_school_full(text);
        CHECK(chosen.parsed == full.parsed);
        if (full.parsed) CHECK(encode_school(chosen.record) == encode_school(full.record));
        REQUIRE(chosen.problems.size() == full.problems.size());
        for (size_t i = 0; i < full.problems.size(); ++i) {
            CHECK(chosen.problems[i].message == full.problems[i].message);
            CHECK(chosen.problems[i].line == full.problems[i].line);
        }
        CHECK(chosen.where.at == full.where.at);
    }
}

TEST_CASE("comments are found so check can warn before a rewrite drops them") {
    CHECK(first_comment_line("a: 1\n# note\n") == 2);
    CHECK(first_comment_line("a: 1 # note\n") == 1);
    CHECK(first_comment_line("a: \"x # y\"\nb: 'p # q'\n") == 0);
    CHECK(first_comment_line("a: b#c\n") == 0);
}

TEST_CASE("a --map file maps headers to fields") {
    Problems problems;
    const auto map = decode_header_map("学生姓名: name\n家长电话: father_phone\n", problems);
    CHECK(problems.empty());
    CHECK(map.at("学生姓名") == "name");
    Problems bad;
    decode_header_map("- a\n", bad);
    CHECK_FALSE(bad.empty());
}

TEST_CASE("a rules block without months_without_talks, or with it empty, keeps the default") {
    const std::string head = "schema: 1\nschool: 甲\nrules:\n  talks_per_month: 1\n";
    const std::vector<int> holidays = {1, 2, 7, 8};
    CHECK(decode_school(head).record.rules.months_without_talks == holidays);
    const auto empty = decode_school(head + "  months_without_talks:\n");
    CHECK(empty.problems.empty());
    CHECK(empty.record.rules.months_without_talks == holidays);
    // Only a list given replaces it: [] means talks in every month.
    CHECK(decode_school(head + "  months_without_talks: []\n")
              .record.rules.months_without_talks.empty());
    CHECK(decode_school(head + "  months_without_talks: [7, 8]\n")
              .record.rules.months_without_talks == std::vector<int>{7, 8});
}
