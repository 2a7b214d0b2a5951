// SPDX-License-Identifier: MIT
#pragma once
#include <sys/resource.h>

#include <cstdint>

namespace sahel::run {

// Peak resident memory of this process so far, in bytes (Linux reports KiB).
inline std::int64_t max_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
}

}  // namespace sahel::run
