// SPDX-License-Identifier: MIT
#pragma once
// Parameter tables of the Sahel model: one per section, each entry with its
// unit, legal range, description and source (or "assumption"). They drive
// validation, the resolved scenario in the manifest and the parameter
// tables of docs/model.md.
#include <vector>

#include "model/sahel/faction.hpp"
#include "model/sahel/geography.hpp"
#include "model/sahel/params.hpp"
#include "scenario/param_table.hpp"

namespace sahel::scenario {

const std::vector<ParamSpec<model::CivilianParams>>& civilian_table();
const std::vector<ParamSpec<model::LegitimacyParams>>& legitimacy_table();
const std::vector<ParamSpec<model::CombatParams>>& combat_table();
const std::vector<ParamSpec<model::ControlParams>>& control_table();
const std::vector<ParamSpec<model::Doctrine>>& doctrine_table();
const std::vector<ParamSpec<model::PersonalityWeights>>& weights_table();
const std::vector<ParamSpec<model::Extent>>& extent_table();
const std::vector<ParamSpec<model::GeographyParams>>& geography_table();

}  // namespace sahel::scenario
