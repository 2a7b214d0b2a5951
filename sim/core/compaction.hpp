// SPDX-License-Identifier: MIT
#pragma once
// Removes dead or departed agents from structure-of-arrays columns between
// ticks (never inside a phase). Survivors keep their relative order, so
// iteration order, and with it every fixed-order reduction, stays stable.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sahel::core {

// Keeps element i of every column where keep[i] != 0; returns the new size.
template <class... Columns>
std::size_t compact(const std::vector<std::uint8_t>& keep, Columns&... columns) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i]) continue;
    if (out != i) ((columns[out] = std::move(columns[i])), ...);
    ++out;
  }
  (columns.resize(out), ...);
  return out;
}

}  // namespace sahel::core
