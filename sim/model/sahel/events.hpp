// SPDX-License-Identifier: MIT
#pragma once
// Dated scenario events, already validated and resolved (faction indices,
// cells, ticks) by the scenario layer. A doctrine or parameter change
// arrives as a function that edits a Doctrine or the SahelParams, so the
// model needs no parameter names. The keys of each type, their ranges and
// the effect of each type: sim/scenario/sahel_tables.cpp (event_types) and
// docs/model.md 4.3.1.
#include <functional>
#include <iterator>
#include <string>
#include <variant>
#include <vector>

#include "core/grid.hpp"
#include "model/sahel/faction.hpp"
#include "model/sahel/params.hpp"

namespace sahel::model {

enum class EventType : std::uint8_t {
  deploy,            // troops of a faction arrive at a place
  withdraw,          // troops leave, at once or evenly until `until_tick`
  doctrine,          // a faction's doctrine or funding changes
  hostility,         // two factions start or stop fighting each other
  sanctions,         // a cut to a faction's budget until `until_tick`
  coup,              // a shock to legitimacy and to the state's morale
  set,               // model-wide parameters (civilians, flight, legitimacy, combat, operations, control) change
  legitimacy_shock,  // local legitimacy jumps up or down in a country or everywhere
  contract_start,    // a mercenary contract: payer, monthly fee, concession mines, troops
  contract_end,      // the contract's payments stop and the mercenaries leave
  base_open,         // a place joins a faction's objective cells
  base_close,        // a place leaves them; its units pull out
  border_closure,    // a country's border closes to refugees and/or armed groups' sanctuary
};
inline constexpr const char* kEventTypeNames[] = {
    "deploy",           "withdraw",       "doctrine",     "hostility", "sanctions",  "coup",          "set",
    "legitimacy_shock", "contract_start", "contract_end", "base_open", "base_close", "border_closure"};

// What each type of event carries: one struct per type, in EventType order.
namespace event {
struct Deploy {
  int faction = -1;
  core::CellIndex cell = core::kNoCell;
  std::string place;  // the place's name (for the event log)
  int troops = 0;
};
struct Withdraw {
  int faction = -1;
  int troops = -1;      // -1: all
  int until_tick = -1;  // last day of the schedule (the event's own day: all at once)
  int country = -1;     // only from this country (index in the map), -1 anywhere
};
struct DoctrineChange {
  int faction = -1;
  std::function<void(Doctrine&)> change;
};
struct Hostility {
  int faction = -1, other = -1;
  bool hostile = true;
};
struct Sanctions {
  int faction = -1;
  double budget_cut = 0;  // share of the budget (0-1)
  int until_tick = -1;    // last day in force
};
struct Coup {
  int faction = -1;
  double legitimacy_drop = 0, morale_shock = 0;
};
struct SetParams {
  std::function<void(SahelParams&)> change;
};
struct LegitimacyShock {
  int country = -1;   // -1: everywhere
  double change = 0;  // -1 to 1
};
struct ContractStart {
  int faction = -1, payer = -1;
  core::CellIndex cell = core::kNoCell;  // where troops arrive (with troops > 0)
  std::string place;
  int troops = 0;
  double fee_per_month = 0;    // USD
  double concession_rate = 0;  // USD per unit of mine value per day
  std::vector<int> mines;      // the conceded mines (indices into Geography::mines)
};
struct ContractEnd {
  int faction = -1;
  int until_tick = -1;  // last day of the mercenaries' withdrawal
};
struct BaseOpen {
  int faction = -1;
  core::CellIndex cell = core::kNoCell;
  std::string place;
};
struct BaseClose {
  int faction = -1;
  core::CellIndex cell = core::kNoCell;
  std::string place;
};
struct BorderClosure {
  int country = -1;
  bool civilians = true;     // closed to people crossing
  bool armed_groups = true;  // closed to insurgents' sanctuary
  int until_tick = -1;       // last day in force (-1: none)
};
}  // namespace event

using EventAction =
    std::variant<event::Deploy, event::Withdraw, event::DoctrineChange, event::Hostility, event::Sanctions, event::Coup,
                 event::SetParams, event::LegitimacyShock, event::ContractStart, event::ContractEnd, event::BaseOpen,
                 event::BaseClose, event::BorderClosure>;
static_assert(std::variant_size_v<EventAction> == std::size(kEventTypeNames), "one struct per event type");

struct ScheduledEvent {
  int tick = 0;  // day of the run it takes effect (0 = the start date)
  EventAction action;
  std::string note;  // free text for the event log
  EventType type() const { return static_cast<EventType>(action.index()); }
};

}  // namespace sahel::model
