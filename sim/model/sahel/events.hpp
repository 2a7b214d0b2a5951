// SPDX-License-Identifier: MIT
#pragma once
// Dated scenario events, already validated and resolved (faction indices,
// cells, ticks) by the scenario layer. A doctrine change arrives as a
// function that edits a Doctrine, so the model needs no parameter names.
#include <functional>
#include <string>

#include "core/grid.hpp"
#include "model/sahel/faction.hpp"

namespace sahel::model {

enum class EventType : std::uint8_t {
  deploy,       // troops of a faction arrive at a place
  withdraw,     // troops leave, at once or evenly until `until_tick`
  doctrine,     // a faction's doctrine or funding changes
  hostility,    // two factions start or stop fighting each other
  sanctions,    // a cut to a faction's budget until `until_tick`
  coup,         // a shock to legitimacy and to the state's morale
};
inline constexpr const char* kEventTypeNames[] = {"deploy", "withdraw", "doctrine", "hostility", "sanctions", "coup"};

struct ScheduledEvent {
  int tick = 0;          // day of the run it takes effect (0 = the start date)
  int until_tick = -1;   // withdraw: last day of the schedule; sanctions: day they end
  EventType type = EventType::deploy;
  int faction = -1;
  int other = -1;                       // hostility: the second faction
  core::CellIndex cell = core::kNoCell; // deploy: where
  std::string place;                    // deploy: the place's name (for the event log)
  int troops = 0;                       // deploy/withdraw; withdraw: -1 = all
  int country = -1;                     // withdraw: only from this country (index in the map), -1 anywhere
  bool hostile = true;                  // hostility
  double value = 0;                     // sanctions: budget cut (0-1); coup: legitimacy drop
  double morale_shock = 0;              // coup: morale lost by the state's units
  std::function<void(Doctrine&)> change;  // doctrine
  std::string note;                     // free text for the event log
};

}  // namespace sahel::model
