#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `sahelsim compare`: two identical scenarios differ by exactly zero under
# common random numbers; a scenario with 5,000 more state troops shows a
# difference whose 95 % interval excludes zero; --branch-at shares one
# history; the outputs are the same on 1 and 2 threads.
set -u
. "$(dirname "$0")/lib.sh" "$@"

base="$src/scenarios/classroom/central_mali.yaml"
cp "$base" "$work/same.yaml"
sed -i "s#file: ../maps/sahel.yaml#file: $src/scenarios/maps/sahel.yaml#" "$work/same.yaml"
cat > "$work/more_troops.yaml" <<YAML
model: sahel
extends: same.yaml
name: "Classroom: 5,000 more army troops"
events:
  - {name: reinforcements, date: 2022-01-02, type: deploy, faction: Army, place: Mopti, troops: 5000}
YAML
metric() {  # dir, metric, scenario row (1-based among rows of that metric), column name
  /usr/bin/python3 -c "
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1] + '/comparison.csv')) if r['metric'] == sys.argv[2]]
print(rows[int(sys.argv[3]) - 1][sys.argv[4]])" "$@"
}
nonzero_differences() {  # dir: rows whose difference to the first scenario is not exactly zero
  /usr/bin/python3 -c "
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1] + '/comparison.csv')) if r['diff_mean'] != '']
print(sum(1 for r in rows if float(r['diff_mean']) != 0 or float(r['diff_ci_low']) != 0 or float(r['diff_ci_high']) != 0))" "$1"
}
"$sim" compare "$work/same.yaml" "$work/same.yaml" --seeds 3 --ticks 60 --out "$work/identical" --quiet --threads 2 \
  || bad "compare of identical scenarios failed"
nonzero=$(nonzero_differences "$work/identical")
[ "$nonzero" -eq 0 ] && ok || bad "identical scenarios show $nonzero non-zero differences"

"$sim" compare "$work/same.yaml" "$work/more_troops.yaml" --seeds 4 --ticks 60 --out "$work/troops" --quiet --threads 2 \
  || bad "compare with more troops failed"
low=$(metric "$work/troops" state_strength_end 2 diff_ci_low)
high=$(metric "$work/troops" state_strength_end 2 diff_ci_high)
awk -v a="$low" -v b="$high" 'BEGIN { exit !(a > 4000 && b < 6000 && a <= b) }' \
  && ok || bad "5,000 more troops: difference interval [$low, $high] should exclude zero and sit near 5,000"
[ "$(wc -l < "$work/troops/runs.csv")" -eq 9 ] && ok || bad "runs.csv should have 8 runs"
[ -s "$work/troops/runs/more_troops/seed-1/timeseries.csv" ] && ok || bad "no per-run folder"

"$sim" compare "$work/same.yaml" "$work/more_troops.yaml" --seeds 4 --ticks 60 --out "$work/troops1" --quiet --threads 1 \
  || bad "compare on 1 thread failed"
cmp -s "$work/troops/comparison.csv" "$work/troops1/comparison.csv" && ok || bad "comparison.csv differs between 1 and 2 threads"

"$sim" compare "$work/same.yaml" "$work/same.yaml" --seeds 2 --ticks 60 --branch-at 2022-01-20 --out "$work/branch" --quiet \
  || bad "compare --branch-at failed"
[ -s "$work/branch/history/seed-1/checkpoint-2022-01-20.bin" ] && ok || bad "no shared history checkpoint"
nonzero=$(nonzero_differences "$work/branch")
[ "$nonzero" -eq 0 ] && ok || bad "identical branches show $nonzero non-zero differences"

"$sim" compare "$work/same.yaml" --seeds 2 --out "$work/one" --quiet 2>/dev/null
[ $? -eq 2 ] && ok || bad "compare of one scenario should exit 2"
"$sim" compare "$work/same.yaml" "$src/scenarios/epstein_netlogo.yaml" --seeds 2 --out "$work/mixed" --quiet 2> "$work/err"
[ $? -eq 2 ] && grep -q "Sahel" "$work/err" && ok || bad "comparing with an Epstein scenario should exit 2"
[ ! -e "$work/mixed/comparison.csv" ] && ok || bad "a refused comparison wrote comparison.csv"
finish
