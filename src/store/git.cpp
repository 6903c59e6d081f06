// Running git: no shell, no inherited terminal, output captured only when asked for.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

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

}  // namespace liushou
