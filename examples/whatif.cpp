// SPDX-License-Identifier: MIT
// A what-if from C++: one scenario run at a few levels of one parameter, over
// a few seeds, and the mean of one outcome at each level.
//
//   whatif SCENARIO PATH OUTCOME LEVEL [LEVEL...]
//   whatif scenarios/classroom/central_mali.yaml factions.Army.doctrine.civilian_harm civilians_killed 0.2 3
#include <cstdio>
#include <sahelsim/sahelsim.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s SCENARIO PATH OUTCOME LEVEL [LEVEL...]\n", argv[0]);
    return 2;
  }
  const std::string scenario = argv[1], path = argv[2], outcome = argv[3];
  std::printf("sahelsim %s: %s by %s\n", sahelsim::version().c_str(), outcome.c_str(), path.c_str());
  try {
    for (int i = 4; i < argc; ++i) {
      double sum = 0;
      const int seeds = 3;
      for (int seed = 1; seed <= seeds; ++seed) {
        sahelsim::RunOptions o;
        o.seed = static_cast<std::uint64_t>(seed);
        o.ticks = 60;
        o.set = {path + "=" + argv[i]};
        o.tables = false;
        o.layers = false;
        sum += sahelsim::run(scenario, o).outcome(outcome);
      }
      std::printf("  %-10s %12.1f\n", argv[i], sum / seeds);
    }
  } catch (const sahelsim::InputError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  return 0;
}
