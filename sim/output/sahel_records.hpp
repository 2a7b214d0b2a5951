// SPDX-License-Identifier: MIT
#pragma once
// The CSV outputs of a Sahel run:
//  - timeseries.csv, tidy: one row per (date, faction) and one "civilians"
//    row per date;
//  - countries.csv: displacement per country and date;
//  - events.csv, shaped like ACLED's event log;
//  - cells/cells_YYYY-MM-DD.csv snapshots of the core countries' cells.
#include <chrono>
#include <filesystem>
#include <ostream>

#include "model/sahel/model.hpp"
#include "model/sahel/outcomes.hpp"
#include "output/table.hpp"

namespace sahel::output {

class SahelTimeseries {
 public:
  explicit SahelTimeseries(RowSink& out);
  void write(const std::string& date, const model::World& world, const model::Census& census);

 private:
  RowSink& sink_;
};

// countries.csv: per (date, country of the map) the people whose home is
// there, of them the displaced inside it and the refugees abroad, and the
// refugees it hosts.
class SahelCountries {
 public:
  explicit SahelCountries(RowSink& out);
  void write(const std::string& date, const model::World& world, const model::Census& census);

 private:
  RowSink& sink_;
};

class SahelEventLog {
 public:
  // Numbers events from `first_id` (a resumed run continues the numbering).
  explicit SahelEventLog(RowSink& out, std::int64_t first_id = 1);
  // Appends today's events; numbers them in order of appearance.
  void write(const std::string& date, const model::World& world, const std::vector<model::ConflictEvent>& events);
  std::int64_t count() const { return next_id_ - first_id_; }

 private:
  std::int64_t first_id_, next_id_;
  RowSink& sink_;
};

// Writes one snapshot of every cell inside a core country, atomically.
void write_cell_snapshot(const std::filesystem::path& path, const model::World& world);
// Writes one snapshot of every armed unit (position, faction, strength).
void write_unit_snapshot(const std::filesystem::path& path, const model::World& world);
// Writes outcomes.csv: metric, value, unit, description, in catalogue order.
void write_outcomes(const std::filesystem::path& path, const std::vector<double>& values);

}  // namespace sahel::output
