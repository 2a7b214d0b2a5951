// SPDX-License-Identifier: MIT
#pragma once
// Agents grouped by cell with a counting sort: after build(), the agents in
// cell c are in_cell(c), in increasing agent index. O(agents + cells), no
// comparisons, parallel, and the order inside a cell never depends on
// threads.
#include <cstdint>
#include <span>
#include <vector>

#include "core/grid.hpp"

namespace sahel::core {

class CellBuckets {
 public:
  // cell_of[i] is agent i's cell, or kNoCell for an agent off the map.
  void build(std::int64_t cells, std::span<const CellIndex> cell_of);
  std::span<const std::uint32_t> in_cell(CellIndex c) const {
    return {members_.data() + start_[c], members_.data() + start_[c + 1]};
  }
  std::uint32_t count(CellIndex c) const { return start_[c + 1] - start_[c]; }

 private:
  std::vector<std::uint32_t> start_;    // cells + 1 offsets
  std::vector<std::uint32_t> members_;  // agent indices, grouped by cell
  std::vector<std::uint32_t> counts_;   // scratch: per (block, cell) counts, then write positions
};

}  // namespace sahel::core
