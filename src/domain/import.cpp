// A register sheet imported into the tree: its columns mapped to fields, each row matched to
// a child or made a new one, all worked out before anything is written.
#include "liushou/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

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

}  // namespace

ColumnMap map_columns(const std::vector<std::string>& header,
                      const std::map<std::string, std::string>& user_map,
                      const std::set<std::string>& ignored, Problems& out, int header_line) {
    ColumnMap columns(header.size(), nullptr);
    std::map<const ChildField*, size_t> seen;
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string name(trim(header[i]));
        const Problem where{name.empty() ? fmt::format("column {}", i + 1) : name, "",
                            Severity::error, header_line, static_cast<int>(i + 1)};
        if (ignored.count(name)) continue;
        if (!user_map.count(name) && (name == "序号" || fold_case(name) == "no.")) continue;
        // What liushou list writes besides the register's fields (帮扶教师, 状态, 档案, and 学校
        // in a county) is read-only here: a list written by liushou imports back as it is.
        static const std::set<std::string> kListed = {"帮扶教师", "状态",   "档案", "学校",
                                                      "teacher",  "status", "file", "school"};
        if (!user_map.count(name) && kListed.count(fold_case(name))) continue;
        const ChildField* field = nullptr;
        const auto mapped = user_map.find(name);
        if (mapped != user_map.end()) {
            field = find_child_field(mapped->second);
            if (!field) {
                Problem p = where;
                p.message = fmt::format("--map sends this column to \"{}\", which is not a field",
                                        mapped->second);
                out.push_back(p);
                continue;
            }
        } else {
            field = find_child_field(name);
        }
        if (!field) {
            if (name.empty()) continue;  // Excel leaves trailing empty header cells
            Problem p = where;
            p.message = "unknown column; map it with --map or skip it with --ignore-column";
            out.push_back(p);
            continue;
        }
        const auto [it, fresh] = seen.emplace(field, i);
        if (!fresh) {
            Problem p = where;
            p.message = fmt::format("a second column for {} (the first is column {})", field->key,
                                    it->second + 1);
            out.push_back(p);
            continue;
        }
        columns[i] = field;
    }
    const bool has_name = std::any_of(columns.begin(), columns.end(),
                                      [](const ChildField* f) { return f && f->key == "name"; });
    const bool has_id = std::any_of(columns.begin(), columns.end(),
                                    [](const ChildField* f) { return f && f->key == "id"; });
    if (!has_name && !has_id)
        out.push_back(Problem{"header",
                              "the sheet has neither a 姓名 (name) nor a 学号 (id) column",
                              Severity::error, header_line, 1});
    return columns;
}

namespace {

// ---- 留守类型 on import (#39) ----------------------------------------------------------------

/// The row's problem at its 留守类型 column, or at the row when the sheet has none.
Problem left_behind_problem(const Sheet& sheet, const ColumnMap& columns, const Sheet::Row& row,
                            std::string message, Severity severity) {
    const auto col = std::find_if(columns.begin(), columns.end(), [](const ChildField* f) {
        return f && f->key == std::string_view("left_behind");
    });
    if (col == columns.end())
        return Problem{fmt::format("row {}", row.row), std::move(message), severity, row.line, 1};
    const size_t i = static_cast<size_t>(col - columns.begin());
    return Problem{
        fmt::format("row {}, {}", row.row, i < sheet.header.size() ? sheet.header[i] : ""),
        std::move(message), severity, row.line, static_cast<int>(i + 1)};
}

void blank_left_behind_problem(Problems& out, const Sheet& sheet, const ColumnMap& columns,
                               const Sheet::Row& row) {
    out.push_back(left_behind_problem(
        sheet, columns, row,
        "blank; write 双亲外出, 父亲外出, 母亲外出, 单亲外出 or 否 (not left-behind), or say what "
        "a blank means with --blank-left-behind",
        Severity::error));
}

void one_parent_warning(Problems& out, const Sheet& sheet, const ColumnMap& columns,
                        const Sheet::Row& row) {
    out.push_back(left_behind_problem(
        sheet, columns, row,
        "单亲外出 does not say which parent works away; kept as 单亲外出, a row of its own in "
        "基本情况 (write 父亲外出 or 母亲外出 when it is known)",
        Severity::warning));
}

}  // namespace

ImportPlan plan_import(const Sheet& sheet, const ColumnMap& columns,
                       const std::vector<Child>& existing, bool update, int id_year,
                       const Date& today, bool namesakes,
                       std::optional<LeftBehind> blank_left_behind) {
    ImportPlan plan;
    std::map<std::string, size_t> by_id;
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_person;
    std::map<std::string, size_t> by_id_number;  // 身份证号, the next best key after 学号
    std::set<std::string> taken;
    for (size_t i = 0; i < existing.size(); ++i) {
        by_id[existing[i].id] = i;
        if (!existing[i].id_number.empty()) by_id_number.emplace(existing[i].id_number, i);
        taken.insert(existing[i].id);
        if (existing[i].birth_date)  // NFC: a name typed decomposed is the same name
            by_person[{to_nfc(existing[i].name), existing[i].birth_date->iso()}].push_back(i);
    }
    std::map<std::string, std::string> folded_ids;  // lower-cased id -> id, for case clashes
    for (const auto& c : existing) folded_ids.emplace(fold_case(c.id), c.id);
    std::map<std::string, int> sheet_ids;
    struct SheetPerson {
        int row;
        std::string id, id_number;
    };
    std::map<std::pair<std::string, std::string>, SheetPerson> sheet_people;
    std::map<std::string, int> sheet_id_numbers;  // 身份证号 -> the first row that gives it
    std::vector<size_t> needs_id;                 // indexes into plan.rows
    const bool has_left_behind = std::any_of(
        columns.begin(), columns.end(),
        [](const ChildField* f) { return f && f->key == std::string_view("left_behind"); });
    bool said_no_column = false;

    for (const Sheet::Row& row : sheet.rows) {
        auto problem = [&](size_t col, std::string message) {
            const std::string column = col < sheet.header.size() ? sheet.header[col] : "";
            plan.problems.push_back(Problem{fmt::format("row {}, {}", row.row, column),
                                            std::move(message), Severity::error, row.line,
                                            static_cast<int>(col + 1)});
        };
        // The column of a field in this sheet (0 when it has none).
        auto column_of = [&](std::string_view key) -> size_t {
            for (size_t i = 0; i < columns.size(); ++i)
                if (columns[i] && columns[i]->key == key) return i;
            return 0;
        };
        const size_t before = plan.problems.size();
        // Warnings (a footer, two children of one name) leave the row to be imported.
        auto errors_since = [&](size_t from) {
            for (size_t k = from; k < plan.problems.size(); ++k)
                if (plan.problems[k].severity == Severity::error) return true;
            return false;
        };
        // A register's footer (填表人：张老师, 合计 30 人, 制表日期 …) is no child.
        if (const std::string footer = footer_of(row); !footer.empty()) {
            plan.problems.push_back(Problem{fmt::format("row {}", row.row),
                                            fmt::format("\"{}\" is a footer, not a child; "
                                                        "not imported",
                                                        footer),
                                            Severity::warning, row.line, 1});
            continue;
        }
        if (row.cells.size() > columns.size()) {
            bool extra = false;
            for (size_t i = columns.size(); i < row.cells.size(); ++i)
                extra = extra || !trim(row.cells[i]).empty();
            if (extra) {
                plan.problems.push_back(Problem{
                    fmt::format("row {}", row.row),
                    fmt::format("{} cells but the header has {}", row.cells.size(), columns.size()),
                    Severity::error, row.line, 1});
                continue;
            }
        }
        // First the values themselves, on a scratch record, to learn id, name and birth date.
        Child incoming;
        std::vector<std::pair<const ChildField*, std::string>> cells;
        size_t id_col = 0;
        std::optional<std::pair<int, size_t>> class_grade;  // a 班级 of 三(2)班: grade, column
        std::optional<int> grade_cell;                      // the 年级 column's
        for (size_t i = 0; i < columns.size() && i < row.cells.size(); ++i) {
            if (!columns[i] || trim(row.cells[i]).empty()) continue;
            // A 班级 cell that names the whole class (三(2)班, 3-2) gives the grade too.
            if (columns[i]->key == std::string_view("class"))
                if (const auto both = parse_class(row.cells[i])) {
                    static const ChildField* const grade = find_child_field("grade");
                    const std::string g = std::to_string(both->first),
                                      k = std::to_string(both->second);
                    set_child_field(incoming, *grade, g, today);
                    set_child_field(incoming, *columns[i], k, today);
                    cells.emplace_back(grade, g);
                    cells.emplace_back(columns[i], k);
                    class_grade = std::make_pair(both->first, i);
                    continue;
                }
            if (const std::string why = cell_limit_error(row.cells[i]); !why.empty()) {
                problem(i, why);
                continue;
            }
            const std::string error = set_child_field(incoming, *columns[i], row.cells[i], today);
            if (!error.empty()) {
                problem(i, error);
                continue;
            }
            if (columns[i]->key == "id") id_col = i;
            if (columns[i]->key == std::string_view("grade")) grade_cell = incoming.grade;
            cells.emplace_back(columns[i], row.cells[i]);
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
            if (father != mother)
                for (auto& [field, text] : cells)
                    if (field->key == std::string_view("left_behind"))
                        text = father ? "father_away" : "mother_away";
        }
        if (class_grade && grade_cell && *grade_cell != class_grade->first)
            problem(class_grade->second, fmt::format("class {} is not of grade {} given beside it",
                                                     row.cells[class_grade->second], *grade_cell));
        if (errors_since(before)) continue;

        // Which existing child, if any, this row is about.
        const Child* match = nullptr;
        if (!incoming.id.empty()) {
            const auto it = by_id.find(incoming.id);
            if (it != by_id.end()) match = &existing[it->second];
            const auto [dup, fresh] = sheet_ids.emplace(incoming.id, row.row);
            if (!fresh) {
                problem(id_col, fmt::format("id {} is also on row {}", incoming.id, dup->second));
                continue;
            }
            const auto person =
                incoming.birth_date
                    ? by_person.find({to_nfc(incoming.name), incoming.birth_date->iso()})
                    : by_person.end();
            const bool told_apart = person != by_person.end() &&
                                    !looks_like_same_child(existing[person->second[0]], incoming);
            if (!match && !namesakes && person != by_person.end() && !told_apart) {
                // Another 学号 is another child; said, since it may be a mistyped id.
                const Child& same = existing[person->second[0]];
                const size_t col = id_col;
                const std::string column = col < sheet.header.size() ? sheet.header[col] : "";
                plan.problems.push_back(Problem{
                    fmt::format("row {}, {}", row.row, column),
                    fmt::format("{}, born {}, is also children/{}.yaml (id {}); this row's id {} "
                                "is taken as another child with the same name and birth date "
                                "(if it is the same child, correct the id; --namesakes says "
                                "they are two)",
                                incoming.name, incoming.birth_date->iso(), same.id, same.id,
                                incoming.id),
                    Severity::warning, row.line, static_cast<int>(col + 1)});
            }
        } else if (const auto numbered = incoming.id_number.empty()
                                             ? by_id_number.end()
                                             : by_id_number.find(incoming.id_number);
                   numbered != by_id_number.end()) {
            // No 学号 but a 身份证号: that child, even if the row corrects the birth date.
            match = &existing[numbered->second];
        } else if (incoming.birth_date) {
            auto it = by_person.find({incoming.name, incoming.birth_date->iso()});
            // A different 身份证号 tells two children of one name and birth date apart.
            if (it != by_person.end() && !incoming.id_number.empty()) {
                std::vector<size_t> same;
                for (size_t k : it->second)
                    if (looks_like_same_child(existing[k], incoming)) same.push_back(k);
                if (same.empty()) {
                    plan.problems.push_back(Problem{
                        fmt::format("row {}", row.row),
                        fmt::format("{}, born {}, has another 身份证号 than {}: taken as another "
                                    "child",
                                    incoming.name, incoming.birth_date->iso(),
                                    existing[it->second[0]].id),
                        Severity::warning, row.line, 1});
                    it = by_person.end();
                }
            }
            if (it != by_person.end() && it->second.size() > 1) {
                plan.problems.push_back(Problem{
                    fmt::format("row {}", row.row),
                    fmt::format("{} children have this name and birth date ({}, {}); add a 学号 "
                                "column to say which",
                                it->second.size(), existing[it->second[0]].id,
                                existing[it->second[1]].id),
                    Severity::error, row.line, 1});
                continue;
            }
            if (it != by_person.end()) match = &existing[it->second[0]];
        }
        // Identity: one child per 身份证号, and a row's 学号 and person must be one child's. A
        // row that keeps one child's 学号 and carries another's 身份证号 (or, without one, name
        // and birth date) is a sort slip that would swap two identities: refused, naming both.
        if (!incoming.id_number.empty()) {
            const auto [dup, fresh] = sheet_id_numbers.emplace(incoming.id_number, row.row);
            if (!fresh) {
                problem(column_of("id_number"),
                        fmt::format("the same 身份证号 is on row {}; one child has one row",
                                    dup->second));
                continue;
            }
        }
        const auto owner =
            incoming.id_number.empty() ? by_id_number.end() : by_id_number.find(incoming.id_number);
        if (owner != by_id_number.end() && !incoming.id.empty() &&
            existing[owner->second].id != incoming.id) {
            const Child& other = existing[owner->second];
            problem(column_of("id_number"),
                    match ? fmt::format("the 学号 is {}'s but the 身份证号 is {}'s "
                                        "(children/{}.yaml); were the rows sorted apart?",
                                        match->id, other.id, other.id)
                          : fmt::format("the 身份证号 is already {}'s (children/{}.yaml); if "
                                        "this is that child, use the 学号 {}",
                                        other.id, other.id, other.id));
            continue;
        }
        if (match && !namesakes && incoming.id_number.empty() && incoming.birth_date &&
            !incoming.name.empty() && !looks_like_same_child(*match, incoming)) {
            const auto person = by_person.find({to_nfc(incoming.name), incoming.birth_date->iso()});
            const Child* other = nullptr;
            if (person != by_person.end())
                for (size_t k : person->second)
                    if (existing[k].id != match->id && looks_like_same_child(existing[k], incoming))
                        other = &existing[k];
            if (other) {
                problem(column_of("name"),
                        fmt::format("the 学号 is {}'s but the name and birth date are {}'s "
                                    "(children/{}.yaml); were the rows sorted apart? (--namesakes "
                                    "says they are two children)",
                                    match->id, other->id, other->id));
                continue;
            }
        }
        if (!incoming.name.empty() && incoming.birth_date) {
            const auto [dup, fresh] =
                sheet_people.emplace(std::make_pair(incoming.name, incoming.birth_date->iso()),
                                     SheetPerson{row.row, incoming.id, incoming.id_number});
            // Rows of one name and birth date are one child, unless their 学号 or 身份证号
            // differ: then two children who share them (a warning, so that it is seen).
            const SheetPerson& other = dup->second;
            const bool apart =
                (!incoming.id.empty() && !other.id.empty() && incoming.id != other.id) ||
                (!incoming.id_number.empty() && !other.id_number.empty() &&
                 incoming.id_number != other.id_number);
            if (!fresh && apart) {
                plan.problems.push_back(Problem{
                    fmt::format("row {}", row.row),
                    fmt::format(
                        "same name and birth date as row {}, but another {}: taken as "
                        "another child",
                        other.row,
                        incoming.id != other.id && !incoming.id.empty() ? "学号" : "身份证号"),
                    Severity::warning, row.line, 1});
            } else if (!fresh) {
                plan.problems.push_back(Problem{
                    fmt::format("row {}", row.row),
                    fmt::format("the same child (name and birth date) is on row {}", other.row),
                    Severity::error, row.line, 1});
                continue;
            }
        }

        RowOutcome outcome;
        outcome.row = row.row;
        outcome.child = match ? *match : Child{};
        for (const auto& [field, text] : cells) {
            const std::string old_value = get_child_field(outcome.child, *field);
            set_child_field(outcome.child, *field, text, today);
            if (get_child_field(outcome.child, *field) == old_value) continue;
            outcome.changed.emplace_back(field->key);
            // A new class or flag from the sheet holds from today; reports for earlier days
            // keep the old value, as with enroll --class.
            // An unset 留守类型 counts as left-behind (#39): its first value is dated too.
            if (match && is_dated_field(field->key) &&
                (!old_value.empty() || field->key == std::string_view("left_behind")))
                outcome.child.changes.push_back(
                    Change{today, std::string(field->key), old_value, {}});
        }
        // Checks that need several cells at once.
        Problems cross;
        if (!outcome.child.id_number.empty())
            check_id_number(outcome.child.id_number, outcome.child.birth_date, outcome.child.gender,
                            cross);
        if (outcome.child.enrolled_on && outcome.child.birth_date &&
            *outcome.child.enrolled_on < *outcome.child.birth_date)
            cross.push_back(Problem{"enrolled_on", "the child enrolled before being born"});
        for (const auto& c : cross) {
            const auto col = std::find_if(columns.begin(), columns.end(), [&](const ChildField* f) {
                return f && f->path == c.field;
            });
            problem(static_cast<size_t>(col == columns.end() ? 0 : col - columns.begin()),
                    c.message);
        }
        if (errors_since(before)) continue;

        if (!match) {
            if (outcome.child.name.empty()) {
                plan.problems.push_back(Problem{fmt::format("row {}", row.row),
                                                "a new child needs a name (姓名)", Severity::error,
                                                row.line, 1});
                continue;
            }
            if (!outcome.child.id.empty()) {
                // A new id must be safe to travel: no private number, no Windows device name,
                // and not another child's id in another case (one file on Windows and macOS).
                std::string why = new_id_error(outcome.child.id);
                const auto same_case = folded_ids.find(fold_case(outcome.child.id));
                if (why.empty() && same_case != folded_ids.end())
                    why = fmt::format(
                        "the id differs from {} only in case; on Windows and macOS "
                        "they would be one file",
                        same_case->second);
                if (!why.empty()) {
                    problem(id_col, why);
                    continue;
                }
                folded_ids.emplace(fold_case(outcome.child.id), outcome.child.id);
            }
            // 留守类型 left blank is no answer: a whole class register counted as left-behind
            // would inflate every denominator (#39). --blank-left-behind says what it means.
            // A sheet without the column leaves it blank on every row: said once, at its header.
            if (!outcome.child.left_behind && !blank_left_behind) {
                if (has_left_behind) {
                    blank_left_behind_problem(plan.problems, sheet, columns, row);
                } else if (!said_no_column) {
                    said_no_column = true;
                    plan.problems.push_back(Problem{
                        fmt::format("row {}", sheet.header_line),
                        "no 留守类型 column, so whether the new children are left-behind is not "
                        "said; add the column (双亲外出, 父亲外出, 母亲外出, 单亲外出 or 否), or "
                        "say "
                        "what it means for every row with --blank-left-behind (both_parents, "
                        "none for a whole school's register…)",
                        Severity::error, sheet.header_line, 1});
                }
                continue;
            }
            if (!outcome.child.left_behind) outcome.child.left_behind = blank_left_behind;
            outcome.action = RowAction::add;
            outcome.changed.clear();
            if (outcome.child.id.empty())
                needs_id.push_back(plan.rows.size());
            else
                taken.insert(outcome.child.id);
        } else if (outcome.changed.empty()) {
            outcome.action = RowAction::unchanged;
        } else if (!update) {
            std::string fields;
            for (const auto& f : outcome.changed) fields += (fields.empty() ? "" : ", ") + f;
            plan.problems.push_back(
                Problem{fmt::format("row {}", row.row),
                        fmt::format("child {} already exists and this row changes {}; import with "
                                    "--update to change it",
                                    match->id, fields),
                        Severity::error, row.line, 1});
            continue;
        } else {
            outcome.action = RowAction::update;
        }
        if (outcome.child.left_behind == LeftBehind::one_parent &&
            (outcome.action == RowAction::add ||
             std::count(outcome.changed.begin(), outcome.changed.end(), "left_behind")))
            one_parent_warning(plan.problems, sheet, columns, row);
        plan.rows.push_back(std::move(outcome));
    }
    // New ids last, after every explicit id of the sheet is known.
    // next_child_id looks at every id taken; asked once per row it made an import of 20,000
    // rows without 学号 quadratic (12 s). It is asked once, and the numbers go on from there.
    if (!needs_id.empty()) {
        const std::string first = next_child_id(id_year, taken);
        const std::string prefix = std::to_string(id_year) + "-";
        long n = std::stol(first.substr(prefix.size()));
        for (size_t index : needs_id) {
            std::string id;
            while (taken.count(id = fmt::format("{}{:03}", prefix, n))) ++n;
            taken.insert(id);
            plan.rows[index].child.id = id;
        }
    }
    return plan;
}

}  // namespace liushou
