#include <doctest/doctest.h>

#include "liushou/text.hpp"

using namespace liushou;

TEST_CASE("NFC: decomposed and precomposed spellings become one string") {
    CHECK(to_nfc("Lu\xCC\x88") == "L\xC3\xBC");              // u + U+0308 -> ü
    CHECK(to_nfc("L\xC3\xBC") == "L\xC3\xBC");               // already NFC
    CHECK(to_nfc("e\xCC\x81") == "\xC3\xA9");                // é
    CHECK(to_nfc("\xC7\x9A") == "\xC7\x9A");                 // ǚ stays
    CHECK(to_nfc("u\xCC\x88\xCC\x8C") == "\xC7\x9A");        // u + ¨ + ˇ -> ǚ
    CHECK(to_nfc("a\xCC\xA3\xCC\x82") == to_nfc("a\xCC\x82\xCC\xA3"));  // reordered marks agree
    CHECK(to_nfc("a\xCC\x82\xCC\xA3") == "\xE1\xBA\xAD");    // ậ
    CHECK(to_nfc("\xEF\xA4\x80") == "\xE8\xB1\x88");         // CJK compatibility U+F900 -> 豈
    CHECK(to_nfc("\xE1\x84\x80\xE1\x85\xA1") == "\xEA\xB0\x80");  // Hangul L+V -> 가
    CHECK(to_nfc("陈思雨 2025-001") == "陈思雨 2025-001");
    CHECK(to_nfc("") == "");
    CHECK(to_nfc("\xCC\x88x") == "\xCC\x88x");               // a leading mark stays
    CHECK(to_nfc("\xFF\xFE") == "\xFF\xFE");                 // not UTF-8: unchanged
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
    CHECK(forbidden_character("a\xC2\x85") == "U+0085");        // C1 NEL
    CHECK(forbidden_character("\xE2\x80\xAE" "abc") == "U+202E");  // right-to-left override
    CHECK(forbidden_character("x\xE2\x81\xA6y") == "U+2066");
    CHECK(forbidden_character("x\xE2\x80\x8Fy") == "U+200F");
}
