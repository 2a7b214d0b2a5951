// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "core/neighbourhood.hpp"

using namespace sahel::core;

TEST_CASE("neighbourhood sizes match their definitions", "[neighbourhood]") {
  // Moore: (2r+1)^2; von Neumann: 2r(r+1)+1; NetLogo's in-radius 7: 149 patches.
  CHECK(Neighbourhood(NeighbourhoodKind::moore, 7, true).size() == 225);
  CHECK(Neighbourhood(NeighbourhoodKind::von_neumann, 7, true).size() == 113);
  CHECK(Neighbourhood(NeighbourhoodKind::disc, 7, true).size() == 149);
  CHECK(Neighbourhood(NeighbourhoodKind::disc, 1, true).size() == 5);
  CHECK(Neighbourhood(NeighbourhoodKind::moore, 7, false).size() == 224);
  CHECK(Neighbourhood(NeighbourhoodKind::moore, 0, false).size() == 0);
}

TEST_CASE("row spans describe exactly the offsets", "[neighbourhood]") {
  for (const auto kind : {NeighbourhoodKind::moore, NeighbourhoodKind::von_neumann, NeighbourhoodKind::disc}) {
    const Neighbourhood n(kind, 5, true);
    int from_rows = 0;
    for (const RowSpan& s : n.rows()) from_rows += 2 * s.half_width + 1;
    CHECK(from_rows == n.size());
    for (const Offset& o : n.offsets()) {
      const RowSpan& s = n.rows()[static_cast<std::size_t>(o.dy + 5)];
      CHECK(s.dy == o.dy);
      CHECK(std::abs(o.dx) <= s.half_width);
      if (kind == NeighbourhoodKind::disc) CHECK(o.dx * o.dx + o.dy * o.dy <= 25);
    }
  }
}
