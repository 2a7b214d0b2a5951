// SPDX-License-Identifier: MIT
#pragma once
// Builds validated scenarios from YAML text, the way the command line does
// from a file, so tests state their worlds inline.
#include <string>
#include <vector>

#include "model/epstein/model.hpp"
#include "scenario/epstein_scenario.hpp"
#include "scenario/sahel_scenario.hpp"

namespace sahel::test {

// `overrides` are applied as `--set` would apply them ("epstein.legitimacy=0.9").
scenario::EpsteinScenario epstein_from_text(const std::string& yaml, const std::vector<std::string>& overrides = {});
epstein::Model epstein_model(const scenario::EpsteinScenario& s);
// A Sahel scenario from text, read as if it were scenarios/test.yaml (so
// `map: {file: maps/sahel.yaml}` finds the shipped map). SAHELSIM_SOURCE_DIR
// is defined for every test target.
scenario::SahelScenario sahel_from_text(const std::string& yaml, const std::vector<std::string>& overrides = {});
// Runs `ticks` ticks and returns timeseries.csv as text.
std::string epstein_timeseries(const scenario::EpsteinScenario& s, int ticks);

}  // namespace sahel::test
