// SPDX-License-Identifier: MIT
// Phase "civilians", for every household in parallel (each writes only its
// own slot):
//  - activation (Epstein 2002, with local legitimacy): grievance
//    G = H (1 - L_cell); active when G - R * P > T, P the arrest risk the
//    cell perceives (sensing);
//  - recruitment: an active household near a recruiting armed group, where
//    the state does not hold the ground, gives it Binomial(people, rate)
//    fighters (resolved into units after the loop, in household order);
//  - flight (after Flee, Suleimenova et al. 2017): where recent violence
//    nearby exceeds a threshold, a household leaves with a chance that grows
//    with the excess, for the most attractive of six sampled towns, camps
//    and points across the border (one per neighbouring country), attractiveness = exp(-distance/flee_distance_km) / (1 + violence
//    near the destination); it travels a few cells a day;
//  - return: a displaced household heads home once home is calm and not
//    held by insurgents;
//  - closed borders (border_closure events): a household does not set out,
//    in flight or return, for a destination in another country when either
//    country is closed to civilians; households already on the way go on.
#include <atomic>
#include <cmath>
#include <cstdlib>

#include "core/parallel.hpp"
#include "core/random_variates.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

namespace {

core::CellIndex step_towards(const core::Grid& g, core::CellIndex from, core::CellIndex to, int cells) {
  const int x = g.x_of(from), y = g.y_of(from), tx = g.x_of(to), ty = g.y_of(to);
  const int dx = std::clamp(tx - x, -cells, cells), dy = std::clamp(ty - y, -cells, cells);
  return g.index(x + dx, y + dy);
}

}  // namespace

void Model::civilians_decide() {
  World& w = world_;
  Civilians& h = w.civilians;
  const core::Grid& g = w.geo.grid;
  const CivilianParams& cp = w.params.civilians;
  const float* legitimacy = w.legitimacy.data();
  const auto tick = static_cast<std::uint32_t>(w.tick);
  const double km_per_cell = 111.32 * w.geo.extent.cell_deg;
  const int speed = std::max(1, static_cast<int>(cp.flee_speed_cells));

  std::atomic<bool> moved{false};
  core::for_each_index(static_cast<std::int64_t>(h.size()), [&](std::int64_t i) {
    h.recruits[i] = 0;
    h.recruiter[i] = -1;
    if (h.people[i] <= 0) return;
    const core::CellIndex c = h.cell[i];
    const auto s = static_cast<std::size_t>(c);
    const bool inside = w.geo.is_core(c);

    if (inside) {
      const double grievance = h.hardship[i] * (1.0 - legitimacy[c]);
      const bool active = grievance - h.risk_aversion[i] * arrest_risk_[s] > cp.threshold;
      h.status[i] = active ? CivilianStatus::active : CivilianStatus::calm;
      const int recruiter = recruiter_near_[s];
      if (active && recruiter >= 0) {
        core::Draws d(w.key, tick, Stream::recruitment, h.id[i]);
        const double rate = w.factions[static_cast<std::size_t>(recruiter)].spec.doctrine.recruit_rate;
        const auto joined = static_cast<std::int32_t>(core::binomial(d, h.people[i], rate));
        if (joined > 0) {
          h.recruits[i] = joined;
          h.recruiter[i] = static_cast<std::int8_t>(recruiter);
          h.people[i] -= joined;
        }
      }
    } else {
      h.status[i] = CivilianStatus::calm;  // refugees abroad take no side
    }

    core::Draws d(w.key, tick, Stream::flight, h.id[i]);
    const double v = violence_near_[s];
    if (h.destination[i] == core::kNoCell) {
      if (v > cp.flee_violence && d.uniform() < 1.0 - std::exp(-cp.flee_rate * (v - cp.flee_violence))) {
        // Sample a few destinations; keep the most attractive.
        double best = -1;
        core::CellIndex choice = core::kNoCell;
        for (int k = 0; k < 6; ++k) {
          const core::CellIndex dest = destinations_[d.below(static_cast<std::uint32_t>(destinations_.size()))];
          if (dest == c || !may_cross(c, dest)) continue;  // a closed border: that sample is lost
          const double dx = g.x_of(dest) - g.x_of(c), dy = g.y_of(dest) - g.y_of(c);
          const double km = std::sqrt(dx * dx + dy * dy) * km_per_cell;
          const double safety = 1.0 / (1.0 + violence_near_[static_cast<std::size_t>(dest)]);
          const double score = safety * std::exp(-km / cp.flee_distance_km);
          if (score > best) {
            best = score;
            choice = dest;
          }
        }
        if (choice != core::kNoCell) {
          h.destination[i] = choice;
          h.displaced[i] = 1;
        }
      } else if (h.displaced[i] && violence_near_[static_cast<std::size_t>(h.home[i])] < cp.return_violence &&
                 w.zone.data()[h.home[i]] <= 3 && d.uniform() < cp.return_rate && may_cross(c, h.home[i])) {
        h.destination[i] = h.home[i];
      }
    }
    if (h.destination[i] != core::kNoCell) {
      h.cell[i] = step_towards(g, c, h.destination[i], speed);
      moved.store(true, std::memory_order_relaxed);
      if (h.cell[i] == h.destination[i]) {
        h.destination[i] = core::kNoCell;
        if (h.cell[i] == h.home[i]) h.displaced[i] = 0;
      }
    }
  }, 1024);

  if (moved.load()) civilian_buckets_.build(g.cells(), h.cell);

  // Recruits join their group's nearest unit, in household order, so the
  // same on any number of threads.
  for (std::size_t i = 0; i < h.size(); ++i) {
    if (h.recruits[i] <= 0) continue;
    const int f = h.recruiter[i];
    Faction& fac = w.factions[static_cast<std::size_t>(f)];
    fac.fighters.recruited += h.recruits[i];
    fac.recruited_today += h.recruits[i];
    w.people_recruited += h.recruits[i];
    // Recruits join the group's nearest unit (one is within reach: that is
    // what made the group a recruiter here); ties go to the lower index.
    const core::CellIndex where = w.geo.is_core(h.cell[i]) ? h.cell[i] : h.home[i];
    const int wx = g.x_of(where), wy = g.y_of(where);
    std::size_t nearest = w.units.size();
    int nearest_distance = 0;
    for (std::size_t u = 0; u < w.units.size(); ++u) {
      if (w.units.faction[u] != f || w.units.strength[u] <= 0) continue;
      const int d = std::max(std::abs(g.x_of(w.units.cell[u]) - wx), std::abs(g.y_of(w.units.cell[u]) - wy));
      if (nearest == w.units.size() || d < nearest_distance) {
        nearest = u;
        nearest_distance = d;
      }
    }
    if (nearest < w.units.size()) w.units.strength[nearest] += h.recruits[i];
    else add_unit(f, where, h.recruits[i]);
  }
}

}  // namespace sahel::model
