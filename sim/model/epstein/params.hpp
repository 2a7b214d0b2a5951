// SPDX-License-Identifier: MIT
#pragma once
// Parameters of Epstein's civil-violence model (Model I), as plain data.
// Defaults, units, legal ranges and sources are in the parameter table of
// sim/scenario/epstein_params_table.cpp and in docs/model.md.
#include <cstdint>
#include <vector>

#include "core/grid.hpp"
#include "core/neighbourhood.hpp"

namespace sahel::epstein {

// How C/(A+1) enters the arrest-probability estimate.
enum class ArrestRounding : std::uint8_t {
  none,   // Epstein (2002): the ratio as it is
  floor,  // NetLogo "Rebellion": floor(C / A)
  round,  // Mesa's example: round(C / A)
};

enum class Interpolation : std::uint8_t { step, linear };

struct LegitimacyPoint {
  int tick;
  double legitimacy;
};

struct Params {
  double citizen_density = 0.70;
  double cop_density = 0.04;
  int citizen_vision = 7;
  int cop_vision = 7;
  core::NeighbourhoodKind neighbourhood = core::NeighbourhoodKind::disc;
  double legitimacy = 0.82;
  double arrest_constant_k = 2.3;
  double threshold = 0.1;
  int max_jail_term = 30;
  ArrestRounding rounding = ArrestRounding::floor;
  // Legitimacy as a time series: empty means constant `legitimacy`.
  std::vector<LegitimacyPoint> legitimacy_schedule;
  Interpolation legitimacy_interpolation = Interpolation::step;
};

// Legitimacy in force at `tick`: `legitimacy` before the first point, then
// the schedule, held as a step or joined by straight lines.
double legitimacy_at(const Params& p, int tick);

}  // namespace sahel::epstein
