// Importing a register sheet: which column is which field, and what each row does.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "liushou/fields.hpp"

namespace liushou {

/// A sheet after decoding: header cells and rows, each with its row and source line.
struct Sheet {
    struct Row {
        int row = 0;   // 1 is the header, as Excel numbers rows
        int line = 0;  // physical line where the row starts
        std::vector<std::string> cells;
    };
    std::vector<std::string> header;
    int header_line = 1;  // below a title line, 2
    std::vector<Row> rows;
};

/// A sheet's rows by index, each given when asked: a CSV talk sheet is held as its text and
/// where each row starts (a county's million rows cost little more than the text), an .xlsx
/// sheet as the Sheet it was read into. `row` may be called from several threads at once.
class SheetRows {
  public:
    virtual ~SheetRows() = default;
    virtual const std::vector<std::string>& header() const = 0;
    virtual int header_line() const = 0;
    virtual size_t size() const = 0;
    virtual void row(size_t i, Sheet::Row& out) const = 0;
};

/// A Sheet read whole (from a workbook, or a test) as SheetRows.
class HeldSheet : public SheetRows {
  public:
    explicit HeldSheet(Sheet sheet) : sheet_(std::move(sheet)) {}
    const std::vector<std::string>& header() const override { return sheet_.header; }
    int header_line() const override { return sheet_.header_line; }
    size_t size() const override { return sheet_.rows.size(); }
    void row(size_t i, Sheet::Row& out) const override { out = sheet_.rows[i]; }

  private:
    Sheet sheet_;
};

/// Column index -> field; nullptr for an ignored column.
using ColumnMap = std::vector<const ChildField*>;

/// Maps a sheet's header through the built-in headers, the user's `--map` (header -> key) and
/// `--ignore-column`. Unknown and doubled columns are problems naming the column.
/// A register's 序号 column (the row's number on paper) is skipped, and so are the columns
/// liushou list adds to the fields (帮扶教师, 状态, 档案, 学校), so its CSV imports back. Problems
/// are placed at `header_line`.
ColumnMap map_columns(const std::vector<std::string>& header,
                      const std::map<std::string, std::string>& user_map,
                      const std::set<std::string>& ignored, Problems& out, int header_line = 1);

enum class RowAction { add, update, unchanged };

struct RowOutcome {
    int row = 0;
    RowAction action = RowAction::add;
    std::vector<std::string> changed;  // field keys, for update
    Child child;                       // the record as it will be written
};

// ---- Stale exports: a three-way merge per cell (#39) ----------------------------------------

/// A child's register values: get_child_field of every child_fields() field, in that order.
using RowValues = std::vector<std::string>;
RowValues register_values(const Child& child);

/// The fingerprint of a row as exported: "v1-" and 12 hex digits of FNV-1a over its values
/// (register_values). Letters and a dash first, so that no spreadsheet takes it for a number
/// or a date; 48 bits, so that a wrong guess of the base (base_from_fingerprint) is unlikely.
std::string row_fingerprint(const RowValues& values);
/// Whether a cell is a fingerprint row_fingerprint could have written.
bool is_fingerprint(std::string_view cell);

/// The row as it was exported, found from its fingerprint: each field the sheet and the tree
/// disagree on was, at the export, either the sheet's value or the tree's; the one way of
/// choosing that gives the fingerprint is the base. None when no choice gives it (a cell was
/// changed on both sides, or a column the sheet lacks was changed in the tree) or more than
/// 16 fields disagree. `in_sheet[i]`: the sheet has a column for field i (else the tree's
/// value is taken as the sheet's).
std::optional<RowValues> base_from_fingerprint(std::string_view fingerprint, const RowValues& sheet,
                                               const std::vector<bool>& in_sheet,
                                               const RowValues& tree);

enum class CellMerge { keep, apply, conflict };

/// One cell of a matched row: `base` is the value exported (none for a register typed by
/// hand), `sheet` the cell's value, `tree` the record's now, `earlier` the field's earlier
/// values (its `changes:`). A cell the sheet left as exported keeps the tree's value (changed
/// since, or not); a cell the sheet changed is applied when the tree still holds the base; a
/// cell changed on both sides to different values is a conflict. Without a base, a sheet value
/// that goes back to an earlier value of the field is a conflict (a stale copy reverting a
/// later change); any other difference is applied.
CellMerge merge_cell(const std::optional<std::string>& base, const std::string& sheet,
                     const std::string& tree, const std::vector<std::string>& earlier);

/// A cell changed in the sheet and in the tree since the export.
struct CellConflict {
    int row = 0, line = 0, column = 0;
    std::string id;
    std::string field;                // the field's key
    std::optional<std::string> base;  // none: no base (the value reverts an earlier one)
    bool base_lost = false;           // a fingerprint no guess of the base gives
    std::string sheet, tree;
};

/// How conflicts are settled: not at all (listed, nothing imported), the sheet's value, or
/// the tree's.
enum class Prefer { none, sheet, tree };

/// A row's cells as read: each field with its cell's text (a 班级 of 三(2)班 gives two).
using SheetCells = std::vector<std::pair<const ChildField*, std::string>>;

/// What a matched row does after the merge: the cells to apply, and the conflicts (their
/// field, base and three values; the caller places them).
struct RowMerge {
    SheetCells apply;
    std::vector<CellConflict> conflicts;
};

/// Merges the cells of a row matched to `tree` (the record now). The base is `exported` when
/// given and its fingerprint is the row's (or the row has none), else found from
/// `fingerprint`, else there is none. `in_sheet[i]`: the sheet has a column for field i.
/// Conflicts are listed whatever `prefer` says; it says only which value `apply` takes.
RowMerge merge_row(const SheetCells& cells, const std::vector<bool>& in_sheet, const Child& tree,
                   const std::string& fingerprint, const RowValues* exported, Prefer prefer,
                   const Date& today);

/// The first row of a register workbook's hidden sheet liushou: what it holds (#39).
constexpr const char* kRegisterBaseFormat = "liushou register 1";

/// What the import knows of the sheet's base.
struct ImportBase {
    /// The sheet's 校验 column (row fingerprints of a CSV register), if it has one.
    std::optional<size_t> fingerprint_column;
    /// Fingerprints by 学号 (an .xlsx register's hidden sheet).
    std::map<std::string, std::string> fingerprints;
    /// The rows as exported, by 学号, read from the commit the export names.
    std::map<std::string, RowValues> exported;
    Prefer prefer = Prefer::none;
};

struct ImportPlan {
    std::vector<RowOutcome> rows;
    Problems problems;  // field = column header; line/col = row start line and column number
    std::vector<CellConflict> conflicts;  // settled by ImportBase::prefer when not none
};

/// Works out what importing `sheet` into `existing` does, without touching anything. A row is
/// matched by id, else by name and birth date; a matched row that differs is an error unless
/// `update`. Empty cells never erase a value. A row whose id is new but whose name and birth
/// date are an existing child's is refused (the same child under a mistyped id) unless
/// `namesakes` says such rows are other children. A new child's 留守类型 cell left blank is
/// refused with its row named, unless `blank_left_behind` says what a blank means (#39); a
/// sheet without the column gives files without left_behind, as before. 单亲外出 is kept as
/// one_parent, with a warning. A matched row is merged with `base` (merge_row): only cells
/// the sheet changed since the export are applied; conflicts are errors unless `base.prefer`
/// chooses a side. A dated field changed for a child who left before `today` is refused.
ImportPlan plan_import(const Sheet& sheet, const ColumnMap& columns,
                       const std::vector<Child>& existing, bool update, int id_year,
                       const Date& today, bool namesakes = false,
                       std::optional<LeftBehind> blank_left_behind = std::nullopt,
                       const ImportBase& base = {});

/// A conflict's three values as a message may show them: phone and id numbers masked.
std::string conflict_text(const CellConflict& conflict);

}  // namespace liushou
