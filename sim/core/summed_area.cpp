// SPDX-License-Identifier: MIT
#include "core/summed_area.hpp"

#include <algorithm>
#include <array>

#include "core/parallel.hpp"

namespace sahel::core {

namespace {
// Splits [lo, hi] on an axis of length n into at most two in-range intervals.
// Returns how many it wrote.
int split_range(int lo, int hi, int n, bool torus, std::array<std::pair<int, int>, 2>& out) {
  if (!torus) {
    lo = std::max(lo, 0);
    hi = std::min(hi, n - 1);
    if (lo > hi) return 0;
    out[0] = {lo, hi};
    return 1;
  }
  if (hi - lo + 1 >= n) {
    out[0] = {0, n - 1};
    return 1;
  }
  lo = ((lo % n) + n) % n;
  hi = ((hi % n) + n) % n;
  if (lo <= hi) {
    out[0] = {lo, hi};
    return 1;
  }
  out[0] = {lo, n - 1};
  out[1] = {0, hi};
  return 2;
}
}  // namespace

RowPrefixSums::RowPrefixSums(const Grid& grid)
    : grid_(grid), stride_(grid.width + 1), prefix_(static_cast<std::size_t>(grid.height) * stride_, 0) {}

void RowPrefixSums::build(const Layer<std::int64_t>& values) {
  for_each_range(grid_.height, 16, [&](std::int64_t begin, std::int64_t end) {
    for (auto y = begin; y < end; ++y) {
      std::int64_t* p = prefix_.data() + static_cast<std::int64_t>(y) * stride_;
      const std::int64_t* v = values.data() + static_cast<std::int64_t>(y) * grid_.width;
      p[0] = 0;
      for (int x = 0; x < grid_.width; ++x) p[x + 1] = p[x] + v[x];
    }
  });
}

std::int64_t RowPrefixSums::row_span(int y, int x0, int x1) const {
  std::array<std::pair<int, int>, 2> ys{}, xs{};
  if (split_range(y, y, grid_.height, grid_.torus, ys) == 0) return 0;
  const std::int64_t* p = row(ys[0].first);
  const int nx = split_range(x0, x1, grid_.width, grid_.torus, xs);
  std::int64_t sum = 0;
  for (int i = 0; i < nx; ++i) sum += p[xs[i].second + 1] - p[xs[i].first];
  return sum;
}

std::int64_t RowPrefixSums::around_xy(int x, int y, const Neighbourhood& shape) const {
  const int r = shape.radius();
  std::int64_t sum = 0;
  if (x - r >= 0 && x + r < grid_.width && y - r >= 0 && y + r < grid_.height) {
    // Interior: no wrapping or clipping, rows are consecutive in memory.
    const std::int64_t* p = row(y - r);
    for (const RowSpan& s : shape.rows()) {
      sum += p[x + s.half_width + 1] - p[x - s.half_width];
      p += stride_;
    }
    return sum;
  }
  for (const RowSpan& s : shape.rows()) sum += row_span(y + s.dy, x - s.half_width, x + s.half_width);
  return sum;
}

SummedAreaTable::SummedAreaTable(const Grid& grid)
    : grid_(grid), stride_(grid.width + 1), table_(static_cast<std::size_t>(grid.height + 1) * stride_, 0) {}

void SummedAreaTable::build(const Layer<std::int64_t>& values) {
  // One pass, row after row: table[y+1][x+1] = table[y][x+1] + (row y's
  // prefix up to x). Memory-bound and cheap (a 0.1-degree Sahel grid takes
  // tens of microseconds), so it stays sequential; the first row and column
  // are zero from construction.
  for (int y = 0; y < grid_.height; ++y) {
    const std::int64_t* above = table_.data() + static_cast<std::int64_t>(y) * stride_;
    std::int64_t* here = table_.data() + static_cast<std::int64_t>(y + 1) * stride_;
    const std::int64_t* v = values.data() + static_cast<std::int64_t>(y) * grid_.width;
    std::int64_t running = 0;
    for (int x = 0; x < grid_.width; ++x) {
      running += v[x];
      here[x + 1] = above[x + 1] + running;
    }
  }
}

std::int64_t SummedAreaTable::rect(int x0, int y0, int x1, int y1) const {
  if (!grid_.torus) {  // the common bounded case: clip, then four look-ups
    x0 = std::max(x0, 0);
    y0 = std::max(y0, 0);
    x1 = std::min(x1, grid_.width - 1);
    y1 = std::min(y1, grid_.height - 1);
    return (x0 > x1 || y0 > y1) ? 0 : unwrapped(x0, y0, x1, y1);
  }
  std::array<std::pair<int, int>, 2> xs{}, ys{};
  const int nx = split_range(x0, x1, grid_.width, grid_.torus, xs);
  const int ny = split_range(y0, y1, grid_.height, grid_.torus, ys);
  std::int64_t sum = 0;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) sum += unwrapped(xs[i].first, ys[j].first, xs[i].second, ys[j].second);
  return sum;
}

}  // namespace sahel::core
