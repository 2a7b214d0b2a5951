#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every shipped scenario validates and runs a few ticks; every shipped sweep
# file validates (factors checked against its base) and plans its design.
set -u
. "$(dirname "$0")/lib.sh" "$@"
shopt -s nullglob
for file in "$src"/scenarios/*.yaml "$src"/scenarios/*/*.yaml; do
  case "$file" in */maps/*|*/sweeps/*|*/parts/*) continue ;; esac
  name=$(basename "$file" .yaml)
  if "$sim" check "$file" >/dev/null && "$sim" run "$file" --ticks 3 --out "$work/$name" --quiet \
     && [ -s "$work/$name/manifest.json" ]; then
    ok
  else
    bad "$file"
  fi
done
for file in "$src"/scenarios/sweeps/*.yaml; do
  name=$(basename "$file" .yaml)
  "$sim" sweep slurm "$file" --out "$work/sweep-$name" --quiet && [ -s "$work/sweep-$name/design.csv" ] \
    && ok || bad "$file"
done
finish
