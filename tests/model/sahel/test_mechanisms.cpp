// SPDX-License-Identifier: MIT
// The Sahel model's mechanisms, each on a small hand-made world
// (tests/support/sahel_toy_world.hpp): Lanchester attrition against its
// analytic mean, legitimacy and reputation under civilian harm and scrutiny,
// flight from violence and return, recruitment of active supporters only,
// the reach of air strikes, scheduled withdrawals, and the conservation of
// fighters and people on a busy world.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "model/sahel/model.hpp"
#include "support/sahel_toy_world.hpp"

using namespace sahel;
using model::FactionKind;
using test::cells_apart;
using test::people_alive;
using test::present;
using test::quiet_faction;
using test::toy_world;
using test::ToyWorld;

namespace {

struct Stats {
  double n = 0, sum = 0, sumsq = 0;
  void add(double x) {
    n += 1;
    sum += x;
    sumsq += x * x;
  }
  double mean() const { return sum / n; }
  double variance() const { return (sumsq - sum * sum / n) / (n - 1); }
  double standard_error() const { return std::sqrt(variance() / n); }
};

int count_events(const model::Model& m, const std::string& type) {
  return static_cast<int>(std::count_if(m.events_today().begin(), m.events_today().end(),
                                        [&](const model::ConflictEvent& e) { return e.type == type; }));
}

// Detection certain everywhere: every terrain gives full cover value 1 and
// border cells no sanctuary.
void certain_detection(model::SahelParams& p) {
  for (double& c : p.combat.cover_detection) c = 1.0;
  p.combat.border_sanctuary = 1.0;
  p.combat.engagement_rate = 1.0;
}

std::vector<float> layer_copy(const core::Layer<float>& l) { return {l.data(), l.data() + l.size()}; }

// Fighter and people accounts, checked exactly.
void check_accounts(const model::World& w) {
  for (std::size_t f = 0; f < w.factions.size(); ++f) {
    const model::FighterAccount& a = w.factions[f].fighters;
    INFO("day " << w.tick << ", faction " << w.factions[f].spec.name << ": initial " << a.initial << " recruited "
                << a.recruited << " deployed " << a.deployed << " present " << present(w, static_cast<int>(f))
                << " killed " << a.killed << " withdrawn " << a.withdrawn);
    CHECK(a.initial + a.recruited + a.deployed == present(w, static_cast<int>(f)) + a.killed + a.withdrawn);
  }
  INFO("day " << w.tick << ": alive " << people_alive(w) << " dead " << w.people_dead << " recruited "
              << w.people_recruited << " initial " << w.people_initial);
  CHECK(people_alive(w) + w.people_dead + w.people_recruited == w.people_initial);
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Lanchester attrition.

TEST_CASE("combat: square-law losses average kill_rate x effectiveness x morale x enemy strength",
          "[sahel][combat][lanchester]") {
  ToyWorld toy = toy_world(0);  // nobody lives here: no civilian harm, no flight
  toy.add_base("Field", 6, 8);
  constexpr double kill_rate = 0.05;
  constexpr double eff_army = 1.5, training = 0.2, eff_band = 0.8, band_morale = 0.5;
  constexpr int army = 300, band = 150;
  // Both sides find each other equally well, so the attacker is faction 0,
  // a state army: a regular battle, never an ambush.
  Stats army_loss, band_loss;
  int battles = 0;
  constexpr int kSeeds = 2000;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    model::Setup s = toy.setup(static_cast<std::uint64_t>(seed));
    certain_detection(s.params);
    s.params.combat.kill_rate = kill_rate;
    auto a = quiet_faction("Army", FactionKind::state, {{"Field", army}});
    a.doctrine.aggression = a.doctrine.detectability = 1;
    a.doctrine.effectiveness = eff_army;
    a.doctrine.unit_size = 100;  // three units share the losses
    auto b = quiet_faction("Band", FactionKind::militant, {{"Field", band}});
    b.doctrine.aggression = b.doctrine.detectability = 1;
    b.doctrine.effectiveness = eff_band;
    s.factions = {a, b};
    s.hostile_pairs = {{0, 1}};
    model::Model m(model::make_world(std::move(s)));
    m.world().factions[0].training_level = training;
    for (std::size_t i = 0; i < m.world().units.size(); ++i)
      if (m.world().units.faction[i] == 1) m.world().units.morale[i] = static_cast<float>(band_morale);
    m.step();
    const model::World& w = m.world();
    REQUIRE(count_events(m, "Battles") == 1);
    const model::ConflictEvent& e = m.events_today().front();
    CHECK(e.note == "battle");
    CHECK(e.actor1 == 0);
    const auto lost_army = w.factions[0].fighters.killed, lost_band = w.factions[1].fighters.killed;
    CHECK(e.fatalities == lost_army + lost_band);
    CHECK(present(w, 0) == army - lost_army);
    CHECK(present(w, 1) == band - lost_band);
    // Morale falls by morale_loss_per_loss x the share lost, then recovers
    // by morale_recovery in logistics.
    const model::CombatParams& cp = w.params.combat;
    const auto morale_after = [&](double before, double share) {
      const float hit = static_cast<float>(std::max(0.0, before - cp.morale_loss_per_loss * share));
      return hit + cp.morale_recovery * (1.0 - hit);
    };
    for (std::size_t i = 0; i < w.units.size(); ++i) {
      if (w.units.faction[i] == 0)
        CHECK(w.units.morale[i] == Approx(morale_after(1.0, lost_army / double(army))).margin(1e-5));
      else
        CHECK(w.units.morale[i] == Approx(morale_after(band_morale, lost_band / double(band))).margin(1e-5));
    }
    army_loss.add(static_cast<double>(lost_army));
    band_loss.add(static_cast<double>(lost_band));
    ++battles;
  }
  REQUIRE(battles == kSeeds);
  // Mean losses: kill_rate x effectiveness x morale x (1 + training) x enemy.
  const double band_expected = kill_rate * eff_army * 1.0 * (1 + training) * army;  // 27
  const double army_expected = kill_rate * eff_band * band_morale * band;          // 3
  // Drawn, not averaged: Binomial(strength, mean/strength).
  const double band_var = band * (band_expected / band) * (1 - band_expected / band);
  const double army_var = army * (army_expected / army) * (1 - army_expected / army);
  INFO("band: mean " << band_loss.mean() << " (expected " << band_expected << ", SE " << band_loss.standard_error()
                     << "), variance " << band_loss.variance() << " (binomial " << band_var << ")");
  INFO("army: mean " << army_loss.mean() << " (expected " << army_expected << ", SE " << army_loss.standard_error()
                     << "), variance " << army_loss.variance() << " (binomial " << army_var << ")");
  CHECK(std::abs(band_loss.mean() - band_expected) < 4 * band_loss.standard_error());
  CHECK(std::abs(army_loss.mean() - army_expected) < 4 * army_loss.standard_error());
  CHECK(band_loss.variance() == Approx(band_var).epsilon(0.15));
  CHECK(army_loss.variance() == Approx(army_var).epsilon(0.15));
}

TEST_CASE("combat: a raid on a weaker force is an ambush with linear-law losses, on a stronger one it is not",
          "[sahel][combat][lanchester][ambush]") {
  ToyWorld toy = toy_world(0);
  toy.add_base("Field", 6, 8);
  constexpr double kill_rate = 0.05;
  const model::CombatParams defaults;
  // The band (faction 0) is more aggressive, so it attacks; whether it is a
  // raid depends on the army's size against raid_ratio x its own.
  const auto run = [&](int band, int army, int seeds, Stats& band_loss, Stats& army_loss, std::string& note) {
    for (int seed = 1; seed <= seeds; ++seed) {
      model::Setup s = toy.setup(static_cast<std::uint64_t>(seed));
      certain_detection(s.params);
      s.params.combat.kill_rate = kill_rate;
      auto b = quiet_faction("Band", FactionKind::militant, {{"Field", band}});
      b.doctrine.aggression = b.doctrine.detectability = 1;
      b.doctrine.unit_size = 1000;
      auto a = quiet_faction("Army", FactionKind::state, {{"Field", army}});
      a.doctrine.aggression = 0.5;
      a.doctrine.detectability = 1;
      a.doctrine.unit_size = 1000;
      s.factions = {b, a};
      s.hostile_pairs = {{0, 1}};
      model::Model m(model::make_world(std::move(s)));
      m.step();
      REQUIRE(count_events(m, "Battles") == 1);
      const model::ConflictEvent& e = m.events_today().front();
      CHECK(e.actor1 == 0);
      if (seed == 1) note = e.note;
      CHECK(e.note == note);
      band_loss.add(static_cast<double>(m.world().factions[0].fighters.killed));
      army_loss.add(static_cast<double>(m.world().factions[1].fighters.killed));
    }
  };
  {
    // 100 < 0.7 x 300: a raid, so an ambush.
    Stats band_loss, army_loss;
    std::string note;
    run(300, 100, 2000, band_loss, army_loss, note);
    CHECK(note == "ambush");
    const double A = 300, D = 100;
    const double army_expected = kill_rate * defaults.ambush_bonus * A * 2 * D / (A + D);      // 15
    const double band_expected = kill_rate * defaults.ambush_surprise * D * 2 * A / (A + D);   // 3.75
    INFO("ambush: army lost " << army_loss.mean() << " (expected " << army_expected << ", SE "
                              << army_loss.standard_error() << "), band lost " << band_loss.mean() << " (expected "
                              << band_expected << ", SE " << band_loss.standard_error() << ")");
    CHECK(std::abs(army_loss.mean() - army_expected) < 4 * army_loss.standard_error());
    CHECK(std::abs(band_loss.mean() - band_expected) < 4 * band_loss.standard_error());
    // The loss ratio favours the raider far more than the square law would
    // (square law: army would lose 15, band 5).
    CHECK(army_loss.mean() / band_loss.mean() == Approx(army_expected / band_expected).epsilon(0.1));
  }
  {
    // 200 > 0.7 x 150: too strong to raid, a regular battle under the square law.
    Stats band_loss, army_loss;
    std::string note;
    run(150, 200, 1000, band_loss, army_loss, note);
    CHECK(note == "battle");
    const double army_expected = kill_rate * 150, band_expected = kill_rate * 200;  // 7.5, 10
    INFO("battle: army lost " << army_loss.mean() << " (expected " << army_expected << "), band lost "
                              << band_loss.mean() << " (expected " << band_expected << ")");
    CHECK(std::abs(army_loss.mean() - army_expected) < 4 * army_loss.standard_error());
    CHECK(std::abs(band_loss.mean() - band_expected) < 4 * band_loss.standard_error());
  }
}

TEST_CASE("combat: forces meet with probability engagement_rate x aggression x detectability x cover",
          "[sahel][combat][detection]") {
  ToyWorld toy = toy_world(0);
  toy.add_base("Field", 6, 8);  // savanna, no border
  const model::CombatParams defaults;
  const double cover = defaults.cover_detection[static_cast<int>(model::Terrain::savanna)];
  REQUIRE(toy.geo.terrain.data()[toy.cell(6, 8)] == static_cast<std::uint8_t>(model::Terrain::savanna));
  REQUIRE(toy.geo.border.data()[toy.cell(6, 8)] == 0);
  constexpr int kSeeds = 2000;
  int battles = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    model::Setup s = toy.setup(static_cast<std::uint64_t>(seed));
    auto a = quiet_faction("Army", FactionKind::state, {{"Field", 200}});
    a.doctrine.aggression = 0.8;
    a.doctrine.detectability = 0.5;
    auto b = quiet_faction("Band", FactionKind::militant, {{"Field", 200}});
    b.doctrine.aggression = 0.3;
    b.doctrine.detectability = 0.6;
    s.factions = {a, b};
    s.hostile_pairs = {{0, 1}};
    model::Model m(model::make_world(std::move(s)));
    m.step();
    battles += count_events(m, "Battles");
  }
  const double p = defaults.engagement_rate * std::max(0.8 * 0.6, 0.3 * 0.5) * cover;  // 0.144
  const double se = std::sqrt(p * (1 - p) / kSeeds);
  INFO("engagement share " << battles / double(kSeeds) << ", expected " << p);
  CHECK(std::abs(battles / double(kSeeds) - p) < 4 * se);
}

// ---------------------------------------------------------------------------
// 2. Legitimacy, reputation and scrutiny.

namespace {

struct HarmRun {
  std::vector<float> start;                    // legitimacy when the model is built (day 0)
  std::vector<std::vector<float>> legitimacy;  // per day
  std::vector<double> reputation;              // per day
  std::vector<std::int64_t> dead;              // per day, cumulative
};

// One unit of `kind` at (6, 8) in a world of 1,000 people per cell; it
// commits a massacre every day when `massacres` (one_sided_violence 2
// makes the daily chance at least 1).
HarmRun harm_run(FactionKind kind, double scrutiny, bool massacres, int days) {
  ToyWorld toy = toy_world(1000);
  toy.add_base("Post", 6, 8);
  model::Setup s = toy.setup(7);
  auto f = quiet_faction("Force", kind, {{"Post", 150}});
  f.doctrine.scrutiny = scrutiny;
  f.doctrine.one_sided_violence = massacres ? 2.0 : 0.0;
  f.doctrine.massacre_lethality = 30;
  s.factions = {f};
  model::Model m(model::make_world(std::move(s)));
  HarmRun r;
  r.start = layer_copy(m.world().legitimacy);
  for (int d = 0; d < days; ++d) {
    m.step();
    r.legitimacy.push_back(layer_copy(m.world().legitimacy));
    r.reputation.push_back(m.world().reputation);
    r.dead.push_back(m.world().people_dead);
    check_accounts(m.world());
  }
  return r;
}

}  // namespace

TEST_CASE("legitimacy: government massacres cost local legitimacy whatever the scrutiny, reputation by scrutiny",
          "[sahel][legitimacy][scrutiny]") {
  const ToyWorld toy = toy_world(1000);
  const model::LegitimacyParams lp;
  const model::ControlParams cp;
  const auto at = [&](int x, int y) { return static_cast<std::size_t>(toy.cell(x, y)); };
  constexpr int kDays = 10;
  const HarmRun open = harm_run(FactionKind::state, 0.9, true, kDays);
  const HarmRun hidden = harm_run(FactionKind::state, 0.1, true, kDays);
  const HarmRun calm = harm_run(FactionKind::state, 0.9, false, kDays);
  const HarmRun rebels = harm_run(FactionKind::militant, 0.9, true, kDays);

  // The same people die, and the locals see all of it: the local layer is
  // identical, cell for cell, whatever outsiders are shown.
  REQUIRE(open.dead.front() > 0);
  CHECK(open.dead == hidden.dead);
  for (int d = 0; d < kDays; ++d) {
    INFO("day " << d + 1);
    CHECK(std::memcmp(open.legitimacy[d].data(), hidden.legitimacy[d].data(), sizeof(float) * open.legitimacy[d].size()) == 0);
  }
  // Near the massacres legitimacy falls; without them it does not.
  const double l0 = lp.initial;
  const std::int64_t D = open.dead.front();  // deaths of day 1, all in cell (6, 8)
  INFO("day-1 deaths " << D << "; legitimacy at the massacre: " << open.legitimacy[0][at(6, 8)] << ", no harm "
                       << calm.legitimacy[0][at(6, 8)] << ", same deaths by militants "
                       << rebels.legitimacy[0][at(6, 8)] << "; after " << kDays << " days "
                       << open.legitimacy.back()[at(6, 8)] << " vs " << calm.legitimacy.back()[at(6, 8)]);
  CHECK(open.legitimacy[0][at(6, 8)] < l0 - 0.02);
  CHECK(open.legitimacy.back()[at(6, 8)] < l0 - 0.1);
  CHECK(calm.legitimacy.back()[at(6, 8)] >= l0);
  // Harm by the government side costs more than the same deaths by
  // militants (which cost only insecurity): the difference of the day-1
  // changes is the harm term, harm_sensitivity x deaths / (people in the
  // window / 1,000 + 1) (and a recovery term below 1e-5).
  REQUIRE(rebels.dead.front() == D);
  const int w = 2 * cp.radius_cells + 1;
  const double window_thousands = w * w * 1000 / 1000.0;
  const double rebel_change = rebels.legitimacy[0][at(6, 8)] - rebels.start[at(6, 8)];
  const double army_change = open.legitimacy[0][at(6, 8)] - open.start[at(6, 8)];
  INFO("day-1 change at the massacre: by the army " << army_change << ", by militants " << rebel_change);
  CHECK(rebel_change < 0);
  CHECK(rebel_change - army_change ==
        Approx(lp.harm_sensitivity * static_cast<double>(D) / (window_thousands + 1)).margin(1e-5));
  // Only near: the control window's edge is the harm's edge.
  const int r = cp.radius_cells;
  CHECK(open.legitimacy[0][at(6 + r, 8)] < l0);
  CHECK(open.legitimacy[0][at(6 + r + 1, 8)] == static_cast<float>(l0));
  CHECK(open.legitimacy.back()[at(1, 14)] == static_cast<float>(l0));

  // Outsiders see scrutiny x deaths: after day 1, reputation is
  // 1 - sensitivity x scrutiny x D, then recovers by reputation_recovery.
  const auto expected_day1 = [&](double scrutiny) {
    const double after = 1.0 - lp.reputation_sensitivity * scrutiny * static_cast<double>(D);
    return after + lp.reputation_recovery * (1.0 - after);
  };
  CHECK(open.reputation.front() == Approx(expected_day1(0.9)).epsilon(1e-12));
  CHECK(hidden.reputation.front() == Approx(expected_day1(0.1)).epsilon(1e-12));
  CHECK(calm.reputation.back() == 1.0);
  CHECK(rebels.reputation.back() == 1.0);
  INFO("reputation after " << kDays << " days: scrutiny 0.9 " << open.reputation.back() << ", 0.1 "
                           << hidden.reputation.back());
  CHECK(1.0 - open.reputation.back() > 0.01);
  CHECK((1.0 - open.reputation.back()) / (1.0 - hidden.reputation.back()) == Approx(9.0).epsilon(1e-6));
}

// ---------------------------------------------------------------------------
// 3. Flight and return.

TEST_CASE("civilians flee recent violence, go to towns and camps, and come home when it is calm",
          "[sahel][civilians][flight]") {
  const auto make = [] {
    ToyWorld toy = toy_world(1000);
    toy.add_base("Far", 1, 14);
    model::Setup s = toy.setup(3);
    s.factions = {quiet_faction("Army", FactionKind::state, {{"Far", 100}})};
    return s;
  };
  const core::Grid grid = make().geo.grid;
  const core::CellIndex hot = grid.index(6, 8);
  const int r = model::CivilianParams{}.sense_radius_cells;
  const auto people_near = [&](const model::World& w, int radius) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < w.civilians.size(); ++i)
      if (cells_apart(grid, w.civilians.cell[i], hot) <= radius) n += w.civilians.people[i];
    return n;
  };
  const auto away_from_home = [](const model::World& w) {
    std::int64_t households = 0;
    for (std::size_t i = 0; i < w.civilians.size(); ++i) households += w.civilians.cell[i] != w.civilians.home[i];
    return households;
  };

  SECTION("with violence") {
    model::Model m(model::make_world(make()));
    const std::int64_t before = people_near(m.world(), r);
    REQUIRE(before == (2 * r + 1) * (2 * r + 1) * 1000);
    constexpr double kViolence = 500;  // e.g. the aftermath of a massacre
    m.world().violence.data()[hot] = static_cast<float>(kViolence);
    constexpr int kDays = 5;
    for (int d = 0; d < kDays; ++d) {
      m.step();
      check_accounts(m.world());
    }
    const model::World& w = m.world();
    const model::Census c = m.census();
    const std::int64_t after = people_near(w, r);
    // A household within the sense radius stays home on day t with chance
    // exp(-flee_rate (V decay^(t-1) - flee_violence)); farther away nobody
    // perceives the violence.
    const model::CivilianParams& cp = w.params.civilians;
    double log_stay = 0;
    for (int t = 0; t < kDays; ++t)
      log_stay -= cp.flee_rate * std::max(0.0, kViolence * std::pow(w.params.combat.violence_decay, t) - cp.flee_violence);
    const double stay = std::exp(log_stay);
    std::int64_t near_households = 0, near_home = 0;
    for (std::size_t i = 0; i < w.civilians.size(); ++i) {
      const bool near = cells_apart(grid, w.civilians.home[i], hot) <= r;
      const bool home = w.civilians.cell[i] == w.civilians.home[i] && !w.civilians.displaced[i] &&
                        w.civilians.destination[i] == core::kNoCell;
      if (!near) {
        CHECK(home);
        continue;
      }
      ++near_households;
      near_home += home;
    }
    const double sd = std::sqrt(near_households * stay * (1 - stay));
    INFO("people within " << r << " cells of the violence: " << before << " -> " << after << "; displaced "
                          << c.displaced << ", refugees " << c.refugees << ", households away " << away_from_home(w)
                          << "; households near still home " << near_home << " of " << near_households
                          << " (expected " << stay * near_households << ")");
    REQUIRE(near_households == (2 * r + 1) * (2 * r + 1) * 5);
    CHECK(std::abs(near_home - stay * near_households) <= 4 * sd + 1);
    CHECK(after < before);
    CHECK(c.displaced == (near_households - near_home) * 200);
    CHECK(away_from_home(w) > 0);
    CHECK(w.people_dead == 0);
    // Everyone away is displaced and came from near the violence; those who
    // arrived are in a town, the camp, or across the border (the outside
    // country's refuge point).
    const core::CellIndex town = grid.index(2, 2), camp = grid.index(21, 8);
    std::int64_t arrived = 0;
    for (std::size_t i = 0; i < w.civilians.size(); ++i) {
      if (w.civilians.cell[i] == w.civilians.home[i]) continue;
      CHECK(w.civilians.displaced[i] == 1);
      CHECK(cells_apart(grid, w.civilians.home[i], hot) <= r);
      if (w.civilians.destination[i] == core::kNoCell) {
        CHECK((w.civilians.cell[i] == town || w.civilians.cell[i] == camp || !w.geo.is_core(w.civilians.cell[i])));
        ++arrived;
      }
    }
    CHECK(arrived > 0);

    // Calm returns: violence gone, people head home.
    m.world().violence.setZero();
    m.world().params.civilians.return_rate = 1.0;
    for (int d = 0; d < 16; ++d) m.step();  // up to 6 days on to the camp, 6 back
    check_accounts(m.world());
    INFO("after calm: displaced " << m.census().displaced << ", away " << away_from_home(m.world()));
    CHECK(m.census().displaced == 0);
    CHECK(away_from_home(m.world()) == 0);
  }
  SECTION("without violence nobody leaves") {
    model::Model m(model::make_world(make()));
    for (int d = 0; d < 5; ++d) m.step();
    CHECK(m.census().displaced == 0);
    CHECK(away_from_home(m.world()) == 0);
    CHECK(people_near(m.world(), r) == (2 * r + 1) * (2 * r + 1) * 1000);
    check_accounts(m.world());
  }
}

// ---------------------------------------------------------------------------
// 4. Recruitment.

TEST_CASE("only active supporters near a recruiting group join it, and people are conserved",
          "[sahel][civilians][recruitment]") {
  const auto make = [](double threshold) {
    ToyWorld toy = toy_world(1000);
    toy.add_base("Camp site", 6, 8);
    model::Setup s = toy.setup(11);
    s.params.legitimacy.initial = 0.3;  // about half the households active
    s.params.civilians.threshold = threshold;
    auto band = quiet_faction("Band", FactionKind::militant, {{"Camp site", 300}});
    band.doctrine.recruit_rate = 0.05;
    s.factions = {band};
    return s;
  };
  const core::Grid grid = make(0.2).geo.grid;
  const core::CellIndex site = grid.index(6, 8);
  const int reach = model::CivilianParams{}.sense_radius_cells + 1;

  SECTION("default threshold") {
    model::Model m(model::make_world(make(0.2)));
    std::int64_t recruits_total = 0, recruiting_households = 0, calm_in_reach = 0;
    for (int d = 0; d < 5; ++d) {
      m.step();
      const model::World& w = m.world();
      const model::Civilians& h = w.civilians;
      std::int64_t today = 0;
      for (std::size_t i = 0; i < h.size(); ++i) {
        if (h.recruits[i] > 0) {
          INFO("household " << h.id[i] << " gave " << h.recruits[i] << " recruits");
          CHECK(h.status[i] == model::CivilianStatus::active);
          CHECK(h.recruiter[i] == 0);
          CHECK(cells_apart(grid, h.cell[i], site) <= reach);
          ++recruiting_households;
          today += h.recruits[i];
        } else if (h.status[i] == model::CivilianStatus::calm && cells_apart(grid, h.cell[i], site) <= reach) {
          ++calm_in_reach;
        }
      }
      CHECK(today == w.factions[0].recruited_today);
      recruits_total += today;
      check_accounts(w);
    }
    const model::World& w = m.world();
    INFO("recruits " << recruits_total << " from " << recruiting_households << " household-days; calm in reach "
                     << calm_in_reach);
    CHECK(recruiting_households > 50);
    CHECK(calm_in_reach > 50);  // the filter is not vacuous: calm households were within reach
    CHECK(w.people_recruited == recruits_total);
    CHECK(w.factions[0].fighters.recruited == recruits_total);
    CHECK(present(w, 0) == 300 + recruits_total);
  }
  SECTION("threshold 1: nobody is active, nobody joins") {
    model::Model m(model::make_world(make(1.0)));
    for (int d = 0; d < 5; ++d) {
      m.step();
      CHECK(m.census().active == 0);
      check_accounts(m.world());
    }
    CHECK(m.world().people_recruited == 0);
    CHECK(m.world().factions[0].fighters.recruited == 0);
    CHECK(present(m.world(), 0) == 300);
    CHECK(people_alive(m.world()) == m.world().people_initial);
  }
}

// ---------------------------------------------------------------------------
// 5. Air strikes.

TEST_CASE("air strikes reach only hostile units within their radius", "[sahel][air]") {
  constexpr int R = 3;
  // The air force at (6, 8); band cells: (9, 8) is at distance 3 (inside),
  // (8, 11) is 3 cells away on each axis at most but sqrt(13) > 3 (outside),
  // (10, 8) is 4 away (outside).
  const auto make = [](std::vector<model::Deployment> band) {
    ToyWorld toy = toy_world(0);
    toy.add_base("Airfield", 6, 8);
    toy.add_base("Edge", 6 + R, 8);
    toy.add_base("Corner", 8, 11);
    toy.add_base("Beyond", 6 + R + 1, 8);
    model::Setup s = toy.setup(5);
    auto air = quiet_faction("Air", FactionKind::foreign, {{"Airfield", 150}}, "FR");
    air.doctrine.air_strike_radius_cells = R;
    air.doctrine.air_strikes_per_day = 100;  // every day
    air.doctrine.air_strike_lethality = 0.2;
    auto b = quiet_faction("Band", FactionKind::militant, std::move(band));
    b.doctrine.unit_size = 1000;
    s.factions = {air, b};
    s.hostile_pairs = {{0, 1}};
    return s;
  };
  const auto strikes = [](const model::Model& m) {
    std::vector<model::ConflictEvent> out;
    for (const auto& e : m.events_today())
      if (e.type == "Explosions/Remote violence") out.push_back(e);
    return out;
  };

  SECTION("out of reach: never struck") {
    for (const char* where : {"Corner", "Beyond"}) {
      INFO(where);
      model::Model m(model::make_world(make({{where, 150}})));
      for (int d = 0; d < 10; ++d) {
        m.step();
        CHECK(strikes(m).empty());
        CHECK(count_events(m, "Battles") == 0);
      }
      CHECK(present(m.world(), 1) == 150);
      CHECK(m.world().factions[1].fighters.killed == 0);
    }
  }
  SECTION("within reach: struck every day") {
    model::Model m(model::make_world(make({{"Edge", 150}})));
    const core::CellIndex edge = m.world().geo.grid.index(6 + R, 8);
    std::int64_t before = present(m.world(), 1);
    for (int d = 0; d < 5; ++d) {
      m.step();
      const auto s = strikes(m);
      REQUIRE(s.size() == 1);
      CHECK(s[0].actor1 == 0);
      CHECK(s[0].cell == edge);
      const std::int64_t now = present(m.world(), 1);
      CHECK(s[0].fatalities == before - now);
      CHECK(now < before);
      CHECK(count_events(m, "Battles") == 0);
      before = now;
      check_accounts(m.world());
    }
    INFO("band left after 5 days of strikes: " << before);
    CHECK(before < 150 * 0.6);  // about 150 x 0.8^5 = 49
  }
  SECTION("a weak band inside is struck, a stronger one just outside is not") {
    model::Model m(model::make_world(make({{"Corner", 400}, {"Edge", 60}})));
    const core::CellIndex edge = m.world().geo.grid.index(6 + R, 8), corner = m.world().geo.grid.index(8, 11);
    for (int d = 0; d < 5; ++d) {
      m.step();
      for (const auto& e : strikes(m)) CHECK(e.cell == edge);
    }
    std::int64_t at_corner = 0, at_edge = 0;
    for (std::size_t i = 0; i < m.world().units.size(); ++i) {
      if (m.world().units.cell[i] == corner) at_corner += m.world().units.strength[i];
      if (m.world().units.cell[i] == edge) at_edge += m.world().units.strength[i];
    }
    CHECK(at_corner == 400);
    CHECK(at_edge < 60);
  }
}

// ---------------------------------------------------------------------------
// 6. Withdrawals.

namespace {

// A foreign force of 600 in AA (units of 150) and 400 in CC (150, 150, 100).
model::Setup withdrawal_setup(std::vector<model::ScheduledEvent> events) {
  ToyWorld toy = toy_world(0);
  toy.add_base("West", 4, 8);
  toy.add_base("East", 14, 8);
  model::Setup s = toy.setup(9);
  s.factions = {quiet_faction("Force", FactionKind::foreign, {{"West", 600}, {"East", 400}}, "FR")};
  s.events = std::move(events);
  return s;
}

model::ScheduledEvent withdrawal(int from, int until, int troops, int country = -1) {
  model::ScheduledEvent e;
  e.type = model::EventType::withdraw;
  e.faction = 0;
  e.tick = from;
  e.until_tick = until;
  e.troops = troops;
  e.country = country;
  e.note = "drawdown";
  return e;
}

std::int64_t present_in(const model::World& w, int country) {
  std::int64_t s = 0;
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.geo.country.data()[w.units.cell[i]] == country) s += w.units.strength[i];
  return s;
}

}  // namespace

TEST_CASE("a withdrawal removes exactly the scheduled troops, evenly over its days", "[sahel][events][withdrawal]") {
  SECTION("500 of 1,000 from day 3 to day 9") {
    model::Model m(model::make_world(withdrawal_setup({withdrawal(3, 9, 500)})));
    REQUIRE(present(m.world(), 0) == 1000);
    std::int64_t remaining = 500, last = 0;
    std::vector<std::int64_t> per_day;
    for (int day = 1; day <= 12; ++day) {
      m.step();
      const model::World& w = m.world();
      const std::int64_t removed = w.factions[0].fighters.withdrawn - last;
      last = w.factions[0].fighters.withdrawn;
      INFO("day " << day << ": removed " << removed);
      if (day < 3 || day > 9) {
        CHECK(removed == 0);
      } else {
        const std::int64_t days_left = 9 - day + 1;
        CHECK(removed == (remaining + days_left - 1) / days_left);
        remaining -= removed;
        per_day.push_back(removed);
      }
      if (day == 3) CHECK(count_events(m, "Strategic developments") == 1);
      CHECK(present(w, 0) == 1000 - w.factions[0].fighters.withdrawn);
      check_accounts(w);
    }
    CHECK(m.world().factions[0].fighters.withdrawn == 500);
    CHECK(present(m.world(), 0) == 500);
    REQUIRE(per_day.size() == 7);
    CHECK(*std::max_element(per_day.begin(), per_day.end()) - *std::min_element(per_day.begin(), per_day.end()) <= 1);
  }
  SECTION("troops: all (-1) from day 2 to day 4") {
    model::Model m(model::make_world(withdrawal_setup({withdrawal(2, 4, -1)})));
    for (int day = 1; day <= 6; ++day) {
      m.step();
      check_accounts(m.world());
      if (day == 3) CHECK(present(m.world(), 0) > 0);
    }
    CHECK(present(m.world(), 0) == 0);
    CHECK(m.world().units.size() == 0);
    CHECK(m.world().factions[0].fighters.withdrawn == 1000);
  }
  SECTION("more than are present: all that are there") {
    model::Model m(model::make_world(withdrawal_setup({withdrawal(1, 1, 5000)})));
    m.step();
    check_accounts(m.world());
    CHECK(m.world().factions[0].fighters.withdrawn == 1000);
    CHECK(present(m.world(), 0) == 0);
  }
  SECTION("from one country only") {
    const ToyWorld toy = toy_world(0);
    const int aa = toy.geo.country_index("AA"), cc = toy.geo.country_index("CC");
    {
      model::Model m(model::make_world(withdrawal_setup({withdrawal(1, -1, -1, cc)})));
      REQUIRE(present_in(m.world(), aa) == 600);
      REQUIRE(present_in(m.world(), cc) == 400);
      for (int day = 1; day <= 3; ++day) {
        m.step();
        check_accounts(m.world());
      }
      CHECK(present_in(m.world(), cc) == 0);
      CHECK(present_in(m.world(), aa) == 600);
      CHECK(m.world().factions[0].fighters.withdrawn == 400);
    }
    {
      model::Model m(model::make_world(withdrawal_setup({withdrawal(2, 4, 300, aa)})));
      for (int day = 1; day <= 6; ++day) {
        m.step();
        check_accounts(m.world());
      }
      CHECK(present_in(m.world(), aa) == 300);
      CHECK(present_in(m.world(), cc) == 400);
      CHECK(m.world().factions[0].fighters.withdrawn == 300);
    }
  }
}

// Regression tests for two bugs these tests found (now fixed): a second
// withdrawal used to cancel the first, and "all" did not empty a country
// that other units of the faction moved into.

TEST_CASE("a second withdrawal of the same faction does not cancel the rest of the first",
          "[sahel][events][withdrawal]") {
  // 300 leave AA over days 1-10 while 200 leave CC on days 3-4: 500 leave in
  // all (with one schedule per faction, the second overwrote the first and
  // only 260 left).
  const ToyWorld toy = toy_world(0);
  const int aa = toy.geo.country_index("AA"), cc = toy.geo.country_index("CC");
  model::Model m(model::make_world(withdrawal_setup({withdrawal(1, 10, 300, aa), withdrawal(3, 4, 200, cc)})));
  for (int day = 1; day <= 12; ++day) {
    m.step();
    check_accounts(m.world());
  }
  INFO("withdrawn " << m.world().factions[0].fighters.withdrawn << "; left in AA " << present_in(m.world(), aa)
                    << ", in CC " << present_in(m.world(), cc));
  CHECK(m.world().factions[0].fighters.withdrawn == 500);
  CHECK(present_in(m.world(), aa) == 300);
  CHECK(present_in(m.world(), cc) == 200);
}

TEST_CASE("'troops: all' from a country leaves none of the faction there, even when its units move",
          "[sahel][events][withdrawal]") {
  // The force moves between its two bases (one in AA, one in CC). All its
  // troops in CC are to leave over days 1-10; units in AA must not walk
  // into CC meanwhile or after (they once did, and 40 stayed there).
  ToyWorld toy = toy_world(0);
  toy.add_base("West", 4, 8);
  toy.add_base("East", 14, 8);
  const int cc = toy.geo.country_index("CC");
  model::Setup s = toy.setup(9);
  auto force = quiet_faction("Force", FactionKind::foreign, {{"West", 600}, {"East", 400}}, "FR");
  force.doctrine.mobility_cells = 2;
  force.objective = model::Objective::bases;
  s.factions = {force};
  s.events = {withdrawal(1, 10, -1, cc)};
  model::Model m(model::make_world(std::move(s)));
  for (int day = 1; day <= 15; ++day) {
    m.step();
    check_accounts(m.world());
    INFO("day " << day << ": withdrawn " << m.world().factions[0].fighters.withdrawn << ", still in CC "
                << present_in(m.world(), cc));
    if (day >= 10) CHECK(present_in(m.world(), cc) == 0);  // gone on the last day, and stays gone
  }
}

// ---------------------------------------------------------------------------
// 7. Conservation on a busy world.

TEST_CASE("fighters and people are conserved every day on a busy toy world", "[sahel][invariants]") {
  ToyWorld toy = toy_world(2000);
  toy.add_base("Bastion", 4, 6);
  toy.add_base("Hideout", 8, 10);
  toy.add_base("Hills", 14, 12);
  toy.add_base("Mission", 6, 8);
  model::Setup s = toy.setup(2024);
  s.params.legitimacy.initial = 0.4;
  s.params.combat.engagement_rate = 0.8;
  using model::Objective;
  auto army = quiet_faction("Army", FactionKind::state, {{"Town", 600}, {"Bastion", 300}});
  army.doctrine.aggression = 0.7;
  army.doctrine.mobility_cells = 2;
  army.doctrine.civilian_harm = 1.0;
  army.doctrine.funding_per_month = 1e6;
  army.doctrine.upkeep_per_fighter_day = 5;
  army.doctrine.recruitment_per_month = 400;
  army.start_funds = 1e5;
  army.objective = Objective::bases;  // both sides head for the same few bases: they meet
  auto air = quiet_faction("Air", FactionKind::foreign, {{"Bastion", 300}}, "FR");
  air.doctrine.aggression = 0.8;
  air.doctrine.mobility_cells = 3;
  air.doctrine.air_strike_radius_cells = 5;
  air.doctrine.air_strikes_per_day = 0.7;
  air.doctrine.training_effect = 0.2;
  air.doctrine.popularity = -0.5;
  air.doctrine.civilian_harm = 0.3;
  auto merc = quiet_faction("Merc", FactionKind::mercenary, {}, "RU");
  merc.paid_by = "Army";
  merc.doctrine.aggression = 0.9;
  merc.doctrine.mobility_cells = 2;
  merc.doctrine.civilian_harm = 3;
  merc.doctrine.one_sided_violence = 0.05;
  merc.doctrine.scrutiny = 0.1;
  merc.doctrine.upkeep_per_fighter_day = 20;
  merc.objective = Objective::interests;
  auto band = quiet_faction("Band", FactionKind::militant, {{"Hideout", 500}, {"Mission", 200}});
  band.doctrine.aggression = 0.8;
  band.doctrine.mobility_cells = 3;
  band.doctrine.recruit_rate = 0.002;
  band.weights.raid_ratio = 2.0;  // bold: attacks forces up to twice its size
  band.doctrine.one_sided_violence = 0.03;
  band.doctrine.civilian_harm = 1.0;
  band.doctrine.tax_per_person_day = 0.01;
  band.doctrine.unit_size = 100;
  band.objective = Objective::bases;
  auto rebels = quiet_faction("Rebels", FactionKind::separatist, {{"Hills", 300}}, "CC");
  rebels.doctrine.aggression = 0.5;
  rebels.doctrine.mobility_cells = 2;
  rebels.doctrine.recruit_rate = 0.005;
  rebels.objective = Objective::borders;
  auto blue = quiet_faction("Blue", FactionKind::peacekeeper, {{"Mission", 300}}, "UN");
  blue.doctrine.aggression = 0.1;
  blue.doctrine.mobility_cells = 1;
  // A cell that holds its ground beside the peacekeepers' mission, so that
  // battles are sure to happen.
  auto cell = quiet_faction("Cell", FactionKind::militant, {{"Mission", 200}});
  cell.doctrine.aggression = 0.8;
  cell.doctrine.recruit_rate = 0.002;
  cell.doctrine.civilian_harm = 1.0;
  s.factions = {army, air, merc, band, rebels, blue, cell};
  s.hostile_pairs = {{0, 3}, {1, 3}, {2, 3}, {0, 4}, {2, 4}, {3, 4}, {5, 3}, {5, 6}, {0, 6}, {1, 6}, {2, 6}};
  model::ScheduledEvent deploy;
  deploy.type = model::EventType::deploy;
  deploy.tick = 5;
  deploy.faction = 2;
  deploy.cell = toy.cell(2, 2);
  deploy.place = "Town";
  deploy.troops = 450;
  model::ScheduledEvent leave;
  leave.type = model::EventType::withdraw;
  leave.tick = 20;
  leave.until_tick = 30;
  leave.faction = 1;
  leave.troops = 150;
  model::ScheduledEvent coup;
  coup.type = model::EventType::coup;
  coup.tick = 15;
  coup.faction = 0;
  coup.value = 0.1;
  coup.morale_shock = 0.2;
  model::ScheduledEvent sanctions;
  sanctions.type = model::EventType::sanctions;
  sanctions.tick = 25;
  sanctions.until_tick = 50;
  sanctions.faction = 0;
  sanctions.value = 0.5;
  s.events = {deploy, leave, coup, sanctions};

  model::Model m(model::make_world(std::move(s)));
  check_accounts(m.world());
  int battles = 0, massacres = 0, strikes = 0;
  for (int day = 1; day <= 60; ++day) {
    m.step();
    battles += count_events(m, "Battles");
    massacres += count_events(m, "Violence against civilians");
    strikes += count_events(m, "Explosions/Remote violence");
    check_accounts(m.world());
    for (std::size_t i = 0; i < m.world().units.size(); ++i) REQUIRE(m.world().units.strength[i] > 0);
  }
  const model::World& w = m.world();
  std::int64_t killed = 0, recruited = 0;
  for (const auto& f : w.factions) {
    killed += f.fighters.killed;
    recruited += f.fighters.recruited;
  }
  INFO("battles " << battles << ", massacres " << massacres << ", strikes " << strikes << ", fighters killed "
                  << killed << ", recruited " << recruited << ", civilians dead " << w.people_dead
                  << ", people recruited " << w.people_recruited << ", displaced " << m.census().displaced);
  // The world was busy: every account moved.
  CHECK(battles > 0);
  CHECK(strikes > 0);
  CHECK(killed > 0);
  CHECK(w.people_recruited > 0);
  CHECK(w.people_dead > 0);
  CHECK(w.factions[2].fighters.deployed == 450);
  CHECK(w.factions[1].fighters.withdrawn == 150);
  CHECK(w.factions[0].fighters.recruited > 0);
}
