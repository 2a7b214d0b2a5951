// SPDX-License-Identifier: MIT
#include "output/sahel_records.hpp"

#include <fmt/format.h>

#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"

namespace sahel::output {

using model::Census;
using model::World;

SahelTimeseries::SahelTimeseries(RowSink& out) : sink_(out) {
  sink_.header({"date",
                "tick",
                "faction",
                "kind",
                "strength",
                "units",
                "cells_controlled",
                "losses",
                "civilians_killed",
                "recruited",
                "funds",
                "support",
                "population",
                "dead",
                "displaced",
                "idps",
                "refugees",
                "active_supporters",
                "mean_legitimacy",
                "reputation"});
}

void SahelTimeseries::write(const std::string& date, const World& world, const Census& c) {
  for (std::size_t f = 0; f < world.factions.size(); ++f) {
    const auto& spec = world.factions[f].spec;
    const auto& fc = c.factions[f];
    const bool state = spec.kind == model::FactionKind::state;
    sink_.row(date, c.tick, spec.name, model::kFactionKindNames[static_cast<int>(spec.kind)], fc.strength, fc.units,
              fc.cells_controlled, fc.losses, fc.civilians_killed, fc.recruited, fc.funds, fc.support, "", "", "", "",
              "", "", "", state ? std::optional(fc.reputation) : std::nullopt);
  }
  sink_.row(date, c.tick, "civilians", "civilians", "", "", "", "", "", c.recruited, "", "", c.population, c.dead,
            c.displaced, c.displaced - c.refugees, c.refugees, c.active, c.mean_legitimacy, c.reputation);
}

SahelCountries::SahelCountries(RowSink& out) : sink_(out) {
  sink_.header({"date", "tick", "country", "name", "population", "idps", "refugees_abroad", "refugees_hosted"});
}

void SahelCountries::write(const std::string& date, const World& world, const Census& c) {
  for (std::size_t k = 0; k < world.geo.countries.size() && k < c.countries.size(); ++k) {
    const model::CountryCensus& n = c.countries[k];
    sink_.row(date, c.tick, world.geo.countries[k].code, world.geo.countries[k].name, n.population, n.idps,
              n.refugees_abroad, n.refugees_hosted);
  }
}

SahelEventLog::SahelEventLog(RowSink& out, std::int64_t first_id)
    : first_id_(first_id), next_id_(first_id), sink_(out) {
  sink_.header({"event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
                "latitude", "longitude", "fatalities", "civilian_fatalities", "notes"});
}

void SahelEventLog::write(const std::string& date, const World& world,
                          const std::vector<model::ConflictEvent>& events) {
  const model::Geography& geo = world.geo;
  auto actor = [&](int f) -> std::string {
    return f >= 0 ? world.factions[static_cast<std::size_t>(f)].spec.name : std::string();
  };
  for (const model::ConflictEvent& e : events) {
    std::string country, location;
    double lat = 0, lon = 0;
    if (e.cell != core::kNoCell) {
      const int k = geo.country.data()[e.cell];
      if (k >= 0) country = geo.countries[static_cast<std::size_t>(k)].name;
      const int p = geo.nearest_place.data()[e.cell];
      if (p >= 0) location = geo.places[static_cast<std::size_t>(p)].name;
      lat = geo.lat_of(geo.grid.y_of(e.cell));
      lon = geo.lon_of(geo.grid.x_of(e.cell));
    }
    const bool against_civilians = e.kind == model::EventKind::violence_against_civilians;
    const std::string actor2 = against_civilians ? "Civilians" : actor(e.actor2);
    sink_.row(next_id_++, date, model::kEventKindNames[static_cast<int>(e.kind)],
              model::kSubEventNames[static_cast<int>(e.sub)], actor(e.actor1), actor2, country, location, lat, lon,
              e.fatalities, e.civilians, e.note);
  }
}

void write_cell_snapshot(const std::filesystem::path& path, const World& w) {
  AtomicFile file(path);
  std::vector<std::string> header = {"lon",        "lat",       "country",    "controller", "zone",
                                     "population", "displaced", "legitimacy", "violence"};
  // Support for each armed group, by name (the first faction of its actor).
  for (std::size_t a = model::kFirstArmedGroup; a < w.actors(); ++a)
    header.push_back("support_" + w.factions[static_cast<std::size_t>(w.actor_faction[a])].spec.name);
  CsvWriter csv(file.stream(), header);
  const model::Geography& geo = w.geo;
  const auto cells = geo.grid.cells();
  std::vector<std::int64_t> people(static_cast<std::size_t>(cells), 0), displaced(static_cast<std::size_t>(cells), 0);
  for (std::size_t i = 0; i < w.civilians.size(); ++i) {
    people[static_cast<std::size_t>(w.civilians.cell[i])] += w.civilians.people[i];
    if (w.civilians.displaced[i]) displaced[static_cast<std::size_t>(w.civilians.cell[i])] += w.civilians.people[i];
  }
  for (core::CellIndex c = 0; c < cells; ++c) {
    if (!geo.is_core(c)) continue;
    const int k = w.controller.data()[c];
    csv.begin_row(geo.lon_of(geo.grid.x_of(c)), geo.lat_of(geo.grid.y_of(c)),
                  geo.countries[static_cast<std::size_t>(geo.country.data()[c])].code,
                  k >= 0 ? w.factions[static_cast<std::size_t>(k)].spec.name : std::string("contested"),
                  static_cast<int>(w.zone.data()[c]), people[static_cast<std::size_t>(c)],
                  displaced[static_cast<std::size_t>(c)], w.legitimacy().data()[c], w.violence.data()[c]);
    for (std::size_t a = model::kFirstArmedGroup; a < w.actors(); ++a) csv.add(w.support[a].data()[c]);
    csv.end_row();
  }
  file.commit();
}

void write_unit_snapshot(const std::filesystem::path& path, const World& w) {
  AtomicFile file(path);
  CsvWriter csv(file.stream(), {"unit", "faction", "kind", "lon", "lat", "strength", "morale", "posture"});
  const model::Geography& geo = w.geo;
  const model::Units& u = w.units;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const auto& spec = w.factions[u.faction[i]].spec;
    csv.row(u.id[i], spec.name, model::kFactionKindNames[static_cast<int>(spec.kind)],
            geo.lon_of(geo.grid.x_of(u.cell[i])), geo.lat_of(geo.grid.y_of(u.cell[i])), u.strength[i], u.morale[i],
            model::kPostureNames[static_cast<int>(u.posture[i])]);
  }
  file.commit();
}

void write_outcomes(const std::filesystem::path& path, const std::vector<double>& values) {
  AtomicFile file(path);
  CsvWriter csv(file.stream(), {"metric", "value", "unit", "description"});
  const auto& catalogue = model::outcome_metric_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i)
    csv.row(catalogue[i].name, values.at(i), catalogue[i].unit, catalogue[i].description);
  file.commit();
}

}  // namespace sahel::output
