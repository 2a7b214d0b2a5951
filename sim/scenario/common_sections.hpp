// SPDX-License-Identifier: MIT
#pragma once
// The parts every scenario has, whatever its model: what it is (model, name,
// description, sources), how long and with which seed it runs, and the size
// check that refuses a grid too large for this machine's memory.
#include <cstdint>
#include <string>

#include "scenario/param_table.hpp"

namespace sahel::scenario {

struct RunSettings {
  std::uint64_t seed = 1;
  std::uint32_t replicate = 0;
  int ticks = 500;
};

struct ScenarioHeader {
  std::string model;
  std::string name;
  std::string description;
  std::string sources;
  RunSettings run;
};

const std::vector<ParamSpec<RunSettings>>& run_table();
// The text keys of the header (model, name, description, sources, extends).
const std::vector<KeySpec>& header_text_keys();
// The top-level keys every model accepts.
std::vector<std::string> header_keys();

// Reads model, name, description, sources, seed, replicate and ticks.
ScenarioHeader read_header(const Document& doc, const std::vector<std::string>& known_models);
nlohmann::ordered_json header_json(const ScenarioHeader& h);

// Refuses a world that would not fit in memory, pointing at `node` (the
// grid section), before anything is allocated or written.
void check_fits_in_memory(const Document& doc, const YAML::Node& node, const std::string& path, double bytes_needed);

}  // namespace sahel::scenario
