// SPDX-License-Identifier: MIT
#include "cli/run_sahel.hpp"

#include <fmt/format.h>

#include <chrono>

#include "cli/run_manifest.hpp"
#include "core/parallel.hpp"
#include "model/sahel/model.hpp"
#include "output/atomic_file.hpp"
#include "output/manifest.hpp"
#include "output/sahel_records.hpp"

namespace sahel::cli {

namespace {

// 1234567 -> "1,234,567".
std::string thousands(std::int64_t v) {
  const std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out = v < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

int run_sahel(scenario::SahelScenario s, const RunOptions& options) {
  output::prepare_output_folder(options.out);
  const std::filesystem::path cells_dir = options.out / "cells";
  if (s.snapshot_every > 0) output::prepare_output_folder(cells_dir);
  const core::ThreadLimit threads(options.threads);
  const auto started = std::chrono::steady_clock::now();

  model::Model model(model::make_world(std::move(s.setup)));
  const model::World& world = model.world();
  output::AtomicFile timeseries_file(options.out / "timeseries.csv");
  output::AtomicFile events_file(options.out / "events.csv");
  output::SahelTimeseries timeseries(timeseries_file.stream());
  output::SahelEventLog events(events_file.stream());
  std::vector<std::string> outputs = {"timeseries.csv", "events.csv"};

  auto date_of = [&](int tick) { return scenario::format_date(s.start_date + std::chrono::days{tick}); };
  auto snapshot = [&](int tick) {
    if (s.snapshot_every <= 0) return;
    const std::string name = "cells/cells_" + date_of(tick) + ".csv";
    output::write_cell_snapshot(options.out / name, world);
    outputs.push_back(name);
  };

  const model::Census first = model.census();
  model::Census census = first;
  timeseries.write(date_of(0), world, census);
  snapshot(0);
  const std::size_t nf = world.factions.size();
  std::vector<std::int64_t> losses(nf, 0), killed(nf, 0);
  std::int64_t peak_displaced = 0, joined = 0;
  double updates = 0;  // households and units updated, summed over ticks
  const auto loop_started = std::chrono::steady_clock::now();
  for (int t = 1; t <= s.header.run.ticks; ++t) {
    updates += static_cast<double>(model.agents());
    model.step();
    census = model.census();
    timeseries.write(date_of(t), world, census);
    events.write(date_of(t), world, model.events_today());
    for (std::size_t f = 0; f < nf; ++f) {
      losses[f] += census.factions[f].losses;
      killed[f] += census.factions[f].civilians_killed;
    }
    peak_displaced = std::max(peak_displaced, census.displaced);
    joined += census.recruited;
    if (s.snapshot_every > 0 && (t % s.snapshot_every == 0 || t == s.header.run.ticks)) snapshot(t);
  }
  const double loop_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_started).count();
  timeseries_file.commit();
  events_file.commit();

  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  nlohmann::ordered_json m = manifest_head(s, options, threads.threads());
  m["start_date"] = date_of(0);
  m["end_date"] = date_of(s.header.run.ticks);
  m["agents"] = model.agents();
  m["households"] = world.civilians.size();
  m["bytes_per_household_columns"] = model::kBytesPerCivilian;
  add_performance(m, model, wall, loop_seconds, s.header.run.ticks, updates);
  m["events"] = events.count();
  outputs.push_back("manifest.json");
  m["outputs"] = outputs;
  output::write_manifest(options.out, m);

  if (!options.quiet) {
    fmt::print("\n{}\n{} to {} ({} days), seed {}, {} threads, {:.1f} s\n\n", s.header.name, date_of(0),
               date_of(s.header.run.ticks), s.header.run.ticks, s.header.run.seed, threads.threads(), wall);
    fmt::print("  {:<22}{:>10}{:>10}{:>10}{:>10}{:>10}{:>12}\n", "faction", "strength", "", "cells held", "", "losses",
               "civilians");
    fmt::print("  {:<22}{:>10}{:>10}{:>10}{:>10}{:>10}{:>12}\n", "", "start", "end", "start", "end", "", "killed");
    for (std::size_t f = 0; f < nf; ++f)
      fmt::print("  {:<22}{:>10}{:>10}{:>10}{:>10}{:>10}{:>12}\n", world.factions[f].spec.name,
                 thousands(first.factions[f].strength), thousands(census.factions[f].strength),
                 thousands(first.factions[f].cells_controlled), thousands(census.factions[f].cells_controlled),
                 thousands(losses[f]), thousands(killed[f]));
    fmt::print("\n  civilians killed {}, displaced {} at the end (peak {}), refugees abroad {}, joined armed groups {}\n",
               thousands(census.dead), thousands(census.displaced), thousands(peak_displaced), thousands(census.refugees),
               thousands(joined));
    fmt::print("  mean local legitimacy of the state {:.2f} -> {:.2f}; {} events logged\n", first.mean_legitimacy,
               census.mean_legitimacy, thousands(events.count()));
    fmt::print("outputs in {}:\n", options.out.string());
    for (const auto& o : outputs)
      if (o.rfind("cells/", 0) != 0) fmt::print("  {}\n", (options.out / o).string());
    if (s.snapshot_every > 0) fmt::print("  {}/ ({} snapshots)\n", cells_dir.string(), outputs.size() - 3);
  }
  return 0;
}

}  // namespace sahel::cli
