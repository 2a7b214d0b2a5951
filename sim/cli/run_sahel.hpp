// SPDX-License-Identifier: MIT
#pragma once
#include "cli/run_options.hpp"
#include "scenario/sahel_scenario.hpp"

namespace sahel::cli {

// Runs a Sahel scenario, writes timeseries.csv, events.csv, cells/ and
// manifest.json into options.out, prints an outcome table. Returns the exit
// status.
int run_sahel(scenario::SahelScenario s, const RunOptions& options);

}  // namespace sahel::cli
