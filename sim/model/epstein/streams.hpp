// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

namespace sahel::epstein {

// One random stream per kind of decision, so adding a draw to one never
// changes another.
enum class Stream : std::uint16_t {
  placement = 1,   // initial cells
  attributes = 2,  // hardship and risk aversion
  movement = 3,    // target cell and claim priority
  arrest = 4,      // choice of suspect and claim priority (keyed by cop)
  jail_term = 5,   // length of a sentence (keyed by citizen)
};

}  // namespace sahel::epstein
