// SPDX-License-Identifier: MIT
#pragma once
// The cells an agent sees: the Moore square, the von Neumann diamond, or the
// Euclidean disc (NetLogo's `in-radius`: every cell whose centre lies within
// the radius). A shape is kept two ways: as a list of offsets (to enumerate
// cells) and as one horizontal span per row (to count with row prefix sums).
#include <string_view>
#include <vector>

namespace sahel::core {

enum class NeighbourhoodKind { moore, von_neumann, disc };

struct Offset {
  int dx, dy;
};

struct RowSpan {
  int dy;
  int half_width;  // the span is dx in [-half_width, half_width]
};

class Neighbourhood {
 public:
  Neighbourhood(NeighbourhoodKind kind, int radius, bool include_centre);

  NeighbourhoodKind kind() const { return kind_; }
  int radius() const { return radius_; }
  bool includes_centre() const { return include_centre_; }
  // Cells in the shape, centre first when it is included; the rest ordered by
  // row then column, so an enumeration is the same on every machine.
  const std::vector<Offset>& offsets() const { return offsets_; }
  // One span per row, the centre cell included (counting code subtracts it).
  const std::vector<RowSpan>& rows() const { return rows_; }
  int size() const { return static_cast<int>(offsets_.size()); }

 private:
  NeighbourhoodKind kind_;
  int radius_;
  bool include_centre_;
  std::vector<Offset> offsets_;
  std::vector<RowSpan> rows_;
};

}  // namespace sahel::core
