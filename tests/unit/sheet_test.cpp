#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/error.hpp"

using namespace liushou;

TEST_CASE("quoted cells keep commas, quotes and newlines") {
    Problems problems;
    const Sheet s = parse_csv(
        "姓名,备注,年级\n王小明,\"爱画画, 也爱唱歌\",3\n李华,\"说\"\"想妈妈\"\"\n第二行\",4\n",
        problems);
    CHECK(problems.empty());
    CHECK(s.header == std::vector<std::string>{"姓名", "备注", "年级"});
    REQUIRE(s.rows.size() == 2);
    CHECK(s.rows[0].cells[1] == "爱画画, 也爱唱歌");
    CHECK(s.rows[1].cells[1] == "说\"想妈妈\"\n第二行");
    CHECK(s.rows[1].row == 3);
    CHECK(s.rows[1].line == 3);
    CHECK(s.rows[1].cells[2] == "4");
}

TEST_CASE("CRLF line ends, blank rows and a missing final newline") {
    Problems problems;
    const Sheet s = parse_csv("a,b\r\n1,2\r\n,\r\n\r\n3,\"x\r\ny\"", problems);
    CHECK(problems.empty());
    REQUIRE(s.rows.size() == 2);
    CHECK(s.rows[0].cells == std::vector<std::string>{"1", "2"});
    CHECK(s.rows[1].row == 5);  // blank rows keep their numbers, as in Excel
    CHECK(s.rows[1].cells == std::vector<std::string>{"3", "x\ny"});
}

TEST_CASE("a title line above the header is skipped") {
    Problems problems;
    const Sheet s = parse_csv("孙桥小学留守儿童花名册,,\n姓名,性别,年级\n甲,男,3\n", problems);
    CHECK(problems.empty());
    CHECK(s.header.at(0) == "姓名");
    REQUIRE(s.rows.size() == 1);
    CHECK(s.rows[0].row == 3);
}

TEST_CASE("tab- and semicolon-separated sheets are recognised") {
    Problems problems;
    CHECK(parse_csv("姓名\t年级\n甲\t3\n", problems).rows.at(0).cells.at(1) == "3");
    CHECK(parse_csv("姓名;年级\n甲;3\n", problems).rows.at(0).cells.at(1) == "3");
    CHECK(problems.empty());
}

TEST_CASE("an unclosed quote is reported with its line") {
    Problems problems;
    parse_csv("a,b\n1,\"open\n2,3\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].message == "a quoted cell is never closed (a \" is missing)");
}

TEST_CASE("an indexed CSV gives each row as parse_csv does, parsed again when asked") {
    for (const std::string& text : {
             std::string(
                 "姓名,备注,年级\n王小明,\"爱画画, 也爱唱歌\",3\n李华,\"说\"\"想妈妈\"\"\n第二"
                 "行\",4\n"),
             std::string("a,b\r\n1,2\r\n,\r\n\r\n3,\"x\r\ny\""),
             std::string("孙桥小学留守儿童花名册,,\n姓名,性别,年级\n甲,男,3\n\n乙,女,\n"),
             std::string("姓名;年级\n甲;3\n\"乙\";\"\"\n"),
             std::string("a,b\n1,2\n3,\"open\n4,5\n"),  // a problem: the rows before it stay
             std::string("a\nb\n"),                     // no header
         }) {
        Problems held_problems, indexed_problems;
        const Sheet held = parse_csv(text, held_problems);
        const auto rows = index_csv(text, indexed_problems);
        CAPTURE(text);
        CHECK(rows->header() == held.header);
        CHECK(rows->header_line() == held.header_line);
        CHECK(indexed_problems.size() == held_problems.size());
        REQUIRE(rows->size() == held.rows.size());
        Sheet::Row row;
        for (size_t i = rows->size(); i-- > 0;) {  // in any order
            rows->row(i, row);
            CHECK(row.cells == held.rows[i].cells);
            CHECK(row.row == held.rows[i].row);
            CHECK(row.line == held.rows[i].line);
        }
    }
    Problems problems;
    CHECK(index_csv("a,b\n1,2\n3,\"open\n4,5\n", problems)->size() == 1);
    CHECK(problems.at(0).line == 3);
}

TEST_CASE("encodings: UTF-8 with and without BOM, GB18030, UTF-16") {
    const std::string utf8 = "姓名,年级\n王小明,3\n";
    std::string detected;
    CHECK(sheet_to_utf8(utf8, Encoding::automatic, "s.csv", &detected) == utf8);
    CHECK(detected == "utf-8");
    CHECK(sheet_to_utf8("\xef\xbb\xbf" + utf8, Encoding::automatic, "s.csv", &detected) == utf8);
    CHECK(detected == "utf-8 (BOM)");
    const std::string gb = utf8_to_gb18030(utf8);
    CHECK(gb != utf8);
    CHECK(gb.substr(0, 4) == "\xd0\xd5\xc3\xfb");  // 姓名 in GB18030
    CHECK(sheet_to_utf8(gb, Encoding::automatic, "s.csv", &detected) == utf8);
    CHECK(detected == "gb18030");
    CHECK(sheet_to_utf8(gb, Encoding::gb18030, "s.csv") == utf8);
    const std::string utf16 = std::string("\xff\xfe", 2) + std::string("a\0,\0b\0\n\0", 8);
    CHECK(sheet_to_utf8(utf16, Encoding::automatic, "s.csv", &detected) == "a,b\n");
    CHECK(detected == "utf-16");
}

TEST_CASE("forcing UTF-8 on a GB18030 sheet names the line") {
    const std::string gb = utf8_to_gb18030("name\nok\n王小明\n");
    try {
        sheet_to_utf8(gb, Encoding::utf8, "s.csv");
        FAIL("expected an error");
    } catch (const DataError& e) {
        CHECK(e.path() == "s.csv");
        CHECK(e.line() == 3);
    }
}

TEST_CASE("UTF-8 validation rejects overlong forms and surrogates") {
    CHECK(invalid_utf8_at("王小明 abc") == std::string_view::npos);
    CHECK(invalid_utf8_at("ab\xc0\xaf") == 2);        // overlong '/'
    CHECK(invalid_utf8_at("\xed\xa0\x80") == 0);      // a surrogate
    CHECK(invalid_utf8_at("a\xe7\x8e") == 1);         // truncated
    CHECK(invalid_utf8_at("\xf4\x90\x80\x80") == 0);  // above U+10FFFF
    CHECK(invalid_utf8_at("\xf0\x9f\x98\x80") == std::string_view::npos);
    // Long ASCII runs are skipped eight bytes at a time: a bad byte at any offset of them,
    // and after Chinese text, is still found where it is.
    for (size_t k = 0; k < 40; ++k) {
        CAPTURE(k);
        CHECK(invalid_utf8_at(std::string(k, 'a') + "\xff" + std::string(9, 'b')) == k);
        CHECK(invalid_utf8_at(std::string(k, 'a') + "王" + std::string(k, 'b') + "\x80") ==
              2 * k + 3);
        CHECK(invalid_utf8_at(std::string(k, 'a') + "\xe7\x8e") == k);  // cut short at the end
        CHECK(invalid_utf8_at(std::string(k, '\0') + "王") == std::string_view::npos);
    }
}

namespace {
// The rule of RFC 3629 written plainly, byte by byte, to hold the fast paths to.
size_t reference_invalid_utf8_at(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80                 ? 0
                         : c >= 0xC2 && c <= 0xDF ? 1
                         : c >= 0xE0 && c <= 0xEF ? 2
                         : c >= 0xF0 && c <= 0xF4 ? 3
                                                  : 9;
        if (n == 9 || i + n >= s.size()) return i;
        uint32_t cp = n == 0 ? c : n == 1 ? c & 0x1fu : n == 2 ? c & 0x0fu : c & 0x07u;
        for (size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = cp << 6 | (cc & 0x3fu);
        }
        const uint32_t min = n == 1 ? 0x80 : n == 2 ? 0x800 : n == 3 ? 0x10000 : 0;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return std::string_view::npos;
}
}  // namespace

TEST_CASE("UTF-8 validation agrees with the plain rule on random text") {
    // Pieces that exercise the eight-byte ASCII run, the three-byte Chinese path and every
    // way a sequence can be wrong, at every offset.
    const std::vector<std::string> pieces = {"a",
                                             "abcdefgh",
                                             "王",
                                             "，",
                                             "\xe7\x8e",
                                             "\xed\xa0\x80",
                                             "\xed\x9f\xbf",
                                             "\xe0\xa0\x80",
                                             "\xe0\x9f\xbf",
                                             "\xef\xbf\xbf",
                                             "\xc2\xa0",
                                             "\xc1\xbf",
                                             "\x80",
                                             "\xff",
                                             "\xf0\x9f\x98\x80",
                                             "\xf4\x90\x80\x80",
                                             "\xe4\xb8",
                                             "\xe4",
                                             "\xee\x80\x80",
                                             "\xe1\x80\x41"};
    uint32_t seed = 12345;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int count = static_cast<int>(next() % 12);
        for (int k = 0; k < count; ++k) s += pieces[next() % pieces.size()];
        INFO(round);
        CHECK(invalid_utf8_at(s) == reference_invalid_utf8_at(s));
    }
}
