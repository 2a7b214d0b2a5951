// SPDX-License-Identifier: MIT
#pragma once
#include "cli/run_options.hpp"
#include "scenario/epstein_scenario.hpp"

namespace sahel::cli {

// Runs an Epstein scenario, writes timeseries.csv and manifest.json into
// options.out, prints a summary. Returns the process exit status.
int run_epstein(const scenario::EpsteinScenario& s, const RunOptions& options);

}  // namespace sahel::cli
