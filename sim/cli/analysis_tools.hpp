// SPDX-License-Identifier: MIT
#pragma once
// `sahelsim report` and `sahelsim map`: thin doors into the Python analysis
// kit (analysis/), which reads only the CSV outputs. The kit is found in
// the source tree the program was built from, or in $SAHELSIM_ANALYSIS_PATH.
#include <string>
#include <vector>

#include "run/scenario_loader.hpp"

namespace sahel::cli {

// Runs `/usr/bin/python3 -m MODULE ARGS...` (or $SAHELSIM_PYTHON) with the
// kit on PYTHONPATH; returns its exit status (2 when it cannot start).
int run_analysis_module(const std::string& module, const std::vector<std::string>& args);

// Draws the initial state of a Sahel scenario: a 0-day run into a
// temporary folder, then analysis.scenario_map.
int draw_scenario_map(const std::string& scenario_file, const run::Overrides& overrides, const std::string& out,
                      const std::string& title);

}  // namespace sahel::cli
