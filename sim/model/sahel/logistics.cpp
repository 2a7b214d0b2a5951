// SPDX-License-Identifier: MIT
// Phase "logistics", faction by faction (a handful: sequential):
//   income = funding_per_month / 30.44 * budget_multiplier (sanctions)
//            * (1 - aid_share * (1 - aid)), aid = clamp((reputation -
//            aid_floor) / (1 - aid_floor), 0, 1): partners' share of a
//            state's budget follows its reputation and stops below aid_floor
//            + insurgents: tax_per_person_day * people in held cells
//                          + mine_income_per_day * mine value of held cells;
//   upkeep = upkeep_per_fighter_day * fighters, charged to `paid_by` for
//            mercenaries;
//   a mercenary contract in force moves fee_per_month / 30.44 a day from
//   the payer to the mercenaries, who then pay their own upkeep, and adds
//   concession_rate * value of each conceded mine not held by insurgents;
//   the state enlists recruitment_per_month / 30.44 fighters a day while its
//   funds are positive (a new unit at its capital each unit_size);
//   partner training raises a state's training level by 0.001 x
//   training_effect per 1,000 trainers in its country each day (capped at
//   0.5, fading 0.1 % a day);
//   scheduled withdrawals remove fighters evenly until their last day
//   (ceil(remaining / days left) a day; "all" empties the country on the
//   last day); several may run at once;
//   units grown past twice the unit size split (an armed group's new unit
//   heads for a new area);
//   morale recovers toward 1, and falls while funds are negative;
//   the memory of recent losses fades (combat.violence_decay).
#include <algorithm>
#include <cmath>
#include <limits>

#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

void Model::run_logistics() {
  World& w = world_;
  const Geography& geo = w.geo;
  const std::size_t nf = w.factions.size();
  std::vector<std::int64_t> strength(nf, 0), held_people(nf, 0);
  std::vector<double> held_resource(nf, 0);
  for (std::size_t i = 0; i < w.units.size(); ++i) strength[w.units.faction[i]] += w.units.strength[i];
  for (core::CellIndex c = 0; c < geo.grid.cells(); ++c) {
    const int k = w.controller.data()[c];
    if (k < 0 || !geo.is_core(c)) continue;
    held_people[static_cast<std::size_t>(k)] += population_here_[static_cast<std::size_t>(c)];
    held_resource[static_cast<std::size_t>(k)] += geo.resource.data()[c];
  }

  // Trainers (thousands, weighted by their training effect) per country of
  // the map: partners train the army of the country they are in.
  std::vector<double> trainers(geo.countries.size(), 0.0);
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    const int k = geo.country.data()[w.units.cell[i]];
    const double effect = w.factions[w.units.faction[i]].spec.doctrine.training_effect;
    if (k >= 0 && effect > 0) trainers[static_cast<std::size_t>(k)] += effect * w.units.strength[i] / 1000.0;
  }

  for (std::size_t f = 0; f < nf; ++f) {
    Faction& fac = w.factions[f];
    const Doctrine& d = fac.spec.doctrine;
    if (fac.sanctions_until >= 0 && w.tick > fac.sanctions_until) {
      fac.budget_multiplier = 1.0;
      fac.sanctions_until = -1;
    }
    double aid = 1.0;
    if (fac.spec.kind == FactionKind::state && d.aid_share > 0) {
      const double floor = w.params.legitimacy.aid_floor;
      aid = std::clamp((fac.reputation - floor) / std::max(1e-9, 1.0 - floor), 0.0, 1.0);
    }
    double income = d.funding_per_month / 30.44 * fac.budget_multiplier * (1.0 - d.aid_share * (1.0 - aid));
    if (insurgent_side(fac.spec.kind))
      income += d.tax_per_person_day * static_cast<double>(held_people[f]) + d.mine_income_per_day * held_resource[f];
    fac.funds += income;
    const double upkeep = d.upkeep_per_fighter_day * static_cast<double>(strength[f]);
    Faction* payer = fac.paid_by >= 0 ? &w.factions[static_cast<std::size_t>(fac.paid_by)] : &fac;
    if (fac.contract.payer >= 0) {
      // A contract in force: the payer hands over the fee and the
      // mercenaries pay their fighters out of it; the conceded mines earn
      // them income unless insurgents hold the mine's cell.
      const double fee = fac.contract.fee_per_month / 30.44;
      w.factions[static_cast<std::size_t>(fac.contract.payer)].funds -= fee;
      fac.funds += fee;
      for (int m : fac.contract.concession) {
        const Mine& mine = geo.mines[static_cast<std::size_t>(m)];
        const core::CellIndex c = geo.cell_at(mine.at);
        const int k = c == core::kNoCell ? -1 : w.controller.data()[c];
        if (k < 0 || !insurgent_side(w.factions[static_cast<std::size_t>(k)].spec.kind))
          fac.funds += fac.contract.concession_rate * mine.value;
      }
      payer = &fac;
    }
    payer->funds -= upkeep;
    fac.upkeep_total += upkeep;

    if (fac.spec.kind == FactionKind::state) {
      const int home = geo.country_index(fac.spec.country);
      const double here = home >= 0 ? trainers[static_cast<std::size_t>(home)] : 0.0;
      fac.training_level = std::min(0.5, fac.training_level * 0.999 + here * 0.001);
      if (fac.funds > 0 && d.recruitment_per_month > 0) {
        fac.enlist_pool += d.recruitment_per_month / 30.44;
        const int size = std::max(1, d.unit_size);
        while (fac.enlist_pool >= size) {
          fac.enlist_pool -= size;
          const core::CellIndex at = fac.capital != core::kNoCell  ? fac.capital
                                     : fac.objective_cells.empty() ? core::kNoCell
                                                                   : fac.objective_cells.front();
          if (at == core::kNoCell) break;
          add_unit(static_cast<int>(f), at, size);
          fac.fighters.recruited += size;
          fac.recruited_today += size;
        }
      }
    }

    for (Faction::Withdrawal& plan : fac.withdrawals) {
      if (plan.remaining <= 0) continue;
      const std::int64_t days_left = std::max(1, plan.until - w.tick + 1);
      const std::int64_t today = (plan.remaining + days_left - 1) / days_left;
      const std::int64_t removed = remove_fighters(static_cast<int>(f), today, plan.country);
      plan.remaining -= removed;
      if (removed < today) plan.remaining = 0;  // nobody left there to withdraw
      // "All" means all: on the last day, whoever is still in the country leaves.
      if (plan.all && w.tick >= plan.until) {
        remove_fighters(static_cast<int>(f), std::numeric_limits<std::int64_t>::max(), plan.country);
        plan.remaining = 0;
      }
    }
    std::erase_if(fac.withdrawals, [](const Faction::Withdrawal& p) { return p.remaining <= 0; });
  }

  // A unit grown past twice its faction's unit size (recruits, enlistment)
  // splits in two, so units stay company-sized. An armed group's new unit
  // is sent to open a new area: an objective cell of its faction, in its
  // theatre, within three times its sense radius of the parent's objective
  // (drawn by the new unit's id), so groups spread as they grow.
  const core::Grid& g = geo.grid;
  for (std::size_t i = 0, n = w.units.size(); i < n; ++i) {
    const Faction& fac = w.factions[w.units.faction[i]];
    const int size = std::max(1, fac.spec.doctrine.unit_size);
    while (w.units.strength[i] > 2 * size) {
      w.units.strength[i] -= size;
      const std::uint32_t id = add_unit(w.units.faction[i], w.units.cell[i], size);
      if (!insurgent_side(fac.spec.kind)) continue;
      const int reach = 3 * std::max(1, static_cast<int>(fac.spec.doctrine.sense_radius_cells));
      const core::CellIndex from = w.units.objective[i];
      std::vector<core::CellIndex> areas;
      for (const core::CellIndex c : fac.objective_cells)
        if (c != from && std::max(std::abs(g.x_of(c) - g.x_of(from)), std::abs(g.y_of(c) - g.y_of(from))) <= reach &&
            in_theatre(w, w.units.faction[i], c))
          areas.push_back(c);
      if (areas.empty()) continue;
      core::Draws draw(w.key, 0, Stream::unit_placement, id);
      draw.uniform();  // the first draw decided whether it is mobile
      w.units.objective.back() = areas[draw.below(static_cast<std::uint32_t>(areas.size()))];
    }
  }

  const CombatParams& cp = w.params.combat;
  for (Faction& fac : w.factions) fac.recent_losses *= cp.violence_decay;
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    float& m = w.units.morale[i];
    m += static_cast<float>(cp.morale_recovery * (1.0 - m));
    if (w.factions[w.units.faction[i]].funds < 0) m = std::max(0.0f, m - 0.01f);
  }
}

}  // namespace sahel::model
