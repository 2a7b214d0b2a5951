// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "scenario/nearest_key.hpp"
#include "support/scenario_text.hpp"

using namespace sahel;

TEST_CASE("defaults come from the parameter structs and every parameter is documented", "[scenario]") {
  const auto s = test::epstein_from_text("model: epstein\nname: defaults\n");
  CHECK(s.params.legitimacy == 0.82);
  CHECK(s.params.max_jail_term == 30);
  CHECK(s.grid.width == 40);
  CHECK(s.resolved["epstein"]["rounding"] == "floor");
  CHECK(s.resolved["grid"]["torus"] == true);
  for (const auto& spec : scenario::epstein_table()) {
    CHECK_FALSE(spec.description.empty());
    CHECK_FALSE(spec.source.empty());
  }
}

TEST_CASE("the resolved scenario and its hash follow the values, not the spelling", "[scenario]") {
  const auto a = test::epstein_from_text("model: epstein\nname: x\nepstein: {legitimacy: 0.82}\n");
  const auto b = test::epstein_from_text("model: epstein\nname: x\n");
  const auto c = test::epstein_from_text("model: epstein\nname: x\n", {"epstein.legitimacy=0.7"});
  CHECK(a.sha256 == b.sha256);
  CHECK(a.sha256 != c.sha256);
  CHECK(c.params.legitimacy == 0.7);
}

TEST_CASE("the nearest key is offered only when it is close", "[scenario]") {
  const std::vector<std::string> keys = {"legitimacy", "threshold", "cop_density"};
  CHECK(scenario::nearest_key("legitimcy", keys) == "legitimacy");
  CHECK(scenario::nearest_key("cop_densty", keys) == "cop_density");
  CHECK(scenario::nearest_key("xyzzy", keys).empty());
}
