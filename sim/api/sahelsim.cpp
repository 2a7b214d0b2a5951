// SPDX-License-Identifier: MIT
// The public API (include/sahelsim/sahelsim.hpp) over the run layer and the
// sweeps: converts options in, results out, and errors into InputError.
#include "sahelsim/sahelsim.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "core/parallel.hpp"
#include "model/sahel/outcomes.hpp"
#include "output/atomic_file.hpp"
#include "output/checkpoint.hpp"
#include "run/comparison.hpp"
#include "run/epstein_run.hpp"
#include "run/sahel_run.hpp"
#include "run/scenario_loader.hpp"
#include "run/version.hpp"
#include "scenario/input_error.hpp"
#include "sweep/sweep_backends.hpp"

namespace sahelsim {

namespace {

// Runs `body`, turning the library's own input and output errors into the
// public InputError (the command line's exit status 2).
template <class Body>
auto translating(Body&& body) {
  try {
    return body();
  } catch (const sahel::scenario::InputError& e) {
    throw InputError(e.where().file, e.where().line, e.where().column, e.what());
  } catch (const sahel::output::OutputError& e) {
    throw InputError("", 0, 0, e.what());
  } catch (const sahel::output::CheckpointError& e) {
    throw InputError("", 0, 0, e.what());
  }
}

sahel::run::Overrides internal(const Overrides& o) {
  return {o.set, o.seed, o.ticks};
}

Summary summary_of(const sahel::core::SampleSummary& s) {
  return {s.n, s.mean, s.sd, s.ci_low, s.ci_high};
}

// A result named after its scenario, and a plan filled from the options
// that both models share.
template <class Scenario, class Plan>
RunResult start(const Scenario& s, const RunOptions& o, int threads, Plan& plan) {
  RunResult r;
  r.model = s.header.model;
  r.scenario_name = s.header.name;
  r.scenario_sha256 = s.sha256;
  r.seed = s.header.run.seed;
  plan.out = o.out;
  plan.threads = threads;
  plan.command_line = "sahelsim::run";
  plan.keep_tables = o.tables;
  plan.digest = true;
  plan.progress = o.progress;
  return r;
}

RunResult run_sahel(sahel::scenario::SahelScenario s, const RunOptions& o, int threads) {
  sahel::run::SahelRunPlan plan;
  RunResult r = start(s, o, threads, plan);
  plan.keep_layers = o.layers;
  sahel::run::SahelRunResult x = sahel::run::simulate(std::move(s), plan);
  const auto& catalogue = sahel::model::outcome_metric_catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i)
    r.outcomes.push_back({catalogue[i].name, catalogue[i].unit, catalogue[i].description, x.outcomes[i]});
  r.first_date = x.first_date;
  r.last_date = x.last_date;
  r.timeseries = std::move(x.timeseries);
  r.countries = std::move(x.countries);
  r.events = std::move(x.events);
  r.layers = std::move(x.layers);
  r.final_state_sha256 = x.final_state_sha256;
  r.wall_seconds = x.wall_seconds;
  r.outputs = x.outputs;
  return r;
}

RunResult run_epstein(const sahel::scenario::EpsteinScenario& s, const RunOptions& o, int threads) {
  sahel::run::EpsteinRunPlan plan;
  RunResult r = start(s, o, threads, plan);
  sahel::run::EpsteinRunResult x = sahel::run::simulate(s, plan);
  auto add = [&](const char* name, const char* unit, const char* description, double v) {
    r.outcomes.push_back({name, unit, description, v});
  };
  add("active_end", "citizens", "active rebels on the last tick", static_cast<double>(x.last.active));
  add("jailed_end", "citizens", "citizens in jail on the last tick", static_cast<double>(x.last.jailed));
  add("active_peak", "citizens", "most active rebels on one tick", static_cast<double>(x.peak.active));
  add("active_peak_tick", "tick", "the tick of that peak", static_cast<double>(x.peak.tick));
  add("arrests", "arrests", "arrests over the run", static_cast<double>(x.arrests));
  r.timeseries = std::move(x.timeseries);
  r.final_state_sha256 = x.final_state_sha256;
  r.wall_seconds = x.wall_seconds;
  r.outputs = x.outputs;
  return r;
}

}  // namespace

InputError::InputError(std::string file, int line, int column, const std::string& what)
    : std::runtime_error(what), file_(std::move(file)), line_(line), column_(column) {}

std::string version() {
  return sahel::run::kVersion;
}

double RunResult::outcome(const std::string& name) const {
  for (const Outcome& o : outcomes)
    if (o.name == name) return o.value;
  throw std::out_of_range(fmt::format("no outcome '{}' in this run", name));
}

std::vector<Outcome> outcome_catalogue() {
  std::vector<Outcome> out;
  for (const auto& m : sahel::model::outcome_metric_catalogue()) out.push_back({m.name, m.unit, m.description, 0.0});
  return out;
}

std::vector<FactionKind> faction_kinds() {
  std::vector<FactionKind> out;
  for (int k = 0; k < static_cast<int>(std::size(sahel::model::kFactionKindNames)); ++k) {
    const auto kind = static_cast<sahel::model::FactionKind>(k);
    out.push_back({sahel::model::kFactionKindNames[k], sahel::model::government_side(kind)  ? "government"
                                                       : sahel::model::insurgent_side(kind) ? "insurgent"
                                                                                            : ""});
  }
  return out;
}

RunResult run(const std::string& scenario_file, const RunOptions& options) {
  return translating([&] {
    const sahel::core::ThreadLimit threads(options.threads);
    sahel::run::AnyScenario any = sahel::run::load_scenario(scenario_file, internal(options));
    if (auto* s = std::get_if<sahel::scenario::SahelScenario>(&any))
      return run_sahel(std::move(*s), options, threads.threads());
    return run_epstein(std::get<sahel::scenario::EpsteinScenario>(any), options, threads.threads());
  });
}

Comparison compare(const std::vector<std::string>& scenario_files, const CompareOptions& options) {
  return translating([&] {
    const sahel::core::ThreadLimit threads(options.threads);
    sahel::run::ComparePlan plan;
    plan.scenarios = scenario_files;
    plan.seeds = options.seeds;
    plan.first_seed = options.first_seed;
    plan.branch_at = options.branch_at;
    plan.out = options.out;
    plan.overrides = internal(options);
    plan.overrides.seed.reset();
    plan.command_line = "sahelsim::compare";
    plan.threads = threads.threads();
    plan.progress = options.progress;
    const sahel::run::Comparison c = sahel::run::compare(plan);
    Comparison out;
    out.files = c.files;
    out.names = c.names;
    out.seeds = c.seeds;
    for (const auto& m : sahel::model::outcome_metric_catalogue()) out.metrics.emplace_back(m.name);
    const std::size_t ns = c.files.size(), nseeds = c.seeds.size();
    out.values.assign(ns, {});
    for (std::size_t k = 0; k < ns; ++k)
      for (std::size_t i = 0; i < nseeds; ++i) out.values[k].push_back(c.values[k * nseeds + i]);
    for (const auto& row : c.table) {
      out.level.emplace_back();
      out.difference.emplace_back();
      for (std::size_t k = 0; k < row.size(); ++k) {
        out.level.back().push_back(summary_of(row[k].level));
        out.difference.back().push_back(k == 0 ? Summary{} : summary_of(row[k].diff));
      }
    }
    return out;
  });
}

SweepResult sweep(const std::string& sweep_file, const std::filesystem::path& out, const SweepOptions& options) {
  return translating([&] {
    sahel::sweep::SweepOptions o;
    o.file = sweep_file;
    o.out = out;
    o.shard = options.shard;
    o.threads = options.threads;
    o.per_run_outputs = options.per_run_outputs;
    o.command_line = "sahelsim::sweep";
    o.progress = options.progress;
    const sahel::sweep::SweepReport r = sahel::sweep::run_sweep(o);
    SweepResult result{r.name, r.runs, r.ran, r.failed, r.missing, {}};
    if (r.missing == 0) result.results = out / "results.csv";
    return result;
  });
}

ScenarioInfo check(const std::string& scenario_file, const Overrides& overrides) {
  return translating([&] {
    const sahel::run::AnyScenario any = sahel::run::load_scenario(scenario_file, internal(overrides));
    const auto& h = sahel::run::header_of(any);
    const std::string sha = std::visit([](const auto& s) { return s.sha256; }, any);
    return ScenarioInfo{h.model, h.name, h.description, sha, h.run.seed, h.run.ticks};
  });
}

}  // namespace sahelsim
