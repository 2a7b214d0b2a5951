// SPDX-License-Identifier: MIT
#pragma once
// sahelsim as a library: run a scenario, compare scenarios, run a sweep,
// check a scenario file, from your own program. Everything the command line
// does goes through these calls (or the run layer under them), so a run
// here gives the same results, byte for byte, as `sahelsim run`.
//
//   #include <sahelsim/sahelsim.hpp>
//   sahelsim::RunOptions o;
//   o.seed = 3;
//   o.set = {"factions.Wagner.doctrine.civilian_harm=0.2"};
//   const sahelsim::RunResult r = sahelsim::run("scenarios/wagner_deal.yaml", o);
//   double killed = r.outcome("civilians_killed");
//
// Link with find_package(sahelsim) and sahelsim::sahelsim, or pkg-config sahelsim.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sahelsim/cell_layers.hpp"
#include "sahelsim/table.hpp"

namespace sahelsim {

// The library's version (`git describe` of the source it was built from).
std::string version();

// Bad input, as the command line reports it (and exits with status 2): a
// scenario key that does not exist, a value of the wrong type or range, a
// file that is not YAML, an unknown `set` path, a run folder that cannot be
// written. what() is "FILE:LINE:COL: error: WHAT".
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, int column, const std::string& what);
  const std::string& file() const { return file_; }  // a path, or "--set KEY=VALUE"
  int line() const { return line_; }                 // 1-based; 0 when it is the whole file
  int column() const { return column_; }             // 1-based; 0 when unknown

 private:
  std::string file_;
  int line_, column_;
};

// done of total (days or runs), and what was reached (a date, a run's name).
// May be called from several threads at once.
using Progress = std::function<void(std::int64_t done, std::int64_t total, const std::string& where)>;

// What may change in a scenario without editing its file.
struct Overrides {
  std::optional<std::uint64_t> seed;
  std::optional<int> ticks;
  std::vector<std::string> set;  // "path=value", applied in order (e.g. "combat.kill_rate=0.002")
};

struct RunOptions : Overrides {
  int threads = 0;            // 0: every core; the results do not depend on it
  std::filesystem::path out;  // empty: write no files
  bool tables = true;         // keep the time series, countries and events as tables
  bool layers = true;         // keep the last day's cell layers (Sahel)
  Progress progress;
};

struct Outcome {
  std::string name, unit, description;
  double value = 0;
};

struct RunResult {
  std::string model;  // "sahel" or "epstein"
  std::string scenario_name, scenario_sha256;
  std::uint64_t seed = 0;
  std::string first_date, last_date;  // Sahel
  std::vector<Outcome> outcomes;      // Sahel: docs/outcomes.md; Epstein: peak and end counts
  // Sahel: timeseries.csv, countries.csv and events.csv as tables; Epstein:
  // timeseries only. Empty unless options.tables.
  Table timeseries, countries, events;
  CellLayers layers;  // Sahel, with options.layers
  std::string final_state_sha256;
  double wall_seconds = 0;
  std::vector<std::string> outputs;  // files written in options.out
  // The value of an outcome by name; throws std::out_of_range.
  double outcome(const std::string& name) const;
};

RunResult run(const std::string& scenario_file, const RunOptions& options = {});

// The outcome metrics of a Sahel run, in the order runs report them.
std::vector<Outcome> outcome_catalogue();

// The kinds of faction and the side each is on: "government" (its harm
// costs the state legitimacy), "insurgent", or "" (neither).
struct FactionKind {
  std::string kind, side;
};
std::vector<FactionKind> faction_kinds();

struct CompareOptions : Overrides {
  int seeds = 20;                           // seeds first_seed, first_seed + 1, ...
  std::optional<std::uint64_t> first_seed;  // default: the first scenario's seed (Overrides::seed is ignored)
  std::string branch_at;                    // YYYY-MM-DD: one shared history per seed up to this date (needs out)
  int threads = 0;
  std::filesystem::path out;  // empty: write no files
  Progress progress;
};

struct Summary {
  int n = 0;
  double mean = 0, sd = 0, ci_low = 0, ci_high = 0;  // 95 % confidence interval of the mean
};

struct Comparison {
  std::vector<std::string> files, names;  // per scenario; the first is the reference
  std::vector<std::uint64_t> seeds;
  std::vector<std::string> metrics;
  // values[scenario][seed][metric]
  std::vector<std::vector<std::vector<double>>> values;
  // level[metric][scenario]; difference[metric][scenario]: paired by seed
  // with the first scenario (n = 0 for the first itself).
  std::vector<std::vector<Summary>> level, difference;
};

// Every scenario over the same seeds (common random numbers), runs in parallel.
Comparison compare(const std::vector<std::string>& scenario_files, const CompareOptions& options = {});

struct SweepOptions {
  int threads = 0;
  std::string shard;  // "I/N": only share I of N
  bool per_run_outputs = false;
  Progress progress;
};

struct SweepResult {
  std::string name;
  std::int64_t runs = 0, ran = 0, failed = 0, missing = 0;  // missing: runs of other shards not finished
  std::filesystem::path results;                            // out/results.csv, when missing == 0
};

// Runs a sweep file into `out` (resumable: finished runs are not run again).
SweepResult sweep(const std::string& sweep_file, const std::filesystem::path& out, const SweepOptions& options = {});

struct ScenarioInfo {
  std::string model, name, description, sha256;
  std::uint64_t seed = 0;
  int ticks = 0;
};

// Validates a scenario file with its overrides; throws InputError.
ScenarioInfo check(const std::string& scenario_file, const Overrides& overrides = {});

}  // namespace sahelsim
