// SPDX-License-Identifier: MIT
// Phase "events": the scenario's dated events due today. Deployments create
// units at once; withdrawals set a schedule that logistics carries out
// (evenly to the last day, or all today); contracts set who pays whom and
// which mines the mercenaries earn from (logistics again); bases change a
// faction's objective cells; border closures are kept in the world until
// their last day and read by the civilians, decisions and combat phases;
// the rest change parameters or layers at once. Every event, and every
// border that reopens, writes one "Strategic developments" row.
#include <algorithm>
#include <cstdlib>
#include <type_traits>

#include "model/sahel/model.hpp"

namespace sahel::model {

namespace {

// A cell standing for a whole country in the event log: its first place in
// map order (the capital comes first in the shipped map), else its first
// cell in cell order.
core::CellIndex country_cell(const Geography& geo, int country) {
  if (country < 0) return core::kNoCell;
  const std::string& code = geo.countries[static_cast<std::size_t>(country)].code;
  for (const Place& p : geo.places)
    if (p.country == code && geo.cell_at(p.at) != core::kNoCell) return geo.cell_at(p.at);
  for (core::CellIndex c = 0; c < geo.grid.cells(); ++c)
    if (geo.country.data()[c] == country) return c;
  return core::kNoCell;
}

}  // namespace

void Model::deploy_troops(int faction, core::CellIndex cell, int troops) {
  widen_theatre(world_, faction, world_.geo.country.data()[cell]);
  Faction& fac = world_.factions[static_cast<std::size_t>(faction)];
  const int size = std::max(1, fac.spec.doctrine.unit_size);
  for (int left = troops; left > 0; left -= size) add_unit(faction, cell, std::min(left, size));
  fac.fighters.deployed += troops;
}

void Model::schedule_withdrawal(int faction, int troops, int until, int country, ConflictEvent& log) {
  World& w = world_;
  std::int64_t present = 0;
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.faction[i] == faction && (country < 0 || w.geo.country.data()[w.units.cell[i]] == country)) {
      present += w.units.strength[i];
      if (log.cell == core::kNoCell) log.cell = w.units.cell[i];
    }
  Faction& fac = w.factions[static_cast<std::size_t>(faction)];
  Faction::Withdrawal plan;
  plan.all = troops < 0;
  plan.remaining = plan.all ? present : std::min<std::int64_t>(troops, present);
  plan.until = std::max(until, w.tick);
  plan.country = country;
  fac.withdrawals.push_back(plan);
  if (plan.all && country >= 0) fac.left_countries.push_back(country);
}

void Model::close_base(Faction& fac, int faction, core::CellIndex base) {
  World& w = world_;
  auto& cells = fac.objective_cells;
  std::erase(cells, base);
  // The base's units (those whose objective it was) pull out to the nearest
  // objective cell left (Chebyshev distance from the base; ties: the lower
  // cell index), or leave the theatre at once if the faction has none.
  const core::Grid& g = w.geo.grid;
  core::CellIndex nearest = core::kNoCell;
  int best = 0;
  for (core::CellIndex c : cells) {
    const int d = std::max(std::abs(g.x_of(c) - g.x_of(base)), std::abs(g.y_of(c) - g.y_of(base)));
    if (nearest == core::kNoCell || d < best) {
      nearest = c;
      best = d;
    }
  }
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    if (w.units.faction[i] != faction || w.units.objective[i] != base) continue;
    if (nearest != core::kNoCell) {
      w.units.objective[i] = nearest;
    } else {
      fac.fighters.withdrawn += w.units.strength[i];
      w.units.strength[i] = 0;  // compacted away in records
    }
  }
}

bool Model::may_cross(core::CellIndex from, core::CellIndex to) const {
  const int a = world_.geo.country.data()[from], b = world_.geo.country.data()[to];
  if (a == b) return true;
  return !(a >= 0 && closed_to_civilians_[static_cast<std::size_t>(a)]) &&
         !(b >= 0 && closed_to_civilians_[static_cast<std::size_t>(b)]);
}

void Model::apply_events() {
  World& w = world_;
  if (spinning_up_) return;  // the spin-up runs the starting forces only
  // Borders whose last day has passed reopen before today's events, so a
  // closure dated today can follow one that ended yesterday.
  for (const World::BorderClosure& b : w.closed_borders)
    if (b.until >= 0 && w.tick > b.until)
      w.events_today.push_back({w.tick, EventKind::strategic, SubEvent::none, -1, -1, country_cell(w.geo, b.country), 0,
                                0, "border reopened: " + w.geo.countries[static_cast<std::size_t>(b.country)].code});
  std::erase_if(w.closed_borders, [&](const World::BorderClosure& b) { return b.until >= 0 && w.tick > b.until; });

  while (w.next_event < w.schedule.size() && w.schedule[w.next_event].tick <= w.tick) {
    const ScheduledEvent& e = w.schedule[w.next_event++];
    ConflictEvent log{w.tick, EventKind::strategic, SubEvent::none, -1, -1, core::kNoCell, 0, 0, e.note};
    auto faction = [&](int f) -> Faction& {
      log.actor1 = f;
      return w.factions[static_cast<std::size_t>(f)];
    };
    std::visit(
        [&](const auto& a) {
          using A = std::decay_t<decltype(a)>;
          if constexpr (std::is_same_v<A, event::Deploy>) {
            faction(a.faction);
            log.cell = a.cell;
            deploy_troops(a.faction, a.cell, a.troops);
          } else if constexpr (std::is_same_v<A, event::Withdraw>) {
            faction(a.faction);
            schedule_withdrawal(a.faction, a.troops, a.until_tick, a.country, log);
          } else if constexpr (std::is_same_v<A, event::DoctrineChange>) {
            Faction& fac = faction(a.faction);
            if (a.change) a.change(fac.spec.doctrine);
          } else if constexpr (std::is_same_v<A, event::Hostility>) {
            faction(a.faction);
            log.actor2 = a.other;
            w.hostile[a.faction][a.other] = w.hostile[a.other][a.faction] = a.hostile ? 1 : 0;
          } else if constexpr (std::is_same_v<A, event::Sanctions>) {
            Faction& fac = faction(a.faction);
            fac.budget_multiplier = 1.0 - a.budget_cut;
            fac.sanctions_until = a.until_tick;
          } else if constexpr (std::is_same_v<A, event::Coup>) {
            // Legitimacy falls in the couping state's country only.
            const Faction& fac = faction(a.faction);
            float* l = w.legitimacy().data();
            const int home = w.geo.country_index(fac.spec.country);
            for (core::CellIndex c = 0; c < w.geo.grid.cells(); ++c)
              if (home < 0 || w.geo.country.data()[c] == home)
                l[c] = std::max(0.0f, l[c] - static_cast<float>(a.legitimacy_drop));
            for (std::size_t i = 0; i < w.units.size(); ++i)
              if (w.units.faction[i] == a.faction)
                w.units.morale[i] = std::max(0.0f, w.units.morale[i] - static_cast<float>(a.morale_shock));
          } else if constexpr (std::is_same_v<A, event::SetParams>) {
            if (a.change) a.change(w.params);
          } else if constexpr (std::is_same_v<A, event::LegitimacyShock>) {
            // A jump of local legitimacy (a scandal, a reconciliation), which
            // legitimacy.recovery_rate then pulls back towards the initial level.
            float* l = w.legitimacy().data();
            for (core::CellIndex c = 0; c < w.geo.grid.cells(); ++c)
              if (a.country < 0 || w.geo.country.data()[c] == a.country)
                l[c] = std::clamp(l[c] + static_cast<float>(a.change), 0.0f, 1.0f);
            log.cell = country_cell(w.geo, a.country);
          } else if constexpr (std::is_same_v<A, event::ContractStart>) {
            // A new contract replaces one in force (a renegotiation); the
            // mercenaries operate where their payer does.
            Faction& fac = faction(a.faction);
            log.actor2 = a.payer;
            log.cell = a.cell;
            fac.contract.payer = a.payer;
            widen_theatre(w, a.faction,
                          w.geo.country_index(w.factions[static_cast<std::size_t>(a.payer)].spec.country));
            fac.contract.fee_per_month = a.fee_per_month;
            fac.contract.concession_rate = a.concession_rate;
            fac.contract.concession = a.mines;
            if (a.troops > 0) deploy_troops(a.faction, a.cell, a.troops);
          } else if constexpr (std::is_same_v<A, event::ContractEnd>) {
            // Payment stops today, including any standing paid_by: whatever the
            // mercenaries still cost while they leave comes out of their own funds.
            Faction& fac = faction(a.faction);
            log.actor2 = fac.contract.payer >= 0 ? fac.contract.payer : fac.paid_by;
            fac.contract = {};
            fac.paid_by = -1;
            schedule_withdrawal(a.faction, -1, a.until_tick, -1, log);
          } else if constexpr (std::is_same_v<A, event::BaseOpen>) {
            auto& cells = faction(a.faction).objective_cells;
            log.cell = a.cell;
            const auto at = std::lower_bound(cells.begin(), cells.end(), a.cell);
            if (at == cells.end() || *at != a.cell) cells.insert(at, a.cell);
          } else if constexpr (std::is_same_v<A, event::BaseClose>) {
            close_base(faction(a.faction), a.faction, a.cell);
            log.cell = a.cell;
          } else {
            static_assert(std::is_same_v<A, event::BorderClosure>);
            w.closed_borders.push_back({a.country, a.civilians, a.armed_groups, a.until_tick});
            log.cell = country_cell(w.geo, a.country);
          }
        },
        e.action);
    if (log.cell == core::kNoCell && log.actor1 >= 0) {
      const Faction& fac = w.factions[static_cast<std::size_t>(log.actor1)];
      if (!fac.objective_cells.empty()) log.cell = fac.objective_cells.front();
    }
    w.events_today.push_back(log);
  }

  std::fill(closed_to_civilians_.begin(), closed_to_civilians_.end(), 0);
  std::fill(closed_to_armed_.begin(), closed_to_armed_.end(), 0);
  for (const World::BorderClosure& b : w.closed_borders) {
    closed_to_civilians_[static_cast<std::size_t>(b.country)] |= b.civilians ? 1 : 0;
    closed_to_armed_[static_cast<std::size_t>(b.country)] |= b.armed_groups ? 1 : 0;
  }
}

}  // namespace sahel::model
