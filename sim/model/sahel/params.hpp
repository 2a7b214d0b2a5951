// SPDX-License-Identifier: MIT
#pragma once
// Model-wide parameters of the Sahel model, one struct per mechanism.
// Defaults, units, ranges and sources: sim/scenario/sahel_tables.cpp and
// docs/model.md.
namespace sahel::model {

struct CivilianParams {
  int people_per_agent = 200;        // people one civilian agent stands for at the start
  double hardship_mean = 0.3;        // hardship ~ U(mean - spread, mean + spread)
  double hardship_spread = 0.3;
  double arrest_constant_k = 2.3;    // Epstein's k
  double threshold = 0.2;            // Epstein's T
  double deterrence_per_fighter = 0.05;  // how many "cops" one government fighter counts for
  int sense_radius_cells = 2;        // the neighbourhood civilians look at
  double flee_violence = 5.0;        // recent violence (deaths nearby, decayed) above which people flee
  double flee_rate = 0.0005;           // daily chance to flee per unit of violence above the threshold
  double flee_speed_cells = 3;       // cells a displaced household covers per day
  double flee_distance_km = 300;     // distance scale in the choice of destination
  double return_rate = 0.01;         // daily chance to head home once it is calm
  double return_violence = 2.0;      // recent violence below which home counts as calm
};

struct LegitimacyParams {
  double initial = 0.6;             // local legitimacy of the state at the start
  double harm_sensitivity = 0.02;    // loss per government-side civilian death nearby per 1,000 people
  double foreign_sensitivity = 0.00005;  // change per day per 100 government-side fighters nearby (x popularity)
  double insecurity_sensitivity = 0.001;  // loss per day per unit of recent violence nearby
  double protection_gain = 0.001;    // gain per day where government forces are near and it is calm
  double recovery_rate = 0.002;      // daily pull back towards the initial level
  double reputation_sensitivity = 0.002;  // outsiders' loss per observed government-side killing
  double reputation_recovery = 0.001;
};

struct CombatParams {
  double kill_rate = 0.01;           // fighters killed per enemy fighter per day at effectiveness 1 (square law)
  double engagement_rate = 0.5;      // chance two detected hostile forces in a cell fight on a day
  double ambush_bonus = 2.0;         // multiplier on a raider's kill rate in an ambush
  double ambush_surprise = 0.5;      // multiplier on the ambushed side's kill rate
  double cover_detection[5] = {1.0, 0.9, 0.6, 0.7, 0.5};  // by terrain: desert ... urban
  double border_sanctuary = 0.5;     // detection multiplier in border cells
  double morale_loss_per_loss = 2.0; // morale lost per share of strength lost in a day
  double morale_recovery = 0.02;     // daily recovery toward 1
  double withdraw_morale = 0.3;      // below this a unit breaks off and withdraws
  double violence_decay = 0.95;      // daily factor on the recent-violence layer
};

struct ControlParams {
  int radius_cells = 3;              // window of presence
  double rate = 0.05;                // daily pull of control toward the balance of presence
  double admin_presence = 2.0;      // government "fighters" per 1,000 people from administration, x legitimacy
  double support_presence = 0.01;    // insurgent "fighters" per active supporter
};

struct SahelParams {
  CivilianParams civilians;
  LegitimacyParams legitimacy;
  CombatParams combat;
  ControlParams control;
};

}  // namespace sahel::model
