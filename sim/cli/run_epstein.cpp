// SPDX-License-Identifier: MIT
#include "cli/run_epstein.hpp"

#include <fmt/format.h>

#include <chrono>

#include "cli/process_stats.hpp"
#include "cli/version.hpp"
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
  nlohmann::ordered_json m;
  m["program"] = "sahelsim";
  m["version"] = kVersion;
  m["command"] = options.command_line;
  m["scenario_file"] = s.file;
  m["scenario_sha256"] = s.sha256;
  m["scenario"] = s.resolved;
  m["seed"] = s.header.run.seed;
  m["replicate"] = s.header.run.replicate;
  m["threads"] = threads.threads();
  m["ticks"] = s.header.run.ticks;
  m["agents"] = model.agents();
  m["wall_seconds"] = wall;
  m["ticks_per_second"] = loop_seconds > 0 ? s.header.run.ticks / loop_seconds : 0.0;
  m["agent_updates_per_second"] = loop_seconds > 0 ? updates / loop_seconds : 0.0;
  for (const auto& phase : model.phases().phases()) m["phase_seconds"][phase.name] = phase.seconds;
  m["final_state_sha256"] = model.state_digest();
  m["max_rss_bytes"] = max_rss_bytes();
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
