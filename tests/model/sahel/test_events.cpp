// SPDX-License-Identifier: MIT
// The dated events added for what-if timelines, each on the small toy world
// (tests/support/sahel_toy_world.hpp): global parameter changes (set), a
// legitimacy shock, mercenary contracts, bases opening and closing, and
// border closures to refugees and to armed groups; and the scenario text of
// each type read into the event the model applies.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "model/sahel/model.hpp"
#include "scenario/sahel_tables.hpp"
#include "support/sahel_toy_world.hpp"
#include "support/scenario_text.hpp"

using namespace sahel;
using model::EventType;
using model::FactionKind;
using test::present;
using test::quiet_faction;
using test::toy_world;
using test::ToyWorld;

namespace {

// An event of the given kind on a day (of a faction, for the kinds that
// have one), noted by its type's name.
template <class Action>
model::ScheduledEvent event(int tick, int faction = -1) {
  Action action{};
  if constexpr (requires { action.faction; }) action.faction = faction;
  model::ScheduledEvent e;
  e.tick = tick;
  e.action = std::move(action);
  e.note = model::kEventTypeNames[static_cast<int>(e.type())];
  return e;
}

// The event's fields, to change them after it was made.
template <class Action>
Action& fields(model::ScheduledEvent& e) {
  return std::get<Action>(e.action);
}

int strategic_rows(const model::Model& m) {
  return static_cast<int>(
      std::count_if(m.events_today().begin(), m.events_today().end(),
                    [](const model::ConflictEvent& e) { return e.kind == model::EventKind::strategic; }));
}

void check_fighters(const model::World& w) {
  for (std::size_t f = 0; f < w.factions.size(); ++f) {
    const model::FighterAccount& a = w.factions[f].fighters;
    CHECK(a.initial + a.recruited + a.deployed == present(w, static_cast<int>(f)) + a.killed + a.withdrawn);
  }
}

}  // namespace

TEST_CASE("set: model-wide parameters change on the event's day, through the parameter tables",
          "[sahel][events][set]") {
  ToyWorld toy = toy_world(0);
  toy.add_base("West", 4, 8);
  model::Setup s = toy.setup();
  s.factions = {quiet_faction("Army", FactionKind::state, {{"West", 100}})};
  model::ScheduledEvent e = event<model::event::SetParams>(2);
  // The event as the scenario layer builds it: a setter of the table.
  const auto& params = scenario::settable_params();
  const auto find = [&](const std::string& key) {
    const auto it = std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.key == key; });
    REQUIRE(it != params.end());
    return *it;
  };
  const auto flee = find("flight.per_death"), kill = find("combat.kill_rate"), radius = find("control.radius_cells");
  fields<model::event::SetParams>(e).change = [=](model::SahelParams& p) {
    flee.set(p, 0.25);
    kill.set(p, 0.07);
    radius.set(p, 5);
  };
  s.events = {e};
  model::Model m(model::make_world(std::move(s)));
  const model::SahelParams before = m.world().params;
  m.step();
  CHECK(m.world().params.flight.per_death == before.flight.per_death);
  CHECK(strategic_rows(m) == 0);
  m.step();
  CHECK(strategic_rows(m) == 1);
  CHECK(m.world().params.flight.per_death == 0.25);
  CHECK(m.world().params.combat.kill_rate == 0.07);
  CHECK(m.world().params.control.radius_cells == 5);
  CHECK(m.world().params.legitimacy.initial == before.legitimacy.initial);  // untouched keys keep their values
  // Keys read only at the start cannot be set.
  for (const auto& key : scenario::start_only_params())
    CHECK(std::none_of(params.begin(), params.end(), [&](const auto& p) { return p.key == key; }));
}

TEST_CASE("legitimacy_shock: local legitimacy jumps in one country or everywhere, clamped to 0-1",
          "[sahel][events][legitimacy]") {
  const auto run = [](std::vector<model::ScheduledEvent> events) {
    ToyWorld toy = toy_world(1000);
    toy.add_base("West", 4, 8);
    model::Setup s = toy.setup();
    s.factions = {quiet_faction("Army", FactionKind::state, {{"West", 100}})};
    s.events = std::move(events);
    model::Model m(model::make_world(std::move(s)));
    m.step();
    return std::pair{m.world().legitimacy(), strategic_rows(m)};
  };
  const int aa = 0, cc = 1;
  const auto [calm, no_rows] = run({});
  CHECK(no_rows == 0);
  model::ScheduledEvent drop = event<model::event::LegitimacyShock>(1);
  fields<model::event::LegitimacyShock>(drop).change = -0.3;
  fields<model::event::LegitimacyShock>(drop).country = cc;
  const auto [shocked, rows] = run({drop});
  CHECK(rows == 1);
  const ToyWorld toy = toy_world(1000);
  for (core::CellIndex c = 0; c < toy.geo.grid.cells(); ++c) {
    const int k = toy.geo.country.data()[c];
    const double diff = calm.data()[c] - shocked.data()[c];
    if (k == cc) {
      // 0.3 lower after the day's legitimacy update, which recovers a little of it.
      CHECK(diff > 0.25);
      CHECK(diff <= 0.3 + 1e-6);
    } else {
      CHECK(diff == 0);
    }
  }
  model::ScheduledEvent rise = event<model::event::LegitimacyShock>(1);
  fields<model::event::LegitimacyShock>(rise).change = 1.0;  // everywhere, to the ceiling
  const auto [high, high_rows] = run({rise});
  CHECK(high_rows == 1);
  for (core::CellIndex c = 0; c < toy.geo.grid.cells(); ++c) {
    CHECK(high.data()[c] <= 1.0f);
    if (toy.geo.country.data()[c] == aa) CHECK(high.data()[c] > 0.99f);
  }
}

TEST_CASE(
    "contract_start and contract_end: the payer pays the fee, concessions earn, the mercenaries "
    "leave",
    "[sahel][events][contract]") {
  ToyWorld toy = toy_world(1000);
  toy.add_base("West", 4, 8);
  toy.add_base("Far", 1, 14);
  toy.geo.mines.push_back({"Gold", "AA", "gold", {toy.geo.lon_of(4), toy.geo.lat_of(8)}, 2.0});
  model::Setup s = toy.setup(5);
  auto army = quiet_faction("Army", FactionKind::state, {{"West", 600}});
  army.start_funds = 1e6;
  auto merc = quiet_faction("Merc", FactionKind::mercenary, {}, "RU");
  merc.paid_by = "Army";  // before the contract, the old arrangement
  merc.doctrine.upkeep_per_fighter_day = 10;
  merc.doctrine.unit_size = 100;
  s.factions = {army, merc};
  constexpr double kFee = 30440;  // 1,000 a day
  constexpr double kRate = 50;    // per unit of mine value per day
  model::ScheduledEvent start = event<model::event::ContractStart>(1, 1);
  fields<model::event::ContractStart>(start).payer = 0;
  fields<model::event::ContractStart>(start).fee_per_month = kFee;
  fields<model::event::ContractStart>(start).concession_rate = kRate;
  fields<model::event::ContractStart>(start).troops = 300;
  fields<model::event::ContractStart>(start).cell = toy.cell(4, 8);
  fields<model::event::ContractStart>(start).place = "West";
  fields<model::event::ContractStart>(start).mines = {0};
  model::ScheduledEvent end = event<model::event::ContractEnd>(3, 1);
  fields<model::event::ContractEnd>(end).until_tick = 5;
  s.events = {start, end};
  model::Model m(model::make_world(std::move(s)));
  const model::World& w = m.world();
  CHECK(w.factions[1].paid_by == 0);

  m.step();  // day 1: the contract starts, 300 arrive
  CHECK(strategic_rows(m) == 1);
  CHECK(present(w, 1) == 300);
  CHECK(w.factions[1].fighters.deployed == 300);
  CHECK(w.factions[1].contract.payer == 0);
  const int holder = w.controller.data()[toy.cell(4, 8)];
  REQUIRE((holder < 0 || model::government_side(w.factions[static_cast<std::size_t>(holder)].spec.kind)));
  // The fee moves from the payer; the mercenaries pay their own upkeep and
  // earn from the mine (not held by insurgents).
  CHECK(w.factions[0].funds == Approx(1e6 - kFee / 30.44));
  CHECK(w.factions[1].funds == Approx(kFee / 30.44 + kRate * 2.0 - 10 * 300));
  m.step();  // day 2
  CHECK(w.factions[0].funds == Approx(1e6 - 2 * kFee / 30.44));
  const double merc_funds = w.factions[1].funds;
  CHECK(merc_funds == Approx(2 * (kFee / 30.44 + kRate * 2.0 - 10 * 300)));

  m.step();  // day 3: the contract ends; payment stops, the withdrawal starts
  CHECK(strategic_rows(m) == 1);
  CHECK(w.factions[1].contract.payer == -1);
  CHECK(w.factions[1].paid_by == -1);
  CHECK(w.factions[0].funds == Approx(1e6 - 2 * kFee / 30.44));
  CHECK(present(w, 1) == 200);  // 300 over days 3, 4 and 5
  for (int d = 0; d < 2; ++d) m.step();
  CHECK(present(w, 1) == 0);
  CHECK(w.factions[1].fighters.withdrawn == 300);
  CHECK(w.factions[0].funds == Approx(1e6 - 2 * kFee / 30.44));
  check_fighters(w);
}

TEST_CASE("base_open and base_close: objectives change; a closed base's units pull out or leave",
          "[sahel][events][bases]") {
  ToyWorld toy = toy_world(0);
  toy.add_base("West", 4, 8);
  toy.add_base("East", 14, 8);
  toy.add_base("North", 4, 14);
  model::Setup s = toy.setup(2);
  auto force = quiet_faction("Force", FactionKind::foreign, {{"East", 900}}, "FR");
  force.objective = model::Objective::bases;
  force.theatre = {"AA", "CC"};  // its bases in both countries are its objectives
  auto guard = quiet_faction("Guard", FactionKind::foreign, {}, "FR");
  guard.objective = model::Objective::mines;  // none on this map: no objective of its own
  s.factions = {force, guard};
  const core::CellIndex west = toy.cell(4, 8), east = toy.cell(14, 8), north = toy.cell(4, 14), town = toy.cell(2, 2);
  model::ScheduledEvent close_east = event<model::event::BaseClose>(1, 0);
  fields<model::event::BaseClose>(close_east).cell = east;
  model::ScheduledEvent open_town = event<model::event::BaseOpen>(1, 0);
  fields<model::event::BaseOpen>(open_town).cell = town;
  model::ScheduledEvent open_guard = event<model::event::BaseOpen>(1, 1);
  fields<model::event::BaseOpen>(open_guard).cell = west;
  model::ScheduledEvent deploy_guard = event<model::event::Deploy>(1, 1);
  fields<model::event::Deploy>(deploy_guard).cell = west;
  fields<model::event::Deploy>(deploy_guard).troops = 300;
  model::ScheduledEvent close_guard = event<model::event::BaseClose>(2, 1);
  fields<model::event::BaseClose>(close_guard).cell = west;
  s.events = {close_east, open_town, open_guard, deploy_guard, close_guard};
  model::Model m(model::make_world(std::move(s)));
  const model::World& w = m.world();
  REQUIRE(w.factions[0].objective_cells == std::vector<core::CellIndex>{west, east, north});
  std::vector<std::size_t> of_east;
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.objective[i] == east) of_east.push_back(i);
  REQUIRE(!of_east.empty());

  m.step();
  CHECK(strategic_rows(m) == 4);
  CHECK(w.factions[0].objective_cells == std::vector<core::CellIndex>{town, west, north});
  // West and North are both 10 cells from East: the lower cell index wins.
  for (std::size_t i : of_east) CHECK(w.units.objective[i] == west);
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.faction[i] == 0) CHECK(w.units.objective[i] != east);
  CHECK(present(w, 0) == 900);  // pulling out is a move, not a withdrawal
  // The guard's only objective is the base it opened, so its units head there.
  CHECK(w.factions[1].objective_cells == std::vector<core::CellIndex>{west});
  CHECK(present(w, 1) == 300);
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.faction[i] == 1) CHECK(w.units.objective[i] == west);

  m.step();  // the guard's base closes and it has no other: it leaves
  CHECK(w.factions[1].objective_cells.empty());
  CHECK(present(w, 1) == 0);
  CHECK(w.factions[1].fighters.withdrawn == 300);
  check_fighters(w);
}

TEST_CASE(
    "border_closure to civilians: nobody flees across a closed border, in either direction, until "
    "it reopens",
    "[sahel][events][borders]") {
  const int aa = 0, cc = 1, bb = 2;
  // Civilians killed next to the outside country BB, in CC: people flee to
  // the town in AA, to the camp in BB and to BB's refuge point.
  const auto run = [&](std::vector<model::ScheduledEvent> events, int days) {
    ToyWorld toy = toy_world(1000);
    toy.add_base("Far", 1, 14);
    model::Setup s = toy.setup(3);
    s.params.flight.per_death = 0.02;  // pinned: a strong flight, whatever the calibration
    s.factions = {quiet_faction("Army", FactionKind::state, {{"Far", 100}})};
    s.events = std::move(events);
    auto m = std::make_unique<model::Model>(model::make_world(std::move(s)));
    m->world().harm_memory.data()[toy.cell(16, 8)] = 500;
    for (int d = 0; d < days; ++d) m->step();
    return m;
  };
  const auto heading_to = [](const model::World& w, int country) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < w.civilians.size(); ++i) {
      const core::CellIndex to =
          w.civilians.destination[i] != core::kNoCell ? w.civilians.destination[i] : w.civilians.cell[i];
      n += w.geo.country.data()[to] == country && w.civilians.displaced[i];
    }
    return n;
  };
  const auto open = run({}, 4);
  REQUIRE(heading_to(open->world(), bb) > 0);
  REQUIRE(heading_to(open->world(), aa) > 0);

  model::ScheduledEvent into = event<model::event::BorderClosure>(1);
  fields<model::event::BorderClosure>(into).country = bb;
  fields<model::event::BorderClosure>(into).armed_groups = false;
  const auto closed_bb = run({into}, 4);
  CHECK(closed_bb->world().closed_borders.size() == 1);
  CHECK(heading_to(closed_bb->world(), bb) == 0);
  CHECK(heading_to(closed_bb->world(), aa) > 0);

  // Closing CC keeps its people in: the only destinations lie abroad.
  model::ScheduledEvent out = event<model::event::BorderClosure>(1);
  fields<model::event::BorderClosure>(out).country = cc;
  fields<model::event::BorderClosure>(out).armed_groups = false;
  fields<model::event::BorderClosure>(out).until_tick = 3;
  const auto closed_cc = run({out}, 3);
  CHECK(closed_cc->census().displaced == 0);
  closed_cc->step();  // day 4: reopened
  CHECK(closed_cc->world().closed_borders.empty());
  CHECK(strategic_rows(*closed_cc) == 1);  // "border reopened"
  for (int d = 0; d < 3; ++d) closed_cc->step();
  CHECK(closed_cc->census().displaced > 0);
}

TEST_CASE(
    "border_closure to armed groups: insurgents do not enter, and its border cells give no "
    "sanctuary",
    "[sahel][events][borders]") {
  const int cc = 1, bb = 2;
  // An army at (16, 8) next to a band at (17, 8), on CC's border with BB.
  const auto setup = [](bool movement, std::vector<model::ScheduledEvent> events = {}) {
    ToyWorld toy = toy_world(0);
    toy.add_base("Inner", 16, 8);
    toy.add_base("Edge", 17, 8);
    model::Setup s = toy.setup(4);
    auto army = quiet_faction("Army", FactionKind::state, {{movement ? "Inner" : "Edge", movement ? 600 : 300}}, "CC");
    auto band = quiet_faction("Band", FactionKind::militant, {{"Edge", 100}});
    if (movement) {
      // The band only avoids the army, too strong for it to raid, and keeps
      // off ground the state holds (one cell of sight, one cell a day).
      band.doctrine.mobility_cells = 2;
      band.doctrine.mobile_share = 1;
      band.doctrine.aggression = 1;
      band.doctrine.sense_radius_cells = 1;
      band.weights.enemy = 1;
      band.weights.control = 1;
      band.weights.friends = band.weights.objective = band.weights.cover = band.weights.civilians = 0;
    } else {
      // Both hold their ground: they can only meet by chance (a raid would
      // find the band's unit wherever it hid).
      for (auto* f : {&army, &band}) {
        f->doctrine.aggression = f->doctrine.detectability = 1;
        f->doctrine.mobile_share = 0;
      }
      for (double& c : s.params.combat.cover_detection) c = 1.0;
      s.params.combat.border_sanctuary = 0;  // a border cell hides completely
      s.params.combat.engagement_rate = 1;
    }
    s.factions = {army, band};
    s.hostile_pairs = {{0, 1}};
    s.events = std::move(events);
    model::World w = model::make_world(std::move(s));
    // An armed group starts in the countryside around a place its enemies
    // hold; this one stands at the edge.
    test::put_units(w, 1, toy.cell(17, 8));
    return w;
  };
  const auto band_country = [](const model::World& w) {
    for (std::size_t i = 0; i < w.units.size(); ++i)
      if (w.units.faction[i] == 1) return static_cast<int>(w.geo.country.data()[w.units.cell[i]]);
    return -1;
  };
  model::ScheduledEvent close = event<model::event::BorderClosure>(1);
  fields<model::event::BorderClosure>(close).civilians = false;

  SECTION("movement") {
    model::Model open(setup(true));
    for (int d = 0; d < 3; ++d) open.step();
    CHECK(band_country(open.world()) == bb);  // it escapes across the border
    fields<model::event::BorderClosure>(close).country = bb;
    model::Model closed(setup(true, {close}));
    for (int d = 0; d < 3; ++d) {
      closed.step();
      CHECK(band_country(closed.world()) == cc);
    }
  }
  SECTION("sanctuary") {
    const auto battles = [](model::Model& m) {
      m.step();
      return std::count_if(m.events_today().begin(), m.events_today().end(),
                           [](const model::ConflictEvent& e) { return e.kind == model::EventKind::battle; });
    };
    model::Model open(setup(false));
    CHECK(battles(open) == 0);
    fields<model::event::BorderClosure>(close).country = cc;
    model::Model closed(setup(false, {close}));
    CHECK(battles(closed) == 1);
  }
}

TEST_CASE("every new event type reads from scenario text into the event the model applies",
          "[sahel][events][scenario]") {
  const std::string text = R"(model: sahel
name: events
start_date: 2021-07-01
ticks: 100
map: {file: maps/sahel.yaml, cell_deg: 0.5}
civilians: {people_per_agent: 10000}
factions:
  - {name: FAMa, kind: state, country: ML, start: [{place: Bamako, troops: 1000}]}
  - {name: Wagner, kind: mercenary, country: RU, doctrine: {mine_income_per_day: 7}}
events:
  - {date: 2021-07-02, type: set, set: {flight.per_death: 0.001, control.radius_cells: 4}}
  - {date: 2021-07-03, type: legitimacy_shock, change: -0.2, country: ML}
  - {date: 2021-07-04, type: contract_start, faction: Wagner, paid_by: FAMa, cost_per_month: 10000000,
     troops: 400, place: Bamako, concession: [Sadiola, Syama]}
  - {date: 2021-08-01, type: contract_end, faction: Wagner, until: 2021-08-31}
  - {date: 2021-07-05, type: base_open, faction: FAMa, place: Gao}
  - {date: 2021-07-06, type: base_close, faction: FAMa, place: Gao}
  - {date: 2021-07-07, type: border_closure, country: MR, until: 2021-09-01, armed_groups: false}
)";
  const scenario::SahelScenario s = test::sahel_from_text(text);
  const auto& e = s.setup.events;
  REQUIRE(e.size() == 7);
  namespace ev = model::event;
  CHECK(e[0].type() == EventType::set);
  model::SahelParams p;
  std::get<ev::SetParams>(e[0].action).change(p);
  CHECK(p.flight.per_death == 0.001);
  CHECK(p.control.radius_cells == 4);
  const auto& shock = std::get<ev::LegitimacyShock>(e[1].action);
  CHECK(shock.change == -0.2);
  CHECK(shock.country == s.setup.geo.country_index("ML"));
  const auto& contract = std::get<ev::ContractStart>(e[2].action);
  CHECK((contract.faction == 1 && contract.payer == 0 && contract.troops == 400 && e[2].tick == 3));
  CHECK(contract.fee_per_month == 10000000);
  CHECK(contract.concession_rate == 7);  // the mercenaries' doctrine, as no concession_income_per_day is given
  REQUIRE(contract.mines.size() == 2);
  CHECK(s.setup.geo.mines[static_cast<std::size_t>(contract.mines[1])].name == "Syama");
  CHECK(std::get<ev::ContractEnd>(e[3].action).until_tick == 61);
  CHECK(std::get<ev::BaseOpen>(e[4].action).cell == model::place_cell(s.setup.geo, "Gao"));
  CHECK(e[5].type() == EventType::base_close);
  const auto& border = std::get<ev::BorderClosure>(e[6].action);
  CHECK((border.civilians && !border.armed_groups && border.until_tick == 62));
  // And the run applies them.
  model::Model m(model::make_world(s.setup));
  for (int d = 0; d < 8; ++d) m.step();
  CHECK(m.world().params.flight.per_death == 0.001);
  CHECK(m.world().factions[1].contract.payer == 0);
  CHECK(present(m.world(), 1) == 400);
  CHECK(m.world().closed_borders.size() == 1);
}
