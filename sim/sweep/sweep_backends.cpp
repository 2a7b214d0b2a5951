// SPDX-License-Identifier: MIT
#include "sweep/sweep_backends.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "core/parallel.hpp"
#include "output/atomic_file.hpp"
#include "scenario/input_error.hpp"
#include "sweep/sweep_file.hpp"
#include "sweep/sweep_runner.hpp"

#ifdef SAHELSIM_HAVE_MPI
#include <mpi.h>
#endif

namespace sahel::sweep {

namespace {

std::pair<int, int> parse_shard(const std::string& text) {
  int i = 0, n = 0;
  char tail = 0;
  if (text.empty()) return {1, 1};
  if (std::sscanf(text.c_str(), "%d/%d%c", &i, &n, &tail) != 2 || n < 1 || i < 1 || i > n)
    throw scenario::InputError({"--shard " + text, 0, 0},
                               fmt::format("expected I/N with 1 <= I <= N, found '{}'", text));
  return {i, n};
}

// Launched by mpirun (OpenMPI or a PMI launcher) with more than one rank.
bool launched_by_mpirun() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(v)) return true;
  return false;
}

}  // namespace

bool launched_without_mpi() {
#ifdef SAHELSIM_HAVE_MPI
  return false;
#else
  return launched_by_mpirun();
#endif
}

SweepReport run_sweep(const SweepOptions& o) {
  const auto [shard, shards] = parse_shard(o.shard);
  const SweepSpec spec = read_sweep_file(o.file);
  const auto runs = plan_runs(spec);
  SweepRunOptions ro;
  ro.out = o.out;
  ro.shard_index = shard;
  ro.shard_count = shards;
  ro.per_run_outputs = o.per_run_outputs;
  ro.command_line = o.command_line;
  ro.progress = o.progress;
  SweepReport report;
  report.name = spec.name;
  report.runs = static_cast<std::int64_t>(runs.size());
  if (shards > 1) ro.writer = fmt::format("shard-{}-of-{}", shard, shards);

#ifdef SAHELSIM_HAVE_MPI
  if (launched_by_mpirun()) {
    MPI_Init(nullptr, nullptr);
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    // Threads per rank: the cores of this node shared by its ranks, unless given.
    int local = size;
    if (const char* l = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE")) local = std::max(1, std::atoi(l));
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const core::ThreadLimit threads(o.threads > 0 ? o.threads : std::max(1, cores / local));
    if (rank == 0) write_sweep_description(spec, runs, o.out);
    MPI_Barrier(MPI_COMM_WORLD);
    ro.writer = fmt::format("rank-{}-of-{}", rank, size);
    if (rank != 0) ro.progress = nullptr;
    // Every rank computes the same pending list (after rank 0 wrote the
    // description and before anyone runs), then takes the next position
    // from a counter held by rank 0: dynamic load balance.
    const auto pending = pending_runs(spec, runs, ro);
    MPI_Barrier(MPI_COMM_WORLD);
    // The shared counter is an MPI one-sided window on rank 0. Where the
    // MPI library cannot make one (a single rank, or no RMA support), the
    // ranks take positions round-robin instead: static, but still correct.
    long long counter = 0;
    MPI_Win window = MPI_WIN_NULL;
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    int made = size > 1 ? MPI_Win_create(rank == 0 ? &counter : nullptr, rank == 0 ? sizeof counter : 0, sizeof counter,
                                         MPI_INFO_NULL, MPI_COMM_WORLD, &window)
                        : MPI_ERR_WIN;
    int everywhere = made == MPI_SUCCESS ? 1 : 0, all_made = 0;
    MPI_Allreduce(&everywhere, &all_made, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (!all_made && window != MPI_WIN_NULL) MPI_Win_free(&window);
    std::int64_t next_static = rank;
    ro.next_pending = [&]() -> std::int64_t {
      if (!all_made) {
        const std::int64_t mine = next_static;
        next_static += size;
        return mine;
      }
      const long long one = 1;
      long long got = 0;
      MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, window);
      MPI_Fetch_and_op(&one, &got, MPI_LONG_LONG, 0, 0, MPI_SUM, window);
      MPI_Win_unlock(0, window);
      return got;
    };
    const SweepTally mine = run_pending(spec, pending, ro);
    long long totals[2] = {mine.ran, mine.failed}, sums[2] = {0, 0};
    MPI_Reduce(totals, sums, 2, MPI_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    if (all_made) MPI_Win_free(&window);
    MPI_Barrier(MPI_COMM_WORLD);
    report.reporter = rank == 0;
    report.ran = sums[0];
    report.failed = sums[1];
    report.seconds = mine.seconds;
    if (rank == 0) report.missing = assemble_results(spec, runs, o.out);
    MPI_Finalize();
    return report;
  }
#endif
  const core::ThreadLimit threads(o.threads);
  write_sweep_description(spec, runs, o.out);
  const auto pending = pending_runs(spec, runs, ro);
  const SweepTally t = run_pending(spec, pending, ro);
  report.ran = t.ran;
  report.failed = t.failed;
  report.seconds = t.seconds;
  report.missing = assemble_results(spec, runs, o.out);
  return report;
}

std::int64_t merge_sweep(const std::filesystem::path& out) {
  const SweepSpec spec = read_sweep_file(sweep_file_of(out));
  const auto runs = plan_runs(spec);
  const std::int64_t missing = assemble_results(spec, runs, out);
  if (missing > 0)
    throw scenario::InputError(
        {out.string(), 0, 0},
        fmt::format("expected every run finished, found {} of {} not in any ledger yet", missing, runs.size()));
  return static_cast<std::int64_t>(runs.size());
}

SlurmScript write_slurm_script(const SweepOptions& o) {
  const SweepSpec spec = read_sweep_file(o.file);
  const auto runs = plan_runs(spec);
  const int shards =
      o.shards > 0 ? o.shards : static_cast<int>(std::clamp<std::size_t>((runs.size() + 7) / 8, 1, 1000));
  const auto out = std::filesystem::absolute(o.out).lexically_normal();
  output::prepare_output_folder(out);
  output::prepare_output_folder(out / "slurm");
  write_sweep_description(spec, runs, out);
  const auto file = std::filesystem::absolute(o.file).lexically_normal();
  std::string s;
  s += "#!/bin/bash\n";
  s += fmt::format("# sahelsim sweep '{}': {} runs in {} array tasks. Submit with: sbatch {}\n", spec.name, runs.size(),
                   shards, (out / "sweep.sbatch").string());
  s += "# Each task runs one shard and records every finished run in its ledger; a task\n"
       "# that is killed or fails can be resubmitted (sbatch --array=I) and finishes\n"
       "# only what is missing. The last task to finish assembles results.csv; or run\n"
       "# `sahelsim sweep merge DIR` afterwards.\n";
  s += fmt::format("#SBATCH --job-name=sahelsim-{}\n", spec.name);
  s += fmt::format("#SBATCH --array=1-{}\n", shards);
  s += "#SBATCH --ntasks=1\n";
  s += fmt::format("#SBATCH --cpus-per-task={}\n", o.cpus_per_task);
  s += fmt::format("#SBATCH --time={}\n", o.time_limit);
  if (!o.partition.empty()) s += fmt::format("#SBATCH --partition={}\n", o.partition);
  s += fmt::format("#SBATCH --output={}/slurm/%A_%a.out\n", out.string());
  s += "set -euo pipefail\n";
  s += fmt::format(
      "exec '{}' sweep '{}' --out '{}' --shard \"${{SLURM_ARRAY_TASK_ID}}/{}\" --threads "
      "\"${{SLURM_CPUS_PER_TASK:-{}}}\" --quiet\n",
      std::filesystem::absolute(o.program).string(), file.string(), out.string(), shards, o.cpus_per_task);
  output::write_file_atomically(out / "sweep.sbatch", s);
  std::filesystem::permissions(out / "sweep.sbatch", std::filesystem::perms::owner_exec,
                               std::filesystem::perm_options::add);
  return {out / "sweep.sbatch", static_cast<std::int64_t>(runs.size()), shards};
}

}  // namespace sahel::sweep
