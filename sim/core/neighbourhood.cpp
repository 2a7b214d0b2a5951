// SPDX-License-Identifier: MIT
#include "core/neighbourhood.hpp"

#include <cmath>
#include <cstdlib>

namespace sahel::core {

namespace {
int half_width_of(NeighbourhoodKind kind, int radius, int dy) {
  switch (kind) {
    case NeighbourhoodKind::moore:
      return radius;
    case NeighbourhoodKind::von_neumann:
      return radius - std::abs(dy);
    case NeighbourhoodKind::disc:
      // Largest dx with dx^2 + dy^2 <= r^2, computed in integers so no
      // rounding can add or drop a boundary cell.
      int w = 0;
      while ((w + 1) * (w + 1) + dy * dy <= radius * radius) ++w;
      return w;
  }
  return 0;
}
}  // namespace

Neighbourhood::Neighbourhood(NeighbourhoodKind kind, int radius, bool include_centre)
    : kind_(kind), radius_(radius), include_centre_(include_centre) {
  if (include_centre) offsets_.push_back({0, 0});
  for (int dy = -radius; dy <= radius; ++dy) {
    const int w = half_width_of(kind, radius, dy);
    rows_.push_back({dy, w});
    for (int dx = -w; dx <= w; ++dx) {
      if (dx != 0 || dy != 0) offsets_.push_back({dx, dy});
    }
  }
}

}  // namespace sahel::core
