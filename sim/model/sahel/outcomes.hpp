// SPDX-License-Identifier: MIT
#pragma once
// The outcome metrics of a Sahel run: the one definition that `run`
// (outcomes.csv), `compare` and `sweep` all use. A run feeds every day's
// census to an OutcomeTally; the metrics are read from the tally and the
// final world. docs/outcomes.md describes each metric.
#include <cstdint>
#include <string>
#include <vector>

#include "model/sahel/model.hpp"

namespace sahel::model {

struct OutcomeMetricInfo {
  const char* name;
  const char* unit;
  const char* description;
};

// Every metric, in the order outcome_values() returns them.
const std::vector<OutcomeMetricInfo>& outcome_metric_catalogue();
// Index of a metric by name, -1 if there is none.
int outcome_metric_index(const std::string& name);

// Running totals over the days of a run. Plain data, so checkpoints can
// carry it and a resumed run reports the same totals as an unbroken one.
struct OutcomeTally {
  std::int64_t days = 0;
  std::vector<std::int64_t> losses;            // per faction, since the start
  std::vector<std::int64_t> civilians_killed;  // per faction, since the start
  std::int64_t militant_cells_peak = 0;
  std::int64_t displaced_peak = 0;
  std::int64_t joined = 0;    // people who joined armed groups
  double legitimacy_sum = 0;  // of the daily mean local legitimacy, for its average
  std::int64_t battles = 0, violence_events = 0, remote_events = 0;  // events by type
  std::int64_t battle_deaths = 0;  // deaths in battles and remote violence with a government-side actor (state-based)
};

OutcomeTally start_tally(const World& world, const Census& first);
// Adds one simulated day.
void add_day(OutcomeTally& tally, const World& world, const Census& today);
// Values in catalogue order, from the tally and the last census.
std::vector<double> outcome_values(const OutcomeTally& tally, const World& world, const Census& last);

}  // namespace sahel::model
