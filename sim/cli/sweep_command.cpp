// SPDX-License-Identifier: MIT
#include "cli/sweep_command.hpp"

#include <fmt/format.h>

#include "cli/progress.hpp"
#include "core/parallel.hpp"
#include "sweep/sweep_backends.hpp"

namespace sahel::cli {

int sweep(const SweepOptions& o) {
  if (sweep::launched_without_mpi())
    fmt::print(stderr,
               "sahelsim: built without MPI: every rank would run the whole sweep; rebuild with libopenmpi-dev\n");
  sweep::SweepOptions b = o;
  Progress progress(0, "runs", o.quiet);
  b.progress = progress.callback();
  const sweep::SweepReport r = sweep::run_sweep(b);
  progress.finish();
  if (o.quiet || !r.reporter) return 0;
  fmt::print("\nsweep '{}': {} runs in the design, {} run now ({} failed) in {:.1f} s\n", r.name, r.runs, r.ran,
             r.failed, r.seconds);
  if (r.missing == 0)
    fmt::print("outputs in {}:\n  {}\n  {}\n  {}\n", o.out.string(), (o.out / "results.csv").string(),
               (o.out / "design.csv").string(), (o.out / "sweep.json").string());
  else
    fmt::print(
        "{} runs of other shards are not finished yet; `sahelsim sweep merge {}` assembles results.csv when they are\n",
        r.missing, o.out.string());
  return 0;
}

int sweep_merge(const std::filesystem::path& out, bool quiet) {
  const std::int64_t runs = sweep::merge_sweep(out);
  if (!quiet) fmt::print("{} runs merged into {}\n", runs, (out / "results.csv").string());
  return 0;
}

int sweep_slurm_script(const SweepOptions& o) {
  const sweep::SlurmScript s = sweep::write_slurm_script(o);
  if (!o.quiet)
    fmt::print("wrote {} ({} runs in {} array tasks of {} CPUs); submit with: sbatch {}\n", s.path.string(), s.runs,
               s.shards, o.cpus_per_task, s.path.string());
  return 0;
}

}  // namespace sahel::cli
