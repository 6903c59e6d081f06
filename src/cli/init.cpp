// liushou init: a new records tree with the seed's plan, default events and rules.
#include <fmt/format.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <memory>
#include <sstream>
#include <vector>

#include "cli.hpp"
#include "liushou/i18n.hpp"
#include "liushou/records.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct InitOptions {
    std::string dir = ".";
    std::string school;
    std::string county;
    std::string year;
    bool no_git = false;
    bool hooks = false;
};

/// 2025-2026, or the school year `today` falls in (it starts in September).
int start_year_of(const std::string& year, const Date& today) {
    if (year.empty()) return today.month >= 9 ? today.year : today.year - 1;
    int first = 0, second = 0;
    char dash = 0;
    if (year.size() != 9 || std::sscanf(year.c_str(), "%4d%c%4d", &first, &dash, &second) != 3 ||
        dash != '-' || second != first + 1)
        throw UsageError(fmt::format(N_("--year {}: write the school year as 2025-2026"), year));
    return first;
}

constexpr const char* kGitAttributes =
    "# liushou: records are UTF-8 text with LF line ends on every platform, and children's\n"
    "# files merge record by record (liushou merge-file; liushou init --hooks in a new clone).\n"
    "*.yaml text eol=lf\n"
    "children/*.yaml merge=liushou\n"
    "liushou.yaml merge=liushou\n";

constexpr const char* kGitIgnore =
    "# liushou's derived data (cache, lock): safe to delete.\n.liushou/\n";

/// The lines of `wanted` (a file init writes) that `have` lacks, comments and blanks aside.
std::vector<std::string> lines_lacking(const std::string& have, const std::string& wanted) {
    auto lines = [](const std::string& text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
            out.push_back(line);
        }
        return out;
    };
    const std::vector<std::string> present = lines(have);
    std::vector<std::string> out;
    for (const auto& line : lines(wanted))
        if (!line.empty() && line[0] != '#' &&
            std::find(present.begin(), present.end(), line) == present.end())
            out.push_back(line);
    return out;
}

/// Adds to the tree's `name` (.gitattributes, .gitignore) the lines current init writes that
/// it lacks, after what it has, which is left as it is; says each line added.
std::string add_lacking_lines(const std::string& dir, const std::string& name,
                              const std::string& wanted) {
    namespace fs = boost::filesystem;
    const std::string path = (fs::path(dir) / name).string();
    boost::system::error_code ec;
    const bool exists = fs::exists(path, ec);
    const std::string have = exists ? read_file(path, path, 1 << 20) : "";
    const std::vector<std::string> lacking = lines_lacking(have, wanted);
    if (lacking.empty()) return "";
    std::string text = have;
    if (!exists) {
        text = wanted;
    } else {
        if (!text.empty() && text.back() != '\n') text += '\n';
        for (const auto& line : lacking) text += line + "\n";
    }
    atomic_write(path, text, 0644);
    std::string said;
    for (const auto& line : lacking) said += name + ": added " + line + "\n";
    return said;
}

/// init --hooks in an existing tree (a fresh clone, or one made by an older liushou): what
/// current init sets up and the tree lacks (attributes, merge driver, hooks) is added, nothing
/// else is touched, and each change is said.
int run_hooks_only(const InitOptions& o, Context& ctx) {
    std::string inside;
    const int rc = run_git({"rev-parse", "--is-inside-work-tree"}, o.dir, &inside);
    if (rc == -1)
        throw UsageError(N_("--hooks needs git, which is not installed (Debian: apt install git)"));
    if (rc != 0)
        throw UsageError(fmt::format("{}: " N_("--hooks: not in a git repository"), o.dir));
    std::string done = add_lacking_lines(o.dir, ".gitattributes", kGitAttributes);
    done += add_lacking_lines(o.dir, ".gitignore", kGitIgnore);
    const bool files = !done.empty();
    done += install_git_integration(o.dir, true);
    if (done.empty())
        done =
            N_("nothing to do: the tree has liushou's git attributes, merge driver and hooks") "\n";
    else if (files)
        done += N_("commit the files named above, so that every clone has them") "\n";
    if (!ctx.quiet) ctx.out << say(ctx, done);
    return 0;
}

int run_init(const InitOptions& o, Context& ctx) {
    namespace fs = boost::filesystem;
    if (o.hooks && fs::exists(fs::path(o.dir) / "liushou.yaml")) return run_hooks_only(o, ctx);
    if (o.school.empty())
        throw UsageError(N_("--school is required: liushou init DIR --school NAME"));
    const int start = start_year_of(o.year, ctx.today);
    const Tree tree(o.dir, tree_options(ctx, o.dir));
    ctx.journal->action = "init";
    if (fs::exists(fs::path(o.dir) / "liushou.yaml"))
        throw UsageError(fmt::format("{}: " N_("already a liushou tree (liushou.yaml exists)"),
                                     tree.display("liushou.yaml")));
    boost::system::error_code ec;
    fs::create_directories(fs::path(o.dir) / "children", ec);
    if (ec) throw IoError(fmt::format("{}: " N_("cannot create: {}"), o.dir, ec.message()));
    // Children's files are personal: only the owner may list or read them.
    fs::permissions(fs::path(o.dir) / "children", fs::owner_all, ec);

    School school = default_school(o.school, start);
    school.county = o.county;
    {
        WriteSession session = tree.lock();
        session.write_school(school);
        session.write_staff(StaffList{});
        session.write_text(".gitattributes", kGitAttributes, 0644);
        session.write_text(".gitignore", kGitIgnore, 0644);
    }

    bool git = false;
    // Without git the tree works, but has no history, hooks or sync: the user is told which
    // package gives it (run_git is -1 when git could not be started at all).
    const bool no_git_program = !o.no_git && run_git({"--version"}, o.dir) == -1;
    if (!o.no_git && !no_git_program && run_git({"rev-parse", "--is-inside-work-tree"}, o.dir) != 0)
        git = run_git({"init", "-q"}, o.dir) == 0;
    std::string integration;
    if (!o.no_git && run_git({"rev-parse", "--is-inside-work-tree"}, o.dir) == 0)
        integration = install_git_integration(o.dir, o.hooks);
    if (no_git_program)  // a problem: said even with -q
        ctx.err << "liushou: " N_(
            "git is not installed, so the tree is not a git repository (no history, hooks or "
            "sync); install the Debian package git (apt install git), then run liushou init "
            "--hooks in the tree") "\n";
    if (!ctx.quiet) {
        ctx.out << say(
            ctx, fmt::format(
                     fmt::runtime(git ? N_("Created the records tree of {} ({}) in {} (a new git "
                                           "repository)") "\n"
                                      : N_("Created the records tree of {} ({}) in {}") "\n"),
                     o.school, school.school_year, o.dir));
        ctx.out << say(ctx, integration);
        ctx.out << say(
            ctx,
            "Next: liushou staff add --name NAME --role head_teacher --grade G --class C\n"
            "      liushou enroll --from SHEET.xlsx\n");
    }
    return 0;
}

}  // namespace

void setup_init(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<InitOptions>();
    cmd.add_option("dir", o->dir, N_("Directory of the new tree (created if missing; default .)"))
        ->type_name("DIR");
    cmd.add_option("--school", o->school,
                   N_("The school's name, e.g. 孙桥镇中心小学 (required for a new tree)"));
    cmd.add_option("--county", o->county, N_("The county (县), for reports"));
    cmd.add_option("--year", o->year,
                   N_("School year, e.g. 2025-2026 (default: the one today falls in)"));
    cmd.add_flag("--no-git", o->no_git, N_("Do not run git init"));
    cmd.add_flag("--hooks", o->hooks,
                 N_("Install the pre-commit hook (check --staged) and the merge driver; in an "
                    "existing tree (after git clone, or made by an older liushou) add only what it "
                    "lacks of them and of the git attributes, and say what changed"));
    cmd.callback([o, &run] { run = [o](Context& ctx) { return run_init(*o, ctx); }; });
}

}  // namespace liushou
