// What the report commands share (report.cpp, report_child.cpp): the options, the schools'
// trees as read for a report, and the way every report leaves (style, redaction, encoding).
#pragma once

#include <functional>
#include <future>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "liushou/render.hpp"
#include "liushou/report_render.hpp"
#include "liushou/store.hpp"

namespace liushou::report_cli {

struct ReportOptions {
    std::string format = "md";
    bool redact = false;
    std::string output;
    std::string encoding;  // of CSV: utf-8-bom for a file, utf-8 on a pipe, unless given
    // summary
    std::string term, from, to, as_of;
    std::string template_file;
    // child
    std::string id;
    bool all = false;
    // class: `3-2` (any way a class is written), `--class 3-2`, or grade and number `3 2`
    std::vector<std::string> class_words;
    std::string klass;
    // talks
    std::string month;
    // The sheet's name in an .xlsx workbook: zh and en.
    std::pair<const char*, const char*> sheet{"", ""};
    // A workbook of label and value (the card): a date is a date cell among other values.
    bool typed_cells = false;
    // The report's language, noted by style_of for the sheet's name (every report asks for
    // its style before it emits).
    mutable std::string lang;
};

/// One school's tree, read for a report.
struct LoadedTree {
    std::optional<Tree> tree;
    School school;
    StaffList staff;
    std::vector<Child> children;
    /// Where the tree stands in git, asked of git while the records are read (a status of a
    /// county's tree takes as long as reading its figures); got by provenance().
    mutable std::shared_future<GitState> git;
    int errors = 0;  // problems in files that could not be counted, or counted in part
    std::vector<Activity> activities;
    std::unordered_map<std::string, std::string> child_names;
    /// With ChildRecords::one_by_one: the children still in the cache (`children` is empty),
    /// and which of them are the tree's (not a copy named after another id).
    std::optional<CachedChildren> cached;
    std::vector<size_t> cached_cards;
};

/// What load_tree reads of the children: nothing (the caller reads what it needs), every
/// record, or for the cards, only the names where the record cache holds every child as it
/// is, the records to be decoded one at a time (a county's 709 MB of records never in memory
/// at once); every record otherwise; or for a figure, every record less the second files of
/// one 身份证号 (counted_children).
enum class ChildRecords { none, all, one_by_one, counted };

/// The schools' trees, and what the report says about the set (the county, who is missing).
struct LoadedTrees {
    std::vector<LoadedTree> trees;
    Coverage coverage;
};

/// Runs `work(i, err, skipped)` for each of `n` schools side by side; messages keep the
/// schools' order, and the first failure is rethrown.
void for_each_school(Context& ctx, size_t n, bool& skipped,
                     const std::function<void(size_t, std::ostream&, bool&)>& work);
/// The schools' trees, with what `records` asks of their children.
LoadedTrees load_trees(Context& ctx, bool& skipped, bool json = false,
                       ChildRecords records = ChildRecords::all);
std::vector<Provenance> provenance(const std::vector<LoadedTree>& trees);
ReportStyle style_of(const ReportOptions& o, const Context& ctx, const School& school);
/// The report as it leaves: redacted when asked, encoded, or made a workbook or document.
std::string encoded(const ReportOptions& o, const Context& ctx, const std::string& report,
                    bool to_file);
/// Whether the report is written to standard output as it is made (write_summary).
bool streams(const ReportOptions& o);
void emit(const ReportOptions& o, Context& ctx, const std::string& text);

/// liushou report child: one card, every card in one document, or a file per card.
int run_child(const ReportOptions& o, Context& ctx);

}  // namespace liushou::report_cli
