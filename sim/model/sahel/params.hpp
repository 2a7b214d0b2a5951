// SPDX-License-Identifier: MIT
#pragma once
// Model-wide parameters of the Sahel model, one struct per mechanism (and
// per scenario section). Defaults, units, ranges and sources:
// sim/scenario/sahel_tables.cpp and docs/model.md.
namespace sahel::model {

// Households' activation and recruitment (Epstein 2002 with local legitimacy).
struct CivilianParams {
  int people_per_agent = 200;   // people one civilian agent stands for at the start
  double hardship_mean = 0.25;  // hardship ~ U(mean - spread, mean + spread)
  double hardship_spread = 0.25;
  double arrest_constant_k = 2.3;        // Epstein's k
  double threshold = 0.1;                // Epstein's T
  double deterrence_per_fighter = 0.05;  // how many "cops" one government fighter counts for
  int sense_radius_cells = 2;            // the neighbourhood civilians look at
};

// Flight from harm to safety and return (after Flee, Suleimenova et al. 2017).
struct FlightParams {
  int radius_cells = 1;                 // harm and fighting felt within this many cells of a household
  double per_death = 0.003;             // daily hazard per remembered civilian death nearby per 1,000 residents
  double per_battle = 0.002;            // daily hazard per remembered battle nearby
  double insurgent_rule = 0.0006;       // daily hazard under insurgent control (zones 4-5), times support for the state
  double memory_decay = 0.93;           // daily factor on remembered deaths and battles
  double speed_cells = 3;               // cells a displaced household covers per day
  double distance_km = 150;             // distance scale in the choice of destination
  double abroad_preference = 0.15;      // multiplier on the attractiveness of a destination in another country
  double camp_pull = 2.0;               // multiplier on a camp's pull against a town of the same size
  double return_rate = 0.004;           // daily chance to head home once home is calm
  double refugee_return_rate = 0.0003;  // the same for people living abroad
  double return_hazard = 0.0005;        // daily hazard at home below which home counts as calm
};

// Allegiance per side (Condra & Shapiro 2012; Kalyvas 2006; Lyall 2009).
struct LegitimacyParams {
  double initial = 0.6;                   // support for the state side at the start (and its baseline)
  int radius_cells = 2;                   // harm and protection are felt within this many cells
  double harm_sensitivity = 0.6;          // support lost by the perpetrator's side per death per 1,000 residents
  double selective_blame = 0.3;           // share of that loss for a selective killing
  double fear_gain = 0.5;                 // compliance gained by the perpetrator per death per 1,000 residents
  double fear_decay = 0.05;               // daily decay of compliance
  double protection_gain = 0.001;         // daily gain of the state's support where its forces are near and it is calm
  double governance_gain = 0.002;         // daily gain of a group's support where it holds the ground (zones 4-5)
  double recovery_rate = 0.002;           // daily pull of supports toward their baselines
  double foreign_resentment_rate = 0.01;  // daily pull of a country's resentment of foreign troops toward its level
  double foreign_resentment_weight = 0.25;  // fall of the state's baseline support at full resentment
  double reputation_sensitivity = 0.001;    // reputation lost per government-side killing outsiders see
  double reputation_recovery = 0.005;       // daily recovery of reputation toward 1
  double aid_floor = 0.5;                   // reputation at or below which partners' aid stops
};

// Engagements between armed units.
struct CombatParams {
  double kill_rate = 0.0018;     // fighters killed per enemy fighter per engagement at effectiveness 1
  double engagement_rate = 1.0;  // chance that hostile units that meet by chance in a cell fight
  double ambush_bonus = 2.0;     // multiplier on a raider's kill rate against a moving force
  double ambush_surprise = 0.5;  // multiplier on the ambushed side's kill rate
  double post_defence = 2.0;     // defenders' advantage in a garrison post
  double intensity_sigma = 0.8;  // log-sd of an engagement's intensity (lognormal, mean 1)
  double cover_detection[5] = {1.0, 0.9, 0.6, 0.7, 0.5};  // by terrain: desert ... urban
  double border_sanctuary = 0.5;                          // detection multiplier in border cells
  double morale_loss_per_loss = 2.0;                      // morale lost per share of strength lost in a day
  double morale_recovery = 0.02;                          // daily recovery toward 1
  double withdraw_morale = 0.3;                           // below this a unit breaks off and withdraws
  double fatigue = 0.3;                                   // morale every unit in an engagement spends, win or lose
  double ready_morale = 0.55;                             // below this a unit does not seek a fight (operational tempo)
  double violence_decay = 0.95;                           // daily factor on the recent-violence layer
};

// Operations: what forces know and how they gather.
struct OperationParams {
  int mass_radius_cells = 3;     // a faction's units within this radius count together in local odds
  double base_detection = 0.3;   // share of hostile strength a faction knows of without informants
  double heat_decay = 0.9;       // daily factor on the record of where each side fought
  int contest_radius_cells = 6;  // enemies within this radius make a cell contested
  double draw_cap_fighters =
      400;  // known hostile fighters in one cell count at most this much in what draws armed groups
};

struct ControlParams {
  int radius_cells = 3;         // window of armed presence
  double rate = 0.1;            // daily pull of control toward the balance of presence
  double admin_presence = 0.3;  // presence per 1,000 people from administration (or a group's governance)
  int admin_radius_cells = 8;   // administration needs the side's fighters within this many cells (about 90 km)
  double min_presence = 10;     // presence below which a cell drifts to nobody
};

struct SahelParams {
  CivilianParams civilians;
  FlightParams flight;
  LegitimacyParams legitimacy;
  CombatParams combat;
  OperationParams operations;
  ControlParams control;
};

}  // namespace sahel::model
