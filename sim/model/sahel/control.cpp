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
  // The five per-cell inputs in one pass (government fighters, peacekeepers
  // half; insurgent fighters; government-side fighters weighted by their
  // popularity, signed: an unpopular presence counts against the state, a
  // welcome one for it; recent violence and today's government harm in
  // fixed point, x1000, so that window sums stay exact integers) ...
  core::for_each_index(cells, [&](std::int64_t c) {
    std::int64_t gov = 0, ins = 0;
    double popular = 0;
    for (std::size_t f = 0; f < nf; ++f) {
      const Faction& fac = w.factions[f];
      const std::int64_t s = strength_here_[f].data()[c];
      if (s == 0) continue;
      if (government_side(fac.spec.kind)) {
        gov += s / (fac.spec.kind == FactionKind::peacekeeper ? 2 : 1);
        popular -= fac.spec.doctrine.popularity * static_cast<double>(s);
      } else if (insurgent_side(fac.spec.kind)) {
        ins += s;
      }
    }
    control_inputs_[0].data()[c] = gov;
    control_inputs_[1].data()[c] = ins;
    control_inputs_[2].data()[c] = static_cast<std::int64_t>(std::llround(popular));
    control_inputs_[3].data()[c] = static_cast<std::int64_t>(std::llround(w.violence.data()[c] * 1000.0));
    control_inputs_[4].data()[c] = static_cast<std::int64_t>(std::llround(w.gov_harm_today.data()[c] * 1000.0));
  }, 1024);
  // ... then every window table at once, one task per table.
  core::SummedAreaTable* tables[] = {&gov_sat_, &insurgent_sat_, &unpopular_sat_, &violence_sat_, &harm_sat_};
  core::for_each_index(static_cast<std::int64_t>(5 + nf), [&](std::int64_t t) {
    if (t < 5) tables[t]->build(control_inputs_[static_cast<std::size_t>(t)]);
    else strength_sat_[static_cast<std::size_t>(t - 5)].build(strength_here_[static_cast<std::size_t>(t - 5)]);
  }, 1);

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
