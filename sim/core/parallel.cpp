// SPDX-License-Identifier: MIT
#include "core/parallel.hpp"

#include <tbb/info.h>

namespace sahel::core {

ThreadLimit::ThreadLimit(int threads)
    : threads_(threads > 0 ? threads : static_cast<int>(tbb::info::default_concurrency())),
      control_(std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                     static_cast<std::size_t>(threads_))) {}

}  // namespace sahel::core
