// SPDX-License-Identifier: MIT
#pragma once
// `sahelsim sweep FILE --out DIR [--shard I/N]`, `sahelsim sweep merge DIR`
// and `sahelsim sweep slurm FILE --out DIR`. Under mpirun the runs are
// shared among the ranks (built with MPI only).
#include <filesystem>
#include <string>

namespace sahel::cli {

struct SweepOptions {
  std::string file;
  std::filesystem::path out;
  std::string shard;  // "I/N"
  int threads = 0;
  bool per_run_outputs = false;
  bool quiet = false;
  std::string command_line;
  // slurm
  int shards = 0;               // default: one per 8 runs, at most 1000
  int cpus_per_task = 2;
  std::string time_limit = "04:00:00";
  std::string partition;
  std::filesystem::path program;  // this executable, for the script
};

int sweep(const SweepOptions& options);
int sweep_merge(const std::filesystem::path& out, bool quiet);
int sweep_slurm_script(const SweepOptions& options);

}  // namespace sahel::cli
