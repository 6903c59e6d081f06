// Stale exports are merges, not overwrites (#39): a register exported weeks ago, corrected in
// a spreadsheet and imported back changes only what the spreadsheet changed. Each exported
// row carries its base (a fingerprint, and in a workbook the commit it was made from); a cell
// is then merged three ways: as exported, as the sheet has it, as the tree has it now.
#include <fmt/format.h>

#include <algorithm>

#include "liushou/i18n.hpp"
#include "liushou/import.hpp"
#include "liushou/text.hpp"

namespace liushou {

RowValues register_values(const Child& child) {
    RowValues values;
    values.reserve(child_fields().size());
    for (const ChildField& f : child_fields()) values.push_back(get_child_field(child, f));
    return values;
}

std::string row_fingerprint(const RowValues& values) {
    // Each value with its length, so that moving text from one cell to the next is a change.
    uint64_t h = kFnvOffset;
    for (const std::string& v : values) {
        h = fnv1a(std::to_string(v.size()), h);
        h = fnv1a(":", h);
        h = fnv1a(v, h);
    }
    return fmt::format("v1-{:012x}", h & 0xffffffffffffULL);
}

bool is_fingerprint(std::string_view cell) {
    const std::string_view t = trim(cell);
    return t.size() == 15 && t.substr(0, 3) == "v1-" &&
           t.find_first_not_of("0123456789abcdef", 3) == std::string_view::npos;
}

std::optional<RowValues> base_from_fingerprint(std::string_view fingerprint, const RowValues& sheet,
                                               const std::vector<bool>& in_sheet,
                                               const RowValues& tree) {
    const std::string wanted(trim(fingerprint));
    if (!is_fingerprint(wanted) || sheet.size() != tree.size()) return std::nullopt;
    std::vector<size_t> differ;
    for (size_t i = 0; i < tree.size(); ++i)
        if (i < in_sheet.size() && in_sheet[i] && sheet[i] != tree[i]) differ.push_back(i);
    // Each disagreement doubles the guesses: 16 fields changed at once is no stale copy of
    // this row any more (and 65,536 hashes of a row is the most a row may cost).
    if (differ.size() > 16) return std::nullopt;
    RowValues base = tree;
    for (uint32_t mask = 0; mask < (1u << differ.size()); ++mask) {
        for (size_t k = 0; k < differ.size(); ++k)
            base[differ[k]] = (mask >> k) & 1 ? sheet[differ[k]] : tree[differ[k]];
        if (row_fingerprint(base) == wanted) return base;
    }
    return std::nullopt;
}

CellMerge merge_cell(const std::optional<std::string>& base, const std::string& sheet,
                     const std::string& tree, const std::vector<std::string>& earlier) {
    if (sheet == tree) return CellMerge::keep;
    if (base) {
        if (sheet == *base) return CellMerge::keep;  // the sheet left it; the tree moved on
        if (tree == *base) return CellMerge::apply;  // the sheet changed it, the tree did not
        return CellMerge::conflict;
    }
    // A register typed by hand has no base: a value the field had before is most likely a
    // stale copy taking back a later change, and not applied unasked.
    return std::count(earlier.begin(), earlier.end(), sheet) ? CellMerge::conflict
                                                             : CellMerge::apply;
}

RowMerge merge_row(const SheetCells& cells, const std::vector<bool>& in_sheet, const Child& tree,
                   const std::string& fingerprint, const RowValues* exported, Prefer prefer,
                   const Date& today) {
    const std::vector<ChildField>& fields = child_fields();
    // The sheet's values as the tree's are written (canonical), on a scratch record; a field
    // the sheet has a column for but left blank is "" (a blank never erases: not applied).
    Child scratch;
    std::vector<bool> has_cell(fields.size(), false);
    for (const auto& [field, text] : cells) {
        set_child_field(scratch, *field, text, today);
        has_cell[static_cast<size_t>(field - fields.data())] = true;
    }
    const RowValues now = register_values(tree);
    RowValues sheet = now;
    std::vector<bool> columns(fields.size(), false);
    for (size_t i = 0; i < fields.size(); ++i) {
        columns[i] = has_cell[i] || (i < in_sheet.size() && in_sheet[i]);
        if (columns[i]) sheet[i] = has_cell[i] ? get_child_field(scratch, fields[i]) : "";
    }
    std::optional<RowValues> base;
    if (exported && exported->size() == fields.size() &&
        (!is_fingerprint(fingerprint) || row_fingerprint(*exported) == trim(fingerprint)))
        base = *exported;
    else if (is_fingerprint(fingerprint))
        base = base_from_fingerprint(fingerprint, sheet, columns, now);
    // A fingerprint no guess gives: some cell changed on both sides, which one unknown. Every
    // cell where the sheet and the tree disagree is then a conflict, its base unknown.
    const bool lost = !base && is_fingerprint(fingerprint);

    RowMerge out;
    for (const auto& cell : cells) {
        const size_t i = static_cast<size_t>(cell.first - fields.data());
        std::vector<std::string> earlier;
        for (const Change& c : tree.changes)
            if (c.field == fields[i].key) earlier.push_back(c.was);
        CellMerge merged = merge_cell(base ? std::optional<std::string>((*base)[i]) : std::nullopt,
                                      sheet[i], now[i], earlier);
        if (lost && sheet[i] != now[i]) merged = CellMerge::conflict;
        if (merged == CellMerge::conflict) {
            CellConflict c;
            c.id = tree.id;
            c.field = std::string(fields[i].key);
            if (base) c.base = (*base)[i];
            c.base_lost = lost;
            c.sheet = sheet[i];
            c.tree = now[i];
            out.conflicts.push_back(std::move(c));
            if (prefer == Prefer::sheet) out.apply.push_back(cell);
        } else if (merged == CellMerge::apply) {
            out.apply.push_back(cell);
        }
    }
    return out;
}

std::string conflict_text(const CellConflict& c) {
    auto shown = [](const std::string& v) { return "“" + mask_private_numbers(v) + "”"; };
    if (c.base_lost)
        return fmt::format(
            N_("{}: changed since the export both in the sheet ({}) and on file ({}); the export's "
               "value is unknown"),
            c.id, shown(c.sheet), shown(c.tree));
    if (!c.base)
        return fmt::format(
            N_("{}: the sheet has {}, an earlier value of the field; on file now {}"), c.id,
            shown(c.sheet), shown(c.tree));
    return fmt::format(
        N_("{}: changed since the export both in the sheet and on file: exported {}, "
           "the sheet has {}, on file now {}"),
        c.id, shown(*c.base), shown(c.sheet), shown(c.tree));
}

}  // namespace liushou
