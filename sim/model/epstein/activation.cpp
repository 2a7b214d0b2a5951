// SPDX-License-Identifier: MIT
// Phase "activation": Epstein's rule A. A free citizen with hardship H and
// risk aversion R, under legitimacy L, has grievance G = H(1 - L) and
// estimates the arrest probability P = 1 - exp(-k * C/(A+1)), with C cops
// and A other active citizens in vision (the +1 is himself). He is active
// when G - R*P > T. The ratio is used as it is (the paper), floored (NetLogo)
// or rounded half to even (Mesa's Python round()).
#include <cmath>

#include "core/parallel.hpp"
#include "model/epstein/model.hpp"

namespace sahel::epstein {

void Model::activate_citizens() {
  Citizens& c = world_.citizens;
  const Params& prm = world_.params;
  const double one_minus_l = 1.0 - legitimacy_now_;
  std::uint8_t* active_here = active_here_.data();
  core::for_each_index(static_cast<std::int64_t>(c.size()), [&](std::int64_t i) {
    if (c.status[i] == Status::jailed) return;
    const core::CellIndex cell = c.cell[i];
    const std::int64_t packed =
        packed_counts_around(cell, world_.grid.x_of(cell), world_.grid.y_of(cell), citizen_view_);
    const auto cops = static_cast<double>(packed >> 32);
    const auto actives = static_cast<double>(packed & 0xffffffff);
    double ratio = cops / (actives + 1.0);
    if (prm.rounding == ArrestRounding::floor)
      ratio = std::floor(ratio);
    else if (prm.rounding == ArrestRounding::round)
      ratio = std::nearbyint(ratio);
    const double p = 1.0 - std::exp(-prm.arrest_constant_k * ratio);
    const double grievance = c.hardship[i] * one_minus_l;
    c.arrest_probability[i] = static_cast<float>(p);
    const bool active = grievance - c.risk_aversion[i] * p > prm.threshold;
    c.status[i] = active ? Status::active : Status::quiet;
    active_here[cell] = active;
  });
}

}  // namespace sahel::epstein
