// SPDX-License-Identifier: MIT
#pragma once
// Factions: their kind, doctrine and "personality" (the movement weights of
// MANA and EINSTein), as plain data. Defaults and sources: docs/model.md and
// the parameter tables of sim/scenario/sahel_tables.cpp.
#include <cstdint>
#include <string>
#include <vector>

namespace sahel::model {

enum class FactionKind : std::uint8_t { state, foreign, mercenary, militant, separatist, peacekeeper };
inline constexpr const char* kFactionKindNames[] = {"state",    "foreign",    "mercenary",
                                                    "militant", "separatist", "peacekeeper"};

// The government side (whose abuses cost the state legitimacy and whose
// presence counts as state control) and the insurgent side.
inline bool government_side(FactionKind k) {
  return k == FactionKind::state || k == FactionKind::foreign || k == FactionKind::mercenary ||
         k == FactionKind::peacekeeper;
}
inline bool insurgent_side(FactionKind k) {
  return k == FactionKind::militant || k == FactionKind::separatist;
}

// Where a faction's units head when nothing else draws them.
enum class Objective : std::uint8_t { cities, mines, borders, bases, interests };
inline constexpr const char* kObjectiveNames[] = {"cities", "mines", "borders", "bases", "interests"};
// interests: the capitals and the mines ("protect corporate interests").

struct Doctrine {
  double effectiveness = 1.0;       // multiplier on the Lanchester kill rate
  double aggression = 0.5;          // chance to seek and start a fight (0-1)
  double detectability = 0.5;       // chance an enemy finds this faction's units (0-1)
  int mobility_cells = 2;           // cells a unit can move in a day (at least one whatever the terrain)
  double sense_radius_cells = 5;    // how far a unit looks for enemies and friends
  double mobile_share = 0.5;        // share of units that run operations; the rest hold posts
  double protection = 0.0;          // share of the hits on its fighters they survive (armour, air cover, medevac)
  double civilian_harm = 0.5;       // civilians killed per 100 of its fighters engaged in a full cell
  double one_sided_violence = 0.0;  // daily chance per unit of violence against civilians in a contested cell
  double reprisal_sensitivity =
      0.1;  // rise of that chance per fighter the faction lost in the last days, per 100 fighters
  double selective_victims = 0.3;      // mean extra victims of a selective killing (1 + Poisson)
  double massacre_lethality = 3.0;     // median deaths of indiscriminate violence
  double massacre_tail = 1.2;          // Pareto exponent of its sizes (lower: heavier tail)
  double scrutiny = 0.5;               // share of its abuses that outsiders see (0-1)
  double popularity = 0.0;             // effect of its presence on local legitimacy (-1 unpopular, +1 welcome)
  double air_strike_radius_cells = 0;  // reach of its air power from an open base (0: none)
  double air_strikes_per_day = 0;      // expected strikes per day for the whole faction
  double air_strike_lethality = 0.1;   // share of the targeted cell's enemy fighters killed
  double ied_rate = 0;                 // daily chance per unit of an IED against a moving enemy within reach
  double ied_lethality = 1.0;          // mean deaths of an IED
  double shelling_rate = 0;            // daily chance per unit of shelling an enemy post within reach
  double shelling_lethality = 0.3;     // mean deaths of a shelling
  double training_effect = 0.0;        // daily gain of the training level of the state whose country it is in
  double upkeep_per_fighter_day = 0;   // US dollars
  double funding_per_month = 0;        // US dollars received
  double aid_share = 0;                // state: share of that funding from partners, which reputation decides
  double recruitment_per_month = 0;    // state: fighters enlisted per month while funds last
  double recruit_rate = 0.0;           // armed groups: daily share of active supporters near its units who join
  double local_support = 0.0;          // armed groups: support in the cells within reach of its fighters at the start
  double tax_per_person_day = 0;       // insurgents: dollars raised per person in held cells
  double mine_income_per_day = 0;      // dollars per unit of mine value held
  int unit_size = 150;                 // fighters per unit when deployed or recruited
};

struct PersonalityWeights {
  double enemy = 1.0;       // toward (+) or away from (-) known hostile strength (distance-weighted)
  double friends = 0.2;     // toward friendly strength
  double objective = 1.0;   // toward the unit's objective
  double cover = 0.2;       // toward cover (savanna, urban, floodplain)
  double control = 0.3;     // toward cells its side controls
  double civilians = 0.1;   // toward populated cells
  double fighting = 0.0;    // toward where its side fought lately (the government side as a whole, or its own group)
  double raid_ratio = 0.7;  // insurgents attack only where the enemy is weaker than this times their massed strength
};

struct Deployment {
  std::string place;  // a town, camp or base of the map, or a point's label
  int troops = 0;
  std::int32_t cell = -1;  // the cell when given as a point (lat/lon); -1: look `place` up by name
};

struct FactionSpec {
  std::string name;
  FactionKind kind = FactionKind::state;
  std::string country;  // home country (ISO code), for state forces and recruits
  std::string paid_by;  // mercenaries: the faction whose budget pays their upkeep
  Objective objective = Objective::cities;
  Doctrine doctrine;
  PersonalityWeights weights;
  std::vector<Deployment> start;  // initial positions and strengths
  double start_funds = 0;
  // Countries (ISO codes) where its units may operate (its mandate). Empty:
  // the state's own country; a foreign force's or peacekeepers' countries of
  // deployment; the payer's country for mercenaries; anywhere for armed groups.
  std::vector<std::string> theatre;
};

}  // namespace sahel::model
