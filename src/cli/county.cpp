// A county over git: the manifest (county.yaml) naming every school's tree or repository,
// opening them for the reports (--county), and `liushou county init | status`.
#include <fmt/format.h>

#include <atomic>
#include <boost/filesystem.hpp>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "cli.hpp"
#include "liushou/parallel.hpp"
#include "liushou/render.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

/// The manifest, read and checked: every school has a path or a repository, not both, and
/// no directory is listed twice.
struct Manifest {
    std::string path;
    County county;
    std::vector<int> lines;          // of each school's entry, for messages
    std::vector<std::string> where;  // each school's directory, as the manifest names it
};

/// A school entry as a person reads it: 孙桥小学, or repos/杨集小学.git (ref main).
std::string entry_label(const CountySchool& s) {
    return s.git.empty() ? s.path : s.git + " (ref " + (s.ref.empty() ? "HEAD" : s.ref) + ")";
}

/// Why a school's directory cannot be used ("" when it can): a symbolic link loop, a folder
/// that cannot be read. A missing one is "" too: it is reported where the tree is opened,
/// where --skip-missing may leave it out.
std::string unusable(const fs::path& dir) {
    boost::system::error_code ec;
    fs::status(dir, ec);
    if (!ec || ec == boost::system::errc::no_such_file_or_directory) return "";
    return std::strerror(ec.value());
}

/// One name for the directory a school is read from, whatever the path that reaches it (a
/// link, `..`, a repository's .git folder for its work tree), or "" when it cannot be
/// resolved (reported when it is opened).
std::string location_key(const fs::path& dir) {
    boost::system::error_code ec;
    fs::path canonical = fs::canonical(dir, ec);
    if (ec) return "";
    if (canonical.filename() == ".git") canonical = canonical.parent_path();
    return canonical.string();
}

Manifest read_manifest(const std::string& path, std::ostream& err) {
    Manifest m;
    m.path = path;
    const std::string text = read_file(path, path, kMaxRecordBytes);
    Decoded<County> decoded = decode_county(text);
    Problems& problems = decoded.problems;
    if (decoded.parsed) {
        const fs::path base = fs::path(path).parent_path();
        // A directory -> the entry that named it first: as a path, as a repository, and as a
        // repository at a ref.
        std::map<std::string, size_t> path_at, repo_at, repo_ref_at;
        for (size_t i = 0; i < decoded.record.schools.size(); ++i) {
            const CountySchool& s = decoded.record.schools[i];
            const std::string at = fmt::format("schools[{}]", i);
            if (s.path.empty() == s.git.empty())
                problems.push_back(
                    Problem{at, N_("give a tree's path: or a repository's git:, one of them")});
            if (!s.ref.empty() && s.git.empty())
                problems.push_back(Problem{
                    at + ".ref", N_("ref: goes with git: (a path is read as it is on disk)")});
            // Relative to the manifest; an absolute path is itself (Boost's / would append it).
            const fs::path named(s.git.empty() ? s.path : s.git);
            m.where.push_back(
                (named.is_absolute() ? named : base / named).lexically_normal().string());
            m.lines.push_back(decoded.where.find(at).first);
            if (named.empty()) continue;
            if (const std::string why = unusable(m.where.back()); !why.empty()) {
                problems.push_back(
                    Problem{at, fmt::format(N_("{}: cannot be read: {}"), entry_label(s), why)});
                continue;
            }
            // The same directory twice (a link to another entry, a path and a repository of
            // one work tree, one repository at one ref) would count its children twice. One
            // repository at two refs is caught when both are read (the same school, below);
            // a ref it lacks is a missing school, which --skip-missing may leave out.
            const std::string key = location_key(m.where.back());
            if (key.empty()) continue;
            const std::string ref = s.ref.empty() ? "HEAD" : s.ref;
            std::optional<size_t> before;
            for (const auto* seen : {&path_at, s.git.empty() ? &repo_at : &repo_ref_at})
                if (const auto it = seen->find(seen == &repo_ref_at ? key + "\n" + ref : key);
                    it != seen->end() && !before)
                    before = it->second;
            if (s.git.empty()) {
                path_at.emplace(key, i);
            } else {
                repo_at.emplace(key, i);
                repo_ref_at.emplace(key + "\n" + ref, i);
            }
            if (before)
                problems.push_back(Problem{
                    at, fmt::format(N_("{} is the directory of line {} ({}) again: a school listed "
                                       "twice would count its children twice; keep one"),
                                    entry_label(s), m.lines[*before],
                                    entry_label(decoded.record.schools[*before]))});
        }
        if (decoded.record.schools.empty())
            problems.push_back(Problem{"schools", N_("no school listed")});
        decoded.where.locate(problems);
    }
    if (!decoded.parsed || has_errors(problems)) {
        print_problems(err, path, problems);
        throw DataError(fmt::format(N_("{}: fix the manifest first; nothing was reported"), path));
    }
    m.county = decoded.record;
    return m;
}

/// Who a tree says it is: its county and school in liushou.yaml ("" when unreadable). Two
/// entries reaching one school by two routes (its tree and a clone of it) say the same.
std::string school_identity(const Tree& tree) {
    const auto school = tree.load_school();
    if (!school.parsed || school.record.school.empty()) return "";
    return school.record.county + "\n" + school.record.school;
}

}  // namespace

SchoolTrees open_trees(const Context& ctx) {
    SchoolTrees out;
    if (ctx.county.empty()) {
        if (ctx.roots.size() <= 1) {
            out.trees.push_back(open_tree(ctx));
        } else {
            std::set<std::string> seen;  // the same tree twice would count its children twice
            for (const auto& root : ctx.roots) {
                boost::system::error_code ec;
                const std::string same = fs::canonical(root, ec).string();
                if (!ec && !seen.insert(same).second)
                    throw UsageError(
                        fmt::format(N_("--root {}: the same tree is given twice"), root));
                TreeOptions o = tree_options(ctx, root);
                o.progress = nullptr;  // read side by side, see load_trees
                out.trees.push_back(Tree::open(o));
            }
        }
        out.labels.assign(out.trees.size(), "");
        return out;
    }
    if (!ctx.roots.empty()) throw UsageError(N_("give --county or --root, not both"));
    const Manifest m = read_manifest(ctx.county, ctx.err);
    out.county = m.county.county;
    const size_t count = m.county.schools.size();
    const auto open_school = [&](size_t i) {
        const CountySchool& s = m.county.schools[i];
        const std::string& where = m.where[i];
        TreeOptions o = tree_options(ctx, where);
        o.progress = nullptr;  // schools are read side by side; one counter cannot show that
        // --rev reads every school at that revision (a county-wide tag); else each
        // repository at its own ref, each path as it is on disk.
        if (!s.git.empty() && o.rev.empty()) o.rev = s.ref.empty() ? "HEAD" : s.ref;
        boost::system::error_code ec;
        if (!fs::is_directory(where, ec))
            throw IoError(fmt::format("{}: " N_("no such directory"), where));
        return Tree::open(o);
    };
    // A repository's commit is found side by side with the others' (a git process each: a
    // second a hundred schools), then taken in the manifest's order, so that messages and the
    // first failure are the same as one by one. A tree on disk is opened in its turn below (it
    // may finish a write that was interrupted, and say so).
    std::vector<std::optional<Tree>> opened(count);
    std::vector<std::exception_ptr> failed(count);
    std::atomic<size_t> next{0};
    run_on_threads(worker_count(ctx.jobs, count, 8), [&] {
        for (size_t i = next++; i < count; i = next++) {
            if (m.county.schools[i].git.empty()) continue;
            try {
                opened[i] = open_school(i);
            } catch (...) {
                failed[i] = std::current_exception();
            }
        }
    });
    std::vector<size_t> entry_of;  // each opened tree's entry in the manifest
    for (size_t i = 0; i < count; ++i) {
        const CountySchool& s = m.county.schools[i];
        try {
            if (failed[i]) std::rethrow_exception(failed[i]);
            if (!opened[i]) opened[i] = open_school(i);
            out.trees.push_back(std::move(*opened[i]));
            opened[i].reset();
            out.labels.push_back(entry_label(s));
            entry_of.push_back(i);
        } catch (const Error& e) {
            const std::string why = fmt::format("{}:{}: school {}: {}", ctx.county, m.lines[i],
                                                entry_label(s), e.what());
            if (!ctx.skip_missing)
                throw IoError(why + " (--skip-missing leaves it out and names it)");
            ctx.err << "liushou: " << why << "; skipped\n";
            out.missing.push_back(MissingSchool{entry_label(s), e.what()});
        }
    }
    if (out.trees.empty())
        throw IoError(fmt::format(N_("{}: none of its schools can be read"), ctx.county));
    // One school by two routes (its tree and a clone, two clones): the same county and school
    // in liushou.yaml. Counted twice, 期初在读 would say 60 for 30 children.
    std::map<std::string, size_t> first_at;
    for (size_t k = 0; k < out.trees.size(); ++k) {
        const std::string id = school_identity(out.trees[k]);
        if (id.empty()) continue;
        const auto [it, fresh] = first_at.emplace(id, k);
        if (fresh) continue;
        const size_t i = entry_of[k], j = entry_of[it->second];
        throw DataError(fmt::format(
            N_("{}:{}: school {} is {} of liushou.yaml, as is line {} ({}): a school listed twice "
               "would count its children twice; keep one"),
            ctx.county, m.lines[i], entry_label(m.county.schools[i]), id.substr(id.find('\n') + 1),
            m.lines[j], entry_label(m.county.schools[j])));
    }
    return out;
}

namespace {

struct CountyOptions {
    // init
    std::string file = "county.yaml";
    std::string name;
    std::vector<std::string> schools;
    bool force = false;
    // status
    std::string format = "table";
};

/// What `county init` writes for a directory: a tree on disk, or a repository at its branch.
CountySchool entry_for(const std::string& dir, const fs::path& base) {
    CountySchool s;
    boost::system::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(dir), ec);
    const fs::path from = fs::weakly_canonical(fs::absolute(base), ec);
    std::string rel = abs.lexically_relative(from).string();
    if (rel.empty()) rel = dir;
    if (const std::string why = unusable(dir); !why.empty())
        throw UsageError(fmt::format("--school {}: cannot be read: {}", dir, why));
    if (fs::exists(fs::path(dir) / "liushou.yaml", ec)) {
        s.path = rel;
        return s;
    }
    std::string bare;
    if (run_git({"rev-parse", "--is-bare-repository"}, dir, &bare) != 0)
        throw UsageError(fmt::format(
            N_("{}: neither a liushou tree (no liushou.yaml) nor a git repository"), dir));
    std::string branch;
    run_git({"symbolic-ref", "--short", "HEAD"}, dir, &branch);
    while (!branch.empty() && (branch.back() == '\n' || branch.back() == '\r')) branch.pop_back();
    s.git = rel;
    s.ref = branch.empty() ? "HEAD" : branch;
    return s;
}

int run_init(const CountyOptions& o, Context& ctx) {
    if (o.name.empty()) throw UsageError(N_("--county-name: give the county's name (京山县)"));
    if (fs::exists(o.file) && !o.force)
        throw UsageError(fmt::format(N_("{} exists; --force replaces it"), o.file));
    County c;
    c.county = o.name;
    const fs::path base =
        fs::path(o.file).parent_path().empty() ? fs::path(".") : fs::path(o.file).parent_path();
    for (const auto& dir : o.schools) c.schools.push_back(entry_for(dir, base));
    // A school given twice, by one directory or by two routes to it (its tree and a clone),
    // would be counted twice by every report over the manifest.
    std::map<std::string, size_t> dir_at, school_at;
    for (size_t i = 0; i < o.schools.size(); ++i) {
        const std::string key = location_key(o.schools[i]);
        if (!key.empty()) {
            const auto [it, fresh] = dir_at.emplace(key, i);
            if (!fresh)
                throw UsageError(fmt::format(
                    N_("--school {} and --school {} are the same directory; list each school once"),
                    o.schools[it->second], o.schools[i]));
        }
        std::string id;
        try {
            TreeOptions t = tree_options(ctx, o.schools[i]);
            t.progress = nullptr;
            t.use_cache = false;  // init writes the manifest and nothing else
            if (!c.schools[i].git.empty()) t.rev = c.schools[i].ref;
            id = school_identity(Tree::open(t));
        } catch (const Error&) {
            continue;  // read as the reports will read it; they name what is wrong
        }
        if (id.empty()) continue;
        const auto [it, fresh] = school_at.emplace(id, i);
        if (!fresh)
            throw UsageError(fmt::format(
                N_("--school {} and --school {} are the same school ({} of liushou.yaml); list "
                   "each school once"),
                o.schools[it->second], o.schools[i], id.substr(id.find('\n') + 1)));
    }
    std::string text = encode_county(c);
    const Decoded<County> back = decode_county(text);
    if (!back.writable())
        throw DataError(N_("the manifest would not read back; nothing was written"));
    atomic_write(o.file, text, 0644);
    if (!ctx.quiet)
        ctx.out << say(
            ctx, fmt::format(fmt::runtime(c.schools.size() == 1 ? N_("wrote {} ({} school)") "\n"
                                                                : N_("wrote {} ({} schools)") "\n"),
                             o.file, c.schools.size()));
    return kOk;
}

/// Errors in a school's records as check counts them (incomplete files are warnings here, as
/// in the hooks): what decoding and validation find, without placing them by line.
int count_errors(const Tree& tree, const Date& today) {
    int errors = 0;
    auto count = [&](const Problems& p) {
        for (const auto& x : p) errors += x.severity == Severity::error;
    };
    auto school = tree.load_school();
    if (school.parsed) validate_school(school.record, school.problems);
    count(school.problems);
    auto staff = tree.load_staff();
    if (staff.parsed) validate_staff(staff.record, staff.problems);
    count(staff.problems);
    auto children = tree.load_children();
    std::set<std::string> ids;
    for (const auto& c : children) ids.insert(c.id);
    const auto exists = [&](std::string_view id) { return ids.count(std::string(id)) > 0; };
    for (auto& file : children) {
        if (file.parsed) {
            validate_child(file.record, today, file.problems);
            if (staff.parsed) check_references(file.record, staff.record, exists, file.problems);
            if (file.record.id != file.id) ++errors;
        }
        count(file.problems);
    }
    return errors;
}

int run_status(const CountyOptions& o, Context& ctx) {
    if (ctx.county.empty())
        throw UsageError(N_("county status reads a manifest: give --county FILE"));
    // The manifest's own problems are said, each with its line, before the schools are read
    // with their messages swallowed below.
    read_manifest(ctx.county, ctx.err);
    // Every school is listed, a missing one as such rather than stopping the list.
    std::ostringstream swallowed;
    Context probe(ctx.out, swallowed);
    probe.county = ctx.county;
    probe.skip_missing = true;
    probe.no_cache = ctx.no_cache;
    probe.jobs = ctx.jobs;
    probe.rev = ctx.rev;
    probe.today = ctx.today;
    // When none can be read, why each cannot is what the user needs (a repository refused
    // for its size, say): the lines swallowed above are said then.
    const SchoolTrees trees = [&] {
        try {
            return open_trees(probe);
        } catch (const IoError&) {
            ctx.err << swallowed.str();
            throw;
        }
    }();
    const std::string lang = ctx.lang.empty() ? "zh" : ctx.lang;
    const Wording w(lang);
    struct Row {
        std::string school, source, date, children, errors, stale, why;
        long days = -1;
        int error_count = 0;
        size_t child_count = 0;
        bool dirty = false, missing = false;
    };
    // Each school read side by side, as a report reads them: a thousand repositories.
    const size_t n = trees.trees.size();
    std::vector<Row> rows(n);
    std::vector<std::exception_ptr> failures(n);
    std::atomic<size_t> next{0};
    const auto read_school = [&](size_t i) {
        const Tree& tree = trees.trees[i];
        Row& r = rows[i];
        const auto school = tree.load_school();
        r.school = school.parsed ? school.record.school : tree.display("");
        r.source = trees.labels[i];
        r.date = tree.commit_date();
        const GitState git = tree.git_state();
        r.dirty = git.dirty;
        r.child_count = tree.child_ids().size();
        r.error_count = count_errors(tree, ctx.today);
        if (const auto d = parse_iso_date(r.date); d.date)
            r.days = ctx.today.days() - d.date->days();
    };
    run_on_threads(std::min(worker_count(ctx.jobs, n, 1), static_cast<int>(std::max<size_t>(n, 1))),
                   [&] {
                       for (size_t i = next++; i < n; i = next++) {
                           try {
                               read_school(i);
                           } catch (...) {
                               failures[i] = std::current_exception();
                           }
                       }
                   });
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    for (const auto& m : trees.missing) {
        Row r;
        r.source = m.label;
        r.why = m.why;
        r.missing = true;
        rows.push_back(r);
    }
    if (o.format == "json") {
        std::vector<std::string> items;
        for (const Row& r : rows) {
            items.push_back(
                json_object({{"school", r.missing ? "null" : json_string(r.school)},
                             {"source", json_string(r.source)},
                             {"found", r.missing ? "false" : "true"},
                             {"last_commit", r.date.empty() ? "null" : json_string(r.date)},
                             {"days_since_commit", r.days < 0 ? "null" : std::to_string(r.days)},
                             {"uncommitted_changes", r.dirty ? "true" : "false"},
                             {"children", std::to_string(r.child_count)},
                             {"errors", std::to_string(r.error_count)}}));
        }
        ctx.out << json_list_document("schools", items);
        return kOk;
    }
    std::vector<std::vector<std::string>> cells;
    for (const Row& r : rows) {
        if (r.missing) {
            cells.push_back({w.t("(missing)"), r.source, "", "", "", ""});
            continue;
        }
        std::string stale = r.days < 0 ? w.t("not in git") : w.f("{} days", r.days);
        if (r.dirty) stale += w.t(", uncommitted changes");
        cells.push_back({r.school, r.source, r.date.empty() ? "—" : r.date,
                         std::to_string(r.child_count), std::to_string(r.error_count), stale});
    }
    ctx.out << render_table({w.t("School"), w.t("Source"), w.t("Last commit"),
                             w.t("pupils\004Children"), w.t("Errors"), w.t("Since")},
                            cells);
    // Why a school is missing: one line each (a repository refused for its size says so
    // here, and nothing of its tree is listed).
    for (const Row& r : rows)
        if (r.missing) ctx.out << say(ctx, fmt::format("{}: {}\n", r.source, r.why));
    int missing = 0, with_errors = 0;
    for (const Row& r : rows) missing += r.missing, with_errors += r.error_count > 0;
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format(N_("{} schools: {} missing, {} with errors") "\n",
                                        rows.size(), missing, with_errors));
    return missing || with_errors ? kDataProblem : kOk;
}

}  // namespace

void setup_county(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto o = std::make_shared<CountyOptions>();
    auto* init =
        cmd.add_subcommand("init", N_("Write a county manifest (county.yaml) listing schools"));
    init->add_option("file", o->file, N_("The manifest to write (default county.yaml)"))
        ->type_name("FILE");
    init->add_option("--county-name", o->name, N_("The county's name (京山县)"))
        ->type_name("NAME")
        ->required();
    init->add_option("--school", o->schools,
                     N_("A school: a tree's directory, or a git repository (bare or not); repeat"))
        ->type_name("DIR");
    init->add_flag("--force", o->force, N_("Replace an existing manifest"));
    init->callback([o, &run] { run = [o](Context& ctx) { return run_init(*o, ctx); }; });

    auto* status = cmd.add_subcommand(
        "status", N_("One line per school of --county: last commit, children, errors, how stale"));
    status->add_option("--format", o->format, N_("table | json (default table)"))
        ->check(CLI::IsMember({"table", "json"}))
        ->transform(human_format_is("table"));
    status->callback([o, &run] { run = [o](Context& ctx) { return run_status(*o, ctx); }; });
}

}  // namespace liushou
