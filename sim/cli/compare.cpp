// SPDX-License-Identifier: MIT
#include "cli/compare.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/progress.hpp"
#include "cli/sahel_session.hpp"
#include "cli/version.hpp"
#include "core/parallel.hpp"
#include "core/summary_stats.hpp"
#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"
#include "scenario/input_error.hpp"

namespace sahel::cli {

namespace {

scenario::SahelScenario load_sahel(const std::string& file, Overrides o, std::optional<std::uint64_t> seed) {
  if (seed) o.seed = seed;
  AnyScenario any = load_scenario(file, o);
  auto* s = std::get_if<scenario::SahelScenario>(&any);
  if (!s) throw scenario::InputError({file, 0, 0}, "compare needs Sahel scenarios (model: sahel), found an Epstein one");
  return std::move(*s);
}

// Distinct folder names for the scenarios: the file stem, numbered when two
// files share one.
std::vector<std::string> folder_names(const std::vector<std::string>& files) {
  std::vector<std::string> names;
  for (const auto& f : files) {
    std::string stem = std::filesystem::path(f).stem().string(), name = stem;
    for (int k = 2; std::find(names.begin(), names.end(), name) != names.end(); ++k) name = fmt::format("{}-{}", stem, k);
    names.push_back(name);
  }
  return names;
}

std::string cell(double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); }

// 1234567.8 -> "1,234,568"; small values keep two decimals.
std::string readable(double v) {
  if (std::fabs(v) < 10) return fmt::format("{:.2f}", v);
  const auto r = static_cast<long long>(std::llround(v));
  std::string digits = std::to_string(r < 0 ? -r : r), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (r < 0 ? "-" : "") + out;
}

}  // namespace

int compare_scenarios(const CompareOptions& o) {
  if (o.scenarios.size() < 2)
    throw scenario::InputError({"compare", 0, 0}, "expected at least two scenario files to compare");
  const core::ThreadLimit threads(o.threads);
  const std::size_t ns = o.scenarios.size();
  const int nseeds = o.seeds;

  // Validate every scenario before anything runs or is written.
  // The first scenario as written (its own seed) sets the seeds, the
  // branch day and the checkpoint names; a seed changes none of those.
  const scenario::SahelScenario first = load_sahel(o.scenarios[0], o.overrides, std::nullopt);
  std::vector<std::uint64_t> seeds;
  const std::uint64_t base = o.first_seed.value_or(first.header.run.seed);
  for (int i = 0; i < nseeds; ++i) seeds.push_back(base + static_cast<std::uint64_t>(i));
  std::vector<std::string> names = {first.header.name};
  for (std::size_t k = 1; k < ns; ++k) names.push_back(load_sahel(o.scenarios[k], o.overrides, seeds[0]).header.name);
  int branch_tick = -1;
  if (!o.branch_at.empty()) branch_tick = tick_of_date(first, o.branch_at, "--branch-at");

  output::prepare_output_folder(o.out);
  const std::vector<std::string> folders = folder_names(o.scenarios);
  const auto& catalogue = model::outcome_metric_catalogue();
  const std::size_t nm = catalogue.size();

  // Jobs: (scenario, seed); with a branch date, each seed's shared history first.
  std::vector<std::vector<double>> values(ns * static_cast<std::size_t>(nseeds));
  Progress progress(static_cast<std::int64_t>(values.size()) + (branch_tick > 0 ? nseeds : 0), "runs", o.quiet);
  std::atomic<std::int64_t> done{0};
  auto run_dir = [&](std::size_t k, int i) {
    return o.out / "runs" / folders[k] / fmt::format("seed-{}", seeds[static_cast<std::size_t>(i)]);
  };
  auto history_dir = [&](int i) { return o.out / "history" / fmt::format("seed-{}", seeds[static_cast<std::size_t>(i)]); };

  if (branch_tick > 0) {
    core::for_each_index(nseeds, [&](std::int64_t seed_index) {
      const int i = static_cast<int>(seed_index);
      SahelRunPlan plan;
      plan.out = history_dir(i);
      plan.cell_snapshots = false;
      plan.checkpoint_tick = branch_tick;
      plan.stop_at_checkpoint = true;
      plan.threads = threads.threads();
      plan.command_line = o.command_line;
      simulate_sahel(load_sahel(o.scenarios[0], o.overrides, seeds[static_cast<std::size_t>(i)]), plan);
      progress.update(++done, "history");
    }, 1);
  }
  core::for_each_index(static_cast<std::int64_t>(values.size()), [&](std::int64_t job) {
    const auto j = static_cast<std::size_t>(job);
    const std::size_t k = j / static_cast<std::size_t>(nseeds);
    const int i = static_cast<int>(j % static_cast<std::size_t>(nseeds));
    SahelRunPlan plan;
    plan.out = run_dir(k, i);
    plan.cell_snapshots = o.all_snapshots || i == 0;
    plan.threads = threads.threads();
    plan.command_line = o.command_line;
    if (branch_tick > 0) plan.resume_from = history_dir(i) / checkpoint_name(first, branch_tick);
    values[j] = simulate_sahel(load_sahel(o.scenarios[k], o.overrides, seeds[static_cast<std::size_t>(i)]), plan).outcomes;
    progress.update(++done, folders[k]);
  }, 1);
  progress.finish();

  // runs.csv: one row per run.
  {
    output::AtomicFile file(o.out / "runs.csv");
    std::vector<std::string> header = {"scenario", "file", "seed"};
    for (const auto& m : catalogue) header.emplace_back(m.name);
    output::CsvWriter csv(file.stream(), header);
    for (std::size_t j = 0; j < values.size(); ++j) {
      const std::size_t k = j / static_cast<std::size_t>(nseeds);
      std::vector<std::string> row = {names[k], o.scenarios[k], std::to_string(seeds[j % static_cast<std::size_t>(nseeds)])};
      for (double v : values[j]) row.push_back(cell(v));
      csv.fields(row);
    }
    file.commit();
  }
  // comparison.csv: per metric and scenario, the sample and the paired
  // difference to the first scenario (same seeds).
  struct Line {
    core::SampleSummary level, diff;
  };
  std::vector<std::vector<Line>> table(nm, std::vector<Line>(ns));
  for (std::size_t m = 0; m < nm; ++m)
    for (std::size_t k = 0; k < ns; ++k) {
      std::vector<double> level, diff;
      for (int i = 0; i < nseeds; ++i) {
        const double v = values[k * static_cast<std::size_t>(nseeds) + static_cast<std::size_t>(i)][m];
        level.push_back(v);
        diff.push_back(v - values[static_cast<std::size_t>(i)][m]);
      }
      table[m][k] = {core::summarise(level), core::summarise(diff)};
    }
  {
    output::AtomicFile file(o.out / "comparison.csv");
    output::CsvWriter csv(file.stream(), {"metric", "unit", "scenario", "n", "mean", "sd", "ci_low", "ci_high",
                                          "diff_mean", "diff_sd", "diff_ci_low", "diff_ci_high"});
    for (std::size_t m = 0; m < nm; ++m)
      for (std::size_t k = 0; k < ns; ++k) {
        const Line& l = table[m][k];
        if (k == 0)
          csv.row(catalogue[m].name, catalogue[m].unit, names[k], l.level.n, l.level.mean, l.level.sd, l.level.ci_low,
                  l.level.ci_high, "", "", "", "");
        else
          csv.row(catalogue[m].name, catalogue[m].unit, names[k], l.level.n, l.level.mean, l.level.sd, l.level.ci_low,
                  l.level.ci_high, l.diff.mean, l.diff.sd, l.diff.ci_low, l.diff.ci_high);
      }
    file.commit();
  }
  {
    nlohmann::ordered_json m;
    m["program"] = "sahelsim";
    m["version"] = kVersion;
    m["command"] = o.command_line;
    m["scenarios"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < ns; ++k)
      m["scenarios"].push_back({{"file", o.scenarios[k]}, {"name", names[k]}, {"folder", "runs/" + folders[k]}});
    m["seeds"] = seeds;
    m["branch_at"] = o.branch_at;
    m["threads"] = threads.threads();
    m["outputs"] = {"runs.csv", "comparison.csv", "runs/"};
    output::write_file_atomically(o.out / "compare.json", m.dump(2) + "\n");
  }

  if (!o.quiet) {
    fmt::print("\n{} scenarios x {} seeds ({} to {}){}; mean [95 % CI]; differences to '{}', paired by seed\n\n", ns,
               nseeds, seeds.front(), seeds.back(), o.branch_at.empty() ? "" : ", branching at " + o.branch_at, names[0]);
    fmt::print("  {:<32}", "metric");
    for (std::size_t k = 0; k < ns; ++k) fmt::print("{:>34}", folders[k].substr(0, 32));
    fmt::print("\n");
    for (std::size_t m = 0; m < nm; ++m) {
      fmt::print("  {:<32}", catalogue[m].name);
      for (std::size_t k = 0; k < ns; ++k) {
        const Line& l = table[m][k];
        const std::string text =
            k == 0 ? fmt::format("{} [{}, {}]", readable(l.level.mean), readable(l.level.ci_low), readable(l.level.ci_high))
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
