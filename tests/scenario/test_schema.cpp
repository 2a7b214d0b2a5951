// SPDX-License-Identifier: MIT
// The parameter tables are the single source of validation and of the
// reference documentation: every entry needs a description, a source (or
// "assumption") and a default inside its legal range; every event type is
// documented with its keys.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "scenario/common_sections.hpp"
#include "scenario/epstein_scenario.hpp"
#include "scenario/sahel_tables.hpp"
#include "scenario/schema_markdown.hpp"

using namespace sahel;
using namespace sahel::scenario;

namespace {
template <class S>
void check_table(const std::string& name, const std::vector<ParamSpec<S>>& table) {
  const S defaults{};
  std::set<std::string> keys;
  for (const auto& p : table) {
    INFO(name << "." << p.key);
    CHECK(keys.insert(p.key).second);
    CHECK(!p.description.empty());
    CHECK(!p.source.empty());
    const double v = p.get(defaults);
    if (p.type == ParamType::real || p.type == ParamType::integer) {
      CHECK(p.lo <= v);
      CHECK(v <= p.hi);
    }
    if (p.type == ParamType::choice) CHECK(v < static_cast<double>(p.choices.size()));
  }
}

void check_keys(const std::string& name, const std::vector<KeySpec>& table) {
  for (const auto& k : table) {
    INFO(name << "." << k.key);
    CHECK(!k.type.empty());
    CHECK(!k.default_value.empty());
    CHECK(!k.legal.empty());
    CHECK(!k.description.empty());
  }
}
}  // namespace

TEST_CASE("every parameter has a description, a source and a default within its range", "[scenario][schema]") {
  check_table("run", run_table());
  check_table("grid", grid_table());
  check_table("epstein", epstein_table());
  check_table("map", extent_table());
  check_table("map", geography_table());
  check_table("civilians", civilian_table());
  check_table("legitimacy", legitimacy_table());
  check_table("combat", combat_table());
  check_table("control", control_table());
  check_table("output", output_table());
  check_table("doctrine", doctrine_table());
  check_table("weights", weights_table());
  check_keys("header", header_text_keys());
  check_keys("epstein", epstein_extra_keys());
  check_keys("sahel", sahel_top_keys());
  check_keys("map", map_keys());
  check_keys("factions", faction_keys());
  check_keys("start", deployment_keys());
  check_keys("events", event_common_keys());
}

TEST_CASE("every event type is documented once, with its keys", "[scenario][schema]") {
  const auto& types = event_types();
  REQUIRE(types.size() == std::size(model::kEventTypeNames));
  const std::string md = scenario_reference_markdown();
  for (std::size_t i = 0; i < types.size(); ++i) {
    INFO(model::kEventTypeNames[i]);
    CHECK(static_cast<std::size_t>(types[i].type) == i);
    CHECK(!types[i].effect.empty());
    CHECK(!types[i].source.empty());
    check_keys(model::kEventTypeNames[i], types[i].keys);
    CHECK(md.find(std::string("#### `type: ") + model::kEventTypeNames[i] + "`") != std::string::npos);
  }
  // A row carries the model's own default (read back, not restated here).
  const std::string row = "| `flight.per_death` | number | per day per death per 1,000 residents | ";
  const std::size_t at = md.find(row);
  REQUIRE(at != std::string::npos);
  CHECK(std::stod(md.substr(at + row.size())) == Approx(model::FlightParams{}.per_death));
  CHECK(md.find(" | 0 to 1000 |", at + row.size()) == md.find(" |", at + row.size()));
  CHECK(md.find("| `doctrine.unit_size` | integer | fighters | 150 | 1 to 100,000 |") != std::string::npos);
}
