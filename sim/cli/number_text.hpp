// SPDX-License-Identifier: MIT
#pragma once
// Numbers as the command line prints them.
#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <string>

namespace sahel::cli {

// 1234567 -> "1,234,567".
inline std::string group_digits(std::int64_t v) {
  const std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out = v < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// 1234567.8 -> "1,234,568"; values below 10 in size keep two decimals.
inline std::string readable(double v) {
  if (std::fabs(v) < 10) return fmt::format("{:.2f}", v);
  return group_digits(std::llround(v));
}

}  // namespace sahel::cli
