// SPDX-License-Identifier: MIT
#pragma once
// The part of manifest.json every run writes, whatever its model.
#include <nlohmann/json.hpp>
#include <string>

#include "run/process_stats.hpp"
#include "run/version.hpp"
#include "scenario/common_sections.hpp"

namespace sahel::run {

template <class Scenario>
nlohmann::ordered_json manifest_head(const Scenario& s, const std::string& command_line, int threads) {
  nlohmann::ordered_json m;
  m["program"] = "sahelsim";
  m["version"] = kVersion;
  m["command"] = command_line;
  m["scenario_file"] = s.file;
  m["scenario_sha256"] = s.sha256;
  m["scenario"] = s.resolved;
  m["seed"] = s.header.run.seed;
  m["replicate"] = s.header.run.replicate;
  m["threads"] = threads;
  m["ticks"] = s.header.run.ticks;
  return m;
}

// Speed and memory of the finished run.
template <class Model>
void add_performance(nlohmann::ordered_json& m, const Model& model, const std::string& state_digest, double wall,
                     double loop_seconds, int ticks, double agent_updates) {
  m["wall_seconds"] = wall;
  m["ticks_per_second"] = loop_seconds > 0 ? ticks / loop_seconds : 0.0;
  m["agent_updates_per_second"] = loop_seconds > 0 ? agent_updates / loop_seconds : 0.0;
  for (const auto& phase : model.phases().phases()) m["phase_seconds"][phase.name] = phase.seconds;
  m["final_state_sha256"] = state_digest;
  m["max_rss_bytes"] = max_rss_bytes();
}

}  // namespace sahel::run
