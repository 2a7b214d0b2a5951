// SPDX-License-Identifier: MIT
// Phase "events": the scenario's dated events due today. Deployments create
// units at once; withdrawals set a schedule that logistics carries out
// (evenly to the last day, or all today); the rest change parameters.
#include <algorithm>

#include "model/sahel/model.hpp"

namespace sahel::model {

void Model::apply_events() {
  World& w = world_;
  while (w.next_event < w.schedule.size() && w.schedule[w.next_event].tick <= w.tick) {
    const ScheduledEvent& e = w.schedule[w.next_event++];
    Faction* fac = e.faction >= 0 ? &w.factions[static_cast<std::size_t>(e.faction)] : nullptr;
    ConflictEvent log{w.tick, "Strategic developments", e.faction, e.other, e.cell, 0, e.note};
    switch (e.type) {
      case EventType::deploy: {
        const int size = std::max(1, fac->spec.doctrine.unit_size);
        for (int left = e.troops; left > 0; left -= size) add_unit(e.faction, e.cell, std::min(left, size));
        fac->fighters.deployed += e.troops;
        break;
      }
      case EventType::withdraw: {
        std::int64_t present = 0;
        for (std::size_t i = 0; i < w.units.size(); ++i)
          if (w.units.faction[i] == e.faction && (e.country < 0 || w.geo.country.data()[w.units.cell[i]] == e.country)) {
            present += w.units.strength[i];
            if (log.cell == core::kNoCell) log.cell = w.units.cell[i];
          }
        Faction::Withdrawal plan;
        plan.all = e.troops < 0;
        plan.remaining = plan.all ? present : std::min<std::int64_t>(e.troops, present);
        plan.until = std::max(e.until_tick, w.tick);
        plan.country = e.country;
        fac->withdrawals.push_back(plan);
        if (plan.all && e.country >= 0) fac->left_countries.push_back(e.country);
        break;
      }
      case EventType::doctrine:
        if (e.change) e.change(fac->spec.doctrine);
        break;
      case EventType::hostility:
        w.hostile[e.faction][e.other] = w.hostile[e.other][e.faction] = e.hostile ? 1 : 0;
        break;
      case EventType::sanctions:
        fac->budget_multiplier = 1.0 - e.value;
        fac->sanctions_until = e.until_tick;
        break;
      case EventType::coup: {
        // Legitimacy falls in the couping state's country only.
        float* l = w.legitimacy.data();
        const int home = w.geo.country_index(fac->spec.country);
        for (core::CellIndex c = 0; c < w.geo.grid.cells(); ++c)
          if (home < 0 || w.geo.country.data()[c] == home) l[c] = std::max(0.0f, l[c] - static_cast<float>(e.value));
        for (std::size_t i = 0; i < w.units.size(); ++i)
          if (w.units.faction[i] == e.faction)
            w.units.morale[i] = std::max(0.0f, w.units.morale[i] - static_cast<float>(e.morale_shock));
        break;
      }
    }
    if (log.cell == core::kNoCell && fac && !fac->objective_cells.empty()) log.cell = fac->objective_cells.front();
    w.events_today.push_back(log);
  }
}

}  // namespace sahel::model
