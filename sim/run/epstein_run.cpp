// SPDX-License-Identifier: MIT
#include "run/epstein_run.hpp"

#include <chrono>
#include <optional>

#include "output/atomic_file.hpp"
#include "output/epstein_timeseries.hpp"
#include "output/manifest.hpp"
#include "run/run_manifest.hpp"
#include "run/step_loop.hpp"

namespace sahel::run {

EpsteinRunResult simulate(const scenario::EpsteinScenario& s, const EpsteinRunPlan& plan) {
  const bool files = !plan.out.empty();
  if (files) output::prepare_output_folder(plan.out);
  const auto started = std::chrono::steady_clock::now();
  EpsteinRunResult result;

  epstein::Model model(epstein::make_world(s.core_grid(), s.params, {s.header.run.seed, s.header.run.replicate}));
  std::optional<output::AtomicFile> file;
  std::optional<output::CsvSink> csv;
  std::optional<output::TableSink> table;
  std::optional<output::TeeSink> tee;
  output::RowSink* sink = nullptr;
  if (files) {
    file.emplace(plan.out / "timeseries.csv");
    sink = &csv.emplace(file->stream());
  }
  if (plan.keep_tables) {
    table.emplace(result.timeseries);
    sink = files ? static_cast<output::RowSink*>(&tee.emplace(*csv, *table)) : &*table;
  }
  std::optional<output::EpsteinTimeseries> timeseries;
  if (sink) timeseries.emplace(*sink);

  epstein::Census census = model.census();
  if (timeseries) timeseries->write(census);
  result.peak = census;
  auto record = [&](int, const epstein::Census& c) {
    census = c;
    if (timeseries) timeseries->write(census);
    result.arrests += census.arrests;
    if (census.active > result.peak.active) result.peak = census;
  };
  auto where = [](int t) { return "tick " + std::to_string(t); };
  const LoopTiming loop = step_through(model, 0, s.header.run.ticks, record, plan.progress, where);
  if (file) file->commit();

  result.last = census;
  if (plan.digest || files) result.final_state_sha256 = model.state_digest();
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.agent_updates_per_second = loop.seconds > 0 ? loop.agent_updates / loop.seconds : 0.0;
  if (files) {
    nlohmann::ordered_json m = manifest_head(s, plan.command_line, plan.threads);
    m["agents"] = model.agents();
    add_performance(m, model, result.final_state_sha256, result.wall_seconds, loop.seconds, s.header.run.ticks,
                    loop.agent_updates);
    result.outputs = {"timeseries.csv", "manifest.json"};
    m["outputs"] = result.outputs;
    output::write_manifest(plan.out, m);
  }
  return result;
}

}  // namespace sahel::run
