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

# The Sahel model: a 3-year daily run of withdrawal_and_wagner (0.1-degree
# grid, about 330,000 households), 1 and 2 threads.
results=bench/results/sahel_withdrawal_and_wagner.csv
[ -f "$results" ] || echo "date,host,cpu,version,scenario,threads,households,ticks,wall_seconds,ticks_per_second,agent_updates_per_second,max_rss_bytes,bytes_per_household,speedup_vs_1_thread" >"$results"
base=""
printf '\n%-8s %12s %10s %12s %12s %10s\n' threads households wall_s ticks/s updates/s speedup
for threads in 1 2; do
  "$sim" run scenarios/withdrawal_and_wagner.yaml --threads "$threads" --out "$work/s$threads" --quiet
  m="$work/s$threads/manifest.json"
  tps=$(field ticks_per_second "$m")
  [ -n "$base" ] || base=$tps
  speedup=$(awk -v a="$tps" -v b="$base" 'BEGIN{printf "%.2f", a/b}')
  version=$(grep -o '"version": "[^"]*"' "$m" | cut -d'"' -f4)
  households=$(field households "$m")
  rss=$(field max_rss_bytes "$m")
  per=$(awk -v r="$rss" -v h="$households" 'BEGIN{printf "%.0f", r/h}')
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$(hostname),$cpu,$version,withdrawal_and_wagner,$threads,$households,$(field ticks "$m"),$(field wall_seconds "$m"),$tps,$(field agent_updates_per_second "$m"),$rss,$per,$speedup" >>"$results"
  printf '%-8s %12s %10.2f %12.1f %12.3g %10s\n' "$threads" "$households" "$(field wall_seconds "$m")" "$tps" "$(field agent_updates_per_second "$m")" "$speedup"
done
echo "appended to $results (bytes_per_household: whole-process peak memory / households)"
