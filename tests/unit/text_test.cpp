#include "liushou/text.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace liushou;

TEST_CASE("NFC: decomposed and precomposed spellings become one string") {
    CHECK(to_nfc("Lu\xCC\x88") == "L\xC3\xBC");                         // u + U+0308 -> ü
    CHECK(to_nfc("L\xC3\xBC") == "L\xC3\xBC");                          // already NFC
    CHECK(to_nfc("e\xCC\x81") == "\xC3\xA9");                           // é
    CHECK(to_nfc("\xC7\x9A") == "\xC7\x9A");                            // ǚ stays
    CHECK(to_nfc("u\xCC\x88\xCC\x8C") == "\xC7\x9A");                   // u + ¨ + ˇ -> ǚ
    CHECK(to_nfc("a\xCC\xA3\xCC\x82") == to_nfc("a\xCC\x82\xCC\xA3"));  // reordered marks agree
    CHECK(to_nfc("a\xCC\x82\xCC\xA3") == "\xE1\xBA\xAD");               // ậ
    CHECK(to_nfc("\xEF\xA4\x80") == "\xE8\xB1\x88");              // CJK compatibility U+F900 -> 豈
    CHECK(to_nfc("\xE1\x84\x80\xE1\x85\xA1") == "\xEA\xB0\x80");  // Hangul L+V -> 가
    CHECK(to_nfc("陈思雨 2025-001") == "陈思雨 2025-001");
    // Text of inert characters only is taken as it is; one character that is not sends the
    // whole text the careful way.
    CHECK(to_nfc("想念妈妈，学习压力大。“好”…") == "想念妈妈，学习压力大。“好”…");
    CHECK(to_nfc("王\xE3\x81\x8B\xE3\x82\x99") == "王\xE3\x81\x8C");  // か + U+3099 -> が
    CHECK(to_nfc("李e\xCC\x81") == "李\xC3\xA9");
    CHECK(to_nfc("\xE2\x80\x80") == "\xE2\x80\x82");          // U+2000 is a singleton: U+2002
    CHECK(to_nfc("\xF0\xA0\x80\x80") == "\xF0\xA0\x80\x80");  // U+20000, beyond the first plane
    CHECK(to_nfc("") == "");
    CHECK(to_nfc("\xCC\x88x") == "\xCC\x88x");  // a leading mark stays
    CHECK(to_nfc("\xFF\xFE") == "\xFF\xFE");    // not UTF-8: unchanged
}

TEST_CASE("characters a record never holds") {
    CHECK(forbidden_character("张老师") == "");
    CHECK(forbidden_character("第一行\n第二行\t") == "");
    CHECK(forbidden_character("a\nb", false) == "U+000A");
    CHECK(forbidden_character("a\x1b[31m") == "U+001B");
    CHECK(forbidden_character("a\rb") == "U+000D");
    CHECK(forbidden_character("a\x7f") == "U+007F");
    CHECK(forbidden_character("a\x08") == "U+0008");
    CHECK(forbidden_character("a\x0b\x0c") == "U+000B");
    CHECK(forbidden_character("a\xC2\x85") == "U+0085");  // C1 NEL
    CHECK(forbidden_character("\xE2\x80\xAE"
                              "abc") == "U+202E");  // right-to-left override
    CHECK(forbidden_character("x\xE2\x81\xA6y") == "U+2066");
    CHECK(forbidden_character("x\xE2\x80\x8Fy") == "U+200F");
    // Text that only looks near them: Chinese punctuation, dashes and quotes (also led by
    // 0xE2), a no-break space (0xC2 0xA0).
    CHECK(forbidden_character("“好”——，。") == "");
    CHECK(forbidden_character("a\xC2\xA0"
                              "b") == "");
    CHECK(forbidden_character("\xE2\x80\x8D") == "");  // a zero-width joiner stays
    // Over-long forms decode to the character they spell, so they are caught as it is.
    CHECK(forbidden_character("a\xC0\x8A"
                              "b",
                              false) == "U+000A");
    CHECK(forbidden_character("a\xC1\xBF") == "U+007F");
    CHECK(forbidden_character("\xE0\x80\x9B") == "U+001B");
    CHECK(forbidden_character("\xE0\x82\x85") == "U+0085");
    CHECK(forbidden_character("\xF0\x82\x80\xAE") == "U+202E");
    CHECK(forbidden_character("\xF0\x9F\x98\x80") == "");  // an emoji is fine
    // Not UTF-8 at all: another check names it, this one says nothing.
    CHECK(forbidden_character("\xFF\x1b") == "");
    // The byte-wise answer agrees with the decoded one for every single character of the
    // ranges it treats specially.
    for (uint32_t cp = 0; cp < 0x2100; ++cp) {
        std::string one;
        if (cp < 0x80) {
            one += static_cast<char>(cp);
        } else if (cp < 0x800) {
            one += static_cast<char>(0xC0 | (cp >> 6));
            one += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            one += static_cast<char>(0xE0 | (cp >> 12));
            one += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            one += static_cast<char>(0x80 | (cp & 0x3F));
        }
        const bool bad = (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
                         (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
                         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        CAPTURE(cp);
        CHECK(forbidden_character("x" + one + "y").empty() == !bad);
    }
}

TEST_CASE("the quick look for forbidden characters misses none, at any offset") {
    // Each forbidden character (and harmless ones led by the same bytes) put at every place
    // of a text longer than the sixteen bytes looked at per branch.
    const std::vector<std::pair<std::string, std::string>> cases = {{"\x1b", "U+001B"},
                                                                    {"\x7f", "U+007F"},
                                                                    {"\r", "U+000D"},
                                                                    {"\xC2\x85", "U+0085"},
                                                                    {"\xE2\x80\xAE", "U+202E"},
                                                                    {"\xE2\x81\xA6", "U+2066"},
                                                                    {"\xE2\x80\x8F", "U+200F"},
                                                                    {"\xE2\x80\x94", ""},
                                                                    {"\xC2\xA0", ""},
                                                                    {"\t", ""},
                                                                    {"王", ""}};
    const std::string filler = "张老师家访了解学习情况abcdefghij";
    for (const auto& [piece, expected] : cases) {
        for (size_t at = 0; at <= filler.size(); ++at) {
            if (at < filler.size() && (static_cast<unsigned char>(filler[at]) & 0xC0) == 0x80)
                continue;  // never inside a character
            const std::string s = filler.substr(0, at) + piece + filler.substr(at);
            INFO(at);
            CHECK(forbidden_character(s) == expected);
            CHECK(forbidden_character(s, false) == expected);
        }
    }
    // A line end: allowed only in a multi-line text, wherever it is.
    for (size_t at = 0; at < 40; ++at) {
        const std::string s = std::string(at, 'x') + "\n" + std::string(40 - at, 'y');
        CHECK(forbidden_character(s, true) == "");
        CHECK(forbidden_character(s, false) == "U+000A");
    }
}

TEST_CASE("messages never repeat a phone or id number") {
    CHECK(mask_private_numbers("监护人年龄: \"13912345678\" is not a number") ==
          "监护人年龄: \"139******78\" is not a number");
    CHECK(mask_private_numbers("gender: \"13987654321\" is not one of male | female") ==
          "gender: \"139******21\" is not one of male | female");
    CHECK(mask_private_numbers("139 1234 5678") == "139******78");
    CHECK(mask_private_numbers("139-1234-5678.") == "139******78.");
    CHECK(mask_private_numbers("电话139.1234.5678") == "电话139******78");
    CHECK(mask_private_numbers("+86 139 1234 5678") == "+86 139******78");
    CHECK(mask_private_numbers("\xef\xbc\x91\xef\xbc\x93\xef\xbc\x99\xef\xbc\x91\xef\xbc\x92"
                               "\xef\xbc\x93\xef\xbc\x94\xef\xbc\x95\xef\xbc\x96\xef\xbc\x97"
                               "\xef\xbc\x98") == "139******78");  // full-width digits
    CHECK(mask_private_numbers("420821201608252711") == "420*************11");
    CHECK(mask_private_numbers("id 42082120160825271X!") == "id 420*************1X!");
    CHECK(mask_private_numbers("4208 2120 1711 3010 6X") == "420*************6X");
    CHECK(mask_private_numbers("G420821201608252711") == "G420*************11");
    CHECK(mask_private_numbers("0592-62158640") == "059*******40");
    // Left alone: dates, periods, counts, row numbers, short ids, times.
    for (const char* plain : {"2026-03-15", "2026-02-01 至 2026-07-31", "row 1000, 3 problems",
                              "children/2025-001.yaml:12:7", "2025-123", "1,500 rows", "12:30",
                              "T001", "the file is 15.2 MB", "2026-03-01 2026-03-31"})
        CHECK(mask_private_numbers(plain) == plain);
}

TEST_CASE("a number spelled in Chinese numerals is found as its digits") {
    // Messages mask what is plainly a phone or id number, in whatever numerals.
    CHECK(mask_private_numbers("--by：一三九一二三四五六七八") == "--by：139******78");
    CHECK(mask_private_numbers("幺三九 1234 5678") == "139******78");
    CHECK(mask_private_numbers("四二〇八二一二〇一六〇八二五二七一Ｘ") == "420*************1X");
    const auto found = find_private_numbers("父亲一三九 0716 1234，母亲 13907161235", true);
    REQUIRE(found.size() == 2);
    CHECK(found[0].digits == "13907161234");
    CHECK(found[0].kind == PrivateNumber::mobile);
    // The bytes of the whole spelled number, separators and all, so the mask replaces it.
    CHECK(found[0].begin == std::string("父亲").size());
    CHECK(found[0].end == std::string("父亲一三九 0716 1234").size());
    CHECK(found[1].digits == "13907161235");
    // A numeral before a phone in digits does not hide it (初一 is a class, 1 not a digit).
    const auto class_first = find_private_numbers("初一13907161236", true);
    REQUIRE(class_first.size() == 1);
    CHECK(class_first[0].digits == "13907161236");
    // A spelled number is private only as a phone, a landline, an id, or after a label.
    CHECK(find_private_numbers("一二三四五六七八九", true).empty());
    CHECK(find_private_numbers("二〇二五-二〇二六学年", true).empty());
    CHECK(find_private_numbers("二〇二六〇三一五", true).empty());
    CHECK(find_private_numbers("QQ 一二三四五六七八九", true).size() == 1);
    CHECK(find_private_numbers("QQ 一二三四五六七八九", false).empty());
    // Different separators: only the exact shape of a mobile or id number is one number.
    CHECK(mask_private_numbers("139-1234 5678") == "139******78");
    CHECK(mask_private_numbers("420821 20150825-2001") == "420*************01");
    CHECK(mask_private_numbers("2025-017 2025-018") == "2025-017 2025-018");
    // 十, 百 and 两 are not digits: amounts and counts stay whole words.
    CHECK(find_private_numbers("一百三十九万两千三百四十五", true).empty());
}
