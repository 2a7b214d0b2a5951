// SPDX-License-Identifier: MIT
// Phase "civilians", first part, for every household in parallel (each
// writes only its own slot):
//  - activation (Epstein 2002, with local legitimacy): grievance
//    G = H (1 - L_cell); active when G - R * P > T, P the arrest risk the
//    cell perceives (sensing), and an armed group that recruits is within
//    reach (one cannot actively support an insurgency that is not there);
//  - recruitment: an active household near a recruiting armed group, where
//    the state does not hold the ground, gives it Binomial(people, rate)
//    fighters (resolved into units after the loop, in household order).
// Then, in the same pass, flight and return (flight.cpp).
#include <atomic>
#include <cmath>
#include <cstdlib>

#include "core/parallel.hpp"
#include "core/random_variates.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

void Model::civilians_decide() {
  World& w = world_;
  Civilians& h = w.civilians;
  const core::Grid& g = w.geo.grid;
  const CivilianParams& cp = w.params.civilians;
  const float* legitimacy = w.legitimacy().data();
  const auto tick = static_cast<std::uint32_t>(w.tick);

  std::atomic<bool> moved{false};
  core::for_each_index(
      static_cast<std::int64_t>(h.size()),
      [&](std::int64_t i) {
        if (h.recruits[i] != 0) {
          h.recruits[i] = 0;
          h.recruiter[i] = -1;
        }
        if (h.people[i] <= 0) return;
        const core::CellIndex c = h.cell[i];
        const auto s = static_cast<std::size_t>(c);
        const int recruiter = recruiter_near_[s];  // -1 outside the core countries: refugees abroad take no side
        bool active = false;
        if (recruiter >= 0) {
          const double grievance = h.hardship[i] * (1.0 - legitimacy[c]);
          active = grievance - h.risk_aversion[i] * arrest_risk_[s] > cp.threshold;
        }
        const CivilianStatus status = active ? CivilianStatus::active : CivilianStatus::calm;
        if (h.status[i] != status) h.status[i] = status;
        if (active) {
          core::Draws d(w.key, tick, Stream::recruitment, h.id[i]);
          const double rate = w.factions[static_cast<std::size_t>(recruiter)].spec.doctrine.recruit_rate;
          const auto joined = static_cast<std::int32_t>(core::binomial(d, h.people[i], rate));
          if (joined > 0) {
            h.recruits[i] = joined;
            h.recruiter[i] = static_cast<std::int8_t>(recruiter);
            h.people[i] -= joined;
          }
        }
        // Only a household on the road, in danger or away from home can move today.
        const bool may_move = h.destination[i] != core::kNoCell || hazard_[s] > 0 || h.displaced[i];
        if (!spinning_up_ && may_move && flee(i)) moved.store(true, std::memory_order_relaxed);
      },
      1024);
  if (moved.load()) regroup_households();

  // Recruits join their group's nearest unit, in household order, so the
  // same on any number of threads.
  for (std::size_t i = 0; i < h.size(); ++i) {
    if (h.recruits[i] <= 0) continue;
    const int f = h.recruiter[i];
    Faction& fac = w.factions[static_cast<std::size_t>(f)];
    fac.fighters.recruited += h.recruits[i];
    fac.recruited_today += h.recruits[i];
    w.people_recruited += h.recruits[i];
    // Recruits join the group's nearest unit to where their household is at
    // the end of the day (one is within reach: that is what made the group
    // a recruiter there); ties go to the lower index.
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
    if (nearest < w.units.size())
      w.units.strength[nearest] += h.recruits[i];
    else
      add_unit(f, where, h.recruits[i]);
  }
}

}  // namespace sahel::model
