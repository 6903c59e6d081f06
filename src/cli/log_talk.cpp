// liushou log-talk: the 谈心 record card, home visits, family calls and meetings, one at a time
// (touching only that child's file) or a whole month's sheet.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/render.hpp"
#include "liushou/report.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct TalkOptions {
    std::string id;
    std::vector<std::string> more_ids;  // a meeting of several children: log-talk ID ID ...
    std::string klass;                  // or of a whole class: --class 3-2
    std::string by, date, kind = "talk", summary, mood, follow_up;
    CLI::Option* close_opt = nullptr;
    std::string close;
    std::string close_kind, close_text;
    std::string csv;
    std::string encoding;  // auto for CSV; a workbook says its own
    std::string sheet;     // --sheet: a workbook's sheet by name
    bool amend = false;
    bool dry_run = false;  // --from: say what would be logged
    CLI::Option* kind_opt = nullptr;
    std::string delete_date;  // --delete DATE: take a wrong entry back
};

/// The staff id `by` names (an id or a unique name); else `by` itself, which check_talk then
/// names as unknown or ambiguous.
std::string staff_id_or_as_given(const StaffList& staff, const std::string& by) {
    std::string error;
    const Staff* s = find_staff(staff, by, error);
    return s ? s->id : by;
}

/// The entry the options describe, before its teacher is looked up.
Talk talk_from_options(const TalkOptions& o, const Context& ctx) {
    Talk talk;
    talk.date = date_option("--date", o.date, ctx.today, ctx.today);
    const auto kind = enum_from_text<TalkKind>(o.kind);
    if (!kind)
        throw UsageError(
            fmt::format("--kind {}: use one of {} (谈心/家访/亲情电话/座谈会/心理辅导/生日祝福)",
                        o.kind, enum_keys<TalkKind>()));
    talk.kind = *kind;
    if (!o.mood.empty()) {
        talk.mood = enum_from_text<Mood>(o.mood);
        if (!talk.mood)
            throw UsageError(
                fmt::format("--mood {}: use one of {} (好/一般/低落)", o.mood, enum_keys<Mood>()));
    }
    talk.summary = o.summary;
    talk.follow_up = o.follow_up;
    return talk;
}

/// One meeting (座谈会, 家长会), talk or visit for several children at once: the ids given, or
/// every child enrolled in the class on the day. All are logged in one write session (and one
/// commit), or none: a child the entry does not fit stops them all.
int run_many(const TalkOptions& o, Context& ctx) {
    if (o.close_opt->count() || o.amend)
        throw UsageError("--close-follow-up and --amend are for one child's entry; give one id");
    const Tree tree = open_tree(ctx);
    Talk talk = talk_from_options(o, ctx);
    std::vector<std::string> ids;
    if (!o.id.empty()) ids.push_back(o.id);
    ids.insert(ids.end(), o.more_ids.begin(), o.more_ids.end());
    for (auto& id : ids) id = child_argument(tree, id, ctx);
    for (const auto& id : ids) tree.child_relative(id);  // refuse ids that could leave children/
    std::optional<std::pair<int, int>> klass;
    if (!o.klass.empty()) klass = class_option("--class", o.klass);

    WriteSession session = tree.lock();
    const StaffList staff = load_staff_checked(tree, ctx);
    talk.by = staff_id_or_as_given(staff, o.by);
    std::vector<Child> children;
    if (klass) {
        // The class of the entry's day: a child who moved into it later was not at the meeting.
        for (Child& c : writable_children(tree, ctx)) {
            const Child then = state_on(c, *talk.date);
            if (then.grade == klass->first && then.class_no == klass->second &&
                enrolled_on_day(then, *talk.date))
                children.push_back(std::move(c));
        }
        if (children.empty())
            throw DataError(fmt::format("--class {}: no child of {} was enrolled on {}", o.klass,
                                        class_label(klass->first, klass->second, "zh"),
                                        talk.date->iso()));
    }
    for (const auto& id : ids) {
        if (std::any_of(children.begin(), children.end(),
                        [&](const Child& c) { return c.id == id; }))
            continue;  // named and in the class: once
        children.push_back(load_child_for_write(tree, id, ctx));
    }
    // Every child is checked before anything is written.
    bool refused = false;
    for (const Child& c : children) {
        Problems problems;
        check_talk(talk, c, staff, ctx.today, problems);
        for (const auto& p : problems)
            ctx.err << fmt::format("liushou log-talk: {}: --{}: {}\n", c.id, p.field, p.message);
        refused = refused || !problems.empty();
    }
    if (refused) {
        ctx.err << "liushou log-talk: nothing was logged\n";
        return kDataProblem;
    }
    std::vector<size_t> changed;
    for (size_t i = 0; i < children.size(); ++i) {
        std::vector<std::string> differs;
        const TalkAdd outcome = add_talk(children[i], talk, &differs);
        if (outcome == TalkAdd::differs) {
            std::string fields;
            for (const auto& f : differs) fields += (fields.empty() ? "" : ", ") + f;
            throw DataError(fmt::format(
                "{} already has this {} of {} by {} with a different {}; nothing was logged",
                children[i].id, key_of(talk.kind), talk.date->iso(), talk.by, fields));
        }
        if (outcome == TalkAdd::added) changed.push_back(i);
    }
    // commit_message adds how many children, with their ids in the body.
    ctx.journal->action =
        fmt::format("log-talk {}{} {}", klass ? "--class " + o.klass + " " : std::string(),
                    talk.date->iso(), key_of(talk.kind));
    if (changed.size() > 1) session.begin_batch();  // a class: one flush for all
    try {
        for (size_t i : changed) session.write_child(children[i]);
        session.end_batch();
    } catch (const IoError& e) {
        throw IoError(
            partial_write_note(e, session.files_in_place(), "the command line", "log-talk"));
    }
    if (!ctx.quiet) {
        std::string list;
        for (size_t i : changed) list += (list.empty() ? "" : " ") + children[i].id;
        ctx.out << say(
            ctx, fmt::format("logged {} {} by {} for {} of {} children{}{}\n", talk.date->iso(),
                             key_of(talk.kind), talk.by, changed.size(), children.size(),
                             list.empty() ? "" : ": ", list));
    }
    return kOk;
}

/// log-talk ID --delete DATE [--kind K] [--by T]: the entry taken back, in one write (and
/// one commit with --commit) like any other.
int run_delete(const TalkOptions& o, Context& ctx) {
    if (!o.more_ids.empty() || !o.klass.empty() || o.amend || o.close_opt->count() ||
        !o.summary.empty() || !o.date.empty())
        throw UsageError("--delete DATE takes one child and, to say which entry, --kind or --by");
    const Tree tree = open_tree(ctx);
    const std::string id = child_argument(tree, o.id, ctx);
    tree.child_relative(id);
    const Date day = date_option("--delete", o.delete_date, ctx.today, ctx.today);
    std::optional<TalkKind> kind;
    if (o.kind_opt->count()) {
        kind = enum_from_text<TalkKind>(o.kind);
        if (!kind)
            throw UsageError(
                fmt::format("--kind {}: use one of {}", o.kind, enum_keys<TalkKind>()));
    }
    WriteSession session = tree.lock();
    Child child = load_child_for_write(tree, id, ctx);
    const StaffList staff = load_staff_checked(tree, ctx);
    const std::string by = o.by.empty() ? "" : staff_id_or_as_given(staff, o.by);
    if (const std::string why = delete_talk(child, day, kind, by); !why.empty())
        throw DataError("--delete: " + why + "; nothing was changed");
    ctx.journal->action = fmt::format("log-talk {} --delete {}", child.id, day.iso());
    session.write_child(child);
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format("deleted the entry of {} for {}\n", day.iso(), child.id));
    return kOk;
}

int run_one(const TalkOptions& o, Context& ctx) {
    if (o.id.empty() && o.klass.empty())
        throw UsageError("which child? liushou log-talk ID --by T --summary TEXT");
    if (!o.delete_date.empty()) return run_delete(o, ctx);
    // A missing option is a usage error (exit 2), as CLI11's own are, not bad data.
    if (trim(o.summary).empty()) throw UsageError("--summary: say what the talk was about");
    if (trim(o.by).empty()) throw UsageError("--by: say who held the talk (a staff id or name)");
    if (!o.more_ids.empty() || !o.klass.empty()) return run_many(o, ctx);
    const Tree tree = open_tree(ctx);
    // Only this child's file and staff.yaml are read (a name is looked up among all): logging
    // one talk by id costs the same in a school of 50 children as in a county of 50,000.
    const std::string id = child_argument(tree, o.id, ctx);
    tree.child_relative(id);  // refuse ids that could leave children/
    Talk talk = talk_from_options(o, ctx);

    WriteSession session = tree.lock();
    Child child = load_child_for_write(tree, id, ctx);
    const StaffList staff = load_staff_checked(tree, ctx);
    talk.by = staff_id_or_as_given(staff, o.by);

    if (!o.close_opt->count() && (!o.close_kind.empty() || !o.close_text.empty()))
        throw UsageError("--close-kind and --close-text go with --close-follow-up");
    // Run twice, --close-follow-up finds the follow-up closed by the first run: the entry
    // that closed it, the same in every other way, is this one, already logged.
    if (o.close_opt->count() && !o.amend)
        for (const Talk& t : child.talks)
            if (t.closes && t.date == talk.date && t.kind == talk.kind && t.by == talk.by &&
                t.summary == talk.summary && t.mood == talk.mood && t.follow_up == talk.follow_up) {
                if (!ctx.quiet)
                    ctx.out << say(ctx, fmt::format("already logged {} {} {} by {}, closing the "
                                                    "follow-up of {}\n",
                                                    child.id, talk.date->iso(), key_of(talk.kind),
                                                    talk.by, t.closes->iso()));
                return 0;
            }
    if (o.close_opt->count()) {
        std::optional<TalkKind> close_kind;
        if (!o.close_kind.empty()) {
            close_kind = enum_from_text<TalkKind>(o.close_kind);
            if (!close_kind)
                throw UsageError(fmt::format("--close-kind {}: use one of {}", o.close_kind,
                                             enum_keys<TalkKind>()));
        }
        const auto open = open_follow_ups(child);
        std::optional<Date> day;
        if (!o.close.empty()) day = date_option("--close-follow-up", o.close, ctx.today, ctx.today);
        // Exactly one follow-up is closed: the open ones of that day (or all), narrowed by
        // kind and by text; several left is a question for the user, not a guess.
        std::vector<const Talk*> same_day, chosen;
        for (const Talk* t : open) {
            if (day && *t->date != *day) continue;
            same_day.push_back(t);
            if (close_kind && t->kind != *close_kind) continue;
            if (!o.close_text.empty() && t->follow_up.find(o.close_text) == std::string::npos)
                continue;
            chosen.push_back(t);
        }
        if (chosen.empty() && open.empty())
            throw DataError(fmt::format("--close-follow-up: {} has no open follow-up", child.id));
        if (chosen.empty() && day && same_day.empty()) {
            talk.closes = day;  // check_talk names the missing follow-up
        } else if (chosen.empty()) {
            throw DataError(fmt::format(
                "--close-follow-up: no open follow-up of {} matches the kind or text given",
                child.id));
        } else if (chosen.size() > 1) {
            std::string which;
            for (const Talk* t : chosen)
                which +=
                    (which.empty() ? "" : "; ") + fmt::format("{} {} by {}: {}", t->date->iso(),
                                                              key_of(t->kind), t->by, t->follow_up);
            throw UsageError(fmt::format(
                "--close-follow-up: {} has {} open follow-ups ({}); say which with its date, "
                "--close-kind or --close-text",
                child.id, chosen.size(), which));
        } else {
            talk.closes = chosen.front()->date;
            // Name the entry when its day holds others with a follow-up, so that the file
            // says which one was closed.
            int that_day = 0;
            for (const Talk& t : child.talks)
                that_day += t.date == talk.closes && !t.follow_up.empty();
            if (that_day > 1) {
                talk.closes_kind = chosen.front()->kind;
                talk.closes_by = chosen.front()->by;
            }
        }
    }

    Problems problems;
    check_talk(talk, child, staff, ctx.today, problems);
    if (!problems.empty()) {
        for (const auto& p : problems)
            ctx.err << fmt::format("liushou log-talk: --{}: {}\n", p.field, p.message);
        ctx.err << fmt::format("liushou log-talk: nothing was logged for {}\n", child.id);
        return kDataProblem;
    }
    std::vector<std::string> differs;
    const TalkAdd outcome = o.amend ? TalkAdd::added : add_talk(child, talk, &differs);
    if (o.amend) {
        const size_t found = replace_talk(child, talk);
        if (found != 1)
            throw DataError(fmt::format(
                found == 0 ? "--amend: {} has no {} of {} by {} to amend; nothing was changed"
                           : "--amend: {} has several {}s of {} by {}; edit the file to say "
                             "which (nothing was changed)",
                child.id, key_of(talk.kind), talk.date->iso(), talk.by));
    }
    if (outcome == TalkAdd::differs) {
        std::string fields;
        for (const auto& f : differs) fields += (fields.empty() ? "" : ", ") + f;
        throw DataError(fmt::format(
            "{} already has this {} of {} by {} with a different {}; nothing was logged. To "
            "change the logged one, run the same command with --amend",
            child.id, key_of(talk.kind), talk.date->iso(), talk.by, fields));
    }
    const bool added = outcome == TalkAdd::added;
    ctx.journal->action = fmt::format("log-talk {} {} {}{}", child.id, talk.date->iso(),
                                      key_of(talk.kind), o.amend ? " (amended)" : "");
    const bool written = added && session.write_child(child);
    if (!ctx.quiet)
        ctx.out << say(
            ctx,
            fmt::format("{} {} {} {} by {}{}\n",
                        o.amend ? (written ? "amended" : "unchanged")
                        : added ? "logged"
                                : "already logged",
                        child.id, talk.date->iso(), key_of(talk.kind), talk.by,
                        talk.closes ? ", closing the follow-up of " + talk.closes->iso() : ""));
    return 0;
}

int run_sheet(const TalkOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    std::string detected;
    Problems problems;
    const Sheet sheet = read_sheet(o.csv, o.encoding, o.sheet, problems, &detected);
    if (!has_errors(problems) && !sheet.header.empty() && sheet.rows.empty())
        problems.push_back(Problem{"", "the sheet has a header but no rows below it",
                                   Severity::error, sheet.header_line + 1, 1});
    if (has_errors(problems)) {
        print_problems(ctx.err, o.csv, problems);
        ctx.err << fmt::format("{}: nothing was logged\n", o.csv);
        return kDataProblem;
    }

    WriteSession session = tree.lock();
    const StaffList staff = load_staff_checked(tree, ctx);
    std::vector<Child> children = writable_children(tree, ctx);

    const TalkImportPlan plan = plan_talk_import(sheet, children, staff, ctx.today);
    if (!plan.problems.empty()) {
        print_problems(ctx.err, o.csv, plan.problems);
        ctx.err << fmt::format("{}: {} problem{}; nothing was logged\n", o.csv,
                               plan.problems.size(), plan.problems.size() == 1 ? "" : "s");
        return kDataProblem;
    }
    std::vector<bool> touched(children.size(), false);
    size_t added = 0, repeated = 0;
    for (const TalkRow& row : plan.rows) {
        if (row.duplicate) {
            ++repeated;
            continue;
        }
        children[row.child].talks.push_back(row.talk);
        if (o.dry_run)
            ctx.out << say(ctx, fmt::format("would log {} {} {} by {} (row {})\n",
                                            children[row.child].id, row.talk.date->iso(),
                                            key_of(row.talk.kind), row.talk.by, row.row));
        touched[row.child] = true;
        ++added;
    }
    if (o.dry_run) {
        const auto count = static_cast<size_t>(std::count(touched.begin(), touched.end(), true));
        ctx.out << say(
            ctx, fmt::format("dry run, nothing written: {} ({} row{}, {}): {} logged "
                             "for {} {}, {} already there\n",
                             o.csv, plan.rows.size(), plan.rows.size() == 1 ? "" : "s", detected,
                             added, count, count == 1 ? "child" : "children", repeated));
        return 0;
    }
    size_t files = 0;
    ctx.journal->action =
        fmt::format("log-talk --from: {} entr{}", added, added == 1 ? "y" : "ies");
    std::vector<const Child*> changed;
    for (size_t i = 0; i < children.size(); ++i)
        if (touched[i]) changed.push_back(&children[i]);
    session.begin_batch();
    try {
        files = session.write_children(changed);
        session.end_batch();
    } catch (const IoError& e) {
        throw IoError(partial_write_note(e, session.files_in_place(), o.csv, "log-talk --from"));
    }
    if (!ctx.quiet)
        ctx.out << say(
            ctx, fmt::format("{} ({} row{}, {}): {} logged for {} {}, {} already there\n", o.csv,
                             plan.rows.size(), plan.rows.size() == 1 ? "" : "s", detected, added,
                             files, files == 1 ? "child" : "children", repeated));
    return 0;
}

}  // namespace

void setup_log_talk(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<TalkOptions>();
    cmd.add_option("id", o->id, "The child")->type_name("ID");
    cmd.add_option("more", o->more_ids, "More children, for one meeting of several")
        ->type_name("ID...");
    cmd.add_option("--class", o->klass,
                   "Every child enrolled in this class on the day (a 座谈会 or 家长会), e.g. 3-2")
        ->type_name("G-C");
    cmd.add_option("--by", o->by, "Who held it: a staff id or unique name")->type_name("T");
    cmd.add_option("--date", o->date, "When (default: today)")->type_name("DATE");
    o->kind_opt =
        cmd.add_option("--kind", o->kind,
                       "talk | home_visit | family_call | meeting | counselling | greeting "
                       "(谈心/家访/亲情电话/座谈会/心理辅导/生日祝福; default talk)");
    cmd.add_option("--summary", o->summary, "What was talked about (记录卡)")->type_name("TEXT");
    cmd.add_option("--delete", o->delete_date,
                   "Delete the child's entry of DATE (a wrong one); --kind or --by say which "
                   "when the day has several")
        ->type_name("DATE");
    cmd.add_option("--mood", o->mood, "good | ok | low (好/一般/低落)");
    cmd.add_option("--follow-up", o->follow_up, "Something to follow up (跟进事项)")
        ->type_name("TEXT");
    o->close_opt = cmd.add_option("--close-follow-up", o->close,
                                  "Close the open follow-up from DATE (the only one when no "
                                  "date is given)")
                       ->type_name("[DATE]")
                       ->expected(0, 1);
    cmd.add_option("--close-kind", o->close_kind,
                   "With --close-follow-up: the kind of the entry whose follow-up is closed, "
                   "when several share its date")
        ->type_name("KIND");
    cmd.add_option("--close-text", o->close_text,
                   "With --close-follow-up: words of the follow-up to close, when several "
                   "share its date")
        ->type_name("TEXT");
    cmd.add_flag("--amend", o->amend,
                 "Replace the entry of that date and kind by that teacher (to correct its "
                 "summary, mood or follow-up) instead of adding one");
    auto* csv =
        cmd.add_option(
               "--from,--from-csv", o->csv,
               "Log a sheet of talks (CSV or .xlsx): 学号 or 姓名, 日期, 类型, 教师, 内容, 情绪, "
               "跟进事项")
            ->type_name("FILE");
    add_sheet_options(cmd, csv, o->encoding, o->sheet);
    cmd.add_flag("--dry-run", o->dry_run, "Print what the sheet would log; write nothing")
        ->needs(csv);
    cmd.callback([o, &run] {
        run = [o](Context& ctx) {
            if (!o->csv.empty()) {
                if (!o->id.empty() || !o->by.empty() || !o->summary.empty() || o->amend ||
                    !o->klass.empty())
                    throw UsageError(
                        "--from takes no child id, --class, --by, --summary or --amend");
                return run_sheet(*o, ctx);
            }
            return run_one(*o, ctx);
        };
    });
}

}  // namespace liushou
