// SPDX-License-Identifier: MIT
// Phase "sensing": per-cell aggregates as of the start of the day, and the
// window sums that make a unit's or a household's view O(1).
//  - Net loyalty of the residents to each actor (the state side, each armed
//    group): its support plus the compliance fear buys it, minus the
//    support of the strongest actor hostile to it, in 0-1. It is what an
//    actor learns from informants (Kalyvas 2006, ch. 7).
//  - Per faction: the strength of those it fights, the part of it the
//    faction knows of (base_detection + (1 - base_detection) x loyalty of
//    the residents where the enemy stands), friendly strength (same side,
//    not hostile) and its own strength.
//  - People, active supporters, government presence, remembered harm and
//    battles.
// Then, per cell, what a household there perceives: the estimated arrest
// risk (raised by the compliance the state's violence bought) and which
// armed group could recruit it (one with funds: recruits must be paid and
// armed).
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "model/sahel/model.hpp"

namespace sahel::model {

void Model::sense() {
  World& w = world_;
  const core::Grid& g = w.geo.grid;
  const auto cells = g.cells();
  const std::size_t nf = w.factions.size(), na = w.actors();
  unit_buckets_.build(cells, w.units.cell);
  if (civilian_buckets_stale_) civilian_buckets_.build(cells, w.civilians.cell);
  civilian_buckets_stale_ = false;

  for (auto& layer : strength_here_) layer.setZero();
  for (std::size_t i = 0; i < w.units.size(); ++i)
    strength_here_[w.units.faction[i]].data()[w.units.cell[i]] += w.units.strength[i];

  for (auto& row : actor_hostile_) std::fill(row.begin(), row.end(), 0);
  for (std::size_t f = 0; f < nf; ++f)
    for (std::size_t k = 0; k < nf; ++k)
      if (w.hostile[f][k])
        actor_hostile_[static_cast<std::size_t>(w.factions[f].actor)][static_cast<std::size_t>(w.factions[k].actor)] = 1;
  core::for_each_index(cells, [&](std::int64_t c) {
    for (std::size_t a = 0; a < na; ++a) {
      float enemy = 0;
      for (std::size_t b = 0; b < na; ++b)
        if (actor_hostile_[a][b]) enemy = std::max(enemy, w.support[b].data()[c]);
      const float own = w.support[a].data()[c] + w.compliance[a].data()[c];
      loyalty_[a][static_cast<std::size_t>(c)] = std::clamp(own - enemy, 0.0f, 1.0f);
    }
  }, 1024);

  // Per faction: hostile, known hostile and friendly strength per cell
  // (whole-layer sums), then all the window tables at once, one task per table.
  const double base = w.params.operations.base_detection;
  core::for_each_index(static_cast<std::int64_t>(nf), [&](std::int64_t f64) {
    const auto f = static_cast<std::size_t>(f64);
    core::Layer<std::int64_t>& hostile = side_here_[3 * f];
    core::Layer<std::int64_t>& known = side_here_[3 * f + 1];
    core::Layer<std::int64_t>& friendly = side_here_[3 * f + 2];
    hostile.setZero();
    friendly.setZero();
    for (std::size_t k = 0; k < nf; ++k) {
      if (k == f) continue;
      const bool same_side = government_side(w.factions[f].spec.kind) == government_side(w.factions[k].spec.kind);
      if (w.hostile[f][k]) hostile += strength_here_[k];
      else if (same_side) friendly += strength_here_[k];
    }
    const std::vector<float>& loyal = loyalty_[static_cast<std::size_t>(w.factions[f].actor)];
    for (std::int64_t c = 0; c < cells; ++c) {
      const std::int64_t s = hostile.data()[c];
      known.data()[c] = s == 0 ? 0 : std::llround(static_cast<double>(s) * (base + (1.0 - base) * loyal[static_cast<std::size_t>(c)]));
    }
  }, 1);
  core::for_each_index(static_cast<std::int64_t>(4 * nf), [&](std::int64_t t) {
    const auto f = static_cast<std::size_t>(t / 4);
    switch (t % 4) {
      case 0: strength_sat_[f].build(strength_here_[f]); break;
      case 1: hostile_sat_[f].build(side_here_[3 * f]); break;
      case 2: known_sat_[f].build(side_here_[3 * f + 1]); break;
      default: friendly_sat_[f].build(side_here_[3 * f + 2]); break;
    }
  }, 1);

  // People and active supporters per cell.
  const Civilians& h = w.civilians;
  core::Layer<std::int64_t>& active = active_here_;
  core::for_each_index(cells, [&](std::int64_t c) {
    std::int64_t people = 0, act = 0;
    for (std::uint32_t i : civilian_buckets_.in_cell(static_cast<core::CellIndex>(c))) {
      people += h.people[i];
      act += h.status[i] == CivilianStatus::active ? h.people[i] : 0;
    }
    population_here_[static_cast<std::size_t>(c)] = people;
    scratch_.data()[c] = people;
    active.data()[c] = act;
  });
  population_sat_.build(scratch_);
  active_sat_.build(active);
  // Government fighters (peacekeepers count half: they protect, they do not hunt).
  core::for_each_index(cells, [&](std::int64_t c) {
    std::int64_t s = 0;
    for (std::size_t k = 0; k < nf; ++k) {
      const FactionKind kind = w.factions[k].spec.kind;
      if (government_side(kind)) s += strength_here_[k].data()[c] / (kind == FactionKind::peacekeeper ? 2 : 1);
    }
    scratch_.data()[c] = s;
  });
  gov_sat_.build(scratch_);
  // Remembered harm and battles in fixed point (x1000), so window sums stay exact.
  core::for_each_index(cells, [&](std::int64_t c) {
    scratch_.data()[c] = std::llround(w.harm_memory.data()[c] * 1000.0);
  });
  harm_memory_sat_.build(scratch_);
  core::for_each_index(cells, [&](std::int64_t c) {
    scratch_.data()[c] = std::llround(w.battle_memory.data()[c] * 1000.0);
  });
  battle_memory_sat_.build(scratch_);

  // What a household in each cell perceives.
  const CivilianParams& cp = w.params.civilians;
  const int r = cp.sense_radius_cells;
  core::for_each_index(cells, [&](std::int64_t c64) {
    const auto c = static_cast<core::CellIndex>(c64);
    const auto s = static_cast<std::size_t>(c);
    recruiter_near_[s] = -1;
    hazard_[s] = w.geo.country.data()[c] >= 0 ? static_cast<float>(flight_hazard(c)) : 0.0f;
    if (population_here_[s] == 0) return;
    const double cops = static_cast<double>(gov_sat_.square(c, r)) * cp.deterrence_per_fighter;
    const double active_households = static_cast<double>(active_sat_.square(c, r)) / cp.people_per_agent;
    const double arrest = 1.0 - std::exp(-cp.arrest_constant_k * cops / (active_households + 1.0));
    // Fear of the state adds to the risk people see (Lyall 2009: violence
    // can suppress in the short run).
    arrest_risk_[s] = static_cast<float>(1.0 - (1.0 - arrest) * (1.0 - w.compliance[0].data()[c]));
    // The recruiting group: within reach, where the state does not hold the
    // ground (Kalyvas zones 3-5), the one with the most fighters near,
    // weighted by how much the residents back it.
    std::int8_t best = -1;
    double best_score = 0;
    if (w.zone.data()[c] >= 3) {
      for (std::size_t k = 0; k < nf; ++k) {
        const Faction& fac = w.factions[k];
        // A group recruits only while it can pay and arm recruits (Weinstein
        // 2007: an armed group's resources bound its growth).
        if (!insurgent_side(fac.spec.kind) || fac.spec.doctrine.recruit_rate <= 0 || fac.funds <= 0) continue;
        const double near = static_cast<double>(strength_sat_[k].square(c, r + 1));
        const auto a = static_cast<std::size_t>(fac.actor);
        const double score = near * (0.1 + w.support[a].data()[c] + w.compliance[a].data()[c]);
        if (score > best_score) {
          best_score = score;
          best = static_cast<std::int8_t>(k);
        }
      }
    }
    recruiter_near_[s] = best;
  }, 256);
}

}  // namespace sahel::model
