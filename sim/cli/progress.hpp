// SPDX-License-Identifier: MIT
#pragma once
// A one-line progress display on the terminal (standard error), redrawn at
// most twice a second. Silent when standard error is not a terminal or when
// the user asked for quiet, so logs and pipes stay clean.
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

#include "run/progress.hpp"

namespace sahel::cli {

class Progress {
 public:
  // `unit` names what is counted ("days", "runs").
  Progress(std::int64_t total, std::string unit, bool quiet);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // `done` of `total` finished; `where` says what was reached (a date, a
  // run's name). Thread-safe.
  void update(std::int64_t done, const std::string& where);
  void set_total(std::int64_t total) { total_.store(total); }
  // Clears the line.
  void finish();
  bool enabled() const { return enabled_; }
  // This display as the run layer's progress function (it must outlive the run).
  run::ProgressFn callback() {
    return [this](std::int64_t done, std::int64_t total, const std::string& where) {
      set_total(total);
      update(done, where);
    };
  }

 private:
  std::atomic<std::int64_t> total_;
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_, last_;
  std::mutex mutex_;
};

// "1 h 02 min", "3 min 05 s", "12 s".
std::string format_duration(double seconds);

}  // namespace sahel::cli
