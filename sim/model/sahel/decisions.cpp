// SPDX-License-Identifier: MIT
// Phases "decisions" and "movement". Each unit scores every cell it can
// reach today with its faction's personality weights (MANA, EINSTein):
//   U = w_enemy * aggression * E + w_friends * min(F/own, 2)
//       + w_objective * progress + w_cover * cover + w_control * control
//       + w_civilians * log(1 + people)/10,
// where E is hostile strength within the sense radius relative to its own;
// militants and separatists turn E into attraction only when the enemy is
// weaker than raid_ratio times themselves (they raid the weak and avoid
// the strong). Units that break (low morale) or are being withdrawn head
// for their objective and away from enemies. Government forces stay inside
// the core countries; insurgents may use the neighbours' ground as
// sanctuary, except a country whose border is closed to armed groups (a
// border_closure event), which they do not enter. Foreign air power strikes the strongest hostile concentration
// within its radius. Every unit writes only its own intent; moves are then
// applied in a separate pass.
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "core/random_variates.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

namespace {
// Cover a terrain gives (desert, steppe, savanna, floodplain, urban).
constexpr double kCover[kTerrainKinds] = {0.0, 0.3, 0.8, 0.6, 1.0};
}  // namespace

void Model::units_decide() {
  World& w = world_;
  Units& u = w.units;
  const Geography& geo = w.geo;
  const core::Grid& g = geo.grid;
  const auto tick = static_cast<std::uint32_t>(w.tick);

  core::for_each_index(static_cast<std::int64_t>(u.size()), [&](std::int64_t i) {
    const auto f = static_cast<std::size_t>(u.faction[i]);
    const Faction& fac = w.factions[f];
    const Doctrine& d = fac.spec.doctrine;
    const PersonalityWeights& wt = fac.spec.weights;
    const bool gov = government_side(fac.spec.kind);
    const core::CellIndex here = u.cell[i];
    const double own = std::max(1, u.strength[i]);
    const int r = static_cast<int>(d.sense_radius_cells);
    const int m = std::max(0, d.mobility_cells);
    const int x = g.x_of(here), y = g.y_of(here);
    const core::CellIndex obj = u.objective[i];
    const int ox = g.x_of(obj), oy = g.y_of(obj);
    bool leaving = false;
    for (const Faction::Withdrawal& plan : fac.withdrawals)
      leaving = leaving || plan.country < 0 || geo.country.data()[here] == plan.country;
    const bool withdrawing = leaving || u.morale[i] < w.params.combat.withdraw_morale;
    core::Draws draws(w.key, tick, Stream::unit_choice, u.id[i]);

    double best = -1e300;
    core::CellIndex choice = here;
    Posture posture = Posture::garrison;
    const double enemy_here = static_cast<double>(hostile_sat_[f].square(here, r));
    for (int dy = -m; dy <= m; ++dy) {
      for (int dx = -m; dx <= m; ++dx) {
        const core::CellIndex c = g.offset_xy(x, y, dx, dy);
        if (c == core::kNoCell || geo.country.data()[c] < 0) continue;
        if (gov && !geo.is_core(c)) continue;
        bool left = false;  // a country the faction has withdrawn from for good
        for (int k : fac.left_countries) left = left || (geo.country.data()[c] == k && geo.country.data()[here] != k);
        if (left) continue;
        // A border closed to armed groups: insurgents do not cross into that country.
        if (!gov && geo.country.data()[c] != geo.country.data()[here] &&
            closed_to_armed_[static_cast<std::size_t>(geo.country.data()[c])])
          continue;
        const int steps = std::max(std::abs(dx), std::abs(dy));
        if (steps * geo.movement_cost.data()[c] > m + 1e-9) continue;
        const double enemy = static_cast<double>(hostile_sat_[f].square(c, r)) / own;
        const double friends = static_cast<double>(friendly_sat_[f].square(c, r)) / own;
        const double progress = (std::max(std::abs(ox - x), std::abs(oy - y)) -
                                 std::max(std::abs(ox - x - dx), std::abs(oy - y - dy))) /
                                std::max(1.0, static_cast<double>(m));
        double score;
        if (withdrawing) {
          score = 2.0 * progress - enemy;
        } else {
          double enemy_term = enemy;
          if (!gov && enemy > wt.raid_ratio) enemy_term = -enemy;  // too strong: avoid
          const float ctl = w.control.data()[c];
          const double side_control = gov ? ctl : -ctl;
          const double people = std::log1p(static_cast<double>(population_here_[static_cast<std::size_t>(c)])) / 10.0;
          score = wt.enemy * d.aggression * enemy_term + wt.friends * std::min(friends, 2.0) +
                  wt.objective * progress + wt.cover * kCover[geo.terrain.data()[c]] + wt.control * side_control +
                  wt.civilians * people;
        }
        score += 1e-3 * draws.uniform();  // breaks ties without favouring a direction
        if (score > best) {
          best = score;
          choice = c;
        }
      }
    }
    u.target[i] = choice;
    if (withdrawing) posture = Posture::withdraw;
    else if (enemy_here > 0 && !gov && enemy_here < wt.raid_ratio * own) posture = Posture::raid;
    else if (enemy_here > 0) posture = gov ? Posture::pursue : Posture::withdraw;
    else if (d.training_effect > 0 && friendly_sat_[f].square(here, 0) > 0) posture = Posture::train;
    else if (choice == here) posture = Posture::garrison;
    else posture = Posture::patrol;
    u.posture[i] = posture;
  }, 16);

  // Air strikes, in unit order (few a day): the strongest hostile cell
  // within the radius of the striking unit.
  std::vector<std::int64_t> units_of(w.factions.size(), 0);
  for (std::size_t k = 0; k < u.size(); ++k) ++units_of[u.faction[k]];
  for (std::size_t i = 0; i < u.size(); ++i) {
    const auto f = static_cast<std::size_t>(u.faction[i]);
    const Doctrine& d = w.factions[f].spec.doctrine;
    if (d.air_strike_radius_cells <= 0 || d.air_strikes_per_day <= 0) continue;
    const std::int64_t faction_units = units_of[f];
    core::Draws draws(w.key, tick, Stream::air_strike, u.id[i]);
    if (draws.uniform() >= d.air_strikes_per_day / static_cast<double>(faction_units)) continue;
    const int R = static_cast<int>(d.air_strike_radius_cells);
    const int x = g.x_of(u.cell[i]), y = g.y_of(u.cell[i]);
    core::CellIndex target = core::kNoCell;
    std::int64_t target_strength = 0;
    for (int dy = -R; dy <= R; ++dy)
      for (int dx = -R; dx <= R; ++dx) {
        if (dx * dx + dy * dy > R * R) continue;
        const core::CellIndex c = g.offset_xy(x, y, dx, dy);
        if (c == core::kNoCell) continue;
        std::int64_t s = 0;
        for (int k = 0; k < n_factions_; ++k)
          if (w.hostile[f][static_cast<std::size_t>(k)]) s += strength_here_[static_cast<std::size_t>(k)].data()[c];
        if (s > target_strength) {
          target_strength = s;
          target = c;
        }
      }
    if (target == core::kNoCell) continue;
    std::int64_t killed = 0;
    for (std::size_t k = 0; k < u.size(); ++k) {
      if (u.cell[k] != target || !w.hostile[f][u.faction[k]] || u.strength[k] <= 0) continue;
      const auto dead = static_cast<std::int32_t>(core::binomial(draws, u.strength[k], d.air_strike_lethality));
      u.strength[k] -= dead;
      killed += dead;
      w.factions[u.faction[k]].fighters.killed += dead;
      w.factions[u.faction[k]].losses_today += dead;
    }
    const double exposure = std::min(1.0, static_cast<double>(population_here_[static_cast<std::size_t>(target)]) / 10000.0);
    // civilian_harm is per 100 fighters engaged, as in combat: here the
    // fighters in the struck cell.
    const std::int64_t civilians =
        kill_civilians(target, core::poisson(draws, d.civilian_harm * static_cast<double>(target_strength) / 100.0 * exposure));
    tally_civilian_deaths(static_cast<int>(f), target, civilians);
    w.violence.data()[target] += static_cast<float>(killed + civilians);
    w.events_today.push_back({w.tick, "Explosions/Remote violence", static_cast<int>(f), -1, target, killed + civilians,
                              "air strike"});
  }
}

void Model::units_move() {
  Units& u = world_.units;
  core::for_each_index(static_cast<std::int64_t>(u.size()), [&](std::int64_t i) { u.cell[i] = u.target[i]; }, 64);
}

}  // namespace sahel::model
