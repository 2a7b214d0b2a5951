// SPDX-License-Identifier: MIT
#pragma once

namespace sahel::run {

// `git describe` of the source tree at configure time (see CMakeLists.txt).
inline constexpr const char* kVersion = SAHELSIM_VERSION;

}  // namespace sahel::run
