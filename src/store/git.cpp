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

extern char** environ;

namespace liushou {

namespace fs = boost::filesystem;

namespace {

/// Starts `args[0]` (found on PATH) with the given file actions and environment (the
/// process's own when null); its pid, or -1.
pid_t spawn(std::vector<std::string> args, const posix_spawn_file_actions_t* actions,
            std::vector<std::string>* env = nullptr) {
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

/// The exit status, or -1 when the program did not exit normally.
int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Reads `fd` to its end into `output`; false when more than `limit` bytes came (the rest
/// is left unread).
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

}  // namespace

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
    static const std::set<std::string> kinds = {"status",         "add",  "commit",   "diff",
                                                "checkout-index", "grep", "ls-files", "stash",
                                                "show",           "log"};
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
                         const std::string& self, const std::string& attributes) {
    GitCommand c = git_command(git_args, dir);
    // git runs a merge driver through the shell: this executable's path is one quoted word.
    std::string quoted = "'";
    for (const char ch : self) quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    quoted += "'";
    // Only liushou's driver runs: any other a repository's config defines (merge.<name>.driver,
    // named by a .gitattributes that came with the data) is replaced by `false`, which git
    // reports as a conflict of that file.
    std::vector<std::string> extra = {"-c", "merge.liushou.name=liushou: merge records", "-c",
                                      "merge.liushou.driver=" + quoted + " merge-file %O %A %B %P"};
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

GitState git_state(const std::string& root) {
    GitState state;
    std::string head;
    if (run_git({"rev-parse", "--short=12", "HEAD"}, root, &head) != 0) return state;
    while (!head.empty() && (head.back() == '\n' || head.back() == '\r')) head.pop_back();
    state.commit = head;
    std::string changes;
    // Only the tree's records: a county repository may hold other things, and a cron job's
    // reports/summary.md inside the repository is no change to the figures.
    if (run_git({"status", "--porcelain", "--untracked-files=all", "--", "liushou.yaml",
                 "staff.yaml", "children", "activities"},
                root, &changes) == 0)
        state.dirty = !changes.empty();
    return state;
}

// ---- reading a commit ------------------------------------------------------------------

namespace {

/// What git_filter got.
enum class Filtered { ok, failed, too_large };

/// `git -C dir args…` (hardened, see git_command) with `input` on its standard input
/// (written by a thread of its own, so that neither side waits on a full pipe) and its
/// standard output in `output`. More than `limit` bytes of output stop git (too_large): a
/// repository is data, and a small one can describe a huge tree.
Filtered git_filter(const std::vector<std::string>& git_args, const std::string& dir,
                    const std::string& input, std::string& output, size_t limit = SIZE_MAX) {
    int in_fds[2] = {-1, -1}, out_fds[2] = {-1, -1};
    if (::pipe2(in_fds, O_CLOEXEC) != 0) return Filtered::failed;
    if (::pipe2(out_fds, O_CLOEXEC) != 0) {
        ::close(in_fds[0]);
        ::close(in_fds[1]);
        return Filtered::failed;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_fds[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_fds[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    GitCommand c = git_command(git_args, dir);
    const pid_t pid = spawn(c.argv, &actions, &c.env);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_fds[0]);
    ::close(out_fds[1]);
    if (pid <= 0) {
        ::close(in_fds[1]);
        ::close(out_fds[0]);
        return Filtered::failed;
    }
    std::thread writer([fd = in_fds[1], &input] {
        size_t done = 0;
        while (done < input.size()) {
            const ssize_t n = ::write(fd, input.data() + done, input.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // git went away: its exit status tells
            done += static_cast<size_t>(n);
        }
        ::close(fd);
    });
    const bool whole = read_all(out_fds[0], output, limit);
    if (!whole) ::kill(pid, SIGKILL);  // our own child, by its id: it would write on
    ::close(out_fds[0]);
    writer.join();
    const int status = wait_for(pid);
    if (!whole) return Filtered::too_large;
    return status == 0 ? Filtered::ok : Filtered::failed;
}

}  // namespace

namespace {

/// The committer's day (YYYY-MM-DD, in the committer's time zone, as `%cs` says) from a commit
/// object's text.
std::string committer_day(const std::string& commit_text) {
    const size_t at = commit_text.find("\ncommitter ");
    if (at == std::string::npos) return "";
    const size_t eol = commit_text.find('\n', at + 1);
    const std::string line = commit_text.substr(at + 1, eol - at - 1);
    const size_t close = line.rfind('>');
    if (close == std::string::npos) return "";
    std::istringstream rest(line.substr(close + 1));
    long long seconds = 0;
    std::string zone;
    if (!(rest >> seconds >> zone) || zone.size() != 5) return "";
    const int sign = zone[0] == '-' ? -1 : 1;
    const long long offset = sign * (std::atoi(zone.substr(1, 2).c_str()) * 3600LL +
                                     std::atoi(zone.substr(3, 2).c_str()) * 60LL);
    const long long local = seconds + offset;
    const long long day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    return (Date{1970, 1, 1}.add_days(static_cast<long>(day))).iso();
}

constexpr const char* kListingMagic = "LSHLIST1";

IoError too_many_files(const std::string& dir, const std::string& rev, const std::string& where) {
    return IoError(fmt::format(
        "{}: commit {}: {} holds more than {} files; refused unread (a liushou tree holds at most "
        "{} files)",
        dir, rev, where, kMaxGitTreeEntries, kMaxGitTreeEntries));
}

/// Throws when the records of a commit's tree would have liushou read more than
/// kMaxGitTreeBytes.
void check_readable(uint64_t readable, const std::string& dir, const std::string& rev,
                    const std::string& where) {
    if (readable > kMaxGitTreeBytes)
        throw IoError(fmt::format(
            "{}: commit {}: the files of {} hold more than {} MiB; refused unread (a liushou "
            "tree's records hold at most {} MiB)",
            dir, rev, where, kMaxGitTreeBytes >> 20, kMaxGitTreeBytes >> 20));
}

}  // namespace

std::shared_ptr<const GitCommit> GitCommit::open(const std::string& dir, const std::string& rev,
                                                 bool use_cache) {
    auto c = std::make_shared<GitCommit>();
    c->dir_ = dir;
    c->rev_ = rev;
    // A revision that starts with "-" would be read by git as an option.
    if (rev.empty() || rev.front() == '-')
        throw UsageError(fmt::format("--rev {}: not a branch, tag or commit", rev));
    // A county reads a hundred repositories, so each costs few processes: this one says where
    // the repository keeps its data, where the tree sits in it, and the commit in full and as
    // `rev-parse --short=12` says it (what a checkout's report header shows). On a warm run it
    // is the only one.
    const std::string spec = rev + "^{commit}";
    std::string out;
    if (run_git({"rev-parse", "--absolute-git-dir", "--is-bare-repository", "--show-prefix", spec,
                 "--short=12", spec},
                dir, &out) != 0) {
        std::string ignored;
        if (run_git({"rev-parse", "--git-dir"}, dir, &ignored) != 0)
            throw IoError(
                fmt::format("{}: not a git repository, so --rev {} cannot be read", dir, rev));
        throw IoError(fmt::format("{}: no commit {} (no such branch, tag or commit)", dir, rev));
    }
    {
        std::istringstream lines(out);
        std::string bare;
        std::getline(lines, c->git_dir_);
        std::getline(lines, bare);
        std::getline(lines, c->prefix_);
        if (bare == "true") c->prefix_.clear();
        std::getline(lines, c->commit_);
        std::getline(lines, c->short_);
    }
    // What the commit holds never changes: its listing and small files are kept by commit id.
    // In GIT_DIR/liushou, opened with no link followed (files.hpp: SafeDir): a copied
    // repository's `liushou -> /elsewhere` is refused, never read or written through.
    const std::string listing =
        c->prefix_.empty() ? std::string("listing")
                           : fmt::format("listing-{:016x}", std::hash<std::string>{}(c->prefix_));
    if (use_cache) {
        std::optional<SafeDir> cache;
        try {
            cache =
                SafeDir::open(c->git_dir_, "liushou", false, false, shown_path(c->git_dir_) + "/");
        } catch (const IoError&) {
            // Not made yet: git is asked.
        }
        if (cache && c->read_listing(cache->path(listing))) return c;
    }

    out.clear();
    // Only the tree's own directory, recursively; -l gives each blob's size so that an
    // oversized file is refused without being read. A small repository can describe a huge
    // tree (100,000 entries naming one blob take 400 KB): the listing is bounded as it
    // comes, and so are its entries and what they would have liushou read.
    const std::string where = c->prefix_.empty() ? "/" : c->prefix_;
    // Without -l: git would look up the size of every entry, even 100,000 naming one blob;
    // the sizes are asked below once a blob, after the entries are counted.
    const Filtered listed = git_filter({"ls-tree", "-r", "-z", c->commit_ + ":" + c->prefix_}, dir,
                                       "", out, kMaxGitListingBytes);
    if (listed == Filtered::too_large) throw too_many_files(dir, rev, where);
    if (listed != Filtered::ok)
        throw IoError(fmt::format("{}: commit {} holds no directory {}", dir, rev, where));
    size_t count = 0;
    std::set<std::string> blobs;
    for (size_t at = 0; at < out.size();) {
        const size_t end = out.find('\0', at);
        const std::string line = out.substr(at, end == std::string::npos ? end : end - at);
        at = end == std::string::npos ? out.size() : end + 1;
        if (++count > kMaxGitTreeEntries) throw too_many_files(dir, rev, where);
        // <mode> SP <type> SP <object> TAB <path>
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::istringstream fields(line.substr(0, tab));
        GitEntry e;
        std::string type;
        fields >> e.mode >> type >> e.blob;
        if (type == "blob") blobs.insert(e.blob);
        c->entries_.emplace(line.substr(tab + 1), std::move(e));
    }
    // Each blob's size, so that an oversized file is refused without being read.
    std::string input, sizes;
    for (const auto& b : blobs) input += b + "\n";
    if (!blobs.empty() && git_filter({"cat-file", "--batch-check"}, dir, input, sizes,
                                     blobs.size() * 128) != Filtered::ok)
        throw IoError(fmt::format("{}: git cat-file failed reading commit {}", dir, rev));
    std::map<std::string, uint64_t> size_of;
    {
        std::istringstream lines(sizes);
        std::string line;
        while (std::getline(lines, line)) {  // <oid> SP <type> SP <size>, or <oid> missing
            std::istringstream fields(line);
            std::string oid, type;
            uint64_t size = 0;
            if (fields >> oid >> type >> size) size_of[oid] = size;
        }
    }
    uint64_t readable = 0;
    for (auto& [name, e] : c->entries_) {
        if (const auto it = size_of.find(e.blob); it != size_of.end()) e.size = it->second;
        // A bigger file is refused unread; those that may be read are what is bounded.
        if (e.file() && e.size <= kMaxRecordBytes) readable += e.size;
    }
    check_readable(readable, dir, rev, where);
    // The commit (for its date) and the school's two small files, read by every command, in
    // one go.
    std::vector<std::string> small = {c->commit_};
    for (const char* name : {"liushou.yaml", "staff.yaml"})
        if (const GitEntry* e = c->find(name); e && e->file() && e->size <= (1u << 20))
            small.push_back(e->blob);
    const std::vector<std::string> texts = c->read(small);
    c->date_ = committer_day(texts.front());
    for (size_t i = 1; i < small.size(); ++i) c->prefetched_.emplace(small[i], texts[i]);
    if (use_cache) {
        try {
            // Made 0700: staff.yaml holds phone numbers.
            const SafeDir cache =
                SafeDir::open(c->git_dir_, "liushou", true, true, shown_path(c->git_dir_) + "/");
            c->write_listing(cache.path(listing));
        } catch (const IoError&) {
            // A read-only repository: the next run asks git again.
        }
    }
    return c;
}

bool GitCommit::read_listing(const std::string& path) {
    std::string text;
    try {
        text = read_file(path, path, 256u << 20);
    } catch (const Error&) {
        return false;  // none yet, or unreadable: git is asked
    }
    std::istringstream in(text);
    std::string magic, commit, prefix, date, count;
    if (!std::getline(in, magic) || magic != kListingMagic || !std::getline(in, commit) ||
        commit != commit_ || !std::getline(in, prefix) || prefix != prefix_ ||
        !std::getline(in, date) || !std::getline(in, count))
        return false;
    // The listing lives in the repository, which is data: it is held to the limits of what
    // git would have listed, else git is asked (and refuses the tree).
    const unsigned long listed = std::strtoul(count.c_str(), nullptr, 10);
    if (listed > kMaxGitTreeEntries) return false;
    std::map<std::string, GitEntry> entries;
    uint64_t readable = 0;
    for (unsigned long n = listed; n > 0; --n) {
        std::string line;
        if (!std::getline(in, line, '\0')) return false;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) return false;
        std::istringstream fields(line.substr(0, tab));
        GitEntry e;
        if (!(fields >> e.mode >> e.blob >> e.size)) return false;
        if (e.file() && e.size <= kMaxRecordBytes) readable += e.size;
        if (readable > kMaxGitTreeBytes) return false;
        entries.emplace(line.substr(tab + 1), std::move(e));
    }
    std::map<std::string, std::string> small;
    if (!std::getline(in, count)) return false;
    const unsigned long prefetched = std::strtoul(count.c_str(), nullptr, 10);
    if (prefetched > 2) return false;  // liushou.yaml and staff.yaml
    for (unsigned long n = prefetched; n > 0; --n) {
        std::string blob;
        size_t length = 0;
        if (!(in >> blob >> length) || in.get() != '\n' || length > kMaxRecordBytes) return false;
        std::string bytes(length, '\0');
        if (!in.read(bytes.data(), static_cast<std::streamsize>(length))) return false;
        small.emplace(std::move(blob), std::move(bytes));
    }
    entries_ = std::move(entries);
    prefetched_ = std::move(small);
    date_ = date;
    return true;
}

void GitCommit::write_listing(const std::string& path) const {
    std::string out = fmt::format("{}\n{}\n{}\n{}\n{}\n", kListingMagic, commit_, prefix_, date_,
                                  entries_.size());
    for (const auto& [name, e] : entries_)
        out += fmt::format("{} {} {}\t{}", e.mode, e.blob, e.size, name) + '\0';
    out += fmt::format("{}\n", prefetched_.size());
    for (const auto& [blob, bytes] : prefetched_)
        out += fmt::format("{} {}\n", blob, bytes.size()) + bytes;
    try {
        atomic_write(path, out, 0600);
    } catch (const Error&) {
        // A read-only repository: the next run asks git again.
    }
}

const GitEntry* GitCommit::find(const std::string& relative) const {
    const auto it = entries_.find(relative);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> GitCommit::names_in(const std::string& relative) const {
    std::vector<std::string> names;
    const std::string dir = relative + "/";
    for (auto it = entries_.lower_bound(dir); it != entries_.end(); ++it) {
        if (it->first.compare(0, dir.size(), dir) != 0) break;
        const std::string rest = it->first.substr(dir.size());
        const size_t slash = rest.find('/');
        const std::string name = slash == std::string::npos ? rest : rest.substr(0, slash);
        if (names.empty() || names.back() != name) names.push_back(name);
    }
    return names;
}

std::vector<std::string> GitCommit::read(const std::vector<std::string>& blobs) const {
    std::vector<std::string> out;
    if (blobs.empty()) return out;
    if (blobs.size() == 1)
        if (const auto it = prefetched_.find(blobs.front()); it != prefetched_.end())
            return {it->second};
    std::string input, raw;
    input.reserve(blobs.size() * 41);
    for (const auto& b : blobs) input += b + "\n";
    if (git_filter({"cat-file", "--batch"}, dir_, input, raw) != Filtered::ok)
        throw IoError(fmt::format("{}: git cat-file failed reading commit {}", dir_, rev_));
    out.reserve(blobs.size());
    // Each answer: "<oid> <type> <size>\n<contents>\n", or "<oid> missing\n".
    size_t at = 0;
    for (const auto& b : blobs) {
        const size_t eol = raw.find('\n', at);
        if (eol == std::string::npos)
            throw IoError(fmt::format("{}: git cat-file ended early at {}", dir_, b));
        const std::string head = raw.substr(at, eol - at);
        const size_t space = head.rfind(' ');
        if (head.find(" missing") != std::string::npos || space == std::string::npos)
            throw IoError(fmt::format("{}: object {} of commit {} is missing", dir_, b, rev_));
        const size_t size = std::strtoull(head.c_str() + space + 1, nullptr, 10);
        if (eol + 1 + size > raw.size())
            throw IoError(fmt::format("{}: git cat-file ended early at {}", dir_, b));
        out.emplace_back(raw, eol + 1, size);
        at = eol + 1 + size + 1;
    }
    return out;
}

}  // namespace liushou
