// Running git: no shell, no inherited terminal, output captured only when asked for.
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cerrno>
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

/// Starts `args[0]` (found on PATH) with the given file actions; its pid, or -1.
pid_t spawn(std::vector<std::string> args, const posix_spawn_file_actions_t* actions) {
    std::vector<char*> raw;
    for (auto& a : args) raw.push_back(a.data());
    raw.push_back(nullptr);
    pid_t pid = 0;
    return posix_spawnp(&pid, raw[0], actions, nullptr, raw.data(), environ) == 0 ? pid : -1;
}

/// The exit status, or -1 when the program did not exit normally.
int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int run_program(const std::vector<std::string>& args, std::string* output, bool with_errors) {
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
    const pid_t pid = spawn(args, &actions);
    posix_spawn_file_actions_destroy(&actions);
    if (output) {
        ::close(pipe_fds[1]);
        if (pid > 0) {
            char buffer[4096];
            ssize_t n;
            while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0 ||
                   (n < 0 && errno == EINTR))
                if (n > 0) output->append(buffer, static_cast<size_t>(n));
        }
        ::close(pipe_fds[0]);
    }
    return pid > 0 ? wait_for(pid) : -1;
}

int run_git(const std::vector<std::string>& git_args, const std::string& dir, std::string* output,
            bool with_errors) {
    std::vector<std::string> args = {"git", "-C", dir};
    args.insert(args.end(), git_args.begin(), git_args.end());
    return run_program(args, output, with_errors);
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

/// `git -C dir args…` with `input` on its standard input (written by a thread of its own, so
/// that neither side waits on a full pipe) and its standard output returned. False when git
/// cannot be run or fails.
bool git_filter(const std::vector<std::string>& git_args, const std::string& dir,
                const std::string& input, std::string& output) {
    int in_fds[2] = {-1, -1}, out_fds[2] = {-1, -1};
    if (::pipe2(in_fds, O_CLOEXEC) != 0) return false;
    if (::pipe2(out_fds, O_CLOEXEC) != 0) {
        ::close(in_fds[0]);
        ::close(in_fds[1]);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_fds[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_fds[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args = {"git", "-C", dir};
    args.insert(args.end(), git_args.begin(), git_args.end());
    const pid_t pid = spawn(args, &actions);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_fds[0]);
    ::close(out_fds[1]);
    if (pid <= 0) {
        ::close(in_fds[1]);
        ::close(out_fds[0]);
        return false;
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
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(out_fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) output.append(buffer, static_cast<size_t>(n));
    ::close(out_fds[0]);
    writer.join();
    return wait_for(pid) == 0;
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
    // oversized file is refused without being read.
    if (!git_filter({"ls-tree", "-r", "-z", "-l", c->commit_ + ":" + c->prefix_}, dir, "", out))
        throw IoError(fmt::format("{}: commit {} holds no directory {}", dir, rev,
                                  c->prefix_.empty() ? "/" : c->prefix_));
    for (size_t at = 0; at < out.size();) {
        const size_t end = out.find('\0', at);
        const std::string line = out.substr(at, end == std::string::npos ? end : end - at);
        at = end == std::string::npos ? out.size() : end + 1;
        // <mode> SP <type> SP <object> SP+ <size> TAB <path>
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::istringstream fields(line.substr(0, tab));
        GitEntry e;
        std::string type, size;
        fields >> e.mode >> type >> e.blob >> size;
        e.size = size == "-" ? 0 : std::strtoull(size.c_str(), nullptr, 10);
        c->entries_.emplace(line.substr(tab + 1), std::move(e));
    }
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
    std::map<std::string, GitEntry> entries;
    for (unsigned long n = std::strtoul(count.c_str(), nullptr, 10); n > 0; --n) {
        std::string line;
        if (!std::getline(in, line, '\0')) return false;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) return false;
        std::istringstream fields(line.substr(0, tab));
        GitEntry e;
        if (!(fields >> e.mode >> e.blob >> e.size)) return false;
        entries.emplace(line.substr(tab + 1), std::move(e));
    }
    std::map<std::string, std::string> small;
    if (!std::getline(in, count)) return false;
    for (unsigned long n = std::strtoul(count.c_str(), nullptr, 10); n > 0; --n) {
        std::string blob;
        size_t length = 0;
        if (!(in >> blob >> length) || in.get() != '\n') return false;
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
    if (!git_filter({"cat-file", "--batch"}, dir_, input, raw))
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
