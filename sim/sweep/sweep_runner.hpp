// SPDX-License-Identifier: MIT
#pragma once
// Carrying out a sweep: the folder's fixed files (sweep.json, design.csv),
// the runs of this process's share, and results.csv once every run of the
// sweep is in some ledger. The same runs give the same bytes in results.csv
// whichever back end ran them (threads, MPI ranks, Slurm shards).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "run/progress.hpp"
#include "sweep/sweep_plan.hpp"

namespace sahel::sweep {

struct SweepRunOptions {
  std::filesystem::path out;
  std::string writer = "main";           // this process's ledger name
  int shard_index = 1, shard_count = 1;  // this process runs the runs with run % count == index - 1
  bool per_run_outputs = false;          // write OUT/runs/run-N/ for every run
  std::string command_line;
  // Hands out the next position in the list of pending runs (MPI: a counter
  // on rank 0 shared by all ranks). Unset: this process runs them all,
  // several at once on its threads.
  std::function<std::int64_t()> next_pending;
  run::ProgressFn progress;  // runs of this process finished
};

// Writes sweep.json and design.csv (the same bytes from every process).
void write_sweep_description(const SweepSpec& spec, const std::vector<PlannedRun>& runs,
                             const std::filesystem::path& out);

// The runs of this share that no ledger has finished, in run order. A run
// started twice without finishing (the process died in it twice) is
// recorded as failed here rather than tried a third time.
std::vector<PlannedRun> pending_runs(const SweepSpec& spec, const std::vector<PlannedRun>& runs,
                                     const SweepRunOptions& options);

struct SweepTally {
  std::int64_t ran = 0, failed = 0;
  double seconds = 0;
};

SweepTally run_pending(const SweepSpec& spec, const std::vector<PlannedRun>& pending, const SweepRunOptions& options);

// Writes results.csv when every run is finished; returns how many are not.
std::int64_t assemble_results(const SweepSpec& spec, const std::vector<PlannedRun>& runs,
                              const std::filesystem::path& out);

// Reads sweep.json back (for `sweep merge DIR`): the sweep file it came from.
std::string sweep_file_of(const std::filesystem::path& out);

}  // namespace sahel::sweep
