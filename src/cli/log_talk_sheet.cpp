// liushou log-talk --from: a month's talk sheet logged, all or nothing.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/render.hpp"
#include "liushou/report.hpp"
#include "liushou/store.hpp"
#include "log_talk.hpp"

namespace liushou {

/// A talk sheet in two passes, so that a county's million rows are never held as talks: each
/// row to its child (the sheet is kept as its text), then, on worker threads, each touched
/// child's file read, its rows checked against it and added, and the file written. Every
/// write waits in one batch until the whole sheet has been checked: a problem in any row
/// leaves every file as it was.
int run_sheet(const TalkOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    std::string detected;
    Problems problems;
    const std::unique_ptr<SheetRows> sheet =
        read_sheet_rows(o.csv, o.encoding, o.sheet, problems, &detected);
    if (!has_errors(problems) && !sheet->header().empty() && sheet->size() == 0)
        problems.push_back(Problem{"", "the sheet has a header but no rows below it",
                                   Severity::error, sheet->header_line() + 1, 1});
    if (has_errors(problems)) {
        print_problems(ctx.err, o.csv, problems);
        ctx.err << fmt::format("{}: nothing was logged\n", o.csv);
        return kDataProblem;
    }
    auto refuse = [&](Problems& found) {
        std::stable_sort(found.begin(), found.end(),
                         [](const Problem& a, const Problem& b) { return a.line < b.line; });
        print_problems(ctx.err, o.csv, found);
        ctx.err << fmt::format("{}: {} problem{}; nothing was logged\n", o.csv, found.size(),
                               found.size() == 1 ? "" : "s");
        return kDataProblem;
    };

    WriteSession session = tree.lock();
    const StaffList staff = load_staff_checked(tree, ctx);
    TalkSheet talks(sheet->header(), staff, problems);
    if (!talks.ok()) return refuse(problems);

    // First pass: each row to its child. Ids come from children/ itself; names, only when
    // some row gives no 学号, from the records.
    ChildIndex index(tree.child_ids());
    const std::vector<std::string>& ids = index.ids;
    Sheet::Row row;
    bool names = false;
    for (size_t r = 0; r < sheet->size() && !names; ++r) {
        sheet->row(r, row);
        names = talks.needs_names(row);
    }
    if (names)
        for (const auto& file : tree.load_children())
            if (const auto it = index.by_id.find(file.id); file.parsed && it != index.by_id.end())
                index.add_name(it->second, file.record.name);
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> child_of(sheet->size(), kNone);
    for (size_t r = 0; r < sheet->size(); ++r) {
        sheet->row(r, row);
        const auto child = talks.child_of(row, index, problems);
        if (child) child_of[r] = static_cast<uint32_t>(*child);
    }
    // Each child's rows, in the sheet's order, children in the order of children/.
    std::vector<uint32_t> first(ids.size() + 1, 0);
    for (const uint32_t c : child_of)
        if (c != kNone) ++first[c + 1];
    for (size_t c = 0; c < ids.size(); ++c) first[c + 1] += first[c];
    std::vector<uint32_t> rows_by_child(first.back());
    {
        std::vector<uint32_t> at(first.begin(), first.end() - 1);
        for (size_t r = 0; r < child_of.size(); ++r)
            if (child_of[r] != kNone) rows_by_child[at[child_of[r]]++] = static_cast<uint32_t>(r);
    }
    std::vector<uint32_t> touched;
    for (size_t c = 0; c < ids.size(); ++c)
        if (first[c + 1] > first[c]) touched.push_back(static_cast<uint32_t>(c));
    child_of = {};

    // Second pass, on worker threads: what each touched child's rows do to its file.
    struct Outcome {
        Problems problems, unreadable;  // the rows'; the file's own, when it cannot be read
        std::string path, id, ignored;  // the file, its id, and the id it holds if another
        size_t added = 0, repeated = 0;
        std::vector<std::pair<int, std::string>> would;  // --dry-run: row, line
    };
    std::vector<Outcome> outcomes(touched.size());
    std::atomic<bool> failed{!problems.empty()};
    auto make = [&](size_t k, Child& scratch) -> const Child* {
        Outcome& out = outcomes[k];
        const std::string& id = ids[touched[k]];
        Loaded<Child> file = tree.load_child(id, false);
        out.path = file.path;
        out.id = id;
        std::vector<Sheet::Row> rows(first[touched[k] + 1] - first[touched[k]]);
        for (size_t j = 0; j < rows.size(); ++j)
            sheet->row(rows_by_child[first[touched[k]] + j], rows[j]);
        if (!file.writable()) {
            out.unreadable = file.problems;
            failed = true;
            return nullptr;
        }
        if (file.record.id != id) {
            // A copy under another name is neither matched nor written: writing it back
            // would replace the real file of the id it holds.
            out.ignored = file.record.id.empty() ? "(none)" : file.record.id;
            for (const auto& r : rows) talks.no_child(r, id, out.problems);
            failed = true;
            return nullptr;
        }
        std::vector<TalkRow> planned =
            talks.plan_child(file.record, touched[k], rows, ctx.today, out.problems);
        if (!out.problems.empty()) {
            failed = true;
            return nullptr;
        }
        scratch = std::move(file.record);
        for (TalkRow& r : planned) {
            if (r.duplicate) {
                ++out.repeated;
                continue;
            }
            if (o.dry_run)
                out.would.emplace_back(
                    r.row, fmt::format("would log {} {} {} by {} (row {})\n", id,
                                       r.talk.date->iso(), key_of(r.talk.kind), r.talk.by, r.row));
            scratch.talks.push_back(std::move(r.talk));
            ++out.added;
        }
        return o.dry_run || out.added == 0 ? nullptr : &scratch;
    };
    if (!o.dry_run) session.begin_batch(true);
    size_t files = 0;
    try {
        files = session.write_made_children(touched.size(), make, {}, &failed);
    } catch (const IoError& e) {
        throw IoError(partial_write_note(e, session.files_in_place(), o.csv, "log-talk --from"));
    }

    bool unreadable = false;
    size_t added = 0, repeated = 0, children = 0;
    for (Outcome& out : outcomes) {
        if (!out.unreadable.empty()) {
            print_problems(ctx.err, out.path, out.unreadable);
            unreadable = true;
        }
        if (!out.ignored.empty())
            ctx.err << fmt::format("{}: ignored, it says id {} but is named {}.yaml\n", out.path,
                                   out.ignored, out.id);
        problems.insert(problems.end(), out.problems.begin(), out.problems.end());
        added += out.added;
        repeated += out.repeated;
        children += out.added > 0;
    }
    if (unreadable)
        throw DataError(
            "some children's files cannot be read (above); fix them first so the "
            "rows can be matched to children");
    if (!problems.empty()) return refuse(problems);
    const size_t rows = sheet->size();
    if (o.dry_run) {
        std::vector<std::pair<int, std::string>> would;
        for (Outcome& out : outcomes)
            for (auto& w : out.would) would.push_back(std::move(w));
        std::sort(would.begin(), would.end());
        for (const auto& w : would) ctx.out << say(ctx, w.second);
        ctx.out << say(ctx, fmt::format("dry run, nothing written: {} ({} row{}, {}): {} logged "
                                        "for {} {}, {} already there\n",
                                        o.csv, rows, rows == 1 ? "" : "s", detected, added,
                                        children, children == 1 ? "child" : "children", repeated));
        return 0;
    }
    ctx.journal->action =
        fmt::format("log-talk --from: {} entr{}", added, added == 1 ? "y" : "ies");
    try {
        session.end_batch();
    } catch (const IoError& e) {
        throw IoError(partial_write_note(e, session.files_in_place(), o.csv, "log-talk --from"));
    }
    if (!ctx.quiet)
        ctx.out << say(
            ctx, fmt::format("{} ({} row{}, {}): {} logged for {} {}, {} already there\n", o.csv,
                             rows, rows == 1 ? "" : "s", detected, added, files,
                             files == 1 ? "child" : "children", repeated));
    return 0;
}

}  // namespace liushou
