// SPDX-License-Identifier: MIT
#include "core/exclusive_claims.hpp"

namespace sahel::core {

ExclusiveClaims::ExclusiveClaims(std::int64_t slots)
    : slots_(slots), best_(std::make_unique<std::atomic<std::uint64_t>[]>(static_cast<std::size_t>(slots))) {
  for (std::int64_t i = 0; i < slots; ++i) best_[i].store(kFree, std::memory_order_relaxed);
}

}  // namespace sahel::core
