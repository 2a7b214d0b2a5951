// SPDX-License-Identifier: MIT
#pragma once
// O(1) neighbourhood counts. A SummedAreaTable answers any rectangle in four
// look-ups; RowPrefixSums answers one row span in two, so a disc or diamond of
// radius r costs 2(2r+1) look-ups instead of a scan of its (2r+1)^2 cells.
// Both wrap on a torus and clip on a bounded grid. Sums are integers, so a
// parallel build gives the same table whatever the thread count.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/grid.hpp"
#include "core/neighbourhood.hpp"

namespace sahel::core {

class RowPrefixSums {
 public:
  explicit RowPrefixSums(const Grid& grid);
  void build(const Layer<std::int64_t>& values);
  // Sum over row y (wrapped or clipped), columns x0..x1 inclusive (x1 >= x0).
  std::int64_t row_span(int y, int x0, int x1) const;
  // Sum over a neighbourhood shape centred at cell c (its centre included).
  std::int64_t around(CellIndex c, const Neighbourhood& shape) const {
    return around_xy(grid_.x_of(c), grid_.y_of(c), shape);
  }
  std::int64_t around_xy(int x, int y, const Neighbourhood& shape) const;
  const Grid& grid() const { return grid_; }
  // Row y's prefix sums (width + 1 entries); the table builder reads them.
  const std::int64_t* row(int y) const { return prefix_.data() + static_cast<std::int64_t>(y) * stride_; }

 private:
  Grid grid_;
  int stride_;
  std::vector<std::int64_t> prefix_;  // height x (width + 1), prefix_[y][0] = 0
};

class SummedAreaTable {
 public:
  explicit SummedAreaTable(const Grid& grid);
  void build(const Layer<std::int64_t>& values);
  // Sum over columns x0..x1 and rows y0..y1 inclusive; ranges are wrapped on
  // a torus (a range of width or more covers the whole axis once) and clipped
  // on a bounded grid.
  std::int64_t rect(int x0, int y0, int x1, int y1) const;
  // Sum over the (2r+1)^2 Moore square centred at c.
  std::int64_t square(CellIndex c, int radius) const {
    const int x = grid_.x_of(c), y = grid_.y_of(c);
    if (!grid_.torus) {  // inline fast path for bounded grids (most queries)
      const int x0 = std::max(x - radius, 0), y0 = std::max(y - radius, 0);
      const int x1 = std::min(x + radius, grid_.width - 1), y1 = std::min(y + radius, grid_.height - 1);
      return (x0 > x1 || y0 > y1) ? 0 : unwrapped(x0, y0, x1, y1);
    }
    return rect(x - radius, y - radius, x + radius, y + radius);
  }
  std::int64_t total() const { return at(grid_.width, grid_.height); }

 private:
  std::int64_t at(int x, int y) const { return table_[static_cast<std::int64_t>(y) * stride_ + x]; }
  std::int64_t unwrapped(int x0, int y0, int x1, int y1) const {
    return at(x1 + 1, y1 + 1) - at(x0, y1 + 1) - at(x1 + 1, y0) + at(x0, y0);
  }
  Grid grid_;
  int stride_;
  std::vector<std::int64_t> table_;  // (height + 1) x (width + 1), zero first row and column
};

}  // namespace sahel::core
