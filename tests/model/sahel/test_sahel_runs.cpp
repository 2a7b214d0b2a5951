// SPDX-License-Identifier: MIT
// The shipped historical scenario as a whole: invariants every tick, and
// byte-identical outputs on 1, 2 and 4 threads.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "core/parallel.hpp"
#include "output/sahel_records.hpp"
#include "scenario/sahel_scenario.hpp"

using namespace sahel;

namespace {

scenario::SahelScenario shipped(const std::string& name, int ticks) {
  scenario::Document doc = scenario::Document::load(std::string(SAHELSIM_SOURCE_DIR) + "/scenarios/" + name);
  doc.apply_override("ticks=" + std::to_string(ticks));
  return scenario::read_sahel_scenario(doc, scenario::read_header(doc, {"sahel"}));
}

struct Outcome {
  std::string timeseries, events, cells, digest;
};

Outcome run(scenario::SahelScenario s, int threads) {
  core::ThreadLimit limit(threads);
  const int ticks = s.header.run.ticks;
  model::Model m(model::make_world(std::move(s.setup)));
  std::ostringstream ts, ev;
  output::CsvSink ts_csv(ts), ev_csv(ev);
  output::SahelTimeseries timeseries(ts_csv);
  output::SahelEventLog events(ev_csv);
  timeseries.write("start", m.world(), m.census());
  for (int t = 1; t <= ticks; ++t) {
    m.step();
    timeseries.write(std::to_string(t), m.world(), m.census());
    events.write(std::to_string(t), m.world(), m.events_today());
  }
  Outcome o{ts.str(), ev.str(), {}, m.state_digest()};
  std::ostringstream cells;
  for (std::size_t c = 0; c < static_cast<std::size_t>(m.world().geo.grid.cells()); ++c)
    cells << int(m.world().zone.data()[c]) << ',' << m.world().legitimacy().data()[c] << '\n';
  o.cells = cells.str();
  return o;
}

}  // namespace

TEST_CASE("people and fighters are conserved every tick of withdrawal_and_wagner", "[sahel][invariants]") {
  scenario::SahelScenario s = shipped("withdrawal_and_wagner.yaml", 210);
  const int ticks = s.header.run.ticks;
  model::Model m(model::make_world(std::move(s.setup)));
  const model::World& w = m.world();
  REQUIRE(w.people_initial > 60000000);     // Mali + Burkina Faso + Niger
  REQUIRE(m.census().displaced > 2000000);  // the stocks of the start date
  std::int64_t deployed = 0, withdrawn = 0, killed = 0, recruited = 0;
  for (int t = 1; t <= ticks; ++t) {
    m.step();
    std::int64_t people = 0;
    for (std::size_t i = 0; i < w.civilians.size(); ++i) {
      REQUIRE(w.civilians.people[i] >= 0);
      people += w.civilians.people[i];
    }
    REQUIRE(people + w.people_dead + w.people_recruited == w.people_initial);
    // The census's accounts of where people are add up: every person has a
    // home country; the displaced are the IDPs plus the refugees; every
    // refugee is hosted somewhere.
    const model::Census census = m.census();
    std::int64_t by_home = 0, idps = 0, abroad = 0, hosted = 0;
    for (const model::CountryCensus& k : census.countries) {
      by_home += k.population;
      idps += k.idps;
      abroad += k.refugees_abroad;
      hosted += k.refugees_hosted;
    }
    REQUIRE(census.population == people);
    REQUIRE(by_home == people);
    REQUIRE(idps + abroad == census.displaced);
    REQUIRE(abroad == census.refugees);
    REQUIRE(hosted == abroad);
    std::vector<std::int64_t> present(w.factions.size(), 0);
    for (std::size_t i = 0; i < w.units.size(); ++i) {
      REQUIRE(w.units.strength[i] > 0);  // empty units are compacted away
      present[w.units.faction[i]] += w.units.strength[i];
    }
    for (std::size_t f = 0; f < w.factions.size(); ++f) {
      const model::FighterAccount& a = w.factions[f].fighters;
      INFO("tick " << t << ", faction " << w.factions[f].spec.name);
      REQUIRE(a.initial + a.recruited + a.deployed == present[f] + a.killed + a.withdrawn);
    }
  }
  for (const auto& f : w.factions) {
    deployed += f.fighters.deployed;
    withdrawn += f.fighters.withdrawn;
    killed += f.fighters.killed;
    recruited += f.fighters.recruited;
  }
  // The run did exercise every account: Wagner arrives, Barkhane leaves the
  // northern bases (1,400 by 15 Dec 2021; the day-210 horizon, 27 Jan 2022,
  // comes before the second withdrawal), fighters die, militants recruit.
  CHECK(deployed == 1000);
  CHECK(withdrawn == 1400);
  CHECK(killed > 0);
  CHECK(recruited > 0);
  CHECK(w.people_dead > 0);
}

TEST_CASE("withdrawal_and_wagner is identical on 1, 2 and 4 threads", "[sahel][determinism]") {
  const Outcome one = run(shipped("withdrawal_and_wagner.yaml", 120), 1);
  CHECK(one.events.size() > 1000);  // a run with events, not an idle world
  for (const int threads : {2, 4}) {
    const Outcome other = run(shipped("withdrawal_and_wagner.yaml", 120), threads);
    REQUIRE(other.timeseries == one.timeseries);
    REQUIRE(other.events == one.events);
    REQUIRE(other.cells == one.cells);
    REQUIRE(other.digest == one.digest);
  }
}
