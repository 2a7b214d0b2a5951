// SPDX-License-Identifier: MIT
// Phase "combat", last part: violence against civilians as a decision
// (Kalyvas 2006, The Logic of Violence in Civil War, ch. 6-7). Each unit
// of a faction with one_sided_violence > 0 decides in parallel (writing
// its own intent); the killings are then carried out in unit order.
//  - Only where the war is: contest = min(1, hostile fighters within
//    contest_radius_cells / 100 + battles its side fought there lately);
//    in a quiet rear it is 0 and nobody is killed.
//  - More likely where the residents are suspected of helping the enemy
//    (suspicion: the support plus compliance of the strongest hostile actor
//    in the cell) and after the faction's losses (recent_losses per 100 of
//    its fighters):
//      p = one_sided_violence * contest * (0.25 + suspicion)
//          * (1 + reprisal_sensitivity * losses per 100 fighters).
//  - Selective with probability equal to the residents' net loyalty to the
//    perpetrator (its informants): 1 + Poisson(selective_victims) victims,
//    the enemy's supporters first (for the government side, the active
//    supporters of the insurgency; for an armed group, the others, whom it
//    suspects of collaborating). Otherwise indiscriminate:
//    a Pareto size with exponent massacre_tail and median
//    massacre_lethality (rounded up; at most twice the unit's fighters and
//    the people there): a small median and a heavy tail of rare massacres.
//  - Blame and fear: the perpetrator's side loses support in full for
//    indiscriminate killings and selective_blame of it for selective ones;
//    both buy it compliance (allegiance, control.cpp).
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "core/random_variates.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

void Model::harm_civilians() {
  World& w = world_;
  Units& u = w.units;
  const Geography& geo = w.geo;
  const auto tick = static_cast<std::uint32_t>(w.tick);
  const std::size_t na = w.actors();
  const int contest_r = w.params.operations.contest_radius_cells;

  std::vector<double> per_hundred(w.factions.size(), 0.0);  // recent losses per 100 fighters
  {
    std::vector<std::int64_t> strength(w.factions.size(), 0);
    for (std::size_t i = 0; i < u.size(); ++i) strength[u.faction[i]] += u.strength[i];
    for (std::size_t f = 0; f < w.factions.size(); ++f)
      per_hundred[f] =
          w.factions[f].recent_losses * 100.0 / static_cast<double>(std::max<std::int64_t>(100, strength[f]));
  }

  struct Intent {
    std::int64_t victims = 0;
    bool selective = false;
  };
  std::vector<Intent> intents(u.size());
  core::for_each_index(
      static_cast<std::int64_t>(u.size()),
      [&](std::int64_t i) {
        const auto f = static_cast<std::size_t>(u.faction[i]);
        const Faction& fac = w.factions[f];
        const Doctrine& d = fac.spec.doctrine;
        const core::CellIndex c = u.cell[i];
        if (d.one_sided_violence <= 0 || u.strength[i] <= 0 || !geo.is_core(c) ||
            population_here_[static_cast<std::size_t>(c)] <= 0)
          return;
        const auto a = static_cast<std::size_t>(fac.actor);
        const double contest = std::min(1.0, static_cast<double>(view(f).hostile_sat.square(c, contest_r)) / 100.0 +
                                                 static_cast<double>(w.heat[a].data()[c]));
        if (contest <= 0) return;
        double suspicion = 0;
        for (std::size_t b = 0; b < na; ++b)
          if (actors_hostile(static_cast<int>(a), static_cast<int>(b)))
            suspicion = std::max(suspicion, static_cast<double>(w.support[b].data()[c] + w.compliance[b].data()[c]));
        const double p = d.one_sided_violence * contest * (0.25 + std::min(1.0, suspicion)) *
                         (1.0 + d.reprisal_sensitivity * per_hundred[f]);
        core::Draws draws(w.key, tick, Stream::massacre, u.id[i]);
        if (draws.uniform() >= p) return;
        Intent& intent = intents[static_cast<std::size_t>(i)];
        intent.selective = draws.uniform() < loyalty(fac.actor, c);
        if (intent.selective) {
          intent.victims = 1 + core::poisson(draws, d.selective_victims);
        } else {
          const double alpha = std::max(0.1, d.massacre_tail);
          const double scale =
              d.massacre_lethality / std::pow(2.0, 1.0 / alpha);  // the Pareto median is scale * 2^(1/alpha)
          const double size = scale * std::pow(1.0 - draws.uniform(), -1.0 / alpha);
          // No more victims than twice the unit's fighters in one day.
          intent.victims = static_cast<std::int64_t>(std::ceil(std::min(size, 2.0 * u.strength[i])));
        }
      },
      64);

  const double selective_blame = w.params.legitimacy.selective_blame;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const Intent& intent = intents[i];
    if (intent.victims <= 0) continue;
    const core::CellIndex c = u.cell[i];
    const bool gov = government_side(w.factions[u.faction[i]].spec.kind);
    const Victims victims = !intent.selective ? Victims::anyone
                            : gov             ? Victims::insurgency_supporters
                                              : Victims::others;
    const std::int64_t killed = kill_civilians(c, intent.victims, victims);
    if (killed == 0) continue;
    book_civilian_deaths(u.faction[i], c, killed, intent.selective ? selective_blame : 1.0);
    w.events_today.push_back({w.tick, EventKind::violence_against_civilians, SubEvent::attack, u.faction[i], -1, c,
                              killed, killed, intent.selective ? "selective" : "indiscriminate"});
  }
}

}  // namespace sahel::model
