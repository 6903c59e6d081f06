// The settable fields of a child: one table behind enroll's options and the sheet importer.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "liushou/records.hpp"
#include "liushou/validate.hpp"

namespace liushou {

enum class FieldKind {
    id,
    text,
    phone,
    id_number,
    date,
    grade,
    class_no,
    age,
    gender,
    left_behind,
    boolean,
    list
};

/// One field a person can set: `--guardian-phone` on the command line, `监护人电话` in a sheet.
struct ChildField {
    std::string_view key;                   // guardian_phone; the option is --guardian-phone
    std::string_view path;                  // guardian.phone, the schema path in messages
    std::vector<std::string_view> headers;  // Chinese sheet headers, the first is canonical
    FieldKind kind;
    std::string_view help;
};

const std::vector<ChildField>& child_fields();

/// A header as typed in a sheet, made comparable: trimmed, lower case, `-`, `.` and ' ' as `_`.
std::string normalise_header(std::string_view header);

/// The field a header or key names (学号, guardian.phone, guardian-phone …), or nullptr.
const ChildField* find_child_field(std::string_view header);

/// Parses `text` and stores it. Returns an empty string, or why the text was refused; the
/// reason never repeats a phone or id number. Dates after `today` are refused.
std::string set_child_field(Child& child, const ChildField& field, std::string_view text,
                            const Date& today);

/// The field's value as canonical text (what set_child_field would accept); empty when unset.
std::string get_child_field(const Child& child, const ChildField& field);

/// Small whole numbers as schools write them: 3, 三, 三年级, 3年级, (2)班, （2）班, 二班.
std::optional<int> parse_small_number(std::string_view text);
/// 是/否, yes/no, true/false, y/n, 1/0.
std::optional<bool> parse_yes_no(std::string_view text);

/// The next free `<year>-<NNN>` id given the ids in use (at least three digits).
std::string next_child_id(int year, const std::set<std::string>& taken);

// ---- batch import ----------------------------------------------------------------------

/// A sheet after decoding: header cells and rows, each with its row and source line.
struct Sheet {
    struct Row {
        int row = 0;   // 1 is the header, as Excel numbers rows
        int line = 0;  // physical line where the row starts
        std::vector<std::string> cells;
    };
    std::vector<std::string> header;
    std::vector<Row> rows;
};

/// Column index -> field; nullptr for an ignored column.
using ColumnMap = std::vector<const ChildField*>;

/// Maps a sheet's header through the built-in headers, the user's `--map` (header -> key) and
/// `--ignore-column`. Unknown and doubled columns are problems naming the column.
ColumnMap map_columns(const std::vector<std::string>& header,
                      const std::map<std::string, std::string>& user_map,
                      const std::set<std::string>& ignored, Problems& out);

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
/// `namesakes` says such rows are other children.
ImportPlan plan_import(const Sheet& sheet, const ColumnMap& columns,
                       const std::vector<Child>& existing, bool update, int id_year,
                       const Date& today, bool namesakes = false);

}  // namespace liushou
