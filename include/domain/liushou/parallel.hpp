// Work shared among threads: how many, and running them so that every way out joins them.
// One place for what the readers, the cache and the county roll-up each did by hand.
#pragma once

#include <cstddef>
#include <functional>

namespace liushou {

/// How many threads share `items` pieces of work: `requested` when the user asked (--jobs,
/// at most 64), else the machine's cores, but no more than one per `per_thread` items, since
/// a thread costs more than a little work.
int worker_count(int requested, size_t items, size_t per_thread = 64);

/// Runs `work` on `workers` threads, the caller's among them, and returns when all have
/// finished. `work` takes its items itself (an atomic index) and must not throw: each caller
/// keeps the first failure its own way (an item's own error, or the first of all).
void run_on_threads(int workers, const std::function<void()>& work);

/// Calls `each(i)` for every i below `count` on `workers` threads (the caller's among them),
/// taking `chunk` items at a time. The first exception any call throws stops the taking of
/// more items and is rethrown here once every thread has stopped; the calls that are running
/// finish. The common shape of run_on_threads' callers.
void parallel_for(size_t count, int workers, const std::function<void(size_t)>& each,
                  size_t chunk = 1);

}  // namespace liushou
