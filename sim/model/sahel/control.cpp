// SPDX-License-Identifier: MIT
// Phase "control": who holds each cell, and how legitimate the state is
// there.
// Control c in [-1, 1] (+1: the state) moves each day toward the balance
// of presence within `radius_cells`:
//   G = government fighters (peacekeepers half) + admin_presence * people/1000 * L
//   I = insurgent fighters + support_presence * active supporters
//   c += rate * ((G - I)/(G + I + 1) - c).
// Kalyvas' (2006) five zones: 1 c > 0.6, 2 c > 0.2, 3 |c| <= 0.2, 4 c >= -0.6,
// 5 below. The controller is the strongest faction of the winning side
// nearby (zones 1-2: the cell's own state when none is near; zones 4-5: the
// last insurgent controller when none is near); nobody in zone 3.
// Local legitimacy L of the state falls with civilians killed nearby by the
// government side (whatever its scrutiny: locals saw it), with unpopular
// government-side presence (and rises with a popular one), with insecurity, rises with protection where it is
// calm, and is pulled back toward its initial level.
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "model/sahel/model.hpp"

namespace sahel::model {

void Model::update_control() {
  World& w = world_;
  const Geography& geo = w.geo;
  const core::Grid& g = geo.grid;
  const auto cells = g.cells();
  const ControlParams& cp = w.params.control;
  const LegitimacyParams& lp = w.params.legitimacy;
  const std::size_t nf = w.factions.size();

  // Presence after today's moves and losses.
  for (auto& layer : strength_here_) layer.setZero();
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.strength[i] > 0) strength_here_[w.units.faction[i]].data()[w.units.cell[i]] += w.units.strength[i];
  for (std::size_t f = 0; f < nf; ++f) strength_sat_[f].build(strength_here_[f]);
  auto build = [&](core::SummedAreaTable& sat, auto value) {
    core::for_each_index(cells, [&](std::int64_t c) { scratch_.data()[c] = value(c); });
    sat.build(scratch_);
  };
  build(gov_sat_, [&](std::int64_t c) {
    std::int64_t s = 0;
    for (std::size_t f = 0; f < nf; ++f) {
      const FactionKind k = w.factions[f].spec.kind;
      if (government_side(k)) s += strength_here_[f].data()[c] / (k == FactionKind::peacekeeper ? 2 : 1);
    }
    return s;
  });
  build(insurgent_sat_, [&](std::int64_t c) {
    std::int64_t s = 0;
    for (std::size_t f = 0; f < nf; ++f)
      if (insurgent_side(w.factions[f].spec.kind)) s += strength_here_[f].data()[c];
    return s;
  });
  // Government-side fighters weighted by their popularity (signed: an
  // unpopular presence counts against the state, a welcome one for it).
  build(unpopular_sat_, [&](std::int64_t c) {
    double s = 0;
    for (std::size_t f = 0; f < nf; ++f) {
      const Faction& fac = w.factions[f];
      if (government_side(fac.spec.kind) && fac.spec.doctrine.popularity != 0)
        s -= fac.spec.doctrine.popularity * static_cast<double>(strength_here_[f].data()[c]);
    }
    return static_cast<std::int64_t>(std::llround(s));
  });
  // Fixed-point (x1000) so that the window sums stay exact integers.
  build(violence_sat_, [&](std::int64_t c) { return static_cast<std::int64_t>(std::llround(w.violence.data()[c] * 1000.0)); });
  build(harm_sat_, [&](std::int64_t c) { return static_cast<std::int64_t>(std::llround(w.gov_harm_today.data()[c] * 1000.0)); });

  const int r = cp.radius_cells;
  core::for_each_index(cells, [&](std::int64_t c64) {
    const auto c = static_cast<core::CellIndex>(c64);
    if (!geo.is_core(c)) return;
    float& legit = w.legitimacy.data()[c];
    const double people = static_cast<double>(population_sat_.square(c, r));
    const double gov_fighters = static_cast<double>(gov_sat_.square(c, r));
    const double G = gov_fighters + cp.admin_presence * people / 1000.0 * legit;
    const double I = static_cast<double>(insurgent_sat_.square(c, r)) + cp.support_presence * static_cast<double>(active_sat_.square(c, r));
    float& ctl = w.control.data()[c];
    ctl += static_cast<float>(cp.rate * ((G - I) / (G + I + 1.0) - ctl));
    const std::uint8_t zone = ctl > 0.6f ? 1 : ctl > 0.2f ? 2 : ctl >= -0.2f ? 3 : ctl >= -0.6f ? 4 : 5;
    w.zone.data()[c] = zone;

    std::int8_t& who = w.controller.data()[c];
    if (zone == 3) {
      who = -1;
    } else {
      const bool gov = zone <= 2;
      std::int64_t best = 0;
      int best_faction = -1;
      for (std::size_t f = 0; f < nf; ++f) {
        const FactionKind k = w.factions[f].spec.kind;
        if (gov ? !government_side(k) : !insurgent_side(k)) continue;
        const std::int64_t s = strength_sat_[f].square(c, r);
        if (s > best) {
          best = s;
          best_faction = static_cast<int>(f);
        }
      }
      if (best_faction < 0) {
        // Nobody of the winning side nearby: the state keeps the cells of
        // its own country; insurgents keep what they held.
        const bool keep = who >= 0 && (gov ? government_side(w.factions[static_cast<std::size_t>(who)].spec.kind)
                                           : insurgent_side(w.factions[static_cast<std::size_t>(who)].spec.kind));
        if (keep) best_faction = who;
        else if (gov) best_faction = home_state_[static_cast<std::size_t>(geo.country.data()[c])];
      }
      who = static_cast<std::int8_t>(best_faction);
    }

    const double harm = static_cast<double>(harm_sat_.square(c, r)) / 1000.0;
    const double unpopular = static_cast<double>(unpopular_sat_.square(c, r));
    const double violence = static_cast<double>(violence_sat_.square(c, r)) / 1000.0;
    double dl = -lp.harm_sensitivity * harm / (people / 1000.0 + 1.0) - lp.foreign_sensitivity * unpopular / 100.0 -
                lp.insecurity_sensitivity * violence + lp.recovery_rate * (lp.initial - legit);
    if (gov_fighters > 0 && violence < 0.5) dl += lp.protection_gain;
    legit = static_cast<float>(std::clamp(legit + dl, 0.0, 1.0));
  }, 512);

  // Violence fades; today's harm has been felt.
  core::for_each_index(cells, [&](std::int64_t c) {
    w.violence.data()[c] *= static_cast<float>(w.params.combat.violence_decay);
    w.gov_harm_today.data()[c] = 0;
  });
  w.reputation = std::clamp(w.reputation + lp.reputation_recovery * (1.0 - w.reputation), 0.0, 1.0);
}

}  // namespace sahel::model
