// SPDX-License-Identifier: MIT
#include "run/comparison.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/parallel.hpp"
#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"
#include "run/sahel_run.hpp"
#include "run/version.hpp"
#include "scenario/input_error.hpp"

namespace sahel::run {

namespace {

scenario::SahelScenario load_sahel(const std::string& file, Overrides o, std::optional<std::uint64_t> seed) {
  if (seed) o.seed = seed;
  AnyScenario any = load_scenario(file, o);
  auto* s = std::get_if<scenario::SahelScenario>(&any);
  if (!s)
    throw scenario::InputError({file, 0, 0}, "compare needs Sahel scenarios (model: sahel), found an Epstein one");
  return std::move(*s);
}

// Distinct folder names for the scenarios: the file stem, numbered when two
// files share one.
std::vector<std::string> folder_names(const std::vector<std::string>& files) {
  std::vector<std::string> names;
  for (const auto& f : files) {
    std::string stem = std::filesystem::path(f).stem().string(), name = stem;
    for (int k = 2; std::find(names.begin(), names.end(), name) != names.end(); ++k)
      name = fmt::format("{}-{}", stem, k);
    names.push_back(name);
  }
  return names;
}

std::string cell(double v) {
  return std::isfinite(v) ? fmt::format("{}", v) : std::string();
}

void write_comparison(const ComparePlan& o, const Comparison& c) {
  const auto& catalogue = model::outcome_metric_catalogue();
  const std::size_t ns = c.files.size(), nseeds = c.seeds.size();
  {
    output::AtomicFile file(o.out / "runs.csv");
    std::vector<std::string> header = {"scenario", "file", "seed"};
    for (const auto& m : catalogue) header.emplace_back(m.name);
    output::CsvWriter csv(file.stream(), header);
    for (std::size_t j = 0; j < c.values.size(); ++j) {
      const std::size_t k = j / nseeds;
      std::vector<std::string> row = {c.names[k], c.files[k], std::to_string(c.seeds[j % nseeds])};
      for (double v : c.values[j]) row.push_back(cell(v));
      csv.fields(row);
    }
    file.commit();
  }
  {
    output::AtomicFile file(o.out / "comparison.csv");
    output::CsvWriter csv(file.stream(), {"metric", "unit", "scenario", "n", "mean", "sd", "ci_low", "ci_high",
                                          "diff_mean", "diff_sd", "diff_ci_low", "diff_ci_high"});
    for (std::size_t m = 0; m < catalogue.size(); ++m)
      for (std::size_t k = 0; k < ns; ++k) {
        const Comparison::Line& l = c.table[m][k];
        if (k == 0)
          csv.row(catalogue[m].name, catalogue[m].unit, c.names[k], l.level.n, l.level.mean, l.level.sd, l.level.ci_low,
                  l.level.ci_high, "", "", "", "");
        else
          csv.row(catalogue[m].name, catalogue[m].unit, c.names[k], l.level.n, l.level.mean, l.level.sd, l.level.ci_low,
                  l.level.ci_high, l.diff.mean, l.diff.sd, l.diff.ci_low, l.diff.ci_high);
      }
    file.commit();
  }
  nlohmann::ordered_json m;
  m["program"] = "sahelsim";
  m["version"] = kVersion;
  m["command"] = o.command_line;
  m["scenarios"] = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < ns; ++k)
    m["scenarios"].push_back({{"file", c.files[k]}, {"name", c.names[k]}, {"folder", "runs/" + c.folders[k]}});
  m["seeds"] = c.seeds;
  m["branch_at"] = o.branch_at;
  m["threads"] = o.threads;
  m["outputs"] = {"runs.csv", "comparison.csv", "runs/"};
  output::write_file_atomically(o.out / "compare.json", m.dump(2) + "\n");
}

}  // namespace

Comparison compare(const ComparePlan& o) {
  if (o.scenarios.size() < 2)
    throw scenario::InputError({"compare", 0, 0}, "expected at least two scenario files to compare");
  if (o.seeds < 1)
    throw scenario::InputError({"compare", 0, 0}, fmt::format("expected at least one seed, found {}", o.seeds));
  const std::size_t ns = o.scenarios.size();
  const int nseeds = o.seeds;
  const bool files = !o.out.empty();

  // Validate every scenario before anything runs or is written.
  // The first scenario as written (its own seed) sets the seeds, the
  // branch day and the checkpoint names; a seed changes none of those.
  Comparison c;
  c.files = o.scenarios;
  const scenario::SahelScenario first = load_sahel(o.scenarios[0], o.overrides, std::nullopt);
  const std::uint64_t base = o.first_seed.value_or(first.header.run.seed);
  for (int i = 0; i < nseeds; ++i) c.seeds.push_back(base + static_cast<std::uint64_t>(i));
  c.names = {first.header.name};
  for (std::size_t k = 1; k < ns; ++k)
    c.names.push_back(load_sahel(o.scenarios[k], o.overrides, c.seeds[0]).header.name);
  int branch_tick = -1;
  if (!o.branch_at.empty()) {
    if (!files)
      throw scenario::InputError({"--branch-at " + o.branch_at, 0, 0},
                                 "expected an output folder: the shared histories are kept there as checkpoints");
    branch_tick = tick_of_date(first, o.branch_at, "--branch-at");
  }
  if (files) output::prepare_output_folder(o.out);
  c.folders = folder_names(o.scenarios);

  // Jobs: (scenario, seed); with a branch date, each seed's shared history first.
  c.values.resize(ns * static_cast<std::size_t>(nseeds));
  const std::int64_t total = static_cast<std::int64_t>(c.values.size()) + (branch_tick > 0 ? nseeds : 0);
  std::atomic<std::int64_t> done{0};
  GuardedProgress progress(o.progress);
  auto report = [&](const std::string& what) { progress(++done, total, what); };
  auto seed_of = [&](int i) { return c.seeds[static_cast<std::size_t>(i)]; };
  auto run_dir = [&](std::size_t k, int i) {
    return files ? o.out / "runs" / c.folders[k] / fmt::format("seed-{}", seed_of(i)) : std::filesystem::path();
  };
  auto history_dir = [&](int i) { return o.out / "history" / fmt::format("seed-{}", seed_of(i)); };

  if (branch_tick > 0) {
    core::for_each_index(
        nseeds,
        [&](std::int64_t seed_index) {
          const int i = static_cast<int>(seed_index);
          SahelRunPlan plan;
          plan.out = history_dir(i);
          plan.cell_snapshots = false;
          plan.checkpoint_tick = branch_tick;
          plan.stop_at_checkpoint = true;
          plan.threads = o.threads;
          plan.command_line = o.command_line;
          simulate(load_sahel(o.scenarios[0], o.overrides, seed_of(i)), plan);
          report("history");
        },
        1);
  }
  core::for_each_index(
      static_cast<std::int64_t>(c.values.size()),
      [&](std::int64_t job) {
        const auto j = static_cast<std::size_t>(job);
        const std::size_t k = j / static_cast<std::size_t>(nseeds);
        const int i = static_cast<int>(j % static_cast<std::size_t>(nseeds));
        SahelRunPlan plan;
        plan.out = run_dir(k, i);
        plan.cell_snapshots = o.all_snapshots || i == 0;
        plan.threads = o.threads;
        plan.command_line = o.command_line;
        if (branch_tick > 0) plan.resume_from = history_dir(i) / checkpoint_name(first, branch_tick);
        c.values[j] = simulate(load_sahel(o.scenarios[k], o.overrides, seed_of(i)), plan).outcomes;
        report(c.folders[k]);
      },
      1);

  progress.rethrow();
  const std::size_t nm = model::outcome_metric_catalogue().size();
  c.table.assign(nm, std::vector<Comparison::Line>(ns));
  for (std::size_t m = 0; m < nm; ++m)
    for (std::size_t k = 0; k < ns; ++k) {
      std::vector<double> level, diff;
      for (int i = 0; i < nseeds; ++i) {
        const double v = c.values[k * static_cast<std::size_t>(nseeds) + static_cast<std::size_t>(i)][m];
        level.push_back(v);
        diff.push_back(v - c.values[static_cast<std::size_t>(i)][m]);
      }
      c.table[m][k] = {core::summarise(level), core::summarise(diff)};
    }
  if (files) write_comparison(o, c);
  return c;
}

}  // namespace sahel::run
