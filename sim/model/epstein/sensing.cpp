// SPDX-License-Identifier: MIT
// Phase "sensing": each cell's cops and active citizens are packed into one
// 64-bit count, (cops << 32) | actives, and summed into window tables, so
// that a citizen's view of C and A costs O(1) (Moore square, summed-area
// table) or O(radius) (disc or diamond, row prefix sums) whatever the vision.
// Packing is exact: neither count can reach 2^32 on a grid of < 2^31 cells.
#include "core/parallel.hpp"
#include "model/epstein/model.hpp"

namespace sahel::epstein {

void Model::sense() {
  const Occupant* occupant = world_.occupant.data();
  const Citizens& c = world_.citizens;
  std::int64_t* counts = packed_counts_.data();
  std::uint8_t* active_here = active_here_.data();
  core::for_each_index(
      world_.grid.cells(),
      [&](std::int64_t cell) {
        const Occupant o = occupant[cell];
        active_here[cell] = 0;  // set again by the activation phase
        counts[cell] = is_cop(o) ? (std::int64_t{1} << 32)
                                 : (o >= 0 && c.status[static_cast<std::size_t>(o)] == Status::active ? 1 : 0);
      },
      8192);
  if (world_.params.neighbourhood == core::NeighbourhoodKind::moore)
    square_sums_.build(packed_counts_);
  else
    row_sums_.build(packed_counts_);
}

std::int64_t Model::packed_counts_around(core::CellIndex cell, int x, int y, const core::Neighbourhood& shape) const {
  // The window tables include the centre; the views exclude it.
  const std::int64_t with_centre =
      shape.kind() == core::NeighbourhoodKind::moore
          ? square_sums_.rect(x - shape.radius(), y - shape.radius(), x + shape.radius(), y + shape.radius())
          : row_sums_.around_xy(x, y, shape);
  return with_centre - packed_counts_.data()[cell];
}

}  // namespace sahel::epstein
