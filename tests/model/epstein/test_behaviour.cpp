// SPDX-License-Identifier: MIT
// What Epstein (2002) and the NetLogo and Mesa versions show, as tests:
// punctuated equilibrium under NetLogo's parameters, calm under high
// legitimacy, widespread rebellion under low legitimacy with few cops, and a
// sudden legitimacy drop provoking a larger outburst than a gradual one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/scenario_text.hpp"

using namespace sahel;

namespace {
std::string shipped(const std::string& name) {
  std::ifstream in(std::string(SAHELSIM_SOURCE_DIR) + "/scenarios/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::int64_t> active_series(const std::string& yaml, std::uint64_t seed,
                                        std::vector<std::string> overrides = {}) {
  overrides.push_back("seed=" + std::to_string(seed));
  auto s = test::epstein_from_text(yaml, overrides);
  epstein::Model m = test::epstein_model(s);
  std::vector<std::int64_t> active;
  for (int t = 0; t < s.header.run.ticks; ++t) {
    m.step();
    active.push_back(m.census().active);
  }
  return active;
}

// An outburst starts when at least `high` citizens are active and ends when
// fewer than `low` are.
int outbursts(const std::vector<std::int64_t>& active, std::int64_t high, std::int64_t low) {
  int n = 0;
  bool in = false;
  for (const std::int64_t a : active) {
    if (!in && a >= high) {
      in = true;
      ++n;
    } else if (in && a < low) {
      in = false;
    }
  }
  return n;
}
}  // namespace

TEST_CASE("NetLogo's parameters give punctuated equilibrium", "[epstein][behaviour]") {
  const std::string yaml = shipped("epstein_netlogo.yaml");
  for (const std::uint64_t seed : {1, 2, 3}) {
    const auto active = active_series(yaml, seed);
    REQUIRE(active.size() == 500);
    // 1,120 citizens: an outburst passes 5 % (56) and ends below 1 % (11).
    const int bursts = outbursts(active, 56, 11);
    const auto quiet_ticks = std::count_if(active.begin(), active.end(), [](std::int64_t a) { return a < 11; });
    INFO("seed " << seed << ": " << bursts << " outbursts, " << quiet_ticks << " quiet ticks");
    CHECK(bursts >= 3);
    CHECK(quiet_ticks >= 150);  // long calm spells between them
  }
}

TEST_CASE("high legitimacy (0.95) keeps almost everyone quiet", "[epstein][behaviour]") {
  const auto active = active_series(shipped("epstein_netlogo.yaml"), 1, {"epstein.legitimacy=0.95"});
  // With L = 0.95 grievance is at most 0.05, below the threshold 0.1: no one
  // can turn active whatever the cops.
  CHECK(*std::max_element(active.begin(), active.end()) == 0);
}

TEST_CASE("low legitimacy with few cops makes rebellion widespread", "[epstein][behaviour]") {
  const auto active =
      active_series(shipped("epstein_netlogo.yaml"), 1, {"epstein.legitimacy=0.3", "epstein.cop_density=0.01"});
  double share = 0;
  for (std::size_t t = 300; t < active.size(); ++t) share += active[t] / 1120.0;
  share /= static_cast<double>(active.size() - 300);
  CHECK(share > 0.4);
}

TEST_CASE("a sudden legitimacy drop provokes a larger outburst than a gradual one", "[epstein][behaviour]") {
  const std::string yaml = shipped("epstein_legitimacy_drop.yaml");
  double sudden = 0, gradual = 0;
  for (const std::uint64_t seed : {1, 2, 3, 4}) {
    const auto s = active_series(yaml, seed);
    const auto g = active_series(yaml, seed, {"epstein.legitimacy_interpolation=linear"});
    sudden += static_cast<double>(*std::max_element(s.begin(), s.end()));
    gradual += static_cast<double>(*std::max_element(g.begin(), g.end()));
  }
  INFO("mean peak: sudden " << sudden / 4 << ", gradual " << gradual / 4);
  CHECK(sudden > 1.1 * gradual);
}
