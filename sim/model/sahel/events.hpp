// SPDX-License-Identifier: MIT
#pragma once
// Dated scenario events, already validated and resolved (faction indices,
// cells, ticks) by the scenario layer. A doctrine or parameter change
// arrives as a function that edits a Doctrine or the SahelParams, so the
// model needs no parameter names. The keys of each type, their ranges and
// the effect of each type: sim/scenario/sahel_tables.cpp (event_types) and
// docs/model.md 4.3.1.
#include <functional>
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "model/sahel/faction.hpp"
#include "model/sahel/params.hpp"

namespace sahel::model {

enum class EventType : std::uint8_t {
  deploy,       // troops of a faction arrive at a place
  withdraw,     // troops leave, at once or evenly until `until_tick`
  doctrine,     // a faction's doctrine or funding changes
  hostility,    // two factions start or stop fighting each other
  sanctions,    // a cut to a faction's budget until `until_tick`
  coup,         // a shock to legitimacy and to the state's morale
  set,          // model-wide parameters (civilians, flight, legitimacy, combat, operations, control) change
  legitimacy_shock,  // local legitimacy jumps up or down in a country or everywhere
  contract_start,    // a mercenary contract: payer, monthly fee, concession mines, troops
  contract_end,      // the contract's payments stop and the mercenaries leave
  base_open,         // a place joins a faction's objective cells
  base_close,        // a place leaves them; its units pull out
  border_closure,    // a country's border closes to refugees and/or armed groups' sanctuary
};
inline constexpr const char* kEventTypeNames[] = {"deploy",           "withdraw",       "doctrine",     "hostility",
                                                  "sanctions",        "coup",           "set",          "legitimacy_shock",
                                                  "contract_start",   "contract_end",   "base_open",    "base_close",
                                                  "border_closure"};

struct ScheduledEvent {
  int tick = 0;          // day of the run it takes effect (0 = the start date)
  int until_tick = -1;   // withdraw, contract_end: last day of the schedule; sanctions, border_closure: last day in force (-1: none)
  EventType type = EventType::deploy;
  int faction = -1;
  int other = -1;                       // hostility: the second faction; contract_start: the payer
  core::CellIndex cell = core::kNoCell; // deploy, contract_start, base_open/close: where
  std::string place;                    // the place's name (for the event log)
  int troops = 0;                       // deploy/withdraw/contract_start; withdraw: -1 = all
  int country = -1;                     // withdraw: only from this country (index in the map), -1 anywhere;
                                        // legitimacy_shock: where (-1 everywhere); border_closure: which
  bool hostile = true;                  // hostility
  double value = 0;                     // sanctions: budget cut (0-1); coup: legitimacy drop;
                                        // legitimacy_shock: change (-1 to 1); contract_start: fee per month (USD)
  double rate = 0;                      // contract_start: concession income, USD per unit of mine value per day
  double morale_shock = 0;              // coup: morale lost by the state's units
  std::vector<int> mines;               // contract_start: the conceded mines (indices into Geography::mines)
  bool civilians = true;                // border_closure: closed to people crossing
  bool armed_groups = true;             // border_closure: closed to insurgents' sanctuary
  std::function<void(Doctrine&)> change;  // doctrine
  std::function<void(SahelParams&)> change_params;  // set
  std::string note;                     // free text for the event log
};

}  // namespace sahel::model
