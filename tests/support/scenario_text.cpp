// SPDX-License-Identifier: MIT
#include "support/scenario_text.hpp"

#include <sstream>

#include "output/epstein_timeseries.hpp"

namespace sahel::test {

scenario::EpsteinScenario epstein_from_text(const std::string& yaml, const std::vector<std::string>& overrides) {
  scenario::Document doc = scenario::Document::parse("test.yaml", yaml);
  for (const std::string& o : overrides) doc.apply_override(o);
  return scenario::read_epstein_scenario(doc, scenario::read_header(doc, {"epstein"}));
}

scenario::SahelScenario sahel_from_text(const std::string& yaml, const std::vector<std::string>& overrides) {
  scenario::Document doc = scenario::Document::parse(std::string(SAHELSIM_SOURCE_DIR) + "/scenarios/test.yaml", yaml);
  for (const std::string& o : overrides) doc.apply_override(o);
  return scenario::read_sahel_scenario(doc, scenario::read_header(doc, {"sahel"}));
}

epstein::Model epstein_model(const scenario::EpsteinScenario& s) {
  return epstein::Model(epstein::make_world(s.core_grid(), s.params, {s.header.run.seed, s.header.run.replicate}));
}

std::string epstein_timeseries(const scenario::EpsteinScenario& s, int ticks) {
  epstein::Model m = epstein_model(s);
  std::ostringstream out;
  output::CsvSink csv(out);
  output::EpsteinTimeseries ts(csv);
  ts.write(m.census());
  for (int t = 0; t < ticks; ++t) {
    m.step();
    ts.write(m.census());
  }
  return out.str();
}

}  // namespace sahel::test
