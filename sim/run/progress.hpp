// SPDX-License-Identifier: MIT
#pragma once
// How a run, a comparison or a sweep reports how far it has come: `done` of
// `total` (days or runs), and what was reached (a date, a run's name). It
// may be called from several threads at once; an empty function is silence.
// The command line draws it as a progress line; a program may log it.
#include <cstdint>
#include <functional>
#include <string>

namespace sahel::run {

using ProgressFn = std::function<void(std::int64_t done, std::int64_t total, const std::string& where)>;

}  // namespace sahel::run
