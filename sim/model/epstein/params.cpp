// SPDX-License-Identifier: MIT
#include "model/epstein/params.hpp"

namespace sahel::epstein {

double legitimacy_at(const Params& p, int tick) {
  const auto& s = p.legitimacy_schedule;
  if (s.empty() || tick < s.front().tick) {
    if (s.empty() || p.legitimacy_interpolation == Interpolation::step) return p.legitimacy;
    // Linear: ramp from the base value at tick 0 to the first point.
    if (s.front().tick <= 0) return s.front().legitimacy;
    const double f = static_cast<double>(tick) / s.front().tick;
    return p.legitimacy + f * (s.front().legitimacy - p.legitimacy);
  }
  for (std::size_t i = s.size(); i-- > 0;) {
    if (s[i].tick > tick) continue;
    if (p.legitimacy_interpolation == Interpolation::step || i + 1 == s.size()) return s[i].legitimacy;
    const double f = static_cast<double>(tick - s[i].tick) / (s[i + 1].tick - s[i].tick);
    return s[i].legitimacy + f * (s[i + 1].legitimacy - s[i].legitimacy);
  }
  return p.legitimacy;
}

}  // namespace sahel::epstein
