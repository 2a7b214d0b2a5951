// SPDX-License-Identifier: MIT
#pragma once
// The Sahel conflict model. One tick is one day, nine phases in this order
// (docs/model.md gives every formula):
//   events      scheduled deployments, withdrawals, doctrine changes, contracts, bases, borders, ...
//   sensing     per-cell aggregates, what each side knows, window sums
//   civilians   Epstein-style activation, recruitment, flight and return
//   decisions   operations: units choose a cell (pursuit, raids, patrols, posts)
//   movement    units move to their chosen cells
//   combat      battles, then IEDs, shelling and air strikes, then violence against civilians
//   control     control follows armed presence; allegiance per side; reputation
//   logistics   funds, aid, upkeep, taxation, training, enlistment, withdrawals
//   records     departed agents compacted
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
  double support = 0;     // population-weighted support for its side (the state side, or the group), core countries
  double reputation = 0;  // states: as outsiders see it; others 0
};

struct CountryCensus {
  std::int64_t population = 0;       // people alive whose home is in this country
  std::int64_t idps = 0;             // of them, away from home inside it
  std::int64_t refugees_abroad = 0;  // of them, living in another country
  std::int64_t refugees_hosted = 0;  // people of other countries living here
};

struct Census {
  int tick = 0;
  std::vector<FactionCensus> factions;
  std::vector<CountryCensus> countries;  // per country of the map
  std::int64_t population = 0;           // people alive in households
  std::int64_t dead = 0;                 // civilians killed since the start
  std::int64_t displaced = 0;            // people away from home (inside or outside their country)
  std::int64_t refugees = 0;             // people outside their home country
  std::int64_t active = 0;               // active supporters of the insurgency
  std::int64_t recruited = 0;            // people who joined armed groups this day
  double mean_legitimacy = 0;            // population-weighted support for the state side, core cells
  double reputation = 0;                 // mean of the states' reputations, weighted by their countries' people
};

class Model {
 public:
  // Builds the model; a world at tick 0 first gets its starting control
  // and, if the scenario asks, its spin-up and its displaced people.
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
  const std::vector<ConflictEvent>& events_today() const { return world_.events_today; }

 private:
  void apply_events();
  void sense();
  void civilians_decide();
  // Flight or return of household i today (none during the spin-up);
  // whether it moved. Writes only household i.
  bool flee(std::size_t i);
  void units_decide();
  void units_move();
  void fight();
  void fight_battles();
  void strike_remotely();
  void harm_civilians();
  void update_control(double rate);
  void update_allegiance();
  void run_logistics();
  void keep_records();
  // Runs `days` days before the start with no scheduled events and no
  // flight (units move and fight; civilians take sides), then makes them
  // history: the accounts start from the state they left (docs/model.md 4.2).
  void spin_up(int days);
  // Moves the scenario's displaced people away from home (docs/model.md 4.2).
  void place_displaced();

  // Helpers shared by phases.
  std::uint32_t add_unit(int faction, core::CellIndex cell, std::int32_t strength);
  // Whom a killing takes first: anyone, the insurgency's active supporters
  // (a government side's selective violence), or the others (an armed
  // group's selective violence against suspected collaborators).
  enum class Victims { anyone, insurgency_supporters, others };
  // Kills up to `count` people among the households in `cell` (the targeted
  // first, then in household order) and returns how many died. Touches only
  // that cell's households.
  std::int64_t kill_civilians(core::CellIndex cell, std::int64_t count, Victims victims = Victims::anyone);
  // Books deaths to a perpetrator: accounts, memory, blame (weighted by
  // `blame`) and fear. Sequential: tallies are shared.
  void book_civilian_deaths(int perpetrator, core::CellIndex cell, std::int64_t deaths, double blame);
  // Books fighters killed in a cell (accounts, morale, memory).
  void book_losses(int faction, std::int64_t killed);
  // Removes up to `count` fighters of a faction (from units in `country`
  // only, unless it is -1) and books them as withdrawn; returns how many.
  std::int64_t remove_fighters(int faction, std::int64_t count, int country);
  // Event helpers shared by deploy/contract_start and withdraw/contract_end.
  void deploy_troops(int faction, core::CellIndex cell, int troops);
  void schedule_withdrawal(int faction, int troops, int until, int country, ConflictEvent& log);
  // Removes a base from a faction's objectives; its units pull back to the
  // nearest one left, or leave when none is.
  void close_base(Faction& fac, int faction, core::CellIndex base);
  // Whether a unit of faction f standing in `from` may enter cell c: a
  // country of the map in its theatre; government forces stay in the core
  // countries; armed groups do not cross into a country closed to them.
  bool may_enter(int f, core::CellIndex from, core::CellIndex c) const;
  // Whether a household may set out from `from` for `to` (no closed border
  // between their countries).
  bool may_cross(core::CellIndex from, core::CellIndex to) const;
  // Hazard of flight at a cell (docs/model.md 4.3.3), from the sensing
  // window sums; sensing keeps it per cell in hazard_.
  double flight_hazard(core::CellIndex c) const;
  // Net loyalty of the residents of c to an actor: its support and
  // compliance there minus the strongest hostile actor's support (0-1).
  float loyalty(int actor, core::CellIndex c) const { return loyalty_[static_cast<std::size_t>(actor)][c]; }
  bool actors_hostile(int a, int b) const {
    return actor_hostile_[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] != 0;
  }

  World world_;
  core::PhaseList phases_;
  std::int64_t recruited_before_today_ = 0;
  bool spinning_up_ = false;
  // Sensing products.
  int n_factions_ = 0;
  std::size_t n_views_ = 0;                               // views in use today
  std::vector<core::Layer<std::int64_t>> strength_here_;  // per faction, fighters per cell
  std::vector<core::SummedAreaTable> strength_sat_;       // per faction
  // What a faction sees: the strength of those it fights, the part of it
  // it knows of, and its side's strength that it does not fight (itself
  // included). Factions that fight the same enemies with the same
  // informants (the same actor) share one view, so the tables are built
  // once per view, not once per faction.
  struct View {
    std::vector<std::uint8_t> hostile_to;  // per faction
    int actor = 0;
    // known_capped: the known strength per cell capped at
    // operations.draw_cap_fighters, what draws armed groups from afar.
    core::Layer<std::int64_t> hostile, known, known_capped, friendly;
    core::SummedAreaTable hostile_sat, known_sat, known_capped_sat, friendly_sat;
    explicit View(const core::Grid& g);
  };
  std::vector<View> views_;
  std::vector<int> view_of_;  // per faction
  const View& view(std::size_t f) const { return views_[static_cast<std::size_t>(view_of_[f])]; }
  core::Layer<std::int64_t> scratch_, scratch2_;
  core::Layer<std::int64_t> active_here_;  // active supporters per cell
  core::SummedAreaTable population_sat_, active_sat_, gov_sat_, harm_memory_sat_, battle_memory_sat_;
  // Units and households grouped by cell. The households' groups are kept
  // current at all times (every move or compaction regroups them), so the
  // census and any phase can read them.
  core::CellBuckets unit_buckets_, civilian_buckets_;
  void regroup_households();
  // Per actor and cell: net loyalty of the residents (sensing).
  std::vector<std::vector<float>> loyalty_;
  std::vector<std::vector<std::uint8_t>> actor_hostile_;  // [a][b]: some faction of a fights some faction of b
  // Per cell values the civilians read (computed in sensing).
  std::vector<float> arrest_risk_, hazard_;
  std::vector<std::int8_t> recruiter_near_;
  std::vector<std::int64_t> population_here_;
  std::vector<int> home_state_;  // per country of the map: its state faction, -1 if none
  // Flight: towns and camps as destinations, each with its cells and pull,
  // and per cell the nearest few of them.
  struct Destination {
    std::vector<core::CellIndex> cells;  // a town's footprint; a camp's or border point's cell
    int country = -1;
    double pull = 1;
  };
  std::vector<Destination> destinations_;
  std::vector<std::int16_t> nearest_destinations_;  // kNearestDestinations per cell
  std::vector<core::CellIndex> town_cells_;         // patrol waypoints
  // Per unit, today: the hostile unit it raids or pursues (-1: none), and
  // scratch for the second pass of movement.
  std::vector<std::int32_t> quarry_;
  std::vector<core::CellIndex> intercept_;
  // Today's harm per actor and cell, weighted by blame (resentment) and
  // unweighted (fear), read by allegiance and then cleared.
  std::vector<core::Layer<std::int64_t>> blame_today_, fear_today_;  // deaths x 1000
  std::vector<core::SummedAreaTable> blame_sat_, fear_sat_;
  std::vector<std::uint8_t> harmed_today_;  // per actor: killed anyone today
  // Per country of the map: closed to civilians crossing, closed to armed
  // groups. Derived from world_.closed_borders at every events phase.
  std::vector<std::uint8_t> closed_to_civilians_, closed_to_armed_;
};

inline constexpr int kNearestDestinations = 8;

}  // namespace sahel::model
