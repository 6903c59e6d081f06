// Running git: no shell, no inherited terminal, output captured only when asked for.
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>
#include <thread>

#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/store.hpp"

extern char** environ;

namespace liushou {

int run_git(const std::vector<std::string>& git_args, const std::string& dir, std::string* output) {
    int pipe_fds[2] = {-1, -1};
    if (output && ::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (output)
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args = {"git", "-C", dir};
    args.insert(args.end(), git_args.begin(), git_args.end());
    std::vector<char*> raw;
    for (auto& a : args) raw.push_back(a.data());
    raw.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (output) {
        ::close(pipe_fds[1]);
        if (rc == 0) {
            char buffer[4096];
            ssize_t n;
            while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0 ||
                   (n < 0 && errno == EINTR))
                if (n > 0) output->append(buffer, static_cast<size_t>(n));
        }
        ::close(pipe_fds[0]);
    }
    if (rc != 0) return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

GitState git_state(const std::string& root) {
    GitState state;
    std::string head;
    if (run_git({"rev-parse", "--short=12", "HEAD"}, root, &head) != 0) return state;
    while (!head.empty() && (head.back() == '\n' || head.back() == '\r')) head.pop_back();
    state.commit = head;
    std::string changes;
    // Only the tree's own files: a county repository may hold other things.
    if (run_git({"status", "--porcelain", "--untracked-files=all", "--", "."}, root, &changes) == 0)
        state.dirty = !changes.empty();
    return state;
}

// ---- reading a commit ------------------------------------------------------------------

namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

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
    std::vector<char*> raw;
    for (auto& a : args) raw.push_back(a.data());
    raw.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_fds[0]);
    ::close(out_fds[1]);
    if (rc != 0) {
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
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

std::shared_ptr<const GitCommit> GitCommit::open(const std::string& dir, const std::string& rev) {
    auto c = std::make_shared<GitCommit>();
    c->dir_ = dir;
    c->rev_ = rev;
    // A county reads a hundred repositories: each costs four git processes, no more.
    std::string out;
    if (run_git({"rev-parse", "--absolute-git-dir", "--is-bare-repository", "--show-prefix"}, dir,
                &out) != 0)
        throw IoError(
            fmt::format("{}: not a git repository, so --rev {} cannot be read", dir, rev));
    {
        std::istringstream lines(out);
        std::string bare;
        std::getline(lines, c->git_dir_);
        std::getline(lines, bare);
        if (bare != "true") std::getline(lines, c->prefix_);
    }
    // A revision that starts with "-" would be read by git as an option.
    if (rev.empty() || rev.front() == '-')
        throw UsageError(fmt::format("--rev {}: not a branch, tag or commit", rev));
    out.clear();
    // %h with --abbrev=12 is what `rev-parse --short=12` says, so the header equals a
    // checkout's.
    if (run_git({"show", "-s", "--abbrev=12", "--format=%H%n%h%n%cs", "--end-of-options",
                 rev + "^{commit}", "--"},
                dir, &out) != 0)
        throw IoError(fmt::format("{}: no commit {} (no such branch, tag or commit)", dir, rev));
    {
        std::istringstream lines(out);
        std::getline(lines, c->commit_);
        std::getline(lines, c->short_);
        std::getline(lines, c->date_);
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
    // The school's two small files are read by every command: fetch them in one go.
    std::vector<std::string> small;
    for (const char* name : {"liushou.yaml", "staff.yaml"})
        if (const GitEntry* e = c->find(name); e && e->file() && e->size <= (1u << 20))
            small.push_back(e->blob);
    const std::vector<std::string> texts = c->read(small);
    for (size_t i = 0; i < small.size(); ++i) c->prefetched_.emplace(small[i], texts[i]);
    return c;
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
