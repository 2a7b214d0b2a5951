// SPDX-License-Identifier: MIT
#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace sahel::cli {

std::string format_duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  if (s >= 3600) return fmt::format("{} h {:02} min", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{} min {:02} s", s / 60, s % 60);
  return fmt::format("{} s", s);
}

Progress::Progress(std::int64_t total, std::string unit, bool quiet)
    : total_(total),
      unit_(std::move(unit)),
      enabled_(!quiet && isatty(STDERR_FILENO) == 1),
      started_(std::chrono::steady_clock::now()),
      last_(started_) {}

Progress::~Progress() {
  finish();
}

void Progress::update(std::int64_t done, const std::string& where) {
  if (!enabled_) return;
  const std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(500) && done < total_.load()) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const std::string left = rate > 0 ? format_duration(static_cast<double>(total_.load() - done) / rate) : "?";
  const bool per_minute = unit_ == "runs";
  const std::int64_t total = total_.load();
  fmt::print(stderr, "\r\033[K{} {}/{} {} ({:.0f}%), {:.1f} {}/{}, {} left", where, done, total, unit_,
             total > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0,
             per_minute ? rate * 60 : rate, unit_, per_minute ? "min" : "s", left);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  const std::lock_guard lock(mutex_);
  fmt::print(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace sahel::cli
