// Work shared among threads (parallel.hpp).
#include "liushou/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace liushou {

int worker_count(int requested, size_t items, size_t per_thread) {
    if (requested > 0) return std::min(requested, 64);  // asked for: tests compare 1 and 2
    const int cores =
        std::max(1, std::min(static_cast<int>(std::thread::hardware_concurrency()), 64));
    return static_cast<int>(std::min<size_t>(
        static_cast<size_t>(cores), std::max<size_t>(1, items / std::max<size_t>(1, per_thread))));
}

void run_on_threads(int workers, const std::function<void()>& work) {
    std::vector<std::thread> threads;
    struct Join {  // on every way out, a failure to start a thread included
        std::vector<std::thread>& threads;
        ~Join() {
            for (auto& t : threads) t.join();
        }
    } join{threads};
    for (int w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
}

void parallel_for(size_t count, int workers, const std::function<void(size_t)>& each,
                  size_t chunk) {
    chunk = std::max<size_t>(1, chunk);
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    run_on_threads(workers, [&] {
        try {
            for (size_t from = next.fetch_add(chunk); from < count; from = next.fetch_add(chunk))
                for (size_t i = from; i < std::min(count, from + chunk); ++i) each(i);
        } catch (...) {
            const std::lock_guard<std::mutex> guard(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = count;  // the others take no more
        }
    });
    if (failure) std::rethrow_exception(failure);
}

}  // namespace liushou
