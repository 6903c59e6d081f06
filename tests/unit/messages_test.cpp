// The message catalogue (src/cli/messages.cpp): how a line is matched and translated, and
// that every entry can be used at all.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "cli/cli.hpp"

using namespace liushou;

namespace {
std::string zh(const std::string& english) {
    return translate(english, "zh");
}
}  // namespace

TEST_CASE("messages: English stays English; Chinese fills each value in its place") {
    CHECK(translate("liushou: no child X1", "en") == "liushou: no child X1");
    CHECK(zh("liushou: no child X1") == "liushou：没有儿童 X1");
    CHECK(zh("2026-03-20 is in the future") == "2026-03-20 是将来的日期");
    // A value that is itself a message is translated too, at any depth.
    CHECK(zh("liushou log-talk: --date: 2026-04-01 is in the future") ==
          "liushou log-talk：--date：2026-04-01 是将来的日期");
    CHECK(zh("x.csv:3:6: error: row 3, 身份证号: the check digit is wrong (GB 11643): a digit "
             "was mistyped") ==
          "x.csv:3:6: 错误：第 3 行，身份证号：身份证号校验位不对（GB 11643），有数字输错了");
    // A value that is no message (an id, a name, a path) is left as it is.
    CHECK(zh("no child 王小明") == "没有儿童 王小明");
    // Unknown text is returned unchanged, line by line; line ends and indentation are kept.
    CHECK(zh("something new\n  2026-03-20 is in the future\n") ==
          "something new\n  2026-03-20 是将来的日期\n");
    CHECK(zh("") == "");
}

TEST_CASE("messages: the reading that leaves the least English wins") {
    // "{}: {}" and "{}; nothing was written" both frame this line; only one reads through.
    CHECK(zh("liushou: .: the tree is read-only for this user; nothing was written") ==
          "liushou：.：当前用户对档案目录只有读权限，未写入任何内容");
    // "row {}: {}" and "row {}, {}" both fit; the one whose parts translate is taken.
    CHECK(zh("f.csv:2:1: error: row 2: child 2025-002 already exists and this row changes "
             "grade, health; import with --update to change it") ==
          "f.csv:2:1: 错误：第 2 行：儿童 2025-002 已存在，这一行改动了年级、健康状况；如要修改，"
          "请加 --update 导入");
}

TEST_CASE("messages: plurals, reordered values, fields and lists") {
    CHECK(zh("checked 1 file: 0 errors, 1 warning") == "已检查 1 个文件：0 个错误，1 个警告");
    CHECK(zh("checked 3 files: 2 errors, 0 warnings") == "已检查 3 个文件：2 个错误，0 个警告");
    CHECK(zh("Created the records tree of 孙桥小学 (2025-2026) in school") ==
          "已在 school 建立孙桥小学（2025-2026 学年）的档案目录");
    // A field by its schema path or key reads as the register's header.
    CHECK(zh("guardian.phone: not a mobile (11 digits) or landline number with area code") ==
          "监护人电话：不是手机号（11 位）或带区号的固定电话");
    // A list whose items are fields is a Chinese list; a comma inside parentheses stays.
    CHECK(
        zh("incomplete file (建档), missing: gender, parents (a parent with name, phone and "
           "work_place), guardian.age") ==
        "档案不完整（建档），缺：性别、父母信息（至少一位家长的姓名、电话和务工地址）、监护人年龄");
    // A list of ids is left as it is.
    CHECK(zh("id 2025-001 is also on row 3, 4") == "学号 2025-001 在第 3, 4 行也有");
}

TEST_CASE("messages: a list's entry by its number from 1, and a key of it") {
    CHECK(zh("children/2025-011.yaml:43:16: warning: talks[0].follow_up: open for 84 days "
             "(since 2025-12-21)") ==
          "children/2025-011.yaml:43:16: 警告：第 1 条谈心记录的跟进事项：已 84 天未关闭（自 "
          "2025-12-21 起）");
    CHECK(zh("talks[11].by") == "第 12 条谈心记录的教师");
    CHECK(zh("pairing.buddy[1]") == "第 2 名学习帮手");
    CHECK(zh("pairing.plan[0].to") == "第 1 项帮扶计划的结束日期");
    CHECK(zh("parents[2].work_place") == "第 3 条父母信息的务工地址");
    CHECK(zh("children[4]") == "第 5 名儿童");
    CHECK(zh("schools[1].git") == "第 2 所学校的仓库");
    // Anything not wholly known stays as it was: an unknown list or key, a nested list, an
    // index that is no number, a path with more after the key.
    for (const char* kept : {"widgets[0]", "talks[0].colour", "talks[x]", "talks[]", "talks[0",
                             "talks[0].by.id", "talks[0][1]", "talks[12345678]", "a talks[0]"})
        CHECK(zh(kept) == kept);
}

TEST_CASE("messages: CLI11's own errors") {
    CHECK(zh("--grade: Value 9 not in range 1 to 6") == "--grade：9 不在 1 到 6 之间");
    CHECK(zh("Run with --help for more information.") == "运行时加 --help 可查看用法。");
    CHECK(zh("The following argument was not expected: 3") == "多余的参数：3");
    CHECK(zh("--name is required") == "缺少 --name");
}

TEST_CASE("messages: every entry is well formed") {
    const std::regex english(R"([A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,})");
    std::set<std::string> seen;
    for (const auto& [en, zh_text] : message_catalogue()) {
        CAPTURE(en);
        CHECK(seen.insert(en).second);  // once
        // Two values side by side could not be told apart.
        CHECK(en.find("{}{}") == std::string::npos);
        // As many values in Chinese as in English ({N} picks one of them).
        size_t values = 0;
        for (size_t at = 0; (at = en.find("{}", at)) != std::string::npos; at += 2) ++values;
        size_t shown = 0;
        for (size_t at = 0; (at = zh_text.find('{', at)) != std::string::npos; ++at) {
            const size_t close = zh_text.find('}', at);
            REQUIRE(close != std::string::npos);
            const std::string inside = zh_text.substr(at + 1, close - at - 1);
            if (inside.find_first_not_of("0123456789") != std::string::npos)
                continue;  // {{建档率}}
            if (!inside.empty()) CHECK(std::stoul(inside) < values);
            ++shown;
        }
        CHECK(shown == values);
        // The Chinese is Chinese: no English sentence left in it (commands and options
        // aside).
        std::string prose = std::regex_replace(zh_text, std::regex(R"(liushou( [a-z-]+)*)"), "");
        prose = std::regex_replace(prose, std::regex(R"(git [a-z-]+)"), "");
        prose = std::regex_replace(prose, std::regex(R"(--?[a-z][a-z-]*)"), "");
        CHECK_FALSE(std::regex_search(prose, english));
    }
}
