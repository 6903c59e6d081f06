// A county over git: the manifest (county.yaml) naming every school's tree or repository,
// opening them for the reports (--county), and `liushou county init | status`.
#include <fmt/format.h>

#include <boost/filesystem.hpp>
#include <memory>
#include <set>
#include <sstream>

#include "cli.hpp"
#include "liushou/render.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

/// The manifest, read and checked: every school has a path or a repository, not both.
struct Manifest {
    std::string path;
    County county;
    std::vector<int> lines;  // of each school's entry, for messages
};

Manifest read_manifest(const std::string& path, std::ostream& err) {
    Manifest m;
    m.path = path;
    const std::string text = read_file(path, path, kMaxRecordBytes);
    Decoded<County> decoded = decode_county(text);
    Problems& problems = decoded.problems;
    if (decoded.parsed) {
        for (size_t i = 0; i < decoded.record.schools.size(); ++i) {
            const CountySchool& s = decoded.record.schools[i];
            const std::string at = fmt::format("schools[{}]", i);
            if (s.path.empty() == s.git.empty())
                problems.push_back(
                    Problem{at, "give a tree's path: or a repository's git:, one of them"});
            if (!s.ref.empty() && s.git.empty())
                problems.push_back(
                    Problem{at + ".ref", "ref: goes with git: (a path is read as it is on disk)"});
        }
        if (decoded.record.schools.empty())
            problems.push_back(Problem{"schools", "no school listed"});
        decoded.where.locate(problems);
    }
    if (!decoded.parsed || has_errors(problems)) {
        print_problems(err, path, problems);
        throw DataError(path + ": fix the manifest first; nothing was reported");
    }
    m.county = decoded.record;
    for (size_t i = 0; i < m.county.schools.size(); ++i)
        m.lines.push_back(decoded.where.find(fmt::format("schools[{}]", i)).first);
    return m;
}

/// A school entry as a person reads it: 孙桥小学, or repos/杨集小学.git (ref main).
std::string entry_label(const CountySchool& s) {
    return s.git.empty() ? s.path : s.git + " (ref " + (s.ref.empty() ? "HEAD" : s.ref) + ")";
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
                    throw UsageError(fmt::format("--root {}: the same tree is given twice", root));
                TreeOptions o = tree_options(ctx, root);
                o.progress = nullptr;  // read side by side, see load_trees
                out.trees.push_back(Tree::open(o));
            }
        }
        out.labels.assign(out.trees.size(), "");
        return out;
    }
    if (!ctx.roots.empty()) throw UsageError("give --county or --root, not both");
    const Manifest m = read_manifest(ctx.county, ctx.err);
    out.county = m.county.county;
    const fs::path base = fs::path(ctx.county).parent_path();
    for (size_t i = 0; i < m.county.schools.size(); ++i) {
        const CountySchool& s = m.county.schools[i];
        // Relative to the manifest; an absolute path is itself (Boost's / would append it).
        const fs::path named(s.git.empty() ? s.path : s.git);
        const std::string where =
            (named.is_absolute() ? named : base / named).lexically_normal().string();
        TreeOptions o = tree_options(ctx, where);
        o.progress = nullptr;  // schools are read side by side; one counter cannot show that
        // --rev reads every school at that revision (a county-wide tag); else each
        // repository at its own ref, each path as it is on disk.
        if (!s.git.empty() && o.rev.empty()) o.rev = s.ref.empty() ? "HEAD" : s.ref;
        try {
            if (!fs::is_directory(where))
                throw IoError(fmt::format("{}: no such directory", where));
            out.trees.push_back(Tree::open(o));
            out.labels.push_back(entry_label(s));
        } catch (const Error& e) {
            const std::string why = fmt::format("{}:{}: school {}: {}", ctx.county, m.lines[i],
                                                entry_label(s), e.what());
            if (!ctx.skip_missing)
                throw IoError(why + " (--skip-missing leaves it out and names it)");
            ctx.err << "liushou: " << why << "; skipped\n";
            out.missing.push_back(MissingSchool{entry_label(s), e.what()});
        }
    }
    if (out.trees.empty()) throw IoError(ctx.county + ": none of its schools can be read");
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
    if (fs::exists(fs::path(dir) / "liushou.yaml")) {
        s.path = rel;
        return s;
    }
    std::string bare;
    if (run_git({"rev-parse", "--is-bare-repository"}, dir, &bare) != 0)
        throw UsageError(
            fmt::format("{}: neither a liushou tree (no liushou.yaml) nor a git repository", dir));
    std::string branch;
    run_git({"symbolic-ref", "--short", "HEAD"}, dir, &branch);
    while (!branch.empty() && (branch.back() == '\n' || branch.back() == '\r')) branch.pop_back();
    s.git = rel;
    s.ref = branch.empty() ? "HEAD" : branch;
    return s;
}

int run_init(const CountyOptions& o, Context& ctx) {
    if (o.name.empty()) throw UsageError("--county-name: give the county's name (京山县)");
    if (fs::exists(o.file) && !o.force)
        throw UsageError(fmt::format("{} exists; --force replaces it", o.file));
    County c;
    c.county = o.name;
    const fs::path base =
        fs::path(o.file).parent_path().empty() ? fs::path(".") : fs::path(o.file).parent_path();
    for (const auto& dir : o.schools) c.schools.push_back(entry_for(dir, base));
    std::string text = encode_county(c);
    const Decoded<County> back = decode_county(text);
    if (!back.writable()) throw DataError("the manifest would not read back; nothing was written");
    atomic_write(o.file, text, 0644);
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format("wrote {} ({} school{})\n", o.file, c.schools.size(),
                                        c.schools.size() == 1 ? "" : "s"));
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
    if (ctx.county.empty()) throw UsageError("county status reads a manifest: give --county FILE");
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
    std::vector<Row> rows;
    for (size_t i = 0; i < trees.trees.size(); ++i) {
        const Tree& tree = trees.trees[i];
        Row r;
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
        rows.push_back(r);
    }
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
            cells.push_back({w.t("（找不到）", "(missing)"), r.source, "", "", "", ""});
            continue;
        }
        std::string stale = r.days < 0 ? w.t("不在 git 中", "not in git")
                            : w.en()   ? fmt::format("{} days", r.days)
                                       : fmt::format("{} 天", r.days);
        if (r.dirty) stale += w.t("，有未提交的修改", ", uncommitted changes");
        cells.push_back({r.school, r.source, r.date.empty() ? "—" : r.date,
                         std::to_string(r.child_count), std::to_string(r.error_count), stale});
    }
    ctx.out << render_table(
        {w.t("学校", "School"), w.t("来源", "Source"), w.t("最后提交", "Last commit"),
         w.t("儿童", "Children"), w.t("错误", "Errors"), w.t("距今", "Since")},
        cells);
    // Why a school is missing: one line each (a repository refused for its size says so
    // here, and nothing of its tree is listed).
    for (const Row& r : rows)
        if (r.missing) ctx.out << say(ctx, fmt::format("{}: {}\n", r.source, r.why));
    int missing = 0, with_errors = 0;
    for (const Row& r : rows) missing += r.missing, with_errors += r.error_count > 0;
    if (!ctx.quiet)
        ctx.out << (w.en() ? fmt::format("{} schools: {} missing, {} with errors\n", rows.size(),
                                         missing, with_errors)
                           : fmt::format("共 {} 所学校：{} 所找不到，{} 所有错误\n", rows.size(),
                                         missing, with_errors));
    return missing || with_errors ? kDataProblem : kOk;
}

}  // namespace

void setup_county(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto o = std::make_shared<CountyOptions>();
    auto* init =
        cmd.add_subcommand("init", "Write a county manifest (county.yaml) listing schools");
    init->add_option("file", o->file, "The manifest to write (default county.yaml)")
        ->type_name("FILE");
    init->add_option("--county-name", o->name, "The county's name (京山县)")
        ->type_name("NAME")
        ->required();
    init->add_option("--school", o->schools,
                     "A school: a tree's directory, or a git repository (bare or not); repeat")
        ->type_name("DIR");
    init->add_flag("--force", o->force, "Replace an existing manifest");
    init->callback([o, &run] { run = [o](Context& ctx) { return run_init(*o, ctx); }; });

    auto* status = cmd.add_subcommand(
        "status", "One line per school of --county: last commit, children, errors, how stale");
    status->add_option("--format", o->format, "table | json (default table)")
        ->check(CLI::IsMember({"table", "json"}))
        ->transform(human_format_is("table"));
    status->callback([o, &run] { run = [o](Context& ctx) { return run_status(*o, ctx); }; });
}

}  // namespace liushou
