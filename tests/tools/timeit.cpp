// timeit CMD [ARG...]: runs CMD and prints, as the last line of standard error, its wall time
// in microseconds, its CPU time (user + system) in microseconds and its peak memory in KB;
// exits as CMD did. scripts/bench times every line with it. GNU time gives the wall time in
// hundredths of a second only, and a `date` on each side of it cost two process starts, 5 ms
// or more on a small VM, as much as a one-file command itself: this clock starts just before
// the fork and stops at the wait.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: timeit CMD [ARG...]\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        std::fprintf(stderr, "timeit: fork: %s\n", std::strerror(errno));
        return 127;
    }
    if (pid == 0) {
        ::execvp(argv[1], argv + 1);
        std::fprintf(stderr, "timeit: %s: %s\n", argv[1], std::strerror(errno));
        ::_exit(127);
    }
    int status = 0;
    struct rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0)
        if (errno != EINTR) return 127;
    const auto wall = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
    const long long cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL +
                          usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    // On a line of its own, even after a command's last line with no newline.
    std::fprintf(stderr, "\n%lld %lld %ld\n", static_cast<long long>(wall), cpu, usage.ru_maxrss);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
