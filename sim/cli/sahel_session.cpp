// SPDX-License-Identifier: MIT
#include "cli/sahel_session.hpp"

#include <fmt/format.h>

#include <chrono>

#include "cli/run_manifest.hpp"
#include "model/sahel/model.hpp"
#include "output/atomic_file.hpp"
#include "output/checkpoint.hpp"
#include "output/manifest.hpp"
#include "output/sahel_records.hpp"
#include "scenario/input_error.hpp"

namespace sahel::cli {

int tick_of_date(const scenario::SahelScenario& s, const std::string& date, const std::string& flag) {
  const scenario::Location where{flag + " " + date, 0, 0};
  const auto day = scenario::parse_date(date);
  if (!day) throw scenario::InputError(where, fmt::format("expected a real calendar date YYYY-MM-DD, found '{}'", date));
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

SahelRunResult simulate_sahel(scenario::SahelScenario s, const SahelRunPlan& plan) {
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

  if (plan.progress) plan.progress->set_total(last_tick - first_tick);
  SahelRunResult result;
  for (const auto& f : world.factions) result.faction_names.push_back(f.spec.name);
  auto date_of = [&](int tick) { return scenario::format_date(s.start_date + std::chrono::days{tick}); };

  std::optional<output::AtomicFile> timeseries_file, events_file, countries_file;
  std::optional<output::SahelTimeseries> timeseries;
  std::optional<output::SahelCountries> countries;
  std::optional<output::SahelEventLog> events;
  if (files) {
    timeseries_file.emplace(plan.out / "timeseries.csv");
    events_file.emplace(plan.out / "events.csv");
    countries_file.emplace(plan.out / "countries.csv");
    timeseries.emplace(timeseries_file->stream());
    countries.emplace(countries_file->stream());
    events.emplace(events_file->stream(), cursor.events_logged + 1);
    result.outputs = {"timeseries.csv", "countries.csv", "events.csv"};
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
  double updates = 0;  // households and units updated, summed over days
  const auto loop_started = std::chrono::steady_clock::now();
  for (int t = first_tick + 1; t <= last_tick; ++t) {
    updates += static_cast<double>(model.agents());
    model.step();
    census = model.census();
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
    if (plan.progress) plan.progress->update(t - first_tick, date_of(t));
  }
  if (plan.progress) plan.progress->finish();
  const double loop_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_started).count();

  result.last = census;
  result.tally = cursor.tally;
  result.outcomes = model::outcome_values(cursor.tally, world, census);
  result.events = events_logged;
  result.first_date = date_of(first_tick);
  result.last_date = date_of(last_tick);
  if (files) {
    timeseries_file->commit();
    countries_file->commit();
    events_file->commit();
    output::write_outcomes(plan.out / "outcomes.csv", result.outcomes);
    result.outputs.push_back("outcomes.csv");
  }
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (files) {
    RunOptions options;
    options.command_line = plan.command_line;
    nlohmann::ordered_json m = manifest_head(s, options, plan.threads);
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
    add_performance(m, model, result.wall_seconds, loop_seconds, last_tick - first_tick, updates);
    m["events"] = events_logged;
    result.outputs.push_back("manifest.json");
    m["outputs"] = result.outputs;
    output::write_manifest(plan.out, m);
  }
  return result;
}

}  // namespace sahel::cli
