// liushou log-talk --from: a month's talk sheet logged, all or nothing.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/filesystem.hpp>
#include <cstdint>
#include <map>
#include <memory>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/checklist.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/report.hpp"
#include "liushou/store.hpp"
#include "log_talk.hpp"

namespace liushou {

namespace {

/// A checklist workbook's hidden sheet (schedule --teacher T -o FILE.xlsx): its key-value
/// lines, or none when the file is CSV or the sheet was lost.
std::map<std::string, std::string> checklist_base_lines(const std::string& path) {
    std::map<std::string, std::string> out;
    std::string bytes = read_input(path, uint64_t{64} << 20);
    if (bytes.size() < 4 || bytes.compare(0, 4, "PK\x03\x04") != 0) return out;
    Problems ignored;
    Sheet base;
    try {
        base = read_xlsx(bytes, path, "liushou", ignored);
    } catch (const DataError&) {
        return out;  // a sheet saved by a program that dropped the hidden sheet: the 编号 say
    }
    if (base.header.size() >= 2) out[std::string(trim(base.header[0]))] = base.header[1];
    for (const auto& row : base.rows)
        if (row.cells.size() >= 2) out[std::string(trim(row.cells[0]))] = row.cells[1];
    return out;
}

/// A returned checklist (#46) as the talk sheet it stands for, with the day of the follow-up
/// each row closes by its row; a sheet of another school or another month than `expected`
/// is refused, a row changed where it must not be is a problem, and nothing is logged.
std::unique_ptr<SheetRows> checklist_as_talks(const SheetRows& sheet, const Tree& tree,
                                              const std::string& path, const Month& expected,
                                              const std::string& month_given,
                                              ReturnedChecklist& summary,
                                              std::map<int, Date>& closes, Problems& problems) {
    const auto school = tree.load_school();
    const std::string school_name = school.parsed ? school.record.school : "";
    const auto lines = checklist_base_lines(path);
    ChecklistBase base;
    if (!lines.empty()) {
        const auto get = [&](const char* key) {
            const auto it = lines.find(key);
            return it == lines.end() ? std::string() : std::string(trim(it->second));
        };
        if (get("format") != "liushou checklist 1")
            throw DataError(fmt::format(N_("{}: the hidden sheet liushou is not a checklist's "
                                           "(format {}); was it made by a newer liushou?"),
                                        path, get("format")));
        base.school = get("school");
        base.month = parse_month(get("month"));
        base.teacher = get("teacher");
        if (base.school != school_name)
            throw DataError(fmt::format(
                N_("{}: the sheet is the checklist of {}, and this is the tree of {}; nothing was "
                   "logged"),
                path, base.school, school_name));
        if (!base.month)
            throw DataError(fmt::format(N_("{}: the hidden sheet liushou has no month"), path));
    }
    ReturnedChecklist back = checklist_talk_sheet(sheet, base, school_name, problems);
    // The coordinator collects one month's sheets: one of another month is a mix-up (last
    // month's file in this month's folder) unless --month names it.
    if (back.month && back.month->iso() != expected.iso())
        throw DataError(
            month_given.empty()
                ? fmt::format(N_("{}: the sheet is the checklist of {}, not of this month ({}); to "
                                 "log it all the same, give --month {}; nothing was logged"),
                              path, back.month->iso(), expected.iso(), back.month->iso())
                : fmt::format(N_("{}: the sheet is the checklist of {}, not of --month {}; nothing "
                                 "was logged"),
                              path, back.month->iso(), expected.iso()));
    for (size_t i = 0; i < back.talks.rows.size(); ++i)
        if (back.closes[i]) closes[back.talks.rows[i].row] = *back.closes[i];
    summary = back;
    summary.talks = Sheet{};
    return std::make_unique<HeldSheet>(std::move(back.talks));
}

/// A row of a checklist that is already on file as another teacher's share of one meeting
/// (both teachers' sheets list the same 座谈会): logged once.
bool shared_meeting(const Child& child, const Talk& talk) {
    if (talk.kind != TalkKind::meeting) return false;
    return std::any_of(child.talks.begin(), child.talks.end(), [&](const Talk& t) {
        return t.kind == TalkKind::meeting && t.date == talk.date;
    });
}

/// The entry closes the follow-up of `day`; with several follow-ups that day, the one of the
/// entry's teacher (else the first) is named by kind and teacher.
void close_follow_up(const Child& child, Talk& talk, const Date& day) {
    std::vector<const Talk*> open;
    for (const Talk& t : child.talks)
        if (t.date == day && !t.follow_up.empty()) open.push_back(&t);
    if (open.empty()) return;  // closed meanwhile: the entry is logged all the same
    talk.closes = day;
    if (open.size() > 1) {
        const Talk* chosen = open.front();
        for (const Talk* t : open)
            if (t->by == talk.by) chosen = t;
        talk.closes_kind = chosen->kind;
        talk.closes_by = chosen->by;
    }
}

/// A follow-up's row of a checklist logged before: its entry is on file closing that
/// follow-up, which the row (a talk sheet has no column for it) would otherwise differ from.
/// Such rows are taken out, and counted as already there.
size_t drop_closing_repeats(const Child& child, std::vector<Sheet::Row>& rows,
                            const std::map<int, Date>& closes) {
    const size_t before = rows.size();
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const Sheet::Row& r) {
                                  const auto c = closes.find(r.row);
                                  if (c == closes.end() || r.cells.size() < 6) return false;
                                  const auto date = parse_flexible_date(r.cells[2]).date;
                                  const auto kind = enum_from_text<TalkKind>(r.cells[3]);
                                  return std::any_of(
                                      child.talks.begin(), child.talks.end(), [&](const Talk& t) {
                                          return t.closes == c->second && t.date == date && kind &&
                                                 t.kind == *kind && t.by == r.cells[4] &&
                                                 t.summary == r.cells[5];
                                      });
                              }),
               rows.end());
    return before - rows.size();
}

/// Each child's rows of a talk sheet (log_sheet's first pass): child c's rows, in the sheet's
/// order, are rows[first[c]] up to rows[first[c + 1]]; touched are the children with rows, in
/// the order of children/.
struct RowsByChild {
    std::vector<uint32_t> first, rows, touched;
};

/// Ids come from children/ itself; names, only when some row gives no 学号, from the records.
RowsByChild rows_by_child(const SheetRows& sheet, TalkSheet& talks, const Tree& tree,
                          ChildIndex& index, Problems& problems) {
    const std::vector<std::string>& ids = index.ids;
    Sheet::Row row;
    bool names = false;
    for (size_t r = 0; r < sheet.size() && !names; ++r) {
        sheet.row(r, row);
        names = talks.needs_names(row);
    }
    if (names)
        for (const auto& file : tree.load_children())
            if (const auto it = index.by_id.find(file.id); file.parsed && it != index.by_id.end())
                index.add_name(it->second, file.record);
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> child_of(sheet.size(), kNone);
    for (size_t r = 0; r < sheet.size(); ++r) {
        sheet.row(r, row);
        const auto child = talks.child_of(row, index, problems);
        if (child) child_of[r] = static_cast<uint32_t>(*child);
    }
    RowsByChild out;
    out.first.assign(ids.size() + 1, 0);
    for (const uint32_t c : child_of)
        if (c != kNone) ++out.first[c + 1];
    for (size_t c = 0; c < ids.size(); ++c) out.first[c + 1] += out.first[c];
    out.rows.resize(out.first.back());
    std::vector<uint32_t> at(out.first.begin(), out.first.end() - 1);
    for (size_t r = 0; r < child_of.size(); ++r)
        if (child_of[r] != kNone) out.rows[at[child_of[r]]++] = static_cast<uint32_t>(r);
    for (size_t c = 0; c < ids.size(); ++c)
        if (out.first[c + 1] > out.first[c]) out.touched.push_back(static_cast<uint32_t>(c));
    return out;
}

/// What one child's rows did to its file (log_sheet's second pass).
struct Outcome {
    Problems problems, unreadable;  // the rows'; the file's own, when it cannot be read
    std::string path, id, ignored;  // the file, its id, and the id it holds if another
    size_t added = 0, repeated = 0;
    std::vector<std::pair<int, std::string>> would;  // --dry-run: row, line
};

struct Totals {
    size_t added = 0, repeated = 0, children = 0;
};

/// The outcomes summed, each unreadable or misnamed file said, the rows' problems gathered
/// into `problems`; throws when some file could not be read.
Totals tally(const std::vector<Outcome>& outcomes, Context& ctx, Problems& problems) {
    bool unreadable = false;
    Totals t;
    for (const Outcome& out : outcomes) {
        if (!out.unreadable.empty()) {
            print_problems(ctx.err, out.path, out.unreadable);
            unreadable = true;
        }
        if (!out.ignored.empty())
            ctx.err << fmt::format(N_("{}: ignored, it says id {} but is named {}.yaml") "\n",
                                   out.path, out.ignored, out.id);
        problems.insert(problems.end(), out.problems.begin(), out.problems.end());
        t.added += out.added;
        t.repeated += out.repeated;
        t.children += out.added > 0;
    }
    if (unreadable)
        throw DataError(
            N_("some children's files cannot be read (above); fix them first so the "
               "rows can be matched to children"));
    return t;
}

/// --dry-run: each entry that would be logged, in the sheet's order.
void print_would(std::vector<Outcome>& outcomes, Context& ctx) {
    std::vector<std::pair<int, std::string>> would;
    for (Outcome& out : outcomes)
        for (auto& w : out.would) would.push_back(std::move(w));
    std::sort(would.begin(), would.end());
    for (const auto& w : would) ctx.out << say(ctx, w.second);
}

/// A returned checklist's tasks of the plan marked 是 (工作安排 rows), as ticks of
/// liushou.yaml (liushou plan done), made before anything is written.
struct PlanTicks {
    School school;        // with the ticks
    bool loaded = false;  // school is liushou.yaml's (else not read: no tick)
    size_t ticked = 0, repeated = 0;
    std::vector<std::string> would;  // --dry-run's lines
};

/// Each task ticked off on its row's day with its 内容 as note; a task already ticked (by
/// another teacher's sheet, or plan done) is left as it is and counted as already there. A
/// day after today or a task the plan no longer has is a problem naming the row.
PlanTicks tick_plan_rows(const Tree& tree, const ReturnedChecklist& returned, const Date& today,
                         Problems& problems) {
    PlanTicks out;
    const auto school = tree.load_school();
    if (!school.parsed) throw DataError(fmt::format("{}: cannot be read", school.path));
    out.school = school.record;
    out.loaded = true;
    const Month& month = *returned.month;
    for (const PlanTick& t : returned.ticks) {
        const bool already = std::any_of(
            out.school.plan_done.begin(), out.school.plan_done.end(),
            [&](const PlanDone& d) { return d.month == month.iso() && d.task == t.task; });
        if (already) {
            ++out.repeated;
            continue;
        }
        const auto day = parse_flexible_date(t.date);
        std::string why = day.date ? "" : day.error;
        if (day.date && today < *day.date)
            why = fmt::format(N_("{} is after today; write the day it was done"), day.date->iso());
        bool changed = false;
        if (why.empty())
            why =
                tick_plan_task(out.school, month, t.task, day.date, t.note, false, today, changed);
        if (!why.empty()) {
            problems.push_back(
                Problem{fmt::format("row {}, 说明", t.row), why, Severity::error, t.row, 6});
            continue;
        }
        out.ticked += changed;
        out.would.push_back(fmt::format(N_("would tick off task {} of {} on {} (row {})") "\n",
                                        t.task, month.iso(), day.date->iso(), t.row));
    }
    return out;
}

/// A returned checklist's 活动签到 rows marked 是, as the activities they add a child to,
/// worked out before anything is written.
struct Attendance {
    std::vector<Activity> changed;
    size_t added = 0, repeated = 0;
    std::vector<std::string> would;  // --dry-run's lines
};

Attendance attend_rows(const Tree& tree, const ReturnedChecklist& returned, Problems& problems) {
    Attendance out;
    std::vector<Activity> all;
    for (auto& a : tree.load_activities()) {
        if (!a.parsed) throw DataError(fmt::format("{}: cannot be read", a.path));
        all.push_back(std::move(a.record));
    }
    // --dry-run's lines: the rows whose child no activity of that day and title lists yet.
    for (const AttendanceTick& t : returned.attendance)
        if (std::none_of(all.begin(), all.end(), [&](const Activity& a) {
                return a.date == t.day && a.title == t.title &&
                       std::find(a.children.begin(), a.children.end(), t.child) != a.children.end();
            }))
            out.would.push_back(
                fmt::format(N_("would record {} at the activity of {} {} (row {})") "\n", t.child,
                            t.day.iso(), t.title, t.row));
    for (const size_t i :
         record_attendance(all, returned.attendance, out.added, out.repeated, problems))
        out.changed.push_back(all[i]);
    return out;
}

/// The ticks and the attendance written (unless --dry-run) and said, and the sheet noted in
/// liushou.yaml as returned (note_returned): one write of liushou.yaml for both.
void finish_checklist(PlanTicks& plan, const Attendance& attendance,
                      const ReturnedChecklist& returned, const TalkOptions& o, Context& ctx,
                      const Tree& tree, WriteSession& session) {
    if (o.dry_run) {
        for (const auto& line : plan.would) ctx.out << say(ctx, line);
        for (const auto& line : attendance.would) ctx.out << say(ctx, line);
        return;
    }
    for (const Activity& a : attendance.changed) session.write_activity(a);
    bool school_changed = plan.ticked > 0;
    if (returned.month) {
        if (!plan.loaded) {
            const auto school = tree.load_school();
            if (!school.parsed) throw DataError(fmt::format("{}: cannot be read", school.path));
            plan.school = school.record;
            plan.loaded = true;
        }
        const Loaded<StaffList> staff = tree.load_staff();
        const Staff* who = staff.parsed ? staff.record.find(returned.teacher) : nullptr;
        school_changed |=
            note_returned(plan.school, returned, who ? who->name : returned.teacher,
                          boost::filesystem::path(o.csv).filename().string(), ctx.today);
    }
    if (school_changed) session.write_school(plan.school);
    if (ctx.quiet) return;
    if (plan.ticked + plan.repeated)
        ctx.out << say(
            ctx, fmt::format(
                     fmt::runtime(plan.ticked == 1
                                      ? N_("{}: {} task of the plan ticked off, {} already") "\n"
                                      : N_("{}: {} tasks of the plan ticked off, {} already") "\n"),
                     o.csv, plan.ticked, plan.repeated));
    if (attendance.added + attendance.repeated)
        ctx.out << say(
            ctx,
            fmt::format(
                fmt::runtime(attendance.added == 1
                                 ? N_("{}: {} child recorded at activities, {} already") "\n"
                                 : N_("{}: {} children recorded at activities, {} already") "\n"),
                o.csv, attendance.added, attendance.repeated));
}

/// A returned checklist's line: how many of its rows are still owed ("" for a talk sheet).
std::string owed_line(const Tree& tree, Context& ctx, const std::string& path,
                      const ReturnedChecklist& r) {
    if (ctx.quiet || !r.month) return std::string();
    // The teacher by name; staff.yaml's problems are said where the rows are checked.
    const Loaded<StaffList> staff = tree.load_staff();
    const Staff* who = staff.parsed ? staff.record.find(r.teacher) : nullptr;
    return say(
        ctx, fmt::format(N_("{}: the checklist of {} for {}: {} of {} rows still owed") "\n", path,
                         r.month->iso(), who ? who->name : r.teacher, r.still_owed, r.listed));
}

/// A talk sheet in two passes, so that a county's million rows are never held as talks: each
/// row to its child (the sheet is kept as its text), then, on worker threads, each touched
/// child's file read, its rows checked against it and added, and the file written. Every
/// write waits in one batch until the whole sheet has been checked: a problem in any row
/// leaves every file as it was.
int log_sheet(const TalkOptions& o, Context& ctx, const Tree& tree, WriteSession& session,
              size_t& logged) {
    std::string detected;
    Problems problems;
    std::unique_ptr<SheetRows> sheet =
        read_sheet_rows(o.csv, o.encoding, o.sheet, problems, &detected);
    std::map<int, Date> closes;  // a checklist's follow-up rows: the day each closes
    ReturnedChecklist returned;  // and what it says of itself
    const bool checklist = !has_errors(problems) && is_checklist_header(sheet->header());
    PlanTicks plan;
    Attendance attendance;
    if (checklist) {
        sheet = checklist_as_talks(*sheet, tree, o.csv, month_option(o.month, ctx.today), o.month,
                                   returned, closes, problems);
        if (!has_errors(problems) && !returned.ticks.empty())
            plan = tick_plan_rows(tree, returned, ctx.today, problems);
        if (!has_errors(problems) && !returned.attendance.empty())
            attendance = attend_rows(tree, returned, problems);
        if (!has_errors(problems) && sheet->size() == 0) {
            if (plan.ticked + plan.repeated + attendance.added + attendance.repeated == 0 &&
                !ctx.quiet)
                ctx.out << say(
                    ctx, fmt::format(N_("{} ({}): no row is marked done; nothing was logged") "\n",
                                     o.csv, detected));
            finish_checklist(plan, attendance, returned, o, ctx, tree, session);
            ctx.out << owed_line(tree, ctx, o.csv, returned);
            return kOk;
        }
    }
    if (!has_errors(problems) && !sheet->header().empty() && sheet->size() == 0)
        problems.push_back(Problem{"", N_("the sheet has a header but no rows below it"),
                                   Severity::error, sheet->header_line() + 1, 1});
    if (has_errors(problems)) {
        print_problems(ctx.err, o.csv, problems);
        ctx.err << fmt::format(N_("{}: nothing was logged") "\n", o.csv);
        return kDataProblem;
    }
    auto refuse = [&](Problems& found) {
        std::stable_sort(found.begin(), found.end(),
                         [](const Problem& a, const Problem& b) { return a.line < b.line; });
        print_problems(ctx.err, o.csv, found);
        ctx.err << fmt::format(
            fmt::runtime(found.size() == 1 ? N_("{}: 1 problem; nothing was logged") "\n"
                                           : N_("{}: {} problems; nothing was logged") "\n"),
            o.csv, found.size());
        return kDataProblem;
    };

    const StaffList staff = load_staff_checked(tree, ctx);
    TalkSheet talks(sheet->header(), staff, problems);
    if (!talks.ok()) return refuse(problems);

    // First pass: each row to its child.
    ChildIndex index(tree.child_ids());
    const std::vector<std::string>& ids = index.ids;
    const RowsByChild grouped = rows_by_child(*sheet, talks, tree, index, problems);
    const std::vector<uint32_t>& first = grouped.first;
    const std::vector<uint32_t>& rows_by_child = grouped.rows;
    const std::vector<uint32_t>& touched = grouped.touched;

    // Second pass, on worker threads: what each touched child's rows do to its file.
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
        if (checklist) out.repeated += drop_closing_repeats(file.record, rows, closes);
        std::vector<TalkRow> planned =
            talks.plan_child(file.record, touched[k], rows, ctx.today, out.problems);
        if (!out.problems.empty()) {
            failed = true;
            return nullptr;
        }
        scratch = std::move(file.record);
        for (TalkRow& r : planned) {
            if (!r.duplicate && checklist) {
                if (const auto c = closes.find(r.row); c != closes.end())
                    close_follow_up(scratch, r.talk, c->second);
                r.duplicate = shared_meeting(scratch, r.talk);
            }
            if (r.duplicate) {
                ++out.repeated;
                continue;
            }
            if (o.dry_run)
                out.would.emplace_back(
                    r.row, fmt::format(N_("would log {} {} {} by {} (row {})") "\n", id,
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

    const Totals totals = tally(outcomes, ctx, problems);
    const size_t added = totals.added, repeated = totals.repeated, children = totals.children;
    if (!problems.empty()) return refuse(problems);
    const size_t rows = sheet->size();
    if (o.dry_run) {
        print_would(outcomes, ctx);
        finish_checklist(plan, attendance, returned, o, ctx, tree, session);
        ctx.out << say(ctx, fmt::format("dry run, nothing written: {} ({} row{}, {}): {} logged "
                                        "for {} {}, {} already there\n",
                                        o.csv, rows, rows == 1 ? "" : "s", detected, added,
                                        children, children == 1 ? "child" : "children", repeated));
        return 0;
    }
    // Several sheets in one command are one commit (--commit): its message counts them all.
    logged += added;
    ctx.journal->action =
        fmt::format("log-talk --from: {} entr{}", logged, logged == 1 ? "y" : "ies");
    try {
        session.end_batch();
    } catch (const IoError& e) {
        throw IoError(partial_write_note(e, session.files_in_place(), o.csv, "log-talk --from"));
    }
    if (!ctx.quiet)
        ctx.out << say(ctx,
                       fmt::format("{} ({} row{}, {}): {} logged for {} {}, {} already there\n",
                                   o.csv, rows, rows == 1 ? "" : "s", detected, added, files,
                                   files == 1 ? "child" : "children", repeated))
                << owed_line(tree, ctx, o.csv, returned);
    finish_checklist(plan, attendance, returned, o, ctx, tree, session);
    return 0;
}

}  // namespace

int run_sheet(const TalkOptions& o, Context& ctx) {
    // One lock for every file: the journal keeps it until the commit (--commit), so a second
    // lock in the same command would wait for itself.
    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    size_t logged = 0;  // by all the files: the commit's message counts them
    if (o.files.size() <= 1) {
        TalkOptions one = o;
        if (!o.files.empty()) one.csv = o.files.front();
        return log_sheet(one, ctx, tree, session, logged);
    }
    // Each file all or nothing, on its own: one teacher's mistake does not hold back the
    // others' sheets.
    int status = kOk;
    for (const std::string& file : o.files) {
        TalkOptions one = o;
        one.csv = file;
        try {
            status = std::max(status, log_sheet(one, ctx, tree, session, logged));
        } catch (const DataError& e) {
            ctx.err << "liushou: " << e.what() << "\n";
            status = std::max(status, static_cast<int>(kDataProblem));
        }
    }
    return status;
}

}  // namespace liushou
