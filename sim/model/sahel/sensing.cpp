// SPDX-License-Identifier: MIT
// Phase "sensing": per-cell aggregates as of the start of the day, and the
// window sums that make a unit's or a household's view O(1): fighters per
// faction, hostile and friendly strength per faction, people, active
// supporters, government presence. Then, per cell, what a household there
// perceives: the estimated arrest risk, violence nearby, and which armed
// group could recruit it.
#include <cmath>

#include "core/parallel.hpp"
#include "model/sahel/model.hpp"

namespace sahel::model {

void Model::sense() {
  World& w = world_;
  const core::Grid& g = w.geo.grid;
  const auto cells = g.cells();
  unit_buckets_.build(cells, w.units.cell);
  if (civilian_buckets_stale_) civilian_buckets_.build(cells, w.civilians.cell);
  civilian_buckets_stale_ = false;

  for (auto& layer : strength_here_) layer.setZero();
  for (std::size_t i = 0; i < w.units.size(); ++i)
    strength_here_[w.units.faction[i]].data()[w.units.cell[i]] += w.units.strength[i];
  // Per faction: the strength of those it fights, then of those on its side
  // it does not fight (whole-layer sums, vectorised by Eigen); then all the
  // window tables at once, one task per table.
  core::for_each_index(n_factions_, [&](std::int64_t f64) {
    const auto f = static_cast<std::size_t>(f64);
    for (const bool hostile : {true, false}) {
      core::Layer<std::int64_t>& layer = side_here_[2 * f + (hostile ? 0 : 1)];
      layer.setZero();
      for (std::size_t k = 0; k < static_cast<std::size_t>(n_factions_); ++k) {
        if (k == f) continue;
        const bool fights = w.hostile[f][k] != 0;
        const bool same_side = government_side(w.factions[f].spec.kind) == government_side(w.factions[k].spec.kind);
        if (hostile ? fights : (!fights && same_side)) layer += strength_here_[k];
      }
    }
  }, 1);
  core::for_each_index(3 * n_factions_, [&](std::int64_t t) {
    const auto f = static_cast<std::size_t>(t / 3);
    switch (t % 3) {
      case 0: strength_sat_[f].build(strength_here_[f]); break;
      case 1: hostile_sat_[f].build(side_here_[2 * f]); break;
      default: friendly_sat_[f].build(side_here_[2 * f + 1]); break;
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
    for (int k = 0; k < n_factions_; ++k) {
      const FactionKind kind = w.factions[static_cast<std::size_t>(k)].spec.kind;
      if (government_side(kind))
        s += strength_here_[static_cast<std::size_t>(k)].data()[c] / (kind == FactionKind::peacekeeper ? 2 : 1);
    }
    scratch_.data()[c] = s;
  });
  gov_sat_.build(scratch_);
  // Recent violence in fixed point (x1000), so window sums stay exact.
  core::for_each_index(cells, [&](std::int64_t c) {
    scratch_.data()[c] = static_cast<std::int64_t>(std::llround(w.violence.data()[c] * 1000.0));
  });
  violence_sat_.build(scratch_);

  // What a household in each cell perceives.
  const CivilianParams& cp = w.params.civilians;
  const int r = cp.sense_radius_cells;
  core::for_each_index(cells, [&](std::int64_t c64) {
    const auto c = static_cast<core::CellIndex>(c64);
    const auto s = static_cast<std::size_t>(c);
    recruiter_near_[s] = -1;
    // Violence is read where households stand, flee to and come from;
    // the rest only where someone stands.
    violence_near_[s] = static_cast<float>(static_cast<double>(violence_sat_.square(c, r)) / 1000.0);
    if (population_here_[s] == 0) return;
    const double cops = static_cast<double>(gov_sat_.square(c, r)) * cp.deterrence_per_fighter;
    const double active_households = static_cast<double>(active_sat_.square(c, r)) / cp.people_per_agent;
    arrest_risk_[s] = static_cast<float>(1.0 - std::exp(-cp.arrest_constant_k * cops / (active_households + 1.0)));
    // The strongest recruiting group within reach, where the state does
    // not hold the ground (Kalyvas zones 3-5).
    std::int8_t best = -1;
    std::int64_t best_strength = 0;
    if (w.zone.data()[c] >= 3) {
      for (int k = 0; k < n_factions_; ++k) {
        const Faction& fac = w.factions[static_cast<std::size_t>(k)];
        if (!insurgent_side(fac.spec.kind) || fac.spec.doctrine.recruit_rate <= 0) continue;
        const std::int64_t near = strength_sat_[static_cast<std::size_t>(k)].square(c, r + 1);
        if (near > best_strength) {
          best_strength = near;
          best = static_cast<std::int8_t>(k);
        }
      }
    }
    recruiter_near_[s] = best;
  }, 256);
}

}  // namespace sahel::model
