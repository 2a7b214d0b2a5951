// SPDX-License-Identifier: MIT
#pragma once
// One Sahel run from a validated scenario to its results, shared by `run`,
// `compare`, `sweep` and the Python module: the results come back as
// objects (outcomes, tables, the final cell layers); writing the run folder,
// saving a checkpoint or continuing from one are options of the plan.
#include <filesystem>
#include <string>
#include <vector>

#include "model/sahel/outcomes.hpp"
#include "output/table.hpp"
#include "run/cell_layers.hpp"
#include "run/progress.hpp"
#include "scenario/sahel_scenario.hpp"

namespace sahel::run {

struct SahelRunPlan {
  std::filesystem::path out;          // empty: write nothing, keep the outcomes in memory
  bool cell_snapshots = true;         // cells/ and units/ snapshots (with `out`)
  int checkpoint_tick = -1;           // save out/checkpoint-DATE.bin after this day
  bool stop_at_checkpoint = false;    // end the run there (a shared history)
  std::filesystem::path resume_from;  // continue from this checkpoint
  std::string command_line;           // for the manifest
  int threads = 0;                    // for the manifest
  bool keep_tables = false;           // keep timeseries, countries and events in memory
  bool keep_layers = false;           // keep the last day's cell layers
  bool digest = false;                // compute final_state_sha256 (always when writing files)
  ProgressFn progress;                // day by day
};

struct SahelRunResult {
  std::vector<std::string> faction_names;
  model::Census first, last;  // at the first and last day of this run (the checkpoint's day when resumed)
  model::OutcomeTally tally;
  std::vector<double> outcomes;  // in model::outcome_metric_catalogue() order
  std::vector<std::string> outputs;
  std::string first_date, last_date;
  std::int64_t event_count = 0;  // events logged
  double wall_seconds = 0;
  std::filesystem::path checkpoint;  // the checkpoint written, if any
  std::string final_state_sha256;
  // With keep_tables: the rows of timeseries.csv, countries.csv, events.csv.
  output::Table timeseries, countries, events;
  CellLayers layers;  // with keep_layers
};

SahelRunResult simulate(scenario::SahelScenario s, const SahelRunPlan& plan);

// "2022-08-15" -> the day of the run, for --checkpoint-at and --branch-at;
// throws scenario::InputError naming `flag` when the date is not within the run.
int tick_of_date(const scenario::SahelScenario& s, const std::string& date, const std::string& flag);

// The name of a checkpoint file for a day.
std::string checkpoint_name(const scenario::SahelScenario& s, int tick);

}  // namespace sahel::run
