// SPDX-License-Identifier: MIT
#include "scenario/nearest_key.hpp"

#include <algorithm>

namespace sahel::scenario {

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string nearest_key(std::string_view typed, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_distance = ~std::size_t{0};
  for (const std::string& k : known) {
    const std::size_t d = edit_distance(typed, k);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  const std::size_t tolerance = std::max<std::size_t>(2, best.size() / 3);
  if (best_distance <= tolerance) return best;
  // A shortened key ("legit" for "legitimacy") is a typo too, when only one
  // known key starts with it.
  std::string only;
  for (const std::string& k : known) {
    if (typed.size() < 3 || !k.starts_with(typed)) continue;
    if (!only.empty()) return {};
    only = k;
  }
  return only;
}

}  // namespace sahel::scenario
