// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/counter_rng.hpp"

using sahel::core::Draws;
using sahel::core::RngKey;

namespace {
enum class S : std::uint16_t { a = 1, b = 2 };
}

TEST_CASE("the same key gives the same draws", "[rng]") {
  Draws d1({42, 3}, 17, S::a, 123456789012ULL);
  Draws d2({42, 3}, 17, S::a, 123456789012ULL);
  for (int i = 0; i < 100; ++i) REQUIRE(d1.next_u32() == d2.next_u32());
}

TEST_CASE("every part of the key changes the draws", "[rng]") {
  auto first = [](RngKey k, std::uint32_t tick, S s, std::uint64_t id) {
    Draws d(k, tick, s, id);
    return std::vector<std::uint32_t>{d.next_u32(), d.next_u32(), d.next_u32(), d.next_u32()};
  };
  const auto base = first({1, 0}, 5, S::a, 7);
  CHECK(first({2, 0}, 5, S::a, 7) != base);                 // seed
  CHECK(first({1, 1}, 5, S::a, 7) != base);                 // replicate
  CHECK(first({1, 0}, 6, S::a, 7) != base);                 // tick
  CHECK(first({1, 0}, 5, S::b, 7) != base);                 // stream
  CHECK(first({1, 0}, 5, S::a, 8) != base);                 // entity
  CHECK(first({1, 0}, 5, S::a, 7 + (1ULL << 32)) != base);  // high bits of the entity
}

TEST_CASE("draws past the first block keep coming from the same sequence", "[rng]") {
  Draws d({9, 0}, 1, S::a, 1);
  std::vector<std::uint32_t> v;
  for (int i = 0; i < 12; ++i) v.push_back(d.next_u32());
  // Three Philox blocks: no block repeats another.
  CHECK(std::vector<std::uint32_t>(v.begin(), v.begin() + 4) !=
        std::vector<std::uint32_t>(v.begin() + 4, v.begin() + 8));
  CHECK(std::vector<std::uint32_t>(v.begin() + 4, v.begin() + 8) != std::vector<std::uint32_t>(v.begin() + 8, v.end()));
}

TEST_CASE("uniform draws pass a chi-square test, across entities and within one", "[rng]") {
  constexpr int kBins = 64;
  constexpr int kPerBin = 2000;
  auto chi_square = [](const std::vector<int>& counts, double expected) {
    double x2 = 0;
    for (int c : counts) x2 += (c - expected) * (c - expected) / expected;
    return x2;
  };
  // 63 degrees of freedom: the 99.9 % quantile is about 103.4.
  std::vector<int> across(kBins, 0), within(kBins, 0);
  for (int e = 0; e < kBins * kPerBin; ++e) {
    Draws d({2024, 0}, 3, S::a, static_cast<std::uint64_t>(e));
    across[static_cast<int>(d.uniform() * kBins)]++;
  }
  Draws one({2024, 0}, 3, S::b, 0);
  for (int i = 0; i < kBins * kPerBin; ++i) within[static_cast<int>(one.uniform() * kBins)]++;
  CHECK(chi_square(across, kPerBin) < 103.4);
  CHECK(chi_square(within, kPerBin) < 103.4);
}

TEST_CASE("below(n) is unbiased and in range", "[rng]") {
  Draws d({5, 0}, 0, S::a, 0);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) {
    const auto v = d.below(7);
    REQUIRE(v < 7u);
    counts[v]++;
  }
  for (int c : counts) CHECK(std::abs(c - 10000) < 400);  // about 4 standard deviations
}

TEST_CASE("normal draws have the asked mean and spread", "[rng]") {
  double sum = 0, sum2 = 0;
  constexpr int n = 100000;
  for (int i = 0; i < n; ++i) {
    Draws d({11, 0}, 0, S::a, static_cast<std::uint64_t>(i));
    const double x = d.normal(0.5, 0.25);
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
  CHECK(mean == Approx(0.5).margin(0.005));
  CHECK(sd == Approx(0.25).margin(0.005));
}
