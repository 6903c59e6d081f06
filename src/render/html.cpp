// HTML pages for screen and paper, made from the Markdown the renderers write, and charts
// drawn as inline SVG. The Markdown is our own (headings, pipe tables, lists, task lists,
// paragraphs, fenced blocks; user text escaped by md_escape), so a page reads exactly as
// the Markdown does and every escape that keeps a name inert there keeps it inert here.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "liushou/render.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

/// Text for an HTML text node or attribute: the five characters that could end the text or
/// the attribute are escaped; nothing else needs to be, since no element of ours has an href
/// or a src, so no text can become a link or a fetch.
std::string escape_text(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// Markdown inline text as HTML: a backslash escape is its character; `code` is <code>.
std::string inline_html(std::string_view md) {
    std::string plain, out;
    auto flush = [&] {
        out += escape_text(plain);
        plain.clear();
    };
    for (size_t i = 0; i < md.size(); ++i) {
        const char c = md[i];
        if (c == '\\' && i + 1 < md.size() && std::ispunct(static_cast<unsigned char>(md[i + 1]))) {
            plain += md[++i];
        } else if (c == '`') {
            const size_t end = md.find('`', i + 1);
            if (end == std::string_view::npos) {
                plain += c;
                continue;
            }
            flush();
            out += "<code>" + escape_text(md.substr(i + 1, end - i - 1)) + "</code>";
            i = end;
        } else {
            plain += c;
        }
    }
    flush();
    return out;
}

/// A table row's cells: split at each '|' that is not escaped.
std::vector<std::string_view> cells_of(std::string_view line) {
    std::vector<std::string_view> cells;
    if (!line.empty() && line.front() == '|') line.remove_prefix(1);
    if (!line.empty() && line.back() == '|' && !(line.size() > 1 && line[line.size() - 2] == '\\'))
        line.remove_suffix(1);
    size_t start = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
        } else if (line[i] == '|') {
            cells.push_back(trim(line.substr(start, i - start)));
            start = i + 1;
        }
    }
    cells.push_back(trim(line.substr(start)));
    return cells;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

int heading_level(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    return n >= 1 && n <= 6 && n < line.size() && line[n] == ' ' ? static_cast<int>(n) : 0;
}

bool is_list_item(std::string_view line) {
    return starts_with(line, "- ");
}

std::string table_html(const std::vector<std::string_view>& lines) {
    std::vector<bool> numeric;
    const bool has_rule = lines.size() >= 2 && lines[1].find("---") != std::string_view::npos &&
                          lines[1].find_first_not_of("|-: ") == std::string_view::npos;
    if (has_rule)
        for (auto c : cells_of(lines[1])) numeric.push_back(!c.empty() && c.back() == ':');
    auto cell = [&](const char* tag, std::string_view text, size_t i) {
        const bool num = i < numeric.size() && numeric[i];
        return fmt::format("<{}{}>{}</{}>", tag, num ? " class=\"num\"" : "", inline_html(text),
                           tag);
    };
    const size_t first_body = has_rule ? 2 : 0;
    const auto head = cells_of(lines[0]);
    // A long list of items and their text (a card's 基本情况) is laid out two pairs a row,
    // as a paper 档案卡 is: 学号 … 姓名 …, then 性别 … 出生日期 …
    const bool fold = has_rule && head.size() == 2 && lines.size() - first_body >= 8 &&
                      !numeric[0] && !numeric[1];
    std::string out = fold ? "<table class=\"pairs\">\n" : "<table>\n";
    if (has_rule) {
        out += "<thead><tr>";
        for (int twice = 0; twice <= (fold ? 1 : 0); ++twice)
            for (size_t i = 0; i < head.size(); ++i) out += cell("th", head[i], i);
        out += "</tr></thead>\n";
    }
    out += "<tbody>\n";
    for (size_t r = first_body; r < lines.size(); r += fold ? 2 : 1) {
        out += "<tr>";
        for (size_t k = r; k < lines.size() && k <= r + (fold ? 1 : 0); ++k) {
            const auto cells = cells_of(lines[k]);
            for (size_t i = 0; i < cells.size(); ++i)
                out += i == 0 && fold ? "<th>" + inline_html(cells[i]) + "</th>"
                                      : cell("td", cells[i], i);
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string list_html(const std::vector<std::string_view>& items) {
    const bool tasks = std::all_of(items.begin(), items.end(), [](std::string_view i) {
        return starts_with(i, "- [ ] ") || starts_with(i, "- [x] ");
    });
    std::string out = tasks ? "<ul class=\"tasks\">\n" : "<ul>\n";
    for (auto item : items) {
        if (tasks) {
            const bool done = item[3] == 'x';
            // A printed box to tick by hand; ☑ for what is done already.
            out += fmt::format("<li{}><span class=\"box\">{}</span>{}</li>\n",
                               done ? " class=\"done\"" : "", done ? "☑" : "☐",
                               inline_html(item.substr(6)));
        } else {
            out += "<li>" + inline_html(item.substr(2)) + "</li>\n";
        }
    }
    return out + "</ul>\n";
}

/// Columns of a label in SVG text units at font size 1: CJK counts one, ASCII about half.
double text_units(std::string_view s) {
    return display_width(s) * 0.55;
}

std::string svg_number(double v) {
    return fmt::format("{:.1f}", v);
}

}  // namespace

std::string html_escape(std::string_view text) {
    return escape_text(text);
}

std::string figure_line(size_t n) {
    return fmt::format("<figure {}>", n);
}

std::string markdown_title(std::string_view md) {
    size_t pos = 0;
    while (pos < md.size()) {
        size_t end = md.find('\n', pos);
        if (end == std::string_view::npos) end = md.size();
        const auto line = md.substr(pos, end - pos);
        if (heading_level(line) == 1) {
            std::string plain;
            for (size_t i = 2; i < line.size(); ++i) {
                if (line[i] == '\\' && i + 1 < line.size()) ++i;
                plain += line[i];
            }
            return plain;
        }
        pos = end + 1;
    }
    return "";
}

std::string markdown_html(std::string_view md, const std::vector<std::string>& figures) {
    std::vector<std::string_view> lines;
    for (size_t pos = 0; pos < md.size();) {
        size_t end = md.find('\n', pos);
        if (end == std::string_view::npos) end = md.size();
        std::string_view line = md.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        pos = end + 1;
    }
    std::string out;
    for (size_t i = 0; i < lines.size();) {
        const std::string_view line = lines[i];
        if (trim(line).empty()) {
            ++i;
            continue;
        }
        // Figures one after the other (a chart per rate) share rows on a wide screen or page.
        auto figure_at = [&](size_t k) -> const std::string* {
            for (size_t f = 0; f < figures.size(); ++f)
                if (lines[k] == figure_line(f)) return &figures[f];
            return nullptr;
        };
        if (figure_at(i)) {
            std::string run;
            size_t count = 0;
            while (i < lines.size() && (trim(lines[i]).empty() || figure_at(i))) {
                if (const auto* f = figure_at(i)) {
                    run += "<figure>\n" + *f + "</figure>\n";
                    ++count;
                }
                ++i;
            }
            out += count > 1 ? "<div class=\"charts\">\n" + run + "</div>\n" : run;
            continue;
        }
        if (starts_with(line, "```")) {
            std::string code;
            for (++i; i < lines.size() && !starts_with(lines[i], "```"); ++i)
                code += std::string(lines[i]) + "\n";
            ++i;
            out += "<pre><code>" + escape_text(code) + "</code></pre>\n";
            continue;
        }
        if (const int level = heading_level(line)) {
            out +=
                fmt::format("<h{}>{}</h{}>\n", level, inline_html(line.substr(level + 1)), level);
            ++i;
            continue;
        }
        std::vector<std::string_view> block;
        if (line.front() == '|') {
            while (i < lines.size() && !lines[i].empty() && lines[i].front() == '|')
                block.push_back(lines[i++]);
            out += table_html(block);
            continue;
        }
        if (is_list_item(line)) {
            while (i < lines.size() && is_list_item(lines[i])) block.push_back(lines[i++]);
            out += list_html(block);
            continue;
        }
        if (starts_with(line, "> ")) {
            std::string inner;
            while (i < lines.size() && starts_with(lines[i], "> "))
                inner += std::string(lines[i++].substr(2)) + "\n";
            out += "<blockquote>\n" + markdown_html(inner, figures) + "</blockquote>\n";
            continue;
        }
        // A paragraph: lines up to a blank line or the start of another block.
        std::string text;
        while (i < lines.size() && !trim(lines[i]).empty() && !heading_level(lines[i]) &&
               lines[i].front() != '|' && !is_list_item(lines[i]) &&
               !starts_with(lines[i], "```") && !starts_with(lines[i], "> ")) {
            text += (text.empty() ? "" : "\n") + inline_html(lines[i]);
            ++i;
        }
        out += "<p>" + text + "</p>\n";
    }
    return out;
}

void markdown_html_to(std::string_view md, const std::vector<std::string>& figures,
                      const TextSink& sink) {
    // Pieces of about this much Markdown: a province's 尚未达到 is 60 MB of it, its page
    // three times that; cut before a heading (a class's list, a school's), a piece holds
    // whole blocks, and markdown_html reads each as it would have in the whole text.
    constexpr size_t kPiece = 256 << 10;
    size_t start = 0;
    bool fenced = false;
    for (size_t pos = 0; pos < md.size();) {
        size_t end = md.find('\n', pos);
        if (end == std::string_view::npos) end = md.size();
        const std::string_view line = md.substr(pos, end - pos);
        if (starts_with(line, "```")) {
            fenced = !fenced;
        } else if (!fenced && pos - start >= kPiece && heading_level(line)) {
            sink(markdown_html(md.substr(start, pos - start), figures));
            start = pos;
        }
        pos = end + 1;
    }
    if (start < md.size()) sink(markdown_html(md.substr(start), figures));
}

namespace {

// Screen and paper. System CJK fonts only (nothing is fetched); on paper A4 with margins,
// one card a page, and no table row, list item or chart split across pages.
constexpr const char* kStyle = R"css(
:root { color-scheme: light; }
body {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "WenQuanYi Micro Hei", sans-serif;
  font-size: 15px; line-height: 1.75; color: #111; background: #fff;
  max-width: 62rem; margin: 2rem auto; padding: 0 1.5rem;
  text-rendering: optimizeLegibility; line-break: strict; overflow-wrap: anywhere;
}
h1 { font-size: 1.6rem; line-height: 1.4; margin: 0 0 1rem; padding-bottom: .4rem;
  border-bottom: 2px solid #111; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; padding-left: .5rem;
  border-left: 4px solid #333; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p, li { margin: .3rem 0; }
ul { padding-left: 1.4rem; }
ul.tasks { list-style: none; padding-left: .2rem; }
ul.tasks .box { display: inline-block; width: 1.4em; font-size: 1.1em; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #888; padding: .2rem .55rem; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: 600; white-space: nowrap; }
table.pairs tbody th { background: #f4f4f4; font-weight: normal; }
table.pairs td { min-width: 8em; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) td { background: #f7f7f7; }
code, pre { font-family: "Noto Sans Mono CJK SC", monospace; font-size: .9em; }
pre { background: #f4f4f4; padding: .6rem; white-space: pre-wrap; }
figure { margin: .8rem 0 1.2rem; }
figure svg { display: block; max-width: 100%; height: auto; }
.charts { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
section.card + section.card { margin-top: 3rem; padding-top: 2rem; border-top: 1px dashed #888; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.6; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12.5pt; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  table { font-size: 9.5pt; line-height: 1.4; }
  th, td { padding: .1rem .45rem; }
  thead { display: table-header-group; }
  tr, li, figure { break-inside: avoid; }
  tbody tr:nth-child(even) td { background: none; }
  th { background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  /* A card is one sheet: set close, as a paper card is filled in. */
  section.card { break-after: page; font-size: 9pt; line-height: 1.3; }
  section.card h1 { font-size: 13pt; margin-bottom: .4rem; padding-bottom: .2rem; }
  section.card h2 { font-size: 10.5pt; margin: .55rem 0 .2rem; }
  section.card ul { margin: .15rem 0; }
  section.card li, section.card p { margin: 0; }
  section.card table { font-size: 8.5pt; line-height: 1.3; margin: .15rem 0 .3rem; }
  section.card th, section.card td { padding: .05rem .35rem; }
  section.card:last-child { break-after: auto; }
  section.card + section.card { margin-top: 0; padding-top: 0; border-top: none; }
}
)css";

}  // namespace

std::string html_page_open(std::string_view title, std::string_view lang) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"liushou\">\n<title>{}</title>\n<style>{}</style>\n"
        "</head>\n<body>\n",
        lang == "en" ? "en" : "zh-CN", escape_text(title), kStyle);
}

std::string html_page_close() {
    return "</body>\n</html>\n";
}

std::string html_page(std::string_view title, std::string_view lang,
                      const std::vector<std::string>& sections, bool cards) {
    std::string out = html_page_open(title, lang);
    for (const auto& s : sections)
        out += cards ? "<section class=\"card\">\n" + s + "</section>\n" : s;
    return out + html_page_close();
}

std::string markdown_page(std::string_view md, std::string_view lang) {
    return html_page(markdown_title(md), lang, {markdown_html(md)});
}

// Charts: in the SVG's own units one percentage point is one unit, so a bar's length is its
// rate (a 80.0% bar is 80.0 long) and the chart can be checked by reading the file. Dark grey
// bars with the figures written beside them read the same on a black-and-white printer.
namespace {
constexpr double kFont = 5;  // label size, in those units
constexpr const char* kBar = "#4a4a4a";

std::string svg_open(double width, double height, std::string_view title, double scale) {
    // Shown at `scale` px a unit; max-width: 100% shrinks it on narrow paper. The fonts are
    // named again for a chart that leaves the page (a Word document's picture).
    return fmt::format(
        "<svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-label=\"{}\" font-size=\"{}\" font-family=\"Noto Sans CJK SC, Source Han Sans "
        "SC, PingFang SC, Microsoft YaHei, sans-serif\" fill=\"#111\">\n<title>{}</title>\n",
        svg_number(width), svg_number(height), svg_number(width * scale),
        svg_number(height * scale), escape_text(title), kFont, escape_text(title));
}
}  // namespace

/// Where a column's figure goes: its baseline just above the bar, lifted clear of a scale
/// line the text would cross (97% sat on the 100% line, struck through; 48% on the 50%).
/// The text takes `ascent` above its baseline and `descent` below; `gap` is kept to a line.
double figure_baseline(double base, double percent, double size) {
    const double ascent = 0.8 * size, descent = 0.25 * size, gap = 0.6;
    double y = base - percent - 1.5;
    for (const int line : {0, 50, 100}) {  // upwards: a lift only ever meets the next line
        const double at = base - line;
        if (y - ascent - gap < at && at < y + descent + gap) y = at - descent - gap;
    }
    return y;
}

std::string svg_columns(std::string_view title, const std::vector<ChartBar>& bars) {
    // A slot holds its label and its figure ("100.0%") with room between neighbours.
    const double slot = std::max(18.0, [&] {
        double widest = 0;
        for (const auto& b : bars)
            widest = std::max({widest, text_units(b.label) * kFont, text_units(b.value) * 4.5});
        return widest + 3;
    }());
    const double left = 14, top = 16, plot = 100, bottom = 10;
    const double width = left + slot * static_cast<double>(bars.size()) + 4;
    const double height = top + plot + bottom;
    const double base = top + plot;
    std::string out = svg_open(std::max(width, 60.0), height, title, 1.8);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", left, 6.5,
                       escape_text(title));
    // The scale: 0, 50 and 100%, the last drawn solid as the goal.
    for (int p : {0, 50, 100}) {
        const double y = base - p;
        out += fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#111\" "
            "stroke-width=\"{}\"{}/>\n"
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"4.5\">{}%</text>\n",
            left, svg_number(y), svg_number(width - 2), svg_number(y), p == 50 ? "0.2" : "0.35",
            p == 50 ? " stroke-dasharray=\"1.5 1.5\"" : "", left - 1, svg_number(y + 1.2), p);
    }
    for (size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const double x = left + slot * static_cast<double>(i);
        const double cx = x + slot / 2;
        const double bar_w = std::min(10.0, slot - 4);
        if (b.percent) {
            const double h = *b.percent;
            out += fmt::format(
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                "data-percent=\"{}\"><title>{} {}</title></rect>\n",
                svg_number(cx - bar_w / 2), svg_number(base - h), svg_number(bar_w), svg_number(h),
                kBar, svg_number(h), escape_text(b.label), escape_text(b.value));
        }
        // The figure above the bar, where the scale's top leaves room for "100.0%".
        const double ty = figure_baseline(base, b.percent.value_or(0), 4.5);
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"4.5\">{}</text>\n",
            svg_number(cx), svg_number(ty), escape_text(b.value));
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                           svg_number(cx), svg_number(base + 6), escape_text(b.label));
    }
    return out + "</svg>\n";
}

std::string svg_bars(std::string_view title, const std::vector<ChartBar>& bars) {
    double label_w = 0;
    for (const auto& b : bars) label_w = std::max(label_w, text_units(b.label) * kFont);
    const double left = label_w + 3, top = 12, row = 8, value_w = 30;
    const double width = left + 100 + value_w;
    const double height = top + row * static_cast<double>(bars.size()) + 7;
    std::string out = svg_open(width, height, title, 2.0);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", 0, 6.5,
                       escape_text(title));
    for (size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const double y = top + row * static_cast<double>(i);
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                           svg_number(left - 1.5), svg_number(y + 5.6), escape_text(b.label));
        if (b.percent)
            out += fmt::format(
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                "data-percent=\"{}\"><title>{} {}</title></rect>\n",
                svg_number(left), svg_number(y + 1), svg_number(*b.percent), svg_number(row - 2),
                kBar, svg_number(*b.percent), escape_text(b.label), escape_text(b.value));
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"4.2\">{}</text>\n",
                           svg_number(left + std::max(100.0, b.percent.value_or(0)) + 2),
                           svg_number(y + 5.5), escape_text(b.value));
    }
    // The goal: a solid line at 100%, labelled below the last bar.
    const double end = top + row * static_cast<double>(bars.size());
    out += fmt::format(
        "<line class=\"goal\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#111\" "
        "stroke-width=\"0.4\"/>\n<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#111\" "
        "stroke-width=\"0.35\"/>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
        "font-size=\"4.2\">100%</text>\n",
        svg_number(left + 100), svg_number(top - 1), svg_number(left + 100), svg_number(end + 1),
        svg_number(left), svg_number(top - 1), svg_number(left), svg_number(end + 1),
        svg_number(left + 100), svg_number(end + 5.5));
    return out + "</svg>\n";
}

}  // namespace liushou
