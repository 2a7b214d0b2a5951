// SPDX-License-Identifier: MIT
// Invariants checked after every tick: agents are conserved, no cell holds
// two free agents, the occupancy layer agrees with the agents, and jailed
// citizens neither move nor act.
#include <catch2/catch.hpp>
#include <string>

#include "support/scenario_text.hpp"

using namespace sahel;

namespace {
std::string invariants_yaml(const std::string& neighbourhood, bool torus) {
  return "model: epstein\nname: invariants\nticks: 150\nseed: 4\n"
         "grid: {width: 37, height: 29, torus: " +
         std::string(torus ? "true" : "false") +
         "}\n"
         "epstein: {legitimacy: 0.7, cop_density: 0.04, citizen_density: 0.7, max_jail_term: 15, neighbourhood: " +
         neighbourhood + ", citizen_vision: 4, cop_vision: 4}\n";
}
}  // namespace

TEST_CASE("Epstein invariants hold every tick", "[epstein][invariants]") {
  for (const std::string shape : {"moore", "von_neumann", "disc"}) {
    for (const bool torus : {true, false}) {
      const auto s = test::epstein_from_text(invariants_yaml(shape, torus));
      epstein::Model m = test::epstein_model(s);
      const epstein::World& w = m.world();
      const std::size_t citizens = w.citizens.size(), cops = w.cops.size();
      REQUIRE(citizens == static_cast<std::size_t>(std::llround(0.7 * 37 * 29)));
      REQUIRE(cops == static_cast<std::size_t>(std::llround(0.04 * 37 * 29)));
      std::int64_t jailed_seen = 0, active_seen = 0;
      for (int t = 0; t < s.header.run.ticks; ++t) {
        const auto before_cell = w.citizens.cell;
        const auto before_status = w.citizens.status;
        const auto before_jail = w.citizens.jail_left;
        m.step();
        REQUIRE(w.citizens.size() == citizens);
        REQUIRE(w.cops.size() == cops);
        std::vector<int> free_agents(static_cast<std::size_t>(w.grid.cells()), 0);
        for (std::size_t i = 0; i < citizens; ++i) {
          const bool jailed = w.citizens.status[i] == epstein::Status::jailed;
          if (!jailed) {
            ++free_agents[static_cast<std::size_t>(w.citizens.cell[i])];
            REQUIRE(w.occupant.data()[w.citizens.cell[i]] == static_cast<epstein::Occupant>(i));
          }
          // A citizen who was jailed with time left this tick stayed in jail,
          // kept his cell and did not act.
          if (before_status[i] == epstein::Status::jailed && before_jail[i] > 1) {
            REQUIRE(jailed);
            REQUIRE(w.citizens.cell[i] == before_cell[i]);
            REQUIRE(w.citizens.jail_left[i] == before_jail[i] - 1);
          }
          jailed_seen += jailed;
          active_seen += w.citizens.status[i] == epstein::Status::active;
        }
        for (std::size_t j = 0; j < cops; ++j) {
          ++free_agents[static_cast<std::size_t>(w.cops.cell[j])];
          REQUIRE(w.occupant.data()[w.cops.cell[j]] == epstein::cop_code(j));
        }
        for (const int n : free_agents) REQUIRE(n <= 1);
        const auto census = m.census();
        REQUIRE(census.quiet + census.active + census.jailed == static_cast<std::int64_t>(citizens));
      }
      // The run exercised arrests and rebellion, not an idle world.
      CHECK(jailed_seen > 0);
      CHECK(active_seen > 0);
    }
  }
}
