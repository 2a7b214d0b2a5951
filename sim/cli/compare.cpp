// SPDX-License-Identifier: MIT
#include "cli/compare.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cli/number_text.hpp"
#include "cli/progress.hpp"
#include "core/parallel.hpp"
#include "model/sahel/outcomes.hpp"
#include "run/comparison.hpp"

namespace sahel::cli {

int compare_scenarios(const CompareOptions& o) {
  const core::ThreadLimit threads(o.threads);
  run::ComparePlan plan;
  plan.scenarios = o.scenarios;
  plan.seeds = o.seeds;
  plan.first_seed = o.first_seed;
  plan.branch_at = o.branch_at;
  plan.out = o.out;
  plan.all_snapshots = o.all_snapshots;
  plan.overrides = o.overrides;
  plan.command_line = o.command_line;
  plan.threads = threads.threads();
  Progress progress(0, "runs", o.quiet);
  plan.progress = progress.callback();
  const run::Comparison c = run::compare(plan);
  progress.finish();

  const auto& catalogue = model::outcome_metric_catalogue();
  const std::size_t ns = c.files.size(), nm = catalogue.size();
  const std::size_t nseeds = c.seeds.size();
  const auto& seeds = c.seeds;
  const auto& names = c.names;
  const auto& folders = c.folders;
  if (!o.quiet) {
    fmt::print("\n{} scenarios x {} seeds ({} to {}){}; mean [95 % CI]; differences to '{}', paired by seed\n\n", ns,
               nseeds, seeds.front(), seeds.back(), o.branch_at.empty() ? "" : ", branching at " + o.branch_at,
               names[0]);
    fmt::print("  {:<32}", "metric");
    for (std::size_t k = 0; k < ns; ++k) fmt::print("{:>34}", folders[k].substr(0, 32));
    fmt::print("\n");
    for (std::size_t m = 0; m < nm; ++m) {
      fmt::print("  {:<32}", catalogue[m].name);
      for (std::size_t k = 0; k < ns; ++k) {
        const run::Comparison::Line& l = c.table[m][k];
        const std::string text =
            k == 0 ? fmt::format("{} [{}, {}]", readable(l.level.mean), readable(l.level.ci_low),
                                 readable(l.level.ci_high))
                   : fmt::format("{}{} [{}, {}]{}", l.diff.mean >= 0 ? "+" : "", readable(l.diff.mean),
                                 readable(l.diff.ci_low), readable(l.diff.ci_high),
                                 (l.diff.ci_low > 0 || l.diff.ci_high < 0) ? " *" : "  ");
        fmt::print("{:>34}", text);
      }
      fmt::print("\n");
    }
    fmt::print("\n  * the 95 % interval of the difference excludes zero\n");
    fmt::print("outputs in {}:\n  {}\n  {}\n  {}/ (one run folder per scenario and seed)\n", o.out.string(),
               (o.out / "comparison.csv").string(), (o.out / "runs.csv").string(), (o.out / "runs").string());
  }
  return 0;
}

}  // namespace sahel::cli
