// SPDX-License-Identifier: MIT
// Properties of the experimental designs: strata, nets, known Sobol' values
// (from SciPy 1.10, which uses the same Joe & Kuo table), Saltelli's block
// structure, NOLH correlation bounds, factorial order, determinism.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <set>
#include <stdexcept>
#include <vector>

#include "sweep/designs.hpp"

using namespace sahel::sweep;

namespace {

// True when floor(column * strata) over the rows is a permutation of
// 0..strata-1: exactly one point in each stratum.
bool one_per_stratum(const Eigen::MatrixXd& points, Eigen::Index col, std::size_t strata) {
  if (static_cast<std::size_t>(points.rows()) != strata) return false;
  std::vector<int> seen(strata, 0);
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    const double x = points(i, col);
    if (!(x >= 0.0 && x < 1.0)) return false;
    const auto s = static_cast<std::size_t>(std::floor(x * static_cast<double>(strata)));
    if (s >= strata || seen[s]++ > 0) return false;
  }
  return true;
}

bool all_in_unit_interval(const Eigen::MatrixXd& points) {
  return (points.array() >= 0.0).all() && (points.array() < 1.0).all();
}

}  // namespace

// ------------------------------------------------------------------ LHS

TEST_CASE("latin hypercube: one point per stratum in every dimension", "[designs][lhs]") {
  for (const std::size_t n : {1u, 2u, 7u, 50u, 257u, 1000u}) {
    for (const std::size_t k : {1u, 3u, 12u}) {
      const Eigen::MatrixXd p = latin_hypercube(n, k, 1234 + n);
      REQUIRE(p.rows() == static_cast<Eigen::Index>(n));
      REQUIRE(p.cols() == static_cast<Eigen::Index>(k));
      for (Eigen::Index j = 0; j < p.cols(); ++j) {
        INFO("n=" << n << " k=" << k << " column " << j);
        CHECK(one_per_stratum(p, j, n));
      }
    }
  }
}

TEST_CASE("latin hypercube: same seed same design, new seed new design", "[designs][lhs]") {
  const Eigen::MatrixXd a = latin_hypercube(40, 5, 7);
  CHECK(a == latin_hypercube(40, 5, 7));
  CHECK(a != latin_hypercube(40, 5, 8));
  // Positions within strata are random, not centred.
  CHECK(((a.array() * 40.0) - (a.array() * 40.0).floor() - 0.5).abs().maxCoeff() > 0.1);
  CHECK_THROWS_AS(latin_hypercube(0, 3, 1), std::invalid_argument);
  CHECK_THROWS_AS(latin_hypercube(3, 0, 1), std::invalid_argument);
}

// --------------------------------------------------------------- Sobol'

TEST_CASE("sobol: the first points of dimensions 1-5 equal SciPy's", "[designs][sobol]") {
  // scipy.stats.qmc.Sobol(d=5, scramble=False).random(16), times 16.
  const int expected[5][16] = {{0, 8, 12, 4, 6, 14, 10, 2, 3, 11, 15, 7, 5, 13, 9, 1},
                               {0, 8, 4, 12, 6, 14, 2, 10, 5, 13, 1, 9, 3, 11, 7, 15},
                               {0, 8, 4, 12, 10, 2, 14, 6, 15, 7, 11, 3, 5, 13, 1, 9},
                               {0, 8, 4, 12, 14, 6, 10, 2, 7, 15, 3, 11, 9, 1, 13, 5},
                               {0, 8, 12, 4, 6, 14, 10, 2, 9, 1, 5, 13, 15, 7, 3, 11}};
  const Eigen::MatrixXd p = sobol(16, 5, false, 0);
  for (int j = 0; j < 5; ++j) {
    for (int i = 0; i < 16; ++i) {
      INFO("dimension " << j + 1 << " point " << i);
      CHECK(p(i, j) == expected[j][i] / 16.0);
    }
  }
  // The values the issue names, written out.
  const double dim1[] = {0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125};
  const double dim2[] = {0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625};
  for (int i = 0; i < 8; ++i) {
    CHECK(p(i, 0) == dim1[i]);
    CHECK(p(i, 1) == dim2[i]);
  }
}

TEST_CASE("sobol: 65536 points of all 128 dimensions equal SciPy's", "[designs][sobol]") {
  // FNV-1a over round(x * 2^16) of points 0..65535, one hash per dimension,
  // from scipy.stats.qmc.Sobol(d=128, scramble=False).random(65536). Checks
  // every row of the direction-number table and 16 steps of its recurrence.
  const std::uint64_t expected[128] = {
      0x608a100955e7a383ull, 0xf8da6a8a5a695383ull, 0xe11c2a8cc4be2383ull, 0x465ae33fadb79383ull, 0x96b93f72c300e383ull,
      0xaf07a74ae947f383ull, 0x523bff3690c3b383ull, 0xf6ba13b946193b83ull, 0x979559df490c3b83ull, 0xe72fc6c0e32afb83ull,
      0x795bc34253bb0b83ull, 0x5422ba1f2ac53383ull, 0xe3d76e83511f3383ull, 0x0bd348d135c11383ull, 0x3e96fc653d9d1b83ull,
      0xaee6838913f9fb83ull, 0x96b4365397b01383ull, 0x5ae8fb6913eeeb83ull, 0xb4749dfb7d336383ull, 0x171ce75a0a84db83ull,
      0x7e28a39469ac3b83ull, 0xc4b79fdf39ae1383ull, 0x548f6b1c7b960383ull, 0x695fa9415125cb83ull, 0x6e042a73def3fb83ull,
      0x4c5097e58414eb83ull, 0xdb988726d9642b83ull, 0x4e3e8edbcb156383ull, 0xc23f9e7a05523b83ull, 0x0b44d835b2746383ull,
      0xe7b72659f3a36383ull, 0x06138802892c5b83ull, 0xeb542632c16c3b83ull, 0x40de9409f0224383ull, 0xb890a0aca478b383ull,
      0xf595a583ef657383ull, 0x694e4a081f8dd383ull, 0xb71fc23500a81b83ull, 0xaad7ec8305e80383ull, 0x5473b63c56e42b83ull,
      0xb47387e59b427b83ull, 0x7275c779c5230383ull, 0x93f5c686aa1aeb83ull, 0x1c61ea4715fabb83ull, 0xe75721cd491d7383ull,
      0x670af72034c95383ull, 0xe168b8d6f5871b83ull, 0x6f4a1d6bc929c383ull, 0x7c8124df371a2b83ull, 0xa2725aaf45ddb383ull,
      0xbf77f13fae7e7b83ull, 0x538cb5299ba88383ull, 0x686ef35343395b83ull, 0x0947e0453233fb83ull, 0x6aa0d5377d199383ull,
      0x85af6401e39b8b83ull, 0x40e89111c741c383ull, 0x487a82cffca16b83ull, 0x7ef295061b5fd383ull, 0x941707171c085b83ull,
      0x87d19133bde30b83ull, 0x3fee06f8c636e383ull, 0x752521fec0c08383ull, 0x47a87d0c741dfb83ull, 0x89753fdf37f34383ull,
      0x3f4d7de964bde383ull, 0x5d75b61251c19383ull, 0x9e2cee5ac39fc383ull, 0x682b0ba5621fe383ull, 0x570bcb59ab3cab83ull,
      0x5681bd6a2b9d4b83ull, 0x7e24da177f6fcb83ull, 0xf3198e5d4e547b83ull, 0xc65fa05858be0383ull, 0x2d898fa2605c1b83ull,
      0x2f560886ceb1d383ull, 0xe9f2fc29122b7b83ull, 0x68e227c15353d383ull, 0x2e00037784c95383ull, 0xa7d17baa4eb52383ull,
      0x1987fe81a0b2a383ull, 0xdff27452957f3b83ull, 0x716b7500af069b83ull, 0x6e221940d6ab5383ull, 0x49c0f0e180bd1383ull,
      0x33fb316c49a18b83ull, 0x884e667b3f52d383ull, 0x8c0a2e6b4b842b83ull, 0x803d394df883e383ull, 0x0f912e9ab6544383ull,
      0xc17076836a8fc383ull, 0x31b50f4cf4195383ull, 0x68a91b3423863383ull, 0xcfc920c9c3393383ull, 0xe7b05bac1f0deb83ull,
      0xfb835442041f2b83ull, 0x87df87e80afb4383ull, 0x75584a37e54cc383ull, 0x03136a50a435b383ull, 0x5d94121a4bc44b83ull,
      0x3deb6a2823424383ull, 0x93e1fba522ab9b83ull, 0xb0b5cadf357d2b83ull, 0xf4f63ab8e2c46383ull, 0x299ab5d21ed72b83ull,
      0x470b80c8e763f383ull, 0x25ca3a0ee797bb83ull, 0x418a1ad929ca0383ull, 0x03243ec1d49bf383ull, 0xb8eafae1ce0f8383ull,
      0xe17e074d9ca23b83ull, 0x89b0497a266edb83ull, 0x8f384907ef0d6b83ull, 0xd7c4f964b1c72383ull, 0xad9b9504bebf9383ull,
      0x11fd6fbf92124b83ull, 0x6ee21b7edeadb383ull, 0x362df88e773d9383ull, 0x7bc28e5ce7a90b83ull, 0xa6ddf84a97d33b83ull,
      0xe049c4e8c2411b83ull, 0xdd4758ed0b3e5383ull, 0xe5f4f9c4f6bcd383ull, 0xac7f0b872ec6d383ull, 0x74591da50cbe3383ull,
      0xb53de34453393383ull, 0x9297ed5ebe96fb83ull, 0x4efe8202ee29d383ull};
  const Eigen::MatrixXd p = sobol(65536, 128, false, 0);
  for (Eigen::Index j = 0; j < 128; ++j) {
    std::uint64_t h = 1469598103934665603ull;
    for (Eigen::Index i = 0; i < p.rows(); ++i) {
      h = (h ^ static_cast<std::uint64_t>(p(i, j) * 65536.0)) * 1099511628211ull;
    }
    INFO("dimension " << j + 1);
    CHECK(h == expected[j]);
  }
}

TEST_CASE("sobol: the first 2^m points fill every dyadic interval once", "[designs][sobol]") {
  for (const bool scrambled : {false, true}) {
    const Eigen::MatrixXd p = sobol(4096, 128, scrambled, 99);
    REQUIRE(all_in_unit_interval(p));
    for (int m = 0; m <= 12; ++m) {
      const std::size_t n = std::size_t{1} << m;
      const Eigen::MatrixXd head = p.topRows(static_cast<Eigen::Index>(n));
      for (Eigen::Index j = 0; j < p.cols(); ++j) {
        INFO("scrambled=" << scrambled << " m=" << m << " dimension " << j + 1);
        REQUIRE(one_per_stratum(head, j, n));
      }
    }
  }
}

TEST_CASE("sobol: scrambling is keyed by the seed and keeps 2-D nets", "[designs][sobol]") {
  const Eigen::MatrixXd a = sobol(256, 6, true, 1);
  CHECK(a == sobol(256, 6, true, 1));
  CHECK(a != sobol(256, 6, true, 2));
  CHECK(a != sobol(256, 6, false, 1));
  CHECK(a.row(0).minCoeff() > 0.0);  // the origin is shifted away
  // The seed does not matter without scrambling.
  CHECK(sobol(64, 3, false, 1) == sobol(64, 3, false, 2));
  // A wider design of the same seed starts with the narrower one's columns.
  CHECK(sobol(256, 10, true, 1).leftCols(6) == a);
  // Dimensions 1 and 2 form a (0, m, 2)-net: 2^m points put one point in each
  // of the 2^m boxes of any dyadic shape 2^-i x 2^-(m-i). Scrambling keeps it.
  const int m = 8;
  for (int i = 0; i <= m; ++i) {
    std::set<std::pair<int, int>> boxes;
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
      boxes.emplace(static_cast<int>(std::floor(a(r, 0) * (1 << i))),
                    static_cast<int>(std::floor(a(r, 1) * (1 << (m - i)))));
    }
    CHECK(boxes.size() == std::size_t{1} << m);
  }
}

TEST_CASE("sobol: argument checks", "[designs][sobol]") {
  CHECK_THROWS_AS(sobol(8, 0, false, 0), std::invalid_argument);
  CHECK_THROWS_WITH(sobol(8, kSobolMaxDimensions + 1, false, 0), Catch::Contains("1..128"));
  CHECK(sobol(0, 3, true, 0).rows() == 0);
}

// ------------------------------------------------------------ Saltelli

TEST_CASE("saltelli: A, AB^(i), B per base point", "[designs][saltelli]") {
  const std::vector<std::string> names{"withdrawal_day", "mercenary_harm", "aid"};
  const std::size_t base = 32, k = names.size();
  const SaltelliDesign d = saltelli(base, names, 5);
  REQUIRE(d.points.rows() == static_cast<Eigen::Index>(base * (k + 2)));
  REQUIRE(d.points.cols() == static_cast<Eigen::Index>(k));
  REQUIRE(d.block.size() == base * (k + 2));
  REQUIRE(d.row.size() == base * (k + 2));
  const Eigen::MatrixXd ab = sobol(base, 2 * k, true, 5);
  for (std::size_t j = 0; j < base; ++j) {
    const auto first = static_cast<Eigen::Index>(j * (k + 2));
    const Eigen::RowVectorXd a = d.points.row(first);
    const Eigen::RowVectorXd b = d.points.row(first + static_cast<Eigen::Index>(k) + 1);
    CHECK(d.block[first] == "A");
    CHECK(d.block[first + k + 1] == "B");
    CHECK(a == ab.row(static_cast<Eigen::Index>(j)).head(3));
    CHECK(b == ab.row(static_cast<Eigen::Index>(j)).tail(3));
    for (std::size_t r = 0; r < k + 2; ++r) CHECK(d.row[first + r] == static_cast<int>(j));
    for (std::size_t i = 0; i < k; ++i) {
      const auto r = first + 1 + static_cast<Eigen::Index>(i);
      CHECK(d.block[r] == "AB:" + names[i]);
      for (Eigen::Index c = 0; c < 3; ++c) {
        CHECK(d.points(r, c) == (c == static_cast<Eigen::Index>(i) ? b(c) : a(c)));
      }
    }
  }
  // A and B are each balanced (they are halves of one scrambled sequence).
  Eigen::MatrixXd a_rows(base, k), b_rows(base, k);
  for (std::size_t j = 0; j < base; ++j) {
    a_rows.row(j) = d.points.row(j * (k + 2));
    b_rows.row(j) = d.points.row(j * (k + 2) + k + 1);
  }
  for (Eigen::Index c = 0; c < 3; ++c) {
    CHECK(one_per_stratum(a_rows, c, base));
    CHECK(one_per_stratum(b_rows, c, base));
  }
  CHECK(saltelli(base, names, 5).points == d.points);
  CHECK(saltelli(base, names, 6).points != d.points);
  const SaltelliDesign unnamed = saltelli(4, 2, 5);
  CHECK(unnamed.block == std::vector<std::string>{"A", "AB:0", "AB:1", "B", "A", "AB:0", "AB:1", "B", "A", "AB:0",
                                                  "AB:1", "B", "A", "AB:0", "AB:1", "B"});
  CHECK_THROWS_AS(saltelli(8, 65, 1), std::invalid_argument);
}

// ----------------------------------------------------------------- NOLH

TEST_CASE("nolh: every size at its most factors is Latin and nearly orthogonal", "[designs][nolh]") {
  for (const NolhSize& size : kNolhSizes) {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
      const auto t0 = std::chrono::steady_clock::now();
      const Eigen::MatrixXd p = nolh(size.runs, size.max_factors, seed);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const double worst = max_abs_correlation(p);
      INFO("n=" << size.runs << " k=" << size.max_factors << " seed=" << seed << " max |r|=" << worst << " in "
                << seconds << " s");
      REQUIRE(p.rows() == static_cast<Eigen::Index>(size.runs));
      REQUIRE(p.cols() == static_cast<Eigen::Index>(size.max_factors));
      CHECK(worst < kNolhMaxCorrelation);
      for (Eigen::Index j = 0; j < p.cols(); ++j) {
        CHECK(one_per_stratum(p, j, size.runs));
        // Stratum centres: (level + 0.5) / n exactly.
        for (Eigen::Index i = 0; i < p.rows(); ++i) {
          const double level = std::floor(p(i, j) * static_cast<double>(size.runs));
          CHECK(p(i, j) == (level + 0.5) / static_cast<double>(size.runs));
        }
      }
      // Generous: it takes milliseconds; this only catches a runaway search
      // on a busy machine.
      CHECK(seconds < 5.0);
    }
  }
}

TEST_CASE("nolh: fewer factors, determinism and the legal sizes", "[designs][nolh]") {
  for (std::size_t k = 1; k <= 11; ++k) {
    const Eigen::MatrixXd p = nolh(33, k, 17);
    CHECK(max_abs_correlation(p) < kNolhMaxCorrelation);
    for (Eigen::Index j = 0; j < p.cols(); ++j) CHECK(one_per_stratum(p, j, 33));
  }
  CHECK(nolh(65, 16, 4) == nolh(65, 16, 4));
  CHECK(nolh(65, 16, 4) != nolh(65, 16, 5));
  CHECK_THROWS_WITH(nolh(100, 3, 1), Catch::Contains("17, 33, 65, 129 or 257"));
  CHECK_THROWS_WITH(nolh(17, 8, 1), Catch::Contains("1..7"));
  CHECK_THROWS_AS(nolh(17, 0, 1), std::invalid_argument);
  CHECK(nolh_runs_for(1) == 17);
  CHECK(nolh_runs_for(7) == 17);
  CHECK(nolh_runs_for(8) == 33);
  CHECK(nolh_runs_for(22) == 129);
  CHECK(nolh_runs_for(29) == 257);
  CHECK_THROWS_AS(nolh_runs_for(30), std::invalid_argument);
}

// ------------------------------------------------------ full factorial

TEST_CASE("full factorial: every combination, first factor slowest", "[designs][factorial]") {
  const Eigen::MatrixXd p = full_factorial({2, 3, 1});
  REQUIRE(p.rows() == 6);
  REQUIRE(p.cols() == 3);
  const double expected[6][3] = {{0, 0, 0.5}, {0, 0.5, 0.5}, {0, 1, 0.5}, {1, 0, 0.5}, {1, 0.5, 0.5}, {1, 1, 0.5}};
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 3; ++j) CHECK(p(i, j) == expected[i][j]);
  }
  CHECK(full_factorial({4, 5, 6, 7}).rows() == 840);
  CHECK(full_factorial({1}).rows() == 1);
  CHECK_THROWS_AS(full_factorial({}), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial({3, 0}), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial({1024, 1024, 1024, 2}), std::invalid_argument);
}

TEST_CASE("full factorial levels map onto integer ranges and level lists exactly", "[designs][factorial][mapping]") {
  for (int levels = 1; levels <= 40; ++levels) {
    const Eigen::MatrixXd p = full_factorial({levels});
    const std::vector<int> list = [&] {
      std::vector<int> v(static_cast<std::size_t>(levels));
      std::iota(v.begin(), v.end(), 100);
      return v;
    }();
    for (int l = 0; l < levels; ++l) {
      INFO("levels=" << levels << " level=" << l);
      CHECK(map_integer(p(l, 0), -3, -3 + levels - 1) == -3 + l);
      CHECK(map_level(p(l, 0), list) == 100 + l);
    }
  }
}

// ------------------------------------------------------------- mapping

TEST_CASE("factor mapping at the edges", "[designs][mapping]") {
  CHECK(map_real(0.0, 2.0, 5.0) == 2.0);
  CHECK(map_real(1.0, 2.0, 5.0) == 5.0);
  CHECK(map_real(0.5, -1.0, 1.0) == 0.0);
  CHECK(map_real(0.3, 4.0, 4.0) == 4.0);

  CHECK(map_integer(0.0, 1, 4) == 1);
  CHECK(map_integer(0.2499, 1, 4) == 1);
  CHECK(map_integer(0.25, 1, 4) == 2);
  CHECK(map_integer(0.9999, 1, 4) == 4);
  CHECK(map_integer(1.0, 1, 4) == 4);  // clamped
  CHECK(map_integer(0.7, 9, 9) == 9);
  CHECK(map_integer(0.5, -10, 9) == 0);

  const std::vector<std::string> doctrine{"defensive", "mixed", "offensive"};
  CHECK(map_level(0.0, doctrine) == "defensive");
  CHECK(map_level(0.3333, doctrine) == "defensive");
  CHECK(map_level(0.3334, doctrine) == "mixed");
  CHECK(map_level(0.9999, doctrine) == "offensive");
  CHECK(map_level(1.0, doctrine) == "offensive");
  CHECK(map_level_index(0.5, 1) == 0);

  CHECK_THROWS_AS(map_real(-0.01, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(map_real(1.01, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(map_real(std::nan(""), 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(map_real(0.5, 2, 1), std::invalid_argument);
  CHECK_THROWS_AS(map_integer(0.5, 2, 1), std::invalid_argument);
  CHECK_THROWS_AS(map_level_index(0.5, 0), std::invalid_argument);

  // Every LHS point maps to a legal value, and n strata over n integers give
  // each integer exactly once.
  const Eigen::MatrixXd lhs = latin_hypercube(10, 1, 3);
  std::set<std::int64_t> values;
  for (Eigen::Index i = 0; i < 10; ++i) values.insert(map_integer(lhs(i, 0), 0, 9));
  CHECK(values.size() == 10);
}

TEST_CASE("max_abs_correlation", "[designs]") {
  Eigen::MatrixXd p(4, 3);
  p << 0, 0, 1, 1, 2, 1, 2, 4, 1, 3, 6, 1;  // column 1 = 2 * column 0; column 2 constant
  CHECK(max_abs_correlation(p) == Approx(1.0));
  p.col(1) = -p.col(1);
  CHECK(max_abs_correlation(p) == Approx(1.0));
  CHECK(max_abs_correlation(p.leftCols(1)) == 0.0);
}
