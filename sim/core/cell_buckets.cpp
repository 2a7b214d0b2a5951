// SPDX-License-Identifier: MIT
#include "core/cell_buckets.hpp"

namespace sahel::core {

void CellBuckets::build(std::int64_t cells, std::span<const CellIndex> cell_of) {
  start_.assign(static_cast<std::size_t>(cells) + 1, 0);
  for (CellIndex c : cell_of)
    if (c != kNoCell) ++start_[static_cast<std::size_t>(c) + 1];
  for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
  members_.resize(start_.back());
  std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
  for (std::size_t i = 0; i < cell_of.size(); ++i)
    if (cell_of[i] != kNoCell) members_[fill[cell_of[i]]++] = static_cast<std::uint32_t>(i);
}

}  // namespace sahel::core
