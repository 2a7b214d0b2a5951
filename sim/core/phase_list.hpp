// SPDX-License-Identifier: MIT
#pragma once
// A tick is a fixed, named list of phases run in order. The names make the
// order visible (docs, --profile output) and let a benchmark time each phase.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace sahel::core {

class PhaseList {
 public:
  struct Phase {
    std::string name;
    std::function<void()> run;
    double seconds = 0.0;  // accumulated wall time, for profiling
  };

  void add(std::string name, std::function<void()> run) { phases_.push_back({std::move(name), std::move(run)}); }

  void run_tick() {
    for (Phase& p : phases_) {
      const auto t0 = std::chrono::steady_clock::now();
      p.run();
      p.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
  }

  const std::vector<Phase>& phases() const { return phases_; }

 private:
  std::vector<Phase> phases_;
};

}  // namespace sahel::core
