// SPDX-License-Identifier: MIT
// Phase "control": who holds each cell (control follows armed presence),
// then allegiance per side (allegiance.cpp).
//
// Presence within radius_cells of a cell, after today's moves and losses:
//   G  = government fighters (peacekeepers half)
//        + admin_presence * people/1000 * (L + compliance with the state),
//          the administration, only where government-side fighters stand
//          within admin_radius_cells;
//   I_f = fighters of armed group f
//        + admin_presence * people/1000 * (its support + compliance), its
//          governance, only where its fighters stand within
//          admin_radius_cells.
// No fighters in reach, no presence: a withdrawal leaves a vacuum that
// whoever is near fills. Rival groups each have their own presence, so
// the strongest group's hold is diluted by the others:
//   target = (G - max_f I_f) / (G + sum_f I_f + min_presence),
//   control += rate * (target - control).
// Kalyvas' (2006) five zones: 1 c > 0.6, 2 c > 0.2, 3 |c| <= 0.2,
// 4 c >= -0.6, 5 below. The controller in zones 1-2 is the cell's own state
// if its fighters are within administrative reach, else the government
// faction with the most fighters within it; in zones 4-5 the strongest
// group; nobody in zone 3, or when the winning side has nobody in reach.
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "model/sahel/model.hpp"

namespace sahel::model {

void Model::update_control(double rate) {
  World& w = world_;
  const Geography& geo = w.geo;
  const core::Grid& g = geo.grid;
  const auto cells = g.cells();
  const ControlParams& cp = w.params.control;
  const std::size_t nf = w.factions.size();

  // Presence after today's moves and losses.
  for (auto& layer : strength_here_) layer.setZero();
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.strength[i] > 0) strength_here_[w.units.faction[i]].data()[w.units.cell[i]] += w.units.strength[i];
  core::for_each_index(
      cells,
      [&](std::int64_t c) {
        std::int64_t gov = 0;
        for (std::size_t f = 0; f < nf; ++f) {
          const FactionKind kind = w.factions[f].spec.kind;
          if (government_side(kind)) gov += strength_here_[f].data()[c] / (kind == FactionKind::peacekeeper ? 2 : 1);
        }
        scratch_.data()[c] = gov;
      },
      1024);
  core::for_each_index(
      static_cast<std::int64_t>(1 + nf),
      [&](std::int64_t t) {
        if (t == 0)
          gov_sat_.build(scratch_);
        else
          strength_sat_[static_cast<std::size_t>(t - 1)].build(strength_here_[static_cast<std::size_t>(t - 1)]);
      },
      1);

  std::vector<std::size_t> groups, government;
  for (std::size_t f = 0; f < nf; ++f) {
    if (insurgent_side(w.factions[f].spec.kind))
      groups.push_back(f);
    else if (government_side(w.factions[f].spec.kind))
      government.push_back(f);
  }
  const int r = cp.radius_cells, R = cp.admin_radius_cells;
  core::for_each_index(
      cells,
      [&](std::int64_t c64) {
        const auto c = static_cast<core::CellIndex>(c64);
        if (!geo.is_core(c)) return;
        const double thousands = static_cast<double>(population_sat_.square(c, r)) / 1000.0;
        double G = static_cast<double>(gov_sat_.square(c, r));
        if (gov_sat_.square(c, R) > 0)
          G += cp.admin_presence * thousands * (w.support[kStateSide].data()[c] + w.compliance[kStateSide].data()[c]);
        double top = 0, total = 0;
        int top_group = -1;
        for (const std::size_t f : groups) {
          const auto a = static_cast<std::size_t>(w.factions[f].actor);
          double I = static_cast<double>(strength_sat_[f].square(c, r));
          if (strength_sat_[f].square(c, R) > 0)
            I += cp.admin_presence * thousands * (w.support[a].data()[c] + w.compliance[a].data()[c]);
          total += I;
          if (I > top) {
            top = I;
            top_group = static_cast<int>(f);
          }
        }
        float& ctl = w.control.data()[c];
        const double target = (G - top) / (G + total + cp.min_presence);
        ctl += static_cast<float>(rate * (target - ctl));
        const std::uint8_t zone = ctl > 0.6f ? 1 : ctl > 0.2f ? 2 : ctl >= -0.2f ? 3 : ctl >= -0.6f ? 4 : 5;
        w.zone.data()[c] = zone;

        int who = -1;
        if (zone <= 2) {
          const int home = home_state_[static_cast<std::size_t>(geo.country.data()[c])];
          if (home >= 0 && strength_sat_[static_cast<std::size_t>(home)].square(c, R) > 0) {
            who = home;
          } else {
            std::int64_t best = 0;
            for (const std::size_t f : government) {
              const std::int64_t s = strength_sat_[f].square(c, R);
              if (s > best) {
                best = s;
                who = static_cast<int>(f);
              }
            }
          }
        } else if (zone >= 4) {
          who = top_group;
        }
        w.controller.data()[c] = static_cast<std::int8_t>(who);
      },
      512);
}

}  // namespace sahel::model
