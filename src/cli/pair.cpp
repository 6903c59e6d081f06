// liushou pair: 结对帮扶 — teacher, buddy and proxy parent over time, help plans, progress,
// and the school-wide views: who is unpaired, how the load is spread, a proposal to fill gaps.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/schedule.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

struct PairOptions {
    std::string id;
    CLI::Option* teacher_opt = nullptr;
    CLI::Option* buddy_opt = nullptr;
    CLI::Option* proxy_opt = nullptr;
    CLI::Option* since_opt = nullptr;
    std::string teacher, proxy_parent, since;
    std::vector<std::string> buddies;
    std::string plan, from, to, goal;
    CLI::Option* progress_opt = nullptr;
    std::string progress, date, subject, score;
    bool unpaired = false, load = false, suggest = false, apply = false;
    std::string format = "table";  // of the views: table or json
};

/// `pair ID --since DATE` alone: the current pairing began on another day (entered late, or
/// a transfer must come after it). The pairing before it, when it ended the day before the old
/// start, ends the day before the new one, so the periods stay end to end; a start on or before
/// that pairing's own start, or in a gap no enrolment covers, is refused.
bool move_pairing_start(Child& child, const Date& since, std::vector<std::string>& errors) {
    Pairing& p = child.pairing;
    if (p.teacher.empty() && p.buddies.empty() && p.proxy_parent.empty()) {
        errors.push_back(fmt::format(
            N_("--since: {} has no pairing whose start could move; pair it with --teacher T"),
            child.id));
        return false;
    }
    if (p.since == since) return false;
    PairingPeriod* before = p.history.empty() ? nullptr : &p.history.back();
    const bool end_to_end = before && before->to && p.since && *before->to == p.since->add_days(-1);
    if (before && before->from && since <= *before->from) {
        errors.push_back(
            fmt::format(N_("--since: {} is not after the pairing before it began ({})"),
                        since.iso(), before->from->iso()));
        return false;
    }
    if (before && !end_to_end && before->to && since <= *before->to) {
        errors.push_back(
            fmt::format(N_("--since: {} is not after the pairing before it ended ({})"),
                        since.iso(), before->to->iso()));
        return false;
    }
    if (const std::string why = not_enrolled_reason(child, since); !why.empty()) {
        errors.push_back("--since: " + why);
        return false;
    }
    if (end_to_end) before->to = since.add_days(-1);
    p.since = since;
    return true;
}

std::string class_of(const Child& c) {
    return c.grade && c.class_no ? fmt::format("{}-{}", *c.grade, *c.class_no) : std::string();
}

int run_views(const PairOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    const auto school = tree.load_school();
    const std::string lang = output_language(ctx, school.parsed ? &school.record : nullptr);
    const bool en = lang == "en";
    const StaffList staff = load_staff_checked(tree, ctx);
    bool skipped = false;
    std::vector<Child> children = readable_children(tree, ctx, skipped);
    std::sort(children.begin(), children.end(),
              [](const Child& a, const Child& b) { return natural_less(a.id, b.id); });

    // JSON for scripts: versioned, keys and values the same in every language.
    const bool json = o.format == "json";
    auto number = [](const std::optional<int>& n) { return n ? std::to_string(*n) : "null"; };
    std::string items;
    auto item = [&](const std::vector<std::pair<std::string, std::string>>& fields) {
        items += (items.empty() ? "\n    " : ",\n    ") + json_object(fields);
    };
    auto print_json = [&](const char* key, const std::string& extra) {
        ctx.out << fmt::format("{{\n  \"liushou_json\": 1,\n  \"{}\": [{}{}]{}\n}}\n", key, items,
                               items.empty() ? "" : "\n  ", extra);
    };
    if (o.unpaired) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& c : children)
            if (c.status == Status::enrolled && c.pairing.teacher.empty()) {
                rows.push_back({c.id, c.name, class_of(c)});
                item({{"id", json_string(c.id)},
                      {"name", json_string(c.name)},
                      {"grade", number(c.grade)},
                      {"class", number(c.class_no)}});
            }
        if (json) {
            print_json("unpaired", "");
            return skipped ? kDataProblem : kOk;
        }
        ctx.out << render_table({label("id", lang), label("name", lang), tr(lang, "Class")}, rows);
        if (!ctx.quiet) ctx.out << trf(lang, "{} unpaired\n", rows.size());
    } else if (o.load) {
        const auto load = teacher_load(children, staff);
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : staff.staff) {
            const std::string role =
                s.role ? std::string(en ? key_of(*s.role) : zh_of(*s.role)) : "";
            const std::string klass =
                s.grade && s.class_no ? fmt::format("{}-{}", *s.grade, *s.class_no) : "";
            rows.push_back({s.id, s.name, role, klass, std::to_string(load.at(s.id))});
            item({{"id", json_string(s.id)},
                  {"name", json_string(s.name)},
                  {"role", s.role ? json_string(key_of(*s.role)) : "null"},
                  {"grade", number(s.grade)},
                  {"class", number(s.class_no)},
                  {"children", std::to_string(load.at(s.id))},
                  {"in_staff", "true"}});
        }
        for (const auto& [id, n] : load)
            if (!staff.find(id)) {
                rows.push_back({id, tr(lang, "(not in staff.yaml)"), "", "", std::to_string(n)});
                item({{"id", json_string(id)},
                      {"name", "null"},
                      {"role", "null"},
                      {"grade", "null"},
                      {"class", "null"},
                      {"children", std::to_string(n)},
                      {"in_staff", "false"}});
            }
        if (json) {
            print_json("load", "");
            return skipped ? kDataProblem : kOk;
        }
        ctx.out << render_table({label("staff_id", lang), label("name", lang), label("role", lang),
                                 tr(lang, "Class"), label("children", lang)},
                                rows);
    } else {
        const auto suggestions = suggest_pairings(children, staff);
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : suggestions) {
            const auto child = std::find_if(children.begin(), children.end(),
                                            [&](const Child& c) { return c.id == s.child_id; });
            const std::string reason = s.reason == "head_teacher"
                                           ? tr(lang, "head teacher of the class")
                                           : tr(lang, "fewest children");
            rows.push_back({s.child_id, child->name, class_of(*child), s.teacher,
                            staff.find(s.teacher)->name, reason});
            item({{"id", json_string(s.child_id)},
                  {"name", json_string(child->name)},
                  {"grade", number(child->grade)},
                  {"class", number(child->class_no)},
                  {"teacher", json_string(s.teacher)},
                  {"reason", json_string(s.reason)}});
        }
        if (!json)
            ctx.out << render_table(
                {label("id", lang), label("name", lang), tr(lang, "Class"), label("teacher", lang),
                 tr(lang, "Teacher's name"), tr(lang, "Why")},
                rows);
        if (o.apply && !suggestions.empty()) {
            WriteSession session = tree.lock();
            ctx.journal->action = "pair --suggest --apply";
            int written = 0;
            for (const auto& s : suggestions) {
                Child child = load_child_for_write(tree, s.child_id, ctx);
                Problems problems;
                if (!child.pairing.teacher.empty()) continue;  // paired since we looked
                if (repair(child, PairingChange{s.teacher, std::nullopt, std::nullopt, ctx.today},
                           problems) &&
                    session.write_child(child))
                    ++written;
            }
            if (json)
                print_json("suggestions", fmt::format(",\n  \"paired\": {}", written));
            else if (!ctx.quiet)
                ctx.out << trf(lang, "paired {} children\n", written);
        } else if (json) {
            print_json("suggestions", ",\n  \"paired\": 0");
        } else if (!suggestions.empty() && !ctx.quiet) {
            ctx.out << (tr(lang, "nothing written; add --apply to pair them\n"));
        }
    }
    return skipped ? kDataProblem : kOk;
}

int run_pair(const PairOptions& o, Context& ctx) {
    if (o.format != "table" && !o.unpaired && !o.load && !o.suggest)
        throw UsageError(N_("--format is for --unpaired, --load and --suggest"));
    const bool pairing = o.teacher_opt->count() || o.buddy_opt->count() || o.proxy_opt->count();
    const bool plan = !o.plan.empty();
    const bool progress = o.progress_opt->count() > 0;
    // --since alone moves the current pairing's start (what enroll's refusal of a transfer
    // before it asks for).
    const bool move = !pairing && o.since_opt->count() > 0;
    if (!pairing && !plan && !progress && !move)
        throw UsageError(
            N_("say what to record: --teacher/--buddy/--proxy-parent, --since, --plan or "
               "--progress (or use --unpaired, --load, --suggest)"));
    if (move && (plan || progress))
        throw UsageError(
            N_("--since alone moves the pairing's start; give --plan or --progress apart"));
    if (plan && (o.from.empty() || o.to.empty()))
        throw UsageError(N_("a help plan needs --from and --to"));
    if (!plan && (!o.from.empty() || !o.to.empty() || !o.goal.empty()))
        throw UsageError(N_("--from, --to and --goal go with --plan"));
    if (!progress && (!o.date.empty() || !o.subject.empty() || !o.score.empty()))
        throw UsageError(N_("--date, --subject and --score go with --progress"));

    const Tree tree = open_tree(ctx);
    const std::string id = child_argument(tree, o.id, ctx);
    tree.child_relative(id);  // refuse ids that could leave children/
    WriteSession session = tree.lock();
    Child child = load_child_for_write(tree, id, ctx);
    const StaffList staff = load_staff_checked(tree, ctx);
    std::vector<std::string> done;
    std::vector<std::string> errors;

    if (pairing) {
        PairingChange change;
        change.since = date_option("--since", o.since, ctx.today, ctx.today);
        if (o.teacher_opt->count()) {
            std::string error;
            const Staff* s = find_staff(staff, o.teacher, error);
            if (!s)
                errors.push_back("--teacher: " + error);
            else
                change.teacher = s->id;
        }
        if (o.buddy_opt->count()) {
            // Names are looked up among every child only when one is given.
            std::vector<Child> children;
            if (std::any_of(o.buddies.begin(), o.buddies.end(), [](const std::string& b) {
                    return !trim(b).empty() && !looks_like_child_id(std::string(trim(b)));
                })) {
                bool skipped = false;
                children = readable_children(tree, ctx, skipped);
            }
            const BuddyChoice choice = resolve_buddies(
                child, o.buddies,
                [&](std::string_view other) { return tree.child_exists(std::string(other)); },
                children);
            for (const auto& e : choice.errors) errors.push_back("--buddy: " + e);
            change.buddies = choice.buddies;
        }
        if (o.proxy_opt->count()) change.proxy_parent = o.proxy_parent;
        if (errors.empty()) {
            const size_t history_before = child.pairing.history.size();
            Problems problems;
            const bool changed = repair(child, change, problems);
            for (const auto& p : problems)
                errors.push_back(fmt::format("--{}: {}", p.field, p.message));
            if (changed) {
                std::string what = fmt::format(N_("paired {} with {} from {}"), child.id,
                                               child.pairing.teacher, change.since.iso());
                if (!child.pairing.buddies.empty())
                    what += fmt::format(", {} {}",
                                        child.pairing.buddies.size() > 1 ? "buddies" : "buddy",
                                        join(child.pairing.buddies, ", "));
                if (child.pairing.history.size() > history_before)
                    what +=
                        fmt::format(" (before: {} until {})", child.pairing.history.back().teacher,
                                    child.pairing.history.back().to->iso());
                done.push_back(what);
            }
        }
    }
    if (move) {
        const std::string old = child.pairing.since ? child.pairing.since->iso() : "";
        const Date since = date_option("--since", o.since, ctx.today, ctx.today);
        if (move_pairing_start(child, since, errors))
            done.push_back(old.empty()
                               ? fmt::format(N_("the pairing of {} with {} now begins {}"),
                                             child.id, child.pairing.teacher, since.iso())
                               : fmt::format(N_("the pairing of {} with {} now begins {} "
                                                "(was {})"),
                                             child.id, child.pairing.teacher, since.iso(), old));
    }
    if (plan) {
        PlanItem item;
        const DateParse from = parse_flexible_date(o.from), to = parse_flexible_date(o.to);
        if (!from.date) errors.push_back("--from: " + from.error);
        if (!to.date) errors.push_back("--to: " + to.error);
        if (from.date && to.date && *to.date < *from.date)
            errors.push_back("--to: " N_("the plan ends before it starts"));
        if (from.date)
            if (const std::string why = not_enrolled_reason(child, *from.date); !why.empty())
                errors.push_back("--from: " + why);
        item.from = from.date;
        item.to = to.date;
        item.content = o.plan;
        item.goal = o.goal;
        if (errors.empty() && add_plan(child, item))
            done.push_back(fmt::format(N_("added a help plan for {} ({} to {})"), child.id,
                                       from.date->iso(), to.date->iso()));
    }
    if (progress) {
        ProgressItem item;
        item.date = date_option("--date", o.date, ctx.today, ctx.today);
        if (const std::string why = not_enrolled_reason(child, *item.date); !why.empty())
            errors.push_back("--date: " + why);
        if (o.progress.empty()) errors.push_back("--progress: " N_("say what progress was made"));
        item.note = o.progress;
        item.subject = o.subject;
        item.score = o.score;
        if (errors.empty() && add_progress(child, item))
            done.push_back(
                fmt::format(N_("added progress for {} on {}"), child.id, item.date->iso()));
    }
    if (!errors.empty()) {
        for (const auto& e : errors) ctx.err << "liushou pair: " << e << "\n";
        ctx.err << fmt::format("liushou pair: {} was not changed\n", child.id);
        return kDataProblem;
    }
    ctx.journal->action = "pair " + child.id;
    session.write_child(child);
    if (!ctx.quiet) {
        if (done.empty()) ctx.out << say(ctx, fmt::format(N_("unchanged {}") "\n", child.id));
        for (const auto& d : done) ctx.out << say(ctx, d + "\n");
    }
    return 0;
}

}  // namespace

void setup_pair(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<PairOptions>();
    cmd.add_option("id", o->id, N_("The child"))->type_name("ID");
    o->teacher_opt = cmd.add_option("--teacher", o->teacher,
                                    N_("Helping teacher (帮扶教师): a staff id or unique name"))
                         ->type_name("T");
    o->buddy_opt =
        cmd.add_option("--buddy", o->buddies,
                       N_("Study buddy (学习帮手): a child's id, or a name (a child's when "
                          "unique, else a classmate's); repeat for several, \"\" for none"))
            ->type_name("B")
            ->expected(1)  // one value each time, so `--buddy B ID` leaves the id
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    o->proxy_opt = cmd.add_option("--proxy-parent", o->proxy_parent, N_("Proxy parent (代理家长)"))
                       ->type_name("P");
    o->since_opt = cmd.add_option("--since", o->since,
                                  N_("Date the pairing starts (default: today); alone, moves the "
                                     "current pairing's start"))
                       ->type_name("DATE");
    cmd.add_option("--plan", o->plan, N_("Add a help plan (学习帮扶计划): what help is given"))
        ->type_name("CONTENT");
    cmd.add_option("--from", o->from, N_("First day of the help plan"))->type_name("DATE");
    cmd.add_option("--to", o->to, N_("Last day of the help plan"))->type_name("DATE");
    cmd.add_option("--goal", o->goal, N_("The plan's staged goal (阶段性目标)"))->type_name("G");
    o->progress_opt =
        cmd.add_option("--progress", o->progress, N_("Add a progress note (进步档案)"))
            ->type_name("NOTE");
    cmd.add_option("--date", o->date, N_("Date of the progress note (default: today)"))
        ->type_name("DATE");
    cmd.add_option("--subject", o->subject, N_("Subject of the progress note"))->type_name("S");
    cmd.add_option("--score", o->score, N_("Score of the progress note"))->type_name("N");
    auto* unpaired =
        cmd.add_flag("--unpaired", o->unpaired, N_("List enrolled children without a teacher"));
    auto* load = cmd.add_flag("--load", o->load, N_("Children per teacher, to balance the load"));
    auto* suggest = cmd.add_flag("--suggest", o->suggest,
                                 N_("Propose teachers for unpaired children (the class's head "
                                    "teacher first, then the least loaded)"));
    cmd.add_flag("--apply", o->apply, N_("With --suggest: carry the proposal out"))->needs(suggest);
    cmd.add_option("--format", o->format,
                   N_("With --unpaired, --load or --suggest: table | json (default table)"))
        ->check(CLI::IsMember({"table", "json"}))
        ->transform(human_format_is("table"));
    unpaired->excludes(load)->excludes(suggest);
    load->excludes(suggest);
    cmd.callback([o, &run] {
        run = [o](Context& ctx) {
            if (o->unpaired || o->load || o->suggest) {
                if (!o->id.empty())
                    throw UsageError(N_("--unpaired, --load and --suggest take no child id"));
                return run_views(*o, ctx);
            }
            if (o->id.empty()) throw UsageError(N_("which child? liushou pair ID ..."));
            return run_pair(*o, ctx);
        };
    });
}

}  // namespace liushou
