// SPDX-License-Identifier: MIT
#pragma once
// The Joe & Kuo direction-number table (data in sobol_directions.cpp), kept
// apart from the generator so the data can be checked against its source
// without reading code.
#include <array>
#include <cstddef>
#include <cstdint>

namespace sahel::sweep::detail {

// One row of new-joe-kuo-6.21201 (dimension d = index + 2).
struct JoeKuoRow {
  std::uint8_t s;                   // degree of the primitive polynomial
  std::uint16_t a;                  // its inner coefficients, highest first
  std::array<std::uint16_t, 10> m;  // initial direction integers m_1..m_s
};

inline constexpr std::size_t kJoeKuoRows = 127;  // dimensions 2..128
extern const std::array<JoeKuoRow, kJoeKuoRows> kJoeKuo;

}  // namespace sahel::sweep::detail
