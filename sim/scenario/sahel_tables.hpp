// SPDX-License-Identifier: MIT
#pragma once
// Parameter tables of the Sahel model: one per section, each entry with its
// unit, legal range, description and source (or "assumption"). They drive
// validation, the resolved scenario in the manifest and the parameter
// tables of docs/model.md and docs/scenario-reference.md (written by
// `sahelsim schema --markdown`).
#include <functional>
#include <string>
#include <vector>

#include "model/sahel/events.hpp"
#include "model/sahel/faction.hpp"
#include "model/sahel/geography.hpp"
#include "model/sahel/params.hpp"
#include "scenario/param_table.hpp"

namespace sahel::scenario {

const std::vector<ParamSpec<model::CivilianParams>>& civilian_table();
const std::vector<ParamSpec<model::FlightParams>>& flight_table();
const std::vector<ParamSpec<model::OperationParams>>& operations_table();
const std::vector<ParamSpec<model::LegitimacyParams>>& legitimacy_table();
const std::vector<ParamSpec<model::CombatParams>>& combat_table();
const std::vector<ParamSpec<model::ControlParams>>& control_table();
const std::vector<ParamSpec<model::Doctrine>>& doctrine_table();
const std::vector<ParamSpec<model::PersonalityWeights>>& weights_table();
const std::vector<ParamSpec<model::Extent>>& extent_table();
const std::vector<ParamSpec<model::GeographyParams>>& geography_table();

// Top-level keys of a Sahel scenario besides the common header.
const std::vector<KeySpec>& sahel_top_keys();
// Keys of map: besides the extent and geography tables.
const std::vector<KeySpec>& map_keys();
// Keys of one faction (doctrine and weights have their own tables).
const std::vector<KeySpec>& faction_keys();
// Keys of initial:, and of one item of initial.displaced.
const std::vector<KeySpec>& initial_keys();
const std::vector<KeySpec>& displaced_keys();
const std::vector<KeySpec>& support_region_keys();
// Keys of one item of a faction's start list.
const std::vector<KeySpec>& deployment_keys();

// Events: the keys every event has, then per type its own keys and effect.
const std::vector<KeySpec>& event_common_keys();
struct EventTypeSpec {
  model::EventType type;
  std::string effect;
  std::string source;  // of the mechanism: a citation or "assumption"
  std::vector<KeySpec> keys;
};
const std::vector<EventTypeSpec>& event_types();
const EventTypeSpec& event_type(model::EventType type);

// The output section of a Sahel scenario (ints of SahelScenario).
struct OutputSettings {
  int snapshot_every = 90;  // ticks between cell snapshots (0: none)
};
const std::vector<ParamSpec<OutputSettings>>& output_table();

// The parameters a `set` event may change during a run, as dotted keys
// ("civilians.flee_rate"), with the section they belong to. Keys read only
// when a run starts are left out.
struct SettableParam {
  std::string key;  // dotted
  ParamType type;
  double lo, hi;
  std::vector<std::string> choices;
  std::string unit;
  std::function<void(model::SahelParams&, double)> set;
};
const std::vector<SettableParam>& settable_params();
// The dotted keys a `set` event refuses: read only when a run starts.
const std::vector<std::string>& start_only_params();

}  // namespace sahel::scenario
