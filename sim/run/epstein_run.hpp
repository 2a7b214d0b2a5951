// SPDX-License-Identifier: MIT
#pragma once
// One Epstein run from a validated scenario: the census of every tick, the
// peak of the rebellion and the arrests, and optionally the run folder
// (timeseries.csv, manifest.json).
#include <filesystem>
#include <string>
#include <vector>

#include "model/epstein/model.hpp"
#include "output/table.hpp"
#include "run/progress.hpp"
#include "scenario/epstein_scenario.hpp"

namespace sahel::run {

struct EpsteinRunPlan {
  std::filesystem::path out;  // empty: write nothing
  std::string command_line;   // for the manifest
  int threads = 0;            // for the manifest
  bool keep_tables = false;   // keep timeseries.csv's rows in memory
  bool digest = false;        // compute final_state_sha256 (always when writing files)
  ProgressFn progress;
};

struct EpsteinRunResult {
  epstein::Census last, peak;  // peak: the tick with the most active citizens
  std::int64_t arrests = 0;    // over the run
  double wall_seconds = 0, agent_updates_per_second = 0;
  std::string final_state_sha256;
  std::vector<std::string> outputs;
  output::Table timeseries;  // with keep_tables
};

EpsteinRunResult simulate(const scenario::EpsteinScenario& s, const EpsteinRunPlan& plan);

}  // namespace sahel::run
