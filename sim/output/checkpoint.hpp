// SPDX-License-Identifier: MIT
#pragma once
// Checkpoints of a Sahel run: the whole dynamic state after a day, so that
// futures can branch from one shared history.
//
// Format (version 2, the model of version 2), all numbers little-endian:
//   "SAHELSIM-CKPT" + 3 NUL bytes, u32 format version,
//   a header (tick, date, seed, replicate, scenario name, fingerprint of
//   the static geography), the world's dynamic state (factions with their
//   doctrine, accounts, reputation, theatre and plans; hostility; border
//   closures; units; households; people accounts; cell layers; allegiance
//   layers per actor, named by faction; resentment of foreign troops), the
//   output cursor (events logged so far, outcome tally),
//   and the SHA-256 of everything before it (32 bytes).
// Version 1 files (the first model) are refused with their version named.
// A checkpoint is refused when it is truncated, its checksum fails, its
// version is unknown, or its geography differs from the scenario's.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/sahel/outcomes.hpp"
#include "model/sahel/world.hpp"

namespace sahel::output {

inline constexpr std::uint32_t kCheckpointVersion = 2;

struct CheckpointError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What a run carries besides the world, so a resumed run's outputs continue
// those of the run that was stopped.
struct RunCursor {
  std::int64_t events_logged = 0;
  model::OutcomeTally tally;
};

struct CheckpointInfo {
  int tick = 0;
  std::string date;
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  std::string scenario;
};

// The state as bytes in the format above: a snapshot in memory (a branch
// kept without a file), or what write_checkpoint puts in a file.
std::string checkpoint_bytes(const model::World& world, const RunCursor& cursor, const CheckpointInfo& info);
void write_checkpoint(const std::filesystem::path& path, const model::World& world, const RunCursor& cursor,
                      const CheckpointInfo& info);

// Replaces the dynamic state of `world` (freshly made from the scenario that
// continues) with the checkpoint's. Factions are matched by name: every
// faction of the checkpoint must exist in the world; factions only the new
// scenario has start with no units and take no part in the history.
// `day_of` gives the day of the checkpoint's date in the continuing
// scenario's calendar (it may start on another date than the history: a
// 2021 what-if continuing the 2017 history); the world's events dated on
// or before that day are skipped. Throws CheckpointError naming the file
// and what is wrong (and whatever `day_of` throws).
CheckpointInfo read_checkpoint(const std::filesystem::path& path, model::World& world, RunCursor& cursor,
                               const std::function<int(const std::string& date)>& day_of);
// The same from bytes in memory; `source` names them in errors.
CheckpointInfo restore_checkpoint(std::string_view bytes, const std::string& source, model::World& world,
                                  RunCursor& cursor, const std::function<int(const std::string& date)>& day_of);

// Fingerprint of the static geography a checkpoint can be applied to.
std::string geography_fingerprint(const model::Geography& geo, int people_per_agent);

}  // namespace sahel::output
