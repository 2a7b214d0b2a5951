// SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sahel::scenario {

// The known key closest to `typed` by edit distance, or "" when none is
// close enough to be a plausible typo (distance above a third of its length)
// and `typed` is not the start of exactly one known key.
std::string nearest_key(std::string_view typed, const std::vector<std::string>& known);

}  // namespace sahel::scenario
