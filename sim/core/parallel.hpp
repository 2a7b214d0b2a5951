// SPDX-License-Identifier: MIT
#pragma once
// Thin helpers over oneTBB that keep results independent of the thread count.
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace sahel::core {

// Caps the worker threads for as long as it lives; 0 means "all cores".
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);
  int threads() const { return threads_; }

 private:
  int threads_;
  std::unique_ptr<tbb::global_control> control_;
};

// Calls body(i) for every i in [0, n) in parallel. Bodies must write only
// their own slots.
template <class Body>
void for_each_index(std::int64_t n, Body&& body, std::int64_t grain = 2048) {
  tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, n, grain),
                    [&](const tbb::blocked_range<std::int64_t>& r) {
                      for (std::int64_t i = r.begin(); i < r.end(); ++i) body(i);
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
  tbb::parallel_for(std::int64_t{0}, blocks, [&](std::int64_t b) {
    T s{};
    const std::int64_t end = std::min(n, (b + 1) * block);
    for (std::int64_t i = b * block; i < end; ++i) s += value(i);
    partial[static_cast<std::size_t>(b)] = s;
  });
  T total{};
  for (const T& s : partial) total += s;
  return total;
}

}  // namespace sahel::core
