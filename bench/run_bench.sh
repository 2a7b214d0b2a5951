#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Throughput and thread scaling of the engine on epstein_large (2.96 million
# agents): agent-updates per second on 1 and 2 threads, read from each run's
# manifest.json, appended to bench/results/epstein_large.csv. Not a test:
# nothing here passes or fails on speed.
set -euo pipefail
sim=${1:-build/release/sim/sahelsim}
cd "$(dirname "$0")/.."
results=bench/results/epstein_large.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$results" ] || echo "date,host,cpu,version,scenario,threads,agents,ticks,wall_seconds,agent_updates_per_second,speedup_vs_1_thread" >"$results"

field() { grep -o "\"$1\": [0-9.e+-]*" "$2" | head -1 | awk '{print $2}'; }
cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//; s/,//g')
base=""
printf '%-8s %14s %12s %10s\n' threads agents updates/s speedup
for threads in 1 2; do
  "$sim" run scenarios/epstein_large.yaml --threads "$threads" --out "$work/t$threads" --quiet
  m="$work/t$threads/manifest.json"
  ups=$(field agent_updates_per_second "$m")
  [ -n "$base" ] || base=$ups
  speedup=$(awk -v a="$ups" -v b="$base" 'BEGIN{printf "%.2f", a/b}')
  version=$(grep -o '"version": "[^"]*"' "$m" | cut -d'"' -f4)
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$(hostname),$cpu,$version,epstein_large,$threads,$(field agents "$m"),$(field ticks "$m"),$(field wall_seconds "$m"),$ups,$speedup" >>"$results"
  printf '%-8s %14s %12.3g %10s\n' "$threads" "$(field agents "$m")" "$ups" "$speedup"
done
echo "appended to $results"
