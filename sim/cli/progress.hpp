// SPDX-License-Identifier: MIT
#pragma once
// A one-line progress display on the terminal (standard error), redrawn at
// most twice a second. Silent when standard error is not a terminal or when
// the user asked for quiet, so logs and pipes stay clean.
#include <chrono>
#include <mutex>
#include <string>

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
  void set_total(std::int64_t total) { total_ = total; }
  // Clears the line.
  void finish();
  bool enabled() const { return enabled_; }

 private:
  std::int64_t total_;
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_, last_;
  std::mutex mutex_;
};

// "1 h 02 min", "3 min 05 s", "12 s".
std::string format_duration(double seconds);

}  // namespace sahel::cli
