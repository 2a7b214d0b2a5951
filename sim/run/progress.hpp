// SPDX-License-Identifier: MIT
#pragma once
// How a run, a comparison or a sweep reports how far it has come: `done` of
// `total` (days or runs), and what was reached (a date, a run's name). It
// may be called from several threads at once; an empty function is silence.
// The command line draws it as a progress line; a program may log it.
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <string>

namespace sahel::run {

using ProgressFn = std::function<void(std::int64_t done, std::int64_t total, const std::string& where)>;

// A progress function called from parallel work. If it throws (a Python
// callback interrupted, say), the exception is kept, later reports are
// dropped, and rethrow() raises it once the work is done: an exception
// thrown inside a parallel loop would cancel the runs in flight half done,
// and a sweep's ledger would record them as finished.
class GuardedProgress {
 public:
  explicit GuardedProgress(ProgressFn fn) : fn_(std::move(fn)) {}
  void operator()(std::int64_t done, std::int64_t total, const std::string& where) noexcept {
    if (!fn_ || failed_.load()) return;
    try {
      fn_(done, total, where);
    } catch (...) {
      const std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      failed_.store(true);
    }
  }
  void rethrow() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  ProgressFn fn_;
  std::atomic<bool> failed_{false};
  std::mutex mutex_;
  std::exception_ptr error_;
};

}  // namespace sahel::run
