// SPDX-License-Identifier: MIT
#include "scenario/sahel_scenario.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

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

namespace {

std::chrono::sys_days read_date(const Document& doc, const YAML::Node& n, const std::string& path) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (!n.IsScalar() || std::sscanf(n.Scalar().c_str(), "%d-%u-%u%c", &y, &m, &d, &tail) != 3)
    doc.fail(n, path, fmt::format("expected a date YYYY-MM-DD, found {}", describe(n)));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) doc.fail(n, path, fmt::format("expected a real calendar date, found {}", describe(n)));
  return std::chrono::sys_days{ymd};
}

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

// Names of the map's places, bases and mines, for deployments.
std::vector<std::string> place_names(const Geography& geo) {
  std::vector<std::string> names;
  for (const Place& p : geo.places) names.push_back(p.name);
  for (const Base& b : geo.bases) names.push_back(b.name);
  for (const Mine& m : geo.mines) names.push_back(m.name);
  return names;
}

core::CellIndex read_place(const Document& doc, const YAML::Node& n, const std::string& path, const Geography& geo) {
  if (!n || !n.IsScalar()) doc.fail(n, path, fmt::format("expected the name of a town, camp, base or mine, found {}", describe(n)));
  const core::CellIndex c = place_cell(geo, n.Scalar());
  if (c != core::kNoCell) return c;
  const auto names = place_names(geo);
  const std::string near = nearest_key(n.Scalar(), names);
  if (!near.empty()) doc.fail(n, path, fmt::format("unknown place '{}'; did you mean '{}'?", n.Scalar(), near));
  doc.fail(n, path, fmt::format("unknown place '{}' (or outside the map's extent); expected one of: {}", n.Scalar(),
                                fmt::join(names, ", ")));
}

int read_faction_ref(const Document& doc, const YAML::Node& n, const std::string& path,
                     const std::vector<FactionSpec>& factions) {
  std::vector<std::string> names;
  for (const auto& f : factions) names.push_back(f.name);
  if (!n || !n.IsScalar()) doc.fail(n, path, fmt::format("expected a faction name, found {}", describe(n)));
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == n.Scalar()) return static_cast<int>(i);
  doc.fail(n, path, fmt::format("unknown faction '{}'; expected one of: {}", n.Scalar(), fmt::join(names, ", ")));
}

FactionSpec read_faction(const Document& doc, const YAML::Node& n, const std::string& path, const Geography& geo) {
  if (!n.IsMap()) doc.fail(n, path, fmt::format("expected a faction (a mapping with name, kind, ...), found {}", describe(n)));
  reject_unknown_keys(doc, n, path, {"name", "kind", "country", "paid_by", "objective", "start", "funds", "doctrine", "weights"});
  FactionSpec f;
  f.name = read_text(doc, n, "name", path, true);
  if (!n["kind"]) doc.fail(n, path + ".kind", "missing; expected one of state, foreign, mercenary, militant, separatist, peacekeeper");
  f.kind = read_choice<FactionKind>(doc, n["kind"], path + ".kind", kFactionKindNames);
  f.country = read_text(doc, n, "country", path, false);
  if (f.kind == FactionKind::state && geo.country_index(f.country) < 0)
    doc.fail(n["country"] ? n["country"] : n, path + ".country",
             fmt::format("expected the ISO code of a country of the map for a state, found '{}'", f.country));
  f.paid_by = read_text(doc, n, "paid_by", path, false);
  if (n["objective"]) f.objective = read_choice<Objective>(doc, n["objective"], path + ".objective", kObjectiveNames);
  if (n["funds"]) f.start_funds = read_value(doc, n["funds"], path + ".funds", ParamType::real, -1e12, 1e12, {}, "USD");
  read_section(doc, section_of(doc, n, "doctrine", path + ".doctrine"), path + ".doctrine", doctrine_table(), f.doctrine);
  read_section(doc, section_of(doc, n, "weights", path + ".weights"), path + ".weights", weights_table(), f.weights);
  const YAML::Node start = n["start"];
  if (start && !start.IsNull()) {
    if (!start.IsSequence()) doc.fail(start, path + ".start", fmt::format("expected a list of {{place, troops}}, found {}", describe(start)));
    for (std::size_t i = 0; i < start.size(); ++i) {
      const std::string at = fmt::format("{}.start[{}]", path, i);
      const YAML::Node s = start[i];
      if (!s.IsMap()) doc.fail(s, at, fmt::format("expected {{place: NAME, troops: N}}, found {}", describe(s)));
      reject_unknown_keys(doc, s, at, {"place", "troops"});
      read_place(doc, s["place"], at + ".place", geo);
      const int troops = static_cast<int>(read_value(doc, s["troops"], at + ".troops", ParamType::integer, 0, 1e7, {}, "fighters"));
      f.start.push_back({s["place"].Scalar(), troops});
    }
  }
  return f;
}

ScheduledEvent read_event(const Document& doc, const YAML::Node& n, const std::string& path, const SahelScenario& s,
                          const Geography& geo) {
  static const char* const kKeys[] = {"name", "date", "tick", "type", "faction", "factions", "place", "troops",
                                      "until", "country", "hostile", "budget_cut", "legitimacy_drop", "morale_shock", "set", "note"};
  if (!n.IsMap()) doc.fail(n, path, fmt::format("expected an event (a mapping with date and type), found {}", describe(n)));
  reject_unknown_keys(doc, n, path, std::vector<std::string>(std::begin(kKeys), std::end(kKeys)));
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
      doc.fail(v, p, fmt::format("expected a date within the run, {} to {}, found {}", format_date(s.start_date),
                                 format_date(s.start_date + std::chrono::days{ticks}), v.Scalar()));
    return t;
  };
  ScheduledEvent e;
  if (n["date"]) e.tick = tick_of(n["date"], path + ".date");
  else if (n["tick"]) e.tick = static_cast<int>(read_value(doc, n["tick"], path + ".tick", ParamType::integer, 0, ticks, {}, "ticks"));
  else doc.fail(n, path, "expected a 'date' (YYYY-MM-DD) or a 'tick'");
  if (!n["type"]) doc.fail(n, path + ".type", "missing; expected one of deploy, withdraw, doctrine, hostility, sanctions, coup");
  e.type = read_choice<EventType>(doc, n["type"], path + ".type", kEventTypeNames);
  e.note = read_text(doc, n, "note", path, false, fmt::format("{}", kEventTypeNames[static_cast<int>(e.type)]));
  auto need = [&](const char* key) {
    if (!n[key]) doc.fail(n, path + "." + key, fmt::format("missing; a {} event needs '{}'", kEventTypeNames[static_cast<int>(e.type)], key));
    return n[key];
  };
  switch (e.type) {
    case EventType::deploy:
      e.faction = read_faction_ref(doc, need("faction"), path + ".faction", factions);
      e.cell = read_place(doc, need("place"), path + ".place", geo);
      e.place = n["place"].Scalar();
      e.troops = static_cast<int>(read_value(doc, need("troops"), path + ".troops", ParamType::integer, 1, 1e7, {}, "fighters"));
      break;
    case EventType::withdraw: {
      e.faction = read_faction_ref(doc, need("faction"), path + ".faction", factions);
      const YAML::Node t = need("troops");
      e.troops = t.IsScalar() && t.Scalar() == "all"
                     ? -1
                     : static_cast<int>(read_value(doc, t, path + ".troops", ParamType::integer, 1, 1e7, {}, "fighters (or all)"));
      e.until_tick = n["until"] ? tick_of(n["until"], path + ".until") : e.tick;
      if (e.until_tick < e.tick) doc.fail(n["until"], path + ".until", "expected a date on or after the event's date");
      if (n["country"]) {
        const std::string code = read_text(doc, n, "country", path, true);
        e.country = geo.country_index(code);
        if (e.country < 0) doc.fail(n["country"], path + ".country", fmt::format("expected a country code of the map, found '{}'", code));
      }
      break;
    }
    case EventType::doctrine: {
      e.faction = read_faction_ref(doc, need("faction"), path + ".faction", factions);
      const YAML::Node set = need("set");
      if (!set.IsMap()) doc.fail(set, path + ".set", fmt::format("expected a mapping of doctrine keys, found {}", describe(set)));
      const auto& table = doctrine_table();
      reject_unknown_keys(doc, set, path + ".set", keys_of(table));
      std::vector<std::pair<std::size_t, double>> changes;
      for (std::size_t k = 0; k < table.size(); ++k) {
        const YAML::Node v = set[table[k].key];
        if (!v) continue;
        changes.emplace_back(k, read_value(doc, v, path + ".set." + table[k].key, table[k].type, table[k].lo, table[k].hi,
                                           table[k].choices, table[k].unit));
      }
      e.change = [changes](Doctrine& d) {
        for (const auto& [k, v] : changes) doctrine_table()[k].set(d, v);
      };
      break;
    }
    case EventType::hostility: {
      const YAML::Node pair = need("factions");
      if (!pair.IsSequence() || pair.size() != 2)
        doc.fail(pair, path + ".factions", fmt::format("expected a list of two faction names, found {}", describe(pair)));
      e.faction = read_faction_ref(doc, pair[0], path + ".factions[0]", factions);
      e.other = read_faction_ref(doc, pair[1], path + ".factions[1]", factions);
      e.hostile = read_value(doc, need("hostile"), path + ".hostile", ParamType::boolean, 0, 1, {}, "") != 0;
      break;
    }
    case EventType::sanctions:
      e.faction = read_faction_ref(doc, need("faction"), path + ".faction", factions);
      e.value = read_value(doc, need("budget_cut"), path + ".budget_cut", ParamType::real, 0, 1, {}, "share of the budget");
      e.until_tick = n["until"] ? tick_of(n["until"], path + ".until") : ticks;
      break;
    case EventType::coup:
      e.faction = read_faction_ref(doc, need("faction"), path + ".faction", factions);
      e.value = n["legitimacy_drop"] ? read_value(doc, n["legitimacy_drop"], path + ".legitimacy_drop", ParamType::real, 0, 1, {}, "") : 0;
      e.morale_shock = n["morale_shock"] ? read_value(doc, n["morale_shock"], path + ".morale_shock", ParamType::real, 0, 1, {}, "") : 0;
      break;
  }
  return e;
}

double estimated_bytes(const Extent& x, const CivilianParams& cp, const VectorMap& map, std::size_t factions) {
  const double cells = std::ceil((x.lon_max - x.lon_min) / x.cell_deg) * std::ceil((x.lat_max - x.lat_min) / x.cell_deg);
  double people = 0;
  for (const auto& c : map.countries)
    if (c.core) people += static_cast<double>(c.population);
  // Per cell: static layers (~30 B), dynamic layers (~20 B), window sums
  // (8 B each: 10 + 3 per faction) and per-cell scratch (~40 B).
  return cells * (90.0 + 8.0 * (10 + 3 * static_cast<double>(factions)) + 8.0 * static_cast<double>(factions)) +
         people / cp.people_per_agent * static_cast<double>(kBytesPerCivilian) * 2.0;
}

}  // namespace

SahelScenario read_sahel_scenario(const Document& doc, const ScenarioHeader& header) {
  const YAML::Node& root = doc.root();
  std::vector<std::string> top = header_keys();
  top.insert(top.end(), {"start_date", "map", "civilians", "legitimacy", "combat", "control", "output", "factions",
                         "hostility", "events"});
  reject_unknown_keys(doc, root, "", top);

  SahelScenario s;
  s.file = doc.file();
  s.header = header;
  if (!root["start_date"]) doc.fail(root, "start_date", "missing; expected the first day of the run, YYYY-MM-DD");
  s.start_date = read_date(doc, root["start_date"], "start_date");

  // The map: file, extent and rasterisation rules in one section.
  const YAML::Node map = section_of(doc, root, "map", "map");
  if (!map || !map["file"]) doc.fail(map ? map : root, "map.file", "missing; expected the path of a vector map (e.g. maps/sahel.yaml)");
  std::vector<std::string> geo_keys = keys_of(geography_table());
  std::vector<std::string> extent_keys = keys_of(extent_table());
  std::vector<std::string> extra = geo_keys;
  extra.push_back("file");
  read_section(doc, map, "map", extent_table(), s.extent, extra);
  extra = extent_keys;
  extra.push_back("file");
  read_section(doc, map, "map", geography_table(), s.geography, extra);
  if (s.extent.lon_max <= s.extent.lon_min || s.extent.lat_max <= s.extent.lat_min)
    doc.fail(map, "map", fmt::format("expected lon_min < lon_max and lat_min < lat_max, found [{}, {}] x [{}, {}]",
                                     s.extent.lon_min, s.extent.lon_max, s.extent.lat_min, s.extent.lat_max));
  s.map_file = read_text(doc, map, "file", "map", true);
  const std::string map_path = (std::filesystem::path(doc.file()).parent_path() / s.map_file).string();
  if (!std::filesystem::exists(map_path))
    doc.fail(map["file"], "map.file", fmt::format("expected an existing map file, found no file at {}", map_path));

  SahelParams& p = s.setup.params;
  read_section(doc, section_of(doc, root, "civilians", "civilians"), "civilians", civilian_table(), p.civilians);
  read_section(doc, section_of(doc, root, "legitimacy", "legitimacy"), "legitimacy", legitimacy_table(), p.legitimacy);
  read_section(doc, section_of(doc, root, "combat", "combat"), "combat", combat_table(), p.combat);
  read_section(doc, section_of(doc, root, "control", "control"), "control", control_table(), p.control);
  const YAML::Node output = section_of(doc, root, "output", "output");
  if (output) {
    reject_unknown_keys(doc, output, "output", {"snapshot_every"});
    if (output["snapshot_every"])
      s.snapshot_every = static_cast<int>(read_value(doc, output["snapshot_every"], "output.snapshot_every",
                                                     ParamType::integer, 0, 1e7, {}, "ticks"));
  }

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
      if (other.name == f.name) doc.fail(list[i]["name"], path + ".name", fmt::format("expected a new faction name, found '{}' twice", f.name));
    s.setup.factions.push_back(std::move(f));
  }
  if (s.setup.factions.size() > 100) doc.fail(list, "factions", "expected at most 100 factions");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const FactionSpec& f = s.setup.factions[i];
    if (!f.paid_by.empty()) read_faction_ref(doc, list[i]["paid_by"], fmt::format("factions[{}].paid_by", i), s.setup.factions);
  }

  const YAML::Node hostility = root["hostility"];
  if (hostility && !hostility.IsNull()) {
    if (!hostility.IsSequence()) doc.fail(hostility, "hostility", fmt::format("expected a list of [A, B] pairs, found {}", describe(hostility)));
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
    if (!events.IsSequence()) doc.fail(events, "events", fmt::format("expected a list of events, found {}", describe(events)));
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
  r["legitimacy"] = section_json(legitimacy_table(), p.legitimacy);
  r["combat"] = section_json(combat_table(), p.combat);
  r["control"] = section_json(control_table(), p.control);
  r["output"] = {{"snapshot_every", s.snapshot_every}};
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
    j["doctrine"] = section_json(doctrine_table(), f.doctrine);
    j["weights"] = section_json(weights_table(), f.weights);
    r["factions"].push_back(j);
  }
  r["hostility"] = nlohmann::ordered_json::array();
  for (const auto& [a, b] : s.setup.hostile_pairs)
    r["hostility"].push_back({s.setup.factions[static_cast<std::size_t>(a)].name, s.setup.factions[static_cast<std::size_t>(b)].name});
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
