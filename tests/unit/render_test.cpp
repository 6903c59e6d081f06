// The output writers every command shares: display width, tables, CSV, JSON strings and
// Markdown escaping. The golden tests show them in context; these pin each rule down.
#include "liushou/render.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "liushou/care.hpp"
#include "liushou/report.hpp"
#include "liushou/report_render.hpp"
#include "records_fixture.hpp"

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

// ---- pages (--format html) and charts -------------------------------------------------------

TEST_CASE("HTML text escapes the characters that end text or an attribute, and only those") {
    CHECK(html_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
    CHECK(html_escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
    // Text, not a link: no element of a page has an href, so an address stays words.
    CHECK(html_escape("http://a.cn www.y") == "http://a.cn www.y");
    CHECK(html_escape("王小明") == "王小明");
}

TEST_CASE("markdown_html turns the renderers' Markdown into the same content as HTML") {
    const std::string md =
        "# 孙桥镇中心小学 \\<b\\>\n\n"
        "- 截至：2026-03-15\n- 人数：2\n\n"
        "## 各项比率\n\n"
        "| 指标 | 比率 |\n| --- | ---: |\n| 建档率 | 90.0% |\n| a\\|b | `x` |\n\n"
        "- [ ] 2025-009 赵磊\n- [x] 已完成\n\n"
        "第一行\n第二行\n\n"
        "```mermaid\nbar [1]\n```\n";
    CHECK(markdown_html(md) ==
          "<h1>孙桥镇中心小学 &lt;b&gt;</h1>\n"
          "<ul>\n<li>截至：2026-03-15</li>\n<li>人数：2</li>\n</ul>\n"
          "<h2>各项比率</h2>\n"
          "<table>\n<thead><tr><th>指标</th><th class=\"num\">比率</th></tr></thead>\n<tbody>\n"
          "<tr><td>建档率</td><td class=\"num\">90.0%</td></tr>\n"
          "<tr><td>a|b</td><td class=\"num\"><code>x</code></td></tr>\n</tbody>\n</table>\n"
          "<ul class=\"tasks\">\n<li><span class=\"box\">☐</span>2025-009 赵磊</li>\n"
          "<li class=\"done\"><span class=\"box\">☑</span>已完成</li>\n</ul>\n"
          "<p>第一行\n第二行</p>\n"
          "<pre><code>bar [1]\n</code></pre>\n");
    CHECK(markdown_title("# 档案卡：王\\*小明\n\n## x\n") == "档案卡：王*小明");
    CHECK(markdown_title("no heading") == "");
}

TEST_CASE("markdown_html: a long two-column list of items is laid out two pairs a row") {
    std::string md = "| 项目 | 内容 |\n| --- | --- |\n";
    for (int i = 1; i <= 9; ++i) md += fmt::format("| k{} | v{} |\n", i, i);
    const std::string html = markdown_html(md);
    CHECK(html.find("<table class=\"pairs\">") == 0);
    CHECK(html.find("<tr><th>k1</th><td>v1</td><th>k2</th><td>v2</td></tr>") != std::string::npos);
    CHECK(html.find("<tr><th>k9</th><td>v9</td></tr>") != std::string::npos);  // the odd one
    // Seven rows, or a numeric column, stay as they are.
    std::string short_md = "| 项目 | 内容 |\n| --- | --- |\n| a | b |\n";
    CHECK(markdown_html(short_md).find("pairs") == std::string::npos);
}

TEST_CASE("markdown_html puts each figure where its line is, and figures in a row together") {
    const std::string md = "# T\n\n" + figure_line(0) + "\n\ntext\n\n" + figure_line(1) + "\n\n" +
                           figure_line(0) + "\n";
    const std::string html = markdown_html(md, {"<svg a></svg>\n", "<svg b></svg>\n"});
    CHECK(html ==
          "<h1>T</h1>\n<figure>\n<svg a></svg>\n</figure>\n<p>text</p>\n"
          "<div class=\"charts\">\n<figure>\n<svg b></svg>\n</figure>\n"
          "<figure>\n<svg a></svg>\n</figure>\n</div>\n");
    // A line that only looks like one stays text: figure 5 was not given.
    CHECK(markdown_html(figure_line(5)) == "<p>&lt;figure 5&gt;</p>\n");
}

TEST_CASE("a page is self-contained: inline style, no script, link, image or font") {
    const std::string page = html_page("档案卡 <1>", "zh", {"<p>a</p>\n", "<p>b</p>\n"}, true);
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
    CHECK(page.find("<title>档案卡 &lt;1&gt;</title>") != std::string::npos);
    CHECK(page.find("<section class=\"card\">\n<p>b</p>\n</section>") != std::string::npos);
    CHECK(page.find("@page { size: A4") != std::string::npos);
    CHECK(page.find("break-after: page") != std::string::npos);
    for (const char* banned : {"<script", "http", "<link", "<img", "url(", "@import", "@font-face"})
        CHECK_MESSAGE(page.find(banned) == std::string::npos, banned);
    CHECK(html_page("x", "en", {}).find("<html lang=\"en\">") != std::string::npos);
}

namespace {
/// The `attribute` of every bar (rect class="bar") of an SVG, in order.
std::vector<std::string> bar_values(const std::string& svg, const std::string& attribute) {
    std::vector<std::string> out;
    for (size_t pos = svg.find("<rect class=\"bar\""); pos != std::string::npos;
         pos = svg.find("<rect class=\"bar\"", pos + 1)) {
        const size_t a = svg.find(" " + attribute + "=\"", pos) + attribute.size() + 3;
        out.push_back(svg.substr(a, svg.find('"', a) - a));
    }
    return out;
}
}  // namespace

TEST_CASE("a column chart's bars are as high as the rates, on a scale of 100 units") {
    const std::string svg = svg_columns("每月谈心完成率", {{"2026-03", 80.0, "80.0%"},
                                                           {"2026-04", 100.0, "100.0%"},
                                                           {"2026-05", std::nullopt, "—"},
                                                           {"2026-06", 0.0, "0.0%"}});
    CHECK(bar_values(svg, "height") == std::vector<std::string>{"80.0", "100.0", "0.0"});
    CHECK(bar_values(svg, "data-percent") == std::vector<std::string>{"80.0", "100.0", "0.0"});
    // Every bar stands on the same base line: y + height is the 0% line.
    const auto ys = bar_values(svg, "y");
    const auto hs = bar_values(svg, "height");
    for (size_t i = 0; i < ys.size(); ++i) CHECK(std::stod(ys[i]) + std::stod(hs[i]) == 116.0);
    // The figures are written, the month with nothing to measure as —.
    for (const char* text : {">80.0%<", ">100.0%<", ">—<", ">2026-05<", ">每月谈心完成率<"})
        CHECK_MESSAGE(svg.find(text) != std::string::npos, text);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("xmlns") == std::string::npos);  // inline in a page, no namespace URL
}

TEST_CASE("a bar chart's bars are as long as the rates, with the 100% line, labels escaped") {
    const std::string svg = svg_bars("各班建档率", {{"一年级1班", 100.0, "100.0%"},
                                                    {"<b>二年级", 50.0, "50.0%"},
                                                    {"三年级1班", 66.7, "66.7%"}});
    CHECK(bar_values(svg, "width") == std::vector<std::string>{"100.0", "50.0", "66.7"});
    const auto xs = bar_values(svg, "x");
    CHECK(std::set<std::string>(xs.begin(), xs.end()).size() == 1);  // one zero line
    // The goal line is 100 units right of the bars' start.
    const size_t goal = svg.find("<line class=\"goal\" x1=\"");
    REQUIRE(goal != std::string::npos);
    const double x = std::stod(svg.substr(goal + 23));
    CHECK(x == doctest::Approx(std::stod(xs[0]) + 100));
    CHECK(svg.find("&lt;b&gt;二年级") != std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
}

namespace {

/// A number attribute `name` of the element that starts at `at`.
double attribute(const std::string& svg, size_t at, const std::string& name) {
    const size_t a = svg.find(" " + name + "=\"", at);
    REQUIRE(a != std::string::npos);
    return std::stod(svg.substr(a + name.size() + 3));
}

}  // namespace

TEST_CASE("a column chart's figures cross no scale line and no other figure (0, 94, 97, 100%)") {
    const std::vector<ChartBar> bars = {
        {"2026-01", 0.0, "0.0%"},         {"2026-02", 94.0, "94.0%"}, {"2026-03", 97.0, "97.0%"},
        {"2026-04", 100.0, "100.0%"},     {"2026-05", 48.5, "48.5%"}, {"2026-06", 50.0, "50.0%"},
        {"2026-07", 98.5, "98.5%"},       {"2026-08", 1.0, "1.0%"},   {"2026-09", 99.9, "99.9%"},
        {"二〇二六年十月", 97.0, "97.0%"}};
    const std::string svg = svg_columns("每月谈心完成率", bars);
    // The scale's lines: horizontal, each at one height.
    std::vector<double> lines;
    for (size_t at = svg.find("<line "); at != std::string::npos; at = svg.find("<line ", at + 1)) {
        REQUIRE(attribute(svg, at, "y1") == attribute(svg, at, "y2"));
        lines.push_back(attribute(svg, at, "y1"));
    }
    REQUIRE(lines.size() == 3);
    const double base = *std::max_element(lines.begin(), lines.end());
    // Each figure's box (4.5 units high text: 0.8 of it above the baseline, 0.25 below).
    struct Box {
        double left, right, top, bottom;
    };
    std::vector<Box> boxes;
    size_t at = 0;
    for (const ChartBar& b : bars) {
        at = svg.find(">" + b.value + "</text>", at);
        REQUIRE_MESSAGE(at != std::string::npos, b.value);
        const size_t open = svg.rfind("<text ", at);
        const double x = attribute(svg, open, "x"), y = attribute(svg, open, "y");
        const double half = static_cast<double>(b.value.size()) * 4.5 * 0.55 / 2;
        const Box box{x - half, x + half, y - 0.8 * 4.5, y + 0.25 * 4.5};
        for (const double line : lines)
            CHECK_MESSAGE((line < box.top || line > box.bottom), b.value, " crosses the line at ",
                          line);
        // Above its own bar, never on it.
        CHECK_MESSAGE(box.bottom <= base - *b.percent, b.value);
        boxes.push_back(box);
        ++at;
    }
    for (size_t i = 1; i < boxes.size(); ++i)
        CHECK_MESSAGE(boxes[i - 1].right < boxes[i].left, bars[i].value, " touches the one before");
}

// ---- the summary's sections and a school's template -----------------------------------------

TEST_CASE("a template's table placeholders take exactly the summary's sections, by name") {
    // Every section the Markdown prints is a placeholder, and {{X}} holds what the Markdown
    // prints under X's heading: a heading renamed in one place only fails here.
    const School school = default_school("测试小学", 2025);
    std::vector<Child> c = {fixture::kid("A"), fixture::kid("B")};
    c[0].talks = {fixture::entry(Date{2026, 3, 5})};
    const Summary s =
        summarize({SchoolRecords{&school, &c, std::nullopt}},
                  Period{Date{2026, 2, 1}, Date{2026, 7, 31}, "第二学期"}, Date{2026, 4, 30});
    const std::vector<Provenance> sources = {Provenance{&school, nullptr, "", false, 0, nullptr}};
    for (const char* lang : {"zh", "en"}) {
        ReportStyle style;
        style.lang = lang;
        const std::string md = render_summary(s, sources, Coverage{}, style);
        int sections = 0;
        for (size_t at = md.find("\n## "); at != std::string::npos; ++sections) {
            const size_t eol = md.find('\n', at + 1);
            const size_t next = md.find("\n## ", eol);
            std::string body =
                md.substr(eol + 1, next == std::string::npos ? next : next - eol - 1);
            while (!body.empty() && body.front() == '\n') body.erase(0, 1);
            while (!body.empty() && body.back() == '\n') body.pop_back();
            int matches = 0;  // the placeholders whose fill is this body: exactly one
            for (const auto& name : summary_placeholders())
                matches +=
                    !body.empty() &&
                    fill_summary_template(s, sources, Coverage{}, style, "{{" + name + "}}").text ==
                        body;
            CHECK_MESSAGE(matches == 1, md.substr(at + 1, eol - at - 1));
            at = next;
        }
        CHECK(sections == 10);  // one school's summary: every section but 各学校
        // 各学校 of one school is empty, and still a name the template may hold.
        const TemplateFill schools =
            fill_summary_template(s, sources, Coverage{}, style, "{{各学校表}}");
        CHECK(schools.unknown.empty());
        CHECK(schools.text.empty());
    }
}

// ---- a long report given piece by piece (a province's: hundreds of MB) ----------------------

TEST_CASE("markdown_html_to gives markdown_html's text in pieces cut before headings") {
    // Lists, tables, paragraphs and figures under many headings, and a fenced block whose
    // lines look like headings: pieces are cut only before a heading outside the block.
    std::string md = "# 全县\n\n" + figure_line(0) + "\n\n" + figure_line(1) + "\n\n";
    for (int school = 0; school < 300; ++school) {
        md += fmt::format("### 第{}小学\n\n#### 三年级二班\n\n", school);
        for (int child = 0; child < 40; ++child)
            md +=
                fmt::format("- 未谈心（2026-03）：2025-{:05} 学生{}\n", school * 40 + child, child);
        md += "\n| 指标 | 比率 |\n| --- | ---: |\n| 建档率 | 90.0% |\n\n一段文字\n接着一行\n\n";
        if (school % 50 == 7) {
            md += "```\n";
            for (int line = 0; line < 9000; ++line) md += "# not a heading here\n";
            md += "```\n";
        }
    }
    const std::vector<std::string> figures = {"<svg a></svg>\n", "<svg b></svg>\n"};
    std::vector<std::string> pieces;
    markdown_html_to(md, figures, [&](std::string_view p) { pieces.emplace_back(p); });
    std::string joined;
    for (const auto& p : pieces) joined += p;
    CHECK(joined == markdown_html(md, figures));
    CHECK(pieces.size() > 3);
    for (size_t i = 1; i < pieces.size(); ++i)
        CHECK_MESSAGE(pieces[i].rfind("<h", 0) == 0, pieces[i].substr(0, 40));
    // A short text is one piece; an empty one none.
    pieces.clear();
    markdown_html_to("# a\n\nb\n", {}, [&](std::string_view p) { pieces.emplace_back(p); });
    CHECK(pieces == std::vector<std::string>{"<h1>a</h1>\n<p>b</p>\n"});
    pieces.clear();
    markdown_html_to("", {}, [&](std::string_view p) { pieces.emplace_back(p); });
    CHECK(pieces.empty());
}

TEST_CASE("a page is its open, its sections and its close") {
    CHECK(html_page("t", "en", {"<p>a</p>\n"}) ==
          html_page_open("t", "en") + "<p>a</p>\n" + html_page_close());
}

TEST_CASE("write_summary gives a long summary in bounded pieces, the text render_summary makes") {
    // 6,000 children with no talk: each is a line of 尚未达到, in every format; the JSON and the
    // page come in pieces of a bounded size, whatever the number of children (a page's are cut
    // before headings: a class's list is one piece).
    const School school = default_school("测试小学", 2025);
    std::vector<Child> c;
    for (int i = 1; i <= 6000; ++i) {
        c.push_back(fixture::kid(fmt::format("2025-{:05}", i)));
        c.back().grade = 1 + i % 6;  // 120 classes of 50: the page is cut before each
        c.back().class_no = 1 + i / 6 % 20;
    }
    const Summary s =
        summarize({SchoolRecords{&school, &c, std::nullopt}},
                  Period{Date{2026, 2, 1}, Date{2026, 7, 31}, "第二学期"}, Date{2026, 4, 30});
    const std::vector<Provenance> sources = {Provenance{&school, nullptr, "", false, 0, nullptr}};
    for (const Format format : {Format::md, Format::json, Format::html, Format::csv}) {
        ReportStyle style;
        style.format = format;
        std::vector<std::string> pieces;
        write_summary(s, sources, Coverage{}, style,
                      [&](std::string_view p) { pieces.emplace_back(p); });
        std::string joined;
        size_t largest = 0;
        for (const auto& p : pieces) joined += p, largest = std::max(largest, p.size());
        CHECK(joined == render_summary(s, sources, Coverage{}, style));
        if (format == Format::json || format == Format::html) {
            CHECK(pieces.size() >= 3);
            CHECK(largest < joined.size() / 2);
            CHECK(largest < (1u << 20));
        }
    }
    // The page is titled by the Markdown's first heading, and lists every child.
    ReportStyle md_style, page_style;
    page_style.format = Format::html;
    const std::string page = render_summary(s, sources, Coverage{}, page_style);
    const std::string md = render_summary(s, sources, Coverage{}, md_style);
    CHECK(page.rfind(html_page_open(markdown_title(md), "zh"), 0) == 0);
    CHECK(page.find("2025-06000") != std::string::npos);
}
