// SPDX-License-Identifier: MIT
#pragma once
// Parallel loops for the whole engine, over oneTBB, with results that never
// depend on the thread count.
//
// Under ThreadSanitizer the same loops run on plain std::threads instead:
// Debian's libtbb is not instrumented, so TSan cannot see the hand-over of
// work inside it and reports TBB's own bookkeeping as races. With plain
// threads every synchronisation is visible, and TSan checks what matters,
// our phases' reads and writes, under real concurrency.
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#if defined(__SANITIZE_THREAD__)
#define SAHELSIM_PLAIN_THREADS 1
#endif

namespace sahel::core {

// Caps the worker threads for as long as it lives; 0 means "all cores".
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);
  ~ThreadLimit();
  int threads() const { return threads_; }

 private:
  int threads_;
  int previous_;
  std::unique_ptr<tbb::global_control> control_;
};

#if defined(SAHELSIM_PLAIN_THREADS)
// Chunks of `grain` handed out from an atomic counter to the threads allowed
// by the innermost ThreadLimit.
void plain_threads_for(std::int64_t n, std::int64_t grain, const std::function<void(std::int64_t, std::int64_t)>& body);
#endif

// Calls body(begin, end) on disjoint chunks covering [0, n), in parallel.
template <class Body>
void for_each_range(std::int64_t n, std::int64_t grain, Body&& body) {
#if defined(SAHELSIM_PLAIN_THREADS)
  plain_threads_for(n, grain, body);
#else
  tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, n, grain),
                    [&](const tbb::blocked_range<std::int64_t>& r) { body(r.begin(), r.end()); });
#endif
}

// Calls body(i) for every i in [0, n) in parallel. Bodies must write only
// their own slots.
template <class Body>
void for_each_index(std::int64_t n, Body&& body, std::int64_t grain = 2048) {
  for_each_range(n, grain, [&](std::int64_t begin, std::int64_t end) {
    for (std::int64_t i = begin; i < end; ++i) body(i);
  });
}

// Sums value(i) over [0, n) in fixed blocks of `block` items, each summed in
// index order, the block sums then added in block order. The blocks do not
// depend on the scheduler, so a floating-point sum is the same bit for bit on
// any number of threads.
template <class T, class Value>
T deterministic_sum(std::int64_t n, Value&& value, std::int64_t block = 4096) {
  const std::int64_t blocks = (n + block - 1) / block;
  std::vector<T> partial(static_cast<std::size_t>(blocks), T{});
  for_each_index(
      blocks,
      [&](std::int64_t b) {
        T s{};
        const std::int64_t end = std::min(n, (b + 1) * block);
        for (std::int64_t i = b * block; i < end; ++i) s += value(i);
        partial[static_cast<std::size_t>(b)] = s;
      },
      1);
  T total{};
  for (const T& s : partial) total += s;
  return total;
}

// Sorts values with distinct keys (so the result is unique, whatever the
// algorithm's stability).
template <class It>
void sort_distinct(It first, It last) {
#if defined(SAHELSIM_PLAIN_THREADS)
  std::sort(first, last);
#else
  tbb::parallel_sort(first, last);
#endif
}

}  // namespace sahel::core
