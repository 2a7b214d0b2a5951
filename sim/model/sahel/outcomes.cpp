// SPDX-License-Identifier: MIT
#include "model/sahel/outcomes.hpp"

#include <algorithm>

namespace sahel::model {

namespace {

// Catalogue order; outcome_values() fills the same positions.
const std::vector<OutcomeMetricInfo> kCatalogue = {
    {"militant_cells_end", "cells", "cells of the three countries held by militant factions on the last day"},
    {"militant_cells_peak", "cells", "the most cells held by militant factions on any day"},
    {"insurgent_cells_end", "cells", "cells held by militant or separatist factions on the last day"},
    {"government_cells_end", "cells",
     "cells held by the government side (state, foreign, mercenary, peacekeeper) on the last day"},
    {"civilians_killed", "people", "civilians killed over the run, by anyone"},
    {"civilians_killed_by_state", "people", "civilians killed by state forces"},
    {"civilians_killed_by_foreign", "people", "civilians killed by foreign troops"},
    {"civilians_killed_by_mercenary", "people", "civilians killed by mercenaries"},
    {"civilians_killed_by_militant", "people", "civilians killed by militant factions"},
    {"civilians_killed_by_separatist", "people", "civilians killed by separatists"},
    {"civilians_killed_by_peacekeeper", "people", "civilians killed by peacekeepers"},
    {"displaced_peak", "people", "the most people away from home on any day"},
    {"displaced_end", "people", "people away from home on the last day"},
    {"idps_end", "people", "people away from home inside their own country on the last day"},
    {"refugees_end", "people", "people living outside their home country on the last day"},
    {"joined_armed_groups", "people", "civilians who joined armed groups over the run"},
    {"state_strength_end", "fighters", "fighters of the state forces on the last day"},
    {"militant_strength_end", "fighters", "fighters of the militant factions on the last day"},
    {"mean_legitimacy_end", "0-1", "population-weighted local legitimacy of the state on the last day"},
    {"mean_legitimacy_average", "0-1", "the daily mean local legitimacy averaged over the run"},
    {"reputation_end", "0-1", "the state's legitimacy as outsiders see it, on the last day"},
    {"state_losses", "fighters", "state fighters killed over the run"},
    {"foreign_losses", "fighters", "foreign troops killed over the run"},
    {"mercenary_losses", "fighters", "mercenaries killed over the run"},
    {"peacekeeper_losses", "fighters", "peacekeepers killed over the run"},
    {"militant_losses", "fighters", "militant fighters killed over the run"},
    {"cost_government_usd", "US dollars", "upkeep of every government-side force over the run"},
    {"cost_mercenaries_usd", "US dollars", "upkeep of the mercenaries over the run (paid by their employer)"},
    {"battles", "events", "battles over the run"},
    {"violence_against_civilians_events", "events", "events of violence against civilians over the run"},
    {"remote_violence_events", "events", "explosions and remote violence (IEDs, shelling, air strikes) over the run"},
    {"battle_deaths", "people",
     "deaths in battles and remote violence involving a government-side force (state-based, as UCDP counts)"},
};

constexpr int kKinds = 6;

std::int64_t cells_held(const Census& c, const World& w, bool (*side)(FactionKind)) {
  std::int64_t n = 0;
  for (std::size_t f = 0; f < w.factions.size(); ++f)
    if (side(w.factions[f].spec.kind)) n += c.factions[f].cells_controlled;
  return n;
}

bool militant(FactionKind k) {
  return k == FactionKind::militant;
}

}  // namespace

const std::vector<OutcomeMetricInfo>& outcome_metric_catalogue() {
  return kCatalogue;
}

int outcome_metric_index(const std::string& name) {
  for (std::size_t i = 0; i < kCatalogue.size(); ++i)
    if (name == kCatalogue[i].name) return static_cast<int>(i);
  return -1;
}

OutcomeTally start_tally(const World& world, const Census& first) {
  OutcomeTally t;
  t.losses.assign(world.factions.size(), 0);
  t.civilians_killed.assign(world.factions.size(), 0);
  t.militant_cells_peak = cells_held(first, world, militant);
  t.displaced_peak = first.displaced;
  return t;
}

void add_day(OutcomeTally& t, const World& world, const Census& today) {
  // Factions may have been added since the tally started (a branch that
  // brings a new force); they start from zero.
  t.losses.resize(world.factions.size(), 0);
  t.civilians_killed.resize(world.factions.size(), 0);
  for (std::size_t f = 0; f < world.factions.size(); ++f) {
    t.losses[f] += today.factions[f].losses;
    t.civilians_killed[f] += today.factions[f].civilians_killed;
  }
  t.militant_cells_peak = std::max(t.militant_cells_peak, cells_held(today, world, militant));
  t.displaced_peak = std::max(t.displaced_peak, today.displaced);
  t.joined += today.recruited;
  t.legitimacy_sum += today.mean_legitimacy;
  t.days += 1;
  for (const ConflictEvent& e : world.events_today) {
    const bool state_based =
        (e.actor1 >= 0 && government_side(world.factions[static_cast<std::size_t>(e.actor1)].spec.kind)) ||
        (e.actor2 >= 0 && government_side(world.factions[static_cast<std::size_t>(e.actor2)].spec.kind));
    switch (e.kind) {
      case EventKind::battle:
        t.battles += 1;
        break;
      case EventKind::violence_against_civilians:
        t.violence_events += 1;
        break;
      case EventKind::remote_violence:
        t.remote_events += 1;
        break;
      case EventKind::strategic:
        break;
    }
    if ((e.kind == EventKind::battle || e.kind == EventKind::remote_violence) && state_based)
      t.battle_deaths += e.fatalities;
  }
}

std::vector<double> outcome_values(const OutcomeTally& t, const World& w, const Census& last) {
  std::int64_t killed_by[kKinds] = {}, losses_of[kKinds] = {}, strength_of[kKinds] = {};
  double cost_government = 0, cost_mercenaries = 0;
  for (std::size_t f = 0; f < w.factions.size(); ++f) {
    const FactionKind kind = w.factions[f].spec.kind;
    const int k = static_cast<int>(kind);
    killed_by[k] += f < t.civilians_killed.size() ? t.civilians_killed[f] : 0;
    losses_of[k] += f < t.losses.size() ? t.losses[f] : 0;
    strength_of[k] += last.factions[f].strength;
    if (government_side(kind)) cost_government += w.factions[f].upkeep_total;
    if (kind == FactionKind::mercenary) cost_mercenaries += w.factions[f].upkeep_total;
  }
  auto by = [](const std::int64_t* a, FactionKind k) { return static_cast<double>(a[static_cast<int>(k)]); };
  std::vector<double> v = {
      static_cast<double>(cells_held(last, w, militant)),
      static_cast<double>(t.militant_cells_peak),
      static_cast<double>(cells_held(last, w, insurgent_side)),
      static_cast<double>(cells_held(last, w, government_side)),
      static_cast<double>(last.dead),
      by(killed_by, FactionKind::state),
      by(killed_by, FactionKind::foreign),
      by(killed_by, FactionKind::mercenary),
      by(killed_by, FactionKind::militant),
      by(killed_by, FactionKind::separatist),
      by(killed_by, FactionKind::peacekeeper),
      static_cast<double>(t.displaced_peak),
      static_cast<double>(last.displaced),
      static_cast<double>(last.displaced - last.refugees),
      static_cast<double>(last.refugees),
      static_cast<double>(t.joined),
      by(strength_of, FactionKind::state),
      by(strength_of, FactionKind::militant),
      last.mean_legitimacy,
      t.days > 0 ? t.legitimacy_sum / static_cast<double>(t.days) : last.mean_legitimacy,
      last.reputation,
      by(losses_of, FactionKind::state),
      by(losses_of, FactionKind::foreign),
      by(losses_of, FactionKind::mercenary),
      by(losses_of, FactionKind::peacekeeper),
      by(losses_of, FactionKind::militant),
      cost_government,
      cost_mercenaries,
      static_cast<double>(t.battles),
      static_cast<double>(t.violence_events),
      static_cast<double>(t.remote_events),
      static_cast<double>(t.battle_deaths),
  };
  return v;
}

}  // namespace sahel::model
