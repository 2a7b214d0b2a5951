// SPDX-License-Identifier: MIT
#pragma once
// Counter-based random numbers (Random123's Philox4x32-10).
//
// A draw is a pure function of (seed, replicate, tick, stream, entity id, draw
// index): there is no generator state shared between agents or threads, so
// the way a parallel loop is split can never change a result. Models name
// their streams with their own `enum class` and pass it here; giving every
// kind of decision its own stream means a new draw never shifts the others.
#include <Random123/philox.h>

#include <cstdint>
#include <limits>

namespace sahel::core {

// The run-wide part of the key: what a user chooses.
struct RngKey {
  std::uint64_t seed = 0;
  std::uint32_t replicate = 0;
};

// Draws for one (tick, stream, entity). Cheap to construct (a few words, no
// allocation): make one where the draws are needed and let it go.
class Draws {
 public:
  using Philox = r123::Philox4x32;

  template <class StreamEnum>
  Draws(const RngKey& key, std::uint32_t tick, StreamEnum stream, std::uint64_t entity)
      : key_{{static_cast<std::uint32_t>(key.seed),
              static_cast<std::uint32_t>(key.seed >> 32) ^ (key.replicate * 0x9E3779B9u)}},
        ctr_{{static_cast<std::uint32_t>(entity), static_cast<std::uint32_t>(entity >> 32), tick,
              static_cast<std::uint32_t>(static_cast<std::uint16_t>(stream)) << 16}} {}
  // Key: seed (64 bits) with the replicate folded into the high word by an
  // odd multiplier (a bijection, so replicates of one seed never share a key).
  // Counter: entity id (64 bits), tick (32), stream (16) | block index (16).

  // Uniform 32-bit integer; the next one in this entity's sequence.
  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }

  // Uniform double in [0, 1) with 53 random bits.
  double uniform() {
    const std::uint64_t hi = next_u32();
    const std::uint64_t lo = next_u32();
    return static_cast<double>(((hi << 32) | lo) >> 11) * 0x1.0p-53;
  }

  // Uniform integer in [0, n), n > 0, without modulo bias (Lemire's method).
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = static_cast<std::uint64_t>(next_u32()) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t threshold = static_cast<std::uint32_t>(-n) % n;
      while (low < threshold) {
        m = static_cast<std::uint64_t>(next_u32()) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  // Uniform integer in [lo, hi] (inclusive).
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint32_t>(hi - lo + 1)));
  }

  bool bernoulli(double p) { return uniform() < p; }

  // Normal variate (Box–Muller on two uniforms; both are consumed).
  double normal(double mean, double sd);

 private:
  void refill() {
    block_ = Philox()(ctr_, key_);
    ++ctr_.v[3];  // the low 16 bits of word 3 count blocks: 262,144 draws per entity
    used_ = 0;
  }

  Philox::key_type key_;
  Philox::ctr_type ctr_;
  Philox::ctr_type block_{};
  unsigned used_ = 4;
};

}  // namespace sahel::core
