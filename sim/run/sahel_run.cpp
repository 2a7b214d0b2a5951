// SPDX-License-Identifier: MIT
#include "run/sahel_run.hpp"

#include <fmt/format.h>

#include <chrono>

#include "model/sahel/model.hpp"
#include "output/atomic_file.hpp"
#include "output/checkpoint.hpp"
#include "output/manifest.hpp"
#include "output/sahel_records.hpp"
#include "run/run_manifest.hpp"
#include "run/step_loop.hpp"
#include "scenario/input_error.hpp"

namespace sahel::run {

int tick_of_date(const scenario::SahelScenario& s, const std::string& date, const std::string& flag) {
  const scenario::Location where{flag + " " + date, 0, 0};
  const auto day = scenario::parse_date(date);
  if (!day)
    throw scenario::InputError(where, fmt::format("expected a real calendar date YYYY-MM-DD, found '{}'", date));
  const int tick = static_cast<int>((*day - s.start_date).count());
  if (tick < 1 || tick >= s.header.run.ticks)
    throw scenario::InputError(
        where, fmt::format("expected a date after the start and before the end of the run, {} to {}, found {}",
                           scenario::format_date(s.start_date + std::chrono::days{1}),
                           scenario::format_date(s.start_date + std::chrono::days{s.header.run.ticks - 1}), date));
  return tick;
}

std::string checkpoint_name(const scenario::SahelScenario& s, int tick) {
  return "checkpoint-" + scenario::format_date(s.start_date + std::chrono::days{tick}) + ".bin";
}

SahelRunResult simulate(scenario::SahelScenario s, const SahelRunPlan& plan) {
  const auto started = std::chrono::steady_clock::now();
  const bool files = !plan.out.empty();
  const bool snapshots = files && plan.cell_snapshots && s.snapshot_every > 0;
  if (files) output::prepare_output_folder(plan.out);
  if (snapshots) {
    output::prepare_output_folder(plan.out / "cells");
    output::prepare_output_folder(plan.out / "units");
  }

  model::World initial = model::make_world(std::move(s.setup));
  output::RunCursor cursor;
  output::CheckpointInfo resumed;
  const bool resuming = !plan.resume_from.empty();
  // The checkpoint's date, as a day of this scenario (which may start
  // earlier or later than the history that wrote it).
  auto day_of = [&](const std::string& date) {
    const auto day = scenario::parse_date(date);
    const int tick = day ? static_cast<int>((*day - s.start_date).count()) : -1;
    if (!day || tick < 0)
      throw scenario::InputError({plan.resume_from.string(), 0, 0},
                                 fmt::format("the checkpoint is of {}, before this scenario's start ({}); expected a "
                                             "checkpoint dated within the run",
                                             date, scenario::format_date(s.start_date)));
    return tick;
  };
  if (resuming) resumed = output::read_checkpoint(plan.resume_from, initial, cursor, day_of);
  model::Model model(std::move(initial));
  const model::World& world = model.world();
  const int first_tick = world.tick;
  const int last_tick = plan.stop_at_checkpoint ? plan.checkpoint_tick : s.header.run.ticks;
  if (resuming && first_tick >= last_tick)
    throw scenario::InputError({plan.resume_from.string(), 0, 0},
                               fmt::format("the checkpoint is of {}, at or after the end of the run ({})", resumed.date,
                                           scenario::format_date(s.start_date + std::chrono::days{last_tick})));

  SahelRunResult result;
  for (const auto& f : world.factions) result.faction_names.push_back(f.spec.name);
  auto date_of = [&](int tick) { return scenario::format_date(s.start_date + std::chrono::days{tick}); };

  // Records go to the files, to the result's tables, or to both.
  std::optional<output::AtomicFile> timeseries_file, events_file, countries_file;
  std::optional<output::CsvSink> timeseries_csv, events_csv, countries_csv;
  std::optional<output::TableSink> timeseries_table, events_table, countries_table;
  std::optional<output::TeeSink> timeseries_tee, events_tee, countries_tee;
  auto sink = [&](std::optional<output::AtomicFile>& file, std::optional<output::CsvSink>& csv,
                  std::optional<output::TableSink>& table_sink, std::optional<output::TeeSink>& tee,
                  output::Table& table, const char* name) -> output::RowSink* {
    if (files) {
      file.emplace(plan.out / name);
      csv.emplace(file->stream());
      result.outputs.emplace_back(name);
    }
    if (plan.keep_tables) table_sink.emplace(table);
    if (files && plan.keep_tables) return &tee.emplace(*csv, *table_sink);
    if (files) return &*csv;
    return plan.keep_tables ? &*table_sink : nullptr;
  };
  output::RowSink* timeseries_sink =
      sink(timeseries_file, timeseries_csv, timeseries_table, timeseries_tee, result.timeseries, "timeseries.csv");
  output::RowSink* countries_sink =
      sink(countries_file, countries_csv, countries_table, countries_tee, result.countries, "countries.csv");
  output::RowSink* events_sink = sink(events_file, events_csv, events_table, events_tee, result.events, "events.csv");
  std::optional<output::SahelTimeseries> timeseries;
  std::optional<output::SahelCountries> countries;
  std::optional<output::SahelEventLog> events;
  if (timeseries_sink) {
    timeseries.emplace(*timeseries_sink);
    countries.emplace(*countries_sink);
    events.emplace(*events_sink, cursor.events_logged + 1);
  }
  auto snapshot = [&](int tick) {
    if (!snapshots) return;
    const std::string cells = "cells/cells_" + date_of(tick) + ".csv";
    const std::string units = "units/units_" + date_of(tick) + ".csv";
    output::write_cell_snapshot(plan.out / cells, world);
    output::write_unit_snapshot(plan.out / units, world);
    result.outputs.push_back(cells);
    result.outputs.push_back(units);
  };

  model::Census census = model.census();
  result.first = census;
  if (!resuming) {
    cursor.tally = model::start_tally(world, census);
    if (timeseries) {
      timeseries->write(date_of(first_tick), world, census);
      countries->write(date_of(first_tick), world, census);
    }
    snapshot(first_tick);
  }
  std::int64_t events_logged = cursor.events_logged;
  auto record_day = [&](int t, model::Census today) {
    census = std::move(today);
    model::add_day(cursor.tally, world, census);
    events_logged += static_cast<std::int64_t>(model.events_today().size());
    if (timeseries) {
      timeseries->write(date_of(t), world, census);
      countries->write(date_of(t), world, census);
      events->write(date_of(t), world, model.events_today());
    }
    if (snapshots && (t % s.snapshot_every == 0 || t == last_tick)) snapshot(t);
    if (t == plan.checkpoint_tick && files) {
      cursor.events_logged = events_logged;
      result.checkpoint = plan.out / checkpoint_name(s, t);
      output::write_checkpoint(result.checkpoint, world, cursor,
                               {t, date_of(t), s.header.run.seed, s.header.run.replicate, s.header.name});
      result.outputs.push_back(result.checkpoint.filename().string());
    }
  };
  const LoopTiming loop = step_through(model, first_tick, last_tick, record_day, plan.progress, date_of);

  result.last = census;
  result.tally = cursor.tally;
  result.outcomes = model::outcome_values(cursor.tally, world, census);
  result.event_count = events_logged;
  result.first_date = date_of(first_tick);
  result.last_date = date_of(last_tick);
  // The digest hashes the whole state: only when it is asked for or the
  // manifest records it, so sweeps do not pay for it.
  if (plan.digest || files) result.final_state_sha256 = model.state_digest();
  if (plan.keep_layers) result.layers = cell_layers_of(world);
  if (files) {
    timeseries_file->commit();
    countries_file->commit();
    events_file->commit();
    output::write_outcomes(plan.out / "outcomes.csv", result.outcomes);
    result.outputs.push_back("outcomes.csv");
  }
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (files) {
    nlohmann::ordered_json m = manifest_head(s, plan.command_line, plan.threads);
    m["start_date"] = date_of(0);
    m["first_date"] = result.first_date;
    m["end_date"] = result.last_date;
    if (resuming) {
      m["resumed_from"] = {{"checkpoint", plan.resume_from.string()},
                           {"date", resumed.date},
                           {"scenario", resumed.scenario},
                           {"seed", resumed.seed}};
    }
    m["agents"] = model.agents();
    m["households"] = world.civilians.size();
    m["bytes_per_household_columns"] = model::kBytesPerCivilian;
    for (const model::ColumnBytes& c : model::kCivilianColumns) m["household_column_bytes"][c.name] = c.bytes;
    add_performance(m, model, result.final_state_sha256, result.wall_seconds, loop.seconds, last_tick - first_tick,
                    loop.agent_updates);
    m["events"] = events_logged;
    result.outputs.push_back("manifest.json");
    m["outputs"] = result.outputs;
    output::write_manifest(plan.out, m);
  }
  return result;
}

}  // namespace sahel::run
