// SPDX-License-Identifier: MIT
#pragma once
// A regular 2-D grid of cells, bounded or wrapped into a torus, and the
// per-cell layers that live on it (row-major Eigen arrays: cell (x, y) is
// element (y, x), and the flat index y * width + x is the one agents store).
#include <Eigen/Core>

#include <cstdint>

namespace sahel::core {

using CellIndex = std::int32_t;
inline constexpr CellIndex kNoCell = -1;

template <class T>
using Layer = Eigen::Array<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Grid {
  int width = 0;
  int height = 0;
  bool torus = false;

  std::int64_t cells() const { return static_cast<std::int64_t>(width) * height; }
  CellIndex index(int x, int y) const { return static_cast<CellIndex>(y) * width + x; }
  int x_of(CellIndex c) const { return c % width; }
  int y_of(CellIndex c) const { return c / width; }

  // The cell at (x + dx, y + dy): wrapped on a torus, kNoCell off a bounded
  // grid. |dx| < width and |dy| < height are assumed (checked at the door).
  CellIndex offset(CellIndex c, int dx, int dy) const { return offset_xy(x_of(c), y_of(c), dx, dy); }

  // Same as offset() for a cell whose coordinates the caller already has
  // (saves two divisions per look-up in hot loops).
  CellIndex offset_xy(int x, int y, int dx, int dy) const {
    x += dx;
    y += dy;
    if (torus) {
      x += (x < 0) ? width : (x >= width ? -width : 0);
      y += (y < 0) ? height : (y >= height ? -height : 0);
    } else if (x < 0 || x >= width || y < 0 || y >= height) {
      return kNoCell;
    }
    return index(x, y);
  }

  template <class T>
  Layer<T> make_layer(T fill) const {
    return Layer<T>::Constant(height, width, fill);
  }
};

}  // namespace sahel::core
