// SPDX-License-Identifier: MIT
// The sweep runner and compare in-process, so ThreadSanitizer (make tsan)
// sees runs executing side by side: results on 1 and 2 threads are the
// same bytes, and the ledger holds each run once.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/parallel.hpp"
#include "run/comparison.hpp"
#include "sweep/ledger.hpp"
#include "sweep/sweep_runner.hpp"

namespace fs = std::filesystem;
using namespace sahel;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path scratch(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("sahelsim-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::string sweep_text() {
  return std::string("sweep: tiny\nbase: ") + SAHELSIM_SOURCE_DIR +
         "/scenarios/classroom/central_mali.yaml\n"
         "ticks: 8\n"
         "design: {type: saltelli, base_samples: 2, seed: 5}\n"
         "factors:\n"
         "  - {path: factions.Army.doctrine.civilian_harm, range: [0.2, 3.0]}\n"
         "  - {path: factions.Insurgents.doctrine.aggression, range: [0.1, 0.9]}\n"
         "metrics: [militant_cells_end, civilians_killed, displaced_peak]\n";
}

std::string run_sweep(const fs::path& dir, int threads) {
  const fs::path file = dir / "sweep.yaml";
  std::ofstream(file) << sweep_text();
  const sweep::SweepSpec spec = sweep::read_sweep_file(file.string());
  const auto runs = sweep::plan_runs(spec);
  REQUIRE(runs.size() == 8);  // N (k + 2)
  const core::ThreadLimit limit(threads);
  sweep::SweepRunOptions options;
  options.out = dir / "out";
  sweep::write_sweep_description(spec, runs, options.out);
  const auto pending = sweep::pending_runs(spec, runs, options);
  const auto tally = sweep::run_pending(spec, pending, options);
  CHECK(tally.failed == 0);
  CHECK(sweep::assemble_results(spec, runs, options.out) == 0);
  const auto ledger = sweep::read_ledgers(options.out, spec.metrics.size());
  CHECK(ledger.finished.size() == runs.size());
  return slurp(options.out / "results.csv");
}

}  // namespace

TEST_CASE("sweep runs side by side give the same results.csv as one at a time") {
  const fs::path one = scratch("sweep1"), two = scratch("sweep2");
  const std::string a = run_sweep(one, 1);
  const std::string b = run_sweep(two, 2);
  CHECK(a == b);
  CHECK(a.find(",ok,") != std::string::npos);
  fs::remove_all(one);
  fs::remove_all(two);
}

TEST_CASE("compare runs scenarios side by side and writes the same comparison on 1 and 2 threads") {
  const std::string scenario = std::string(SAHELSIM_SOURCE_DIR) + "/scenarios/classroom/central_mali.yaml";
  std::string results[2];
  for (int threads : {1, 2}) {
    const fs::path dir = scratch("compare" + std::to_string(threads));
    const core::ThreadLimit limit(threads);
    run::ComparePlan o;
    o.scenarios = {scenario, scenario};
    o.seeds = 2;
    o.out = dir;
    o.threads = threads;
    o.overrides.ticks = 8;
    const run::Comparison c = run::compare(o);
    REQUIRE(c.values.size() == 4);
    results[threads - 1] = slurp(dir / "comparison.csv");
    fs::remove_all(dir);
  }
  CHECK(results[0] == results[1]);
  CHECK(results[0].find("militant_cells_end") != std::string::npos);
}
