// SPDX-License-Identifier: MIT
#pragma once
// Scenarios compared over the same seeds (common random numbers): every
// (scenario, seed) run, in parallel, optionally after one shared history per
// seed; then per outcome metric the mean, sd and 95 % confidence interval of
// each scenario and of its paired difference to the first scenario.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/summary_stats.hpp"
#include "run/progress.hpp"
#include "run/scenario_loader.hpp"

namespace sahel::run {

struct ComparePlan {
  std::vector<std::string> scenarios;  // scenario files; the first is the reference
  int seeds = 20;
  std::optional<std::uint64_t> first_seed;  // default: the first scenario's seed
  std::string branch_at;                    // YYYY-MM-DD: share one history up to this date (needs `out`)
  std::filesystem::path out;                // empty: write nothing
  bool all_snapshots = false;               // cell snapshots for every run, not only each scenario's first seed
  Overrides overrides;                      // applied to every scenario
  std::string command_line;                 // for the manifests
  int threads = 0;                          // for the manifests
  ProgressFn progress;                      // runs finished
};

struct Comparison {
  struct Line {
    core::SampleSummary level, diff;  // diff: paired with the first scenario, seed by seed (empty for it)
  };
  std::vector<std::string> files, names, folders;  // per scenario
  std::vector<std::uint64_t> seeds;
  // values[k * seeds + i][m]: scenario k, seed i, metric m (outcome_metric_catalogue order).
  std::vector<std::vector<double>> values;
  std::vector<std::vector<Line>> table;  // [metric][scenario]
};

// Validates every scenario before anything runs; with `out`, writes
// runs.csv, comparison.csv, compare.json and one run folder per run.
Comparison compare(const ComparePlan& plan);

}  // namespace sahel::run
