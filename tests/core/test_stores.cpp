// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/cell_buckets.hpp"
#include "core/compaction.hpp"
#include "core/parallel.hpp"

using namespace sahel::core;

TEST_CASE("compaction keeps survivors in order across every column", "[stores]") {
  std::vector<std::uint32_t> id = {10, 11, 12, 13, 14};
  std::vector<float> strength = {1, 2, 3, 4, 5};
  std::vector<std::string> name = {"a", "b", "c", "d", "e"};
  const std::vector<std::uint8_t> keep = {1, 0, 1, 0, 1};
  CHECK(compact(keep, id, strength, name) == 3);
  CHECK(id == std::vector<std::uint32_t>{10, 12, 14});
  CHECK(strength == std::vector<float>{1, 3, 5});
  CHECK(name == std::vector<std::string>{"a", "c", "e"});
}

TEST_CASE("cell buckets group agents by cell in index order", "[stores]") {
  const std::vector<CellIndex> cell_of = {3, 0, 3, kNoCell, 1, 3};
  CellBuckets b;
  b.build(5, cell_of);
  CHECK(b.count(0) == 1);
  CHECK(b.count(2) == 0);
  CHECK(b.count(3) == 3);
  const auto in3 = b.in_cell(3);
  CHECK(std::vector<std::uint32_t>(in3.begin(), in3.end()) == std::vector<std::uint32_t>{0, 2, 5});
  CHECK(b.in_cell(4).empty());
}

TEST_CASE("deterministic sums are bit-identical on any thread count", "[stores][determinism]") {
  auto sum = [](int threads) {
    ThreadLimit limit(threads);
    return deterministic_sum<double>(
        1000003, [](std::int64_t i) { return 1.0 / (1.0 + static_cast<double>(i)); }, 1000);
  };
  const double one = sum(1);
  CHECK(sum(2) == one);  // exact equality on purpose
  CHECK(sum(3) == one);
  CHECK(sum(8) == one);
}
