// liushou school set and liushou group add | remove: the school's settings and its leading group
// (领导小组) in liushou.yaml, by command, so that nobody has to hand-edit the file.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "liushou/fields.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"
#include "liushou/validate.hpp"

namespace liushou {

namespace {

/// A change to liushou.yaml under the lock: read it, change it, check it, write it.
template <class Change>
int change_school(Context& ctx, const std::string& action, Change change) {
    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    const auto file = tree.load_school();
    require_writable(file, ctx);
    School school = file.record;
    const std::string said = change(school);
    // What the change leaves must be a liushou.yaml check accepts.
    Problems problems;
    validate_school(school, problems);
    if (has_errors(problems)) {
        for (const auto& p : problems)
            if (p.severity == Severity::error)
                ctx.err << fmt::format("liushou: {}: {}\n", p.field, p.message);
        throw DataError(N_("liushou.yaml would not pass check; nothing was written"));
    }
    ctx.journal->action = action;
    const bool written = session.write_school(school);
    if (!ctx.quiet) ctx.out << say(ctx, (written ? said : "unchanged: " + said) + "\n");
    return kOk;
}

struct SchoolSetOptions {
    std::string name, county, language, talks, calls, visits, meetings, months, git_commit;
    CLI::Option *name_opt = nullptr, *county_opt = nullptr, *language_opt = nullptr,
                *talks_opt = nullptr, *calls_opt = nullptr, *visits_opt = nullptr,
                *meetings_opt = nullptr, *months_opt = nullptr, *git_opt = nullptr;
};

int count_value(const std::string& option, const std::string& text) {
    const auto n = parse_small_number(text);
    if (!n || *n < 0 || *n > 31)
        throw UsageError(fmt::format(N_("{} {}: give a number from 0 to 31"), option, text));
    return *n;
}

int run_school_set(const SchoolSetOptions& o, Context& ctx) {
    std::vector<std::string> keys;
    auto given = [&](CLI::Option* opt, const char* key) {
        if (!opt->count()) return false;
        keys.push_back(key);
        return true;
    };
    return change_school(ctx, "school set", [&](School& s) {
        // Named as the message says them, so that the catalogue can put each into Chinese
        // (a bare "school" would turn a directory of that name into 校名 too).
        if (given(o.name_opt, N_("the school's name"))) {
            if (o.name.empty()) throw UsageError(N_("--name: the school needs a name"));
            s.school = o.name;
        }
        if (given(o.county_opt, N_("the county"))) s.county = o.county;
        if (given(o.language_opt, N_("rules.language"))) {
            if (o.language != "zh" && o.language != "en")
                throw UsageError(fmt::format(N_("--language {}: zh or en"), o.language));
            s.rules.language = o.language;
        }
        if (given(o.talks_opt, N_("rules.talks_per_month")))
            s.rules.talks_per_month = count_value("--talks-per-month", o.talks);
        if (given(o.calls_opt, N_("rules.family_calls_per_month")))
            s.rules.family_calls_per_month = count_value("--family-calls-per-month", o.calls);
        if (given(o.visits_opt, N_("rules.home_visits_per_term")))
            s.rules.home_visits_per_term = count_value("--home-visits-per-term", o.visits);
        if (given(o.meetings_opt, N_("rules.guardian_meetings_per_term")))
            s.rules.guardian_meetings_per_term = count_value("--meetings-per-term", o.meetings);
        if (given(o.months_opt, N_("rules.months_without_talks"))) {
            // "1,2,7,8", or "" for none: talks every month.
            std::vector<int> months;
            std::string rest = o.months;
            for (char& ch : rest)
                if (ch == ',' || ch == ' ' || ch == ';') ch = ' ';
            std::istringstream in(rest);
            for (std::string part; in >> part;) {
                const auto m = parse_small_number(part);
                if (!m || *m < 1 || *m > 12)
                    throw UsageError(fmt::format(
                        "--months-without-talks {}: months 1 to 12, e.g. 1,2,7,8", o.months));
                months.push_back(*m);
            }
            std::sort(months.begin(), months.end());
            months.erase(std::unique(months.begin(), months.end()), months.end());
            s.rules.months_without_talks = months;
        }
        if (given(o.git_opt, N_("git_commit (commit every write)"))) {
            const auto yes = parse_yes_no(o.git_commit);
            if (!yes)
                throw UsageError(
                    fmt::format(N_("--git-commit {}: yes or no (是/否)"), o.git_commit));
            s.git_commit = *yes;
        }
        if (keys.empty())
            throw UsageError(fmt::format(N_("nothing to change: give {}"),
                                         "--name, --county, --language or a rule"));
        std::string list;
        for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
        return "set " + list;
    });
}

struct GroupOptions {
    std::string role, name;
};

int run_group_add(const GroupOptions& o, Context& ctx) {
    const std::string role = o.role;
    const bool leader = role == "组长" || role == "leader";
    const bool deputy = role == "副组长" || role == "deputy";
    const bool member = role == "组员" || role == "成员" || role == "member";
    if (!leader && !deputy && !member)
        throw UsageError(
            fmt::format(N_("--role {}: 组长, 副组长 or 组员 (leader, deputy, member)"), role));
    if (o.name.empty()) throw UsageError(N_("--name: whom to add"));
    return change_school(ctx, "group add", [&](School& s) {
        LeadingGroup& g = s.leading_group;
        auto has = [&](const std::vector<std::string>& v) {
            return std::find(v.begin(), v.end(), o.name) != v.end();
        };
        if (g.leader == o.name || has(g.deputies) || has(g.members))
            throw DataError(fmt::format(N_("{} is in the leading group already; group remove first "
                                           "to change the role"),
                                        o.name));
        if (leader) {
            if (!g.leader.empty())
                throw DataError(fmt::format(N_("the group's leader is {}; group remove --name {} "
                                               "first"),
                                            g.leader, g.leader));
            g.leader = o.name;
            return fmt::format(N_("added {} as the group's leader"), o.name);
        }
        (deputy ? g.deputies : g.members).push_back(o.name);
        return fmt::format(deputy ? N_("added {} as a deputy leader of the group")
                                  : N_("added {} as a member of the group"),
                           o.name);
    });
}

int run_group_remove(const GroupOptions& o, Context& ctx) {
    return change_school(ctx, "group remove", [&](School& s) {
        LeadingGroup& g = s.leading_group;
        if (g.leader == o.name) {
            g.leader.clear();
            return fmt::format(N_("removed {}, the group's leader, from the group"), o.name);
        }
        for (auto* v : {&g.deputies, &g.members}) {
            const auto it = std::find(v->begin(), v->end(), o.name);
            if (it != v->end()) {
                v->erase(it);
                return fmt::format(N_("removed {} from the group"), o.name);
            }
        }
        throw DataError(fmt::format(N_("{} is not in the leading group"), o.name));
    });
}

}  // namespace

void setup_school(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto o = std::make_shared<SchoolSetOptions>();
    auto* set =
        cmd.add_subcommand("set", N_("Change the school's name, county, language or rules"));
    o->name_opt = set->add_option("--name", o->name, N_("The school's name"))->type_name("NAME");
    o->county_opt = set->add_option("--county", o->county, N_("The county"))->type_name("NAME");
    o->language_opt =
        set->add_option("--language", o->language, N_("zh or en: of messages and reports"));
    o->talks_opt =
        set->add_option("--talks-per-month", o->talks, N_("Talks each child is owed a month"))
            ->type_name("N");
    o->calls_opt = set->add_option("--family-calls-per-month", o->calls,
                                   N_("Family calls each child is owed a month"))
                       ->type_name("N");
    o->visits_opt = set->add_option("--home-visits-per-term", o->visits,
                                    N_("Home visits each child is owed a term"))
                        ->type_name("N");
    o->meetings_opt = set->add_option("--meetings-per-term", o->meetings,
                                      N_("Guardian meetings each child is owed a term"))
                          ->type_name("N");
    o->months_opt = set->add_option("--months-without-talks", o->months,
                                    N_("Months that owe no talks, e.g. 1,2,7,8 (\"\" for none)"))
                        ->type_name("LIST");
    o->git_opt = set->add_option("--git-commit", o->git_commit,
                                 N_("yes: every write commits what it changed (as --commit)"))
                     ->type_name("yes|no");
    set->callback([o, &run] { run = [o](Context& ctx) { return run_school_set(*o, ctx); }; });
}

void setup_group(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto o = std::make_shared<GroupOptions>();
    auto* add = cmd.add_subcommand("add", N_("Add someone to the leading group (领导小组)"));
    add->add_option("--role", o->role, N_("组长, 副组长 or 组员 (leader, deputy, member)"))
        ->required();
    add->add_option("--name", o->name, N_("Who, e.g. 喻校长"))->required();
    add->callback([o, &run] { run = [o](Context& ctx) { return run_group_add(*o, ctx); }; });
    auto* remove = cmd.add_subcommand("remove", N_("Take someone out of the leading group"));
    remove->add_option("--name", o->name, N_("Who"))->required();
    remove->callback([o, &run] { run = [o](Context& ctx) { return run_group_remove(*o, ctx); }; });
}

}  // namespace liushou
