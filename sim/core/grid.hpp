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
  // Cached 1/width for y_of(); set from width at construction (a Grid is
  // built once and never resized).
  double inverse_width = width > 0 ? 1.0 / width : 0.0;

  std::int64_t cells() const { return static_cast<std::int64_t>(width) * height; }
  CellIndex index(int x, int y) const { return static_cast<CellIndex>(y) * width + x; }
  int x_of(CellIndex c) const { return c - y_of(c) * width; }
  // Row of a cell by multiplying with 1/width instead of dividing (a hot
  // path): (c + 0.5)/width is at least 0.5/width >= 5e-6 away from an integer,
  // far more than the product's rounding error (< 2^31 * 2^-52), so the
  // truncation is exact for every grid this engine accepts.
  int y_of(CellIndex c) const { return static_cast<int>((c + 0.5) * inverse_width); }

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
