// SPDX-License-Identifier: MIT
#include "core/random_variates.hpp"

#include <algorithm>
#include <cmath>

namespace sahel::core {

std::int64_t poisson(Draws& d, double mean) {
  if (!(mean > 0)) return 0;
  if (mean > 30) {
    const double x = std::floor(d.normal(mean, std::sqrt(mean)) + 0.5);
    return x < 0 ? 0 : static_cast<std::int64_t>(x);
  }
  // Inversion: walk the cumulative distribution.
  const double u = d.uniform();
  double p = std::exp(-mean), cumulative = p;
  std::int64_t k = 0;
  while (u > cumulative && k < 1000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cumulative += p;
  }
  return k;
}

std::int64_t binomial(Draws& d, std::int64_t n, double p) {
  if (n <= 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  const double mean = static_cast<double>(n) * p;
  const double variance = mean * (1 - p);
  if (variance > 30) {
    const double x = std::floor(d.normal(mean, std::sqrt(variance)) + 0.5);
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(x), 0, n);
  }
  if (p > 0.5) return n - binomial(d, n, 1 - p);
  // Inversion with the recurrence P(k+1) = P(k) (n-k)/(k+1) p/(1-p).
  const double u = d.uniform();
  double prob = std::pow(1 - p, static_cast<double>(n)), cumulative = prob;
  std::int64_t k = 0;
  const double odds = p / (1 - p);
  while (u > cumulative && k < n) {
    prob *= static_cast<double>(n - k) / static_cast<double>(k + 1) * odds;
    ++k;
    cumulative += prob;
  }
  return k;
}

}  // namespace sahel::core
