#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `sahelsim sweep`: results.csv is byte-identical whether the runs ran on
# threads, in two shards merged, or on two MPI ranks (when mpirun is
# present); a sweep killed with -9 resumes without losing or repeating a
# run; a failing run is recorded and the others go on; bad sweep files
# exit 2 with file:line:column; the Slurm script is written.
set -u
. "$(dirname "$0")/lib.sh" "$@"

sweep="$work/sweep.yaml"
cat > "$sweep" <<YAML
sweep: test
base: $src/scenarios/classroom/central_mali.yaml
ticks: 40
design: {type: lhs, points: 6, seed: 3}
replicates: 2
factors:
  - {path: factions.Army.doctrine.civilian_harm, range: [0.2, 3.0]}
  - {path: factions.Insurgents.doctrine.aggression, range: [0.1, 0.9]}
metrics: [militant_cells_end, civilians_killed, displaced_peak]
YAML
"$sim" sweep "$sweep" --out "$work/threads" --quiet --threads 2 || bad "sweep on threads failed"
[ "$(wc -l < "$work/threads/results.csv")" -eq 13 ] && ok || bad "results.csv should have 12 runs"
[ "$(wc -l < "$work/threads/design.csv")" -eq 13 ] && ok || bad "design.csv should have 12 runs"
[ "$(grep -c ',ok,' "$work/threads/results.csv")" -eq 12 ] && ok || bad "every run should be ok"

"$sim" sweep "$sweep" --out "$work/shards" --shard 1/3 --quiet || bad "shard 1/3 failed"
"$sim" sweep merge "$work/shards" --quiet 2>/dev/null
[ $? -eq 2 ] && ok || bad "merge of an unfinished sweep should exit 2"
"$sim" sweep "$sweep" --out "$work/shards" --shard 3/3 --quiet || bad "shard 3/3 failed"
"$sim" sweep "$sweep" --out "$work/shards" --shard 2/3 --quiet || bad "shard 2/3 failed"
rm -f "$work/shards/results.csv"
"$sim" sweep merge "$work/shards" --quiet || bad "merge failed"
cmp -s "$work/threads/results.csv" "$work/shards/results.csv" && ok || bad "shards merged differ from the threaded sweep"
cmp -s "$work/threads/design.csv" "$work/shards/design.csv" && ok || bad "design.csv differs between back ends"

if command -v mpirun > /dev/null && "$sim" --help > /dev/null; then
  # OpenMPI's plugins keep allocations until exit and are unloaded before
  # LeakSanitizer looks, so under `make asan` their leak reports have no
  # symbols to suppress; leak checking is off for MPI runs only (the same
  # sweep code runs leak-checked without MPI above and below).
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
  mpirun --allow-run-as-root --oversubscribe -np 2 "$sim" sweep "$sweep" --out "$work/mpi" --quiet \
    || bad "the MPI sweep failed"
  cmp -s "$work/threads/results.csv" "$work/mpi/results.csv" && ok || bad "the MPI sweep differs from the threaded sweep"
  [ "$(ls "$work/mpi/ledger" | wc -l)" -eq 2 ] && ok || bad "both MPI ranks should keep a ledger"
  mpirun --allow-run-as-root --oversubscribe -np 1 "$sim" sweep "$sweep" --out "$work/mpi1" --quiet \
    || bad "the MPI sweep on one rank failed"
  cmp -s "$work/threads/results.csv" "$work/mpi1/results.csv" && ok || bad "the one-rank MPI sweep differs"
  export ASAN_OPTIONS="${ASAN_OPTIONS%detect_leaks=0}"
else
  echo "mpirun not found: the MPI comparison is skipped (install openmpi-bin libopenmpi-dev)"
fi

# Kill -9 in the middle, then the same command finishes the sweep.
"$sim" sweep "$sweep" --out "$work/killed" --quiet --threads 1 &
pid=$!
for _ in $(seq 1 100); do
  [ "$(grep -c '^finished' "$work/killed/ledger/main.csv" 2>/dev/null)" -ge 3 ] 2>/dev/null && break
  sleep 0.1
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
before=$(grep -c '^finished' "$work/killed/ledger/main.csv")
[ "$before" -lt 12 ] && ok || bad "the sweep finished before it could be killed"
[ ! -e "$work/killed/results.csv" ] && ok || bad "a killed sweep left a results.csv"
"$sim" sweep "$sweep" --out "$work/killed" --quiet --threads 2 || bad "resuming failed"
cmp -s "$work/threads/results.csv" "$work/killed/results.csv" && ok || bad "the resumed sweep differs"
dups=$(grep '^finished' "$work/killed/ledger/main.csv" | cut -d, -f2 | sort | uniq -d | wc -l)
[ "$dups" -eq 0 ] && ok || bad "$dups runs were repeated after resuming"

# A run that fails while running (here: its output folder cannot be made)
# is recorded with its error, and the others go on.
mkdir -p "$work/broken/runs" && echo "in the way" > "$work/broken/runs/run-3"
"$sim" sweep "$sweep" --out "$work/broken" --per-run-outputs --quiet || bad "a sweep with one failing run should still finish"
[ "$(grep -c ',ok,' "$work/broken/results.csv")" -eq 11 ] && ok || bad "the 11 other runs should be ok"
grep -q '^3,.*,failed,,,,.*cannot create the output folder' "$work/broken/results.csv" && ok \
  || bad "run 3 should be failed with its error: $(grep '^3,' "$work/broken/results.csv")"
[ -s "$work/broken/runs/run-4/timeseries.csv" ] && ok || bad "per-run outputs missing"

# A value the base scenario refuses is caught before any run.
sed 's/range: \[0.1, 0.9\]/levels: [0.5, 7]/; s/type: lhs, points: 6/type: factorial/' "$sweep" > "$work/failing.yaml"
"$sim" sweep "$work/failing.yaml" --out "$work/failing" --quiet 2> "$work/err"
[ $? -eq 2 ] && grep -q "failing.yaml:[0-9]*:[0-9]*" "$work/err" && ok || bad "an invalid level should be refused before any run: $(cat "$work/err")"

# Bad sweep files: exit 2, file:line:column, nothing written.
bad_sweep() {  # name, text to append or sed expression, expected message
  local f="$work/bad-$1.yaml"
  sed "$2" "$sweep" > "$f"
  "$sim" sweep "$f" --out "$work/bad-$1" --quiet 2> "$work/err"
  local rc=$?
  [ $rc -eq 2 ] && ok || bad "$1: exit status $rc, expected 2"
  grep -q "bad-$1.yaml:[0-9]*:[0-9]*: error:.*$3" "$work/err" && ok || bad "$1: message: $(cat "$work/err")"
  [ ! -e "$work/bad-$1/results.csv" ] && [ ! -e "$work/bad-$1/design.csv" ] && ok || bad "$1: wrote outputs"
}
bad_sweep unknown-key 's/^replicates:/replicatez:/' "replicates"
bad_sweep unknown-metric 's/displaced_peak/displaced_top/' "expected an outcome metric"
bad_sweep bad-path 's/factions.Army.doctrine.civilian_harm/factions.Armee.doctrine.civilian_harm/' "names no item"
bad_sweep bad-range 's/\[0.2, 3.0\]/[3.0, 0.2]/' "above the low end"
bad_sweep bad-design 's/type: lhs/type: latin/' "expected one of factorial"
bad_sweep out-of-range 's/\[0.1, 0.9\]/[0.1, 9]/' "not valid in the base scenario"

"$sim" sweep slurm "$sweep" --out "$work/slurm" --shards 3 --quiet || bad "sweep slurm failed"
grep -q -- '--array=1-3' "$work/slurm/sweep.sbatch" && grep -q -- '--shard "${SLURM_ARRAY_TASK_ID}/3"' "$work/slurm/sweep.sbatch" \
  && ok || bad "the Slurm script lacks the array or the shard"
bash -n "$work/slurm/sweep.sbatch" && ok || bad "the Slurm script is not valid bash"
finish
