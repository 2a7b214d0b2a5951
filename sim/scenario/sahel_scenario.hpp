// SPDX-License-Identifier: MIT
#pragma once
// A validated Sahel scenario: the rasterised map, the model parameters, the
// factions, who fights whom, and the dated events, all resolved to indices,
// cells and ticks; plus the canonical JSON and its SHA-256.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/sahel/world.hpp"
#include "scenario/common_sections.hpp"

namespace sahel::scenario {

struct SahelScenario {
  std::string file;
  ScenarioHeader header;
  std::chrono::sys_days start_date{};
  std::string map_file;
  model::Extent extent;
  model::GeographyParams geography;
  int snapshot_every = 90;  // ticks between cell snapshots (0: none)
  model::Setup setup;       // geography, params, factions, hostility, events
  nlohmann::ordered_json resolved;
  std::string sha256;
};

// Validates a parsed document whose model is "sahel". Reads and rasterises
// the map it names (relative to the scenario file).
SahelScenario read_sahel_scenario(const Document& doc, const ScenarioHeader& header);

// "YYYY-MM-DD" of a date.
std::string format_date(std::chrono::sys_days day);

// A day from "YYYY-MM-DD"; nothing when the text is not of that form or not
// a real calendar day. Scenarios, sweep files and the command line share it.
std::optional<std::chrono::sys_days> parse_date(const std::string& text);

// The date at `path`, or an error naming it.
std::chrono::sys_days read_date(const Document& doc, const YAML::Node& n, const std::string& path);

}  // namespace sahel::scenario
