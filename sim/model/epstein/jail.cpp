// SPDX-License-Identifier: MIT
// Phase "jail": a jailed citizen serves one tick. jail_left is the term plus
// one when set, so a citizen given J ticks misses exactly J ticks of freedom
// and is released (placed back on the grid) by the movement phase of the
// tick in which jail_left reaches 0.
#include "core/parallel.hpp"
#include "model/epstein/model.hpp"

namespace sahel::epstein {

void Model::serve_jail_terms() {
  Citizens& c = world_.citizens;
  core::for_each_index(static_cast<std::int64_t>(c.size()), [&](std::int64_t i) {
    if (c.status[i] == Status::jailed && c.jail_left[i] > 0) --c.jail_left[i];
  });
}

}  // namespace sahel::epstein
