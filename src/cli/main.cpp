// The liushou executable: everything lives in the library; this only hands over the streams.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "cli.hpp"
#include "liushou/store.hpp"

int main(int argc, char** argv) {
    // LIUSHOU_HUGE_PAGES=1: the heap in 2 MiB pages. Asked for only: on a VM that hands
    // freed memory back to its host, each fresh huge page costs milliseconds (hacking.md).
    if (const char* on = std::getenv("LIUSHOU_HUGE_PAGES"); on && std::string_view(on) == "1")
        liushou::prefer_huge_pages();
    const int status = liushou::run_cli(argc, argv, std::cout, std::cerr);
    // LIUSHOU_STATS=1: what the command read, one line for tests and profiling (hacking.md).
    if (const char* on = std::getenv("LIUSHOU_STATS"); on && std::string_view(on) == "1") {
        const liushou::ReadStats& s = liushou::read_stats();
        std::cout.flush();
        std::fprintf(stderr,
                     "liushou-stats: parsed=%ld records-cached=%ld figures-cached=%ld "
                     "figures-recounted=%ld staff-cached=%ld git-status=%ld commits-listed=%ld\n",
                     s.parsed.load(), s.records_cached.load(), s.figures_cached.load(),
                     s.figures_recounted.load(), s.staff_cached.load(), s.git_status.load(),
                     s.commits_listed.load());
    }
    return status;
}
