// SPDX-License-Identifier: MIT
#pragma once
// The runs of a sweep: design points x replicates, each with its seed and
// the --set overrides that place it in the base scenario.
#include <cstdint>
#include <string>
#include <vector>

#include "sweep/sweep_file.hpp"

namespace sahel::sweep {

struct PlannedRun {
  std::int64_t run = 0;    // 0-based, the order of design.csv and results.csv
  std::int64_t point = 0;  // design point
  int replicate = 0;
  std::uint64_t seed = 0;
  std::string block;                // saltelli: A, B or AB:<factor>; else empty
  int row = -1;                     // saltelli: base-sample index; else -1
  std::vector<std::string> values;  // one per factor, as written to --set and design.csv
};

// Design points in order; replicates of a point are consecutive runs.
std::vector<PlannedRun> plan_runs(const SweepSpec& spec);

}  // namespace sahel::sweep
