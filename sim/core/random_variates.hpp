// SPDX-License-Identifier: MIT
#pragma once
// Integer variates for drawn (not averaged) losses and casualties.
#include <cstdint>

#include "core/counter_rng.hpp"

namespace sahel::core {

// Poisson(mean): inversion for small means (exact), normal approximation
// with continuity correction above 30 (error far below the model's own).
std::int64_t poisson(Draws& d, double mean);

// Binomial(n, p): inversion for small n*p, normal approximation (clamped to
// [0, n]) when n*p*(1-p) > 30.
std::int64_t binomial(Draws& d, std::int64_t n, double p);

}  // namespace sahel::core
