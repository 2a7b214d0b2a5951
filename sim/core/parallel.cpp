// SPDX-License-Identifier: MIT
#include "core/parallel.hpp"

#include <tbb/info.h>

#include <atomic>
#include <thread>

namespace sahel::core {

namespace {
// The thread count plain_threads_for uses (TSan builds only; TBB keeps its
// own through global_control).
std::atomic<int> plain_thread_count{0};
}  // namespace

ThreadLimit::ThreadLimit(int threads)
    : threads_(threads > 0 ? threads : static_cast<int>(tbb::info::default_concurrency())),
      previous_(plain_thread_count.exchange(threads_)),
      control_(std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                     static_cast<std::size_t>(threads_))) {}

ThreadLimit::~ThreadLimit() {
  plain_thread_count.store(previous_);
}

#if defined(SAHELSIM_PLAIN_THREADS)
void plain_threads_for(std::int64_t n, std::int64_t grain,
                       const std::function<void(std::int64_t, std::int64_t)>& body) {
  int threads = plain_thread_count.load();
  if (threads <= 0) threads = static_cast<int>(std::thread::hardware_concurrency());
  std::atomic<std::int64_t> next{0};
  auto work = [&] {
    for (std::int64_t begin; (begin = next.fetch_add(grain)) < n;) body(begin, std::min(n, begin + grain));
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}
#endif

}  // namespace sahel::core
