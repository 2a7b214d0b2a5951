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

void Model::schedule_withdrawal(int faction, int troops, int until, int country,
                                ConflictEvent& log) {
  World& w = world_;
  std::int64_t present = 0;
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.faction[i] == faction &&
        (country < 0 || w.geo.country.data()[w.units.cell[i]] == country)) {
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
      w.events_today.push_back(
          {w.tick, EventKind::strategic, SubEvent::none, -1, -1, country_cell(w.geo, b.country), 0, 0,
           "border reopened: " + w.geo.countries[static_cast<std::size_t>(b.country)].code});
  std::erase_if(w.closed_borders,
                [&](const World::BorderClosure& b) { return b.until >= 0 && w.tick > b.until; });

  while (w.next_event < w.schedule.size() && w.schedule[w.next_event].tick <= w.tick) {
    const ScheduledEvent& e = w.schedule[w.next_event++];
    Faction* fac = e.faction >= 0 ? &w.factions[static_cast<std::size_t>(e.faction)] : nullptr;
    ConflictEvent log{w.tick, EventKind::strategic, SubEvent::none, e.faction, e.other, e.cell, 0, 0, e.note};
    switch (e.type) {
      case EventType::deploy:
        deploy_troops(e.faction, e.cell, e.troops);
        break;
      case EventType::withdraw:
        schedule_withdrawal(e.faction, e.troops, e.until_tick, e.country, log);
        break;
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
        float* l = w.legitimacy().data();
        const int home = w.geo.country_index(fac->spec.country);
        for (core::CellIndex c = 0; c < w.geo.grid.cells(); ++c)
          if (home < 0 || w.geo.country.data()[c] == home)
            l[c] = std::max(0.0f, l[c] - static_cast<float>(e.value));
        for (std::size_t i = 0; i < w.units.size(); ++i)
          if (w.units.faction[i] == e.faction)
            w.units.morale[i] =
                std::max(0.0f, w.units.morale[i] - static_cast<float>(e.morale_shock));
        break;
      }
      case EventType::set:
        if (e.change_params) e.change_params(w.params);
        break;
      case EventType::legitimacy_shock: {
        // A jump of local legitimacy (a scandal, a reconciliation), which
        // legitimacy.recovery_rate then pulls back towards the initial level.
        float* l = w.legitimacy().data();
        for (core::CellIndex c = 0; c < w.geo.grid.cells(); ++c)
          if (e.country < 0 || w.geo.country.data()[c] == e.country)
            l[c] = std::clamp(l[c] + static_cast<float>(e.value), 0.0f, 1.0f);
        log.cell = country_cell(w.geo, e.country);
        break;
      }
      case EventType::contract_start: {
        // A new contract replaces one in force (a renegotiation); the
        // mercenaries operate where their payer does.
        fac->contract.payer = e.other;
        widen_theatre(w, e.faction, w.geo.country_index(w.factions[static_cast<std::size_t>(e.other)].spec.country));
        fac->contract.fee_per_month = e.value;
        fac->contract.concession_rate = e.rate;
        fac->contract.concession = e.mines;
        if (e.troops > 0) deploy_troops(e.faction, e.cell, e.troops);
        break;
      }
      case EventType::contract_end:
        // Payment stops today, including any standing paid_by: whatever the
        // mercenaries still cost while they leave comes out of their own funds.
        log.actor2 = fac->contract.payer >= 0 ? fac->contract.payer : fac->paid_by;
        fac->contract = {};
        fac->paid_by = -1;
        schedule_withdrawal(e.faction, -1, e.until_tick, -1, log);
        break;
      case EventType::base_open: {
        auto& cells = fac->objective_cells;
        const auto at = std::lower_bound(cells.begin(), cells.end(), e.cell);
        if (at == cells.end() || *at != e.cell) cells.insert(at, e.cell);
        break;
      }
      case EventType::base_close: {
        auto& cells = fac->objective_cells;
        std::erase(cells, e.cell);
        // The base's units (those whose objective it was) pull out to the
        // nearest objective cell left (Chebyshev distance from the base;
        // ties: the lower cell index), or leave the theatre at once if the
        // faction has none.
        const core::Grid& g = w.geo.grid;
        core::CellIndex nearest = core::kNoCell;
        int best = 0;
        for (core::CellIndex c : cells) {
          const int d =
              std::max(std::abs(g.x_of(c) - g.x_of(e.cell)), std::abs(g.y_of(c) - g.y_of(e.cell)));
          if (nearest == core::kNoCell || d < best) {
            nearest = c;
            best = d;
          }
        }
        for (std::size_t i = 0; i < w.units.size(); ++i) {
          if (w.units.faction[i] != e.faction || w.units.objective[i] != e.cell) continue;
          if (nearest != core::kNoCell) {
            w.units.objective[i] = nearest;
          } else {
            fac->fighters.withdrawn += w.units.strength[i];
            w.units.strength[i] = 0;  // compacted away in records
          }
        }
        break;
      }
      case EventType::border_closure:
        w.closed_borders.push_back({e.country, e.civilians, e.armed_groups, e.until_tick});
        log.cell = country_cell(w.geo, e.country);
        break;
    }
    if (log.cell == core::kNoCell && fac && !fac->objective_cells.empty())
      log.cell = fac->objective_cells.front();
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
