// SPDX-License-Identifier: MIT
#pragma once
// A validated Epstein scenario: everything a run needs, resolved (defaults
// filled in, overrides applied), plus its canonical JSON and SHA-256.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "model/epstein/params.hpp"
#include "scenario/common_sections.hpp"

namespace sahel::scenario {

struct GridSettings {
  int width = 40;
  int height = 40;
  bool torus = true;
};

struct EpsteinScenario {
  std::string file;
  ScenarioHeader header;
  GridSettings grid;
  epstein::Params params;
  nlohmann::ordered_json resolved;  // the whole scenario, defaults included
  std::string sha256;               // of resolved.dump()

  core::Grid core_grid() const { return {grid.width, grid.height, grid.torus}; }
};

const std::vector<ParamSpec<GridSettings>>& grid_table();
const std::vector<ParamSpec<epstein::Params>>& epstein_table();
// Keys of epstein: that are not numbers (the legitimacy schedule).
const std::vector<KeySpec>& epstein_extra_keys();

// Validates a parsed document whose model is "epstein".
EpsteinScenario read_epstein_scenario(const Document& doc, const ScenarioHeader& header);

}  // namespace sahel::scenario
