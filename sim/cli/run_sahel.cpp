// SPDX-License-Identifier: MIT
#include "cli/run_sahel.hpp"

#include <fmt/format.h>

#include "cli/number_text.hpp"
#include "cli/progress.hpp"
#include "core/parallel.hpp"
#include "run/sahel_run.hpp"

namespace sahel::cli {

namespace {

void print_summary(const scenario::ScenarioHeader& h, const run::SahelRunResult& r, int threads,
                   const std::filesystem::path& out, const std::string& program) {
  fmt::print("\n{}\n{} to {}, seed {}, {} threads, {:.1f} s\n\n", h.name, r.first_date, r.last_date, h.run.seed,
             threads, r.wall_seconds);
  fmt::print("  {:<22}{:>10}{:>10}{:>10}{:>10}{:>10}{:>12}\n", "faction", "strength", "", "cells held", "", "losses",
             "civilians");
  fmt::print("  {:<22}{:>10}{:>10}{:>10}{:>10}{:>10}{:>12}\n", "", "start", "end", "start", "end", "", "killed");
  for (std::size_t f = 0; f < r.faction_names.size(); ++f) {
    const auto& a = r.first.factions[f];
    const auto& b = r.last.factions[f];
    fmt::print("  {:<22}{:>10}{:>10}{:>10}{:>10}{:>10}{:>12}\n", r.faction_names[f], group_digits(a.strength),
               group_digits(b.strength), group_digits(a.cells_controlled), group_digits(b.cells_controlled),
               group_digits(r.tally.losses[f]), group_digits(r.tally.civilians_killed[f]));
  }
  fmt::print("\n  civilians killed {}, displaced {} at the end (peak {}), refugees abroad {}, joined armed groups {}\n",
             group_digits(r.last.dead), group_digits(r.last.displaced), group_digits(r.tally.displaced_peak),
             group_digits(r.last.refugees), group_digits(r.tally.joined));
  fmt::print("  mean local legitimacy of the state {:.2f} -> {:.2f}; {} events logged\n", r.first.mean_legitimacy,
             r.last.mean_legitimacy, group_digits(r.event_count));
  fmt::print("outputs in {}:\n", out.string());
  std::size_t snapshots = 0;
  for (const auto& o : r.outputs) {
    if (o.rfind("cells/", 0) == 0)
      ++snapshots;
    else if (o.rfind("units/", 0) != 0)
      fmt::print("  {}\n", (out / o).string());
  }
  if (snapshots > 0)
    fmt::print("  {}/ and {}/ ({} snapshots)\n", (out / "cells").string(), (out / "units").string(), snapshots);
  fmt::print("charts, maps and an animation in one HTML file: {} report {} --out report.html\n", program, out.string());
}

}  // namespace

int run_sahel(scenario::SahelScenario s, const RunOptions& options) {
  const core::ThreadLimit threads(options.threads);
  run::SahelRunPlan plan;
  plan.out = options.out;
  plan.command_line = options.command_line;
  plan.threads = threads.threads();
  if (!options.checkpoint_at.empty())
    plan.checkpoint_tick = run::tick_of_date(s, options.checkpoint_at, "--checkpoint-at");
  plan.resume_from = options.resume_from;
  Progress progress(s.header.run.ticks, "days", options.quiet);
  plan.progress = progress.callback();
  const scenario::ScenarioHeader header = s.header;  // the run consumes the scenario
  const run::SahelRunResult r = run::simulate(std::move(s), plan);
  progress.finish();
  // The program as the user called it, so the suggested command works as typed.
  const std::string program = options.command_line.substr(0, options.command_line.find(' '));
  if (!options.quiet) print_summary(header, r, threads.threads(), options.out, program.empty() ? "sahelsim" : program);
  return 0;
}

}  // namespace sahel::cli
