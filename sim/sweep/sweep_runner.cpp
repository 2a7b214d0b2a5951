// SPDX-License-Identifier: MIT
#include "sweep/sweep_runner.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/parallel.hpp"
#include "model/sahel/outcomes.hpp"
#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"
#include "run/sahel_run.hpp"
#include "run/scenario_loader.hpp"
#include "scenario/input_error.hpp"
#include "sweep/ledger.hpp"

namespace sahel::sweep {

namespace {

std::vector<std::string> fixed_columns(const SweepSpec& spec) {
  std::vector<std::string> c = {"run", "point", "replicate", "seed", "block", "row"};
  for (const auto& f : spec.factors) c.push_back(f.path);
  return c;
}

std::vector<std::string> fixed_fields(const PlannedRun& r) {
  std::vector<std::string> v = {std::to_string(r.run),
                                std::to_string(r.point),
                                std::to_string(r.replicate),
                                std::to_string(r.seed),
                                r.block,
                                r.row >= 0 ? std::to_string(r.row) : ""};
  v.insert(v.end(), r.values.begin(), r.values.end());
  return v;
}

RunRecord execute(const SweepSpec& spec, const PlannedRun& run, const SweepRunOptions& options) {
  RunRecord record;
  record.run = run.run;
  try {
    run::Overrides o;
    o.set = spec.set;
    for (std::size_t j = 0; j < spec.factors.size(); ++j) o.set.push_back(spec.factors[j].path + "=" + run.values[j]);
    o.seed = run.seed;
    if (spec.ticks) o.ticks = *spec.ticks;
    run::AnyScenario any = run::load_scenario(spec.base, o);
    run::SahelRunPlan plan;
    if (options.per_run_outputs) plan.out = options.out / "runs" / fmt::format("run-{}", run.run);
    plan.command_line = options.command_line;
    const auto result = run::simulate(std::move(std::get<scenario::SahelScenario>(any)), plan);
    for (const auto& name : spec.metrics)
      record.metrics.push_back(
          fmt::format("{}", result.outcomes[static_cast<std::size_t>(model::outcome_metric_index(name))]));
    record.ok = true;
  } catch (const std::exception& e) {
    record.ok = false;
    record.error = e.what();
    record.metrics.clear();
  }
  return record;
}

}  // namespace

void write_sweep_description(const SweepSpec& spec, const std::vector<PlannedRun>& runs,
                             const std::filesystem::path& out) {
  output::prepare_output_folder(out);
  nlohmann::ordered_json j;
  j["name"] = spec.name;
  j["description"] = spec.description;
  j["sweep_file"] = std::filesystem::absolute(spec.file).lexically_normal().string();
  j["base"] = spec.base;
  j["design"] = kDesignKindNames[static_cast<int>(spec.design)];
  if (spec.design == DesignKind::saltelli) j["base_samples"] = spec.base_samples;
  if (spec.design != DesignKind::saltelli && spec.design != DesignKind::factorial) j["points"] = spec.points;
  j["design_seed"] = spec.design_seed;
  j["replicates"] = spec.replicates;
  j["first_seed"] = spec.first_seed;
  if (spec.ticks) j["ticks"] = *spec.ticks;
  j["set"] = spec.set;
  j["factors"] = nlohmann::ordered_json::array();
  for (const auto& f : spec.factors) {
    nlohmann::ordered_json fj;
    fj["name"] = f.path;
    fj["kind"] = kFactorKindNames[static_cast<int>(f.kind)];
    if (f.kind == FactorKind::levels) {
      fj["levels"] = f.levels;
    } else if (f.kind == FactorKind::date) {
      fj["low"] = format_day(static_cast<std::int64_t>(f.low));
      fj["high"] = format_day(static_cast<std::int64_t>(f.high));
    } else {
      fj["low"] = f.low;
      fj["high"] = f.high;
    }
    j["factors"].push_back(fj);
  }
  j["metrics"] = spec.metrics;
  j["runs"] = runs.size();
  output::write_file_atomically(out / "sweep.json", j.dump(2) + "\n");

  output::AtomicFile design(out / "design.csv");
  output::CsvWriter csv(design.stream(), fixed_columns(spec));
  for (const auto& r : runs) csv.fields(fixed_fields(r));
  design.commit();
}

std::vector<PlannedRun> pending_runs(const SweepSpec& spec, const std::vector<PlannedRun>& runs,
                                     const SweepRunOptions& options) {
  const LedgerState state = read_ledgers(options.out, spec.metrics.size());
  std::vector<PlannedRun> pending;
  std::optional<Ledger> ledger;
  for (const auto& r : runs) {
    if (r.run % options.shard_count != options.shard_index - 1) continue;
    if (state.finished.count(r.run)) continue;
    const auto s = state.starts.find(r.run);
    if (s != state.starts.end() && s->second >= 2) {
      if (!ledger) ledger.emplace(options.out, options.writer);
      ledger->finished({r.run, false, fmt::format("the process died during this run {} times", s->second), {}});
      continue;
    }
    pending.push_back(r);
  }
  return pending;
}

SweepTally run_pending(const SweepSpec& spec, const std::vector<PlannedRun>& pending, const SweepRunOptions& options) {
  SweepTally tally;
  const auto started = std::chrono::steady_clock::now();
  Ledger ledger(options.out, options.writer);
  std::mutex mutex;
  const auto total = static_cast<std::int64_t>(pending.size());
  run::GuardedProgress progress(options.progress);
  std::atomic<std::int64_t> done{0}, failed{0};
  auto one = [&](const PlannedRun& run) {
    {
      const std::lock_guard lock(mutex);
      ledger.started(run.run);
    }
    const RunRecord record = execute(spec, run, options);
    {
      const std::lock_guard lock(mutex);
      ledger.finished(record);
    }
    if (!record.ok) ++failed;
    const std::int64_t now = ++done;
    progress(now, total, fmt::format("run {}", run.run));
  };
  if (options.next_pending) {
    for (std::int64_t i = options.next_pending(); i < static_cast<std::int64_t>(pending.size());
         i = options.next_pending())
      one(pending[static_cast<std::size_t>(i)]);
  } else {
    core::for_each_index(
        static_cast<std::int64_t>(pending.size()), [&](std::int64_t i) { one(pending[static_cast<std::size_t>(i)]); },
        1);
  }
  progress.rethrow();
  tally.ran = done;
  tally.failed = failed;
  tally.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return tally;
}

std::int64_t assemble_results(const SweepSpec& spec, const std::vector<PlannedRun>& runs,
                              const std::filesystem::path& out) {
  const LedgerState state = read_ledgers(out, spec.metrics.size());
  std::int64_t missing = 0;
  for (const auto& r : runs) missing += state.finished.count(r.run) ? 0 : 1;
  if (missing > 0) return missing;
  output::AtomicFile file(out / "results.csv");
  std::vector<std::string> header = fixed_columns(spec);
  header.emplace_back("status");
  header.insert(header.end(), spec.metrics.begin(), spec.metrics.end());
  header.emplace_back("error");
  output::CsvWriter csv(file.stream(), header);
  for (const auto& r : runs) {
    const RunRecord& rec = state.finished.at(r.run);
    std::vector<std::string> row = fixed_fields(r);
    row.emplace_back(rec.ok ? "ok" : "failed");
    for (std::size_t m = 0; m < spec.metrics.size(); ++m) row.push_back(rec.ok ? rec.metrics[m] : "");
    row.push_back(rec.error);
    csv.fields(row);
  }
  file.commit();
  return 0;
}

std::string sweep_file_of(const std::filesystem::path& out) {
  std::ifstream in(out / "sweep.json");
  if (!in)
    throw scenario::InputError({(out / "sweep.json").string(), 0, 0},
                               "expected a sweep folder with sweep.json (made by `sahelsim sweep FILE --out DIR`)");
  try {
    const auto j = nlohmann::json::parse(in);
    return j.at("sweep_file").get<std::string>();
  } catch (const std::exception& e) {
    throw scenario::InputError({(out / "sweep.json").string(), 0, 0},
                               fmt::format("expected the sweep.json that sahelsim writes: {}", e.what()));
  }
}

}  // namespace sahel::sweep
