// SPDX-License-Identifier: MIT
#include "sweep/sweep_plan.hpp"

#include <fmt/format.h>

#include <cmath>

#include "sweep/designs.hpp"

namespace sahel::sweep {

namespace {

// The value of factor `f` at unit coordinate u, as --set takes it.
std::string value_at(const Factor& f, double u) {
  switch (f.kind) {
    case FactorKind::real:
      return fmt::format("{}", map_real(u, f.low, f.high));
    case FactorKind::integer:
      return fmt::format("{}", map_integer(u, static_cast<std::int64_t>(f.low), static_cast<std::int64_t>(f.high)));
    case FactorKind::date:
      return format_day(map_integer(u, static_cast<std::int64_t>(f.low), static_cast<std::int64_t>(f.high)));
    case FactorKind::levels:
      return map_level(u, f.levels);
  }
  return {};
}

}  // namespace

std::vector<PlannedRun> plan_runs(const SweepSpec& spec) {
  const std::size_t k = spec.factors.size();
  Eigen::MatrixXd points;
  std::vector<std::string> blocks;
  std::vector<int> rows;
  switch (spec.design) {
    case DesignKind::lhs:
      points = latin_hypercube(static_cast<std::size_t>(spec.points), k, spec.design_seed);
      break;
    case DesignKind::sobol:
      points = sobol(static_cast<std::size_t>(spec.points), k, true, spec.design_seed);
      break;
    case DesignKind::nolh:
      points = nolh(static_cast<std::size_t>(spec.points), k, spec.design_seed);
      break;
    case DesignKind::saltelli: {
      std::vector<std::string> names;
      for (const auto& f : spec.factors) names.push_back(f.path);
      SaltelliDesign d = saltelli(static_cast<std::size_t>(spec.base_samples), names, spec.design_seed);
      points = std::move(d.points);
      blocks = std::move(d.block);
      rows = std::move(d.row);
      break;
    }
    case DesignKind::factorial: {
      std::vector<int> levels;
      for (const auto& f : spec.factors)
        levels.push_back(f.factorial_levels > 0         ? f.factorial_levels
                         : f.kind == FactorKind::levels ? static_cast<int>(f.levels.size())
                                                        : spec.levels);
      points = full_factorial(levels);
      // A list of L levels is hit exactly by the centres of L equal bins.
      for (std::size_t j = 0; j < k; ++j)
        if (spec.factors[j].kind == FactorKind::levels && spec.factors[j].factorial_levels == 0) {
          const double L = static_cast<double>(spec.factors[j].levels.size());
          for (Eigen::Index p = 0; p < points.rows(); ++p)
            points(p, static_cast<Eigen::Index>(j)) =
                (std::round(points(p, static_cast<Eigen::Index>(j)) * (L - 1)) + 0.5) / L;
        }
      break;
    }
  }
  std::vector<PlannedRun> runs;
  runs.reserve(static_cast<std::size_t>(points.rows()) * static_cast<std::size_t>(spec.replicates));
  for (Eigen::Index p = 0; p < points.rows(); ++p)
    for (int r = 0; r < spec.replicates; ++r) {
      PlannedRun run;
      run.run = static_cast<std::int64_t>(runs.size());
      run.point = p;
      run.replicate = r;
      run.seed = spec.first_seed + static_cast<std::uint64_t>(r);
      if (!blocks.empty()) {
        run.block = blocks[static_cast<std::size_t>(p)];
        run.row = rows[static_cast<std::size_t>(p)];
      }
      for (std::size_t j = 0; j < k; ++j)
        run.values.push_back(value_at(spec.factors[j], points(p, static_cast<Eigen::Index>(j))));
      runs.push_back(std::move(run));
    }
  return runs;
}

}  // namespace sahel::sweep
