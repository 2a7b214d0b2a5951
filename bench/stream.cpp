// SPDX-License-Identifier: MIT
// This machine's memory bandwidth, the roof that the memory-bound phases
// of a run are measured against (bench/README.md): STREAM's four kernels
// (McCalpin 1995) over arrays far larger than the caches, on 1 to N
// threads with oneTBB. Prints a CSV row per kernel and thread count:
// the best of the repetitions, in GB/s (10^9 bytes per second), counting
// the bytes the kernel reads and writes as STREAM does.
//
//   sahelsim_stream [MiB per array, default 256] [repetitions, default 10] [max threads, default all]
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Kernel {
  const char* name;
  int arrays_touched;  // bytes moved per element, in doubles (reads + writes)
};

double best_seconds(int reps, auto&& body) {
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    body();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 256;
  const int reps = argc > 2 ? std::atoi(argv[2]) : 10;
  const int max_threads = argc > 3 ? std::atoi(argv[3]) : static_cast<int>(std::thread::hardware_concurrency());
  const std::size_t n = mib * 1024 * 1024 / sizeof(double);
  std::vector<double> a(n), b(n), c(n);
  const double scalar = 3.0;
  std::printf("kernel,threads,mib_per_array,gb_per_second\n");
  for (int threads = 1; threads <= std::max(1, max_threads); ++threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    // First touch in parallel, so pages land where the threads run.
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
      a[i] = 1.0;
      b[i] = 2.0;
      c[i] = 0.0;
    });
    auto run = [&](auto&& f) {
      return best_seconds(reps, [&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 16),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                            for (std::size_t i = r.begin(); i < r.end(); ++i) f(i);
                          });
      });
    };
    const Kernel kernels[] = {{"copy", 2}, {"scale", 2}, {"add", 3}, {"triad", 3}};
    const double seconds[] = {
        run([&](std::size_t i) { c[i] = a[i]; }),
        run([&](std::size_t i) { b[i] = scalar * c[i]; }),
        run([&](std::size_t i) { c[i] = a[i] + b[i]; }),
        run([&](std::size_t i) { a[i] = b[i] + scalar * c[i]; }),
    };
    for (int k = 0; k < 4; ++k) {
      const double bytes = static_cast<double>(kernels[k].arrays_touched) * sizeof(double) * static_cast<double>(n);
      std::printf("%s,%d,%zu,%.2f\n", kernels[k].name, threads, mib, bytes / seconds[k] / 1e9);
    }
  }
  // Keep the results observable so the loops are not optimised away.
  if (a[n / 2] < 0) std::printf("%f\n", a[n / 2] + b[n / 3] + c[n / 5]);
  return 0;
}
