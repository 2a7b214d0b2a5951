// SPDX-License-Identifier: MIT
#include "core/counter_rng.hpp"

#include <cmath>
#include <numbers>

namespace sahel::core {

double Draws::normal(double mean, double sd) {
  // 1 - u keeps the logarithm's argument in (0, 1].
  const double u1 = 1.0 - uniform();
  const double u2 = uniform();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace sahel::core
