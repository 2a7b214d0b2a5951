// SPDX-License-Identifier: MIT
#pragma once
// The state of a Sahel run: static geography, factions with their accounts,
// armed units and civilian households as structure-of-arrays columns, and
// the dynamic cell layers (control, legitimacy, violence).
#include <cstdint>
#include <string>
#include <vector>

#include "core/counter_rng.hpp"
#include "core/grid.hpp"
#include "model/sahel/events.hpp"
#include "model/sahel/faction.hpp"
#include "model/sahel/geography.hpp"
#include "model/sahel/params.hpp"

namespace sahel::model {

// Allegiance indices ("actors"): the state side is kStateSide, each armed
// group follows from kFirstArmedGroup in faction order.
inline constexpr int kStateSide = 0;
inline constexpr int kFirstArmedGroup = 1;

enum class Posture : std::uint8_t { garrison, patrol, pursue, raid, withdraw, train };
inline constexpr const char* kPostureNames[] = {"garrison", "patrol", "pursue", "raid", "withdraw", "train"};

// Fighters are conserved per faction:
//   initial + recruited + deployed = present + killed + withdrawn.
struct FighterAccount {
  std::int64_t initial = 0, recruited = 0, deployed = 0, killed = 0, withdrawn = 0;
};

struct Faction {
  FactionSpec spec;
  FighterAccount fighters;
  double funds = 0;
  double upkeep_total = 0;         // US dollars spent on this faction's fighters since the start, whoever paid
  double budget_multiplier = 1.0;  // sanctions
  int sanctions_until = -1;
  double training_level = 0;  // state: effectiveness bonus from partner training
  double enlist_pool = 0;     // state: fighters enlisted but not yet formed into a unit
  std::vector<core::CellIndex> objective_cells;
  core::CellIndex capital = core::kNoCell;  // state: where new units form
  // Withdrawal schedules in force (several may run at once).
  struct Withdrawal {
    std::int64_t remaining = 0;  // fighters still to remove
    int until = -1;              // last day
    int country = -1;            // map country index, -1: anywhere
    bool all = false;            // "troops: all": also empty the country on the last day
  };
  std::vector<Withdrawal> withdrawals;
  // Countries this faction has left for good (troops: all): its units do
  // not enter them again.
  std::vector<int> left_countries;
  // Who pays this faction's upkeep: a faction index, -1 itself. Starts as
  // the spec's paid_by; a contract_end sets it to -1 (nobody pays any more).
  int paid_by = -1;
  // A mercenary contract in force (contract_start ... contract_end). While
  // it runs the payer hands fee_per_month / 30.44 a day to this faction,
  // which then pays its own upkeep, and the conceded mines earn it
  // concession_rate x mine value a day unless insurgents hold their cell.
  struct Contract {
    int payer = -1;               // faction index; -1: no contract in force
    double fee_per_month = 0;     // USD
    double concession_rate = 0;   // USD per unit of mine value per day
    std::vector<int> concession;  // indices into Geography::mines
  };
  Contract contract;
  // Countries (map indices) where its units may operate, sorted; from the
  // spec's theatre, widened by deployments to new countries. Armed groups
  // with no theatre given operate anywhere.
  std::vector<int> theatre;
  bool anywhere = false;
  int actor = 0;             // allegiance index: 0 the state side, 1... each armed group
  double reputation = 1.0;   // state: its legitimacy as outsiders see it (0-1)
  double recent_losses = 0;  // fighters lost lately (decays with combat.violence_decay): reprisals follow losses
  // This tick's tallies (reset each tick).
  std::int64_t losses_today = 0, civilians_killed_today = 0, recruited_today = 0;
};

struct Units {
  std::vector<std::uint32_t> id;           // 4 bytes
  std::vector<std::uint8_t> faction;       // 1
  std::vector<core::CellIndex> cell;       // 4
  std::vector<std::int32_t> strength;      // 4: fighters
  std::vector<float> morale;               // 4: 0-1
  std::vector<Posture> posture;            // 1
  std::vector<std::uint8_t> mobile;        // 1: runs operations (1) or holds its post (0)
  std::vector<core::CellIndex> objective;  // 4: its post, base or area
  std::vector<core::CellIndex> waypoint;   // 4: where a mobile unit with no enemy in sight patrols to
  std::vector<core::CellIndex> target;     // 4: intent (scratch)
  std::size_t size() const { return id.size(); }
};

enum class CivilianStatus : std::uint8_t { calm = 0, active = 1 };

// A household of `people` who live, decide and move together.
struct Civilians {
  std::vector<std::uint32_t> id;             // 4 bytes
  std::vector<core::CellIndex> cell;         // 4
  std::vector<core::CellIndex> home;         // 4
  std::vector<core::CellIndex> destination;  // 4: where a displaced household is heading (kNoCell: none)
  std::vector<std::int32_t> people;          // 4
  std::vector<float> hardship;               // 4
  std::vector<float> risk_aversion;          // 4
  std::vector<CivilianStatus> status;        // 1
  std::vector<std::uint8_t> displaced;       // 1: away from home
  std::vector<std::int32_t> recruits;        // 4: people joining a militant faction this tick (scratch)
  std::vector<std::int8_t> recruiter;        // 1: that faction (scratch)
  std::size_t size() const { return id.size(); }
};
// Bytes per household in each column, for the memory report (bench/README.md).
struct ColumnBytes {
  const char* name;
  std::size_t bytes;
};
// Each column's element size, read from the column itself.
template <class Column>
constexpr std::size_t element_bytes() {
  return sizeof(typename Column::value_type);
}
inline constexpr ColumnBytes kCivilianColumns[] = {
    {"id", element_bytes<decltype(Civilians::id)>()},
    {"cell", element_bytes<decltype(Civilians::cell)>()},
    {"home", element_bytes<decltype(Civilians::home)>()},
    {"destination", element_bytes<decltype(Civilians::destination)>()},
    {"people", element_bytes<decltype(Civilians::people)>()},
    {"hardship", element_bytes<decltype(Civilians::hardship)>()},
    {"risk_aversion", element_bytes<decltype(Civilians::risk_aversion)>()},
    {"status", element_bytes<decltype(Civilians::status)>()},
    {"displaced", element_bytes<decltype(Civilians::displaced)>()},
    {"recruits", element_bytes<decltype(Civilians::recruits)>()},
    {"recruiter", element_bytes<decltype(Civilians::recruiter)>()},
};
constexpr std::size_t civilian_bytes() {
  std::size_t sum = 0;
  for (const ColumnBytes& c : kCivilianColumns) sum += c.bytes;
  return sum;
}
inline constexpr std::size_t kBytesPerCivilian = civilian_bytes();
static_assert(kBytesPerCivilian == 35, "update the per-civilian memory note");
static_assert(std::size(kCivilianColumns) == 11, "one entry per column of Civilians");

// One record of the ACLED-shaped event log. Types and sub-types follow
// ACLED's names (ACLED codebook 2019).
enum class EventKind : std::uint8_t { battle, violence_against_civilians, remote_violence, strategic };
inline constexpr const char* kEventKindNames[] = {"Battles", "Violence against civilians", "Explosions/Remote violence",
                                                  "Strategic developments"};
enum class SubEvent : std::uint8_t { none, armed_clash, attack, air_strike, ied, shelling };
inline constexpr const char* kSubEventNames[] = {"",
                                                 "Armed clash",
                                                 "Attack",
                                                 "Air/drone strike",
                                                 "Remote explosive/landmine/IED",
                                                 "Shelling/artillery/missile attack"};

struct ConflictEvent {
  int tick = 0;
  EventKind kind = EventKind::strategic;
  SubEvent sub = SubEvent::none;
  int actor1 = -1, actor2 = -1;  // faction indices (-1: civilians or none)
  core::CellIndex cell = core::kNoCell;
  std::int64_t fatalities = 0;  // everyone killed
  std::int64_t civilians = 0;   // civilians among them
  std::string note;
};

// Displaced people at the start of a run (a scenario's observed stocks):
// `people` of country `from` away from home, inside it (host == from: IDPs)
// or in `host` (refugees).
struct InitialDisplacement {
  int from = -1, host = -1;  // map country indices
  std::int64_t people = 0;
};

struct World {
  Geography geo;
  SahelParams params;
  core::RngKey key;
  int tick = 0;
  std::vector<Faction> factions;
  std::vector<std::vector<std::uint8_t>> hostile;  // [f][g] = 1 when f and g fight
  std::vector<ScheduledEvent> schedule;            // sorted by tick
  std::size_t next_event = 0;
  Units units;
  std::uint32_t next_unit_id = 0;
  Civilians civilians;
  // People accounts: alive (in households) + dead + recruited = initial.
  std::int64_t people_initial = 0, people_dead = 0, people_recruited = 0;
  // Dynamic cell layers.
  core::Layer<float> control;           // -1 insurgent ... +1 state
  core::Layer<std::uint8_t> zone;       // Kalyvas 1 (state) ... 5 (insurgent)
  core::Layer<std::int8_t> controller;  // faction index, -1 contested or nobody
  // Allegiance, per actor (0: the state side, then each armed group in
  // faction order): the share of residents who support it (0-1), and the
  // short-run compliance that fear of it buys (0-1, fades quickly).
  std::vector<core::Layer<float>> support, compliance;
  std::vector<int> actor_faction;  // per actor: a faction of it (the first)
  // Per cell, how far the level the state side's support returns to lies
  // from legitimacy.initial: 0, or a scenario's support region's level
  // minus legitimacy.initial at the start (so a `set` of legitimacy.initial
  // moves every cell's level).
  core::Layer<float> legitimacy_offset;
  core::Layer<float> violence;           // recent deaths of every kind, decaying (for maps)
  core::Layer<float> harm_memory;        // civilians killed lately (decays with flight.memory_decay)
  core::Layer<float> battle_memory;      // battles fought lately (same decay)
  std::vector<core::Layer<float>> heat;  // per actor: battles it fought lately (operations.heat_decay)
  // Per country of the map: resentment of the foreign troops it hosts (0-1).
  std::vector<double> foreign_resentment;
  const core::Layer<float>& legitimacy() const { return support[kStateSide]; }
  core::Layer<float>& legitimacy() { return support[kStateSide]; }
  // Border closures in force (border_closure events), dropped the day after
  // their last day. Several may overlap; a country is closed to civilians
  // (or armed groups) while any closure of it says so.
  struct BorderClosure {
    int country = -1;          // index into geo.countries
    bool civilians = true;     // refugees may not cross into or out of it
    bool armed_groups = true;  // insurgents may not enter it; its border cells give no sanctuary
    int until = -1;            // last day closed; -1: until the end of the run
  };
  std::vector<BorderClosure> closed_borders;
  std::vector<ConflictEvent> events_today;
  // How the run starts (read by the Model once, when it is not yet
  // started; a world read from a checkpoint has started).
  bool started = false;
  int spin_up_days = 0;
  std::vector<InitialDisplacement> initial_displacement;
  std::size_t actors() const { return support.size(); }
};

}  // namespace sahel::model

namespace sahel::model {

// Everything a run starts from, validated by the scenario layer.
// A region whose people back the state less than elsewhere at the start,
// and keep tending back to that level: cells within radius_km of `at`
// start with support `legitimacy` for the state side if that is below
// legitimacy.initial (the lowest of overlapping regions wins).
struct SupportRegion {
  LonLat at;
  double radius_km = 0;
  double legitimacy = 0.6;
};

struct Setup {
  Geography geo;
  SahelParams params;
  core::RngKey key;
  std::vector<FactionSpec> factions;
  std::vector<std::pair<int, int>> hostile_pairs;
  std::vector<ScheduledEvent> events;
  std::vector<InitialDisplacement> displacement;
  std::vector<SupportRegion> support_regions;
  int spin_up_days = 0;  // days run before the start and not recorded (see Model)
};

// Creates households from the population layer (people_per_agent each, the
// last of a cell taking the remainder), units from each faction's starting
// deployments (unit_size fighters each), and the dynamic layers. Throws
// std::invalid_argument for a deployment at an unknown place.
World make_world(Setup setup);

// Appends a unit at full morale; whether it is mobile is drawn with the
// faction's mobile_share, keyed by the unit's id. Its objective (its post,
// or a mobile unit's base) is the objective cell of its faction nearest to
// `cell`, or `cell` itself if the faction has none. Returns the id.
std::uint32_t add_unit(World& w, int faction, core::CellIndex cell, std::int32_t strength, Posture posture);

// Whether faction f may operate in the country of cell c (its theatre).
bool in_theatre(const World& w, int f, core::CellIndex c);

// Lets a faction operate in one more country (a deployment there, a
// contract with its state): the country joins its theatre, and that
// country's cells of its objective kind join its objective cells.
void widen_theatre(World& w, int f, int country);

// The cell of a named town, camp or base, kNoCell if there is none.
core::CellIndex place_cell(const Geography& geo, const std::string& name);

}  // namespace sahel::model
