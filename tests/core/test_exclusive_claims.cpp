// SPDX-License-Identifier: MIT
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <vector>

#include "core/counter_rng.hpp"
#include "core/exclusive_claims.hpp"
#include "core/parallel.hpp"

using namespace sahel::core;

namespace {
enum class S : std::uint16_t { claim = 1 };

// 100,000 claimants on 1,000 slots: who wins each slot?
std::vector<std::int64_t> winners(int threads) {
  ThreadLimit limit(threads);
  constexpr std::int64_t n = 100000, slots = 1000;
  ExclusiveClaims claims(slots);
  std::vector<std::int64_t> slot(n), priority(n), winner(slots, -1);
  for_each_index(
      n,
      [&](std::int64_t i) {
        Draws d({3, 0}, 0, S::claim, static_cast<std::uint64_t>(i));
        slot[i] = d.below(slots);
        priority[i] = d.next_u32();
        claims.claim(slot[i], static_cast<std::uint32_t>(priority[i]), static_cast<std::uint32_t>(i));
      },
      64);
  for (std::int64_t i = 0; i < n; ++i)
    if (claims.won(slot[i], static_cast<std::uint32_t>(priority[i]), static_cast<std::uint32_t>(i))) {
      REQUIRE(winner[slot[i]] == -1);  // one winner per slot
      winner[slot[i]] = i;
    }
  return winner;
}
}  // namespace

TEST_CASE("two agents wanting the same cell: the lower (priority, id) wins", "[claims]") {
  ExclusiveClaims c(4);
  c.claim(2, 500, 7);
  c.claim(2, 100, 9);
  c.claim(2, 100, 8);  // same priority, lower id
  CHECK(c.won(2, 100, 8));
  CHECK_FALSE(c.won(2, 100, 9));
  CHECK_FALSE(c.won(2, 500, 7));
  c.clear(2);
  c.claim(2, 900, 1);
  CHECK(c.won(2, 900, 1));
}

TEST_CASE("contested claims resolve the same on 1, 2, 3 and 8 threads", "[claims][determinism]") {
  const auto one = winners(1);
  for (const std::int64_t w : one) CHECK(w >= 0);
  CHECK(winners(2) == one);
  CHECK(winners(3) == one);
  CHECK(winners(8) == one);
}
