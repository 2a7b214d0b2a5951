// SPDX-License-Identifier: MIT
// Phase "control", second part: allegiance per side, blame on the
// perpetrator (Condra & Shapiro 2012), fear that buys compliance for a
// while (Lyall 2009), a foreign force's unpopularity as a national channel,
// and reputation abroad.
//
// Per core cell and actor a (0: the state side, which answers for its
// partners and mercenaries; then each armed group), with D_a the civilians
// a killed today within radius_cells per 1,000 residents there (selective
// killings weighted by selective_blame) and F_a the same unweighted:
//   support_a += -harm_sensitivity * D_a + recovery_rate * (baseline_a - support_a)
//                + (state) protection_gain where government forces are near
//                  and nobody was killed nearby lately
//                + (group) governance_gain * (1 - support_a) where it holds the cell;
//   compliance_a = compliance_a * (1 - fear_decay) + fear_gain * F_a;
// baseline_0 = the cell's starting level (legitimacy.initial, or a
// scenario's support region) - foreign_resentment_weight * resentment of
// the cell's country; a group's baseline is 0 (support fades where it does not
// govern). An insurgent massacre costs the insurgents, not the state.
// A country's resentment of foreign troops moves at foreign_resentment_rate
// toward 1 - exp(-sum over its unpopular foreign forces of
// -popularity x fighters there / 1,000) (the anti-French sentiment of 2021).
// Each state's reputation recovers by reputation_recovery x (1 - reputation)
// a day; killings outsiders see lower it (book_civilian_deaths).
// Then the memories fade: harm and battles (flight.memory_decay), where
// each side fought (operations.heat_decay), recent violence
// (combat.violence_decay); below 0.01 they are forgotten.
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "model/sahel/model.hpp"

namespace sahel::model {

void Model::update_allegiance() {
  World& w = world_;
  const Geography& geo = w.geo;
  const core::Grid& g = geo.grid;
  const auto cells = g.cells();
  const LegitimacyParams& lp = w.params.legitimacy;
  const std::size_t na = w.actors();

  // A country's resentment of the foreign troops it hosts.
  std::vector<double> unpopular(geo.countries.size(), 0.0);
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    const Faction& fac = w.factions[w.units.faction[i]];
    const int k = geo.country.data()[w.units.cell[i]];
    if (fac.spec.kind == FactionKind::foreign && k >= 0 && fac.spec.doctrine.popularity < 0)
      unpopular[static_cast<std::size_t>(k)] += -fac.spec.doctrine.popularity * w.units.strength[i] / 1000.0;
  }
  for (std::size_t k = 0; k < geo.countries.size(); ++k) {
    double& r = w.foreign_resentment[k];
    r += lp.foreign_resentment_rate * ((1.0 - std::exp(-unpopular[k])) - r);
  }

  // Window sums of today's harm, for the actors that harmed anyone.
  std::vector<std::size_t> harmed;
  for (std::size_t a = 0; a < na; ++a)
    if (harmed_today_[a]) harmed.push_back(a);
  core::for_each_index(
      static_cast<std::int64_t>(2 * harmed.size()),
      [&](std::int64_t t) {
        const std::size_t a = harmed[static_cast<std::size_t>(t / 2)];
        if (t % 2 == 0)
          blame_sat_[a].build(blame_today_[a]);
        else
          fear_sat_[a].build(fear_today_[a]);
      },
      1);

  const int r = lp.radius_cells;
  core::for_each_index(
      cells,
      [&](std::int64_t c64) {
        const auto c = static_cast<core::CellIndex>(c64);
        if (!geo.is_core(c)) return;
        const double thousands = static_cast<double>(population_sat_.square(c, r)) / 1000.0 + 1.0;
        const int country = geo.country.data()[c];
        const int holder = w.controller.data()[c];
        const int holding_actor =
            holder >= 0 && w.zone.data()[c] >= 4 ? w.factions[static_cast<std::size_t>(holder)].actor : -1;
        for (std::size_t a = 0; a < na; ++a) {
          const bool harmed_today = harmed_today_[a] != 0;
          const double blamed =
              harmed_today ? static_cast<double>(blame_sat_[a].square(c, r)) / 1000.0 / thousands : 0.0;
          const double feared =
              harmed_today ? static_cast<double>(fear_sat_[a].square(c, r)) / 1000.0 / thousands : 0.0;
          float& s = w.support[a].data()[c];
          float& comp = w.compliance[a].data()[c];
          double ds = -lp.harm_sensitivity * blamed;
          if (a == kStateSide) {
            const double baseline =
                lp.initial + w.legitimacy_offset.data()[c] -
                lp.foreign_resentment_weight * w.foreign_resentment[static_cast<std::size_t>(country)];
            ds += lp.recovery_rate * (baseline - s);
            if (gov_sat_.square(c, r) > 0 && harm_memory_sat_.square(c, r) < 500) ds += lp.protection_gain;
          } else {
            ds -= lp.recovery_rate * s;
            if (holding_actor == static_cast<int>(a)) ds += lp.governance_gain * (1.0 - s);
          }
          s = static_cast<float>(std::clamp(s + ds, 0.0, 1.0));
          comp = static_cast<float>(std::clamp(comp * (1.0 - lp.fear_decay) + lp.fear_gain * feared, 0.0, 1.0));
        }
      },
      512);

  for (Faction& fac : w.factions)
    if (fac.spec.kind == FactionKind::state) fac.reputation += lp.reputation_recovery * (1.0 - fac.reputation);

  const float memory = static_cast<float>(w.params.flight.memory_decay);
  const float heat = static_cast<float>(w.params.operations.heat_decay);
  const float violence = static_cast<float>(w.params.combat.violence_decay);
  // A memory below 0.01 (a hundredth of a death or a battle) is forgotten,
  // so calm places are exactly calm.
  auto fade = [](float& v, float factor) { v = v * factor < 0.01f ? 0.0f : v * factor; };
  core::for_each_index(
      cells,
      [&](std::int64_t c) {
        fade(w.harm_memory.data()[c], memory);
        fade(w.battle_memory.data()[c], memory);
        fade(w.violence.data()[c], violence);
        for (std::size_t a = 0; a < na; ++a) fade(w.heat[a].data()[c], heat);
      },
      2048);
  for (const std::size_t a : harmed) {
    blame_today_[a].setZero();
    fear_today_[a].setZero();
    harmed_today_[a] = 0;
  }
}

}  // namespace sahel::model
