// SPDX-License-Identifier: MIT
#pragma once
// Deterministic resolution of contested slots (a cell that holds at most one
// agent, a suspect that only one cop can arrest). Every claimant posts
// (priority, claimant) to the slot with an atomic minimum; the smallest pair
// wins. A minimum does not depend on the order in which claims arrive, so
// the winner is the same on any number of threads. Priorities are random
// draws, so no agent is favoured by its index.
#include <atomic>
#include <cstdint>
#include <memory>

namespace sahel::core {

class ExclusiveClaims {
 public:
  explicit ExclusiveClaims(std::int64_t slots);

  // Phase 1, in parallel: `claimant` asks for `slot` with `priority`.
  void claim(std::int64_t slot, std::uint32_t priority, std::uint32_t claimant) {
    const std::uint64_t mine = pack(priority, claimant);
    std::atomic<std::uint64_t>& best = best_[slot];
    std::uint64_t seen = best.load(std::memory_order_relaxed);
    while (mine < seen && !best.compare_exchange_weak(seen, mine, std::memory_order_relaxed)) {
    }
  }
  // Phase 2, in parallel, after every claim is in: did this claimant win?
  bool won(std::int64_t slot, std::uint32_t priority, std::uint32_t claimant) const {
    return best_[slot].load(std::memory_order_relaxed) == pack(priority, claimant);
  }
  // Phase 3, after every check: clears a slot for the next round (claimants
  // clear their own slots, so the cost is the number of claims, not slots).
  void clear(std::int64_t slot) { best_[slot].store(kFree, std::memory_order_relaxed); }
  std::int64_t slots() const { return slots_; }

 private:
  static constexpr std::uint64_t kFree = ~std::uint64_t{0};
  static std::uint64_t pack(std::uint32_t priority, std::uint32_t claimant) {
    return (static_cast<std::uint64_t>(priority) << 32) | claimant;
  }
  std::int64_t slots_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> best_;
};

}  // namespace sahel::core
