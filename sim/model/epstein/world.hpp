// SPDX-License-Identifier: MIT
#pragma once
// The state of an Epstein run: the grid, who stands where, and the agents as
// structure-of-arrays columns addressed by index. Citizens' ids are 0..C-1
// and cops' ids C..C+P-1; neither population changes size in Model I.
#include <cstdint>
#include <vector>

#include "core/counter_rng.hpp"
#include "core/grid.hpp"
#include "model/epstein/params.hpp"

namespace sahel::epstein {

enum class Status : std::uint8_t { quiet = 0, active = 1, jailed = 2 };

struct Citizens {
  std::vector<std::uint32_t> id;          // 4 bytes
  std::vector<core::CellIndex> cell;      // 4: where they stand (where taken, while jailed)
  std::vector<float> hardship;            // 4: H ~ U(0,1)
  std::vector<float> risk_aversion;       // 4: R ~ U(0,1)
  std::vector<Status> status;             // 1
  std::vector<std::int32_t> jail_left;    // 4: ticks until release (0 = release now)
  std::vector<float> arrest_probability;  // 4: estimated P at the last activation
  std::vector<core::CellIndex> target;    // 4: movement intent (scratch)
  std::vector<std::uint32_t> priority;    // 4: claim priority (scratch)
  std::size_t size() const { return id.size(); }
};
inline constexpr std::size_t kBytesPerCitizen = 4 + 4 + 4 + 4 + 1 + 4 + 4 + 4 + 4;

struct Cops {
  std::vector<std::uint32_t> id;        // 4
  std::vector<core::CellIndex> cell;    // 4
  std::vector<core::CellIndex> target;  // 4: movement intent (scratch)
  std::vector<std::uint32_t> priority;  // 4: claim priority (scratch)
  std::vector<std::int32_t> suspect;    // 4: citizen index chosen for arrest, -1 none (scratch)
  std::size_t size() const { return id.size(); }
};
inline constexpr std::size_t kBytesPerCop = 4 * 5;

// Who stands on a cell: kEmpty, a citizen index (>= 0), or a cop (cop_code).
using Occupant = std::int32_t;
inline constexpr Occupant kEmpty = -1;
inline constexpr Occupant cop_code(std::size_t cop) {
  return -2 - static_cast<Occupant>(cop);
}
inline constexpr bool is_cop(Occupant o) {
  return o <= -2;
}
inline constexpr std::size_t cop_index(Occupant o) {
  return static_cast<std::size_t>(-2 - o);
}

// Per-cell memory: occupant (4), packed counts (8), window sums (8, or 16
// for the summed-area table and its row sums), claims (8), active flag (1).
inline constexpr std::size_t kBytesPerCell = 4 + 8 + 16 + 8 + 1;

struct World {
  core::Grid grid;
  Params params;
  core::RngKey key;
  int tick = 0;
  Citizens citizens;
  Cops cops;
  core::Layer<Occupant> occupant;
};

// Places cops and citizens on distinct random cells (exact counts, as in
// NetLogo's Rebellion) and draws every citizen's hardship and risk aversion.
World make_world(const core::Grid& grid, const Params& params, const core::RngKey& key);

}  // namespace sahel::epstein
