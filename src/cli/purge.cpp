// liushou purge and liushou privacy (#43): forgetting children who left long enough ago, in
// the files (one journalled batch) and, with --history, in git's history too; and where
// personal data lives, who is due. See liushou-purge(1), liushou-privacy(1), docs/privacy.md.
#include "liushou/purge.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct PurgeOptions {
    std::string left_before;
    std::string value;
    bool history = false;
    bool yes = false;
};

const char* plural(size_t n) {
    return n == 1 ? "" : "s";
}

/// What a purge removes from a child, said as a teacher would: one phrase per kind of field
/// (the catalogue has each in Chinese), in the file's order.
std::string field_summary(const std::vector<std::string>& fields) {
    static const std::vector<std::pair<std::string_view, std::string_view>> kKinds = {
        {"name", N_("the child's name")},
        {"id_number", "身份证号"},
        {"ethnicity", "ethnicity"},
        {"birth_date", N_("the day of birth")},
        {"health", "health"},
        {"home_address", N_("the home address")},
        {"notes", "notes"},
        {"parents", N_("the parents' details")},
        {"guardian", N_("the guardian's details")},
        {"support", N_("the individual plan")},
        {"pairing.proxy_parent", N_("the proxy parent")},
        {"pairing.buddy", N_("classmates named as buddies")},
        {"pairing.history", N_("the proxy parent")},
        {"pairing.plan", N_("help plans and progress notes")},
        {"pairing.progress", N_("help plans and progress notes")},
        {"talks", N_("what the talks said")},
        {"changes", N_("the individual plan")},
    };
    std::vector<std::string_view> seen;
    for (const auto& f : fields) {
        std::string_view kind = N_("keys liushou does not know");
        for (const auto& [prefix, phrase] : kKinds)
            if (f.rfind(prefix, 0) == 0 &&
                (f.size() == prefix.size() || f[prefix.size()] == '.' || f[prefix.size()] == '['))
                kind = phrase;
        if (std::find(seen.begin(), seen.end(), kind) == seen.end()) seen.push_back(kind);
    }
    std::string out;
    for (const auto& k : seen) out += (out.empty() ? "" : ", ") + std::string(k);
    return out;
}

/// At a terminal: asks, and says whether the answer is yes. Elsewhere: refuses, since nobody
/// can answer (--yes is required).
bool confirmed(Context& ctx, const std::string& question) {
    if (!::isatty(0))
        throw UsageError(
            N_("nothing was changed: add --yes to do it (standard input is not a "
               "terminal, so liushou cannot ask)"));
    ctx.out << say(ctx, question) << " [y/N] ";
    ctx.out.flush();
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "是";
}

/// transferred, or 转出 in Chinese.
std::string status_word(const Child& c, const Context& ctx) {
    return std::string(message_language(ctx) == "en" ? key_of(c.status) : zh_of(c.status));
}

bool in_git(const std::string& root) {
    return run_git({"rev-parse", "--is-inside-work-tree"}, root) == 0;
}

/// `value` must name one mistake, not a word every file has; and it must be gone from the
/// files already (history is what purge --value rewrites).
void require_removable_value(const Tree& tree, const std::string& value) {
    size_t chars = 0;
    for (unsigned char ch : value) chars += (ch & 0xc0) != 0x80;
    if (value.size() < 4 || chars < 2 || value.find('\n') != std::string::npos ||
        value.find("==>") != std::string::npos)
        throw UsageError(
            N_("--value: give the whole mistyped value (at least 2 characters and 4 bytes, one "
               "line), so that nothing else matches it"));
    std::vector<std::string> files = {"liushou.yaml", "staff.yaml"};
    for (const auto& id : tree.child_ids()) files.push_back(tree.child_relative(id));
    for (const auto& id : tree.activity_ids()) files.push_back("activities/" + id + ".yaml");
    for (const auto& f : files) {
        std::string text;
        try {
            text = read_regular_file(tree.root() + "/" + f, tree.display(f), kMaxRecordBytes);
        } catch (const Error&) {
            continue;  // staff.yaml may not exist
        }
        const size_t at = text.find(value);
        if (at == std::string::npos) continue;
        const long line = std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1;
        throw DataError(
            fmt::format(N_("the value is still in the file; correct the record first, then purge "
                           "--value removes it from history. Nothing was changed")),
            tree.display(f), static_cast<int>(line), 1);
    }
}

/// The history rewrite and its record in liushou.yaml (committed by the caller's journal).
int rewrite(Tree& tree, WriteSession& session, const std::string& value, bool yes, Context& ctx) {
    Loaded<School> school = tree.load_school();
    require_writable(school, ctx);
    PrivacySettings privacy = read_privacy(school.record);
    if (value.empty() && privacy.purged_ids().empty())
        throw UsageError(
            N_("nobody has been purged yet, so there is no history to rewrite; liushou purge "
               "--left-before DATE first"));
    if (!value.empty()) require_removable_value(tree, value);
    if (!yes &&
        !confirmed(ctx, N_("Rewrite every commit of this repository? Every other clone must be "
                           "replaced afterwards; this cannot be undone.")))
        return kOk;
    const HistoryRewrite r = rewrite_history(tree.root(), privacy, value);
    privacy.history_rewritten = ctx.today;
    for (const auto& root : r.old_roots)
        if (std::find(privacy.replaced_roots.begin(), privacy.replaced_roots.end(), root) ==
            privacy.replaced_roots.end())
            privacy.replaced_roots.push_back(root);
    school = tree.load_school();  // as the rewritten commit has it
    require_writable(school, ctx);
    write_privacy(school.record, privacy);
    ctx.journal->action = value.empty() ? "purge --history" : "purge --value";
    session.write_school(school.record);
    forget_cache(tree.root());
    ctx.commit = true;
    if (ctx.quiet) return kOk;
    ctx.out << say(ctx, fmt::format("rewrote git history: {} file version{} replaced; no commit, "
                                    "tag, reflog or object keeps {}\n",
                                    r.blobs, plural(r.blobs),
                                    value.empty() ? N_("a purged value") : N_("the value")));
    ctx.out << say(ctx,
                   N_("every other copy of the repository (a teacher's PC, a county's clone, a "
                      "backup) still holds the old history: replace each with a new clone of this "
                      "one, or a PC that syncs by file with a new tree from a full sync (liushou "
                      "sync --to … --full); sync files made before now are refused") "\n");
    return kOk;
}

/// The children a purge takes: those who left before `cutoff`, and any the record names whose
/// file holds a personal field again. Ids in file order.
std::vector<size_t> due_children(const std::vector<Child>& children,
                                 const std::optional<Date>& cutoff,
                                 const PrivacySettings& privacy) {
    std::vector<size_t> due;
    for (size_t i = 0; i < children.size(); ++i) {
        const Child& c = children[i];
        const auto left = left_on(c);
        const bool old = cutoff && left && *left < *cutoff;
        const bool back = privacy.purged_on(c.id) && (!purged_on(c) || !personal_fields(c).empty());
        if ((old && !personal_fields(c).empty()) || back) due.push_back(i);
    }
    return due;
}

int run_purge(const PurgeOptions& o, Context& ctx) {
    Tree tree = open_tree(ctx);
    if (!o.value.empty()) {
        if (!o.left_before.empty())
            throw UsageError(
                N_("--value rewrites history alone; give --left-before in a run of "
                   "its own"));
        WriteSession session = tree.lock();
        return rewrite(tree, session, o.value, o.yes, ctx);
    }
    Loaded<School> school = tree.load_school();
    require_writable(school, ctx);
    PrivacySettings privacy = read_privacy(school.record);
    if (!privacy.error.empty()) throw DataError(privacy.error, school.path, 1, 1);
    std::optional<Date> cutoff;
    if (!o.left_before.empty()) {
        const DateParse d = parse_iso_date(o.left_before);
        if (!d.date)
            throw UsageError(fmt::format(N_("--left-before {}: {}"), o.left_before, d.error));
        if (*d.date > ctx.today)
            throw UsageError(
                fmt::format(N_("--left-before {}: the day is in the future"), o.left_before));
        cutoff = d.date;
    } else if (privacy.retention_years) {
        cutoff = years_after(ctx.today, -*privacy.retention_years);
    } else if (!o.history && privacy.purges.empty()) {
        throw UsageError(
            N_("give --left-before DATE, or set how long data is kept "
               "(privacy.retention_years in liushou.yaml)"));
    }

    WriteSession session = tree.lock();
    std::vector<Child> children = writable_children(tree, ctx);
    const std::vector<size_t> due = due_children(children, cutoff, privacy);
    if (due.empty()) {
        if (!ctx.quiet && cutoff)
            ctx.out << say(
                ctx,
                fmt::format(
                    N_("no child who left before {} still has personal data in the files") "\n",
                    cutoff->iso()));
        return o.history ? rewrite(tree, session, "", o.yes, ctx) : kOk;
    }
    if (!ctx.quiet || !o.yes) {
        for (size_t i : due) {
            const Child& c = children[i];
            const auto left = left_on(c);
            ctx.out << say(
                ctx, fmt::format(N_("{}: {} on {}; removes {}") "\n", c.id, status_word(c, ctx),
                                 left ? left->iso() : std::string("-"),
                                 field_summary(personal_fields(c))));
        }
    }
    if (!o.yes &&
        !confirmed(
            ctx,
            fmt::format(
                fmt::runtime(
                    due.size() == 1
                        ? N_("Purge the personal data of these {} child? This cannot be undone.")
                        : N_("Purge the personal data of these {} children? This cannot be "
                             "undone.")),
                due.size())))
        return kOk;

    // Names the purged children had, to be replaced by their ids elsewhere: not a name a
    // child who stays also has.
    std::set<std::string> staying;
    std::set<size_t> taken(due.begin(), due.end());
    for (size_t i = 0; i < children.size(); ++i)
        if (!taken.count(i)) staying.insert(children[i].name);
    std::map<std::string, std::string> names;  // name -> id
    PurgeRecord record{ctx.today, {}};
    for (size_t i : due) {
        Child& c = children[i];
        if (!c.name.empty() && c.name != c.id && !staying.count(c.name)) names[c.name] = c.id;
        if (!privacy.purged_on(c.id)) record.ids.push_back(c.id);
        purge_child(c, ctx.today);
    }
    // A buddy named by name, an activity's title or summary, a ticked task's note.
    std::vector<size_t> others;
    for (size_t i = 0; i < children.size(); ++i) {
        if (taken.count(i)) continue;
        bool changed = false;
        for (auto& b : children[i].pairing.buddies)
            if (const auto it = names.find(b); it != names.end()) b = it->second, changed = true;
        if (changed) others.push_back(i);
    }
    std::vector<Activity> activities;
    for (auto& file : tree.load_activities()) {
        require_writable(file, ctx);
        size_t n = 0;
        for (const auto& [name, id] : names)
            n += replace_names(file.record.title, {name}, id) +
                 replace_names(file.record.summary, {name}, id);
        if (n) activities.push_back(std::move(file.record));
    }
    for (auto& tick : school.record.plan_done)
        for (const auto& [name, id] : names) replace_names(tick.note, {name}, id);
    if (!record.ids.empty()) privacy.purges.push_back(record);
    write_privacy(school.record, privacy);

    ctx.journal->action = "purge";
    // One batch (.liushou/journal): a kill leaves every file as it was or every one purged.
    session.begin_batch(true);
    for (size_t i : due) session.write_child(children[i]);
    for (size_t i : others) session.write_child(children[i]);
    for (const auto& a : activities) session.write_activity(a);
    session.write_school(school.record);
    session.end_batch();
    forget_cache(tree.root());
    if (!ctx.quiet)
        ctx.out << say(
            ctx,
            fmt::format(
                fmt::runtime(due.size() == 1
                                 ? N_("purged {} child: personal data removed from the files; "
                                      "earlier versions stay in git history until liushou "
                                      "purge --history") "\n"
                                 : N_("purged {} children: personal data removed from the files; "
                                      "earlier versions stay in git history until liushou "
                                      "purge --history") "\n"),
                due.size()));
    if (!in_git(tree.root())) return kOk;
    // A restored file purged again may be the committed one once more: nothing to commit.
    std::vector<std::string> status = {"status", "--porcelain", "--"};
    status.insert(status.end(), ctx.journal->files.begin(), ctx.journal->files.end());
    std::string changed;
    run_git(status, tree.root(), &changed);
    if (changed.empty()) return kOk;
    ctx.commit = true;
    if (!o.history) return kOk;
    // The purge is committed before history is rewritten, which needs no change outstanding.
    if (const int code = commit_if_asked(ctx); code != kOk) return code;
    ctx.journal->files.clear();
    return rewrite(tree, session, "", o.yes, ctx);
}

}  // namespace

void setup_purge(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<PurgeOptions>();
    cmd.add_option("--left-before", o->left_before,
                   N_("Purge children who left before this day (default: today less "
                      "privacy.retention_years of liushou.yaml)"))
        ->type_name("DATE");
    cmd.add_flag(
        "--history", o->history,
        N_("Rewrite git history too (git-filter-repo), so no commit keeps a purged value"));
    cmd.add_option("--value", o->value,
                   N_("Remove one mistyped value from every commit of git history"))
        ->type_name("TEXT");
    cmd.add_flag("--yes,-y", o->yes, N_("Do it without asking (required when not at a terminal)"));
    cmd.callback([o, &run] { run = [o](Context& ctx) { return run_purge(*o, ctx); }; });
}

// ---- liushou privacy -----------------------------------------------------------------------

namespace {

int run_privacy(Context& ctx) {
    const Tree tree = open_tree(ctx);
    const Loaded<School> school = tree.load_school();
    const PrivacySettings privacy = school.parsed ? read_privacy(school.record) : PrivacySettings{};
    bool skipped = false;
    const std::vector<Child> children = readable_children(tree, ctx, skipped);
    auto line = [&](const std::string& text) { ctx.out << say(ctx, text + "\n"); };
    line(N_("where personal data lives in this tree:"));
    line(
        "  " N_("children/*.yaml: names, 身份证号, birth dates, addresses, health, parents' and "
                "guardians' names and phones, notes, talks"));
    line("  " N_("activities/*.yaml: titles and summaries may name children"));
    line("  " N_("staff.yaml: teachers' names and phones"));
    line("  " N_(".liushou/cache: a copy of the records, for speed"));
    if (in_git(tree.root()))
        line(
            "  " N_("git history (.git): every earlier version of these files, every value ever "
                    "typed (git log -p)"));
    if (!privacy.error.empty()) line(fmt::format(N_("{}: {}"), school.path, privacy.error));
    std::optional<Date> cutoff;
    if (privacy.retention_years) {
        cutoff = years_after(ctx.today, -*privacy.retention_years);
        line(
            fmt::format("retention: {} year{} after leaving (liushou.yaml privacy."
                        "retention_years)",
                        *privacy.retention_years, plural(*privacy.retention_years)));
    } else {
        line(N_("retention: not set (privacy.retention_years in liushou.yaml)"));
    }
    size_t left = 0, due = 0, purged = 0;
    std::string rows;
    for (const Child& c : children) {
        const auto on = left_on(c);
        if (!on) continue;
        ++left;
        std::string state;
        if (const auto p = purged_on(c); p && personal_fields(c).empty()) {
            ++purged;
            state = fmt::format(N_("purged on {}"), p->valid() ? p->iso() : "-");
        } else if (cutoff && *on < *cutoff) {
            ++due;
            state = N_("due now");
        } else if (privacy.retention_years) {
            state = fmt::format(N_("purge due on {}"),
                                years_after(*on, *privacy.retention_years).iso());
        } else {
            state = "kept";
        }
        rows += say(ctx, fmt::format("  " N_("{}: {} on {}, {}") "\n", c.id, status_word(c, ctx),
                                     on->iso(), state));
    }
    line(fmt::format(N_("children who have left: {}"), left));
    ctx.out << rows;
    if (privacy.retention_years)
        line(fmt::format("due for purge now: {}{}", due, due ? " (liushou purge --yes)" : ""));
    line(fmt::format(N_("purged children: {}"), purged));
    if (privacy.history_rewritten)
        line(fmt::format(N_("git history last rewritten: {}"), privacy.history_rewritten->iso()));
    else if (!privacy.purges.empty())
        line(
            N_("git history never rewritten: earlier versions keep purged values (liushou purge "
               "--history)"));
    else
        line(N_("git history never rewritten"));
    return skipped ? kDataProblem : kOk;
}

}  // namespace

void setup_privacy(CLI::App& cmd, Runner& run) {
    cmd.callback([&run] { run = [](Context& ctx) { return run_privacy(ctx); }; });
}

}  // namespace liushou
