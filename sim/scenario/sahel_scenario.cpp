// SPDX-License-Identifier: MIT
#include "scenario/sahel_scenario.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "core/state_hash.hpp"
#include "scenario/map_file.hpp"
#include "scenario/nearest_key.hpp"
#include "scenario/sahel_tables.hpp"

namespace sahel::scenario {

using namespace model;

std::string format_date(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::optional<std::chrono::sys_days> parse_date(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d-%u-%u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

std::chrono::sys_days read_date(const Document& doc, const YAML::Node& n, const std::string& path) {
  const auto day = n.IsScalar() ? parse_date(n.Scalar()) : std::nullopt;
  if (!day) doc.fail(n, path, fmt::format("expected a real calendar date YYYY-MM-DD, found {}", describe(n)));
  return *day;
}

namespace {

std::string read_text(const Document& doc, const YAML::Node& map, const std::string& key, const std::string& path,
                      bool required, const std::string& fallback = {}) {
  const YAML::Node n = map[key];
  if (!n || n.IsNull()) {
    if (required) doc.fail(map, path + "." + key, "missing; expected a text value");
    return fallback;
  }
  if (!n.IsScalar()) doc.fail(n, path + "." + key, fmt::format("expected a text value, found {}", describe(n)));
  return n.Scalar();
}

template <class E, std::size_t N>
E read_choice(const Document& doc, const YAML::Node& n, const std::string& path, const char* const (&names)[N]) {
  const std::vector<std::string> choices(std::begin(names), std::end(names));
  return static_cast<E>(static_cast<int>(read_value(doc, n, path, ParamType::choice, 0, 0, choices, "")));
}

// "unknown X 'v'; did you mean 'w'? expected one of: a, b, c": the nearest
// known name when one is close, and always the whole list.
[[noreturn]] void fail_unknown(const Document& doc, const YAML::Node& n, const std::string& path,
                               const std::string& what, const std::vector<std::string>& names) {
  const std::string near = nearest_key(n.Scalar(), names);
  const std::string hint = near.empty() ? "" : fmt::format("did you mean '{}'? ", near);
  doc.fail(n, path,
           fmt::format("unknown {} '{}'; {}expected one of: {}", what, n.Scalar(), hint, fmt::join(names, ", ")));
}

// Names of the map's places, bases and mines, for deployments.
std::vector<std::string> place_names(const Geography& geo) {
  std::vector<std::string> names;
  for (const Place& p : geo.places) names.push_back(p.name);
  for (const Base& b : geo.bases) names.push_back(b.name);
  for (const Mine& m : geo.mines) names.push_back(m.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// A place is the name of a town, camp, base or mine of the map, or a point
// {lat: DEG, lon: DEG} inside the map's extent. `label` names it in the
// event log.
core::CellIndex read_place(const Document& doc, const YAML::Node& n, const std::string& path, const Geography& geo,
                           std::string* label = nullptr) {
  if (n && n.IsMap()) {
    reject_unknown_keys(doc, n, path, {"lat", "lon"});
    if (!n["lat"] || !n["lon"])
      doc.fail(n, path, "expected a point with both lat and lon in degrees, e.g. {lat: 14.49, lon: -4.19}");
    const double lat = read_value(doc, n["lat"], path + ".lat", ParamType::real, -90, 90, {}, "degrees north");
    const double lon = read_value(doc, n["lon"], path + ".lon", ParamType::real, -180, 180, {}, "degrees east");
    const core::CellIndex c = geo.cell_at({lon, lat});
    if (c == core::kNoCell)
      doc.fail(
          n, path,
          fmt::format("expected a point inside the map's extent (lat {} to {}, lon {} to {}), found lat {}, lon {}",
                      geo.extent.lat_min, geo.extent.lat_max, geo.extent.lon_min, geo.extent.lon_max, lat, lon));
    if (label) *label = fmt::format("{:.2f}N {:.2f}E", lat, lon);
    return c;
  }
  if (!n || !n.IsScalar())
    doc.fail(
        n, path,
        fmt::format("expected the name of a town, camp, base or mine, or a point {{lat, lon}}, found {}", describe(n)));
  if (label) *label = n.Scalar();
  const core::CellIndex c = place_cell(geo, n.Scalar());
  if (c != core::kNoCell) return c;
  const auto names = place_names(geo);
  if (std::find(names.begin(), names.end(), n.Scalar()) != names.end())
    doc.fail(n, path,
             fmt::format("the place '{}' lies outside the map's extent; expected a place inside it", n.Scalar()));
  fail_unknown(doc, n, path, "place", names);
}

int read_faction_ref(const Document& doc, const YAML::Node& n, const std::string& path,
                     const std::vector<FactionSpec>& factions) {
  std::vector<std::string> names;
  for (const auto& f : factions) names.push_back(f.name);
  if (!n || !n.IsScalar()) doc.fail(n, path, fmt::format("expected a faction name, found {}", describe(n)));
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == n.Scalar()) return static_cast<int>(i);
  fail_unknown(doc, n, path, "faction", names);
}

int read_country(const Document& doc, const YAML::Node& n, const std::string& path, const Geography& geo) {
  if (!n || !n.IsScalar())
    doc.fail(n, path, fmt::format("expected the ISO code of a country of the map, found {}", describe(n)));
  const int k = geo.country_index(n.Scalar());
  if (k >= 0) return k;
  std::vector<std::string> codes;
  for (const auto& c : geo.countries) codes.push_back(c.code);
  fail_unknown(doc, n, path, "country code", codes);
}

int read_mine(const Document& doc, const YAML::Node& n, const std::string& path, const Geography& geo) {
  if (!n || !n.IsScalar())
    doc.fail(n, path, fmt::format("expected the name of a mine of the map, found {}", describe(n)));
  std::vector<std::string> names;
  for (std::size_t i = 0; i < geo.mines.size(); ++i) {
    if (geo.mines[i].name == n.Scalar()) {
      if (geo.cell_at(geo.mines[i].at) == core::kNoCell)
        doc.fail(n, path,
                 fmt::format("the mine '{}' lies outside the map's extent; expected a mine inside it", n.Scalar()));
      return static_cast<int>(i);
    }
    names.push_back(geo.mines[i].name);
  }
  fail_unknown(doc, n, path, "mine", names);
}

FactionSpec read_faction(const Document& doc, const YAML::Node& n, const std::string& path, const Geography& geo) {
  if (!n.IsMap())
    doc.fail(n, path, fmt::format("expected a faction (a mapping with name, kind, ...), found {}", describe(n)));
  reject_unknown_keys(doc, n, path, keys_of(faction_keys()));
  FactionSpec f;
  f.name = read_text(doc, n, "name", path, true);
  if (!n["kind"])
    doc.fail(n, path + ".kind",
             "missing; expected one of state, foreign, mercenary, militant, separatist, peacekeeper");
  f.kind = read_choice<FactionKind>(doc, n["kind"], path + ".kind", kFactionKindNames);
  f.country = read_text(doc, n, "country", path, false);
  if (f.kind == FactionKind::state && geo.country_index(f.country) < 0) {
    if (!n["country"])
      doc.fail(n, path + ".country", "missing; expected the ISO code of a country of the map for a state");
    read_country(doc, n["country"], path + ".country", geo);
  }
  f.paid_by = read_text(doc, n, "paid_by", path, false);
  if (n["objective"]) f.objective = read_choice<Objective>(doc, n["objective"], path + ".objective", kObjectiveNames);
  if (n["funds"]) f.start_funds = read_value(doc, n["funds"], path + ".funds", ParamType::real, -1e12, 1e12, {}, "USD");
  read_section(doc, section_of(doc, n, "doctrine", path + ".doctrine"), path + ".doctrine", doctrine_table(),
               f.doctrine);
  read_section(doc, section_of(doc, n, "weights", path + ".weights"), path + ".weights", weights_table(), f.weights);
  const YAML::Node start = n["start"];
  if (start && !start.IsNull()) {
    if (!start.IsSequence())
      doc.fail(start, path + ".start", fmt::format("expected a list of {{place, troops}}, found {}", describe(start)));
    for (std::size_t i = 0; i < start.size(); ++i) {
      const std::string at = fmt::format("{}.start[{}]", path, i);
      const YAML::Node s = start[i];
      if (!s.IsMap()) doc.fail(s, at, fmt::format("expected {{place: NAME, troops: N}}, found {}", describe(s)));
      reject_unknown_keys(doc, s, at, keys_of(deployment_keys()));
      std::string label;
      const core::CellIndex cell = read_place(doc, s["place"], at + ".place", geo, &label);
      const int troops =
          static_cast<int>(read_value(doc, s["troops"], at + ".troops", ParamType::integer, 0, 1e7, {}, "fighters"));
      f.start.push_back({label, troops, s["place"].IsMap() ? cell : -1});
    }
  }
  const YAML::Node theatre = n["theatre"];
  if (theatre && !theatre.IsNull()) {
    if (!theatre.IsSequence())
      doc.fail(theatre, path + ".theatre",
               fmt::format("expected a list of ISO country codes, found {}", describe(theatre)));
    for (std::size_t i = 0; i < theatre.size(); ++i) {
      const int k = read_country(doc, theatre[i], fmt::format("{}.theatre[{}]", path, i), geo);
      f.theatre.push_back(geo.countries[static_cast<std::size_t>(k)].code);
    }
  }
  return f;
}

// initial: the spin-up and the displaced people of the start date.
void read_initial(const Document& doc, const YAML::Node& root, const Geography& geo, model::Setup& setup,
                  nlohmann::ordered_json& resolved) {
  resolved = {{"spin_up_days", 0},
              {"displaced", nlohmann::ordered_json::array()},
              {"support", nlohmann::ordered_json::array()}};
  const YAML::Node n = section_of(doc, root, "initial", "initial");
  if (!n || n.IsNull()) return;
  reject_unknown_keys(doc, n, "initial", keys_of(initial_keys()));
  if (n["spin_up_days"])
    setup.spin_up_days = static_cast<int>(
        read_value(doc, n["spin_up_days"], "initial.spin_up_days", ParamType::integer, 0, 3650, {}, "days"));
  resolved["spin_up_days"] = setup.spin_up_days;
  const YAML::Node regions = n["support"];
  if (regions && !regions.IsNull()) {
    if (!regions.IsSequence())
      doc.fail(regions, "initial.support",
               fmt::format("expected a list of {{place, radius_km, legitimacy}}, found {}", describe(regions)));
    for (std::size_t i = 0; i < regions.size(); ++i) {
      const std::string at = fmt::format("initial.support[{}]", i);
      const YAML::Node r = regions[i];
      if (!r.IsMap()) doc.fail(r, at, fmt::format("expected {{place, radius_km, legitimacy}}, found {}", describe(r)));
      reject_unknown_keys(doc, r, at, keys_of(support_region_keys()));
      for (const char* key : {"place", "radius_km", "legitimacy"})
        if (!r[key]) doc.fail(r, at + "." + key, fmt::format("missing; a support region needs '{}'", key));
      std::string label;
      const core::CellIndex c = read_place(doc, r["place"], at + ".place", geo, &label);
      model::SupportRegion region;
      region.at = {geo.lon_of(geo.grid.x_of(c)), geo.lat_of(geo.grid.y_of(c))};
      region.radius_km = read_value(doc, r["radius_km"], at + ".radius_km", ParamType::real, 0, 5000, {}, "km");
      region.legitimacy = read_value(doc, r["legitimacy"], at + ".legitimacy", ParamType::real, 0, 1, {}, "");
      setup.support_regions.push_back(region);
      nlohmann::ordered_json j = {{"place", label}, {"radius_km", region.radius_km}, {"legitimacy", region.legitimacy}};
      if (r["source"]) j["source"] = read_text(doc, r, "source", at, false);
      resolved["support"].push_back(j);
    }
  }
  const YAML::Node list = n["displaced"];
  if (!list || list.IsNull()) return;
  if (!list.IsSequence())
    doc.fail(list, "initial.displaced",
             fmt::format("expected a list of {{country, idps}} or {{from, host, refugees}}, found {}", describe(list)));
  auto core_country = [&](const YAML::Node& v, const std::string& at) {
    const int k = read_country(doc, v, at, geo);
    if (!geo.countries[static_cast<std::size_t>(k)].core)
      doc.fail(
          v, at,
          fmt::format("expected a core country of the map (whose people the model holds), found '{}'", v.Scalar()));
    return k;
  };
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = fmt::format("initial.displaced[{}]", i);
    const YAML::Node d = list[i];
    if (!d.IsMap())
      doc.fail(d, at, fmt::format("expected {{country, idps}} or {{from, host, refugees}}, found {}", describe(d)));
    reject_unknown_keys(doc, d, at, keys_of(displaced_keys()));
    model::InitialDisplacement item;
    nlohmann::ordered_json j;
    if (d["country"] || d["idps"]) {
      if (d["from"] || d["host"] || d["refugees"])
        doc.fail(d, at, "expected either {country, idps} or {from, host, refugees}, found keys of both");
      if (!d["country"] || !d["idps"]) doc.fail(d, at, "expected both 'country' and 'idps'");
      item.from = item.host = core_country(d["country"], at + ".country");
      item.people =
          static_cast<std::int64_t>(read_value(doc, d["idps"], at + ".idps", ParamType::integer, 0, 1e8, {}, "people"));
      j = {{"country", d["country"].Scalar()}, {"idps", item.people}};
    } else {
      if (!d["from"] || !d["host"] || !d["refugees"])
        doc.fail(d, at, "expected {country, idps} or {from, host, refugees}");
      item.from = core_country(d["from"], at + ".from");
      item.host = read_country(doc, d["host"], at + ".host", geo);
      if (item.host == item.from)
        doc.fail(d["host"], at + ".host", "expected another country than 'from' (IDPs are {country, idps})");
      item.people = static_cast<std::int64_t>(
          read_value(doc, d["refugees"], at + ".refugees", ParamType::integer, 0, 1e8, {}, "people"));
      j = {{"from", d["from"].Scalar()}, {"host", d["host"].Scalar()}, {"refugees", item.people}};
    }
    if (d["source"]) j["source"] = read_text(doc, d, "source", at, false);
    setup.displacement.push_back(item);
    resolved["displaced"].push_back(j);
  }
}

// An unknown key of an event: the nearest key of its own type, or, when the
// key belongs to another type, which one.
void reject_unknown_event_keys(const Document& doc, const YAML::Node& n, const std::string& path, EventType type) {
  std::vector<std::string> known = keys_of(event_common_keys());
  const auto own = keys_of(event_type(type).keys);
  known.insert(known.end(), own.begin(), own.end());
  const char* type_name = kEventTypeNames[static_cast<int>(type)];
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::vector<std::string> owners;
    for (const auto& other : event_types())
      for (const auto& k : other.keys)
        if (k.key == key) owners.push_back(kEventTypeNames[static_cast<int>(other.type)]);
    if (!owners.empty()) {
      doc.fail(kv.first, path + "." + key,
               fmt::format("'{}' is not a key of a {} event (it belongs to {}); expected one of: {}", key, type_name,
                           fmt::join(owners, ", "), fmt::join(known, ", ")));
    }
  }
  reject_unknown_keys(doc, n, path, known);
}

ScheduledEvent read_event(const Document& doc, const YAML::Node& n, const std::string& path, const SahelScenario& s,
                          const Geography& geo) {
  if (!n.IsMap())
    doc.fail(n, path, fmt::format("expected an event (a mapping with date and type), found {}", describe(n)));
  const auto& factions = s.setup.factions;
  // Dates must fall within the run as the scenario defines it; a run cut
  // short from the command line (--ticks) simply never reaches the later ones.
  int ticks = s.header.run.ticks;
  const YAML::Node written = doc.as_written()["ticks"];
  long long written_ticks = 0;
  if (written && YAML::convert<long long>::decode(written, written_ticks))
    ticks = std::max<int>(ticks, static_cast<int>(std::min<long long>(written_ticks, 10000000)));
  auto tick_of = [&](const YAML::Node& v, const std::string& p) {
    const auto day = read_date(doc, v, p);
    const int t = static_cast<int>((day - s.start_date).count());
    if (t < 0 || t > ticks)
      doc.fail(v, p,
               fmt::format("expected a date within the run, {} to {}, found {}", format_date(s.start_date),
                           format_date(s.start_date + std::chrono::days{ticks}), v.Scalar()));
    return t;
  };
  ScheduledEvent e;
  if (!n["type"]) {
    std::vector<std::string> names(std::begin(kEventTypeNames), std::end(kEventTypeNames));
    doc.fail(n, path + ".type", fmt::format("missing; expected one of {}", fmt::join(names, ", ")));
  }
  const auto type = read_choice<EventType>(doc, n["type"], path + ".type", kEventTypeNames);
  reject_unknown_event_keys(doc, n, path, type);
  if (n["date"])
    e.tick = tick_of(n["date"], path + ".date");
  else if (n["tick"])
    e.tick = static_cast<int>(read_value(doc, n["tick"], path + ".tick", ParamType::integer, 0, ticks, {}, "ticks"));
  else
    doc.fail(n, path, "expected a 'date' (YYYY-MM-DD) or a 'tick'");
  const char* type_name = kEventTypeNames[static_cast<int>(type)];
  e.note = read_text(doc, n, "note", path, false, type_name);
  auto need = [&](const char* key) {
    if (!n[key]) doc.fail(n, path + "." + key, fmt::format("missing; a {} event needs '{}'", type_name, key));
    return n[key];
  };
  auto until = [&](int fallback) {
    if (!n["until"]) return fallback;
    const int t = tick_of(n["until"], path + ".until");
    if (t < e.tick)
      doc.fail(n["until"], path + ".until",
               fmt::format("expected a date on or after the event's date, {}, found {}",
                           format_date(s.start_date + std::chrono::days{e.tick}), n["until"].Scalar()));
    return t;
  };
  auto real = [&](const char* key, double lo, double hi, const char* unit) {
    return read_value(doc, need(key), path + "." + key, ParamType::real, lo, hi, {}, unit);
  };
  auto mercenary = [&]() {
    const int f = read_faction_ref(doc, need("faction"), path + ".faction", factions);
    const FactionSpec& spec = factions[static_cast<std::size_t>(f)];
    if (spec.kind != FactionKind::mercenary)
      doc.fail(n["faction"], path + ".faction",
               fmt::format("expected a faction of kind mercenary for a {} event, found '{}' of kind {}", type_name,
                           spec.name, kFactionKindNames[static_cast<int>(spec.kind)]));
    return f;
  };
  auto faction = [&]() { return read_faction_ref(doc, need("faction"), path + ".faction", factions); };
  auto base = [&]<class Base>(Base b) {
    b.faction = faction();
    b.cell = read_place(doc, need("place"), path + ".place", geo, &b.place);
    if (!geo.is_core(b.cell))
      doc.fail(n["place"], path + ".place",
               fmt::format("expected a place inside a core country (objectives lie there), found '{}'", b.place));
    return b;
  };
  switch (type) {
    case EventType::deploy: {
      event::Deploy d;
      d.faction = faction();
      d.cell = read_place(doc, need("place"), path + ".place", geo, &d.place);
      d.troops = static_cast<int>(
          read_value(doc, need("troops"), path + ".troops", ParamType::integer, 1, 1e7, {}, "fighters"));
      e.action = d;
      break;
    }
    case EventType::withdraw: {
      event::Withdraw w;
      w.faction = faction();
      const YAML::Node t = need("troops");
      w.troops = t.IsScalar() && t.Scalar() == "all"
                     ? -1
                     : static_cast<int>(
                           read_value(doc, t, path + ".troops", ParamType::integer, 1, 1e7, {}, "fighters (or all)"));
      w.until_tick = until(e.tick);
      if (n["country"]) w.country = read_country(doc, n["country"], path + ".country", geo);
      e.action = w;
      break;
    }
    case EventType::doctrine: {
      event::DoctrineChange d;
      d.faction = faction();
      const YAML::Node set = need("set");
      if (!set.IsMap())
        doc.fail(set, path + ".set", fmt::format("expected a mapping of doctrine keys, found {}", describe(set)));
      const auto& table = doctrine_table();
      reject_unknown_keys(doc, set, path + ".set", keys_of(table));
      std::vector<std::pair<std::size_t, double>> changes;
      for (std::size_t k = 0; k < table.size(); ++k) {
        const YAML::Node v = set[table[k].key];
        if (!v) continue;
        changes.emplace_back(k, read_value(doc, v, path + ".set." + table[k].key, table[k].type, table[k].lo,
                                           table[k].hi, table[k].choices, table[k].unit));
      }
      d.change = [changes](Doctrine& doctrine) {
        for (const auto& [k, v] : changes) doctrine_table()[k].set(doctrine, v);
      };
      e.action = d;
      break;
    }
    case EventType::hostility: {
      const YAML::Node pair = need("factions");
      if (!pair.IsSequence() || pair.size() != 2)
        doc.fail(pair, path + ".factions",
                 fmt::format("expected a list of two faction names, found {}", describe(pair)));
      event::Hostility h;
      h.faction = read_faction_ref(doc, pair[0], path + ".factions[0]", factions);
      h.other = read_faction_ref(doc, pair[1], path + ".factions[1]", factions);
      h.hostile = read_value(doc, need("hostile"), path + ".hostile", ParamType::boolean, 0, 1, {}, "") != 0;
      e.action = h;
      break;
    }
    case EventType::sanctions: {
      event::Sanctions x;
      x.faction = faction();
      x.budget_cut = real("budget_cut", 0, 1, "share of the budget");
      x.until_tick = until(ticks);
      e.action = x;
      break;
    }
    case EventType::coup: {
      event::Coup c;
      c.faction = faction();
      c.legitimacy_drop = n["legitimacy_drop"] ? real("legitimacy_drop", 0, 1, "") : 0;
      c.morale_shock = n["morale_shock"] ? real("morale_shock", 0, 1, "") : 0;
      e.action = c;
      break;
    }
    case EventType::set: {
      // Dotted keys, as on the command line: set: {combat.kill_rate: 0.02}.
      const YAML::Node set = need("set");
      if (!set.IsMap() || set.size() == 0)
        doc.fail(set, path + ".set",
                 fmt::format("expected a mapping of dotted parameter keys such as {{flight.per_death: 0.01}}, found {}",
                             describe(set)));
      std::vector<std::string> known;
      for (const auto& p : settable_params()) known.push_back(p.key);
      std::vector<std::pair<std::size_t, double>> changes;
      for (const auto& kv : set) {
        const std::string key = kv.first.as<std::string>();
        const std::string at = path + ".set." + key;
        const auto& start_only = start_only_params();
        if (std::find(start_only.begin(), start_only.end(), key) != start_only.end())
          doc.fail(kv.first, at,
                   fmt::format("'{}' is read only when a run starts; expected a parameter that can change during a run",
                               key));
        const auto it = std::find(known.begin(), known.end(), key);
        if (it == known.end()) {
          reject_unknown_keys(doc, set, path + ".set", known);  // fails, suggesting the nearest key
          doc.fail(kv.first, at, "unknown parameter");
        }
        const auto k = static_cast<std::size_t>(it - known.begin());
        const SettableParam& p = settable_params()[k];
        changes.emplace_back(k, read_value(doc, kv.second, at, p.type, p.lo, p.hi, p.choices, p.unit));
      }
      e.action = event::SetParams{[changes](SahelParams& params) {
        for (const auto& [k, v] : changes) settable_params()[k].set(params, v);
      }};
      break;
    }
    case EventType::legitimacy_shock: {
      event::LegitimacyShock l;
      l.change = real("change", -1, 1, "");
      if (n["country"]) l.country = read_country(doc, n["country"], path + ".country", geo);
      e.action = l;
      break;
    }
    case EventType::contract_start: {
      event::ContractStart c;
      c.faction = mercenary();
      c.payer = read_faction_ref(doc, need("paid_by"), path + ".paid_by", factions);
      if (c.payer == c.faction)
        doc.fail(n["paid_by"], path + ".paid_by", "expected another faction than the mercenaries themselves");
      c.fee_per_month = real("cost_per_month", 0, 1e12, "USD");
      if (n["troops"])
        c.troops = static_cast<int>(
            read_value(doc, n["troops"], path + ".troops", ParamType::integer, 0, 1e7, {}, "fighters"));
      if (c.troops > 0) {
        c.cell = read_place(doc, need("place"), path + ".place", geo, &c.place);
      } else if (n["place"]) {
        doc.fail(n["place"], path + ".place", "expected 'troops' (1 or more) with a 'place', found no troops");
      }
      const YAML::Node mines = n["concession"];
      if (mines) {
        if (!mines.IsSequence())
          doc.fail(mines, path + ".concession",
                   fmt::format("expected a list of mine names, found {}", describe(mines)));
        for (std::size_t i = 0; i < mines.size(); ++i)
          c.mines.push_back(read_mine(doc, mines[i], fmt::format("{}.concession[{}]", path, i), geo));
      }
      c.concession_rate = n["concession_income_per_day"]
                              ? real("concession_income_per_day", 0, 1e9, "USD per unit of mine value per day")
                              : factions[static_cast<std::size_t>(c.faction)].doctrine.mine_income_per_day;
      e.action = c;
      break;
    }
    case EventType::contract_end:
      e.action = event::ContractEnd{mercenary(), until(e.tick)};
      break;
    case EventType::base_open:
      e.action = base(event::BaseOpen{});
      break;
    case EventType::base_close:
      e.action = base(event::BaseClose{});
      break;
    case EventType::border_closure: {
      event::BorderClosure b;
      b.country = read_country(doc, need("country"), path + ".country", geo);
      b.until_tick = until(-1);
      b.civilians = !n["civilians"] ||
                    read_value(doc, n["civilians"], path + ".civilians", ParamType::boolean, 0, 1, {}, "") != 0;
      b.armed_groups = !n["armed_groups"] || read_value(doc, n["armed_groups"], path + ".armed_groups",
                                                        ParamType::boolean, 0, 1, {}, "") != 0;
      if (!b.civilians && !b.armed_groups)
        doc.fail(n, path, "expected the border closed to civilians, armed_groups or both, found both false");
      e.action = b;
      break;
    }
  }
  return e;
}

double estimated_bytes(const Extent& x, const CivilianParams& cp, const VectorMap& map, std::size_t factions) {
  const double cells =
      std::ceil((x.lon_max - x.lon_min) / x.cell_deg) * std::ceil((x.lat_max - x.lat_min) / x.cell_deg);
  double people = 0;
  for (const auto& c : map.countries)
    if (c.core) people += static_cast<double>(c.population);
  // Per cell: static layers (~30 B), dynamic layers (~40 B), window sums
  // (8 B each: 10 + 4 per faction), per-faction layers (8 B x 4), per-actor
  // layers (4 B x 6 + 16 B of today's harm) and per-cell scratch (~80 B).
  const double f = static_cast<double>(factions);
  return cells * (150.0 + 8.0 * (10 + 4 * f) + 32.0 * f + 40.0 * f + 16.0) +
         people / cp.people_per_agent * static_cast<double>(kBytesPerCivilian) * 2.0;
}

}  // namespace

SahelScenario read_sahel_scenario(const Document& doc, const ScenarioHeader& header) {
  const YAML::Node& root = doc.root();
  std::vector<std::string> top = header_keys();
  for (const auto& k : sahel_top_keys()) top.push_back(k.key);
  reject_unknown_keys(doc, root, "", top);

  SahelScenario s;
  s.file = doc.file();
  s.header = header;
  if (!root["start_date"]) doc.fail(root, "start_date", "missing; expected the first day of the run, YYYY-MM-DD");
  s.start_date = read_date(doc, root["start_date"], "start_date");

  // The map: file, extent and rasterisation rules in one section.
  const YAML::Node map = section_of(doc, root, "map", "map");
  if (!map || !map["file"])
    doc.fail(map ? map : root, "map.file", "missing; expected the path of a vector map (e.g. maps/sahel.yaml)");
  std::vector<std::string> geo_keys = keys_of(geography_table());
  std::vector<std::string> extent_keys = keys_of(extent_table());
  std::vector<std::string> extra = geo_keys;
  for (const auto& k : map_keys()) extra.push_back(k.key);
  read_section(doc, map, "map", extent_table(), s.extent, extra);
  extra = extent_keys;
  for (const auto& k : map_keys()) extra.push_back(k.key);
  read_section(doc, map, "map", geography_table(), s.geography, extra);
  if (s.extent.lon_max <= s.extent.lon_min || s.extent.lat_max <= s.extent.lat_min)
    doc.fail(map, "map",
             fmt::format("expected lon_min < lon_max and lat_min < lat_max, found [{}, {}] x [{}, {}]",
                         s.extent.lon_min, s.extent.lon_max, s.extent.lat_min, s.extent.lat_max));
  s.map_file = read_text(doc, map, "file", "map", true);
  // Relative to the file that wrote the key: a parent's, if inherited through extends:.
  const std::string map_path =
      (std::filesystem::path(doc.file_of(map["file"], "map.file")).parent_path() / s.map_file).string();
  if (!std::filesystem::exists(map_path))
    doc.fail(map["file"], "map.file", fmt::format("expected an existing map file, found no file at {}", map_path));

  SahelParams& p = s.setup.params;
  read_section(doc, section_of(doc, root, "civilians", "civilians"), "civilians", civilian_table(), p.civilians);
  read_section(doc, section_of(doc, root, "flight", "flight"), "flight", flight_table(), p.flight);
  read_section(doc, section_of(doc, root, "legitimacy", "legitimacy"), "legitimacy", legitimacy_table(), p.legitimacy);
  read_section(doc, section_of(doc, root, "combat", "combat"), "combat", combat_table(), p.combat);
  read_section(doc, section_of(doc, root, "operations", "operations"), "operations", operations_table(), p.operations);
  read_section(doc, section_of(doc, root, "control", "control"), "control", control_table(), p.control);
  const YAML::Node output = section_of(doc, root, "output", "output");
  OutputSettings output_settings;
  read_section(doc, output, "output", output_table(), output_settings);
  s.snapshot_every = output_settings.snapshot_every;

  const VectorMap vector_map = read_map_file(map_path);
  const YAML::Node list = root["factions"];
  if (!list || !list.IsSequence() || list.size() == 0)
    doc.fail(list ? list : root, "factions", fmt::format("expected a list of factions, found {}", describe(list)));
  check_fits_in_memory(doc, map, "map", estimated_bytes(s.extent, p.civilians, vector_map, list.size()));
  s.setup.geo = rasterise(vector_map, s.extent, s.geography);
  const Geography& geo = s.setup.geo;

  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("factions[{}]", i);
    FactionSpec f = read_faction(doc, list[i], path, geo);
    for (const auto& other : s.setup.factions)
      if (other.name == f.name)
        doc.fail(list[i]["name"], path + ".name", fmt::format("expected a new faction name, found '{}' twice", f.name));
    s.setup.factions.push_back(std::move(f));
  }
  if (s.setup.factions.size() > 100) doc.fail(list, "factions", "expected at most 100 factions");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const FactionSpec& f = s.setup.factions[i];
    if (!f.paid_by.empty())
      read_faction_ref(doc, list[i]["paid_by"], fmt::format("factions[{}].paid_by", i), s.setup.factions);
  }

  nlohmann::ordered_json initial;
  read_initial(doc, root, geo, s.setup, initial);

  const YAML::Node hostility = root["hostility"];
  if (hostility && !hostility.IsNull()) {
    if (!hostility.IsSequence())
      doc.fail(hostility, "hostility", fmt::format("expected a list of [A, B] pairs, found {}", describe(hostility)));
    for (std::size_t i = 0; i < hostility.size(); ++i) {
      const std::string path = fmt::format("hostility[{}]", i);
      const YAML::Node pair = hostility[i];
      if (!pair.IsSequence() || pair.size() != 2)
        doc.fail(pair, path, fmt::format("expected a pair [A, B] of faction names, found {}", describe(pair)));
      const int a = read_faction_ref(doc, pair[0], path + "[0]", s.setup.factions);
      const int b = read_faction_ref(doc, pair[1], path + "[1]", s.setup.factions);
      if (a == b) doc.fail(pair, path, "expected two different factions");
      s.setup.hostile_pairs.emplace_back(a, b);
    }
  }

  const YAML::Node events = root["events"];
  if (events && !events.IsNull()) {
    if (!events.IsSequence())
      doc.fail(events, "events", fmt::format("expected a list of events, found {}", describe(events)));
    for (std::size_t i = 0; i < events.size(); ++i)
      s.setup.events.push_back(read_event(doc, events[i], fmt::format("events[{}]", i), s, geo));
  }
  s.setup.key = {header.run.seed, header.run.replicate};

  // The resolved scenario: every parameter, defaults included.
  nlohmann::ordered_json& r = s.resolved;
  r = header_json(header);
  r["start_date"] = format_date(s.start_date);
  r["map"] = section_json(extent_table(), s.extent);
  r["map"]["file"] = s.map_file;
  const nlohmann::ordered_json geography = section_json(geography_table(), s.geography);
  for (const auto& [k, v] : geography.items()) r["map"][k] = v;
  r["civilians"] = section_json(civilian_table(), p.civilians);
  r["flight"] = section_json(flight_table(), p.flight);
  r["legitimacy"] = section_json(legitimacy_table(), p.legitimacy);
  r["combat"] = section_json(combat_table(), p.combat);
  r["operations"] = section_json(operations_table(), p.operations);
  r["control"] = section_json(control_table(), p.control);
  r["initial"] = initial;
  r["output"] = section_json(output_table(), output_settings);
  r["factions"] = nlohmann::ordered_json::array();
  for (const auto& f : s.setup.factions) {
    nlohmann::ordered_json j;
    j["name"] = f.name;
    j["kind"] = kFactionKindNames[static_cast<int>(f.kind)];
    j["country"] = f.country;
    j["paid_by"] = f.paid_by;
    j["objective"] = kObjectiveNames[static_cast<int>(f.objective)];
    j["funds"] = f.start_funds;
    j["start"] = nlohmann::ordered_json::array();
    for (const auto& d : f.start) j["start"].push_back({{"place", d.place}, {"troops", d.troops}});
    j["theatre"] = f.theatre;
    j["doctrine"] = section_json(doctrine_table(), f.doctrine);
    j["weights"] = section_json(weights_table(), f.weights);
    r["factions"].push_back(j);
  }
  r["hostility"] = nlohmann::ordered_json::array();
  for (const auto& [a, b] : s.setup.hostile_pairs)
    r["hostility"].push_back(
        {s.setup.factions[static_cast<std::size_t>(a)].name, s.setup.factions[static_cast<std::size_t>(b)].name});
  // Events as written (their effect is fully determined by the text).
  r["events"] = nlohmann::ordered_json::array();
  if (events && events.IsSequence()) {
    for (const auto& e : events) {
      YAML::Emitter out;
      out << YAML::Flow << e;
      r["events"].push_back(out.c_str());
    }
  }
  s.sha256 = core::sha256_hex(r.dump());
  return s;
}

}  // namespace sahel::scenario
