// SPDX-License-Identifier: MIT
// Phase "combat": battles (here), then IEDs, shelling and air strikes
// (remote_violence.cpp), then violence against civilians (violence.cpp).
//
// Battles, cell by cell in parallel (a cell's fight touches only the units
// and households in it). In a cell holding hostile factions A and B:
//  - an armed group's unit that moved there to raid attacks for sure;
//  - a government unit that pursued there finds the enemy with chance
//    engagement_rate * detect, detect = detectability of the enemy * cover
//    of the terrain (* border_sanctuary on a border cell, unless its
//    country's border is closed to armed groups) * (base_detection +
//    (1 - base_detection) * loyalty of the residents to the pursuer);
//  - forces that meet by chance fight with chance engagement_rate *
//    max(aggression_a * detect_b, aggression_b * detect_a) (no informants).
// The engagement's intensity I is drawn, lognormal with mean 1 and
// log-sd intensity_sigma: most clashes are small, a few are large.
// Losses are drawn, not averaged, each side's ~ Binomial(strength,
// min(1, mean/strength)), the means below times 1 - the side's protection,
// with eff = effectiveness * morale (* (1 + training) for a state):
//   regular battle (square law): mean losses of D = kill_rate * I * eff_A * A;
//   raid on a moving force (ambush, linear law):
//     D loses kill_rate * I * ambush_bonus * eff_A * A * 2D/(A+D),
//     A loses kill_rate * I * ambush_surprise * eff_D * D * 2A/(A+D);
//   raid on a post (its defenders hold it, garrison or training):
//     D loses kill_rate * I * eff_A * A / post_defence,
//     A loses kill_rate * I * post_defence * eff_D * D.
// Each side kills Poisson(civilian_harm * fighters/100 * I * min(1,
// people/10,000)) civilians, blamed on it. Every unit engaged loses
// fatigue + morale_loss_per_loss * share of its side lost in morale.
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
  std::int64_t battles = 0;
  std::vector<std::uint8_t> fought;  // per actor: took part in a battle here
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
  unit_buckets_.build(world_.geo.grid.cells(), world_.units.cell);
  fight_battles();
  strike_remotely();
  harm_civilians();
}

void Model::fight_battles() {
  World& w = world_;
  Units& u = w.units;
  const Geography& geo = w.geo;
  const CombatParams& cp = w.params.combat;
  const double base = w.params.operations.base_detection;
  const auto tick = static_cast<std::uint32_t>(w.tick);

  std::vector<core::CellIndex> occupied(u.cell.begin(), u.cell.end());
  std::sort(occupied.begin(), occupied.end());
  occupied.erase(std::unique(occupied.begin(), occupied.end()), occupied.end());
  std::vector<CellOutcome> outcomes(occupied.size());
  const std::size_t nf = w.factions.size();

  core::for_each_index(
      static_cast<std::int64_t>(occupied.size()),
      [&](std::int64_t k) {
        const core::CellIndex cell = occupied[static_cast<std::size_t>(k)];
        CellOutcome& out = outcomes[static_cast<std::size_t>(k)];
        std::vector<std::vector<std::uint32_t>> by_faction(nf);
        for (std::uint32_t i : unit_buckets_.in_cell(cell)) by_faction[u.faction[i]].push_back(i);
        std::size_t present = 0;
        for (const auto& members : by_faction) present += members.empty() ? 0 : 1;
        if (present < 2) return;  // nobody to fight
        out.losses.assign(nf, 0);
        out.civilians_killed.assign(nf, 0);
        out.fought.assign(w.actors(), 0);
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
        auto any_posture = [&](std::size_t f, auto pred) {
          for (std::uint32_t i : by_faction[f])
            if (pred(u.posture[i])) return true;
          return false;
        };
        auto holds_post = [&](std::size_t f) {
          std::int64_t holding = 0, all = 0;
          for (std::uint32_t i : by_faction[f]) {
            all += u.strength[i];
            if (u.posture[i] == Posture::garrison || u.posture[i] == Posture::train) holding += u.strength[i];
          }
          return 2 * holding >= all;
        };
        const double people = static_cast<double>(population_here_[static_cast<std::size_t>(cell)]);
        const double exposure = std::min(1.0, people / 10000.0);
        // A border gives sanctuary, unless its country has closed it to armed groups.
        const int country = geo.country.data()[cell];
        const bool sanctuary =
            geo.border.data()[cell] && !(country >= 0 && closed_to_armed_[static_cast<std::size_t>(country)]);
        const double cover = cp.cover_detection[geo.terrain.data()[cell]] * (sanctuary ? cp.border_sanctuary : 1.0);
        core::Draws draws(w.key, tick, Stream::engagement, static_cast<std::uint64_t>(cell));

        for (std::size_t a = 0; a < nf; ++a) {
          for (std::size_t b = a + 1; b < nf; ++b) {
            if (!w.hostile[a][b]) continue;
            const std::int64_t sa = strength_of(a), sb = strength_of(b);
            if (sa <= 0 || sb <= 0) continue;
            const Doctrine& da = w.factions[a].spec.doctrine;
            const Doctrine& db = w.factions[b].spec.doctrine;
            const auto raiding = [](Posture p) { return p == Posture::raid; };
            const auto pursuing = [](Posture p) { return p == Posture::pursue; };
            const auto informed = [&](std::size_t f) {
              return base + (1.0 - base) * loyalty(w.factions[f].actor, cell);
            };
            std::size_t att = a;
            double chance;
            if (any_posture(a, raiding) || any_posture(b, raiding)) {
              att = any_posture(a, raiding) ? a : b;
              chance = 1.0;
            } else if (any_posture(a, pursuing) || any_posture(b, pursuing)) {
              att = any_posture(a, pursuing) ? a : b;
              const std::size_t def = att == a ? b : a;
              chance = cp.engagement_rate * w.factions[def].spec.doctrine.detectability * cover * informed(att);
            } else {
              const double a_finds_b = da.aggression * db.detectability * cover;
              const double b_finds_a = db.aggression * da.detectability * cover;
              att = a_finds_b >= b_finds_a ? a : b;
              chance = cp.engagement_rate * std::max(a_finds_b, b_finds_a);
            }
            if (draws.uniform() >= chance) continue;
            const std::size_t def = att == a ? b : a;
            const double A = static_cast<double>(att == a ? sa : sb), D = static_cast<double>(att == a ? sb : sa);
            const bool raid = any_posture(att, raiding);
            const bool post = raid && holds_post(def);
            const bool ambush = raid && !post;
            const double sigma = cp.intensity_sigma;
            const double intensity = std::exp(sigma * draws.normal(0.0, 1.0) - 0.5 * sigma * sigma);
            const double k = cp.kill_rate * intensity;
            double mean_att, mean_def;
            if (ambush) {
              mean_def = k * cp.ambush_bonus * effectiveness(att) * A * 2 * D / (A + D);
              mean_att = k * cp.ambush_surprise * effectiveness(def) * D * 2 * A / (A + D);
            } else if (post) {
              mean_def = k * effectiveness(att) * A / cp.post_defence;
              mean_att = k * cp.post_defence * effectiveness(def) * D;
            } else {
              mean_def = k * effectiveness(att) * A;
              mean_att = k * effectiveness(def) * D;
            }
            mean_att *= 1.0 - w.factions[att].spec.doctrine.protection;
            mean_def *= 1.0 - w.factions[def].spec.doctrine.protection;
            const std::int64_t loss_att =
                core::binomial(draws, static_cast<std::int64_t>(A), std::min(1.0, mean_att / A));
            const std::int64_t loss_def =
                core::binomial(draws, static_cast<std::int64_t>(D), std::min(1.0, mean_def / D));
            distribute_losses(u, by_faction[att], loss_att);
            distribute_losses(u, by_faction[def], loss_def);
            for (auto [f, lost, had] : {std::tuple{att, loss_att, A}, std::tuple{def, loss_def, D}}) {
              out.losses[f] += lost;
              const float hit = static_cast<float>(cp.fatigue + cp.morale_loss_per_loss * lost / had);
              for (std::uint32_t i : by_faction[f]) u.morale[i] = std::max(0.0f, u.morale[i] - hit);
            }
            std::int64_t civilians = 0;
            for (auto [f, fighters] : {std::pair{att, A}, std::pair{def, D}}) {
              const double mean = w.factions[f].spec.doctrine.civilian_harm * fighters / 100.0 * intensity * exposure;
              const std::int64_t killed = kill_civilians(cell, core::poisson(draws, mean));
              out.civilians_killed[f] += killed;
              civilians += killed;
            }
            out.battles += 1;
            out.fought[static_cast<std::size_t>(w.factions[att].actor)] = 1;
            out.fought[static_cast<std::size_t>(w.factions[def].actor)] = 1;
            out.events.push_back({w.tick, EventKind::battle, SubEvent::armed_clash, static_cast<int>(att),
                                  static_cast<int>(def), cell, loss_att + loss_def + civilians, civilians,
                                  post     ? "attack on post"
                                  : ambush ? "ambush"
                                           : "clash"});
          }
        }
      },
      4);

  // Book the outcomes in cell order.
  for (std::size_t k = 0; k < occupied.size(); ++k) {
    const CellOutcome& out = outcomes[k];
    if (out.losses.empty()) continue;
    const core::CellIndex cell = occupied[k];
    for (std::size_t f = 0; f < nf; ++f) {
      book_losses(static_cast<int>(f), out.losses[f]);
      book_civilian_deaths(static_cast<int>(f), cell, out.civilians_killed[f], 1.0);
      w.violence.data()[cell] += static_cast<float>(out.losses[f]);
    }
    w.battle_memory.data()[cell] += static_cast<float>(out.battles);
    for (std::size_t a = 0; a < out.fought.size(); ++a)
      if (out.fought[a]) w.heat[a].data()[cell] += 1.0f;
    for (const ConflictEvent& e : out.events) w.events_today.push_back(e);
  }
}

}  // namespace sahel::model
