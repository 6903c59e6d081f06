// The command line's own help (#44): hints for a mistyped command (Damerau-Levenshtein), and
// messages that list namesakes or quote git, in Chinese; and the program's heap in huge pages.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "cli/cli.hpp"

using namespace liushou;

TEST_CASE("edit distance: a swap of two neighbours is one edit") {
    CHECK(edit_distance("list", "list") == 0);
    CHECK(edit_distance("", "list") == 4);
    CHECK(edit_distance("list", "") == 4);
    CHECK(edit_distance("lsit", "list") == 1);  // swap in the middle
    CHECK(edit_distance("ilst", "list") == 1);  // swap at the start
    CHECK(edit_distance("lits", "list") == 1);  // swap at the end
    CHECK(edit_distance("reprot", "report") == 1);
    CHECK(edit_distance("satff", "staff") == 1);
    CHECK(edit_distance("lsit", "init") == 2);   // two letters wrong: list is nearer
    CHECK(edit_distance("lisst", "list") == 1);  // one too many
    CHECK(edit_distance("lst", "list") == 1);    // one missing
    CHECK(edit_distance("lest", "list") == 1);   // one wrong
    CHECK(edit_distance("slit", "list") == 2);   // two swaps apart
    // Optimal string alignment: a swapped pair is not edited again (ca -> abc is 3, not 2).
    CHECK(edit_distance("ca", "abc") == 3);
    CHECK(edit_distance("abcd", "badc") == 2);  // two separate swaps
}

TEST_CASE("the nearest command: at most two edits away, the nearest first") {
    const std::vector<std::string> commands = {"help", "init",  "enroll", "check",
                                               "list", "staff", "pair",   "report"};
    CHECK(nearest_word("lsit", commands) == "list");
    CHECK(nearest_word("ilst", commands) == "list");
    CHECK(nearest_word("reprot", commands) == "report");
    CHECK(nearest_word("chekc", commands) == "check");
    CHECK(nearest_word("ehlp", commands) == "help");
    CHECK(nearest_word("enrol", commands) == "enroll");
    CHECK(nearest_word("frobnicate", commands).empty());
    CHECK(nearest_word("xyz", commands).empty());
}

TEST_CASE("namesakes and git's words in Chinese") {
    CHECK(translate("liushou: 王浩 is the name of 2 children: 2025-003 (class 3-1, male, born "
                    "2016-05-01), 2025-015 (class 3-1, male, born 2016-09-12); give the id",
                    "zh") ==
          "liushou：王浩 是 2 名儿童的名字：2025-003（三年级1班，男，2016-05-01 出生）、"
          "2025-015（三年级1班，男，2016-09-12 出生）；请给出学号");
    CHECK(translate("2025-020 (grade 5, female, birth date not recorded)", "zh") ==
          "2025-020（五年级，女，出生日期未填）");
    CHECK(translate("2025-020 (class not recorded, gender not recorded, born 2016-01-02)", "zh") ==
          "2025-020（班级未填，性别未填，2016-01-02 出生）");
    // git's own words are quoted as it said them, never half translated.
    CHECK(translate("  git: fatal: invalid date format: never", "zh") ==
          "  git 的原话：“fatal: invalid date format: never”");
    // A quoted value is data: a cell that says "male" stays "male".
    CHECK(translate("\"male\" is not 男/女 (male/female)", "zh") == "“male”不是男或女");
}

namespace {

/// The VmFlags of the mapping holding `p` in /proc/self/smaps, or "" if none holds it.
[[maybe_unused]] std::string flags_of_mapping(const void* p) {
    const auto at = reinterpret_cast<uintptr_t>(p);
    std::ifstream smaps("/proc/self/smaps");
    bool inside = false;
    for (std::string line; std::getline(smaps, line);) {
        unsigned long from = 0, to = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx ", &from, &to) == 2 && line.find('-') < 16)
            inside = from <= at && at < to;
        else if (inside && line.rfind("VmFlags:", 0) == 0)
            return line.substr(8) + " ";
    }
    return "";
}

/// Whether this kernel gives huge pages on advice, and nothing stops asking (as
/// prefer_huge_pages sees it): else it must leave the heap alone.
[[maybe_unused]] bool huge_pages_expected() {
    std::ifstream size("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size");
    std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
    std::ifstream overcommit("/proc/sys/vm/overcommit_memory");
    std::string mode, strict;
    size_t bytes = 0;
    std::getline(enabled, mode);
    std::getline(overcommit, strict);
    struct rlimit as {
    }, data{};
    getrlimit(RLIMIT_AS, &as);
    getrlimit(RLIMIT_DATA, &data);
    return (size >> bytes) && bytes == (size_t{2} << 20) &&
           mode.find("[never]") == std::string::npos && strict != "2" &&
           as.rlim_cur == RLIM_INFINITY && data.rlim_cur == RLIM_INFINITY;
}

}  // namespace

int huge_pages_child() {
    const size_t marked = prefer_huge_pages();
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return marked == 0 ? 0 : 1;  // left to the sanitizers' allocator
#else
    if (!huge_pages_expected()) return marked == 0 ? 0 : 2;
    // A big block (past the old 128 KiB mapping threshold) comes from the marked range, and
    // so do small ones once the free lists of what ran before are used up.
    void* volatile big = std::malloc(8 << 20);
    void* volatile small = nullptr;
    for (int i = 0; i < 100000; ++i) small = std::malloc(100);
    if (marked < (size_t{200} << 20)) return 3;
    if (flags_of_mapping(small).find(" hg ") == std::string::npos) return 4;
    if (flags_of_mapping(big).find(" hg ") == std::string::npos) return 5;
    // Under a limit on address space the heap is left as the C library makes it.
    const struct rlimit limit = {size_t{4} << 30, size_t{4} << 30};
    return setrlimit(RLIMIT_AS, &limit) == 0 && prefer_huge_pages() == 0 ? 0 : 6;
#endif
}

TEST_CASE("the heap is marked for huge pages, and blocks taken after are in the range") {
    // This test program again, with a fresh heap: the marking is for a new program's heap.
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setenv("LIUSHOU_TEST_HUGE_PAGES_CHILD", "1", 1);
        char name[] = "liushou_tests";
        char* const argv[] = {name, nullptr};
        execv("/proc/self/exe", argv);
        std::_Exit(127);
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
