// SPDX-License-Identifier: MIT
#include "sweep/designs.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

#include "sweep/sobol_directions.hpp"

namespace sahel::sweep {
namespace {

// Each design draws from its own stream of the seed, so the same sweep seed
// used with two designs does not give them related random choices.
enum class DesignStream : std::uint64_t { latin = 1, sobol_scramble = 2, nolh = 3 };

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// std::mt19937_64's sequence is fixed by the standard; the distributions in
// <random> are not, so the few we need are written out here.
class Rng {
 public:
  Rng(std::uint64_t seed, DesignStream stream)
      : engine_(splitmix64(seed ^ splitmix64(static_cast<std::uint64_t>(stream)))) {}

  std::uint64_t bits() { return engine_(); }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n), n > 0, without modulo bias: words below
  // 2^64 mod n are rejected, so the accepted range is a multiple of n.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      const std::uint64_t x = engine_();
      if (x >= threshold) return x % n;
    }
  }

  // Fisher-Yates with the unbiased draw above.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

// ---------------------------------------------------------------- Sobol'

constexpr int kSobolBits = 32;
using DirectionNumbers = std::array<std::uint32_t, kSobolBits>;

// Direction numbers v_1..v_32 of one dimension (0-based), scaled by 2^32 so
// bit 31 is the first binary digit. Bratley & Fox's recurrence as Joe & Kuo
// state it: v_i = v_{i-s} ^ (v_{i-s} >> s) ^ XOR_{j<s} a_j v_{i-j}.
DirectionNumbers sobol_directions(std::size_t dim) {
  DirectionNumbers v{};
  if (dim == 0) {
    // Not in the file: van der Corput in base 2, every m_i = 1.
    for (int i = 0; i < kSobolBits; ++i) v[i] = 1u << (kSobolBits - 1 - i);
    return v;
  }
  const detail::JoeKuoRow& row = detail::kJoeKuo[dim - 1];
  const int s = row.s;
  for (int i = 0; i < s; ++i) v[i] = static_cast<std::uint32_t>(row.m[i]) << (kSobolBits - 1 - i);
  for (int i = s; i < kSobolBits; ++i) {
    std::uint32_t x = v[i - s] ^ (v[i - s] >> s);
    for (int j = 1; j < s; ++j) {
      if ((row.a >> (s - 1 - j)) & 1u) x ^= v[i - j];
    }
    v[i] = x;
  }
  return v;
}

// Matoušek's linear matrix scrambling of one 32-digit value: output digit r
// (r = 0 the most significant) is the GF(2) sum of input digits 0..r weighted
// by row r of a random lower-triangular matrix with a unit diagonal. Such a
// matrix is invertible and mixes each digit only with more significant ones,
// which is why the scrambled points keep the (t, m, s)-net structure.
using ScrambleMatrix = std::array<std::uint32_t, kSobolBits>;  // row r as a digit mask

ScrambleMatrix random_scramble_matrix(Rng& rng) {
  ScrambleMatrix rows{};
  for (int r = 0; r < kSobolBits; ++r) {
    const std::uint32_t diagonal = 1u << (kSobolBits - 1 - r);
    // Digits more significant than r: the r highest bits.
    const auto above = static_cast<std::uint32_t>(~std::uint64_t{0} << (kSobolBits - r));
    const auto random = static_cast<std::uint32_t>(rng.bits() >> 32);
    rows[r] = diagonal | (random & above);
  }
  return rows;
}

std::uint32_t scramble(const ScrambleMatrix& rows, std::uint32_t value) {
  std::uint32_t out = 0;
  for (int r = 0; r < kSobolBits; ++r) {
    out |= static_cast<std::uint32_t>(std::popcount(rows[r] & value) & 1) << (kSobolBits - 1 - r);
  }
  return out;
}

// ------------------------------------------------- nearly orthogonal LHS

// The search must reach kNolhSearchTarget (a margin under the promised 0.03),
// then tries for kNolhFloorTarget within a budget. The larger sizes reach the
// floor in milliseconds; 17 runs ends near 0.015 and 33 near 0.006, where
// the moves of a 17- or 33-level permutation get coarse.
constexpr double kNolhSearchTarget = 0.02;
constexpr double kNolhFloorTarget = 0.005;

// Search for a Latin hypercube whose columns are nearly uncorrelated.
//
// Columns hold the centred levels -h..h (h = (n-1)/2; n is odd for every
// legal size), so each column has mean 0 and the same sum of squares
// S = n(n^2-1)/12, and the correlation of two columns is just their dot
// product over S. Every number in the search is an integer (dot products
// below 2^31, their squares summed in 64 bits), so the accept/reject path and
// the design are the same on every platform, with no floating-point rounding
// to differ.
//
// Moves swap two entries of one column, which keeps it a permutation. Swapping
// rows a and b of column c changes its dot product with column d by
// -(x_a - x_b)(y_a - y_b), so a move is scored in O(k) against the objective
// "sum of squared dot products of column c", and accepted when it lowers it.
// A search stops as soon as every pair is within the bar; if it stalls it
// restarts from a fresh random Latin hypercube drawn from the same stream.
// (Cioppa & Lucas also optimise space filling; this search does not.)
class NolhSearch {
 public:
  NolhSearch(std::size_t n, std::size_t k, Rng& rng) : n_(n), k_(k), rng_(rng) {
    const auto nn = static_cast<std::int64_t>(n);
    sum_squares_ = nn * (nn * nn - 1) / 12;
  }

  // First reach |correlation| <= first_target, restarting if stuck. Then,
  // while the worst pair is above floor_target and the proposal budget lasts,
  // set the bar just below the worst pair and search again, from the best
  // design so far and, when that stalls, from fresh random starts (small
  // designs have few moves and get stuck in local minima that a new start
  // escapes). Return the best design seen. Budgets count proposals, not
  // seconds, so the result does not depend on the machine's speed.
  std::vector<std::vector<int>> run(double first_target, double floor_target) {
    limit_ = dot_for(first_target);
    for (int attempt = 0;; ++attempt) {
      start();
      if (improve(kPatience)) break;
      if (attempt > 50) throw std::logic_error("nolh: search did not converge");
    }
    std::vector<std::vector<int>> best = columns_;
    std::int64_t best_worst = worst_dot();
    const std::int64_t floor_dot = dot_for(floor_target);
    const std::uint64_t budget = proposals_ + kBudget * n_ * k_;
    while (best_worst > floor_dot && proposals_ < budget) {
      limit_ = best_worst - 1;
      recount();
      while (!improve(kPatience) && proposals_ < budget) start();
      if (violations_ > 0) break;  // budget spent
      best = columns_;
      best_worst = worst_dot();
    }
    return best;
  }

 private:
  // |dot| <= dot_for(r)  <=>  |correlation| <= r.
  std::int64_t dot_for(double r) const {
    return static_cast<std::int64_t>(std::floor(r * static_cast<double>(sum_squares_)));
  }

  void start() {
    const int h = static_cast<int>(n_ - 1) / 2;
    std::vector<int> levels(n_);
    std::iota(levels.begin(), levels.end(), -h);
    columns_.assign(k_, levels);
    for (auto& c : columns_) rng_.shuffle(c);
    dots_.assign(k_ * k_, 0);
    for (std::size_t c = 0; c < k_; ++c) {
      for (std::size_t d = c + 1; d < k_; ++d) {
        std::int64_t s = 0;
        for (std::size_t i = 0; i < n_; ++i) s += std::int64_t{columns_[c][i]} * columns_[d][i];
        dots_[c * k_ + d] = dots_[d * k_ + c] = s;
      }
    }
    recount();
  }

  std::int64_t worst_dot() const {
    std::int64_t worst = 0;
    for (const std::int64_t d : dots_) worst = std::max(worst, d < 0 ? -d : d);
    return worst;
  }

  void recount() {
    violations_ = 0;
    column_violations_.assign(k_, 0);
    for (std::size_t c = 0; c < k_; ++c) {
      for (std::size_t d = c + 1; d < k_; ++d) {
        const int v = over(dots_[c * k_ + d]);
        violations_ += v;
        column_violations_[c] += v;
        column_violations_[d] += v;
      }
    }
  }

  int over(std::int64_t dot) const { return (dot > limit_ || dot < -limit_) ? 1 : 0; }

  // The search minimises the sum of squared dot products of the column it
  // changes: smooth, so most proposals give a clear signal, and driving every
  // pair toward zero also drives the worst pair below the bar.
  static std::int64_t cost(std::int64_t dot) { return dot * dot; }

  // Per row and factor: proposals without an accepted move before a search
  // gives up, and proposals in all for the tightening phase. Tuned on the
  // five sizes at their maximum factor counts: larger budgets buy little.
  static constexpr std::uint64_t kPatience = 30;
  static constexpr std::uint64_t kBudget = 1000;

  bool improve(std::uint64_t patience_per_cell) {
    if (k_ < 2) return true;
    const std::uint64_t patience = patience_per_cell * n_ * k_;
    std::uint64_t since_accept = 0;
    std::vector<std::int64_t> delta(k_, 0);
    while (violations_ > 0) {
      if (since_accept > patience) return false;
      ++proposals_;
      ++since_accept;
      // Only a column in an offending pair can fix it: draw until we hit one
      // (a handful of cheap draws, never an empty loop: violations_ > 0).
      std::size_t c = rng_.below(k_);
      while (column_violations_[c] == 0) c = rng_.below(k_);
      const std::size_t a = rng_.below(n_);
      std::size_t b = rng_.below(n_ - 1);
      if (b >= a) ++b;
      const std::vector<int>& x = columns_[c];
      const std::int64_t dx = std::int64_t{x[a]} - x[b];
      std::int64_t change = 0;
      for (std::size_t d = 0; d < k_; ++d) {
        if (d == c) continue;
        const std::int64_t dot = dots_[c * k_ + d];
        const std::int64_t step = -dx * (std::int64_t{columns_[d][a]} - columns_[d][b]);
        delta[d] = step;
        change += cost(dot + step) - cost(dot);
      }
      if (change >= 0) continue;
      since_accept = 0;
      std::swap(columns_[c][a], columns_[c][b]);
      for (std::size_t d = 0; d < k_; ++d) {
        if (d == c) continue;
        std::int64_t& dot = dots_[c * k_ + d];
        const int before = over(dot);
        dot += delta[d];
        dots_[d * k_ + c] = dot;
        const int change_in_over = over(dot) - before;
        violations_ += change_in_over;
        column_violations_[c] += change_in_over;
        column_violations_[d] += change_in_over;
      }
    }
    return true;
  }

  std::size_t n_, k_;
  Rng& rng_;
  std::int64_t sum_squares_ = 0;
  std::int64_t limit_ = 0;
  std::vector<std::vector<int>> columns_;
  std::vector<std::int64_t> dots_;      // k x k, symmetric
  int violations_ = 0;                  // pairs with |dot| > limit
  std::vector<int> column_violations_;  // per column
  std::uint64_t proposals_ = 0;
};

}  // namespace

// ------------------------------------------------------------------ LHS

Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed) {
  require(n >= 1 && k >= 1, "latin_hypercube: need at least one point and one factor");
  Rng rng(seed, DesignStream::latin);
  Eigen::MatrixXd points(n, k);
  std::vector<std::size_t> stratum(n);
  const double width = 1.0 / static_cast<double>(n);
  for (std::size_t j = 0; j < k; ++j) {
    std::iota(stratum.begin(), stratum.end(), std::size_t{0});
    rng.shuffle(stratum);
    for (std::size_t i = 0; i < n; ++i) {
      const auto s = static_cast<double>(stratum[i]);
      double x = (s + rng.uniform()) * width;
      // (s + u) / n can round up onto the next stratum's edge when u is
      // within an ulp of 1; step back so the point stays in its own stratum.
      while (x > 0.0 && std::floor(x * static_cast<double>(n)) > s) x = std::nextafter(x, 0.0);
      points(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = x;
    }
  }
  return points;
}

// --------------------------------------------------------------- Sobol'

Eigen::MatrixXd sobol(std::size_t n, std::size_t k, bool scrambled, std::uint64_t seed) {
  require(k >= 1 && k <= kSobolMaxDimensions, "sobol: the number of factors must be 1.." +
                                                  std::to_string(kSobolMaxDimensions) +
                                                  " (the direction-number table's size), got " + std::to_string(k));
  require(n <= (std::size_t{1} << kSobolBits), "sobol: at most 2^32 points");
  Eigen::MatrixXd points(n, k);
  Rng rng(seed, DesignStream::sobol_scramble);
  for (std::size_t j = 0; j < k; ++j) {
    DirectionNumbers v = sobol_directions(j);
    std::uint32_t x = 0;
    if (scrambled) {
      // Drawn dimension by dimension, so the first k columns of a wider
      // design equal the k-column design of the same seed.
      const ScrambleMatrix m = random_scramble_matrix(rng);
      for (auto& vi : v) vi = scramble(m, vi);           // linear, so scrambling v scrambles every point
      x = static_cast<std::uint32_t>(rng.bits() >> 32);  // the digital shift: point 0
    }
    // Gray-code order (Antonov & Saleev 1979): point i differs from point i-1
    // by one direction number, the one indexed by i's lowest set bit.
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) x ^= v[static_cast<std::size_t>(std::countr_zero(i))];
      points(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = static_cast<double>(x) * 0x1.0p-32;
    }
  }
  return points;
}

// ------------------------------------------------------------ Saltelli

SaltelliDesign saltelli(std::size_t base_n, const std::vector<std::string>& factor_names, std::uint64_t seed) {
  const std::size_t k = factor_names.size();
  require(base_n >= 1 && k >= 1, "saltelli: need at least one base point and one factor");
  require(2 * k <= kSobolMaxDimensions, "saltelli: at most " + std::to_string(kSobolMaxDimensions / 2) +
                                            " factors (A and B take two Sobol' dimensions each), got " +
                                            std::to_string(k));
  // A and B from one 2k-dimensional sequence rather than two k-dimensional
  // ones: two sequences would share their direction numbers and be
  // correlated, while distinct dimensions of one sequence are not.
  const Eigen::MatrixXd ab = sobol(base_n, 2 * k, true, seed);
  const auto kk = static_cast<Eigen::Index>(k);
  SaltelliDesign design;
  const std::size_t rows = base_n * (k + 2);
  design.points.resize(static_cast<Eigen::Index>(rows), kk);
  design.block.reserve(rows);
  design.row.reserve(rows);
  Eigen::Index out = 0;
  for (std::size_t j = 0; j < base_n; ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const Eigen::RowVectorXd a = ab.row(jj).head(kk);
    const Eigen::RowVectorXd b = ab.row(jj).tail(kk);
    // Grouped by base point so that any prefix of whole groups (a partial
    // sweep, one shard) still yields usable estimates.
    design.points.row(out++) = a;
    design.block.emplace_back("A");
    for (std::size_t i = 0; i < k; ++i) {
      Eigen::RowVectorXd mixed = a;
      mixed(static_cast<Eigen::Index>(i)) = b(static_cast<Eigen::Index>(i));
      design.points.row(out++) = mixed;
      design.block.push_back("AB:" + factor_names[i]);
    }
    design.points.row(out++) = b;
    design.block.emplace_back("B");
    design.row.insert(design.row.end(), k + 2, static_cast<int>(j));
  }
  return design;
}

SaltelliDesign saltelli(std::size_t base_n, std::size_t k, std::uint64_t seed) {
  std::vector<std::string> names(k);
  for (std::size_t i = 0; i < k; ++i) names[i] = std::to_string(i);
  return saltelli(base_n, names, seed);
}

// ----------------------------------------------------------------- NOLH

std::size_t nolh_runs_for(std::size_t k) {
  for (const NolhSize& size : kNolhSizes) {
    if (k <= size.max_factors) return size.runs;
  }
  throw std::invalid_argument("nolh: at most 29 factors (257 runs), got " + std::to_string(k));
}

Eigen::MatrixXd nolh(std::size_t n, std::size_t k, std::uint64_t seed) {
  const auto size = std::find_if(kNolhSizes.begin(), kNolhSizes.end(), [n](const NolhSize& s) { return s.runs == n; });
  require(size != kNolhSizes.end(), "nolh: " + std::to_string(n) +
                                        " runs is not a nearly orthogonal Latin hypercube size; use 17, 33, 65, 129 or "
                                        "257 (Cioppa & Lucas 2007)");
  require(k >= 1 && k <= size->max_factors, "nolh: " + std::to_string(n) + " runs take 1.." +
                                                std::to_string(size->max_factors) + " factors, got " +
                                                std::to_string(k));
  Rng rng(seed, DesignStream::nolh);
  NolhSearch search(n, k, rng);
  const std::vector<std::vector<int>> columns = search.run(kNolhSearchTarget, kNolhFloorTarget);
  const int h = static_cast<int>(n - 1) / 2;
  Eigen::MatrixXd points(n, k);
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      points(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          (columns[j][i] + h + 0.5) / static_cast<double>(n);
    }
  }
  return points;
}

// ------------------------------------------------------ full factorial

Eigen::MatrixXd full_factorial(const std::vector<int>& levels_per_factor) {
  require(!levels_per_factor.empty(), "full_factorial: need at least one factor");
  std::size_t total = 1;
  for (const int levels : levels_per_factor) {
    require(levels >= 1, "full_factorial: every factor needs at least one level, got " + std::to_string(levels));
    require(total <= std::size_t{1 << 30} / static_cast<std::size_t>(levels), "full_factorial: more than 2^30 points");
    total *= static_cast<std::size_t>(levels);
  }
  const std::size_t k = levels_per_factor.size();
  Eigen::MatrixXd points(static_cast<Eigen::Index>(total), static_cast<Eigen::Index>(k));
  // Mixed-radix counting with the last factor as the fastest digit.
  std::vector<int> digit(k, 0);
  for (std::size_t r = 0; r < total; ++r) {
    for (std::size_t j = 0; j < k; ++j) {
      const int levels = levels_per_factor[j];
      points(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) =
          levels == 1 ? 0.5 : static_cast<double>(digit[j]) / (levels - 1);
    }
    for (std::size_t j = k; j-- > 0;) {
      if (++digit[j] < levels_per_factor[j]) break;
      digit[j] = 0;
    }
  }
  return points;
}

// ---------------------------------------------------------------- misc

double max_abs_correlation(const Eigen::MatrixXd& points) {
  const Eigen::MatrixXd centred = points.rowwise() - points.colwise().mean();
  const Eigen::VectorXd norms = centred.colwise().norm();
  double worst = 0.0;
  for (Eigen::Index c = 0; c < points.cols(); ++c) {
    for (Eigen::Index d = c + 1; d < points.cols(); ++d) {
      if (norms(c) == 0.0 || norms(d) == 0.0) continue;
      const double r = centred.col(c).dot(centred.col(d)) / (norms(c) * norms(d));
      worst = std::max(worst, std::abs(r));
    }
  }
  return worst;
}

namespace {
void require_unit(double u, const char* what) {
  require(u >= 0.0 && u <= 1.0,  // false for NaN too
          std::string(what) + ": unit coordinate " + std::to_string(u) + " is outside [0, 1]");
}
}  // namespace

double map_real(double u, double low, double high) {
  require_unit(u, "map_real");
  require(low <= high, "map_real: low must not exceed high");
  return low + u * (high - low);
}

std::int64_t map_integer(double u, std::int64_t low, std::int64_t high) {
  require_unit(u, "map_integer");
  require(low <= high, "map_integer: low must not exceed high");
  const double count = static_cast<double>(high - low) + 1.0;
  const auto offset = static_cast<std::int64_t>(std::floor(u * count));
  return std::min(low + offset, high);  // u = 1 lands one past the end
}

std::size_t map_level_index(double u, std::size_t level_count) {
  require_unit(u, "map_level_index");
  require(level_count >= 1, "map_level_index: no levels");
  const auto index = static_cast<std::size_t>(std::floor(u * static_cast<double>(level_count)));
  return std::min(index, level_count - 1);
}

}  // namespace sahel::sweep
