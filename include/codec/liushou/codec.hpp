// Text <-> records: the YAML files of the tree, CSV sheets and their encodings.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "liushou/import.hpp"
#include "liushou/records.hpp"
#include "liushou/validate.hpp"

namespace liushou {

/// Where each field of a decoded file sits: schema path -> 1-based line and column.
struct SourceMap {
    std::unordered_map<std::string, std::pair<int, int>> at;
    /// The field's position, else its nearest parent's (`talks[2].mood` -> `talks[2]`), else 1:1.
    std::pair<int, int> find(const std::string& field) const;
    /// Fills in line and column of problems that have none.
    void locate(Problems& problems) const;
};

/// A decoded file. `parsed` is false when the text is not YAML or not the expected shape;
/// problems then hold why, and the record must never be written back.
template <class T>
struct Decoded {
    T record;
    SourceMap where;
    Problems problems;
    bool parsed = false;
    /// True when the file can be rewritten without losing anything: parsed and no errors.
    bool writable() const { return parsed && !has_errors(problems); }
};

/// A child's file. Canonical files take a fast path; anything else is read by yaml-cpp, and
/// both give the same record.
/// Without `positions`, `where` stays empty (unless the file has problems): faster, for reports.
Decoded<Child> decode_child(std::string_view text, bool positions = true);
/// Always through yaml-cpp (for tests that compare the two paths).
Decoded<Child> decode_child_full(std::string_view text);
/// Only the fast path: nullopt for anything it leaves to yaml-cpp (outside its subset, unknown
/// keys, or any problem).
std::optional<Decoded<Child>> decode_child_fast(std::string_view text, bool positions = true);
/// staff.yaml, by the fast path when it can (every write reads it; a county's lists 2,000
/// teachers), else yaml-cpp; decode_staff_full is always yaml-cpp (for tests).
Decoded<StaffList> decode_staff(std::string_view text, bool positions = true);
Decoded<StaffList> decode_staff_full(std::string_view text);
/// liushou.yaml, by the fast path when it can (every command reads it), else yaml-cpp;
/// decode_school_full is always yaml-cpp (for tests).
Decoded<School> decode_school(std::string_view text);
Decoded<School> decode_school_full(std::string_view text);
/// activities/<id>.yaml: one school activity.
Decoded<Activity> decode_activity(std::string_view text);
std::string encode_activity(const Activity& activity);
/// county.yaml (liushou-records(5)): the county's name and its schools.
Decoded<County> decode_county(std::string_view text);

/// The canonical layout: fixed key order, dated lists sorted, unknown keys last.
std::string encode_child(const Child& child);
std::string encode_staff(const StaffList& staff);
std::string encode_school(const School& school);
std::string encode_county(const County& county);

/// A `--map` file: a YAML mapping from a sheet's header to a field key.
std::map<std::string, std::string> decode_header_map(std::string_view text, Problems& out);

/// The 1-based line of the first comment, or 0; comments are lost when liushou rewrites a file.
int first_comment_line(std::string_view yaml);

/// How a scalar is written: plain when YAML reads it back as the same string, else quoted.
std::string yaml_scalar(std::string_view value);

// ---- merging -----------------------------------------------------------------------------

/// A field both sides changed differently (`guardian.phone`), or an entry group of a list
/// (`talks (2026-03-12 talk T001)`, `parents (father)`).
struct MergeConflict {
    std::string field;
};

struct MergeResult {
    /// False when some side is not a YAML mapping: fall back to a line merge.
    bool merged = false;
    /// The merged file, canonical, with each conflict between <<<<<<< ours / >>>>>>> theirs.
    std::string text;
    std::vector<MergeConflict> conflicts;
    /// Both sides created this file for two different children (name, birth date or id
    /// number differ, no common ancestor): the whole file is one conflict.
    bool different_children = false;
    /// A side beyond the limits check applies before parsing (liushou-records(5), LIMITS:
    /// aliases, tags, nesting, several documents), or with more conflicts than a person can
    /// resolve in place: "base", "ours" or "theirs" and why, with its line. Nothing was
    /// merged; `text` is the whole file as one conflict (each side verbatim). The side is ""
    /// for too many conflicts; the refusal's message is empty when nothing was refused.
    std::string refused_side;
    Problem refusal;
};

/// Three-way merge of a child's file, record-wise: a field changed on one side wins over an
/// unchanged one, entries of lists added on either side are all kept (talks told apart by
/// date, kind and teacher, parents by relation), and a field or entry changed differently on
/// both sides is a conflict marked in place. Values are never dropped, even unreadable ones.
MergeResult merge_child_files(std::string_view base, std::string_view ours,
                              std::string_view theirs);
/// The same for liushou.yaml: tasks of the plan ticked off in two clones (plan_done, told
/// apart by month and task), members added to the leading group, terms and events by name.
MergeResult merge_school_files(std::string_view base, std::string_view ours,
                               std::string_view theirs);

// ---- sheets ------------------------------------------------------------------------------

enum class Encoding { automatic, utf8, gb18030 };

/// Converts a sheet's bytes to UTF-8: a BOM is dropped, UTF-16 with BOM is converted, valid
/// UTF-8 is kept, anything else is read as GB18030 (Excel's default on Chinese Windows).
/// Throws DataError naming `path` and the line of the first byte that fits no encoding.
std::string sheet_to_utf8(std::string bytes, Encoding encoding, const std::string& path,
                          std::string* detected = nullptr);

/// `bytes` in `charset` (an iconv name: GB18030, BIG5 …) as UTF-8, or nullopt when they are
/// not text in it or iconv does not know it: arguments typed under a non-UTF-8 locale.
std::optional<std::string> charset_to_utf8(std::string_view bytes, const char* charset);

/// UTF-8 -> GB18030, for tests and sample sheets, and CSV written for old Excel.
std::string utf8_to_gb18030(std::string_view utf8);

/// How a CSV file is written: UTF-8 with a BOM (Excel on Chinese Windows then reads it as
/// UTF-8, not as GBK), plain UTF-8 (for pipes and scripts), or GB18030.
enum class CsvEncoding { utf8, utf8_bom, gb18030 };
std::string encode_csv(std::string_view utf8, CsvEncoding encoding);

/// Offset of the first byte that is not valid UTF-8, or npos.
size_t invalid_utf8_at(std::string_view text);

/// Whether a sheet's first row of `row_cells` filled cells is a group row above the header (学生
/// 基本信息 / 父亲 / 母亲 / 监护人情况, merged over their fields), given the next row's filled
/// cells: a group spans two fields or more, a header's rows never outnumber it.
inline bool is_group_row(size_t row_cells, size_t next_cells) {
    return row_cells * 2 <= next_cells;
}

/// RFC 4180 CSV (comma, or tab / semicolon when the header uses them): quoted fields with
/// commas, quotes and newlines; LF or CRLF. Blank rows are skipped but keep their row numbers.
Sheet parse_csv(std::string_view utf8, Problems& out, size_t max_rows = 0);

/// The most rows a register may have (a county's is about 10,000): a larger one is refused while
/// it is read, so that memory stays bounded (scripts/bench --imports: 100,000 rows take about
/// 260 MB). 0 for no limit (talk sheets, which are read row by row).
constexpr size_t kMaxRegisterRows = 100000;
/// The error of a sheet that has more than `max_rows` rows, at the line of the first one over.
Problem too_many_rows(size_t max_rows, int line);

/// The same CSV reader over a sheet kept as its text: the text is checked and its rows found
/// in one pass, and each row's cells are parsed again when asked for. On a problem (as
/// parse_csv's) the rows found before it are kept and `out` says where.
std::unique_ptr<SheetRows> index_csv(std::string utf8, Problems& out);

// ---- Excel workbooks (.xlsx) -------------------------------------------------------------

/// One sheet of an .xlsx workbook read as a CSV sheet is: the first visible sheet, or the one
/// named `sheet_name`. Shared, inline and formula strings are text; a number is written out in
/// full, and a date cell (by its number format, in the 1900 or 1904 system) as YYYY-MM-DD.
/// Rows keep Excel's numbers (a problem's line is the row, its column the column number). A
/// number longer than Excel's 15 digits is an error: its last digits are gone. Throws
/// DataError naming `path` when the bytes are no workbook or the sheet is not there.
Sheet read_xlsx(std::string_view bytes, const std::string& path, const std::string& sheet_name,
                Problems& out, size_t max_rows = 0);

/// A table for one sheet of a workbook.
struct SheetTable {
    std::string name;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    /// A table of label and value (a child's card): a column holds dates among other values,
    /// and an ISO date alone in its cell is a date cell all the same.
    bool typed_cells = false;
    bool hidden = false;  // a sheet for liushou, not for people (a register's base, #39)
};

/// An .xlsx workbook, one sheet per table: a bold frozen header row with a filter, columns as
/// wide as their text, a column of ISO dates as dates, a column of small numbers (counts,
/// percentages) as numbers, and every other cell text (phone and id numbers keep their
/// digits). `created` is the workbook's creation day, so the same data gives the same file.
std::string write_xlsx(const std::vector<SheetTable>& tables, const Date& created);

/// A column of a sheet to fill in (FillInBook).
struct FillInColumn {
    std::string name;
    double width = 10;
    bool fill = false;               // the filler's: unlocked in every row
    bool fill_in_open_rows = false;  // unlocked in the open rows only (学号, 姓名 of an extra)
    std::vector<std::string> choices;  // a dropdown of these
    std::optional<Date> from, to;      // a date between these
    std::string prompt;                // shown when the cell is chosen
};

/// A workbook to be filled in by hand and read back (liushou-schedule(1)): one protected sheet
/// (no password: it keeps slips out, not people) whose cells are locked but for the columns to
/// fill, with dropdowns and a date validation; a sheet of instructions; and a hidden sheet of
/// key-value lines saying what the workbook was made from.
struct FillInBook {
    std::string title;  // the list's sheet name
    std::vector<FillInColumn> columns;
    std::vector<std::vector<std::string>> rows;  // the list's rows, then
    size_t open_rows = 0;                        // this many empty rows to add entries in
    std::string notes_title;
    std::vector<std::string> notes;  // one paragraph a row
    std::string base_title;
    std::vector<std::pair<std::string, std::string>> base;
};
std::string write_fill_in_xlsx(const FillInBook& book, const Date& created);

}  // namespace liushou
