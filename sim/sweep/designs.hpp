// SPDX-License-Identifier: MIT
#pragma once
// Experimental designs for parameter sweeps ("data farming").
//
// Every design returns points in the unit hypercube as an Eigen matrix, one
// row per design point and one column per factor; the sweep maps each unit
// coordinate onto its factor with the map_* helpers below. Random designs are
// a pure function of (size, seed): the generator is std::mt19937_64, whose
// output sequence the C++ standard fixes, and doubles are made from its raw
// 64-bit words here rather than by std::uniform_real_distribution, whose
// algorithm is left to the library. So a design is identical on every
// platform and compiler, and a sweep file plus its seed is the design.
#include <Eigen/Core>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sahel::sweep {

// Latin hypercube (McKay, Beckman & Conover 1979): in each dimension the n
// points fall one in each of the n strata [i/n, (i+1)/n), at a uniformly
// random position inside the stratum; strata are paired across dimensions by
// independent random permutations. Points lie in [0, 1)^k.
Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed);

// Sobol' sequence (Sobol' 1967) with Joe & Kuo's (2008) direction numbers,
// points in Gray-code order, 32-bit digits, up to kSobolMaxDimensions factors
// and 2^32 points. Unscrambled, the first point is the origin and it is kept,
// as SciPy's default does (scipy.stats.qmc.Sobol(d, scramble=False)), so
// points 0..2^m-1 form a complete (t, m, k)-net; the values match SciPy's.
// Scrambled: a random lower-triangular binary matrix per dimension applied to
// the digits (Matoušek's linear matrix scrambling, the "LMS" in SciPy) and a
// random digital shift (XOR), keyed by the seed. Both keep the net property,
// so the first 2^m points remain balanced; use powers of two for n.
inline constexpr std::size_t kSobolMaxDimensions = 128;
Eigen::MatrixXd sobol(std::size_t n, std::size_t k, bool scrambled, std::uint64_t seed);

// Saltelli's design for first-order and total Sobol' indices (Saltelli et al.
// 2010, Comput. Phys. Commun. 181:259): A = the first k columns and B = the
// last k of a scrambled 2k-dimensional Sobol' sequence of base_n points;
// AB^(i) is A with column i taken from B. Rows are grouped by base point j:
// A_j, AB_j^(0..k-1), B_j, so base_n * (k + 2) points in all. block says
// which matrix a row comes from ("A", "B" or "AB:<factor name>"), row is j.
// base_n should be a power of two, so that A and B are balanced nets.
struct SaltelliDesign {
  Eigen::MatrixXd points;
  std::vector<std::string> block;
  std::vector<int> row;
};
SaltelliDesign saltelli(std::size_t base_n, const std::vector<std::string>& factor_names, std::uint64_t seed);
// Same, naming the factors "0", "1", ... (the blocks read "AB:0", "AB:1", ...).
SaltelliDesign saltelli(std::size_t base_n, std::size_t k, std::uint64_t seed);

// Nearly orthogonal Latin hypercube: n runs, k factors, every column a
// permutation of the n levels 0..n-1 placed at the stratum centres
// (level + 0.5) / n, and every pair of columns with |Pearson correlation|
// below kNolhMaxCorrelation. Sizes are those of Cioppa & Lucas (2007,
// Technometrics 49:45): n in {17, 33, 65, 129, 257} with at most 7, 11, 16, 22
// and 29 factors. The design is found by our own search from a random Latin
// hypercube (see designs.cpp), not copied from their tables, so it meets
// their correlation bound but not their space-filling optimisation.
struct NolhSize {
  std::size_t runs;
  std::size_t max_factors;
};
inline constexpr std::array<NolhSize, 5> kNolhSizes{{{17, 7}, {33, 11}, {65, 16}, {129, 22}, {257, 29}}};
inline constexpr double kNolhMaxCorrelation = 0.03;
// The smallest legal run count for k factors; std::invalid_argument above 29.
std::size_t nolh_runs_for(std::size_t k);
// std::invalid_argument for an n not in kNolhSizes or k above its maximum.
Eigen::MatrixXd nolh(std::size_t n, std::size_t k, std::uint64_t seed);

// Full factorial: every combination of levels, the first factor varying
// slowest (row-major, like nested loops with factor 0 outermost). Level l of
// a factor with L levels sits at l / (L - 1), so both ends of each range are
// run; a factor with one level sits at 0.5. Unlike the other designs the top
// level is exactly 1.0; the map_* helpers send it to the top of the range.
Eigen::MatrixXd full_factorial(const std::vector<int>& levels_per_factor);

// Largest |Pearson correlation| between two columns (0 for fewer than two
// columns; a constant column counts as uncorrelated). For tests and reports.
double max_abs_correlation(const Eigen::MatrixXd& points);

// Unit coordinate u in [0, 1] -> factor value. std::invalid_argument for u
// outside [0, 1] (or NaN) and for empty ranges.
// A real range: linear, low + u * (high - low).
double map_real(double u, double low, double high);
// An integer range [low, high]: floor(low + u * (high - low + 1)), so each of
// the high - low + 1 values owns an equal share of [0, 1); u = 1 gives high.
std::int64_t map_integer(double u, std::int64_t low, std::int64_t high);
// A list of L levels: index floor(u * L), clamped to L - 1 (u = 1 gives the
// last). Full-factorial points with L levels land on each level exactly once.
std::size_t map_level_index(double u, std::size_t level_count);
template <class T>
const T& map_level(double u, const std::vector<T>& levels) {
  return levels[map_level_index(u, levels.size())];
}

}  // namespace sahel::sweep
