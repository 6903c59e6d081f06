// Reports as Markdown, JSON and CSV: the summary, a child's card, a class roster, a talk log.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "liushou/render.hpp"
#include "liushou/report.hpp"

namespace liushou {

/// html is a page made from the Markdown (render.hpp: markdown_html).
enum class Format { md, json, csv, html };

/// How a report is written: language, format, and whether personal details are masked.
struct ReportStyle {
    std::string lang = "zh";
    Format format = Format::md;
    bool redact = false;
};

/// `text`, a report or filled template as it is about to be written in `format`, with every
/// phone, id and house number in it masked (redact), whoever wrote it: the template's own
/// words, a heading, a name. The last pass of --redact, after the per-field one; it keeps
/// the format whole (only JSON strings and a page's text are touched, never a tag or a
/// number of JSON) and the short commit a report names. A CSV is masked cell by cell, as
/// a workbook made from it is.
std::string redact_document(std::string_view text, Format format);

/// Where a school's figures came from, so a number sent to the county can be reproduced.
struct Provenance {
    const School* school = nullptr;
    const StaffList* staff = nullptr;
    std::string commit;  // short hash, empty when the tree is not in git
    bool dirty = false;  // uncommitted changes under the tree
    int errors = 0;      // problems in its files (a file that cannot be read is not counted)
    const std::vector<Activity>* activities = nullptr;  // its activities, for a child's card
    /// Its children's names by id, so that a buddy given as an id is shown by name.
    const std::unordered_map<std::string, std::string>* child_names = nullptr;
};

/// What a report over several schools says of the set: the county, and who is left out.
struct Coverage {
    std::string county;  // the manifest's county, "" without one
    std::vector<std::pair<std::string, std::string>> missing;  // school -> why
};

/// The summary's 尚未达到 as CSV, a row for each gap of each child (school, class as the
/// report writes it, id, name, what falls short, when): the second sheet of its workbook.
std::string render_shortfalls_csv(const Summary& summary, const ReportStyle& style);
std::string render_summary(const Summary& summary, const std::vector<Provenance>& sources,
                           const Coverage& coverage, const ReportStyle& style);
/// render_summary's text given to `sink` piece by piece, so that a county's report is never
/// held whole: JSON in pieces of its lists, a page a few blocks of its Markdown at a time.
void write_summary(const Summary& summary, const std::vector<Provenance>& sources,
                   const Coverage& coverage, const ReportStyle& style, const TextSink& sink);

/// A 工作总结 the school writes in its own words, with {{建档率}}, {{基本情况表}} … filled in.
struct TemplateFill {
    std::string text;
    std::vector<std::pair<int, std::string>> unknown;  // line, placeholder not known
};
TemplateFill fill_summary_template(const Summary& summary, const std::vector<Provenance>& sources,
                                   const Coverage& coverage, const ReportStyle& style,
                                   std::string_view text);
/// Every placeholder a template may hold, in the order liushou-report(1) lists them.
std::vector<std::string> summary_placeholders();

std::string render_child(const Child& child, const Provenance& source, const ReportStyle& style);

struct ClassRoster {
    const Provenance* source = nullptr;
    std::vector<const Child*> children;
};
std::string render_class(int grade, int class_no, const std::vector<ClassRoster>& rosters,
                         const Date& as_of, const ReportStyle& style);

/// The children enrolled on a day who receive a subsidy, and how many are enrolled.
struct SubsidyRoll {
    Date as_of;
    size_t enrolled = 0;
    std::vector<ClassRoster> schools;  // each school's subsidised children
};
/// Who receives what (the seed's 减免落实情况检查): each subsidy with its count and children.
std::string render_subsidies(const SubsidyRoll& roll, const ReportStyle& style);

struct TalkLine {
    const Provenance* source = nullptr;
    const Child* child = nullptr;
    const Talk* talk = nullptr;
};
std::string render_talks(const Month& month, const std::vector<TalkLine>& talks,
                         const ReportStyle& style);

}  // namespace liushou
