// Work shared among threads (parallel.hpp): every item once, and the first failure said.
#include "liushou/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

using namespace liushou;

TEST_CASE("parallel_for calls each item exactly once, whatever the threads and chunks") {
    for (int workers : {1, 2, 7})
        for (size_t chunk : {size_t{1}, size_t{3}, size_t{1000}})
            for (size_t count : {size_t{0}, size_t{1}, size_t{5}, size_t{1001}}) {
                std::vector<std::atomic<int>> calls(count);
                parallel_for(
                    count, workers, [&](size_t i) { ++calls[i]; }, chunk);
                for (size_t i = 0; i < count; ++i) CHECK(calls[i].load() == 1);
            }
}

TEST_CASE("parallel_for rethrows the first failure once every thread has stopped") {
    std::atomic<int> running{0};
    try {
        parallel_for(10000, 4, [&](size_t i) {
            ++running;
            if (i == 17) {
                --running;
                throw std::runtime_error("item 17");
            }
            --running;
        });
        FAIL("the failure of item 17 should come back");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "item 17");
    }
    CHECK(running.load() == 0);  // no call still going when it came back
    // How many items the other threads took before it depends on the scheduler (a loaded
    // machine can let them take all); with one thread it does not: none after item 17.
    std::atomic<int> taken{0};
    CHECK_THROWS_AS(parallel_for(10000, 1,
                                 [&](size_t i) {
                                     if (i == 17) throw std::runtime_error("item 17");
                                     ++taken;
                                 }),
                    std::runtime_error);
    CHECK(taken.load() == 17);
}

TEST_CASE("worker_count: as asked, else the cores, but no more than the work is worth") {
    CHECK(worker_count(3, 1) == 3);
    CHECK(worker_count(100, 1) == 64);
    CHECK(worker_count(0, 1) == 1);
    CHECK(worker_count(0, 10, 64) == 1);
    CHECK(worker_count(0, 1000000, 1) >= 1);
}
