// SPDX-License-Identifier: MIT
// Phase "combat", cell by cell in parallel (a cell's fight touches only the
// units and households in it). In a cell holding hostile factions, each
// hostile pair fights with probability
//   engagement_rate * max(aggression_a * detect(b), aggression_b * detect(a)),
// detect = detectability * cover of the terrain (* border_sanctuary on a
// border cell, unless its country's border is closed to armed groups). Losses are drawn, not averaged:
//   square law (regular battle): mean losses of A = kill_rate * eff_B * B;
//   ambush (an insurgent raid on a weaker force): linear law, with
//     mean losses of D = kill_rate * ambush_bonus * eff_A * A * 2D/(A+D) and
//     of A = kill_rate * ambush_surprise * eff_D * D * 2A/(A+D)
//   (equal to the square law for equal forces and no bonus);
// each side's loss ~ Binomial(strength, min(1, mean/strength)).
// eff = effectiveness * morale (* (1 + training) for the state). Each side
// kills Poisson(civilian_harm * fighters/100 * min(1, people/10,000))
// civilians. A unit whose faction commits one-sided violence does so with a
// daily chance one_sided_violence * (0.5 + share of active supporters in
// the cell), killing Poisson(massacre_lethality) people.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/parallel.hpp"
#include "core/random_variates.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

namespace {

struct CellOutcome {
  std::vector<ConflictEvent> events;
  std::vector<std::int64_t> losses, civilians_killed;  // per faction
};

// Takes `loss` fighters from the listed units in proportion to strength
// (integer shares first, the remainder one by one in unit order).
void distribute_losses(Units& u, const std::vector<std::uint32_t>& members, std::int64_t loss) {
  std::int64_t total = 0;
  for (std::uint32_t i : members) total += u.strength[i];
  if (total <= 0 || loss <= 0) return;
  loss = std::min(loss, total);
  std::int64_t left = loss;
  for (std::uint32_t i : members) {
    const std::int64_t share = loss * u.strength[i] / total;
    u.strength[i] -= static_cast<std::int32_t>(share);
    left -= share;
  }
  for (std::uint32_t i : members) {
    if (left <= 0) break;
    if (u.strength[i] > 0) {
      --u.strength[i];
      --left;
    }
  }
}

}  // namespace

void Model::fight() {
  World& w = world_;
  Units& u = w.units;
  const Geography& geo = w.geo;
  const CombatParams& cp = w.params.combat;
  const auto tick = static_cast<std::uint32_t>(w.tick);
  unit_buckets_.build(geo.grid.cells(), u.cell);

  std::vector<core::CellIndex> occupied(u.cell.begin(), u.cell.end());
  std::sort(occupied.begin(), occupied.end());
  occupied.erase(std::unique(occupied.begin(), occupied.end()), occupied.end());
  std::vector<CellOutcome> outcomes(occupied.size());
  const std::size_t nf = w.factions.size();

  core::for_each_index(static_cast<std::int64_t>(occupied.size()), [&](std::int64_t k) {
    const core::CellIndex cell = occupied[static_cast<std::size_t>(k)];
    CellOutcome& out = outcomes[static_cast<std::size_t>(k)];
    out.losses.assign(nf, 0);
    out.civilians_killed.assign(nf, 0);
    std::vector<std::vector<std::uint32_t>> by_faction(nf);
    for (std::uint32_t i : unit_buckets_.in_cell(cell)) by_faction[u.faction[i]].push_back(i);
    auto strength_of = [&](std::size_t f) {
      std::int64_t s = 0;
      for (std::uint32_t i : by_faction[f]) s += u.strength[i];
      return s;
    };
    auto morale_of = [&](std::size_t f) {
      double m = 0, n = 0;
      for (std::uint32_t i : by_faction[f]) {
        m += u.morale[i] * u.strength[i];
        n += u.strength[i];
      }
      return n > 0 ? m / n : 0.0;
    };
    auto effectiveness = [&](std::size_t f) {
      const Faction& fac = w.factions[f];
      return fac.spec.doctrine.effectiveness * morale_of(f) * (1.0 + fac.training_level);
    };
    const double people = static_cast<double>(population_here_[static_cast<std::size_t>(cell)]);
    const double exposure = std::min(1.0, people / 10000.0);
    // A border gives sanctuary, unless its country has closed it to armed groups.
    const int country = geo.country.data()[cell];
    const bool sanctuary = geo.border.data()[cell] && !(country >= 0 && closed_to_armed_[static_cast<std::size_t>(country)]);
    const double cover = cp.cover_detection[geo.terrain.data()[cell]] * (sanctuary ? cp.border_sanctuary : 1.0);
    core::Draws draws(w.key, tick, Stream::engagement, static_cast<std::uint64_t>(cell));

    for (std::size_t a = 0; a < nf; ++a) {
      for (std::size_t b = a + 1; b < nf; ++b) {
        if (!w.hostile[a][b]) continue;
        const std::int64_t sa = strength_of(a), sb = strength_of(b);
        if (sa <= 0 || sb <= 0) continue;
        const Doctrine& da = w.factions[a].spec.doctrine;
        const Doctrine& db = w.factions[b].spec.doctrine;
        const double a_finds_b = da.aggression * db.detectability * cover;
        const double b_finds_a = db.aggression * da.detectability * cover;
        if (draws.uniform() >= cp.engagement_rate * std::max(a_finds_b, b_finds_a)) continue;
        // The attacker is the side more able to find the other.
        const std::size_t att = a_finds_b >= b_finds_a ? a : b, def = att == a ? b : a;
        const double A = static_cast<double>(att == a ? sa : sb), D = static_cast<double>(att == a ? sb : sa);
        bool ambush = false;
        if (insurgent_side(w.factions[att].spec.kind))
          for (std::uint32_t i : by_faction[att]) ambush = ambush || u.posture[i] == Posture::raid;
        double mean_att, mean_def;
        if (ambush) {
          mean_def = cp.kill_rate * cp.ambush_bonus * effectiveness(att) * A * 2 * D / (A + D);
          mean_att = cp.kill_rate * cp.ambush_surprise * effectiveness(def) * D * 2 * A / (A + D);
        } else {
          mean_def = cp.kill_rate * effectiveness(att) * A;
          mean_att = cp.kill_rate * effectiveness(def) * D;
        }
        const std::int64_t loss_att = core::binomial(draws, static_cast<std::int64_t>(A), std::min(1.0, mean_att / A));
        const std::int64_t loss_def = core::binomial(draws, static_cast<std::int64_t>(D), std::min(1.0, mean_def / D));
        distribute_losses(u, by_faction[att], loss_att);
        distribute_losses(u, by_faction[def], loss_def);
        for (auto [f, lost, had] : {std::tuple{att, loss_att, A}, std::tuple{def, loss_def, D}}) {
          out.losses[f] += lost;
          const float hit = static_cast<float>(cp.morale_loss_per_loss * lost / had);
          for (std::uint32_t i : by_faction[f]) u.morale[i] = std::max(0.0f, u.morale[i] - hit);
        }
        std::int64_t civilians = 0;
        for (auto [f, fighters] : {std::pair{att, A}, std::pair{def, D}}) {
          const double mean = w.factions[f].spec.doctrine.civilian_harm * fighters / 100.0 * exposure;
          const std::int64_t killed = kill_civilians(cell, core::poisson(draws, mean));
          out.civilians_killed[f] += killed;
          civilians += killed;
        }
        out.events.push_back({w.tick, "Battles", static_cast<int>(att), static_cast<int>(def), cell,
                              loss_att + loss_def + civilians, ambush ? "ambush" : "battle"});
      }
    }

    // One-sided violence against civilians.
    if (people > 0) {
      std::int64_t act = 0, all = 0;
      for (std::uint32_t i : civilian_buckets_.in_cell(cell)) {
        all += w.civilians.people[i];
        act += w.civilians.status[i] == CivilianStatus::active ? w.civilians.people[i] : 0;
      }
      const double active_share = all > 0 ? static_cast<double>(act) / static_cast<double>(all) : 0.0;
      for (std::uint32_t i : unit_buckets_.in_cell(cell)) {
        const Doctrine& d = w.factions[u.faction[i]].spec.doctrine;
        if (d.one_sided_violence <= 0 || u.strength[i] <= 0) continue;
        core::Draws m(w.key, tick, Stream::massacre, u.id[i]);
        if (m.uniform() >= d.one_sided_violence * (0.5 + active_share)) continue;
        const std::int64_t killed = kill_civilians(cell, std::max<std::int64_t>(1, core::poisson(m, d.massacre_lethality)));
        if (killed == 0) continue;
        out.civilians_killed[u.faction[i]] += killed;
        out.events.push_back({w.tick, "Violence against civilians", u.faction[i], -1, cell, killed, "one-sided violence"});
      }
    }
  }, 4);

  // Book the outcomes in cell order.
  for (std::size_t k = 0; k < occupied.size(); ++k) {
    const CellOutcome& out = outcomes[k];
    std::int64_t deaths = 0;
    for (std::size_t f = 0; f < nf; ++f) {
      w.factions[f].fighters.killed += out.losses[f];
      w.factions[f].losses_today += out.losses[f];
      tally_civilian_deaths(static_cast<int>(f), occupied[k], out.civilians_killed[f]);
      deaths += out.losses[f] + out.civilians_killed[f];
    }
    w.violence.data()[occupied[k]] += static_cast<float>(deaths);
    for (const ConflictEvent& e : out.events) w.events_today.push_back(e);
  }
}

}  // namespace sahel::model
