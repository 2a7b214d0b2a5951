#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cost of the sweep runner, and MPI scaling, on scenarios/sweeps/classroom.yaml
# (18 runs of 180 days):
#  - overhead: the sweep on one thread against the same 18 runs done one by
#    one with `sahelsim run --threads 1` (sum of their wall times);
#  - speed-up from 1 to 2 MPI ranks (one thread each), when mpirun exists.
# Appends to bench/results/sweep.csv. Not a test: nothing passes or fails.
set -euo pipefail
sim=${1:-build/release/sim/sahelsim}
cd "$(dirname "$0")/.."
sweep=scenarios/sweeps/classroom.yaml
results=bench/results/sweep.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$results" ] || echo "date,host,version,measure,runs,seconds,reference_seconds,ratio" > "$results"
now() { date +%s.%N; }
version=$("$sim" --version | awk '{print $2}')
stamp="$(date -u +%Y-%m-%dT%H:%M:%SZ),$(hostname),$version"

"$sim" sweep slurm "$sweep" --out "$work/plan" --quiet   # writes design.csv without running
runs=$(($(wc -l < "$work/plan/design.csv") - 1))
t0=$(now)
tail -n +2 "$work/plan/design.csv" | while IFS=, read -r run point replicate seed block row harm recruit; do
  "$sim" run scenarios/classroom/central_mali.yaml --ticks 180 --seed "$seed" --threads 1 --quiet \
    --set "factions.Army.doctrine.civilian_harm=$harm" --set "factions.Insurgents.doctrine.recruit_rate=$recruit" \
    --out "$work/one/run-$run"
done
one_by_one=$(awk -v a="$t0" -v b="$(now)" 'BEGIN{print b - a}')
t0=$(now)
"$sim" sweep "$sweep" --out "$work/sweep1" --threads 1 --quiet
swept=$(awk -v a="$t0" -v b="$(now)" 'BEGIN{print b - a}')
echo "$stamp,sweep_overhead_1_thread,$runs,$swept,$one_by_one,$(awk -v a="$swept" -v b="$one_by_one" 'BEGIN{printf "%.3f", a/b}')" >> "$results"
printf 'one by one %.1f s, sweep on 1 thread %.1f s: overhead %+.1f %%\n' "$one_by_one" "$swept" \
  "$(awk -v a="$swept" -v b="$one_by_one" 'BEGIN{print 100 * (a / b - 1)}')"

if command -v mpirun > /dev/null; then
  mpi() { mpirun --allow-run-as-root --oversubscribe -np "$1" "$sim" sweep "$sweep" --out "$work/mpi$1" --threads 1 --quiet; }
  t0=$(now); mpi 1; one=$(awk -v a="$t0" -v b="$(now)" 'BEGIN{print b - a}')
  t0=$(now); mpi 2; two=$(awk -v a="$t0" -v b="$(now)" 'BEGIN{print b - a}')
  echo "$stamp,mpi_2_ranks_vs_1,$runs,$two,$one,$(awk -v a="$one" -v b="$two" 'BEGIN{printf "%.3f", a/b}')" >> "$results"
  printf 'MPI: 1 rank %.1f s, 2 ranks %.1f s: speed-up %.2fx\n' "$one" "$two" "$(awk -v a="$one" -v b="$two" 'BEGIN{print a/b}')"
  cmp -s "$work/mpi1/results.csv" "$work/mpi2/results.csv" && echo "results.csv identical on 1 and 2 ranks"
fi
echo "appended to $results"
