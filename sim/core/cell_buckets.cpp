// SPDX-License-Identifier: MIT
#include "core/cell_buckets.hpp"

#include <algorithm>

#include "core/parallel.hpp"

namespace sahel::core {

// A counting sort in fixed blocks of agents: each block counts its agents
// per cell (in parallel), the per-(cell, block) offsets are laid out cell by
// cell, then each block scatters its agents (in parallel). Within a cell the
// members come block by block, each block in index order: increasing agent
// index, whatever the thread count. The number of blocks depends only on
// the sizes, and is kept small enough that the per-block counts cost no
// more memory than the agents themselves.
void CellBuckets::build(std::int64_t cells, std::span<const CellIndex> cell_of) {
  const auto n = static_cast<std::int64_t>(cell_of.size());
  const std::int64_t blocks = std::clamp<std::int64_t>(n / std::max<std::int64_t>(cells, 1), 1, 16);
  const std::int64_t per_block = (n + blocks - 1) / std::max<std::int64_t>(blocks, 1);
  const auto ncells = static_cast<std::size_t>(cells);
  counts_.assign(static_cast<std::size_t>(blocks) * ncells, 0);
  for_each_index(
      blocks,
      [&](std::int64_t b) {
        std::uint32_t* count = counts_.data() + static_cast<std::size_t>(b) * ncells;
        const std::int64_t end = std::min(n, (b + 1) * per_block);
        for (std::int64_t i = b * per_block; i < end; ++i)
          if (cell_of[static_cast<std::size_t>(i)] != kNoCell) ++count[cell_of[static_cast<std::size_t>(i)]];
      },
      1);
  start_.assign(ncells + 1, 0);
  std::uint32_t running = 0;
  for (std::size_t c = 0; c < ncells; ++c) {
    start_[c] = running;
    for (std::int64_t b = 0; b < blocks; ++b) {
      std::uint32_t& slot = counts_[static_cast<std::size_t>(b) * ncells + c];
      const std::uint32_t k = slot;
      slot = running;  // becomes this block's write position in cell c
      running += k;
    }
  }
  start_[ncells] = running;
  members_.resize(running);
  for_each_index(
      blocks,
      [&](std::int64_t b) {
        std::uint32_t* next = counts_.data() + static_cast<std::size_t>(b) * ncells;
        const std::int64_t end = std::min(n, (b + 1) * per_block);
        for (std::int64_t i = b * per_block; i < end; ++i) {
          const CellIndex c = cell_of[static_cast<std::size_t>(i)];
          if (c != kNoCell) members_[next[c]++] = static_cast<std::uint32_t>(i);
        }
      },
      1);
}

}  // namespace sahel::core
