// SPDX-License-Identifier: MIT
#pragma once
// A sweep file (scenarios/sweeps/*.yaml): a base scenario, factors (scenario
// keys with a range or a list of levels), a design, replicates, the outcome
// metrics to record and the run length. Validated with the same errors as
// scenarios: file, line, column, expected and found. docs/sweeps.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sahel::sweep {

enum class FactorKind { real, integer, date, levels };
inline constexpr const char* kFactorKindNames[] = {"real", "integer", "date", "levels"};

struct Factor {
  std::string path;  // a scenario key as --set takes it: factions.Wagner.doctrine.civilian_harm
  FactorKind kind = FactorKind::real;
  double low = 0, high = 0;         // real, integer; date: days since 1970-01-01
  std::vector<std::string> levels;  // levels: the values as YAML scalars
  int factorial_levels = 0;         // factorial design: levels of this factor (0: the design's default)
};

enum class DesignKind { factorial, lhs, sobol, saltelli, nolh };
inline constexpr const char* kDesignKindNames[] = {"factorial", "lhs", "sobol", "saltelli", "nolh"};

struct SweepSpec {
  std::string file;  // the sweep file
  std::string name, description;
  std::string base;          // the base scenario, resolved against the sweep file's folder
  std::optional<int> ticks;  // run length (days); default: the base scenario's
  DesignKind design = DesignKind::lhs;
  int points = 0;        // lhs, sobol, nolh (0 for nolh: the smallest size that fits)
  int base_samples = 0;  // saltelli
  int levels = 3;        // factorial: default levels per factor
  std::uint64_t design_seed = 1;
  int replicates = 1;
  std::uint64_t first_seed = 1;  // replicate r runs with seed first_seed + r at every point
  std::vector<Factor> factors;
  std::vector<std::string> metrics;  // outcome metric names, in catalogue order
  std::vector<std::string> set;      // fixed overrides applied to every run
};

// Reads and validates a sweep file, including each factor's lowest and
// highest value against the base scenario. Throws scenario::InputError.
SweepSpec read_sweep_file(const std::string& path);

// "2022-02-17" <-> days since 1970-01-01.
std::string format_day(std::int64_t days);

}  // namespace sahel::sweep
