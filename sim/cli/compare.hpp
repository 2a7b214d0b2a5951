// SPDX-License-Identifier: MIT
#pragma once
// `sahelsim compare A.yaml B.yaml ... --seeds N [--branch-at DATE] --out DIR`:
// every scenario over the same seeds (common random numbers), runs in
// parallel, then per metric the mean, sd and 95 % confidence interval of
// each scenario and of its paired difference to the first scenario.
#include <filesystem>
#include <string>
#include <vector>

#include "run/scenario_loader.hpp"

namespace sahel::cli {

struct CompareOptions {
  std::vector<std::string> scenarios;
  int seeds = 20;
  std::optional<std::uint64_t> first_seed;  // default: the first scenario's seed
  std::string branch_at;                    // YYYY-MM-DD: share one history up to this date
  std::filesystem::path out;
  int threads = 0;
  bool quiet = false;
  bool all_snapshots = false;  // cell snapshots for every run, not only each scenario's first seed
  run::Overrides overrides;    // --set/--ticks, applied to every scenario
  std::string command_line;
};

int compare_scenarios(const CompareOptions& options);

}  // namespace sahel::cli
