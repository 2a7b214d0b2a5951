// SPDX-License-Identifier: MIT
#include "cli/run_epstein.hpp"

#include <fmt/format.h>

#include "core/parallel.hpp"
#include "run/epstein_run.hpp"

namespace sahel::cli {

int run_epstein(const scenario::EpsteinScenario& s, const RunOptions& options) {
  const core::ThreadLimit threads(options.threads);
  run::EpsteinRunPlan plan;
  plan.out = options.out;
  plan.command_line = options.command_line;
  plan.threads = threads.threads();
  const run::EpsteinRunResult r = run::simulate(s, plan);
  if (options.quiet) return 0;
  const epstein::Census& end = r.last;
  fmt::print("\n{} ({} ticks, {} citizens, {} cops, {} threads)\n", s.header.name, s.header.run.ticks, end.citizens,
             end.cops, threads.threads());
  fmt::print("  {:<28}{:>10}{:>10}{:>10}\n", "", "quiet", "active", "jailed");
  fmt::print("  {:<28}{:>10}{:>10}{:>10}\n", "end of run", end.quiet, end.active, end.jailed);
  fmt::print("  {:<28}{:>10}{:>10}{:>10}\n", fmt::format("peak rebellion (tick {})", r.peak.tick), r.peak.quiet,
             r.peak.active, r.peak.jailed);
  fmt::print("  arrests in all: {}; legitimacy at the end: {}\n", r.arrests, end.legitimacy);
  fmt::print("  {:.2f} s wall, {:.3g} agent-updates per second\n", r.wall_seconds, r.agent_updates_per_second);
  fmt::print("outputs:\n  {}\n  {}\n", (options.out / "timeseries.csv").string(),
             (options.out / "manifest.json").string());
  return 0;
}

}  // namespace sahel::cli
