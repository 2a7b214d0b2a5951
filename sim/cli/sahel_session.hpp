// SPDX-License-Identifier: MIT
#pragma once
// One Sahel run from a validated scenario to its outcome metrics, shared by
// `run`, `compare` and `sweep`: optionally writes the run folder, saves a
// checkpoint, or continues from one.
#include <filesystem>
#include <string>
#include <vector>

#include "cli/progress.hpp"
#include "model/sahel/outcomes.hpp"
#include "scenario/sahel_scenario.hpp"

namespace sahel::cli {

struct SahelRunPlan {
  std::filesystem::path out;          // empty: write nothing, keep the outcomes in memory
  bool cell_snapshots = true;         // cells/ and units/ snapshots (with `out`)
  int checkpoint_tick = -1;           // save out/checkpoint-DATE.bin after this day
  bool stop_at_checkpoint = false;    // end the run there (a shared history)
  std::filesystem::path resume_from;  // continue from this checkpoint
  std::string command_line;           // for the manifest
  int threads = 0;                    // for the manifest
  Progress* progress = nullptr;       // day-by-day progress of a single run
};

struct SahelRunResult {
  std::vector<std::string> faction_names;
  model::Census first, last;  // at the first and last day of this run (the checkpoint's day when resumed)
  model::OutcomeTally tally;
  std::vector<double> outcomes;  // in model::outcome_metric_catalogue() order
  std::vector<std::string> outputs;
  std::string first_date, last_date;
  std::int64_t events = 0;
  double wall_seconds = 0;
  std::filesystem::path checkpoint;  // the checkpoint written, if any
};

SahelRunResult simulate_sahel(scenario::SahelScenario s, const SahelRunPlan& plan);

// "2022-08-15" -> the day of the run, for --checkpoint-at and --branch-at;
// throws scenario::InputError naming `flag` when the date is not within the run.
int tick_of_date(const scenario::SahelScenario& s, const std::string& date, const std::string& flag);

// The name of a checkpoint file for a day.
std::string checkpoint_name(const scenario::SahelScenario& s, int tick);

}  // namespace sahel::cli
