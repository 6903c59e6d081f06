// Running git: no shell, no inherited terminal, output captured only when asked for.
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/store.hpp"
#include "spawn.hpp"

extern char** environ;

namespace liushou {

namespace fs = boost::filesystem;

pid_t spawn(std::vector<std::string> args, const posix_spawn_file_actions_t* actions,
            std::vector<std::string>* env) {
    std::vector<char*> raw;
    for (auto& a : args) raw.push_back(a.data());
    raw.push_back(nullptr);
    std::vector<char*> raw_env;
    if (env) {
        for (auto& e : *env) raw_env.push_back(e.data());
        raw_env.push_back(nullptr);
    }
    pid_t pid = 0;
    return posix_spawnp(&pid, raw[0], actions, nullptr, raw.data(),
                        env ? raw_env.data() : environ) == 0
               ? pid
               : -1;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool read_all(int fd, std::string& output, size_t limit) {
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
        if (n <= 0) continue;
        output.append(buffer, static_cast<size_t>(n));
        if (output.size() > limit) return false;
    }
    return true;
}

int run_program(const std::vector<std::string>& args, std::string* output, bool with_errors) {
    return run_with(args, nullptr, output, with_errors);
}

int run_with(const std::vector<std::string>& args, std::vector<std::string>* env,
             std::string* output, bool with_errors) {
    int pipe_fds[2] = {-1, -1};
    if (output && ::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (output)
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (output && with_errors)
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    else
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const pid_t pid = spawn(args, &actions, env);
    posix_spawn_file_actions_destroy(&actions);
    if (output) {
        ::close(pipe_fds[1]);
        if (pid > 0) read_all(pipe_fds[0], *output, SIZE_MAX);
        ::close(pipe_fds[0]);
    }
    return pid > 0 ? wait_for(pid) : -1;
}

// ---- git as data (#40) -----------------------------------------------------------------
//
// A tree is data that travels (a USB stick, a zip, a clone of another school's repository),
// and so is its repository's .git/config, .git/info/attributes, .git/hooks and whatever
// [include] pulls in. git runs programs named there: core.fsmonitor on every status, a
// filter's clean/smudge/process on any command that hashes or writes out a file, hooks on
// commits and index writes, textconv and external diffs, the pager, gpg on a signed commit or
// log.showSignature, ssh / a remote helper / credential helpers / askpass when a partial
// clone fetches a missing object. Every git command liushou runs goes through git_command()
// below, which switches all of that off from the command line, where git reads configuration
// last (so it wins over .git/config and anything it includes):
//   - single-valued settings are given fixed harmless values with -c;
//   - filters have a name chosen by the repository (filter.<name>.clean): their names are
//     listed with `git config` (which runs nothing, and lists included files too) and each is
//     emptied; an empty command is one git skips. They go through --config-env, since a
//     name may hold "=" (which -c cannot say) and their values come from the environment;
//   - the environment forbids every transport (GIT_ALLOW_PROTOCOL overrides any
//     protocol.*.allow the repository sets) and lazy fetches, so no ssh, helper or proxy runs;
//   - diff-like commands get --no-ext-diff --no-textconv, status --ignore-submodules=all
//     (a submodule's own config is another repository's, which this cannot see);
//   - hooks come from core.hooksPath=/dev/null (no hook at all), except for a commit liushou
//     makes in a repository where `init --hooks` installed liushou's hooks: those, written
//     afresh by liushou into a private directory, and nothing else (not the files in
//     .git/hooks, which a copied tree may have replaced).
// What is left is the user's own: their global config (user.name, a signing key) and their
// environment are kept, since they are not part of the tree.

namespace {

constexpr const char* kHookMark = "# installed by liushou init --hooks";
constexpr const char* kEmptyVar = "LIUSHOU_GIT_EMPTY";
constexpr const char* kFalseVar = "LIUSHOU_GIT_FALSE";

/// Subcommands that may hash or write out a work tree's files, and so run filters: only
/// these pay for listing the filters' names.
bool touches_work_tree(const std::string& command) {
    // filter-repo (purge --history) ends by checking out the rewritten commit; update-index
    // --refresh (after a sync) hashes every file whose stat data changed.
    static const std::set<std::string> kinds = {
        "status",   "add",   "commit", "diff", "checkout-index", "grep",
        "ls-files", "stash", "show",   "log",  "filter-repo",    "update-index"};
    return kinds.count(command) > 0;
}

/// The environment git runs in: the user's, with what the repository could use to reach a
/// program closed off. GIT_DIR, GIT_INDEX_FILE and the like stay, since a hook that runs
/// liushou relies on them.
std::vector<std::string> git_environment() {
    static const std::set<std::string> replaced = {"GIT_ALLOW_PROTOCOL",
                                                   "GIT_NO_LAZY_FETCH",
                                                   "GIT_TERMINAL_PROMPT",
                                                   "GIT_OPTIONAL_LOCKS",
                                                   "GIT_EXTERNAL_DIFF",
                                                   "GIT_PAGER",
                                                   kEmptyVar,
                                                   kFalseVar};
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry = *e;
        if (!replaced.count(entry.substr(0, entry.find('=')))) env.push_back(entry);
    }
    // A name no transport has: nothing may be fetched (a partial clone's missing object).
    env.push_back("GIT_ALLOW_PROTOCOL=liushou-none");
    env.push_back("GIT_NO_LAZY_FETCH=1");  // git 2.44 and later; the line above before that
    env.push_back("GIT_TERMINAL_PROMPT=0");
    env.push_back("GIT_OPTIONAL_LOCKS=0");  // a read never writes the index
    env.push_back("GIT_PAGER=cat");
    env.push_back(std::string(kEmptyVar) + "=");
    env.push_back(std::string(kFalseVar) + "=false");
    return env;
}

/// -c safe.directory for `dir` and every folder above it, whichever holds the repository.
/// git refuses a repository owned by another user ("dubious ownership") because its config
/// could run programs; here it runs none (see above), and whether a tree owned by another user
/// is trusted is liushou's own decision (its ownership check), made before git is run. So git
/// is told to trust the tree's repository too, and says what it holds, not "not a git
/// repository".
std::vector<std::string> safe_directories(const std::string& dir) {
    std::vector<std::string> out;
    boost::system::error_code ec;
    fs::path at = fs::canonical(dir.empty() ? "." : dir, ec);
    if (ec) return out;
    for (; !at.empty(); at = at.parent_path()) {
        out.push_back("-c");
        out.push_back("safe.directory=" + at.string());
        if (at == at.root_path()) break;
    }
    return out;
}

/// The fixed part: what a repository can name to run a program, turned off.
std::vector<std::string> fixed_settings(const std::string& hooks) {
    std::vector<std::string> out;
    for (const std::string& setting : std::vector<std::string>{
             "core.fsmonitor=false", "core.hooksPath=" + hooks, "core.pager=cat", "core.editor=:",
             "core.askPass=", "core.sshCommand=false", "credential.helper=", "protocol.allow=never",
             "log.showSignature=false", "commit.gpgSign=false", "submodule.recurse=false",
             "status.submoduleSummary=false", "diff.ignoreSubmodules=all"}) {
        out.push_back("-c");
        out.push_back(setting);
    }
    return out;
}

/// The names of the filters git knows in `dir` (from every config file, included ones
/// too), listed once a run per directory.
std::vector<std::string> filter_names(const std::string& dir) {
    static std::mutex mutex;
    static std::map<std::string, std::vector<std::string>> known;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (const auto it = known.find(dir); it != known.end()) return it->second;
    }
    std::vector<std::string> args = {"git", "--no-pager", "-C", dir};
    for (auto&& a : fixed_settings("/dev/null")) args.push_back(std::move(a));
    for (auto&& a : safe_directories(dir)) args.push_back(std::move(a));
    for (const char* a : {"config", "-z", "--name-only", "--get-regexp", "^filter\\."})
        args.push_back(a);
    std::vector<std::string> env = git_environment();
    std::string out;
    run_with(args, &env, &out);
    std::set<std::string> names;
    for (size_t at = 0; at < out.size();) {
        size_t end = out.find('\0', at);
        if (end == std::string::npos) end = out.size();
        std::string key = out.substr(at, end - at);
        at = end + 1;
        // `--name-only -z` ends a name with NUL, or with a newline before a value.
        if (const size_t nl = key.find('\n'); nl != std::string::npos) key.resize(nl);
        const size_t last = key.rfind('.');
        if (key.size() > 7 && last > 7) names.insert(key.substr(7, last - 7));
    }
    std::vector<std::string> list(names.begin(), names.end());
    std::lock_guard<std::mutex> lock(mutex);
    known.emplace(dir, list);
    return list;
}

/// The directory of hooks a commit by liushou runs: a private one holding liushou's own
/// hooks when the repository has them installed, else /dev/null (no hook). Removed when the
/// commit is done.
class CommitHooks {
  public:
    explicit CommitHooks(const std::string& dir) {
        std::string common, prefix;
        if (run_git({"rev-parse", "--path-format=absolute", "--git-common-dir"}, dir, &common) !=
                0 ||
            run_git({"rev-parse", "--show-prefix"}, dir, &prefix) != 0)
            return;
        while (!common.empty() && common.back() == '\n') common.pop_back();
        while (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
        const fs::path installed = fs::path(common) / "hooks" / "pre-commit";
        std::string text;
        try {
            text = read_regular_file(installed.string(), installed.string(), 1 << 16);
        } catch (const Error&) {
            return;  // none, or not a file: no hook
        }
        if (text.find(kHookMark) == std::string::npos) return;
        try {
            dir_ = std::make_unique<TempDir>("liushou-hooks");
            atomic_write(dir_->path() + "/pre-commit", liushou_hook_script(prefix), 0700);
        } catch (const Error&) {
            // Without its hook the commit still runs no one else's.
        }
    }
    std::string path() const { return dir_ ? dir_->path() : "/dev/null"; }

  private:
    std::unique_ptr<TempDir> dir_;
};

}  // namespace

std::string liushou_hook_command(const std::string& prefix) {
    // Hooks run at the top of the work tree; the tree may be a folder inside it, whose name
    // is data (孙桥 小学, or one chosen to run a command): one word for sh, ' written '\''.
    std::string quoted = "'";
    for (const char c : "./" + prefix)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return "liushou --root " + quoted + "' check --staged --allow-incomplete -q";
}

std::string liushou_hook_script(const std::string& prefix) {
    return fmt::format(
        "#!/bin/sh\n{}: refuses a commit whose records fail liushou check.\nexec {}\n", kHookMark,
        liushou_hook_command(prefix));
}

bool is_liushou_hook(const std::string& text) {
    return text.find(kHookMark) != std::string::npos;
}

GitCommand git_command(const std::vector<std::string>& git_args, const std::string& dir,
                       const std::string& hooks) {
    GitCommand c;
    c.argv = {"git", "--no-pager", "-C", dir};
    for (auto&& a : fixed_settings(hooks)) c.argv.push_back(std::move(a));
    for (auto&& a : safe_directories(dir)) c.argv.push_back(std::move(a));
    const std::string command = git_args.empty() ? "" : git_args.front();
    if (touches_work_tree(command))
        for (const auto& name : filter_names(dir)) {
            for (const char* key : {"clean", "smudge", "process"})
                c.argv.push_back(fmt::format("--config-env=filter.{}.{}={}", name, key, kEmptyVar));
            c.argv.push_back(fmt::format("--config-env=filter.{}.required={}", name, kFalseVar));
        }
    if (command == "commit") {
        // Every --commit writes a new 400 KB children/ tree at 10,000 children, loose. git
        // commit ends with `gc --auto`, which packs loose objects (in the background, deltas
        // found among them) once there are more than gc.auto: git's 6,700 let a class's month
        // of home visits stay loose, and sync --to then spent seconds finding those deltas
        // in its bundle. 256 is the smallest step git's estimate tells apart (#42). In the
        // foreground (autoDetach off): a gc left running behind the command would make the
        // next `purge --history` (git gc --prune=now) fail, and a test's repository change
        // under it; the pause is a repack of about 256 loose objects, once in about 60
        // commits.
        for (const char* a : {"-c", "gc.auto=256", "-c", "gc.autoDetach=false"})
            c.argv.push_back(a);
    }
    c.argv.insert(c.argv.end(), git_args.begin(), git_args.begin() + (git_args.empty() ? 0 : 1));
    if (command == "diff" || command == "show" || command == "log") {
        c.argv.push_back("--no-ext-diff");
        c.argv.push_back("--no-textconv");
    }
    if (command == "grep") c.argv.push_back("--no-textconv");
    if (command == "status") c.argv.push_back("--ignore-submodules=all");
    if (!git_args.empty()) c.argv.insert(c.argv.end(), git_args.begin() + 1, git_args.end());
    c.env = git_environment();
    return c;
}

int run_git(const std::vector<std::string>& git_args, const std::string& dir, std::string* output,
            bool with_errors) {
    std::unique_ptr<CommitHooks> hooks;
    if (!git_args.empty() && git_args.front() == "commit")
        hooks = std::make_unique<CommitHooks>(dir);
    GitCommand c = git_command(git_args, dir, hooks ? hooks->path() : "/dev/null");
    return run_with(c.argv, &c.env, output, with_errors);
}

// ---- sync (#42): programs fed from and into files, and the merge with liushou's driver ----

int run_program_files(const std::vector<std::string>& args, std::vector<std::string>* env,
                      const std::string& input, const std::string& output, std::string* errors) {
    int pipe_fds[2] = {-1, -1};
    if (errors && ::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, input.empty() ? "/dev/null" : input.c_str(),
                                     O_RDONLY, 0);
    // The output is a file the caller made (a temporary, mode 0600): truncated, never created.
    posix_spawn_file_actions_addopen(&actions, 1, output.empty() ? "/dev/null" : output.c_str(),
                                     O_WRONLY | O_TRUNC, 0);
    if (errors)
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    else
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const pid_t pid = spawn(args, &actions, env);
    posix_spawn_file_actions_destroy(&actions);
    if (errors) {
        ::close(pipe_fds[1]);
        if (pid > 0) read_all(pipe_fds[0], *errors, 1 << 20);
        ::close(pipe_fds[0]);
    }
    return pid > 0 ? wait_for(pid) : -1;
}

GitCommand merge_command(const std::vector<std::string>& git_args, const std::string& dir,
                         const std::string& driver, const std::string& attributes) {
    GitCommand c = git_command(git_args, dir);
    // Only liushou's driver runs: any other a repository's config defines (merge.<name>.driver,
    // named by a .gitattributes that came with the data) is replaced by `false`, which git
    // reports as a conflict of that file.
    std::vector<std::string> extra = {"-c", "merge.liushou.name=liushou: merge records", "-c",
                                      "merge.liushou.driver=" + driver};
    // Records merge record by record even in a tree without init's .gitattributes (one
    // copied in by hand): its own .gitattributes, when it has one, still says last.
    if (!attributes.empty()) {
        extra.push_back("-c");
        extra.push_back("core.attributesFile=" + attributes);
    }
    std::string names;
    std::vector<std::string> list_args = {"git", "--no-pager", "-C", dir};
    for (auto&& a : fixed_settings("/dev/null")) list_args.push_back(std::move(a));
    for (auto&& a : safe_directories(dir)) list_args.push_back(std::move(a));
    for (const char* a : {"config", "-z", "--name-only", "--get-regexp", "^merge\\..*\\.driver$"})
        list_args.push_back(a);
    std::vector<std::string> env = git_environment();
    run_with(list_args, &env, &names);
    for (size_t at = 0; at < names.size();) {
        size_t end = names.find('\0', at);
        if (end == std::string::npos) end = names.size();
        std::string key = names.substr(at, end - at);
        at = end + 1;
        if (const size_t nl = key.find('\n'); nl != std::string::npos) key.resize(nl);
        if (key.size() <= 13 || key == "merge.liushou.driver") continue;
        extra.push_back(fmt::format("--config-env={}={}", key, kFalseVar));
    }
    const auto at = std::find(c.argv.begin() + 4, c.argv.end(), git_args.front());
    c.argv.insert(at, extra.begin(), extra.end());
    return c;
}

}  // namespace liushou
