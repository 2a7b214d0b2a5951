#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every shipped scenario validates and runs a few ticks.
set -u
. "$(dirname "$0")/lib.sh" "$@"
shopt -s nullglob
for file in "$src"/scenarios/*.yaml "$src"/scenarios/*/*.yaml; do
  case "$file" in */maps/*|*/sweeps/*) continue ;; esac
  name=$(basename "$file" .yaml)
  if "$sim" check "$file" >/dev/null && "$sim" run "$file" --ticks 3 --out "$work/$name" --quiet \
     && [ -s "$work/$name/manifest.json" ]; then
    ok
  else
    bad "$file"
  fi
done
finish
