// SPDX-License-Identifier: MIT
#pragma once
// Reads a scenario file, applies the command line's overrides, and returns
// the validated scenario of whichever model it names.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "scenario/epstein_scenario.hpp"
#include "scenario/sahel_scenario.hpp"

namespace sahel::run {

struct Overrides {
  std::vector<std::string> set;  // --set KEY=VALUE, in order
  std::optional<std::uint64_t> seed;
  std::optional<int> ticks;
};

using AnyScenario = std::variant<scenario::EpsteinScenario, scenario::SahelScenario>;

AnyScenario load_scenario(const std::string& path, const Overrides& overrides);
const scenario::ScenarioHeader& header_of(const AnyScenario& s);

}  // namespace sahel::run
