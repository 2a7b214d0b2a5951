// SPDX-License-Identifier: MIT
// Phase "combat", second part: explosions and remote violence, in unit
// order (a few a day: sequential).
//  - IEDs: a unit with ied_rate > 0 (in the shipped scenarios, armed
//    groups') plants one with that daily
//    chance when an enemy unit on the move (patrol, pursuit, withdrawal)
//    stands within two cells; it hits the nearest such unit (ties: the
//    lower index), killing min(strength, Poisson(ied_lethality x (1 -
//    protection of the target))).
//  - Shelling: with daily chance shelling_rate, a unit shells an enemy post
//    (garrison or training posture) one or two cells away, killing
//    min(strength, Poisson(shelling_lethality x (1 - protection))).
//  - Air strikes: a faction with air power makes Poisson(air_strikes_per_day)
//    strikes a day, only from its open bases (its objective cells in its
//    theatre where it has fighters within one cell) and only where it may
//    operate: each on one of the cells,
//    within air_strike_radius_cells of a base, holding the most hostile
//    fighters it knows of (hostile strength x (base_detection +
//    (1 - base_detection) x loyalty of the residents to it); ties: lower
//    cell). It hits the strongest hostile unit there, killing
//    Binomial(strength, air_strike_lethality) of it, and kills
//    Poisson(civilian_harm x that unit's fighters/100 x
//    min(1, people/10,000) x (1 - loyalty)) civilians: the worse its
//    intelligence, the more bystanders it hits.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/random_variates.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

namespace {

bool moving(Posture p) {
  return p == Posture::patrol || p == Posture::pursue || p == Posture::withdraw;
}
bool holding(Posture p) {
  return p == Posture::garrison || p == Posture::train;
}

}  // namespace

void Model::strike_remotely() {
  World& w = world_;
  Units& u = w.units;
  const Geography& geo = w.geo;
  const core::Grid& g = geo.grid;
  const auto tick = static_cast<std::uint32_t>(w.tick);
  const double base = w.params.operations.base_detection;

  // The nearest enemy unit within two cells whose posture fits; -1 if none.
  auto nearest_enemy = [&](std::size_t i, bool want_moving, bool skip_own_cell) {
    const int x = g.x_of(u.cell[i]), y = g.y_of(u.cell[i]);
    std::int64_t found = -1;
    int found_d = 0;
    for (int dy = -2; dy <= 2; ++dy)
      for (int dx = -2; dx <= 2; ++dx) {
        const core::CellIndex c = g.offset_xy(x, y, dx, dy);
        if (c == core::kNoCell || (skip_own_cell && dx == 0 && dy == 0)) continue;
        const int d = std::max(std::abs(dx), std::abs(dy));
        for (std::uint32_t k : unit_buckets_.in_cell(c)) {
          if (!w.hostile[u.faction[i]][u.faction[k]] || u.strength[k] <= 0) continue;
          if (want_moving ? !moving(u.posture[k]) : !holding(u.posture[k])) continue;
          if (found < 0 || d < found_d || (d == found_d && k < found)) {
            found = k;
            found_d = d;
          }
        }
      }
    return found;
  };

  const std::size_t n = u.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto f = static_cast<int>(u.faction[i]);
    const Doctrine& d = w.factions[static_cast<std::size_t>(f)].spec.doctrine;
    if (u.strength[i] <= 0 || (d.ied_rate <= 0 && d.shelling_rate <= 0)) continue;
    core::Draws draws(w.key, tick, Stream::remote_attack, u.id[i]);
    const double roll_ied = draws.uniform(), roll_shell = draws.uniform();
    struct Kind {
      bool fires;
      bool want_moving;
      double lethality;
      SubEvent sub;
    };
    for (const Kind& kind : {Kind{roll_ied < d.ied_rate, true, d.ied_lethality, SubEvent::ied},
                             Kind{roll_shell < d.shelling_rate, false, d.shelling_lethality, SubEvent::shelling}}) {
      if (!kind.fires) continue;
      const std::int64_t t = nearest_enemy(i, kind.want_moving, !kind.want_moving);
      if (t < 0) continue;
      const auto k = static_cast<std::size_t>(t);
      const double protection = w.factions[u.faction[k]].spec.doctrine.protection;
      const std::int64_t dead =
          std::min<std::int64_t>(u.strength[k], core::poisson(draws, kind.lethality * (1.0 - protection)));
      u.strength[k] -= static_cast<std::int32_t>(dead);
      book_losses(u.faction[k], dead);
      w.violence.data()[u.cell[k]] += static_cast<float>(dead);
      w.events_today.push_back({w.tick, EventKind::remote_violence, kind.sub, f, static_cast<int>(u.faction[k]),
                                u.cell[k], dead, 0, kind.sub == SubEvent::ied ? "IED" : "shelling"});
    }
  }

  // Air strikes, faction by faction.
  for (std::size_t f = 0; f < w.factions.size(); ++f) {
    const Faction& fac = w.factions[f];
    const Doctrine& d = fac.spec.doctrine;
    if (d.air_strike_radius_cells <= 0 || d.air_strikes_per_day <= 0) continue;
    std::vector<core::CellIndex> bases;
    for (core::CellIndex c : fac.objective_cells)
      if (in_theatre(w, static_cast<int>(f), c) && strength_sat_[f].square(c, 1) > 0) bases.push_back(c);
    if (bases.empty()) continue;
    core::Draws draws(w.key, tick, Stream::air_strike, f);
    const std::int64_t strikes = core::poisson(draws, d.air_strikes_per_day);
    if (strikes <= 0) continue;
    const double R = d.air_strike_radius_cells;
    const double loyal_share = 1.0 - base;
    std::map<core::CellIndex, double> known;  // cell -> known hostile strength
    for (std::size_t k = 0; k < n; ++k) {
      if (!w.hostile[f][u.faction[k]] || u.strength[k] <= 0) continue;
      const core::CellIndex c = u.cell[k];
      if (!in_theatre(w, static_cast<int>(f), c)) continue;
      bool in_range = false;
      for (core::CellIndex b : bases) {
        const double dx = g.x_of(c) - g.x_of(b), dy = g.y_of(c) - g.y_of(b);
        in_range = in_range || dx * dx + dy * dy <= R * R;
      }
      if (in_range) known[c] += u.strength[k] * (base + loyal_share * loyalty(fac.actor, c));
    }
    std::vector<std::pair<double, core::CellIndex>> targets;
    for (const auto& [c, s] : known) targets.emplace_back(-s, c);
    std::sort(targets.begin(), targets.end());
    for (std::int64_t s = 0; s < strikes && s < static_cast<std::int64_t>(targets.size()); ++s) {
      const core::CellIndex target = targets[static_cast<std::size_t>(s)].second;
      // The strike hits one unit: the strongest hostile one there (ties: lower index).
      std::int64_t hit = -1;
      for (std::uint32_t k : unit_buckets_.in_cell(target))
        if (w.hostile[f][u.faction[k]] && u.strength[k] > 0 &&
            (hit < 0 || u.strength[k] > u.strength[static_cast<std::size_t>(hit)]))
          hit = k;
      if (hit < 0) continue;
      const auto k = static_cast<std::size_t>(hit);
      const std::int64_t fighters = u.strength[k];
      const double protection = w.factions[u.faction[k]].spec.doctrine.protection;
      const std::int64_t killed = core::binomial(draws, u.strength[k], d.air_strike_lethality * (1.0 - protection));
      u.strength[k] -= static_cast<std::int32_t>(killed);
      book_losses(u.faction[k], killed);
      const double exposure =
          std::min(1.0, static_cast<double>(population_here_[static_cast<std::size_t>(target)]) / 10000.0);
      const double blind = 1.0 - loyalty(fac.actor, target);
      const std::int64_t civilians = kill_civilians(
          target, core::poisson(draws, d.civilian_harm * static_cast<double>(fighters) / 100.0 * exposure * blind));
      book_civilian_deaths(static_cast<int>(f), target, civilians, 1.0);
      w.violence.data()[target] += static_cast<float>(killed);
      w.events_today.push_back({w.tick, EventKind::remote_violence, SubEvent::air_strike, static_cast<int>(f),
                                static_cast<int>(u.faction[k]), target, killed + civilians, civilians, "air strike"});
    }
  }
}

}  // namespace sahel::model
