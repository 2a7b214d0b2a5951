// SPDX-License-Identifier: MIT
#include "cli/run_epstein.hpp"

#include <fmt/format.h>

#include <chrono>

#include "cli/run_manifest.hpp"
#include "core/parallel.hpp"
#include "model/epstein/model.hpp"
#include "output/atomic_file.hpp"
#include "output/epstein_timeseries.hpp"
#include "output/manifest.hpp"

namespace sahel::cli {

int run_epstein(const scenario::EpsteinScenario& s, const RunOptions& options) {
  output::prepare_output_folder(options.out);
  const core::ThreadLimit threads(options.threads);
  const auto started = std::chrono::steady_clock::now();

  epstein::Model model(epstein::make_world(s.core_grid(), s.params, {s.header.run.seed, s.header.run.replicate}));
  output::AtomicFile timeseries_file(options.out / "timeseries.csv");
  output::EpsteinTimeseries timeseries(timeseries_file.stream());

  epstein::Census census = model.census();
  timeseries.write(census);
  epstein::Census peak = census;
  std::int64_t total_arrests = 0;
  const auto loop_started = std::chrono::steady_clock::now();
  for (int t = 0; t < s.header.run.ticks; ++t) {
    model.step();
    census = model.census();
    timeseries.write(census);
    total_arrests += census.arrests;
    if (census.active > peak.active) peak = census;
  }
  const double loop_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_started).count();
  timeseries_file.commit();

  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double updates = static_cast<double>(model.agents()) * s.header.run.ticks;
  nlohmann::ordered_json m = manifest_head(s, options, threads.threads());
  m["agents"] = model.agents();
  add_performance(m, model, wall, loop_seconds, s.header.run.ticks, updates);
  m["outputs"] = {"timeseries.csv", "manifest.json"};
  output::write_manifest(options.out, m);

  if (!options.quiet) {
    fmt::print("\n{} ({} ticks, {} citizens, {} cops, {} threads)\n", s.header.name, s.header.run.ticks,
               census.citizens, census.cops, threads.threads());
    fmt::print("  {:<28}{:>10}{:>10}{:>10}\n", "", "quiet", "active", "jailed");
    fmt::print("  {:<28}{:>10}{:>10}{:>10}\n", "end of run", census.quiet, census.active, census.jailed);
    fmt::print("  {:<28}{:>10}{:>10}{:>10}\n", fmt::format("peak rebellion (tick {})", peak.tick), peak.quiet,
               peak.active, peak.jailed);
    fmt::print("  arrests in all: {}; legitimacy at the end: {}\n", total_arrests, census.legitimacy);
    fmt::print("  {:.2f} s wall, {:.3g} agent-updates per second\n", wall,
               m["agent_updates_per_second"].get<double>());
    fmt::print("outputs:\n  {}\n  {}\n", (options.out / "timeseries.csv").string(),
               (options.out / "manifest.json").string());
  }
  return 0;
}

}  // namespace sahel::cli
