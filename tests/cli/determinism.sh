#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The same scenario and seed on 1, 2, 3 and 8 threads: byte-identical
# timeseries.csv and the same final-state hash in manifest.json.
set -u
. "$(dirname "$0")/lib.sh" "$@"

state_hash() { grep -o '"final_state_sha256": "[0-9a-f]*"' "$1/manifest.json"; }

for scenario in epstein_netlogo epstein_mesa; do
  for threads in 1 2 3 8; do
    "$sim" run "$src/scenarios/$scenario.yaml" --ticks 300 --threads $threads --out "$work/$scenario-$threads" --quiet \
      || bad "$scenario on $threads threads failed"
  done
  for threads in 2 3 8; do
    cmp -s "$work/$scenario-1/timeseries.csv" "$work/$scenario-$threads/timeseries.csv" \
      && ok || bad "$scenario: timeseries.csv differs between 1 and $threads threads"
    [ "$(state_hash "$work/$scenario-1")" = "$(state_hash "$work/$scenario-$threads")" ] \
      && ok || bad "$scenario: final state differs between 1 and $threads threads"
  done
done
# The Sahel model: every output file, byte for byte.
for threads in 1 2 3; do
  "$sim" run "$src/scenarios/withdrawal_and_wagner.yaml" --ticks 60 --threads $threads --out "$work/sahel-$threads" --quiet \
    || bad "withdrawal_and_wagner on $threads threads failed"
done
for threads in 2 3; do
  for file in timeseries.csv events.csv cells/cells_2021-07-01.csv cells/cells_2021-08-30.csv; do
    cmp -s "$work/sahel-1/$file" "$work/sahel-$threads/$file" \
      && ok || bad "withdrawal_and_wagner: $file differs between 1 and $threads threads"
  done
  [ "$(state_hash "$work/sahel-1")" = "$(state_hash "$work/sahel-$threads")" ] \
    && ok || bad "withdrawal_and_wagner: final state differs between 1 and $threads threads"
done
finish
