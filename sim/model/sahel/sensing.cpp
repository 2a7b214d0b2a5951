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
//    not hostile, itself included) and its own strength; factions that
//    fight the same enemies with the same informants share these tables.
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

namespace {
// Nearest integer of a non-negative value (what llround gives there, inline).
inline std::int64_t round_up_half(double v) {
  return static_cast<std::int64_t>(v + 0.5);
}
}  // namespace

void Model::sense() {
  World& w = world_;
  const core::Grid& g = w.geo.grid;
  const auto cells = g.cells();
  const std::size_t nf = w.factions.size(), na = w.actors();
  unit_buckets_.build(cells, w.units.cell);

  for (auto& layer : strength_here_) layer.setZero();
  for (std::size_t i = 0; i < w.units.size(); ++i)
    strength_here_[w.units.faction[i]].data()[w.units.cell[i]] += w.units.strength[i];

  for (auto& row : actor_hostile_) std::fill(row.begin(), row.end(), 0);
  for (std::size_t f = 0; f < nf; ++f)
    for (std::size_t k = 0; k < nf; ++k)
      if (w.hostile[f][k])
        actor_hostile_[static_cast<std::size_t>(w.factions[f].actor)][static_cast<std::size_t>(w.factions[k].actor)] =
            1;
  std::vector<std::vector<const float*>> enemies(na);  // per actor: the support layers of its enemies
  for (std::size_t a = 0; a < na; ++a)
    for (std::size_t b = 0; b < na; ++b)
      if (actor_hostile_[a][b]) enemies[a].push_back(w.support[b].data());
  for (std::size_t a = 0; a < na; ++a) {
    const float* own_support = w.support[a].data();
    const float* own_compliance = w.compliance[a].data();
    const std::vector<const float*>& hostile = enemies[a];
    float* out = loyalty_[a].data();
    core::for_each_index(
        cells,
        [&](std::int64_t c) {
          float enemy = 0;
          for (const float* e : hostile) enemy = std::max(enemy, e[c]);
          out[c] = std::clamp(own_support[c] + own_compliance[c] - enemy, 0.0f, 1.0f);
        },
        4096);
  }

  // The views: factions that fight the same factions with the same
  // informants share one (in faction order of first appearance).
  n_views_ = 0;
  for (std::size_t f = 0; f < nf; ++f) {
    const int actor = w.factions[f].actor;
    std::size_t v = 0;
    while (v < n_views_ && !(views_[v].actor == actor && views_[v].hostile_to == w.hostile[f])) ++v;
    if (v == n_views_) {
      if (v == views_.size()) views_.emplace_back(g);
      views_[v].actor = actor;
      views_[v].hostile_to = w.hostile[f];
      ++n_views_;
    }
    view_of_[f] = static_cast<int>(v);
  }
  // Per view: hostile, known hostile and friendly strength per cell
  // (whole-layer sums), then all the window tables at once, one task per table.
  const double base = w.params.operations.base_detection;
  core::for_each_index(
      static_cast<std::int64_t>(n_views_),
      [&](std::int64_t v64) {
        View& view = views_[static_cast<std::size_t>(v64)];
        const bool gov = view.actor == kStateSide;
        view.hostile.setZero();
        view.friendly.setZero();
        for (std::size_t k = 0; k < nf; ++k) {
          if (view.hostile_to[k])
            view.hostile += strength_here_[k];
          else if (government_side(w.factions[k].spec.kind) == gov)
            view.friendly += strength_here_[k];
        }
        const std::vector<float>& loyal = loyalty_[static_cast<std::size_t>(view.actor)];
        const auto cap = static_cast<std::int64_t>(w.params.operations.draw_cap_fighters);
        for (std::int64_t c = 0; c < cells; ++c) {
          const std::int64_t s = view.hostile.data()[c];
          const std::int64_t k =
              s == 0
                  ? 0
                  : round_up_half(static_cast<double>(s) * (base + (1.0 - base) * loyal[static_cast<std::size_t>(c)]));
          view.known.data()[c] = k;
          view.known_capped.data()[c] = std::min(k, cap);
        }
      },
      1);
  // Four tables per view; the state's views need no known_capped table.
  core::for_each_index(
      static_cast<std::int64_t>(nf + 4 * n_views_),
      [&](std::int64_t t) {
        if (t < static_cast<std::int64_t>(nf)) {
          strength_sat_[static_cast<std::size_t>(t)].build(strength_here_[static_cast<std::size_t>(t)]);
          return;
        }
        View& view = views_[static_cast<std::size_t>((t - static_cast<std::int64_t>(nf)) / 4)];
        switch ((t - static_cast<std::int64_t>(nf)) % 4) {
          case 0:
            view.hostile_sat.build(view.hostile);
            break;
          case 1:
            view.known_sat.build(view.known);
            break;
          case 2:
            if (view.actor != kStateSide) view.known_capped_sat.build(view.known_capped);
            break;
          default:
            view.friendly_sat.build(view.friendly);
            break;
        }
      },
      1);

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
    scratch_.data()[c] = round_up_half(w.harm_memory.data()[c] * 1000.0);
    scratch2_.data()[c] = round_up_half(w.battle_memory.data()[c] * 1000.0);
  });
  core::for_each_index(
      2,
      [&](std::int64_t t) {
        if (t == 0)
          harm_memory_sat_.build(scratch_);
        else
          battle_memory_sat_.build(scratch2_);
      },
      1);

  // What a household in each cell perceives.
  const CivilianParams& cp = w.params.civilians;
  const int r = cp.sense_radius_cells;
  core::for_each_index(
      cells,
      [&](std::int64_t c64) {
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
        arrest_risk_[s] = static_cast<float>(1.0 - (1.0 - arrest) * (1.0 - w.compliance[kStateSide].data()[c]));
        // The recruiting group: within reach, where the state does not hold the
        // ground firmly (Kalyvas zones 2-5), the one with the most fighters near,
        // weighted by how much the residents back it.
        std::int8_t best = -1;
        double best_score = 0;
        if (w.geo.is_core(c) && w.zone.data()[c] >= 2) {  // refugees abroad take no side
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
      },
      256);
}

}  // namespace sahel::model
