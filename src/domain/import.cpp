// A register sheet imported into the tree: each row matched to a child or made a new one, all
// worked out before anything is written (its columns are mapped in import_columns.cpp, a
// stale export's cells merged in import_merge.cpp).
#include "liushou/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "liushou/i18n.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

/// The first cell of a row that is a register's footer (填表人, 审核人, 合计 …), or "".
std::string footer_of(const Sheet::Row& row) {
    static const std::vector<std::string_view> kFooters = {
        "填表人", "填报人", "审核人", "审核",   "制表人",   "制表日期", "填表日期", "填报日期",
        "合计",   "总计",   "小计",   "负责人", "校长签字", "学校盖章", "说明",     "注："};
    for (const auto& cell : row.cells) {
        const std::string_view t = trim(cell);
        if (t.empty()) continue;
        for (const auto f : kFooters)
            if (t.substr(0, f.size()) == f) return std::string(t);
        return "";
    }
    return "";
}

// ---- 留守类型 on import (#39) ----------------------------------------------------------------

/// The row's problem at its 留守类型 column, or at the row when the sheet has none.
Problem left_behind_problem(const Sheet& sheet, const ColumnMap& columns, const Sheet::Row& row,
                            std::string message, Severity severity) {
    const auto col = std::find_if(columns.begin(), columns.end(), [](const ChildField* f) {
        return f && f->key == std::string_view("left_behind");
    });
    if (col == columns.end())
        return Problem{fmt::format(N_("row {}"), row.row), std::move(message), severity, row.line,
                       1};
    const size_t i = static_cast<size_t>(col - columns.begin());
    return Problem{
        fmt::format(N_("row {}, {}"), row.row, i < sheet.header.size() ? sheet.header[i] : ""),
        std::move(message), severity, row.line, static_cast<int>(i + 1)};
}

void blank_left_behind_problem(Problems& out, const Sheet& sheet, const ColumnMap& columns,
                               const Sheet::Row& row) {
    out.push_back(left_behind_problem(sheet, columns, row,
                                      N_("blank; write 双亲外出, 父亲外出, 母亲外出, 单亲外出 or "
                                         "否 (not left-behind), or say what "
                                         "a blank means with --blank-left-behind"),
                                      Severity::error));
}

void one_parent_warning(Problems& out, const Sheet& sheet, const ColumnMap& columns,
                        const Sheet::Row& row) {
    out.push_back(left_behind_problem(
        sheet, columns, row,
        N_("单亲外出 does not say which parent works away; kept as 单亲外出, a row of its own in "
           "基本情况 (write 父亲外出 or 母亲外出 when it is known)"),
        Severity::warning));
}

}  // namespace

namespace {

/// One import worked out row by row: the children on file indexed every way a row may name
/// one, what the sheet's earlier rows said, and the plan so far. Its steps are the seams of
/// the row's journey (cells, match, identity, outcome), each a function of its own (#45).
class Planner {
  public:
    Planner(const Sheet& sheet, const ColumnMap& columns, const std::vector<Child>& existing,
            bool update, const Date& today, bool namesakes,
            std::optional<LeftBehind> blank_left_behind, const ImportBase& base)
        : sheet_(sheet),
          columns_(columns),
          existing_(existing),
          update_(update),
          today_(today),
          namesakes_(namesakes),
          blank_left_behind_(blank_left_behind),
          base_(base) {
        for (size_t i = 0; i < existing.size(); ++i) {
            by_id_[existing[i].id] = i;
            if (!existing[i].id_number.empty()) by_id_number_.emplace(existing[i].id_number, i);
            taken_.insert(existing[i].id);
            if (existing[i].birth_date)  // NFC: a name typed decomposed is the same name
                by_person_[{to_nfc(existing[i].name), existing[i].birth_date->iso()}].push_back(i);
        }
        for (const auto& c : existing) folded_ids_.emplace(fold_case(c.id), c.id);
        in_sheet_.assign(child_fields().size(), false);
        for (const ChildField* f : columns)
            if (f) in_sheet_[static_cast<size_t>(f - child_fields().data())] = true;
        has_left_behind_ = std::any_of(columns.begin(), columns.end(), [](const ChildField* f) {
            return f && f->key == std::string_view("left_behind");
        });
    }

    void plan_row(const Sheet::Row& row);
    ImportPlan finish(int id_year);

  private:
    /// A row's cells read onto a scratch record, to learn its id, name and birth date.
    struct Incoming {
        Child child;
        SheetCells cells;
        size_t id_col = 0;
    };

    void problem(const Sheet::Row& row, size_t col, std::string message) {
        const std::string column = col < sheet_.header.size() ? sheet_.header[col] : "";
        plan_.problems.push_back(Problem{fmt::format(N_("row {}, {}"), row.row, column),
                                         std::move(message), Severity::error, row.line,
                                         static_cast<int>(col + 1)});
    }
    void row_problem(const Sheet::Row& row, std::string message, Severity severity) {
        plan_.problems.push_back(
            Problem{fmt::format(N_("row {}"), row.row), std::move(message), severity, row.line, 1});
    }
    /// The column of a field in this sheet (0 when it has none).
    size_t column_of(std::string_view key) const {
        for (size_t i = 0; i < columns_.size(); ++i)
            if (columns_[i] && columns_[i]->key == key) return i;
        return 0;
    }
    /// The column a field's value came from: a grade without its own column came from 班级.
    size_t column_for(std::string_view key) const {
        const size_t at = column_of(key);
        return at == 0 && key == "grade" &&
                       !(columns_.size() && columns_[0] &&
                         columns_[0]->key == std::string_view("grade"))
                   ? column_of("class")
                   : at;
    }
    /// Warnings (a footer, two children of one name) leave the row to be imported.
    bool errors_since(size_t from) const {
        for (size_t k = from; k < plan_.problems.size(); ++k)
            if (plan_.problems[k].severity == Severity::error) return true;
        return false;
    }
    bool skip_row(const Sheet::Row& row);
    void read_cells(const Sheet::Row& row, Incoming& in);
    /// The child on file the row is about (nullptr: a new one); false when refused.
    bool match_row(const Sheet::Row& row, const Incoming& in, const Child*& match);
    bool check_identity(const Sheet::Row& row, const Incoming& in, const Child* match);
    bool check_sheet_person(const Sheet::Row& row, const Incoming& in);
    bool outcome_of(const Sheet::Row& row, Incoming& in, const Child* match, size_t before,
                    RowOutcome& outcome);
    bool new_child(const Sheet::Row& row, const Incoming& in, RowOutcome& outcome);
    SheetCells merge_cells(const Sheet::Row& row, const Incoming& in, const Child& match);
    bool after_leaving(const Sheet::Row& row, const Child& match, const ChildField& field);

    const Sheet& sheet_;
    const ColumnMap& columns_;
    const std::vector<Child>& existing_;
    const bool update_;
    const Date today_;
    const bool namesakes_;
    const std::optional<LeftBehind> blank_left_behind_;
    const ImportBase& base_;
    std::vector<bool> in_sheet_;  // by child_fields() index: the sheet has its column
    ImportPlan plan_;
    std::map<std::string, size_t> by_id_;
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_person_;
    std::map<std::string, size_t> by_id_number_;  // 身份证号, the next best key after 学号
    std::set<std::string> taken_;
    std::map<std::string, std::string> folded_ids_;  // lower-cased id -> id, for case clashes
    std::map<std::string, int> sheet_ids_;
    struct SheetPerson {
        int row;
        std::string id, id_number;
    };
    std::map<std::pair<std::string, std::string>, SheetPerson> sheet_people_;
    std::map<std::string, int> sheet_id_numbers_;  // 身份证号 -> the first row that gives it
    std::vector<size_t> needs_id_;                 // indexes into plan_.rows
    bool has_left_behind_ = false;
    bool said_no_column_ = false;
};

/// A footer, or a row wider than the header: not a child (said), true to skip it.
bool Planner::skip_row(const Sheet::Row& row) {
    // A register's footer (填表人：张老师, 合计 30 人, 制表日期 …) is no child.
    if (const std::string footer = footer_of(row); !footer.empty()) {
        row_problem(row, fmt::format(N_("\"{}\" is a footer, not a child; not imported"), footer),
                    Severity::warning);
        return true;
    }
    if (row.cells.size() > columns_.size()) {
        bool extra = false;
        for (size_t i = columns_.size(); i < row.cells.size(); ++i)
            extra = extra || !trim(row.cells[i]).empty();
        if (extra) {
            row_problem(row,
                        fmt::format(N_("{} cells but the header has {}"), row.cells.size(),
                                    columns_.size()),
                        Severity::error);
            return true;
        }
    }
    return false;
}

void Planner::read_cells(const Sheet::Row& row, Incoming& in) {
    Child& incoming = in.child;
    auto& cells = in.cells;
    std::optional<std::pair<int, size_t>> class_grade;  // a 班级 of 三(2)班: grade, column
    std::optional<int> grade_cell;                      // the 年级 column's
    for (size_t i = 0; i < columns_.size() && i < row.cells.size(); ++i) {
        if (!columns_[i] || trim(row.cells[i]).empty()) continue;
        // A 班级 cell that names the whole class (三(2)班, 3-2) gives the grade too.
        if (columns_[i]->key == std::string_view("class"))
            if (const auto both = parse_class(row.cells[i])) {
                static const ChildField* const grade = find_child_field("grade");
                const std::string g = std::to_string(both->first), k = std::to_string(both->second);
                set_child_field(incoming, *grade, g, today_);
                set_child_field(incoming, *columns_[i], k, today_);
                cells.emplace_back(grade, g);
                cells.emplace_back(columns_[i], k);
                class_grade = std::make_pair(both->first, i);
                continue;
            }
        if (const std::string why = cell_limit_error(row.cells[i]); !why.empty()) {
            problem(row, i, why);
            continue;
        }
        const std::string error = set_child_field(incoming, *columns_[i], row.cells[i], today_);
        if (!error.empty()) {
            problem(row, i, error);
            continue;
        }
        if (columns_[i]->key == "id") in.id_col = i;
        if (columns_[i]->key == std::string_view("grade")) grade_cell = incoming.grade;
        cells.emplace_back(columns_[i], row.cells[i]);
    }
    if (incoming.left_behind == LeftBehind::one_parent) {
        // 单亲外出 names the parent when only one has a 务工地址 in the row; else it stays
        // "one parent away, which not stated" (#39), with a warning once it is the record's.
        auto away = [&](const char* relation) {
            for (const Parent& p : incoming.parents)
                if (p.relation == relation && !p.work_place.empty()) return true;
            return false;
        };
        const bool father = away("father"), mother = away("mother");
        if (father != mother) {
            // The child and its cells say the same: a new child is the child, a child on
            // file takes the cells.
            incoming.left_behind = father ? LeftBehind::father_away : LeftBehind::mother_away;
            for (auto& [field, text] : cells)
                if (field->key == std::string_view("left_behind"))
                    text = father ? "father_away" : "mother_away";
        }
    }
    if (class_grade && grade_cell && *grade_cell != class_grade->first)
        problem(row, class_grade->second,
                fmt::format(N_("class {} is not of grade {} given beside it"),
                            row.cells[class_grade->second], *grade_cell));
}

bool Planner::match_row(const Sheet::Row& row, const Incoming& in, const Child*& match) {
    const Child& incoming = in.child;
    match = nullptr;
    if (!incoming.id.empty()) {
        const auto it = by_id_.find(incoming.id);
        if (it != by_id_.end()) match = &existing_[it->second];
        const auto [dup, fresh] = sheet_ids_.emplace(incoming.id, row.row);
        if (!fresh) {
            problem(row, in.id_col,
                    fmt::format(N_("id {} is also on row {}"), incoming.id, dup->second));
            return false;
        }
        const auto person =
            incoming.birth_date
                ? by_person_.find({to_nfc(incoming.name), incoming.birth_date->iso()})
                : by_person_.end();
        const bool told_apart = person != by_person_.end() &&
                                !looks_like_same_child(existing_[person->second[0]], incoming);
        if (!match && !namesakes_ && person != by_person_.end() && !told_apart) {
            // Another 学号 is another child; said, since it may be a mistyped id.
            const Child& same = existing_[person->second[0]];
            const size_t col = in.id_col;
            const std::string column = col < sheet_.header.size() ? sheet_.header[col] : "";
            plan_.problems.push_back(Problem{
                fmt::format(N_("row {}, {}"), row.row, column),
                fmt::format("{}, born {}, is also children/{}.yaml (id {}); this row's id {} "
                            "is taken as another child with the same name and birth date "
                            "(if it is the same child, correct the id; --namesakes says "
                            "they are two)",
                            incoming.name, incoming.birth_date->iso(), same.id, same.id,
                            incoming.id),
                Severity::warning, row.line, static_cast<int>(col + 1)});
        }
    } else if (const auto numbered = incoming.id_number.empty()
                                         ? by_id_number_.end()
                                         : by_id_number_.find(incoming.id_number);
               numbered != by_id_number_.end()) {
        // No 学号 but a 身份证号: that child, even if the row corrects the birth date.
        match = &existing_[numbered->second];
    } else if (incoming.birth_date) {
        auto it = by_person_.find({incoming.name, incoming.birth_date->iso()});
        // A different 身份证号 tells two children of one name and birth date apart.
        if (it != by_person_.end() && !incoming.id_number.empty()) {
            std::vector<size_t> same;
            for (size_t k : it->second)
                if (looks_like_same_child(existing_[k], incoming)) same.push_back(k);
            if (same.empty()) {
                row_problem(row,
                            fmt::format(N_("{}, born {}, has another 身份证号 than {}: taken as "
                                           "another child"),
                                        incoming.name, incoming.birth_date->iso(),
                                        existing_[it->second[0]].id),
                            Severity::warning);
                it = by_person_.end();
            }
        }
        if (it != by_person_.end() && it->second.size() > 1) {
            row_problem(row,
                        fmt::format(N_("{} children have this name and birth date ({}, {}); add a "
                                       "学号 column to say which"),
                                    it->second.size(), existing_[it->second[0]].id,
                                    existing_[it->second[1]].id),
                        Severity::error);
            return false;
        }
        if (it != by_person_.end()) match = &existing_[it->second[0]];
    }
    return true;
}

// Identity: one child per 身份证号, and a row's 学号 and person must be one child's. A row
// that keeps one child's 学号 and carries another's 身份证号 (or, without one, name and birth
// date) is a sort slip that would swap two identities: refused, naming both.
bool Planner::check_identity(const Sheet::Row& row, const Incoming& in, const Child* match) {
    const Child& incoming = in.child;
    if (!incoming.id_number.empty()) {
        const auto [dup, fresh] = sheet_id_numbers_.emplace(incoming.id_number, row.row);
        if (!fresh) {
            problem(row, column_of("id_number"),
                    fmt::format(N_("the same 身份证号 is on row {}; one child has one row"),
                                dup->second));
            return false;
        }
    }
    const auto owner =
        incoming.id_number.empty() ? by_id_number_.end() : by_id_number_.find(incoming.id_number);
    if (owner != by_id_number_.end() && !incoming.id.empty() &&
        existing_[owner->second].id != incoming.id) {
        const Child& other = existing_[owner->second];
        problem(row, column_of("id_number"),
                match ? fmt::format(N_("the 学号 is {}'s but the 身份证号 is {}'s "
                                       "(children/{}.yaml); were the rows sorted apart?"),
                                    match->id, other.id, other.id)
                      : fmt::format(N_("the 身份证号 is already {}'s (children/{}.yaml); if "
                                       "this is that child, use the 学号 {}"),
                                    other.id, other.id, other.id));
        return false;
    }
    if (match && !namesakes_ && incoming.id_number.empty() && incoming.birth_date &&
        !incoming.name.empty() && !looks_like_same_child(*match, incoming)) {
        const auto person = by_person_.find({to_nfc(incoming.name), incoming.birth_date->iso()});
        const Child* other = nullptr;
        if (person != by_person_.end())
            for (size_t k : person->second)
                if (existing_[k].id != match->id && looks_like_same_child(existing_[k], incoming))
                    other = &existing_[k];
        if (other) {
            problem(row, column_of("name"),
                    fmt::format(N_("the 学号 is {}'s but the name and birth date are {}'s "
                                   "(children/{}.yaml); were the rows sorted apart? (--namesakes "
                                   "says they are two children)"),
                                match->id, other->id, other->id));
            return false;
        }
    }
    return true;
}

/// Rows of one name and birth date are one child, unless their 学号 or 身份证号 differ: then
/// two children who share them (a warning, so that it is seen).
bool Planner::check_sheet_person(const Sheet::Row& row, const Incoming& in) {
    const Child& incoming = in.child;
    if (incoming.name.empty() || !incoming.birth_date) return true;
    const auto [dup, fresh] =
        sheet_people_.emplace(std::make_pair(incoming.name, incoming.birth_date->iso()),
                              SheetPerson{row.row, incoming.id, incoming.id_number});
    const SheetPerson& other = dup->second;
    const bool apart = (!incoming.id.empty() && !other.id.empty() && incoming.id != other.id) ||
                       (!incoming.id_number.empty() && !other.id_number.empty() &&
                        incoming.id_number != other.id_number);
    if (!fresh && apart) {
        row_problem(
            row,
            fmt::format(N_("same name and birth date as row {}, but another {}: taken as "
                           "another child"),
                        other.row,
                        incoming.id != other.id && !incoming.id.empty() ? "学号" : "身份证号"),
            Severity::warning);
    } else if (!fresh) {
        row_problem(row,
                    fmt::format(N_("the same child (name and birth date) is on row {}"), other.row),
                    Severity::error);
        return false;
    }
    return true;
}

/// The record the row makes (the match with the row's cells applied, or a new child, taken
/// from `in`) and what it does; false when refused.
bool Planner::outcome_of(const Sheet::Row& row, Incoming& in, const Child* match, size_t before,
                         RowOutcome& outcome) {
    outcome.row = row.row;
    if (!match) {
        // A new child is what read_cells made of the row's cells: taken, not parsed again
        // (#48: a second parse of every cell was a tenth of a 10,000-row register's planning).
        // What changed is everything, and new_child says it.
        outcome.child = std::move(in.child);
    } else {
        outcome.child = *match;
        // A row of a child on file changes only the cells the sheet changed (#39).
        for (const auto& [field, text] : merge_cells(row, in, *match)) {
            const std::string old_value = get_child_field(outcome.child, *field);
            set_child_field(outcome.child, *field, text, today_);
            if (get_child_field(outcome.child, *field) == old_value) continue;
            if (is_dated_field(field->key) && after_leaving(row, *match, *field)) continue;
            outcome.changed.emplace_back(field->key);
            // A new class or flag from the sheet holds from today; reports for earlier days
            // keep the old value, as with enroll --class.
            // An unset 留守类型 counts as left-behind (#39): its first value is dated too.
            if (is_dated_field(field->key) &&
                (!old_value.empty() || field->key == std::string_view("left_behind")))
                outcome.child.changes.push_back(
                    Change{today_, std::string(field->key), old_value, {}});
        }
    }
    // Checks that need several cells at once.
    Problems cross;
    if (!outcome.child.id_number.empty())
        check_id_number(outcome.child.id_number, outcome.child.birth_date, outcome.child.gender,
                        cross);
    if (outcome.child.enrolled_on && outcome.child.birth_date &&
        *outcome.child.enrolled_on < *outcome.child.birth_date)
        cross.push_back(Problem{"enrolled_on", N_("the child enrolled before being born")});
    for (const auto& c : cross) {
        const auto col = std::find_if(columns_.begin(), columns_.end(),
                                      [&](const ChildField* f) { return f && f->path == c.field; });
        problem(row, static_cast<size_t>(col == columns_.end() ? 0 : col - columns_.begin()),
                c.message);
    }
    if (errors_since(before)) return false;

    if (!match) return new_child(row, in, outcome);
    if (outcome.changed.empty()) {
        outcome.action = RowAction::unchanged;
    } else if (!update_) {
        std::string fields;
        for (const auto& f : outcome.changed) fields += (fields.empty() ? "" : ", ") + f;
        row_problem(row,
                    fmt::format(N_("child {} already exists and this row changes {}; import with "
                                   "--update to change it"),
                                match->id, fields),
                    Severity::error);
        return false;
    } else {
        outcome.action = RowAction::update;
    }
    return true;
}

/// The cells of a row of a child on file that the three-way merge applies; its conflicts are
/// errors unless the user chose a side (ImportBase::prefer), then warnings saying which.
SheetCells Planner::merge_cells(const Sheet::Row& row, const Incoming& in, const Child& match) {
    std::string fingerprint;
    if (base_.fingerprint_column && *base_.fingerprint_column < row.cells.size())
        fingerprint = std::string(trim(row.cells[*base_.fingerprint_column]));
    if (const auto it = base_.fingerprints.find(match.id);
        fingerprint.empty() && it != base_.fingerprints.end())
        fingerprint = it->second;
    const auto exported = base_.exported.find(match.id);
    RowMerge merged = merge_row(in.cells, in_sheet_, match, fingerprint,
                                exported == base_.exported.end() ? nullptr : &exported->second,
                                base_.prefer, today_);
    for (CellConflict& c : merged.conflicts) {
        const size_t col = column_for(c.field);
        c.row = row.row, c.line = row.line, c.column = static_cast<int>(col + 1);
        const std::string text = conflict_text(c);
        if (base_.prefer == Prefer::none)
            problem(row, col, text);
        else
            plan_.problems.push_back(Problem{
                fmt::format(N_("row {}, {}"), row.row, sheet_.header[col]),
                fmt::format(base_.prefer == Prefer::sheet ? N_("{}; the sheet's value is taken")
                                                          : N_("{}; the value on file is kept"),
                            text),
                Severity::warning, row.line, c.column});
        plan_.conflicts.push_back(std::move(c));
    }
    return std::move(merged.apply);
}

/// A class, grade or flag changed from today for a child who left before today would be a
/// change after the leaving, which no report could show and check refuses: said, at its cell.
bool Planner::after_leaving(const Sheet::Row& row, const Child& match, const ChildField& field) {
    if (match.status == Status::enrolled || !match.status_on || !(*match.status_on < today_))
        return false;
    std::string option = "--" + std::string(field.key);
    std::replace(option.begin(), option.end(), '_', '-');
    problem(row, column_for(field.key),
            fmt::format(N_("{} left on {} ({}); a change from today would come after that: change "
                           "it with enroll {} {} VALUE --on DATE before the leaving, or leave the "
                           "cell as it was"),
                        match.id, match.status_on->iso(), key_of(match.status), match.id, option));
    return true;
}

/// A row that is no child on file: a new child, if it has what one needs.
bool Planner::new_child(const Sheet::Row& row, const Incoming& in, RowOutcome& outcome) {
    if (outcome.child.name.empty()) {
        row_problem(row, N_("a new child needs a name (姓名)"), Severity::error);
        return false;
    }
    if (!outcome.child.id.empty()) {
        // A new id must be safe to travel: no private number, no Windows device name, and
        // not another child's id in another case (one file on Windows and macOS).
        std::string why = new_id_error(outcome.child.id);
        const auto same_case = folded_ids_.find(fold_case(outcome.child.id));
        if (why.empty() && same_case != folded_ids_.end())
            why = fmt::format(
                N_("the id differs from {} only in case; on Windows and macOS they would be one "
                   "file"),
                same_case->second);
        if (!why.empty()) {
            problem(row, in.id_col, why);
            return false;
        }
        folded_ids_.emplace(fold_case(outcome.child.id), outcome.child.id);
    }
    // 留守类型 left blank is no answer: a whole class register counted as left-behind would
    // inflate every denominator (#39). --blank-left-behind says what it means. A sheet
    // without the column leaves it blank on every row: said once, at its header.
    if (!outcome.child.left_behind && !blank_left_behind_) {
        if (has_left_behind_) {
            blank_left_behind_problem(plan_.problems, sheet_, columns_, row);
        } else if (!said_no_column_) {
            said_no_column_ = true;
            plan_.problems.push_back(Problem{
                fmt::format(N_("row {}"), sheet_.header_line),
                N_("no 留守类型 column, so whether the new children are left-behind is not "
                   "said; add the column (双亲外出, 父亲外出, 母亲外出, 单亲外出 or 否), or "
                   "say "
                   "what it means for every row with --blank-left-behind (both_parents, "
                   "none for a whole school's register…)"),
                Severity::error, sheet_.header_line, 1});
        }
        return false;
    }
    if (!outcome.child.left_behind) outcome.child.left_behind = blank_left_behind_;
    outcome.action = RowAction::add;
    outcome.changed.clear();
    if (outcome.child.id.empty())
        needs_id_.push_back(plan_.rows.size());
    else
        taken_.insert(outcome.child.id);
    return true;
}

void Planner::plan_row(const Sheet::Row& row) {
    const size_t before = plan_.problems.size();
    if (skip_row(row)) return;
    Incoming in;
    read_cells(row, in);
    if (errors_since(before)) return;
    const Child* match = nullptr;
    if (!match_row(row, in, match)) return;
    if (!check_identity(row, in, match)) return;
    if (!check_sheet_person(row, in)) return;
    RowOutcome outcome;
    if (!outcome_of(row, in, match, before, outcome)) return;
    if (outcome.child.left_behind == LeftBehind::one_parent &&
        (outcome.action == RowAction::add ||
         std::count(outcome.changed.begin(), outcome.changed.end(), "left_behind")))
        one_parent_warning(plan_.problems, sheet_, columns_, row);
    plan_.rows.push_back(std::move(outcome));
}

ImportPlan Planner::finish(int id_year) {
    // New ids last, after every explicit id of the sheet is known.
    // next_child_id looks at every id taken; asked once per row it made an import of 20,000
    // rows without 学号 quadratic (12 s). It is asked once, and the numbers go on from there.
    if (!needs_id_.empty()) {
        const std::string first = next_child_id(id_year, taken_);
        const std::string prefix = std::to_string(id_year) + "-";
        long n = std::stol(first.substr(prefix.size()));
        for (size_t index : needs_id_) {
            std::string id;
            while (taken_.count(id = fmt::format("{}{:03}", prefix, n))) ++n;
            taken_.insert(id);
            plan_.rows[index].child.id = id;
        }
    }
    return std::move(plan_);
}

}  // namespace

ImportPlan plan_import(const Sheet& sheet, const ColumnMap& columns,
                       const std::vector<Child>& existing, bool update, int id_year,
                       const Date& today, bool namesakes,
                       std::optional<LeftBehind> blank_left_behind, const ImportBase& base) {
    Planner planner(sheet, columns, existing, update, today, namesakes, blank_left_behind, base);
    for (const Sheet::Row& row : sheet.rows) planner.plan_row(row);
    return planner.finish(id_year);
}

}  // namespace liushou
