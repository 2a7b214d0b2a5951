// SPDX-License-Identifier: MIT
#include "scenario/sahel_tables.hpp"

namespace sahel::scenario {

using namespace model;
namespace {
const std::string kA = "assumption";
}

const std::vector<ParamSpec<CivilianParams>>& civilian_table() {
  using P = CivilianParams;
  static const std::vector<ParamSpec<P>> t = {
      integer_param("people_per_agent", &P::people_per_agent, "people", 1, 1000000,
                    "People one household agent stands for at the start (about 325,000 agents for 65 M people at 200).", kA),
      real_param("hardship_mean", &P::hardship_mean, "", 0, 1, "Mean perceived hardship H.",
                 "assumption: U(0, 0.6) here, where Epstein (2002) draws U(0,1), so that a minority is active at the "
                 "start (calibration)"),
      real_param("hardship_spread", &P::hardship_spread, "", 0, 1, "Half-width of the uniform hardship distribution.",
                 "assumption (see hardship_mean)"),
      real_param("arrest_constant_k", &P::arrest_constant_k, "", 0, 100, "Epstein's k in P = 1 - exp(-k C/(A+1)).",
                 "Epstein (2002): 2.3"),
      real_param("threshold", &P::threshold, "", -1, 1, "Epstein's T: active when G - R P > T.",
                 "assumption: 0.2 (Epstein 2002 uses 0.1), calibration with the lower hardship"),
      real_param("deterrence_per_fighter", &P::deterrence_per_fighter, "cops per fighter", 0, 100,
                 "How many Epstein 'cops' one government fighter nearby counts for.", kA),
      integer_param("sense_radius_cells", &P::sense_radius_cells, "cells", 0, 50,
                    "Radius of the square a household looks at (violence, forces, supporters).", kA),
      real_param("flee_violence", &P::flee_violence, "deaths", 0, 1e6,
                 "Recent violence nearby (decayed deaths) above which households start to flee.", kA),
      real_param("flee_rate", &P::flee_rate, "per day per death", 0, 100,
                 "Daily chance to flee = 1 - exp(-flee_rate * (violence - flee_violence)).",
                 "calibration: about 500 displaced per death, the order of the central Sahel's 2021-2023 growth in "
                 "IDPs per recorded fatality (sahel_facts.md 3.3-3.4)"),
      real_param("flee_speed_cells", &P::flee_speed_cells, "cells per day", 1, 100, "Distance a displaced household covers in a day.",
                 "assumption (Flee moves agents up to about 200 km a day by road; on foot far less)"),
      real_param("flee_distance_km", &P::flee_distance_km, "km", 1, 10000,
                 "Distance scale of destination choice: attractiveness x exp(-distance/scale).",
                 "assumption, after Flee's distance-weighted choice (Suleimenova et al. 2017)"),
      real_param("return_rate", &P::return_rate, "per day", 0, 1, "Daily chance to head home once home is calm.", kA),
      real_param("return_violence", &P::return_violence, "deaths", 0, 1e6,
                 "Recent violence near home below which home counts as calm.", kA),
  };
  return t;
}

const std::vector<ParamSpec<LegitimacyParams>>& legitimacy_table() {
  using P = LegitimacyParams;
  static const std::vector<ParamSpec<P>> t = {
      real_param("initial", &P::initial, "", 0, 1, "Local legitimacy of the state at the start, every cell.",
                 "assumption (Epstein's NetLogo default 0.82 is for a stable regime; Mali 2021 is far below)"),
      real_param("harm_sensitivity", &P::harm_sensitivity, "per death per 1,000 people", 0, 10,
                 "Loss of local legitimacy per civilian killed nearby by the government side, per 1,000 residents.",
                 "assumption (Kalyvas 2006: indiscriminate violence alienates)"),
      real_param("foreign_sensitivity", &P::foreign_sensitivity, "per day per 100 fighters", 0, 1,
                 "Daily change per 100 government-side fighters nearby, times their popularity (a loss when "
                 "unpopular, a gain when welcome).", kA),
      real_param("insecurity_sensitivity", &P::insecurity_sensitivity, "per day per death", 0, 1,
                 "Daily loss per unit of recent violence nearby (a state that cannot protect).", kA),
      real_param("protection_gain", &P::protection_gain, "per day", 0, 1,
                 "Daily gain where government forces are near and it is calm.", kA),
      real_param("recovery_rate", &P::recovery_rate, "per day", 0, 1, "Daily pull back toward the initial level.", kA),
      real_param("reputation_sensitivity", &P::reputation_sensitivity, "per death", 0, 1,
                 "Loss of the state's reputation abroad per civilian killed by the government side, times the "
                 "perpetrator's scrutiny.", kA),
      real_param("reputation_recovery", &P::reputation_recovery, "per day", 0, 1, "Daily recovery of reputation toward 1.", kA),
  };
  return t;
}

const std::vector<ParamSpec<CombatParams>>& combat_table() {
  using P = CombatParams;
  static const std::vector<ParamSpec<P>> t = {
      real_param("kill_rate", &P::kill_rate, "per enemy fighter per day", 0, 1,
                 "Lanchester attrition coefficient at effectiveness 1.", kA),
      real_param("engagement_rate", &P::engagement_rate, "per day", 0, 1,
                 "Chance that two detected hostile forces in one cell fight on a day.", kA),
      real_param("ambush_bonus", &P::ambush_bonus, "", 0, 100, "Multiplier on a raider's kill rate in an ambush.", kA),
      real_param("ambush_surprise", &P::ambush_surprise, "", 0, 10, "Multiplier on the ambushed side's kill rate.", kA),
      array_param("cover_desert", &P::cover_detection, 0, "", 0, 1, "Detection multiplier in desert.", kA),
      array_param("cover_steppe", &P::cover_detection, 1, "", 0, 1, "Detection multiplier in steppe.", kA),
      array_param("cover_savanna", &P::cover_detection, 2, "", 0, 1, "Detection multiplier in savanna.", kA),
      array_param("cover_floodplain", &P::cover_detection, 3, "", 0, 1, "Detection multiplier in the river floodplain.", kA),
      array_param("cover_urban", &P::cover_detection, 4, "", 0, 1, "Detection multiplier in towns.", kA),
      real_param("border_sanctuary", &P::border_sanctuary, "", 0, 1,
                 "Detection multiplier on border cells (cross-border sanctuaries).", kA),
      real_param("morale_loss_per_loss", &P::morale_loss_per_loss, "", 0, 100,
                 "Morale lost per share of a force's strength lost in a day.", kA),
      real_param("morale_recovery", &P::morale_recovery, "per day", 0, 1, "Daily recovery of morale toward 1.", kA),
      real_param("withdraw_morale", &P::withdraw_morale, "", 0, 1, "Below this morale a unit breaks off and withdraws.", kA),
      real_param("violence_decay", &P::violence_decay, "per day", 0, 1,
                 "Daily factor on the recent-violence layer (0.95: a half-life of about two weeks).", kA),
  };
  return t;
}

const std::vector<ParamSpec<ControlParams>>& control_table() {
  using P = ControlParams;
  static const std::vector<ParamSpec<P>> t = {
      integer_param("radius_cells", &P::radius_cells, "cells", 0, 50, "Window of presence that decides control.", kA),
      real_param("rate", &P::rate, "per day", 0, 1, "Daily pull of control toward the balance of presence.", kA),
      real_param("admin_presence", &P::admin_presence, "fighters per 1,000 people", 0, 100,
                 "Government presence from administration, per 1,000 residents, times local legitimacy.", kA),
      real_param("support_presence", &P::support_presence, "fighters per supporter", 0, 10,
                 "Insurgent presence from each active supporter.", "assumption (Kalyvas 2006: control rests on collaboration)"),
  };
  return t;
}

const std::vector<ParamSpec<Doctrine>>& doctrine_table() {
  using P = Doctrine;
  static const std::vector<ParamSpec<P>> t = {
      real_param("effectiveness", &P::effectiveness, "", 0, 100, "Multiplier on the Lanchester kill rate.", kA),
      real_param("aggression", &P::aggression, "", 0, 1, "Readiness to seek and start a fight.", kA),
      real_param("detectability", &P::detectability, "", 0, 1, "Chance that an enemy finds its units.", kA),
      integer_param("mobility_cells", &P::mobility_cells, "cells per day", 0, 50, "How far a unit moves in a day.", kA),
      real_param("sense_radius_cells", &P::sense_radius_cells, "cells", 0, 100, "How far a unit looks for enemies and friends.", kA),
      real_param("civilian_harm", &P::civilian_harm, "deaths per 100 fighters engaged", 0, 1000,
                 "Mean civilians killed per 100 fighters engaged (its own in a battle, the targets in an air strike) "
                 "in a cell of 10,000 people or more.", kA),
      real_param("one_sided_violence", &P::one_sided_violence, "per unit per day", 0, 1,
                 "Daily chance of a massacre or reprisal by a unit where people live.", kA),
      real_param("massacre_lethality", &P::massacre_lethality, "deaths", 0, 10000, "Mean deaths of such an event.", kA),
      real_param("scrutiny", &P::scrutiny, "", 0, 1, "Share of its abuses that outsiders see.", kA),
      real_param("popularity", &P::popularity, "", -1, 1,
                 "Effect of its presence on local legitimacy (negative: an unpopular foreign presence).", kA),
      real_param("air_strike_radius_cells", &P::air_strike_radius_cells, "cells", 0, 1000, "Reach of its air power (0: none).", kA),
      real_param("air_strikes_per_day", &P::air_strikes_per_day, "per day", 0, 1000, "Expected air strikes per day.", kA),
      real_param("air_strike_lethality", &P::air_strike_lethality, "", 0, 1, "Share of the targeted enemy fighters killed.", kA),
      real_param("training_effect", &P::training_effect, "per 1,000 trainers per day", 0, 10,
                 "Daily gain of the training level of the state whose country its units are in, per 1,000 of them "
                 "(x 0.001).", kA),
      real_param("upkeep_per_fighter_day", &P::upkeep_per_fighter_day, "USD", 0, 1e6, "Daily cost of a fighter.", kA),
      real_param("funding_per_month", &P::funding_per_month, "USD", 0, 1e12, "Money received each month.", kA),
      real_param("recruitment_per_month", &P::recruitment_per_month, "fighters", 0, 1e6,
                 "State: fighters enlisted each month while funds are positive.", kA),
      real_param("recruit_rate", &P::recruit_rate, "per day", 0, 1,
                 "Insurgents: daily share of active supporters near its units who join.", kA),
      real_param("tax_per_person_day", &P::tax_per_person_day, "USD", 0, 1000, "Insurgents: daily tax per person in held cells.", kA),
      real_param("mine_income_per_day", &P::mine_income_per_day, "USD", 0, 1e9,
                 "Insurgents: daily income per unit of mine value held.", kA),
      integer_param("unit_size", &P::unit_size, "fighters", 1, 100000, "Fighters per unit when deployed or recruited.",
                    "assumption (company size, MODEL.md)"),
  };
  return t;
}

const std::vector<ParamSpec<PersonalityWeights>>& weights_table() {
  using P = PersonalityWeights;
  const std::string src = "assumption (personality weights as in MANA and EINSTein, Ilachinski 2004)";
  static const std::vector<ParamSpec<P>> t = {
      real_param("enemy", &P::enemy, "", -100, 100, "Toward (+) or away from (-) hostile strength.", src),
      real_param("friends", &P::friends, "", -100, 100, "Toward friendly strength.", src),
      real_param("objective", &P::objective, "", -100, 100, "Toward the unit's objective.", src),
      real_param("cover", &P::cover, "", -100, 100, "Toward cover.", src),
      real_param("control", &P::control, "", -100, 100, "Toward cells its side controls.", src),
      real_param("civilians", &P::civilians, "", -100, 100, "Toward populated cells.", src),
      real_param("raid_ratio", &P::raid_ratio, "", 0, 100,
                 "Insurgents attack only forces weaker than this times their own strength.", src),
  };
  return t;
}

const std::vector<ParamSpec<Extent>>& extent_table() {
  using P = Extent;
  static const std::vector<ParamSpec<P>> t = {
      real_param("lon_min", &P::lon_min, "degrees", -180, 180, "Western edge.", "MODEL.md: about -12.5"),
      real_param("lon_max", &P::lon_max, "degrees", -180, 180, "Eastern edge (16.0 holds all of Niger).", "Niger's eastern border, DCW"),
      real_param("lat_min", &P::lat_min, "degrees", -90, 90, "Southern edge.", "MODEL.md: about 9.4"),
      real_param("lat_max", &P::lat_max, "degrees", -90, 90, "Northern edge.", "MODEL.md: about 25"),
      real_param("cell_deg", &P::cell_deg, "degrees", 0.01, 2, "Cell size (0.05, 0.1 and 0.25 tested).", "MODEL.md: 0.1"),
  };
  return t;
}

const std::vector<ParamSpec<GeographyParams>>& geography_table() {
  using P = GeographyParams;
  static const std::vector<ParamSpec<P>> t = {
      real_param("desert_south_lat", &P::desert_south_lat, "degrees", -90, 90, "Desert north of this latitude.",
                 "assumption (about the 200 mm isohyet)"),
      real_param("steppe_south_lat", &P::steppe_south_lat, "degrees", -90, 90, "Steppe (Sahel) between this and the desert.",
                 "assumption (about the 600 mm isohyet)"),
      real_param("floodplain_km", &P::floodplain_km, "km", 0, 200, "Floodplain within this distance of the Niger.", kA),
      real_param("urban_min_population", &P::urban_min_population, "people", 0, 1e8, "A place this large makes its cell urban.", kA),
      array_param("rural_weight_desert", &P::rural_weight, 0, "", 0, 1000, "Relative rural density, desert.", kA),
      array_param("rural_weight_steppe", &P::rural_weight, 1, "", 0, 1000, "Relative rural density, steppe.", kA),
      array_param("rural_weight_savanna", &P::rural_weight, 2, "", 0, 1000, "Relative rural density, savanna.", kA),
      array_param("rural_weight_floodplain", &P::rural_weight, 3, "", 0, 1000, "Relative rural density, floodplain.", kA),
      array_param("rural_weight_urban", &P::rural_weight, 4, "", 0, 1000, "Relative rural density, urban cells.", kA),
      array_param("movement_cost_desert", &P::movement_cost, 0, "", 1, 100, "Movement cost, desert.", kA),
      array_param("movement_cost_steppe", &P::movement_cost, 1, "", 1, 100, "Movement cost, steppe.", kA),
      array_param("movement_cost_savanna", &P::movement_cost, 2, "", 1, 100, "Movement cost, savanna.", kA),
      array_param("movement_cost_floodplain", &P::movement_cost, 3, "", 1, 100, "Movement cost, floodplain.", kA),
      array_param("movement_cost_urban", &P::movement_cost, 4, "", 1, 100, "Movement cost, towns.", kA),
  };
  return t;
}

}  // namespace sahel::scenario
