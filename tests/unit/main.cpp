#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>

// shell_test.cpp: the huge-pages check, run in a fresh process (this program again), since
// the heap of a process that has run the other tests is no longer a new program's.
int huge_pages_child();

int main(int argc, char** argv) {
    if (const char* child = std::getenv("LIUSHOU_TEST_HUGE_PAGES_CHILD");
        child && std::strcmp(child, "1") == 0)
        return huge_pages_child();
    doctest::Context context;
    context.applyCommandLine(argc, argv);
    return context.run();
}
