// Importing a register sheet: which column is which field, and what each row does.
#pragma once

#include <map>
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

struct ImportPlan {
    std::vector<RowOutcome> rows;
    Problems problems;  // field = column header; line/col = row start line and column number
};

/// Works out what importing `sheet` into `existing` does, without touching anything. A row is
/// matched by id, else by name and birth date; a matched row that differs is an error unless
/// `update`. Empty cells never erase a value. A row whose id is new but whose name and birth
/// date are an existing child's is refused (the same child under a mistyped id) unless
/// `namesakes` says such rows are other children. A new child's 留守类型 cell left blank is
/// refused with its row named, unless `blank_left_behind` says what a blank means (#39); a
/// sheet without the column gives files without left_behind, as before. 单亲外出 is kept as
/// one_parent, with a warning.
ImportPlan plan_import(const Sheet& sheet, const ColumnMap& columns,
                       const std::vector<Child>& existing, bool update, int id_year,
                       const Date& today, bool namesakes = false,
                       std::optional<LeftBehind> blank_left_behind = std::nullopt);

}  // namespace liushou
