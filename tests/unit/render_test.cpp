// The output writers every command shares: display width, tables, CSV, JSON strings and
// Markdown escaping. The golden tests show them in context; these pin each rule down.
#include "liushou/render.hpp"

#include <doctest/doctest.h>

using namespace liushou;

TEST_CASE("display width counts CJK and full-width characters as two columns") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("王小明") == 6);
    CHECK(display_width("三年级2班") == 9);
    CHECK(display_width("１３９") == 6);        // full-width digits
    CHECK(display_width("（父亲）") == 8);      // full-width parentheses
    CHECK(display_width("e\xcc\x81") == 1);     // e + combining acute accent
    CHECK(display_width("\xe3\x80\x80") == 2);  // ideographic space
    CHECK(display_width("a\tb") == 2);          // a control takes no column
}

TEST_CASE("a table aligns columns by display width and trims trailing spaces") {
    const std::string t = render_table(
        {"学号", "姓名", "班级"}, {{"2025-001", "王小明", "三年级2班"}, {"2025-10", "李四", ""}});
    CHECK(t ==
          "学号      姓名    班级\n"
          "2025-001  王小明  三年级2班\n"
          "2025-10   李四\n");
}

TEST_CASE("CSV quotes what needs quoting and makes formula-like cells text") {
    CHECK(csv_line({"a", "b"}) == "a,b\n");
    CHECK(csv_line({"a,b", "say \"hi\"", "two\nlines"}) ==
          "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    CHECK(csv_line({"=HYPERLINK(\"x\")"}) == "\"'=HYPERLINK(\"\"x\"\")\"\n");
    CHECK(csv_line({"+cmd", "-1", "@SUM(1)", "\tx"}) == "'+cmd,'-1,'@SUM(1),'\tx\n");
    CHECK(csv_line({"a=b", "1-2", ""}) == "a=b,1-2,\n");  // only the first character counts
}

TEST_CASE("JSON strings escape quotes, backslashes and controls and keep Chinese as is") {
    CHECK(json_string("王\"小\\明") == "\"王\\\"小\\\\明\"");
    CHECK(json_string("a\nb\tc") == "\"a\\nb\\tc\"");
    CHECK(json_string(std::string("\x01", 1)) == "\"\\u0001\"");
    CHECK(json_string("") == "null");  // liushou-json(5): a missing value is null
}

TEST_CASE("Markdown escaping makes user text inert") {
    CHECK(md_escape("王小明") == "王小明");
    CHECK(md_escape("a|b") == "a\\|b");              // cannot break a table
    CHECK(md_escape("<script>") == "\\<script\\>");  // nor inject HTML
    CHECK(md_escape("*x* _y_ [z](u) `c` #h ~s~") ==
          "\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\` \\#h \\~s\\~");
    CHECK(md_escape("line one\nline two") == "line one line two");
    CHECK(md_escape("a\\b") == "a\\\\b");
    // Nothing in a note becomes a link.
    CHECK(md_escape("see https://evil.example/x").find("https://") == std::string::npos);
    CHECK(md_escape("www.evil.example").find("www.") == std::string::npos);
    CHECK(md_escape("a@evil.example") == "a＠evil.example");
}
