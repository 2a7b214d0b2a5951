// SPDX-License-Identifier: MIT
#include "scenario/sahel_tables.hpp"

#include <algorithm>
#include <stdexcept>

namespace sahel::scenario {

using namespace model;
namespace {
const std::string kA = "assumption";
}

const std::vector<ParamSpec<CivilianParams>>& civilian_table() {
  using P = CivilianParams;
  static const std::vector<ParamSpec<P>> t = {
      integer_param("people_per_agent", &P::people_per_agent, "people", 1, 1000000,
                    "People one household agent stands for at the start (about 325,000 agents for 65 M people at 200).",
                    kA),
      real_param("hardship_mean", &P::hardship_mean, "", 0, 1, "Mean perceived hardship H.",
                 "assumption: U(0, 0.5) here, where Epstein (2002) draws U(0,1), so that only a small minority is "
                 "active (armed groups of a few thousand fighters each)"),
      real_param("hardship_spread", &P::hardship_spread, "", 0, 1, "Half-width of the uniform hardship distribution.",
                 "assumption (see hardship_mean)"),
      real_param("arrest_constant_k", &P::arrest_constant_k, "", 0, 100, "Epstein's k in P = 1 - exp(-k C/(A+1)).",
                 "Epstein (2002): 2.3"),
      real_param("threshold", &P::threshold, "", -1, 1, "Epstein's T: active when G - R P > T.", "Epstein (2002): 0.1"),
      real_param("deterrence_per_fighter", &P::deterrence_per_fighter, "cops per fighter", 0, 100,
                 "How many Epstein 'cops' one government fighter nearby counts for.", kA),
      integer_param("sense_radius_cells", &P::sense_radius_cells, "cells", 0, 50,
                    "Radius of the square a household looks at (forces, supporters, recruiters).", kA),
  };
  return t;
}

const std::vector<ParamSpec<FlightParams>>& flight_table() {
  using P = FlightParams;
  const std::string flee = "assumption, after Flee (Suleimenova et al. 2017): flight from conflict to safety";
  static const std::vector<ParamSpec<P>> t = {
      integer_param("radius_cells", &P::radius_cells, "cells", 0, 50,
                    "Harm and fighting within this many cells of a household make it flee.", flee),
      real_param("per_death", &P::per_death, "per day per death per 1,000 residents", 0, 1000,
                 "Daily hazard of flight per remembered civilian death nearby, per 1,000 residents of that window.",
                 "calibration: displacement per death (docs/validation.md)"),
      real_param("per_battle", &P::per_battle, "per day per battle", 0, 100,
                 "Daily hazard of flight per remembered battle nearby.", "calibration (docs/validation.md)"),
      real_param(
          "insurgent_rule", &P::insurgent_rule, "per day", 0, 1,
          "Daily hazard under insurgent control (Kalyvas zones 4-5), times the household's support for the state.",
          "assumption (people who back the state leave ground the groups take), level set by calibration to the "
          "displacement stocks (docs/validation.md)"),
      real_param("memory_decay", &P::memory_decay, "per day", 0, 1,
                 "Daily factor on remembered deaths and battles (0.93: a half-life of about 10 days).", kA),
      real_param("speed_cells", &P::speed_cells, "cells per day", 1, 100,
                 "Distance a displaced household covers in a day.",
                 "assumption (Flee moves agents up to about 200 km a day by road; on foot far less)"),
      real_param("distance_km", &P::distance_km, "km", 1, 10000,
                 "Distance scale of destination choice: weight x exp(-distance x movement cost / scale).",
                 "assumption, after Flee's distance-weighted choice (Suleimenova et al. 2017)"),
      real_param("abroad_preference", &P::abroad_preference, "", 0, 10,
                 "Multiplier on the attractiveness of a destination in another country than home.",
                 "calibration: about 2.1 M IDPs against 0.41 M refugees in the central Sahel, late 2021 (UNHCR)"),
      real_param("camp_pull", &P::camp_pull, "", 0, 100, "Multiplier on a camp's pull against a town of the same size.",
                 flee),
      real_param("return_rate", &P::return_rate, "per day", 0, 1, "Daily chance to head home once home is calm.",
                 "calibration: Mali's IDPs fell from about 350,000 (2013) to 61,621 (Dec 2014) (IDMC; IOM DTM)"),
      real_param("refugee_return_rate", &P::refugee_return_rate, "per day", 0, 1,
                 "Daily chance that people living abroad head home once home is calm.",
                 "calibration: Malian refugees in Mauritania, Niger and Burkina Faso stayed about 135,000-140,000 "
                 "from 2016 to 2020 (UNHCR)"),
      real_param("return_hazard", &P::return_hazard, "per day", 0, 1,
                 "Hazard of flight at home below which home counts as calm.", kA),
  };
  return t;
}

const std::vector<ParamSpec<LegitimacyParams>>& legitimacy_table() {
  using P = LegitimacyParams;
  const std::string cs = "assumption, after Condra & Shapiro (2012): civilians blame the perpetrator";
  static const std::vector<ParamSpec<P>> t = {
      real_param("initial", &P::initial, "", 0, 1,
                 "Support for the state side at the start, every cell, and the level it recovers to.",
                 "assumption (Epstein's NetLogo default 0.82 is for a stable regime; Mali 2021 is far below)"),
      integer_param("radius_cells", &P::radius_cells, "cells", 0, 50,
                    "Harm and protection are felt within this radius.", kA),
      real_param("harm_sensitivity", &P::harm_sensitivity, "per death per 1,000 residents", 0, 100,
                 "Support lost by the perpetrator's side per civilian it killed nearby, per 1,000 residents.", cs),
      real_param("selective_blame", &P::selective_blame, "", 0, 1,
                 "Share of that loss for a selective killing (the victims named by informants).",
                 "assumption, after Kalyvas (2006): selective violence alienates less than indiscriminate"),
      real_param("fear_gain", &P::fear_gain, "per death per 1,000 residents", 0, 100,
                 "Compliance the perpetrator gains per civilian it killed nearby, per 1,000 residents.",
                 "assumption, after Lyall (2009): violence can suppress in the short run"),
      real_param("fear_decay", &P::fear_decay, "per day", 0, 1, "Daily decay of compliance.", kA),
      real_param("protection_gain", &P::protection_gain, "per day", 0, 1,
                 "Daily gain of the state's support where government forces are near and nobody was killed lately.",
                 kA),
      real_param("governance_gain", &P::governance_gain, "per day", 0, 1,
                 "Daily gain of a group's support (times what is left to win) where it holds the ground (zones 4-5).",
                 "assumption: insurgent courts, order and taxation (Kalyvas 2006, ch. 5)"),
      real_param("recovery_rate", &P::recovery_rate, "per day", 0, 1,
                 "Daily pull of the state's support toward its baseline, and of a group's toward nothing.", kA),
      real_param("foreign_resentment_rate", &P::foreign_resentment_rate, "per day", 0, 1,
                 "Daily pull of a country's resentment of the foreign troops it hosts toward its level "
                 "1 - exp(-sum of -popularity x fighters / 1,000).",
                 kA),
      real_param("foreign_resentment_weight", &P::foreign_resentment_weight, "", 0, 1,
                 "Fall of the state's baseline support at full resentment of foreign troops.",
                 "assumption: the anti-French protests of 2019-2021 weighed on governments hosting Barkhane"),
      real_param("reputation_sensitivity", &P::reputation_sensitivity, "per death", 0, 1,
                 "Loss of a state's reputation abroad per civilian killed by the government side in its country, "
                 "times the perpetrator's scrutiny.",
                 kA),
      real_param("reputation_recovery", &P::reputation_recovery, "per day", 0, 1,
                 "Daily recovery of reputation toward 1 (0.005: a half-life of about 140 days).", kA),
      real_param("aid_floor", &P::aid_floor, "", 0, 0.999,
                 "Reputation at or below which partners' aid (a state's aid_share of its funding) stops.", kA),
  };
  return t;
}

const std::vector<ParamSpec<CombatParams>>& combat_table() {
  using P = CombatParams;
  static const std::vector<ParamSpec<P>> t = {
      real_param("kill_rate", &P::kill_rate, "per enemy fighter per engagement", 0, 1,
                 "Lanchester attrition coefficient at effectiveness 1 and intensity 1.",
                 "calibration: battle deaths in Mali (UCDP) and about 3 deaths per battle (ACLED 2017: 620 in 191 "
                 "battles, ACCORD 2018); docs/validation.md"),
      real_param("engagement_rate", &P::engagement_rate, "per day", 0, 1,
                 "Chance that hostile units meeting by chance (or a pursuer that found its quarry) in one cell fight.",
                 kA),
      real_param("ambush_bonus", &P::ambush_bonus, "", 0, 100,
                 "Multiplier on a raider's kill rate against a moving force.", kA),
      real_param("ambush_surprise", &P::ambush_surprise, "", 0, 10, "Multiplier on the ambushed side's kill rate.", kA),
      real_param("post_defence", &P::post_defence, "", 0.01, 100,
                 "Defenders' advantage in a post they hold: their kill rate times this, the raiders' divided by it.",
                 kA),
      real_param("intensity_sigma", &P::intensity_sigma, "", 0, 5,
                 "Log-sd of an engagement's intensity (lognormal, mean 1): many small clashes, a few large ones.", kA),
      array_param("cover_desert", &P::cover_detection, 0, "", 0, 1, "Detection multiplier in desert.", kA),
      array_param("cover_steppe", &P::cover_detection, 1, "", 0, 1, "Detection multiplier in steppe.", kA),
      array_param("cover_savanna", &P::cover_detection, 2, "", 0, 1, "Detection multiplier in savanna.", kA),
      array_param("cover_floodplain", &P::cover_detection, 3, "", 0, 1, "Detection multiplier in the river floodplain.",
                  kA),
      array_param("cover_urban", &P::cover_detection, 4, "", 0, 1, "Detection multiplier in towns.", kA),
      real_param("border_sanctuary", &P::border_sanctuary, "", 0, 1,
                 "Detection multiplier on border cells (cross-border sanctuaries).", kA),
      real_param("morale_loss_per_loss", &P::morale_loss_per_loss, "", 0, 100,
                 "Morale lost per share of a force's strength lost in a day.", kA),
      real_param("morale_recovery", &P::morale_recovery, "per day", 0, 1, "Daily recovery of morale toward 1.", kA),
      real_param("withdraw_morale", &P::withdraw_morale, "", 0, 1, "Below this morale a unit breaks off and withdraws.",
                 kA),
      real_param("fatigue", &P::fatigue, "", 0, 1,
                 "Morale every unit in an engagement spends, whatever the losses: after a fight a unit rests.",
                 "assumption: operational tempo (raids weeks apart)"),
      real_param("ready_morale", &P::ready_morale, "", 0, 1,
                 "Below this morale a unit does not seek a fight (no raid, no pursuit) until it has recovered.",
                 "assumption: operational tempo (with morale_recovery 0.02, about a month after a fight)"),
      real_param("violence_decay", &P::violence_decay, "per day", 0, 1,
                 "Daily factor on the recent-violence layer and on factions' memory of their losses (0.95: a "
                 "half-life of about 13.5 days).",
                 kA),
  };
  return t;
}

const std::vector<ParamSpec<OperationParams>>& operations_table() {
  using P = OperationParams;
  static const std::vector<ParamSpec<P>> t = {
      integer_param("mass_radius_cells", &P::mass_radius_cells, "cells", 0, 50,
                    "An armed group's units within this radius of a target count together in the local odds.",
                    "assumption: attacks massed from several detachments (Boulkessi, Indelimane, Inates 2019)"),
      real_param("base_detection", &P::base_detection, "", 0, 1,
                 "Share of hostile strength a faction knows of where the residents give it nothing; informants add "
                 "the rest in proportion to their net loyalty.",
                 "assumption, after Kalyvas (2006, ch. 7): information comes from civilians"),
      real_param("heat_decay", &P::heat_decay, "per day", 0, 1,
                 "Daily factor on the record of where each side fought (what mercenaries and reprisals follow).", kA),
      integer_param("contest_radius_cells", &P::contest_radius_cells, "cells", 0, 100,
                    "Enemy fighters within this radius make a cell contested (no violence against civilians in a "
                    "quiet rear).",
                    "assumption, after Kalyvas (2006): violence follows contestation"),
      real_param("draw_cap_fighters", &P::draw_cap_fighters, "fighters", 0, 1e9,
                 "Known hostile fighters in one cell count at most this much in what draws an armed group from "
                 "afar: a large garrison draws no more than a post (up close the whole of it repels).",
                 "assumption: violence in the capitals was rare (Niamey, Ouagadougou, Bamako under 5% of events, "
                 "UCDP GED 2017-2021)"),
  };
  return t;
}

const std::vector<ParamSpec<ControlParams>>& control_table() {
  using P = ControlParams;
  static const std::vector<ParamSpec<P>> t = {
      integer_param("radius_cells", &P::radius_cells, "cells", 0, 50, "Window of armed presence that decides control.",
                    kA),
      real_param("rate", &P::rate, "per day", 0, 1, "Daily pull of control toward the balance of presence.", kA),
      real_param("admin_presence", &P::admin_presence, "per 1,000 people", 0, 100,
                 "Presence of the state's administration (or a group's governance) per 1,000 residents, times its "
                 "support and compliance.",
                 "assumption (Kalyvas 2006: control rests on collaboration)"),
      integer_param("admin_radius_cells", &P::admin_radius_cells, "cells", 0, 500,
                    "Administration or governance counts only where the side's fighters stand within this radius: no "
                    "fighters in reach, no control.",
                    "assumption (about 90 km at 0.1 degree: an administration stays about as far from the army as a "
                    "day's drive), set with the fall of the north in 2012 and the displacement stocks "
                    "(docs/validation.md)"),
      real_param("min_presence", &P::min_presence, "fighters", 0, 1e6,
                 "Presence below which a cell drifts to nobody's control.", kA),
  };
  return t;
}

const std::vector<ParamSpec<Doctrine>>& doctrine_table() {
  using P = Doctrine;
  static const std::vector<ParamSpec<P>> t = {
      real_param("effectiveness", &P::effectiveness, "", 0, 100, "Multiplier on the Lanchester kill rate.", kA),
      real_param("aggression", &P::aggression, "", 0, 1, "Readiness to seek and start a fight.", kA),
      real_param("detectability", &P::detectability, "", 0, 1, "Chance that an enemy finds its units.", kA),
      integer_param("mobility_cells", &P::mobility_cells, "cells per day", 0, 50,
                    "How far a unit moves in a day (steps x movement cost; a neighbouring cell is always in reach).",
                    kA),
      real_param("sense_radius_cells", &P::sense_radius_cells, "cells", 0, 100,
                 "How far a unit looks for enemies and friends.", kA),
      real_param("mobile_share", &P::mobile_share, "", 0, 1,
                 "Share of its units that run operations (pursuit, raids, patrols); the others hold posts.", kA),
      real_param("protection", &P::protection, "", 0, 0.99,
                 "Share of the hits on its fighters (battles, IEDs, shelling, air strikes) that they survive: armour, "
                 "air cover, medical evacuation.",
                 "assumption: French forces lost about 6 a year in the Sahel 2019-2021 (AFP counts) while the "
                 "Malian army lost hundreds"),
      real_param("civilian_harm", &P::civilian_harm, "deaths per 100 fighters engaged", 0, 1000,
                 "Mean civilians killed per 100 fighters engaged (its own in a battle, the targets in an air strike) "
                 "in a cell of 10,000 people or more.",
                 kA),
      real_param("one_sided_violence", &P::one_sided_violence, "per unit per day", 0, 1,
                 "Daily chance of violence against civilians by a unit in a fully contested cell (times 0.25 + "
                 "suspicion, and the reprisal factor).",
                 "assumption, after Kalyvas (2006)"),
      real_param("reprisal_sensitivity", &P::reprisal_sensitivity, "per fighter lost per 100", 0, 100,
                 "Rise of that chance per fighter the faction lost lately, per 100 of its fighters.",
                 "assumption, after Kalyvas (2006): violence follows losses"),
      real_param("selective_victims", &P::selective_victims, "people", 0, 1000,
                 "Mean extra victims of a selective killing (1 + Poisson).",
                 "calibration: ACLED Mali 2017, 238 deaths in 132 events (ACCORD 2018)"),
      real_param("massacre_lethality", &P::massacre_lethality, "deaths", 0, 10000,
                 "Median deaths of indiscriminate violence (Pareto sizes).",
                 "calibration: ACLED Mali 2017-2019 means of 1.8-3.0 deaths per event"),
      real_param("massacre_tail", &P::massacre_tail, "", 0.1, 10,
                 "Pareto exponent of the sizes of indiscriminate violence (lower: rarer but larger massacres).",
                 "assumption: a heavy tail (Ogossagou 2019: 157 killed; Solhan 2021: 132)"),
      real_param("scrutiny", &P::scrutiny, "", 0, 1, "Share of its abuses that outsiders see.", kA),
      real_param("popularity", &P::popularity, "", -1, 1,
                 "Effect of its presence on local legitimacy (negative: an unpopular foreign presence).", kA),
      real_param("air_strike_radius_cells", &P::air_strike_radius_cells, "cells", 0, 1000,
                 "Reach of its air power from an open base (its objective cells in its theatre); 0: none.", kA),
      real_param("air_strikes_per_day", &P::air_strikes_per_day, "per day", 0, 1000, "Expected air strikes per day.",
                 kA),
      real_param("air_strike_lethality", &P::air_strike_lethality, "", 0, 1,
                 "Share of the targeted enemy fighters killed.", kA),
      real_param("ied_rate", &P::ied_rate, "per unit per day", 0, 1,
                 "Daily chance that a unit hits an enemy unit on the move within two cells with an IED.",
                 "calibration: ACLED Mali 2017, 92 remote-violence events (ACCORD 2018)"),
      real_param("ied_lethality", &P::ied_lethality, "deaths", 0, 1000, "Mean deaths of an IED.",
                 "calibration: ACLED Mali 2017, 89 deaths in 92 remote-violence events (ACCORD 2018)"),
      real_param("shelling_rate", &P::shelling_rate, "per unit per day", 0, 1,
                 "Daily chance that a unit shells an enemy post one or two cells away.", kA),
      real_param("shelling_lethality", &P::shelling_lethality, "deaths", 0, 1000, "Mean deaths of a shelling.", kA),
      real_param("training_effect", &P::training_effect, "per 1,000 trainers per day", 0, 10,
                 "Daily gain of the training level of the state whose country its units are in, per 1,000 of them "
                 "(x 0.001).",
                 kA),
      real_param("upkeep_per_fighter_day", &P::upkeep_per_fighter_day, "USD", 0, 1e6, "Daily cost of a fighter.", kA),
      real_param("funding_per_month", &P::funding_per_month, "USD", 0, 1e12, "Money received each month.", kA),
      real_param("aid_share", &P::aid_share, "", 0, 1,
                 "State: share of that funding from foreign partners, paid in full while reputation is high and not "
                 "at all at or below legitimacy.aid_floor.",
                 kA),
      real_param("recruitment_per_month", &P::recruitment_per_month, "fighters", 0, 1e6,
                 "State: fighters enlisted each month while funds are positive.", kA),
      real_param("recruit_rate", &P::recruit_rate, "per day", 0, 1,
                 "Insurgents: daily share of active supporters near its units who join.", kA),
      real_param("local_support", &P::local_support, "", 0, 1,
                 "Armed groups: support in the cells where its fighters stand at the start, falling to nothing at "
                 "control.admin_radius_cells.",
                 kA),
      real_param("tax_per_person_day", &P::tax_per_person_day, "USD", 0, 1000,
                 "Insurgents: daily tax per person in held cells.", kA),
      real_param("mine_income_per_day", &P::mine_income_per_day, "USD", 0, 1e9,
                 "Insurgents: daily income per unit of mine value held; mercenaries: the default income per unit of "
                 "value of the mines a contract concedes them (contract_start).",
                 kA),
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
      real_param("fighting", &P::fighting, "", -100, 100,
                 "Toward where its side fought lately: for a government-side force (mercenaries with the army that "
                 "pays them) where the government side fought, for an armed group where it fought.",
                 src),
      real_param("raid_ratio", &P::raid_ratio, "", 0, 100,
                 "Armed groups attack only where the enemy within one cell is weaker than this times their massed "
                 "strength within operations.mass_radius_cells.",
                 src),
  };
  return t;
}

const std::vector<ParamSpec<Extent>>& extent_table() {
  using P = Extent;
  static const std::vector<ParamSpec<P>> t = {
      real_param("lon_min", &P::lon_min, "degrees", -180, 180, "Western edge.", "MODEL.md: about -12.5"),
      real_param("lon_max", &P::lon_max, "degrees", -180, 180, "Eastern edge (16.0 holds all of Niger).",
                 "Niger's eastern border, DCW"),
      real_param("lat_min", &P::lat_min, "degrees", -90, 90, "Southern edge.", "MODEL.md: about 9.4"),
      real_param("lat_max", &P::lat_max, "degrees", -90, 90, "Northern edge.", "MODEL.md: about 25"),
      real_param("cell_deg", &P::cell_deg, "degrees", 0.01, 2, "Cell size (0.05, 0.1 and 0.25 tested).",
                 "MODEL.md: 0.1"),
  };
  return t;
}

const std::vector<ParamSpec<GeographyParams>>& geography_table() {
  using P = GeographyParams;
  static const std::vector<ParamSpec<P>> t = {
      real_param("desert_south_lat", &P::desert_south_lat, "degrees", -90, 90, "Desert north of this latitude.",
                 "assumption (about the 200 mm isohyet)"),
      real_param("steppe_south_lat", &P::steppe_south_lat, "degrees", -90, 90,
                 "Steppe (Sahel) between this and the desert.", "assumption (about the 600 mm isohyet)"),
      real_param("floodplain_km", &P::floodplain_km, "km", 0, 200, "Floodplain within this distance of the Niger.", kA),
      real_param("urban_min_population", &P::urban_min_population, "people", 0, 1e8,
                 "A place this large makes its cell urban.", kA),
      array_param("rural_weight_desert", &P::rural_weight, 0, "", 0, 1000, "Relative rural density, desert.", kA),
      array_param("rural_weight_steppe", &P::rural_weight, 1, "", 0, 1000, "Relative rural density, steppe.", kA),
      array_param("rural_weight_savanna", &P::rural_weight, 2, "", 0, 1000, "Relative rural density, savanna.", kA),
      array_param("rural_weight_floodplain", &P::rural_weight, 3, "", 0, 1000, "Relative rural density, floodplain.",
                  kA),
      array_param("rural_weight_urban", &P::rural_weight, 4, "", 0, 1000, "Relative rural density, urban cells.", kA),
      array_param("movement_cost_desert", &P::movement_cost, 0, "", 1, 100, "Movement cost, desert.", kA),
      array_param("movement_cost_steppe", &P::movement_cost, 1, "", 1, 100, "Movement cost, steppe.", kA),
      array_param("movement_cost_savanna", &P::movement_cost, 2, "", 1, 100, "Movement cost, savanna.", kA),
      array_param("movement_cost_floodplain", &P::movement_cost, 3, "", 1, 100, "Movement cost, floodplain.", kA),
      array_param("movement_cost_urban", &P::movement_cost, 4, "", 1, 100, "Movement cost, towns.", kA),
      real_param("town_density", &P::town_density, "people per km2", 1, 1e6,
                 "People per km2 of a town: a town covers max(1, round(population / density / cell area)) cells.",
                 "assumption: about Bamako's density (1.8 M people on some 245 km2 in 2009)"),
  };
  return t;
}

const std::vector<KeySpec>& sahel_top_keys() {
  static const std::vector<KeySpec> t = {
      {"start_date", "date", "required", "YYYY-MM-DD, a real calendar date", "First day of the run (tick 0)."},
      {"map", "section", "required", "file plus the keys of map.*", "The vector map and how it is rasterised."},
      {"civilians", "section", "all defaults", "the keys of civilians.*", "Households: activation and recruitment."},
      {"flight", "section", "all defaults", "the keys of flight.*", "Flight from harm, destinations, return."},
      {"legitimacy", "section", "all defaults", "the keys of legitimacy.*",
       "Allegiance per side, blame, fear, reputation."},
      {"combat", "section", "all defaults", "the keys of combat.*", "Engagements, losses, morale."},
      {"operations", "section", "all defaults", "the keys of operations.*", "What forces know and how they mass."},
      {"control", "section", "all defaults", "the keys of control.*", "Control and Kalyvas zones."},
      {"initial", "section", "none", "spin_up_days, displaced and support (initial.*)",
       "How the run starts: a spin-up before the start date, the displaced people of the start date, and the "
       "regions where the state is weakest."},
      {"output", "section", "all defaults", "the keys of output.*", "What a run writes besides the time series."},
      {"factions", "list", "required", "1 to 100 factions (factions[i].*)", "The armed actors."},
      {"hostility", "list", "none", "pairs [A, B] of two different faction names",
       "Who fights whom at the start (symmetric); unpaired factions do not fight."},
      {"events", "list", "none", "events (events[i].*)", "The dated timeline."},
  };
  return t;
}

const std::vector<KeySpec>& map_keys() {
  static const std::vector<KeySpec> t = {
      {"file", "path", "required", "an existing vector map file, relative to the scenario file that sets it",
       "The vector map (countries, river, towns and camps, mines, bases), e.g. maps/sahel.yaml."},
  };
  return t;
}

const std::vector<KeySpec>& faction_keys() {
  static const std::vector<KeySpec> t = {
      {"name", "text", "required", "unique among the factions",
       "Used in hostility pairs, events, paid_by and the outputs."},
      {"kind", "choice", "required", "state, foreign, mercenary, militant, separatist, peacekeeper",
       "Decides the side: state, foreign, mercenary and peacekeeper are the government side; militant and "
       "separatist the insurgent side."},
      {"country", "text", "empty", "state: the ISO code of a country of the map; other kinds: any text",
       "Home country. A state is the state of that map country (its objectives, capital, training); a faction's "
       "coups hit this country."},
      {"paid_by", "faction", "itself", "the name of another faction",
       "The faction whose funds pay this faction's upkeep (mercenaries)."},
      {"objective", "choice", "cities", "cities, mines, borders, bases, interests",
       "Where its units head when nothing else draws them (interests: the capitals and the mines)."},
      {"funds", "number", "0", "-10^12 to 10^12 USD", "Funds at the start."},
      {"start", "list", "none", "items {place, troops} (factions[i].start[j].*)",
       "Initial positions and strengths, cut into units of unit_size."},
      {"theatre", "list", "by kind", "ISO codes of countries of the map",
       "Where its units may operate (its mandate). Default: a state its own country; a foreign force or "
       "peacekeepers the countries of their starting places; mercenaries their payer's country; armed groups "
       "anywhere. A deployment or contract in another country adds it."},
      {"doctrine", "section", "all defaults", "the keys of factions[i].doctrine.*", "How the faction fights and pays."},
      {"weights", "section", "all defaults", "the keys of factions[i].weights.*", "Personality weights of movement."},
  };
  return t;
}

const std::vector<KeySpec>& initial_keys() {
  static const std::vector<KeySpec> t = {
      {"spin_up_days", "integer", "0", "0 to 3,650 days",
       "Days run before start_date with the starting forces, no dated events and nobody displaced, and not "
       "recorded: the war settles (control, allegiance, positions) before day 0, and the run's accounts start "
       "from there."},
      {"displaced", "list", "none", "items {country, idps} or {from, host, refugees}, each with an optional source",
       "Displaced people on the start date: IDPs of a country, or refugees from a country living in another."},
      {"support", "list", "none", "items {place, radius_km, legitimacy, source}",
       "Regions whose people back the state less than legitimacy.initial at the start and tend back to that "
       "level (the lowest of overlapping regions)."},
  };
  return t;
}

const std::vector<KeySpec>& support_region_keys() {
  static const std::vector<KeySpec> t = {
      {"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}", "The region's centre."},
      {"radius_km", "number", "required", "0 to 5,000 km", "The region's radius."},
      {"legitimacy", "number", "required", "0 to 1", "Support for the state side there."},
      {"source", "text", "none", "any text", "Why (kept in the resolved scenario)."},
  };
  return t;
}

const std::vector<KeySpec>& displaced_keys() {
  static const std::vector<KeySpec> t = {
      {"country", "country", "required for idps", "the ISO code of a core country of the map", "Whose IDPs."},
      {"idps", "integer", "required with country", "0 to 100,000,000 people", "People displaced inside the country."},
      {"from", "country", "required for refugees", "the ISO code of a core country of the map", "Refugees' country."},
      {"host", "country", "required with from", "the ISO code of another country of the map", "Where they live."},
      {"refugees", "integer", "required with from", "0 to 100,000,000 people", "People from `from` living in `host`."},
      {"source", "text", "none", "any text", "Where the figure comes from (kept in the resolved scenario)."},
  };
  return t;
}

const std::vector<KeySpec>& deployment_keys() {
  static const std::vector<KeySpec> t = {
      {"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}",
       "Where the troops stand at the start."},
      {"troops", "integer", "required", "0 to 10,000,000 fighters", "Fighters there."},
  };
  return t;
}

const std::vector<KeySpec>& event_common_keys() {
  static const std::vector<KeySpec> t = {
      {"name", "text", "none", "any text",
       "Identifies the event when scenarios merge through extends: (give every event one)."},
      {"date", "date", "required (or tick)", "YYYY-MM-DD within the run", "The day it takes effect."},
      {"tick", "integer", "required (or date)", "0 to the run's ticks",
       "The day it takes effect, in days after start_date."},
      {"type", "choice", "required",
       "deploy, withdraw, doctrine, hostility, sanctions, coup, set, legitimacy_shock, contract_start, contract_end, "
       "base_open, base_close, border_closure",
       "What happens; each type has the keys listed under it."},
      {"note", "text", "the type", "any text", "Written to the event log."},
  };
  return t;
}

namespace {
const KeySpec kFaction{"faction", "faction", "required", "a faction name", "The faction concerned."};
const KeySpec kPlace{"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}", "Where."};
const KeySpec kUntil{"until", "date", "the event's date", "YYYY-MM-DD, on or after the event's date, within the run",
                     "Last day of the schedule."};
}  // namespace

const std::vector<EventTypeSpec>& event_types() {
  using T = EventType;
  static const std::vector<EventTypeSpec> t = {
      {T::deploy,
       "New units of the faction at the place, cut into units of unit_size (counted as deployed).",
       kA,
       {kFaction, kPlace, {"troops", "integer", "required", "1 to 10,000,000 fighters", "How many arrive."}}},
      {T::withdraw,
       "Removes that many of the faction's fighters (in country only, if given; at most those present on the day), "
       "evenly day by day until `until`, largest units first; with all, on the last day every fighter still there "
       "leaves, and with a country the faction never enters it again. Schedules run side by side.",
       kA,
       {kFaction,
        {"troops", "integer or all", "required", "1 to 10,000,000 fighters, or all", "How many leave."},
        kUntil,
        {"country", "country", "anywhere", "the ISO code of a country of the map", "Only from this country."}}},
      {T::doctrine,
       "Sets the listed doctrine values of the faction from that day (funding_per_month, upkeep_per_fighter_day, "
       "aggression, ...).",
       kA,
       {kFaction,
        {"set", "mapping", "required", "keys of factions[i].doctrine.* with their ranges", "The new values."}}},
      {T::hostility,
       "The two factions start or stop fighting each other (symmetric).",
       kA,
       {{"factions", "list", "required", "two faction names [A, B]", "The pair."},
        {"hostile", "boolean", "required", "true or false", "Start (true) or stop (false) fighting."}}},
      {T::sanctions,
       "The faction's monthly funding is multiplied by 1 - budget_cut until `until`, then restored.",
       kA,
       {kFaction,
        {"budget_cut", "number", "required", "0 to 1 (share of the budget)", "The cut."},
        {"until", "date", "the end of the run", "YYYY-MM-DD within the run", "Last day of the sanctions."}}},
      {T::coup,
       "Local legitimacy falls by legitimacy_drop in every cell of the faction's country (everywhere if its "
       "country is not a map country); its units lose morale_shock morale.",
       kA,
       {kFaction,
        {"legitimacy_drop", "number", "0", "0 to 1", "Fall of local legitimacy."},
        {"morale_shock", "number", "0", "0 to 1", "Morale lost by the faction's units."}}},
      {T::set,
       "Model-wide parameters change from that day, as if the scenario had set them from the start "
       "(legitimacy.initial moves the level recovery pulls back to, not the layer).",
       kA,
       {{"set", "mapping", "required",
         "dotted keys civilians.*, flight.*, legitimacy.*, combat.*, operations.*, control.* with their ranges, except "
         "civilians.people_per_agent, civilians.hardship_mean and civilians.hardship_spread (read only at the start)",
         "The new values, e.g. {combat.kill_rate: 0.02}."}}},
      {T::legitimacy_shock,
       "Local legitimacy jumps by `change` (clamped to 0-1) in every cell of the country, or of the map; "
       "legitimacy.recovery_rate then pulls it back.",
       kA,
       {{"change", "number", "required", "-1 to 1", "The jump: negative a loss (a scandal), positive a gain."},
        {"country", "country", "the whole map", "the ISO code of a country of the map", "Where."}}},
      {T::contract_start,
       "A mercenary contract: from that day the payer hands cost_per_month / 30.44 a day to the mercenaries, who "
       "pay their own upkeep from it (paid_by no longer applies), and each conceded mine earns them "
       "concession_income_per_day x its value a day unless insurgents hold its cell. troops arrive at place "
       "(counted as deployed). A new contract replaces the one in force.",
       kA,
       {{"faction", "faction", "required", "a faction of kind mercenary", "The mercenaries."},
        {"paid_by", "faction", "required", "another faction's name", "Who pays the fee."},
        {"cost_per_month", "number", "required", "0 to 10^12 USD", "The fee."},
        {"troops", "integer", "0", "0 to 10,000,000 fighters", "Fighters who arrive with the contract."},
        {"place", "place", "required with troops", "a town, camp, base or mine of the map, or {lat, lon}",
         "Where they arrive."},
        {"concession", "list of mines", "none", "names of mines of the map",
         "Mines whose income goes to the mercenaries."},
        {"concession_income_per_day", "number", "the faction's doctrine mine_income_per_day", "0 to 10^9 USD",
         "Income per unit of mine value per day from each conceded mine."}}},
      {T::contract_end,
       "Payment stops that day (the contract's fee, its concessions and any paid_by), and all the faction's "
       "fighters leave evenly until `until` (as a withdraw of all, anywhere); what they cost meanwhile comes out "
       "of their own funds.",
       kA,
       {{"faction", "faction", "required", "a faction of kind mercenary", "The mercenaries."}, kUntil}},
      {T::base_open,
       "The place joins the faction's objective cells (whatever its objective), so units it deploys or raises "
       "later may be sent there.",
       kA,
       {kFaction,
        {"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}, inside a core country",
         "Where."}}},
      {T::base_close,
       "The place leaves the faction's objective cells. The faction's units whose objective it was pull out to "
       "the nearest objective cell left (Chebyshev distance; ties: lower cell index); if none is left they leave "
       "the theatre at once (counted as withdrawn).",
       kA,
       {kFaction,
        {"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}, inside a core country",
         "Where."}}},
      {T::border_closure,
       "The country's border closes until `until`: with civilians, no household sets out (fleeing or returning) "
       "for a destination across it, into or out of the country; with armed_groups, insurgent units do not enter "
       "the country and its border cells give no sanctuary (no border_sanctuary detection multiplier). Closures "
       "may overlap.",
       kA,
       {{"country", "country", "required", "the ISO code of a country of the map", "Whose border."},
        {"until", "date", "the end of the run", "YYYY-MM-DD, on or after the event's date, within the run",
         "Last day closed; it reopens the next day."},
        {"civilians", "boolean", "true", "true or false", "Closed to people crossing."},
        {"armed_groups", "boolean", "true", "true or false", "Closed to armed groups' sanctuary."}}},
  };
  return t;
}

const EventTypeSpec& event_type(EventType type) {
  for (const auto& e : event_types())
    if (e.type == type) return e;
  throw std::logic_error("event type missing from event_types()");
}

const std::vector<ParamSpec<OutputSettings>>& output_table() {
  static const std::vector<ParamSpec<OutputSettings>> t = {
      integer_param("snapshot_every", &OutputSettings::snapshot_every, "ticks", 0, 10000000,
                    "Days between cell snapshots (0: none).", "convention"),
  };
  return t;
}

namespace {
template <class S>
void add_settable(std::vector<SettableParam>& out, const std::string& section, const std::vector<ParamSpec<S>>& table,
                  S SahelParams::*member) {
  for (const auto& spec : table) {
    const std::string key = section + "." + spec.key;
    const auto& skip = start_only_params();
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    auto set = spec.set;
    out.push_back({key, spec.type, spec.lo, spec.hi, spec.choices, spec.unit,
                   [set, member](SahelParams& p, double v) { set(p.*member, v); }});
  }
}
}  // namespace

const std::vector<std::string>& start_only_params() {
  // Households are made, and their hardship drawn, once at the start; a
  // change later would do nothing (or, for people_per_agent, miscount the
  // active households the arrest risk divides by).
  static const std::vector<std::string> keys = {"civilians.people_per_agent", "civilians.hardship_mean",
                                                "civilians.hardship_spread"};
  return keys;
}

const std::vector<SettableParam>& settable_params() {
  static const std::vector<SettableParam> t = [] {
    std::vector<SettableParam> out;
    add_settable(out, "civilians", civilian_table(), &SahelParams::civilians);
    add_settable(out, "flight", flight_table(), &SahelParams::flight);
    add_settable(out, "legitimacy", legitimacy_table(), &SahelParams::legitimacy);
    add_settable(out, "combat", combat_table(), &SahelParams::combat);
    add_settable(out, "operations", operations_table(), &SahelParams::operations);
    add_settable(out, "control", control_table(), &SahelParams::control);
    return out;
  }();
  return t;
}

}  // namespace sahel::scenario
