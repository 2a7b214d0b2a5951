// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "core/counter_rng.hpp"
#include "core/span_scan.hpp"
#include "core/summed_area.hpp"

using namespace sahel::core;

namespace {
enum class S : std::uint16_t { fill = 1 };

Layer<std::int64_t> random_layer(const Grid& g) {
  Layer<std::int64_t> v = g.make_layer<std::int64_t>(0);
  for (std::int64_t c = 0; c < g.cells(); ++c) {
    Draws d({7, 0}, 0, S::fill, static_cast<std::uint64_t>(c));
    v.data()[c] = d.below(5);
  }
  return v;
}

// Brute force: visit every offset of the shape (centre included).
std::int64_t brute_force(const Grid& g, const Layer<std::int64_t>& v, CellIndex c, const Neighbourhood& shape) {
  std::int64_t sum = v.data()[c];
  for (const Offset& o : shape.offsets()) {
    if (o.dx == 0 && o.dy == 0) continue;
    const CellIndex n = g.offset(c, o.dx, o.dy);
    if (n != kNoCell) sum += v.data()[n];
  }
  return sum;
}
}  // namespace

TEST_CASE("window sums equal brute-force sums on tori and bounded grids", "[sat]") {
  for (const bool torus : {true, false}) {
    const Grid g{23, 17, torus};
    const auto v = random_layer(g);
    RowPrefixSums rows(g);
    rows.build(v);
    SummedAreaTable sat(g);
    sat.build(v);
    CHECK(sat.total() == v.sum());
    for (const auto kind : {NeighbourhoodKind::moore, NeighbourhoodKind::von_neumann, NeighbourhoodKind::disc}) {
      for (const int r : {0, 1, 3, 7}) {
        const Neighbourhood shape(kind, r, false);
        for (CellIndex c = 0; c < g.cells(); ++c) {
          const std::int64_t expected = brute_force(g, v, c, shape);
          REQUIRE(rows.around(c, shape) == expected);
          if (kind == NeighbourhoodKind::moore) REQUIRE(sat.square(c, r) == expected);
          std::int64_t scanned = 0;
          for_each_run(g, shape, g.x_of(c), g.y_of(c), [&](CellIndex a, CellIndex b) {
            for (CellIndex k = a; k <= b; ++k) scanned += v.data()[k];
          });
          REQUIRE(scanned == expected);
        }
      }
    }
  }
}

TEST_CASE("a rectangle as wide as the torus counts each cell once", "[sat]") {
  const Grid g{8, 6, true};
  const auto v = random_layer(g);
  SummedAreaTable sat(g);
  sat.build(v);
  CHECK(sat.rect(-3, -2, 20, 30) == v.sum());
  CHECK(sat.rect(5, 0, 12, 0) == v.row(0).sum());  // wraps once: the whole row
}

TEST_CASE("the row of a cell is exact on the largest grids", "[grid]") {
  for (const int width : {1, 3, 7, 1000, 46340, 99991}) {
    const Grid g{width, 2147483647 / width, false};
    for (const std::int64_t c : {std::int64_t{0}, std::int64_t{width} - 1, std::int64_t{width}, g.cells() - 1,
                                 g.cells() / 2, g.cells() / 3 * 2 + 1}) {
      REQUIRE(g.y_of(static_cast<CellIndex>(c)) == c / width);
      REQUIRE(g.x_of(static_cast<CellIndex>(c)) == c % width);
    }
  }
}
