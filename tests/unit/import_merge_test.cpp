// The three-way merge of a stale register export (#39): each case of merge_cell, the base
// found from a row's fingerprint, and plan_import with a base.
#include <doctest/doctest.h>

#include "liushou/import.hpp"

using namespace liushou;

namespace {

const Date kToday{2026, 3, 15};

Child on_file() {
    Child c;
    c.id = "2025-001";
    c.name = "王小明";
    c.left_behind = LeftBehind::both_parents;
    c.grade = 3;
    c.class_no = 2;
    c.guardian.phone = "13912345678";
    return c;
}

Sheet register_sheet(const std::vector<std::string>& header,
                     std::vector<std::vector<std::string>> rows) {
    Sheet s;
    s.header = header;
    int row = 2;
    for (auto& cells : rows) s.rows.push_back(Sheet::Row{row, row, std::move(cells)}), ++row;
    return s;
}

ColumnMap columns_of(const Sheet& s) {
    Problems p;
    ColumnMap m = map_columns(s.header, {}, {}, p);
    REQUIRE(p.empty());
    return m;
}

}  // namespace

TEST_CASE("merge_cell: every case of the three-way merge") {
    const std::optional<std::string> base = std::string("3");
    // Nobody changed it.
    CHECK(merge_cell(base, "3", "3", {}) == CellMerge::keep);
    // Only the sheet changed it: applied.
    CHECK(merge_cell(base, "4", "3", {}) == CellMerge::apply);
    // Only the tree changed it since: the sheet's stale value is not applied.
    CHECK(merge_cell(base, "3", "5", {}) == CellMerge::keep);
    // Both changed it the same way: nothing to do.
    CHECK(merge_cell(base, "4", "4", {}) == CellMerge::keep);
    // Both changed it differently: a conflict.
    CHECK(merge_cell(base, "4", "5", {}) == CellMerge::conflict);
    // No base: a new value is applied, a value the field had before is a conflict.
    CHECK(merge_cell(std::nullopt, "4", "5", {"2"}) == CellMerge::apply);
    CHECK(merge_cell(std::nullopt, "2", "5", {"2"}) == CellMerge::conflict);
    CHECK(merge_cell(std::nullopt, "5", "5", {"5"}) == CellMerge::keep);
    // With a base, an earlier value set on purpose in the sheet is the sheet's change.
    CHECK(merge_cell(base, "2", "3", {"2"}) == CellMerge::apply);
}

TEST_CASE("row_fingerprint: stable, text, and sensitive to every value") {
    const RowValues v = register_values(on_file());
    const std::string fp = row_fingerprint(v);
    CHECK(fp.size() == 15);
    CHECK(fp.substr(0, 3) == "v1-");
    CHECK(is_fingerprint(fp));
    CHECK(is_fingerprint(" " + fp + " "));
    CHECK_FALSE(is_fingerprint("v1-12"));
    CHECK_FALSE(is_fingerprint("v2-0123456789ab"));
    CHECK(row_fingerprint(v) == fp);
    RowValues moved = v;
    REQUIRE(moved[1] == "王小明");
    REQUIRE(moved[2].empty());
    moved[1] = "王小";  // text moved from one cell to the next is a change
    moved[2] = "明";
    CHECK(row_fingerprint(moved) != fp);
}

TEST_CASE("base_from_fingerprint finds the exported row, or says it cannot") {
    const std::vector<bool> all(child_fields().size(), true);
    const RowValues exported = register_values(on_file());
    const std::string fp = row_fingerprint(exported);
    Child tree_child = on_file();
    tree_child.guardian.phone = "13800001111";  // changed in the tree since
    Child sheet_child = on_file();
    sheet_child.name = "王晓明";  // changed in the sheet
    const RowValues tree = register_values(tree_child);
    RowValues sheet = register_values(sheet_child);
    const auto base = base_from_fingerprint(fp, sheet, all, tree);
    REQUIRE(base);
    CHECK(*base == exported);
    // The phone changed on both sides: no guess gives the fingerprint.
    sheet_child.guardian.phone = "13700002222";
    sheet = register_values(sheet_child);
    CHECK_FALSE(base_from_fingerprint(fp, sheet, all, tree));
    // No fingerprint, or a stranger's: no base.
    CHECK_FALSE(base_from_fingerprint("", sheet, all, tree));
    CHECK_FALSE(base_from_fingerprint("v1-000000000000", sheet, all, tree));
}

TEST_CASE("merge_row: the base from the commit, from the fingerprint, lost, or none") {
    const Child exported_child = on_file();
    const RowValues exported = register_values(exported_child);
    Child tree = on_file();
    tree.guardian.phone = "13800001111";  // tree-only change
    const std::vector<bool> columns(child_fields().size(), true);
    const SheetCells cells = {{find_child_field("id"), "2025-001"},
                              {find_child_field("name"), "王晓明"},  // sheet-only change
                              {find_child_field("guardian_phone"), "13912345678"}};
    SUBCASE("from the commit") {
        const RowMerge m = merge_row(cells, columns, tree, "", &exported, Prefer::none, kToday);
        REQUIRE(m.apply.size() == 1);
        CHECK(m.apply[0].first->key == "name");
        CHECK(m.conflicts.empty());
    }
    SUBCASE("from the fingerprint") {
        const RowMerge m = merge_row(cells, columns, tree, row_fingerprint(exported), nullptr,
                                     Prefer::none, kToday);
        REQUIRE(m.apply.size() == 1);
        CHECK(m.apply[0].first->key == "name");
        CHECK(m.conflicts.empty());
    }
    SUBCASE("both changed the phone") {
        SheetCells both = cells;
        both[2].second = "13700002222";
        const RowMerge m = merge_row(both, columns, tree, "", &exported, Prefer::none, kToday);
        REQUIRE(m.conflicts.size() == 1);
        CHECK(m.conflicts[0].field == "guardian_phone");
        CHECK(m.conflicts[0].base == std::optional<std::string>("13912345678"));
        CHECK(m.conflicts[0].sheet == "13700002222");
        CHECK(m.conflicts[0].tree == "13800001111");
        CHECK(m.apply.size() == 1);  // the name; the caller applies nothing while it conflicts
        CHECK(conflict_text(m.conflicts[0]) ==
              "2025-001: changed since the export both in the sheet and on file: exported "
              "“139******78”, the sheet has “137******22”, on file now “138******11”");
        const RowMerge sheet_wins =
            merge_row(both, columns, tree, "", &exported, Prefer::sheet, kToday);
        CHECK(sheet_wins.apply.size() == 2);
        CHECK(sheet_wins.conflicts.size() == 1);
        const RowMerge tree_wins =
            merge_row(both, columns, tree, "", &exported, Prefer::tree, kToday);
        CHECK(tree_wins.apply.size() == 1);
        // Only the fingerprint: the base is lost, every disagreeing cell is a conflict.
        const RowMerge lost = merge_row(both, columns, tree, row_fingerprint(exported), nullptr,
                                        Prefer::none, kToday);
        CHECK(lost.conflicts.size() == 2);
        CHECK(lost.conflicts[0].base_lost);
    }
    SUBCASE("no base: a stale class is a conflict, a new phone is applied") {
        Child moved = on_file();
        moved.class_no = 3;
        moved.changes.push_back(Change{Date{2026, 2, 1}, "class", "2", {}});
        const SheetCells typed = {{find_child_field("id"), "2025-001"},
                                  {find_child_field("class"), "2"},
                                  {find_child_field("guardian_phone"), "13700002222"}};
        const RowMerge m = merge_row(typed, columns, moved, "", nullptr, Prefer::none, kToday);
        REQUIRE(m.conflicts.size() == 1);
        CHECK(m.conflicts[0].field == "class");
        CHECK_FALSE(m.conflicts[0].base);
        REQUIRE(m.apply.size() == 1);
        CHECK(m.apply[0].first->key == "guardian_phone");
    }
}

TEST_CASE("plan_import with a base: an unchanged stale row changes nothing") {
    Child now = on_file();
    now.class_no = 3;
    now.changes.push_back(Change{Date{2026, 3, 1}, "class", "2", {}});
    const RowValues exported = register_values(on_file());
    const Sheet s = register_sheet({"学号", "姓名", "班级", "校验"},
                                   {{"2025-001", "王小明", "2", row_fingerprint(exported)}});
    ImportBase base;
    base.fingerprint_column = 3;
    const ImportPlan plan =
        plan_import(s, columns_of(s), {now}, true, 2025, kToday, false, std::nullopt, base);
    CHECK(plan.problems.empty());
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.rows[0].action == RowAction::unchanged);
    // Without the fingerprint, the class going back to 2 is a conflict, nothing applied.
    const ImportPlan typed =
        plan_import(s, columns_of(s), {now}, true, 2025, kToday, false, std::nullopt, {});
    REQUIRE(typed.conflicts.size() == 1);
    CHECK(has_errors(typed.problems));
}

TEST_CASE("plan_import: a dated change never lands after the child left") {
    Child left = on_file();
    left.status = Status::transferred;
    left.status_on = Date{2026, 3, 1};
    const Sheet s = register_sheet({"学号", "班级"}, {{"2025-001", "4"}});
    const ImportPlan plan =
        plan_import(s, columns_of(s), {left}, true, 2025, kToday, false, std::nullopt, {});
    REQUIRE(plan.problems.size() == 1);
    CHECK(plan.problems[0].field == "row 2, 班级");
    CHECK(plan.problems[0].message.find("2025-001 left on 2026-03-01") == 0);
    CHECK(plan.rows.empty());
}
