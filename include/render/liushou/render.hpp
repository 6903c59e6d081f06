// Output writers: terminal tables that align Chinese text, CSV, JSON, and zh / en labels.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liushou/catalogue.hpp"
#include "liushou/text.hpp"

namespace liushou {

/// The zh or en wording of every label and sentence a renderer writes: each is named by
/// its English, the key of its entry in the message catalogue (liushou/catalogue.hpp).
class Wording {
  public:
    explicit Wording(std::string_view lang) : en_(lang == "en") {}
    /// The text of key `en`: w.t("Class") is 班级 in zh.
    std::string t(std::string_view en) const { return tr(lang(), en); }
    /// A key with {} for values, filled in: w.f("# File of {} ({})\n\n", name, id).
    template <typename... Args>
    std::string f(std::string_view en, Args&&... args) const {
        return trf(lang(), en, std::forward<Args>(args)...);
    }
    /// One of a table's own two names (kMetrics' 建档率 / "Files complete (建档率)"), where
    /// the Chinese is also a template's placeholder and so data the table keeps, not a text.
    std::string pick(std::string_view zh, std::string_view en) const {
        return std::string(en_ ? en : zh);
    }
    bool en() const { return en_; }
    std::string lang() const { return en_ ? "en" : "zh"; }

  private:
    bool en_;
};

/// A plain-text table with a header and aligned columns; cells must hold no newline.
std::string render_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);

/// One CSV line (RFC 4180 quoting, CRLF-free), ending in '\n'.
std::string csv_line(const std::vector<std::string>& cells);
/// A CSV cell as csv_line writes it: a ' before a value that starts with = + - @, a tab, a
/// carriage return or a ' (the reader, parse_csv, takes exactly that ' off again).
std::string csv_guarded(std::string_view cell);

/// A JSON string literal; null for "" (liushou-json(5): one rule for missing values).
std::string json_string(std::string_view text);

/// A JSON array of strings.
std::string json_strings(const std::vector<std::string>& items);

/// A JSON object from keys and already-rendered JSON values, on one line.
std::string json_object(const std::vector<std::pair<std::string, std::string>>& fields);

/// The version every --format json document starts with (liushou-json(5)).
constexpr int kJsonVersion = 1;

/// A --format json document whose content is one list: {"liushou_json": 1, HEAD…, "KEY":
/// [...]}, each of `head` (key, rendered value) on its line, an item (rendered JSON) a line.
std::string json_list_document(std::string_view key, const std::vector<std::string>& items,
                               const std::vector<std::pair<std::string, std::string>>& head = {});

/// The label for `key` in `lang` (zh or en); the key itself when none is known.
std::string label(std::string_view key, std::string_view lang);

/// User text made inert in Markdown: `\ ` * _ [ ] < > | ~ #` are escaped and line breaks
/// become spaces, so a name or note can neither break a table nor inject HTML; a bare URL or
/// www. address is split by an escape and an e-mail's @ is written ＠, so none becomes a link.
std::string md_escape(std::string_view text);

/// "三年级2班" in zh, "3-2" in en; what is unknown is left out.
std::string class_label(const std::optional<int>& grade, const std::optional<int>& class_no,
                        std::string_view lang);

/// A schema path (guardian.phone, parents.father.name) as a person reads it: 监护人电话.
std::string field_label(std::string_view path, std::string_view lang);

/// Pages for screen and paper (--format html), from the Markdown above: one self-contained
/// file, inline CSS, no script, no external font, image or link.
///
/// HTML text: & < > " ' as references, and "http" or "www." never as such, so that nothing
/// in a page names an address.
std::string html_escape(std::string_view text);
/// The line that stands for figure `n` (an SVG chart) in Markdown given to markdown_html;
/// user text cannot make it (md_escape escapes '<').
std::string figure_line(size_t n);
/// The text of the first level-1 heading, unescaped: a page's title.
std::string markdown_title(std::string_view md);
/// The HTML of the Markdown the renderers write (headings, pipe tables with their
/// alignment, lists and task lists, paragraphs, fenced blocks), figure lines replaced.
std::string markdown_html(std::string_view md, const std::vector<std::string>& figures = {});
/// A whole page of `sections`; as `cards`, each section is a page on paper.
std::string html_page(std::string_view title, std::string_view lang,
                      const std::vector<std::string>& sections, bool cards = false);

/// Where a long text goes as it is made, piece by piece: the pieces in order are the text.
/// A province's summary is hundreds of megabytes of JSON or HTML, never held whole.
using TextSink = std::function<void(std::string_view)>;
/// markdown_html of `md`, given to `sink` a few blocks at a time: `md` is cut only before a
/// heading outside a fenced block, where no block runs on, so the pieces are its very text.
void markdown_html_to(std::string_view md, const std::vector<std::string>& figures,
                      const TextSink& sink);
/// html_page's text before its sections (a page that is not of cards), and after them.
std::string html_page_open(std::string_view title, std::string_view lang);
std::string html_page_close();

/// A whole page of one Markdown text, titled by its heading.
std::string markdown_page(std::string_view md, std::string_view lang);

/// A bar of a chart: its label, its rate (none: nothing to measure) and the figure written by
/// it (80.0%, or —).
struct ChartBar {
    std::string label;
    std::optional<double> percent;
    std::string value;
};
/// Inline SVG charts. One unit of the drawing is one percentage point: a bar is as long as its
/// rate. Vertical bars (months, left to right) on a 0–100% scale:
std::string svg_columns(std::string_view title, const std::vector<ChartBar>& bars);
/// Horizontal bars (classes, schools, top to bottom) with the 100% line.
std::string svg_bars(std::string_view title, const std::vector<ChartBar>& bars);

struct Schedule;
struct School;
struct StaffList;

/// The month's checklist as a GitHub-flavoured Markdown task list.
std::string schedule_markdown(const Schedule& schedule, const School& school,
                              const StaffList& staff, std::string_view lang);
/// The same as CSV, one row per thing to do (事项, 教师, 学号, 姓名, 班级, 日期, 完成, 说明);
/// a workbook (--format xlsx) is this table.
std::string schedule_csv(const Schedule& schedule, const StaffList& staff, std::string_view lang);
/// The same content as JSON.
std::string schedule_json(const Schedule& schedule, const School& school, const StaffList& staff);

}  // namespace liushou
