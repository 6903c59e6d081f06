// liushou check: every problem of every file, each with its file and line.
#include <fmt/format.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/i18n.hpp"
#include "liushou/purge.hpp"
#include "liushou/render.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

/// The cadences every rate is measured against, as liushou.yaml sets them (or the defaults
/// where it is silent): a report's numbers can only be judged knowing them.
std::string rules_in_force(const School& school, const std::string& lang) {
    const Rules& r = school.rules;
    const bool en = lang == "en";
    std::string months;
    for (int m : r.months_without_talks)
        months += (months.empty() ? "" : en ? ", " : "、") + std::to_string(m);
    std::string starts;
    for (const Term& t : school.terms) {
        auto start = [&](const std::optional<int>& month, const char* zh, const char* english) {
            if (!month) return;
            starts += en ? fmt::format("; {}: {} from month {}", t.name, english, *month)
                         : fmt::format("；{}{}从 {} 月起", t.name, zh, *month);
        };
        start(t.talks_from, "谈心", "talks");
        start(t.family_calls_from, "亲情电话", "family calls");
    }
    if (en)
        return fmt::format(
            "rules in force: talks {} a month, family calls {} a month (none in months {}{}); "
            "home visits {} a term, guardian meetings {} a term",
            r.talks_per_month, r.family_calls_per_month, months.empty() ? "—" : months, starts,
            r.home_visits_per_term, r.guardian_meetings_per_term);
    return fmt::format(
        "现行规则：每月谈心 {} 次、亲情电话 {} 次（{}{}）；每学期家访 {} 次、座谈会 {} 次",
        r.talks_per_month, r.family_calls_per_month,
        months.empty() ? "每月都要求" : months + " 月不要求", starts, r.home_visits_per_term,
        r.guardian_meetings_per_term);
}

constexpr long kStaleFollowUpDays = 30;

struct CheckOptions {
    bool allow_incomplete = false;
    bool staged = false;
    std::string format = "text";  // or json, for CI annotations
    /// Only errors are wanted (sync's check of a merge): a warning is not given its position,
    /// which for a record served from the cache means reading its file again.
    bool errors_only = false;
};

void warn_comments(int line, Problems& problems) {
    if (line)
        problems.push_back(Problem{"",
                                   N_("comments are dropped when liushou rewrites this file; "
                                      "keep notes in a field such as notes"),
                                   Severity::warning, line, 1});
}

/// `all_ids`: when only part of the tree is checked (check --staged), the ids of every child
/// it holds, so references and ids that differ only in case are judged against all of them.
int check_tree(const Tree& tree, const CheckOptions& o, Context& ctx,
               const std::vector<std::string>* all_ids = nullptr);

std::vector<std::string> split_nul(const std::string& text) {
    std::vector<std::string> out;
    for (size_t at = 0; at < text.size();) {
        const size_t end = std::min(text.find('\0', at), text.size());
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

/// The id of children/<id>.yaml; empty for any other path (a stray file, a subfolder).
std::string child_id_of(const std::string& path) {
    constexpr std::string_view dir = "children/", ext = ".yaml";
    if (path.size() <= dir.size() + ext.size() || path.compare(0, dir.size(), dir) != 0 ||
        path.compare(path.size() - ext.size(), ext.size(), ext) != 0)
        return {};
    std::string id = path.substr(dir.size(), path.size() - dir.size() - ext.size());
    return id.find('/') == std::string::npos ? id : std::string();
}

/// What a pre-commit check needs of git's index, when the next commit changes only records
/// of children and activities: those files, liushou.yaml and staff.yaml (which every record is
/// judged by), and the records naming a child the commit deletes. Empty when the whole tree
/// must be checked: no commit yet, or the commit changes liushou.yaml or staff.yaml. Paths
/// are relative to the tree; `ids` gets the id of every child in the index.
std::vector<std::string> staged_part(const std::string& root, std::vector<std::string>& ids) {
    std::string out;  // run_git appends: cleared before each use
    if (run_git({"rev-parse", "-q", "--verify", "HEAD"}, root, &out) != 0) return {};
    out.clear();
    if (run_git({"diff", "--cached", "--name-only", "-z", "--no-renames", "--relative", "HEAD",
                 "--", "."},
                root, &out) != 0)
        return {};
    const std::vector<std::string> changed = split_nul(out);
    for (const auto& path : changed)
        if (path == "liushou.yaml" || path == "staff.yaml") return {};
    out.clear();
    if (run_git({"ls-files", "-z", "--", "."}, root, &out) != 0) return {};
    const std::vector<std::string> listed = split_nul(out);
    const std::set<std::string> index(listed.begin(), listed.end());
    for (const auto& path : listed)
        if (std::string id = child_id_of(path); !id.empty()) ids.push_back(std::move(id));
    std::set<std::string> part{"liushou.yaml"};
    if (index.count("staff.yaml")) part.insert("staff.yaml");
    std::vector<std::string> grep = {"grep", "--cached", "-l", "-z", "-F"};
    for (const auto& path : changed) {
        if (index.count(path)) {
            part.insert(path);
        } else if (std::string id = child_id_of(path); !id.empty()) {
            grep.push_back("-e");  // a deleted child: whoever still names it
            grep.push_back(std::move(id));
        }
    }
    if (grep.size() > 5) {
        grep.insert(grep.end(), {"--", "children", "activities"});
        out.clear();
        if (run_git(grep, root, &out) == 0)
            for (const auto& path : split_nul(out)) part.insert(path);
    }
    return {part.begin(), part.end()};
}

/// The tree as the next commit would hold it: git's index exported to a temporary directory,
/// checked there, and every problem named by the file's real path. When the commit changes
/// only some children's and activities' records, only those are exported and checked (with
/// what they are judged by), so the hook costs the same in a county's tree as in a class's.
int check_staged(const Tree& tree, const CheckOptions& o, Context& ctx) {
    namespace fs = boost::filesystem;
    std::string prefix;
    if (run_git({"rev-parse", "--show-prefix"}, tree.root(), &prefix) != 0)
        throw UsageError(
            fmt::format("{}: " N_("--staged: the tree is not in a git repository"), tree.root()));
    while (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
    std::vector<std::string> ids;
    const std::vector<std::string> part = staged_part(tree.root(), ids);
    const TempDir copy("liushou-staged");  // 0700: the records are personal, even in /tmp
    const fs::path tmp = copy.path();
    // Run from the tree's directory, checkout-index exports only the entries below it, under
    // their paths from the top of the repository.
    std::vector<std::string> export_args = {"checkout-index", "--prefix=" + tmp.string() + "/"};
    if (part.empty()) {
        export_args.push_back("--all");
    } else {
        export_args.push_back("--");
        export_args.insert(export_args.end(), part.begin(), part.end());
    }
    if (run_git(export_args, tree.root()) != 0)
        throw IoError(fmt::format("{}: " N_("--staged: git checkout-index failed"), tree.root()));
    Tree staged((tmp / prefix).string());
    staged.set_cache(false);
    staged.set_display_prefix(tree.display(""));
    if (!fs::exists(tmp / prefix / "liushou.yaml")) {
        ctx.out << (o.format == "json"
                        ? "{\n  \"liushou_json\": 1,\n  \"files\": 0,\n  \"errors\": 0,\n  "
                          "\"warnings\": 0,\n  \"problems\": []\n}\n"
                        : say(ctx, N_("nothing staged in this tree yet") "\n"));
        return 0;
    }
    return check_tree(staged, o, ctx, part.empty() ? nullptr : &ids);
}

int run_check(const CheckOptions& o, Context& ctx) {
    if (o.staged && !ctx.rev.empty())
        throw UsageError(N_("--staged checks git's index, --rev a commit: give one of them"));
    const Tree tree = open_tree(ctx);
    return o.staged ? check_staged(tree, o, ctx) : check_tree(tree, o, ctx);
}

/// What check asks of each child's file, and what it remembers from one file to the next:
/// the ids (for references), 身份证号 and name-and-birthday pairs (for two files of one child).
struct ChildChecks {
    const CheckOptions& o;
    Context& ctx;
    const StaffList* staff;  // null when staff.yaml did not read
    const PrivacySettings& privacy;
    std::set<std::string> ids;
    std::map<std::string, std::string> folded;  // lower-cased id -> id
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<Child, std::string>>>
        people;
    std::map<std::string, std::string> id_numbers;  // 身份证号 -> the first file that gives it
    std::vector<Loaded<Child>*> unplaced;           // problems found, positions not yet read

    std::function<bool(std::string_view)> exists() const {
        return [this](std::string_view id) { return ids.count(std::string(id)) > 0; };
    }
    void check(Loaded<Child>& file);
};

void ChildChecks::check(Loaded<Child>& file) {
    Problems& problems = file.problems;
    const auto exists = this->exists();
    const Child& c = file.record;
    const size_t decoded = problems.size();
    validate_child(c, ctx.today, problems);
    // A field the decoder already rejected ("2026-13-02 has no month 13") is left
    // empty; saying again that it is missing would only be noise.
    std::set<std::string> rejected;
    for (size_t i = 0; i < decoded; ++i)
        if (problems[i].severity == Severity::error) rejected.insert(problems[i].field);
    problems.erase(std::remove_if(problems.begin() + static_cast<long>(decoded), problems.end(),
                                  [&](const Problem& p) { return rejected.count(p.field) > 0; }),
                   problems.end());
    if (const std::string why = new_id_error(file.id); !why.empty())
        problems.push_back(
            Problem{"id", fmt::format(N_("{} (liushou rename gives it another)"), why)});
    if (const auto clash = folded.emplace(fold_case(file.id), file.id);
        !clash.second && clash.first->second != file.id)
        problems.push_back(Problem{"id", fmt::format(N_("the id differs from {} only in case; on "
                                                        "Windows and macOS they are one file"),
                                                     clash.first->second)});
    if (c.id != file.id && !c.id.empty())
        problems.push_back(Problem{"id", fmt::format(N_("the file says id {} but is named {}.yaml"),
                                                     c.id.empty() ? "(none)" : c.id, file.id)});
    if (staff) check_references(c, *staff, exists, problems);
    // A child not left-behind (非留守) has no 留守 file to complete (#39).
    // Nor has a purged one (#43): what it lacks was removed on purpose.
    auto missing = c.left_behind == LeftBehind::none || purged_on(c) ? std::vector<std::string>{}
                                                                     : missing_fields(c);
    check_purged_child(c, privacy, problems);
    missing.erase(std::remove_if(missing.begin(), missing.end(),
                                 [&](const std::string& m) { return rejected.count(m) > 0; }),
                  missing.end());
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + field_by_relation(c, m);
        problems.push_back(Problem{"", fmt::format(N_("incomplete file (建档), missing: {}"), list),
                                   o.allow_incomplete ? Severity::warning : Severity::error, 1, 1});
    }
    for (size_t i = 1; i < c.talks.size(); ++i) {
        if (c.talks[i].date && c.talks[i - 1].date && *c.talks[i].date < *c.talks[i - 1].date) {
            problems.push_back(Problem{fmt::format("talks[{}]", i),
                                       N_("talks are not in date order; the next write "
                                          "sorts them"),
                                       Severity::warning});
            break;
        }
    }
    // A follow-up nobody closed for a month has probably been forgotten.
    for (const Talk* t : open_follow_ups(c)) {
        const long days = ctx.today.days() - t->date->days();
        if (days <= kStaleFollowUpDays) continue;
        const size_t index = static_cast<size_t>(t - c.talks.data());
        problems.push_back(
            Problem{fmt::format("talks[{}].follow_up", index),
                    fmt::format(N_("open for {} days (since {})"), days, t->date->iso()),
                    Severity::warning});
    }
    check_shared_id_number(c, file.path, id_numbers, problems);
    if (!c.name.empty() && c.birth_date) {
        // Two files for one child, or two children who share a name and a birthday:
        // only a person can tell, so it is said, and 身份证号 tell them apart.
        auto& seen = people[std::make_pair(to_nfc(c.name), c.birth_date->iso())];
        for (const auto& [other, path] : seen)
            if (looks_like_same_child(c, other)) {
                problems.push_back(
                    Problem{"name",
                            fmt::format(N_("the same name and birth date as {}; if this is one "
                                           "child, keep one file; if two, give each its 身份证号"),
                                        path),
                            Severity::warning});
                break;
            }
        seen.emplace_back(c, file.path);
    }
    if (!problems.empty() && file.where.at.empty()) unplaced.push_back(&file);
}

int check_tree(const Tree& tree, const CheckOptions& o, Context& ctx,
               const std::vector<std::string>* all_ids) {
    int errors = 0, warnings = 0, files = 0;
    const bool json = o.format == "json";
    std::string found;  // JSON: one object per problem
    auto report = [&](const std::string& path, const Problems& problems) {
        ++files;
        for (const auto& p : problems) (p.severity == Severity::error ? errors : warnings)++;
        if (json) {
            // The same in every language: keys, severities and the English message (a CI
            // annotation quotes it); a phone or id number in it is masked, as on a terminal.
            for (const auto& p : problems)
                found += fmt::format(
                    "{}\n    {{\"file\": {}, \"line\": {}, \"column\": {}, \"severity\": "
                    "\"{}\", \"field\": {}, \"message\": {}}}",
                    found.empty() ? "" : ",", json_string(path), std::max(p.line, 1),
                    std::max(p.col, 1), p.severity == Severity::error ? "error" : "warning",
                    p.field.empty() ? "null" : json_string(p.field),
                    json_string(mask_private_numbers(p.message)));
            return;
        }
        std::ostringstream lines;
        print_problems(lines, path, problems);
        ctx.out << say(ctx, lines.str());  // check's report is its messages
    };

    // liushou.yaml and staff.yaml: validated when they read, then every problem reported.
    auto check_file = [&](auto& file, auto validate) {
        if (file.parsed) {
            const size_t decoded = file.problems.size();
            validate(file.record, file.problems);
            // As for children below: a field the decoder rejected is not also "missing".
            std::set<std::string> rejected;
            for (size_t i = 0; i < decoded; ++i)
                if (file.problems[i].severity == Severity::error)
                    rejected.insert(file.problems[i].field);
            file.problems.erase(
                std::remove_if(file.problems.begin() + static_cast<long>(decoded),
                               file.problems.end(),
                               [&](const Problem& p) { return rejected.count(p.field) > 0; }),
                file.problems.end());
            file.where.locate(file.problems);
        }
        warn_comments(file.comment_line, file.problems);
        report(file.path, file.problems);
    };
    auto school = tree.load_school();
    check_file(school, [&ctx](const School& s, Problems& p) { validate_school(s, p, ctx.today); });
    auto staff = tree.load_staff();
    if (staff.exists)
        check_file(staff, [](const StaffList& s, Problems& p) { validate_staff(s, p); });

    // The children purged (#43): a file that brings their personal data back is an error.
    const PrivacySettings privacy = school.parsed ? read_privacy(school.record) : PrivacySettings{};
    if (!privacy.error.empty())
        report(school.path, {Problem{"", privacy.error, Severity::error, 1, 1}});
    auto children = tree.load_children();
    ChildChecks checks{o, ctx, staff.parsed ? &staff.record : nullptr, privacy, {}, {}, {}, {}, {}};
    for (const auto& c : children) checks.ids.insert(c.id);
    if (all_ids) {
        checks.ids.insert(all_ids->begin(), all_ids->end());
        for (const auto& id : *all_ids) checks.folded.emplace(fold_case(id), id);
    }
    for (auto& file : children)
        if (file.parsed) checks.check(file);
    const auto exists = checks.exists();
    // Records from the cache carry no positions: their files are read again to place them,
    // all at once (from a commit, one git process rather than one per child).
    if (o.errors_only)
        checks.unplaced.erase(
            std::remove_if(checks.unplaced.begin(), checks.unplaced.end(),
                           [](const Loaded<Child>* f) {
                               return std::none_of(
                                   f->problems.begin(), f->problems.end(),
                                   [](const Problem& p) { return p.severity == Severity::error; });
                           }),
            checks.unplaced.end());
    tree.place_children(checks.unplaced);
    for (auto& file : children) {
        if (file.parsed) {
            file.where.locate(file.problems);
            for (Problem& p : file.problems) p.field = field_by_relation(file.record, p.field);
        }
        warn_comments(file.comment_line, file.problems);
        report(file.path, file.problems);
    }
    // An activity's attendance counts nowhere outside the child's enrolment (#47).
    std::map<std::string_view, const Child*> parsed;
    for (const auto& file : children)
        if (file.parsed) parsed.emplace(file.id, &file.record);
    const auto not_enrolled = [&](std::string_view id, const Date& day) {
        const auto it = parsed.find(id);
        return it == parsed.end() ? std::string() : not_enrolled_reason(*it->second, day);
    };
    for (auto& file : tree.load_activities()) {
        if (file.parsed) {
            validate_activity(file.record, file.id, ctx.today,
                              staff.parsed ? staff.record : StaffList{}, exists, file.problems,
                              not_enrolled);
            file.where.locate(file.problems);
        }
        report(file.path, file.problems);
    }
    for (const auto& stray : tree.stray_child_files()) {
        report(tree.display(stray),
               {Problem{"",
                        N_("not a child file (children/<id>.yaml, id of letters, digits, . _ -); "
                           "liushou ignores it"),
                        Severity::warning, 1, 1}});
    }
    for (const auto& [path, why] :
         sync_problems(tree.root(), school.parsed ? &school.record : nullptr))
        report(tree.display(path), {Problem{"", why, Severity::error, 1, 1}});
    if (json) {
        ctx.out << fmt::format(
            "{{\n  \"liushou_json\": 1,\n  \"files\": {},\n  \"errors\": {},\n  "
            "\"warnings\": {},\n  \"problems\": [{}{}]\n}}\n",
            files, errors, warnings, found, found.empty() ? "" : "\n  ");
        return errors ? kDataProblem : kOk;
    }
    if (!ctx.quiet && school.parsed)
        ctx.out << rules_in_force(school.record, output_language(ctx, &school.record)) << "\n";
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format("checked {} file{}: {} error{}, {} warning{}\n", files,
                                        files == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                                        warnings, warnings == 1 ? "" : "s"));
    return errors ? kDataProblem : kOk;
}

}  // namespace

std::vector<std::string> check_error_lines(const Tree& tree, const Context& ctx) {
    std::ostringstream out, err;
    Context english(out, err);
    english.today = ctx.today;
    english.lang = english.message_lang = "en";
    english.quiet = true;
    english.jobs = ctx.jobs;
    check_tree(tree, CheckOptions{true, false, "text", true}, english);
    std::vector<std::string> errors;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);)
        if (line.find(": error: ") != std::string::npos) errors.push_back(line);
    return errors;
}

void setup_check(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<CheckOptions>();
    cmd.add_flag("--allow-incomplete", o->allow_incomplete,
                 N_("Report incomplete files as warnings, not errors"));
    cmd.add_flag("--staged", o->staged,
                 N_("Check the files as git's index holds them (for a pre-commit hook; "
                    "init --hooks installs one)"));
    cmd.add_option("--format", o->format,
                   N_("text | json (default text; json: every problem with file, line, column, "
                      "severity, field and the English message, for CI annotations)"))
        ->check(CLI::IsMember({"text", "json"}));
    cmd.callback([o, &run] { run = [o](Context& ctx) { return run_check(*o, ctx); }; });
}

}  // namespace liushou
