// SPDX-License-Identifier: MIT
// Phases "decisions" and "movement": operations. Each unit writes only its
// own intent; moves are applied in a separate pass.
//  - Government units that hold a post (1 - mobile_share of them) stay at
//    their post, or walk back to it; an armed group's base units keep to
//    their area but slip away from enemies near them.
//  - Units that break (low morale) or are being withdrawn head for their
//    post and away from enemies.
//  - A unit whose morale is below ready_morale (after a fight: fatigue)
//    does not seek one: it neither raids nor pursues until it recovers.
//  - Mobile units score every cell they can reach today with their
//    faction's personality weights (MANA, EINSTein; Ilachinski 2004):
//      U = w_enemy * aggression * A + w_friends * min(F/own, 2)
//          + w_objective * progress + w_cover * cover + w_control * control
//          + w_civilians * log(1 + people)/10 + w_fighting * heat
//          - 0.1 * steps * (movement cost - 1).
//    A is the known hostile strength around the cell weighted by distance,
//    sum over r = 0, 1, 2, 4, ... up to the sense radius of
//    known(square of radius r) / (r + 1), relative to the unit's own
//    strength, so a pursuer moves toward the nearest enemy it knows of.
//    Armed groups weigh the local odds: the strength of their faction
//    within mass_radius_cells of the cell (it attacks together) against
//    the hostile strength they know of within one cell of it; they move
//    onto enemies weaker than raid_ratio times that mass (a raid on a post
//    or a column) and keep out of the reach of stronger ones (A counts
//    twice, negative, in the cells next to them), while farther enemies
//    still draw them: they work near posts and roads, where patrols and
//    convoys pass, and wait there for a weak target. What draws them
//    counts at most operations.draw_cap_fighters per cell: a large
//    garrison draws no more than a post, and repels up close.
//    With enemies in sight a unit hunts them and feels no pull to its post
//    (unless it is more than twice its sense radius from it); otherwise
//    progress is toward its patrol waypoint, drawn anew when reached: for
//    a government force one of its objective cells, for an armed group a
//    town, in its theatre within twice its sense radius of its post (with
//    chance 0.7 among those its side does not hold, if any).
//  - A mobile unit ready to fight that chose a cell holding enemies goes
//    for one unit there (its quarry: a mobile one first, then the weakest) and
//    follows it: if the quarry's own destination is within its mobility
//    plus one and a cell it may enter, it ends the day there, so a pursuer
//    or raider catches a quarry that moves away (movement's second pass).
//  - A cell can be entered if it lies in the unit's theatre (armed groups:
//    anywhere but a country closed to them) and steps x movement cost is
//    at most the unit's mobility; a neighbouring cell always can (every
//    force reaches every terrain, at its cost).
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

namespace {
// Cover a terrain gives (desert, steppe, savanna, floodplain, urban).
constexpr double kCover[kTerrainKinds] = {0.0, 0.3, 0.8, 0.6, 1.0};

int chebyshev(const core::Grid& g, core::CellIndex a, core::CellIndex b) {
  return std::max(std::abs(g.x_of(a) - g.x_of(b)), std::abs(g.y_of(a) - g.y_of(b)));
}
}  // namespace

bool Model::may_enter(int f, core::CellIndex from, core::CellIndex c) const {
  const World& w = world_;
  const Geography& geo = w.geo;
  const int k = geo.country.data()[c];
  if (k < 0 || !in_theatre(w, f, c)) return false;
  if (government_side(w.factions[static_cast<std::size_t>(f)].spec.kind)) return geo.is_core(c);
  // A border closed to armed groups: insurgents do not cross into that country.
  return k == geo.country.data()[from] || !closed_to_armed_[static_cast<std::size_t>(k)];
}

void Model::units_decide() {
  World& w = world_;
  Units& u = w.units;
  const Geography& geo = w.geo;
  const core::Grid& g = geo.grid;
  const auto tick = static_cast<std::uint32_t>(w.tick);
  const int mass_r = w.params.operations.mass_radius_cells;

  quarry_.assign(u.size(), -1);
  core::for_each_index(
      static_cast<std::int64_t>(u.size()),
      [&](std::int64_t i) {
        const auto f = static_cast<std::size_t>(u.faction[i]);
        const Faction& fac = w.factions[f];
        const Doctrine& d = fac.spec.doctrine;
        const PersonalityWeights& wt = fac.spec.weights;
        const bool gov = government_side(fac.spec.kind);
        const View& seen = view(f);
        const core::CellIndex here = u.cell[i];
        const double own = std::max(1, u.strength[i]);
        const int R = std::max(1, static_cast<int>(d.sense_radius_cells));
        const int m = std::max(0, d.mobility_cells);
        const int x = g.x_of(here), y = g.y_of(here);
        bool leaving = false;
        for (const Faction::Withdrawal& plan : fac.withdrawals)
          leaving = leaving || plan.country < 0 || geo.country.data()[here] == plan.country;
        const bool withdrawing = leaving || u.morale[i] < w.params.combat.withdraw_morale;
        const bool ready = u.morale[i] >= w.params.combat.ready_morale;
        core::Draws draws(w.key, tick, Stream::unit_choice, u.id[i]);

        // Distance-weighted known hostile strength around a cell: an enemy d
        // cells away counts sum over r >= d of 1/(r + 1), r = 0, 1, 2, 4, ... R.
        // A large garrison draws an armed group no more than a post does.
        const core::SummedAreaTable& drawing = gov ? seen.known_sat : seen.known_capped_sat;
        auto known_around = [&](core::CellIndex c) {
          double k = static_cast<double>(drawing.square(c, 0));
          for (int r = 1;; r *= 2) {
            const int rr = std::min(r, R);
            k += static_cast<double>(drawing.square(c, rr)) / (rr + 1.0);
            if (rr == R) break;
          }
          return k;
        };
        const double known_here = known_around(here);

        // Patrols: a new waypoint when there is none or it is reached.
        const bool patrolling = u.mobile[i] && !withdrawing && known_here == 0;
        if (patrolling && (u.waypoint[i] == core::kNoCell || u.waypoint[i] == here)) {
          // Towns in reach; those its side does not hold (nobody's, or the
          // enemy's) first, with chance 0.7: patrols go where control is at
          // stake, and armed groups fill a vacuum.
          // Government forces patrol their own objectives only (a base they
          // closed is no longer theirs to patrol); armed groups any town.
          std::vector<core::CellIndex> options, open;
          const std::vector<core::CellIndex>& towns = gov ? fac.objective_cells : town_cells_;
          for (const core::CellIndex t : towns) {
            if (t == here || chebyshev(g, t, u.objective[i]) > 2 * R || !in_theatre(w, static_cast<int>(f), t) ||
                (gov && !geo.is_core(t)))
              continue;
            options.push_back(t);
            const int holder = w.controller.data()[t];
            if (holder < 0 || government_side(w.factions[static_cast<std::size_t>(holder)].spec.kind) != gov)
              open.push_back(t);
          }
          const auto& pool = !open.empty() && draws.uniform() < 0.7 ? open : options;
          u.waypoint[i] = pool.empty() ? u.objective[i] : pool[draws.below(static_cast<std::uint32_t>(pool.size()))];
        }
        // A mobile unit with enemies in sight hunts them (no pull to its post)
        // unless it has gone beyond twice its sense radius from its post.
        const bool hunting =
            u.mobile[i] && !withdrawing && known_here > 0 && chebyshev(g, here, u.objective[i]) <= 2 * R;
        const core::CellIndex goal = patrolling ? u.waypoint[i] : u.objective[i];
        const int gx = g.x_of(goal), gy = g.y_of(goal);
        const double objective_weight = hunting ? 0.0 : wt.objective;

        double best = -1e300;
        core::CellIndex choice = here;
        // Government units that hold a post stay in it; an armed group's base
        // units keep to their area but slip away from stronger enemies.
        const bool holds_post = !u.mobile[i] && !withdrawing;
        const int reach = holds_post && gov ? std::min(m, std::max(std::abs(gx - x), std::abs(gy - y))) : m;
        const float* heat = w.heat[static_cast<std::size_t>(fac.actor)].data();
        for (int dy = -reach; dy <= reach; ++dy) {
          for (int dx = -reach; dx <= reach; ++dx) {
            const core::CellIndex c = g.offset_xy(x, y, dx, dy);
            if (c == core::kNoCell || (c != here && !may_enter(static_cast<int>(f), here, c))) continue;
            const int steps = std::max(std::abs(dx), std::abs(dy));
            if (steps > 1 && steps * geo.movement_cost.data()[c] > m + 1e-9) continue;
            const double progress = (std::max(std::abs(gx - x), std::abs(gy - y)) -
                                     std::max(std::abs(gx - x - dx), std::abs(gy - y - dy))) /
                                    std::max(1.0, static_cast<double>(m));
            double score;
            if (withdrawing || holds_post) {
              const double threat = static_cast<double>((gov ? seen.hostile_sat : seen.known_sat).square(c, 1)) / own;
              score = 2.0 * progress - (gov ? 1.0 : 4.0) * threat;
            } else {
              const double known = known_around(c) / own;
              double enemy_term = known;
              if (!gov) {
                // Armed groups judge the odds by what they know of the enemy.
                // The odds against the enemies within one cell of it: a raid if
                // they are weak enough, else a cell to keep out of. Farther
                // enemies still draw the group: it works near their posts and
                // roads, where patrols and convoys pass.
                const double opposed = static_cast<double>(seen.known_sat.square(c, 1));
                double mass = static_cast<double>(strength_sat_[f].square(c, mass_r));
                if (steps > mass_r) mass += own;
                if (opposed > 0 && !(opposed <= wt.raid_ratio * mass && ready))
                  enemy_term = -2.0 * std::max(known, opposed / own);  // the whole garrison repels
              } else if (!ready) {
                enemy_term = 0;  // resting after a fight
              }
              const double friends =
                  static_cast<double>(seen.friendly_sat.square(c, R) - strength_sat_[f].square(c, R)) / own;
              const float ctl = w.control.data()[c];
              const double side_control = gov ? ctl : -ctl;
              const double people =
                  std::log1p(static_cast<double>(population_here_[static_cast<std::size_t>(c)])) / 10.0;
              score = wt.enemy * d.aggression * enemy_term + wt.friends * std::min(friends, 2.0) +
                      objective_weight * progress + wt.cover * kCover[geo.terrain.data()[c]] +
                      wt.control * side_control + wt.civilians * people + wt.fighting * heat[c] -
                      0.1 * steps * (geo.movement_cost.data()[c] - 1.0);
            }
            score += 1e-3 * draws.uniform();  // breaks ties without favouring a direction
            if (score > best) {
              best = score;
              choice = c;
            }
          }
        }
        u.target[i] = choice;
        const bool enemy_there = seen.hostile.data()[choice] > 0;
        // The quarry: the unit it goes for in that cell, a mobile one first
        // (an ambush), the weakest first, ties to the lower index.
        if (enemy_there && u.mobile[i] && !withdrawing && ready) {
          std::int32_t best_unit = -1;
          for (const std::uint32_t k : unit_buckets_.in_cell(choice)) {
            if (!w.hostile[f][u.faction[k]] || u.strength[k] <= 0) continue;
            const bool moving = u.mobile[k];
            if (best_unit < 0) {
              best_unit = static_cast<std::int32_t>(k);
              continue;
            }
            const auto b = static_cast<std::size_t>(best_unit);
            if ((moving && !u.mobile[b]) || (moving == (u.mobile[b] != 0) && u.strength[k] < u.strength[b]))
              best_unit = static_cast<std::int32_t>(k);
          }
          quarry_[static_cast<std::size_t>(i)] = best_unit;
        }
        Posture posture;
        if (withdrawing)
          posture = Posture::withdraw;
        else if (enemy_there && u.mobile[i] && ready)
          posture = gov ? Posture::pursue : Posture::raid;
        else if (choice != here)
          posture = Posture::patrol;
        else if (d.training_effect > 0 && seen.friendly_sat.square(here, 0) > strength_sat_[f].square(here, 0))
          posture = Posture::train;
        else
          posture = Posture::garrison;
        u.posture[i] = posture;
      },
      16);
}

void Model::units_move() {
  // A raider or pursuer follows its quarry: if the quarry's destination is
  // within its mobility plus one of where it stands, it goes there instead
  // of the quarry's old cell (computed from everyone's intents, then
  // applied, so the order of units does not matter).
  Units& u = world_.units;
  const core::Grid& g = world_.geo.grid;
  intercept_.assign(u.target.begin(), u.target.end());
  core::for_each_index(
      static_cast<std::int64_t>(u.size()),
      [&](std::int64_t i) {
        const std::int32_t q = quarry_[static_cast<std::size_t>(i)];
        if (q < 0) return;
        const core::CellIndex dest = u.target[static_cast<std::size_t>(q)];
        const int f = u.faction[i];
        const int reach = world_.factions[static_cast<std::size_t>(f)].spec.doctrine.mobility_cells + 1;
        if (chebyshev(g, u.cell[i], dest) <= reach && may_enter(f, u.cell[i], dest))
          intercept_[static_cast<std::size_t>(i)] = dest;
      },
      64);
  core::for_each_index(
      static_cast<std::int64_t>(u.size()), [&](std::int64_t i) { u.cell[i] = intercept_[static_cast<std::size_t>(i)]; },
      64);
}

}  // namespace sahel::model
