// SPDX-License-Identifier: MIT
#pragma once
// The loop every run goes through, whatever its model: step, take the
// census, hand it on, report progress; timed apart from setup and output.
#include <chrono>
#include <concepts>
#include <cstdint>

#include "run/progress.hpp"

namespace sahel::run {

// A model the run layer can drive.
template <class M>
concept SteppableModel = requires(M& m, const M& cm) {
  m.step();
  cm.census();
  { cm.agents() } -> std::convertible_to<std::int64_t>;
  cm.phases();
  cm.state_digest();
};

struct LoopTiming {
  double seconds = 0;        // stepping and recording, without setup
  double agent_updates = 0;  // agents updated, summed over the ticks
};

// Steps the model from tick first + 1 to last; after each step calls
// on_tick(t, census) and reports progress as "where(t)".
template <SteppableModel M, class OnTick, class Where>
LoopTiming step_through(M& model, int first, int last, OnTick&& on_tick, const ProgressFn& progress, Where&& where) {
  LoopTiming timing;
  const auto started = std::chrono::steady_clock::now();
  for (int t = first + 1; t <= last; ++t) {
    timing.agent_updates += static_cast<double>(model.agents());
    model.step();
    on_tick(t, model.census());
    if (progress) progress(t - first, last - first, where(t));
  }
  timing.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return timing;
}

}  // namespace sahel::run
