// SPDX-License-Identifier: MIT
#pragma once
// A whole sweep on one of its back ends: this machine's threads, a shard of
// it (a Slurm array task), or the ranks of mpirun (when built with MPI), and
// the Slurm script that runs the shards. Callers print; nothing here does.
#include <cstdint>
#include <filesystem>
#include <string>

#include "run/progress.hpp"

namespace sahel::sweep {

struct SweepOptions {
  std::string file;
  std::filesystem::path out;
  std::string shard;  // "I/N"; empty: the whole sweep
  int threads = 0;    // 0: every core (under mpirun: the node's cores shared by its ranks)
  bool per_run_outputs = false;
  std::string command_line;
  run::ProgressFn progress;  // runs finished by this process (rank 0 under mpirun)
  // slurm
  int shards = 0;  // default: one per 8 runs, at most 1000
  int cpus_per_task = 2;
  std::string time_limit = "04:00:00";
  std::string partition;
  std::filesystem::path program;  // the sahelsim executable, for the script
};

struct SweepReport {
  std::string name;                  // the sweep's
  std::int64_t runs = 0;             // in the design
  std::int64_t ran = 0, failed = 0;  // now, by every process
  double seconds = 0;
  std::int64_t missing = 0;  // runs no ledger has finished (other shards); 0: results.csv written
  bool reporter = true;      // false on MPI ranks other than 0: they print nothing
};

// Whether mpirun started this process although sahelsim was built without
// MPI: every rank would then run the whole sweep (say so before it starts).
bool launched_without_mpi();

// Runs this process's share of the sweep and assembles results.csv when
// every run is finished. Under mpirun, the ranks share the runs.
SweepReport run_sweep(const SweepOptions& options);

// Assembles results.csv of a sweep run in shards; throws when runs are missing.
// Returns the number of runs.
std::int64_t merge_sweep(const std::filesystem::path& out);

struct SlurmScript {
  std::filesystem::path path;
  std::int64_t runs = 0;
  int shards = 0;
};

// Writes OUT/sweep.sbatch (an array job of shards) and the sweep's description.
SlurmScript write_slurm_script(const SweepOptions& options);

}  // namespace sahel::sweep
