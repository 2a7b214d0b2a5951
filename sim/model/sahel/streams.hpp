// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

namespace sahel::model {

// One random stream per kind of decision (see core/counter_rng.hpp).
enum class Stream : std::uint16_t {
  civilian_attributes = 1,
  civilian_placement = 2,
  flight = 3,
  recruitment = 4,
  unit_choice = 5,
  air_strike = 6,
  engagement = 7,
  massacre = 8,
  unit_placement = 9,
  remote_attack = 10,  // IEDs and shelling
};

}  // namespace sahel::model
