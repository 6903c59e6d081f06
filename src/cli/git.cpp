// Living in git: the merge driver for children's files and the hooks `init --hooks` installs.
#include <fmt/format.h>

#include <boost/filesystem.hpp>
#include <memory>

#include "cli.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct MergeOptions {
    std::string base, ours, theirs, path;
};

/// Which of git's three files a message is about, as words (each in the catalogue).
std::string side_words(const std::string& side) {
    return side == "base"   ? N_("the common ancestor")
           : side == "ours" ? N_("our side")
                            : N_("their side");
}

int run_merge_file(const MergeOptions& o, Context& ctx) {
    // git's %O %A %B are temporaries (.merge_file_XXXXXX): messages name the file being merged.
    const std::string shown = o.path.empty() ? o.ours : o.path;
    std::string sides[3];
    const std::pair<const char*, const std::string*> files[] = {
        {"base", &o.base}, {"ours", &o.ours}, {"theirs", &o.theirs}};
    for (int i = 0; i < 3; ++i) {
        try {
            sides[i] = read_file(*files[i].second, *files[i].second, kMaxRecordBytes);
        } catch (const DataError& e) {
            // Larger than any record may be (the size limit of check): nothing is merged and
            // git's %A is left as it was, ours, with the file marked as a conflict.
            ctx.err << fmt::format(N_("liushou merge-file: {} ({}): {}; nothing was merged, the "
                                      "file is left as ours and marked as a conflict") "\n",
                                   shown, side_words(files[i].first), e.what());
            return kDataProblem;
        }
    }
    const std::string &base = sides[0], &ours = sides[1], &theirs = sides[2];
    const bool school = boost::filesystem::path(o.path).filename() == "liushou.yaml";
    const MergeResult result =
        school ? merge_school_files(base, ours, theirs) : merge_child_files(base, ours, theirs);
    if (!result.refusal.message.empty()) {
        // Beyond check's limits (an alias bomb, a tag, nesting), or too many conflicts: the
        // whole file is one conflict, each side verbatim, which check refuses until a side
        // is chosen (git checkout --ours / --theirs FILE).
        atomic_write(o.ours, result.text, 0600);
        // One sentence each (the message's own "; " must not split it in the catalogue).
        if (result.refused_side.empty())
            ctx.err << fmt::format(N_("liushou merge-file: {}: {}; not merged: the whole file is "
                                      "one conflict between <<<<<<< ours and >>>>>>> theirs (git "
                                      "checkout --ours or --theirs FILE keeps one side)") "\n",
                                   shown, result.refusal.message);
        else
            ctx.err << fmt::format(
                N_("liushou merge-file: {} ({}), line {}: {}; not merged: the whole file is one "
                   "conflict between <<<<<<< ours and >>>>>>> theirs (git checkout --ours or "
                   "--theirs FILE keeps one side)") "\n",
                shown, side_words(result.refused_side), result.refusal.line,
                result.refusal.message);
        return kDataProblem;
    }
    if (!result.merged) {
        // Not records we can read: git's own line merge, with its usual markers.
        ctx.err << "liushou merge-file: not a record on every side; merging by lines\n";
        return run_git({"merge-file", "-L", "ours", "-L", "base", "-L", "theirs", o.ours, o.base,
                        o.theirs},
                       ".") == 0
                   ? 0
                   : kDataProblem;
    }
    atomic_write(o.ours, result.text, 0600);
    if (result.different_children) {
        ctx.err << "liushou merge-file: two different children (their names, birth dates or id "
                   "numbers differ) were given the same id on the two sides. Both are kept in "
                   "the file between <<<<<<< ours and >>>>>>> theirs. To keep both children: "
                   "git checkout --theirs FILE; liushou rename ID NEW-ID; git checkout --ours "
                   "FILE; then git add children/ and commit\n";
        return kDataProblem;
    }
    for (const auto& c : result.conflicts)
        ctx.err << fmt::format(
            "liushou merge-file: {}: changed differently on both sides; "
            "choose between the <<<<<<< ours and >>>>>>> theirs lines\n",
            c.field);
    return result.conflicts.empty() ? 0 : kDataProblem;
}

}  // namespace

std::string install_git_integration(const std::string& root, bool hooks) {
    namespace fs = boost::filesystem;
    std::string report;
    // The merge driver's definition lives in the repository's config, which a clone does not
    // copy: init writes it, and init --hooks writes it again in a fresh clone. Only what is
    // not already so is written and said (init --hooks upgrading a tree says what it changed).
    bool set = false;
    for (const auto& [key, value] :
         {std::pair<const char*, const char*>{"merge.liushou.name", "liushou: merge records"},
          {"merge.liushou.driver", "liushou merge-file %O %A %B %P"}}) {
        std::string now;
        run_git({"config", "--local", "--get", key}, root, &now);
        while (!now.empty() && now.back() == '\n') now.pop_back();
        if (now == value) continue;
        if (run_git({"config", key, value}, root) != 0)
            return N_("git config failed; the merge driver is not set up") "\n";
        set = true;
    }
    if (set)
        report +=
            N_("merge driver: merge.liushou in .git/config (children/*.yaml and liushou.yaml "
               "merge=liushou)") "\n";
    if (!hooks) return report;
    // The hooks go in the repository's own hooks directory, never where a core.hooksPath
    // points: that setting may come with a copied tree and name any folder on the machine.
    std::string common, prefix, hooks_path;
    run_git({"rev-parse", "--path-format=absolute", "--git-common-dir"}, root, &common);
    run_git({"rev-parse", "--show-prefix"}, root, &prefix);
    while (!common.empty() && common.back() == '\n') common.pop_back();
    while (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
    if (common.empty()) return report + N_("git rev-parse failed; no hook was installed") "\n";
    const fs::path dir = fs::path(common) / "hooks";
    const std::string script = liushou_hook_script(prefix);
    const std::string command = liushou_hook_command(prefix);
    boost::system::error_code ec;
    // A link would have the hooks written wherever it points.
    if (fs::is_symlink(dir, ec))
        return report +
               fmt::format(N_("{} is a symbolic link; no hook was installed") "\n", dir.string());
    fs::create_directories(dir, ec);
    // pre-commit for ordinary commits; pre-merge-commit for the commit git pull makes after
    // a merge, which runs no pre-commit hook.
    for (const char* name : {"pre-commit", "pre-merge-commit"}) {
        const fs::path hook = dir / name;
        const bool exists = fs::exists(hook, ec);
        const std::string now = exists ? read_file(hook.string(), hook.string(), 1 << 20) : "";
        if (exists && !is_liushou_hook(now)) {
            report += fmt::format(
                N_("{} hook: {} exists and is not liushou's; add this line to it: {}") "\n", name,
                hook.string(), command);
            continue;
        }
        if (exists && now == script && (fs::status(hook, ec).permissions() & fs::owner_exe))
            continue;  // already the current one
        atomic_write(hook.string(), script, 0755);
        report +=
            exists ? fmt::format(
                         N_("{} hook: replaced by the current one (liushou check --staged)") "\n",
                         name)
                   : fmt::format(N_("{} hook: liushou check --staged") "\n", name);
    }
    // git itself runs hooks from core.hooksPath when it is set (liushou's own commits run
    // liushou's hook whatever it says). The command line's value is liushou's own
    // (git_command): only the files' values count.
    run_git({"config", "--show-scope", "--get-all", "core.hooksPath"}, root, &hooks_path);
    std::string set_to;
    for (size_t at = 0; at < hooks_path.size();) {
        const size_t end = std::min(hooks_path.find('\n', at), hooks_path.size());
        const std::string line = hooks_path.substr(at, end - at);
        at = end + 1;
        const size_t tab = line.find('\t');
        if (tab != std::string::npos && line.compare(0, tab, "command") != 0)
            set_to = line.substr(tab + 1);
    }
    if (!set_to.empty()) {
        hooks_path = set_to;
        report += fmt::format(N_("core.hooksPath is set ({}): git runs the hooks there, not those "
                                 "in {}; add this line to its pre-commit hook: {}") "\n",
                              hooks_path, dir.string(), command);
    }
    return report;
}

void setup_merge_file(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<MergeOptions>();
    cmd.add_option("base", o->base, N_("The common ancestor (git's %O)"))->required();
    cmd.add_option("ours", o->ours, N_("Our version, replaced by the result (git's %A)"))
        ->required();
    cmd.add_option("theirs", o->theirs, N_("Their version (git's %B)"))->required();
    cmd.add_option("path", o->path,
                   N_("Where the result goes (git's %P): liushou.yaml is merged as the school's "
                      "file, any other as a child's"));
    cmd.callback([o, &run] { run = [o](Context& ctx) { return run_merge_file(*o, ctx); }; });
}

}  // namespace liushou
