// SPDX-License-Identifier: MIT
#pragma once
// The Sahel conflict model. One tick is one day, nine phases in this order
// (docs/model.md gives every formula):
//   events      scheduled deployments, withdrawals, doctrine changes, contracts, bases, borders, ...
//   sensing     per-cell aggregates and window sums
//   civilians   Epstein-style activation, recruitment, flight and return
//   decisions   units choose a cell by weighted utility; air strikes
//   movement    units move to their chosen cells
//   combat      stochastic Lanchester engagements, civilian harm, massacres
//   control     Kalyvas zones and local legitimacy
//   logistics   funds, upkeep, taxation, training, enlistment, withdrawals
//   records     tallies for the time series; departed agents compacted
#include <cstdint>
#include <string>
#include <vector>

#include "core/cell_buckets.hpp"
#include "core/phase_list.hpp"
#include "core/summed_area.hpp"
#include "model/sahel/world.hpp"

namespace sahel::model {

struct FactionCensus {
  std::int64_t strength = 0, units = 0, cells_controlled = 0;
  std::int64_t losses = 0, civilians_killed = 0, recruited = 0;
  double funds = 0;
};

struct Census {
  int tick = 0;
  std::vector<FactionCensus> factions;
  std::int64_t population = 0;   // people alive in households
  std::int64_t dead = 0;         // civilians killed since the start
  std::int64_t displaced = 0;    // people away from home (inside or outside the core countries)
  std::int64_t refugees = 0;     // people outside the core countries
  std::int64_t active = 0;       // active supporters of the insurgency
  std::int64_t recruited = 0;    // people who joined armed groups this day
  double mean_legitimacy = 0;    // population-weighted, core cells
  double reputation = 0;
};

class Model {
 public:
  explicit Model(World world);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  void step();
  Census census() const;
  const World& world() const { return world_; }
  World& world() { return world_; }
  const core::PhaseList& phases() const { return phases_; }
  // Civilian households plus units: what one tick updates.
  std::int64_t agents() const { return static_cast<std::int64_t>(world_.civilians.size() + world_.units.size()); }
  std::string state_digest() const;
  // Government-side presence within the control window of a cell (for tests).
  const std::vector<ConflictEvent>& events_today() const { return world_.events_today; }

 private:
  void apply_events();
  void sense();
  void civilians_decide();
  void units_decide();
  void units_move();
  void fight();
  void update_control();
  void run_logistics();
  void keep_records();

  // Helpers shared by phases.
  std::int64_t window(const core::SummedAreaTable& t, core::CellIndex c, int r) const { return t.square(c, r); }
  std::uint32_t add_unit(int faction, core::CellIndex cell, std::int32_t strength);
  // Kills up to `count` people among the households in `cell` (in household
  // order) and returns how many died. Touches only that cell's households,
  // so cells can be processed in parallel.
  std::int64_t kill_civilians(core::CellIndex cell, std::int64_t count);
  // Books deaths to a perpetrator (sequential: faction tallies are shared).
  void tally_civilian_deaths(int perpetrator, core::CellIndex cell, std::int64_t deaths);
  // Removes up to `count` fighters of a faction (from units in `country`
  // only, unless it is -1) and books them as withdrawn; returns how many.
  std::int64_t remove_fighters(int faction, std::int64_t count, int country);
  // Event helpers shared by deploy/contract_start and withdraw/contract_end.
  void deploy_troops(int faction, core::CellIndex cell, int troops);
  void schedule_withdrawal(int faction, int troops, int until, int country, ConflictEvent& log);
  // Whether a household may set out from `from` for `to` (no closed border
  // between their countries).
  bool may_cross(core::CellIndex from, core::CellIndex to) const;

  World world_;
  core::PhaseList phases_;
  std::int64_t recruited_before_today_ = 0;
  // Sensing products.
  int n_factions_ = 0;
  std::vector<core::Layer<std::int64_t>> strength_here_;  // per faction, fighters per cell
  std::vector<core::SummedAreaTable> hostile_sat_, friendly_sat_, strength_sat_;  // per faction
  core::Layer<std::int64_t> scratch_;
  core::Layer<std::int64_t> active_here_;  // active supporters per cell (sensing)
  core::SummedAreaTable population_sat_, active_sat_, gov_sat_, insurgent_sat_, unpopular_sat_, violence_sat_,
      harm_sat_;
  core::CellBuckets unit_buckets_, civilian_buckets_;
  bool civilian_buckets_stale_ = true;  // households moved or were compacted since the last build
  // Per faction: hostile, then friendly strength per cell.
  std::vector<core::Layer<std::int64_t>> side_here_;
  // Control inputs per cell: government, insurgent, popularity-weighted, violence, harm.
  std::vector<core::Layer<std::int64_t>> control_inputs_;
  // Per-cell values the civilians read (computed in sensing).
  std::vector<float> arrest_risk_, violence_near_;
  std::vector<std::int8_t> recruiter_near_;
  std::vector<std::int64_t> population_here_;
  std::vector<int> home_state_;  // per country of the map: its state faction, -1 if none
  std::vector<core::CellIndex> destinations_;  // towns and camps civilians may flee to
  // Per country of the map: closed to civilians crossing, closed to armed
  // groups. Derived from world_.closed_borders at every events phase.
  std::vector<std::uint8_t> closed_to_civilians_, closed_to_armed_;
};

}  // namespace sahel::model
