#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The roof and how far the civilians phase is from it:
#  - this machine's memory bandwidth (bench/stream.cpp: STREAM's copy, scale,
#    add and triad on 1 and 2 threads), appended to bench/results/stream.csv;
#  - the civilians phase of the 3-year withdrawal_and_wagner run on 2 threads:
#    nanoseconds per household-day, the bytes of household columns it streams
#    per household-day (counted in bench/README.md), the bandwidth that makes,
#    and its share of the triad bandwidth on 2 threads; appended to
#    bench/results/roofline.csv.
# Called as roofline.sh SAHELSIM_BINARY STREAM_BINARY. Not a test.
set -euo pipefail
sim=${1:-build/release/sim/sahelsim}
stream=${2:-build/release/bench/sahelsim_stream}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stamp="$(date -u +%Y-%m-%dT%H:%M:%SZ),$(hostname)"

results=bench/results/stream.csv
[ -f "$results" ] || echo "date,host,kernel,threads,mib_per_array,gb_per_second" >"$results"
"$stream" 256 10 2 | tail -n +2 | tee "$work/stream.csv" | sed "s/^/$stamp,/" >>"$results"
triad=$(awk -F, '$1 == "triad" && $2 == 2 {print $4}' "$work/stream.csv")
echo "memory bandwidth (STREAM, GB/s):"
column -t -s, "$work/stream.csv" | sed 's/^/  /'

# Household columns the civilians phase reads every household-day (see
# bench/README.md): recruits, people, cell, hardship, risk_aversion,
# destination (4 bytes each), status, displaced (1 byte each).
streamed=26
"$sim" run scenarios/withdrawal_and_wagner.yaml --threads 2 --quiet --out "$work/run"
read -r civ households ticks < <(/usr/bin/python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print(m["phase_seconds"]["civilians"], m["households"], m["ticks"])' "$work/run/manifest.json")
read -r ns gbs share < <(awk -v s="$civ" -v h="$households" -v t="$ticks" -v b="$streamed" -v roof="$triad" \
  'BEGIN { hd = h * t; ns = s / hd * 1e9; gbs = b / ns; printf "%.2f %.2f %.3f\n", ns, gbs, gbs / roof }')
results=bench/results/roofline.csv
[ -f "$results" ] || echo "date,host,phase,seconds,household_days,ns_per_household_day,bytes_streamed,gb_per_second,triad_gb_per_second,share_of_roof" >"$results"
echo "$stamp,civilians,$civ,$((households * ticks)),$ns,$streamed,$gbs,$triad,$share" >>"$results"
echo "civilians phase: $ns ns per household-day, $streamed bytes streamed -> $gbs GB/s, $share of the triad roof ($triad GB/s)"
echo "appended to bench/results/stream.csv and bench/results/roofline.csv"
