// SPDX-License-Identifier: MIT
#pragma once
// `sahelsim sweep FILE --out DIR [--shard I/N]`, `sahelsim sweep merge DIR`
// and `sahelsim sweep slurm FILE --out DIR`: the back ends are in
// sweep/sweep_backends.hpp; these print what they did.
#include <filesystem>

#include "sweep/sweep_backends.hpp"

namespace sahel::cli {

struct SweepOptions : sweep::SweepOptions {
  bool quiet = false;
};

int sweep(const SweepOptions& options);
int sweep_merge(const std::filesystem::path& out, bool quiet);
int sweep_slurm_script(const SweepOptions& options);

}  // namespace sahel::cli
