// SPDX-License-Identifier: MIT
#pragma once
// Visits a neighbourhood row by row as contiguous runs of cells, wrapping on
// a torus and clipping on a bounded grid. Scanning runs (rather than one
// offset at a time) keeps the inner loop free of wrap tests and lets it
// stream through memory.
#include "core/grid.hpp"
#include "core/neighbourhood.hpp"

namespace sahel::core {

// Calls run(first_cell, last_cell) for each run of consecutive cells (both
// inclusive, same row) of `shape` centred at (x, y); the centre is included.
template <class Run>
void for_each_run(const Grid& g, const Neighbourhood& shape, int x, int y, Run&& run) {
  for (const RowSpan& s : shape.rows()) {
    int yy = y + s.dy;
    if (yy < 0 || yy >= g.height) {
      if (!g.torus) continue;
      yy += yy < 0 ? g.height : -g.height;
    }
    const CellIndex row = static_cast<CellIndex>(yy) * g.width;
    int x0 = x - s.half_width, x1 = x + s.half_width;
    if (!g.torus) {
      if (x0 < 0) x0 = 0;
      if (x1 >= g.width) x1 = g.width - 1;
      run(row + x0, row + x1);
    } else if (x1 - x0 + 1 >= g.width) {
      run(row, row + g.width - 1);
    } else if (x0 < 0) {
      run(row + x0 + g.width, row + g.width - 1);
      run(row, row + x1);
    } else if (x1 >= g.width) {
      run(row + x0, row + g.width - 1);
      run(row, row + x1 - g.width);
    } else {
      run(row + x0, row + x1);
    }
  }
}

}  // namespace sahel::core
