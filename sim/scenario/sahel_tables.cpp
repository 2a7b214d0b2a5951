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
                 "Daily factor on the recent-violence layer (0.95: a half-life of about 13.5 days).", kA),
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
                 "Insurgents: daily income per unit of mine value held; mercenaries: the default income per unit of "
                 "value of the mines a contract concedes them (contract_start).", kA),
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


const std::vector<KeySpec>& sahel_top_keys() {
  static const std::vector<KeySpec> t = {
      {"start_date", "date", "required", "YYYY-MM-DD, a real calendar date", "First day of the run (tick 0)."},
      {"map", "section", "required", "file plus the keys of map.*", "The vector map and how it is rasterised."},
      {"civilians", "section", "all defaults", "the keys of civilians.*", "Households: activation, flight, return."},
      {"legitimacy", "section", "all defaults", "the keys of legitimacy.*", "Local legitimacy and reputation."},
      {"combat", "section", "all defaults", "the keys of combat.*", "Engagements, losses, morale."},
      {"control", "section", "all defaults", "the keys of control.*", "Control and Kalyvas zones."},
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
      {"doctrine", "section", "all defaults", "the keys of factions[i].doctrine.*", "How the faction fights and pays."},
      {"weights", "section", "all defaults", "the keys of factions[i].weights.*", "Personality weights of movement."},
  };
  return t;
}

const std::vector<KeySpec>& deployment_keys() {
  static const std::vector<KeySpec> t = {
      {"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}", "Where the troops stand at the start."},
      {"troops", "integer", "required", "0 to 10,000,000 fighters", "Fighters there."},
  };
  return t;
}

const std::vector<KeySpec>& event_common_keys() {
  static const std::vector<KeySpec> t = {
      {"name", "text", "none", "any text",
       "Identifies the event when scenarios merge through extends: (give every event one)."},
      {"date", "date", "required (or tick)", "YYYY-MM-DD within the run", "The day it takes effect."},
      {"tick", "integer", "required (or date)", "0 to the run's ticks", "The day it takes effect, in days after start_date."},
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
         "dotted keys civilians.*, legitimacy.*, combat.*, control.* with their ranges, except "
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
        {"place", "place", "required with troops", "a town, camp, base or mine of the map, or {lat, lon}", "Where they arrive."},
        {"concession", "list of mines", "none", "names of mines of the map", "Mines whose income goes to the mercenaries."},
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
       {kFaction, {"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}, inside a core country", "Where."}}},
      {T::base_close,
       "The place leaves the faction's objective cells. The faction's units whose objective it was pull out to "
       "the nearest objective cell left (Chebyshev distance; ties: lower cell index); if none is left they leave "
       "the theatre at once (counted as withdrawn).",
       kA,
       {kFaction, {"place", "place", "required", "a town, camp, base or mine of the map, or {lat, lon}, inside a core country", "Where."}}},
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
    add_settable(out, "legitimacy", legitimacy_table(), &SahelParams::legitimacy);
    add_settable(out, "combat", combat_table(), &SahelParams::combat);
    add_settable(out, "control", control_table(), &SahelParams::control);
    return out;
  }();
  return t;
}

}  // namespace sahel::scenario
