// SPDX-License-Identifier: MIT
#include "run/scenario_loader.hpp"

namespace sahel::run {

AnyScenario load_scenario(const std::string& path, const Overrides& overrides) {
  scenario::Document doc = scenario::Document::load(path);
  // --seed and --ticks are overrides like any other, so they are validated
  // (and reported) the same way.
  if (overrides.seed) doc.apply_override("seed=" + std::to_string(*overrides.seed));
  if (overrides.ticks) doc.apply_override("ticks=" + std::to_string(*overrides.ticks));
  for (const std::string& s : overrides.set) doc.apply_override(s);
  const scenario::ScenarioHeader header = scenario::read_header(doc, {"epstein", "sahel"});
  if (header.model == "sahel") return scenario::read_sahel_scenario(doc, header);
  return scenario::read_epstein_scenario(doc, header);
}

const scenario::ScenarioHeader& header_of(const AnyScenario& s) {
  return std::visit([](const auto& v) -> const scenario::ScenarioHeader& { return v.header; }, s);
}

}  // namespace sahel::run
