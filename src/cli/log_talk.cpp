// liushou log-talk: the 谈心 record card, home visits, family calls and meetings, one at a time
// (touching only that child's file) or a whole month's sheet.
#include "log_talk.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/report.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

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
        throw UsageError(fmt::format(
            N_("--kind {}: use one of {} (谈心/家访/亲情电话/座谈会/心理辅导/生日祝福)"), o.kind,
            enum_keys<TalkKind>()));
    talk.kind = *kind;
    if (!o.mood.empty()) {
        talk.mood = enum_from_text<Mood>(o.mood);
        if (!talk.mood)
            throw UsageError(fmt::format(N_("--mood {}: use one of {} (好/一般/低落)"), o.mood,
                                         enum_keys<Mood>()));
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
        throw UsageError(
            N_("--close-follow-up and --amend are for one child's entry; give one id"));
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
            throw DataError(fmt::format(N_("--class {}: no child of {} was enrolled on {}"),
                                        o.klass, class_label(klass->first, klass->second, "zh"),
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
                N_("{} already has this {} of {} by {} with a different {}; nothing was logged"),
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

/// The entries of the child's talks a --delete or --amend names: the one of a handle
/// ("2026-03-10#2"), or those of a date narrowed by kind and teacher when given.
std::vector<size_t> entries_named(const Child& child, const TalkHandle& handle,
                                  std::optional<TalkKind> kind, const std::string& by,
                                  const std::string& option) {
    if (handle.number > 0) {
        std::string why;
        const auto at = find_talk(child.talks, handle, why);
        if (!at)
            throw DataError(
                fmt::format("{}: {}: " N_("{}; nothing was changed"), option, child.id, why));
        return {*at};
    }
    std::vector<size_t> found;
    for (size_t i : talks_of_day(child.talks, handle.date)) {
        const Talk& t = child.talks[i];
        if ((!kind || t.kind == *kind) && (by.empty() || t.by == by)) found.push_back(i);
    }
    return found;
}

/// log-talk ID --delete DATE|HANDLE [--kind K] [--by T]: the entry taken back, in one write
/// (and one commit with --commit) like any other. Two entries of one day, kind and teacher
/// differ only in their handle, which is what --delete then takes.
int run_delete(const TalkOptions& o, Context& ctx) {
    if (!o.more_ids.empty() || !o.klass.empty() || o.amend_opt->count() || o.close_opt->count() ||
        !o.summary.empty() || !o.date.empty())
        throw UsageError(
            N_("--delete DATE takes one child and, to say which entry, --kind or --by"));
    const Tree tree = open_tree(ctx);
    const std::string id = child_argument(tree, o.id, ctx);
    tree.child_relative(id);
    std::string error;
    const auto handle = parse_talk_handle(o.delete_date, error);
    if (!handle) throw DataError("--delete: " + error);
    // As a date option: a day in the future holds no entry to take back.
    date_option("--delete", handle->date.iso(), ctx.today, ctx.today);
    std::optional<TalkKind> kind;
    if (o.kind_opt->count()) {
        kind = enum_from_text<TalkKind>(o.kind);
        if (!kind)
            throw UsageError(
                fmt::format("--kind {}: " N_("use one of {}"), o.kind, enum_keys<TalkKind>()));
    }
    WriteSession session = tree.lock();
    Child child = load_child_for_write(tree, id, ctx);
    const StaffList staff = load_staff_checked(tree, ctx);
    const std::string by = o.by.empty() ? "" : staff_id_or_as_given(staff, o.by);
    const std::vector<size_t> found = entries_named(child, *handle, kind, by, "--delete");
    const Date& day = handle->date;
    if (found.empty())
        throw DataError("--delete: " +
                        fmt::format("{} has no entry of {}{} to delete", child.id, day.iso(),
                                    kind ? " of kind " + std::string(key_of(*kind)) : "") +
                        "; nothing was changed");
    if (found.size() > 1)
        throw DataError(
            fmt::format("--delete: {} has {} entries of {} ({}); say which with its handle, e.g. "
                        "--delete {}; nothing was changed",
                        child.id, found.size(), day.iso(), describe_talks(child.talks, found),
                        talk_handle(child.talks, found.front())));
    const std::string handle_text = talk_handle(child.talks, found.front());
    if (const std::string why = delete_talk_at(child.talks, found.front()); !why.empty())
        throw DataError("--delete: " + why + "; nothing was changed");
    ctx.journal->action = fmt::format("log-talk {} --delete {}", child.id, handle_text);
    session.write_child(child);
    if (!ctx.quiet)
        ctx.out << say(
            ctx, fmt::format(N_("deleted the entry of {} for {}") "\n", handle_text, child.id));
    return kOk;
}

/// log-talk ID --amend HANDLE [--date D] [--kind K] [--by T] [--summary …]: the entry the
/// handle names, with the fields given changed and the others kept.
int run_amend_handle(const TalkOptions& o, Context& ctx) {
    if (!o.more_ids.empty() || !o.klass.empty() || o.close_opt->count())
        throw UsageError(
            N_("--close-follow-up and --amend are for one child's entry; give one id"));
    const Tree tree = open_tree(ctx);
    const std::string id = child_argument(tree, o.id, ctx);
    tree.child_relative(id);
    std::string error;
    const auto handle = parse_talk_handle(o.amend_handle, error);
    if (!handle) throw DataError("--amend: " + error);
    std::optional<TalkKind> kind;
    std::optional<Mood> mood;
    if (o.kind_opt->count() && !(kind = enum_from_text<TalkKind>(o.kind)))
        throw UsageError(
            fmt::format("--kind {}: " N_("use one of {}"), o.kind, enum_keys<TalkKind>()));
    if (!o.mood.empty() && !(mood = enum_from_text<Mood>(o.mood)))
        throw UsageError(
            fmt::format(N_("--mood {}: use one of {} (好/一般/低落)"), o.mood, enum_keys<Mood>()));
    WriteSession session = tree.lock();
    Child child = load_child_for_write(tree, id, ctx);
    const StaffList staff = load_staff_checked(tree, ctx);
    const std::vector<size_t> found = entries_named(child, *handle, std::nullopt, "", "--amend");
    if (found.empty())
        throw DataError(fmt::format(N_("--amend: {}: there is no entry of {}; nothing was changed"),
                                    child.id, handle->date.iso()));
    if (found.size() > 1)
        throw DataError(fmt::format(
            N_("--amend: {}: {} has {} entries ({}); give the handle of one; nothing was changed"),
            child.id, handle->date.iso(), found.size(), describe_talks(child.talks, found)));
    const size_t at = found.front();
    const std::string handle_text = talk_handle(child.talks, at);
    Talk talk = child.talks[at];
    if (!o.date.empty()) talk.date = date_option("--date", o.date, ctx.today, ctx.today);
    if (kind) talk.kind = *kind;
    if (!trim(o.by).empty()) talk.by = staff_id_or_as_given(staff, o.by);
    if (!trim(o.summary).empty()) talk.summary = o.summary;
    if (mood) talk.mood = mood;
    if (!o.follow_up.empty()) talk.follow_up = o.follow_up;
    // Checked as if the entry were not there yet: the follow-up it closes is open then.
    Child without = child;
    without.talks.erase(without.talks.begin() + static_cast<long>(at));
    Problems problems;
    check_talk(talk, without, staff, ctx.today, problems);
    if (!problems.empty()) {
        for (const auto& p : problems)
            ctx.err << fmt::format("liushou log-talk: --{}: {}\n", p.field, p.message);
        ctx.err << fmt::format("liushou log-talk: " N_("nothing was changed for {}") "\n",
                               child.id);
        return kDataProblem;
    }
    // A new date or kind must not make it the same talk as another entry.
    for (const Talk& t : without.talks)
        if (same_talk(t, talk))
            throw DataError(fmt::format(
                N_("--amend: {} would then be the same talk as another entry of {}; nothing was "
                   "changed"),
                handle_text, talk.date->iso()));
    // The entry that closes this one's follow-up names it by day (and kind and teacher when
    // its day has other follow-ups): it follows the entry, or it would close nothing and the
    // follow-up would be open again (and the entry deletable).
    const Talk& was = child.talks[at];
    if (!was.follow_up.empty() && was.date &&
        (talk.date != was.date || talk.kind != was.kind || talk.by != was.by)) {
        int that_day = 0;
        for (size_t j = 0; j < without.talks.size(); ++j)
            that_day += without.talks[j].date == talk.date && !without.talks[j].follow_up.empty();
        for (size_t j = 0; j < child.talks.size(); ++j) {
            Talk& closer = child.talks[j];
            if (j == at || closer.closes != was.date ||
                (closer.closes_kind && *closer.closes_kind != was.kind) ||
                (!closer.closes_by.empty() && closer.closes_by != was.by))
                continue;
            if (closer.date && *closer.date < *talk.date)
                throw DataError(fmt::format(
                    N_("--amend: the entry of {} closes the follow-up of {}, and would then close "
                       "one of a later day; amend or delete that one first (nothing was changed)"),
                    talk_handle(child.talks, j), handle_text));
            closer.closes = talk.date;
            if (closer.closes_kind || that_day > 0) closer.closes_kind = talk.kind;
            if (!closer.closes_by.empty() || that_day > 0) closer.closes_by = talk.by;
        }
    }
    const bool changed =
        talk_differences(child.talks[at], talk).size() > 0 || !same_talk(child.talks[at], talk);
    child.talks[at] = talk;
    ctx.journal->action = fmt::format("log-talk {} --amend {}", child.id, handle_text);
    const bool written = changed && session.write_child(child);
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format("{} {} {} {} by {}\n", written ? "amended" : "unchanged",
                                        child.id, talk.date->iso(), key_of(talk.kind), talk.by));
    return 0;
}

int run_one(const TalkOptions& o, Context& ctx) {
    if (o.id.empty() && o.klass.empty())
        throw UsageError(N_("which child? liushou log-talk ID --by T --summary TEXT"));
    if (!o.delete_date.empty()) return run_delete(o, ctx);
    if (!o.amend_handle.empty()) return run_amend_handle(o, ctx);
    // A missing option is a usage error (exit 2), as CLI11's own are, not bad data.
    if (trim(o.summary).empty()) throw UsageError("--summary: say what the talk was about");
    if (trim(o.by).empty())
        throw UsageError(N_("--by: say who held the talk (a staff id or name)"));
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
        throw UsageError(N_("--close-kind and --close-text go with --close-follow-up"));
    // Run twice, --close-follow-up finds the follow-up closed by the first run: the entry
    // that closed it, the same in every other way, is this one, already logged.
    if (o.close_opt->count() && !o.amend)
        for (const Talk& t : child.talks)
            if (t.closes && t.date == talk.date && t.kind == talk.kind && t.by == talk.by &&
                t.summary == talk.summary && t.mood == talk.mood && t.follow_up == talk.follow_up) {
                if (!ctx.quiet)
                    ctx.out << say(
                        ctx,
                        fmt::format(
                            N_("already logged {} {} {} by {}, closing the follow-up of {}") "\n",
                            child.id, talk.date->iso(), key_of(talk.kind), talk.by,
                            t.closes->iso()));
                return 0;
            }
    if (o.close_opt->count()) {
        std::optional<TalkKind> close_kind;
        if (!o.close_kind.empty()) {
            close_kind = enum_from_text<TalkKind>(o.close_kind);
            if (!close_kind)
                throw UsageError(fmt::format(N_("--close-kind {}: use one of {}"), o.close_kind,
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
            throw DataError(
                fmt::format(N_("--close-follow-up: {} has no open follow-up"), child.id));
        if (chosen.empty() && day && same_day.empty()) {
            talk.closes = day;  // check_talk names the missing follow-up
        } else if (chosen.empty()) {
            throw DataError(fmt::format(
                N_("--close-follow-up: no open follow-up of {} matches the kind or text given"),
                child.id));
        } else if (chosen.size() > 1) {
            std::string which;
            for (const Talk* t : chosen)
                which +=
                    (which.empty() ? "" : "; ") + fmt::format("{} {} by {}: {}", t->date->iso(),
                                                              key_of(t->kind), t->by, t->follow_up);
            throw UsageError(fmt::format(
                N_("--close-follow-up: {} has {} open follow-ups ({}); say which with its date, "
                   "--close-kind or --close-text"),
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
        // Several entries of that day, kind and teacher: each has its handle, which
        // --amend=HANDLE takes.
        std::vector<size_t> several;
        for (size_t i : talks_of_day(child.talks, *talk.date))
            if (child.talks[i].kind == talk.kind && child.talks[i].by == talk.by)
                several.push_back(i);
        if (several.size() > 1)
            throw DataError(fmt::format(
                N_("--amend: {} has {} {}s of {} by {} ({}); say which with its handle, e.g. "
                   "--amend={} (nothing was changed)"),
                child.id, several.size(), key_of(talk.kind), talk.date->iso(), talk.by,
                describe_talks(child.talks, several), talk_handle(child.talks, several.front())));
        const size_t found = replace_talk(child, talk);
        if (found != 1)
            throw DataError(
                fmt::format(N_("--amend: {} has no {} of {} by {} to amend; nothing was changed"),
                            child.id, key_of(talk.kind), talk.date->iso(), talk.by));
    }
    if (outcome == TalkAdd::differs) {
        std::string fields;
        for (const auto& f : differs) fields += (fields.empty() ? "" : ", ") + f;
        throw DataError(fmt::format(
            N_("{} already has this {} of {} by {} with a different {}; nothing was logged. To "
               "change the logged one, run the same command with --amend"),
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
                                : N_("already logged"),
                        child.id, talk.date->iso(), key_of(talk.kind), talk.by,
                        talk.closes ? ", closing the follow-up of " + talk.closes->iso() : ""));
    return 0;
}

}  // namespace

void setup_log_talk(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<TalkOptions>();
    cmd.add_option("id", o->id, N_("The child"))->type_name("ID");
    cmd.add_option("more", o->more_ids, N_("More children, for one meeting of several"))
        ->type_name("ID...");
    cmd.add_option(
           "--class", o->klass,
           N_("Every child enrolled in this class on the day (a 座谈会 or 家长会), e.g. 3-2"))
        ->type_name("G-C");
    cmd.add_option("--by", o->by, N_("Who held it: a staff id or unique name"))->type_name("T");
    cmd.add_option("--date", o->date, N_("When (default: today)"))->type_name("DATE");
    o->kind_opt =
        cmd.add_option("--kind", o->kind,
                       N_("talk | home_visit | family_call | meeting | counselling | greeting "
                          "(谈心/家访/亲情电话/座谈会/心理辅导/生日祝福; default talk)"));
    cmd.add_option("--summary", o->summary, N_("What was talked about (记录卡)"))
        ->type_name("TEXT");
    cmd.add_option("--delete", o->delete_date,
                   N_("Delete the child's entry of DATE (a wrong one); --kind or --by say which "
                      "when the day has several, or its handle (2026-03-10#2, shown by report "
                      "child)"))
        ->type_name("DATE|HANDLE");
    cmd.add_option("--mood", o->mood, "good | ok | low (好/一般/低落)");
    cmd.add_option("--follow-up", o->follow_up, N_("Something to follow up (跟进事项)"))
        ->type_name("TEXT");
    o->close_opt = cmd.add_option("--close-follow-up", o->close,
                                  N_("Close the open follow-up from DATE (the only one when no "
                                     "date is given)"))
                       ->type_name("[DATE]")
                       ->expected(0, 1);
    cmd.add_option("--close-kind", o->close_kind,
                   N_("With --close-follow-up: the kind of the entry whose follow-up is closed, "
                      "when several share its date"))
        ->type_name("KIND");
    cmd.add_option("--close-text", o->close_text,
                   N_("With --close-follow-up: words of the follow-up to close, when several "
                      "share its date"))
        ->type_name("TEXT");
    o->amend_opt =
        cmd.add_option("--amend", o->amend_handle,
                       N_("Replace the entry of that date and kind by that teacher (to correct its "
                          "summary, mood or follow-up) instead of adding one; --amend=HANDLE "
                          "(report child shows it) changes only the options given of that entry"))
            ->type_name("[HANDLE]")
            ->expected(0, 1);
    auto* csv =
        cmd.add_option(
               "--from,--from-csv", o->files,
               N_("Log a sheet of talks (CSV or .xlsx): 学号 or 姓名, 日期, 类型, 教师, 内容, "
                  "情绪, "
                  "跟进事项; or checklists returned filled in (schedule --per-teacher), several at "
                  "once"))
            ->type_name("FILE...");
    add_sheet_options(cmd, csv, o->encoding, o->sheet);
    cmd.add_option("--month", o->month,
                   N_("With --from: the month of the returned checklists (default: this month); a "
                      "checklist of another month is refused"))
        ->type_name("YYYY-MM")
        ->needs(csv);
    cmd.add_flag("--dry-run", o->dry_run, N_("Print what the sheet would log; write nothing"))
        ->needs(csv);
    cmd.callback([o, &run] {
        o->amend = o->amend_opt->count() > 0;
        run = [o](Context& ctx) {
            if (!o->files.empty()) {
                // --from takes several files, so an id after it lands among them: a word
                // that is no file and has neither a dot nor a slash is taken for the id it is.
                const bool id_among_files =
                    std::any_of(o->files.begin() + 1, o->files.end(), [](const std::string& f) {
                        return f.find_first_of("./") == std::string::npos &&
                               ::access(f.c_str(), F_OK) != 0;
                    });
                if (!o->id.empty() || !o->by.empty() || !o->summary.empty() || o->amend ||
                    !o->klass.empty() || id_among_files)
                    throw UsageError(
                        N_("--from takes no child id, --class, --by, --summary or --amend"));
                return run_sheet(*o, ctx);
            }
            return run_one(*o, ctx);
        };
    });
}

}  // namespace liushou
