#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bad input: exit status 2, one message naming file:line:column (or the
# folder), and nothing written in the output folder. Also --help, --version
# and a clean run's outputs.
set -u
. "$(dirname "$0")/lib.sh" "$@"

# expect_error NAME PATTERN ARGS...: exit 2, stderr has PATTERN, no output.
expect_error() {
  local name=$1 pattern=$2
  shift 2
  rm -rf "$work/out"
  "$sim" "$@" >"$work/stdout" 2>"$work/stderr"
  local status=$?
  if [ $status -ne 2 ]; then bad "$name: exit status $status, expected 2"; return; fi
  if ! grep -qF -- "$pattern" "$work/stderr"; then bad "$name: stderr lacks '$pattern': $(cat "$work/stderr")"; return; fi
  if [ -e "$work/out" ] && [ -n "$(ls -A "$work/out")" ]; then bad "$name: wrote $(ls -A "$work/out")"; return; fi
  ok
}

base="model: epstein
name: cli test
ticks: 5"
printf '%s\nepstein: {legitimacyy: 0.8}\n' "$base" >"$work/unknown_key.yaml"
printf '%s\nepstein: {citizen_vision: far}\n' "$base" >"$work/wrong_type.yaml"
printf '%s\nepstein: {cop_density: 1.4}\n' "$base" >"$work/out_of_range.yaml"
printf '%s\nepstein: {cop_vision: -2}\n' "$base" >"$work/negative.yaml"
printf 'model: epstein\nname: [oops\n' >"$work/not_yaml.yaml"
printf '%s\ngrid: {width: 46000, height: 46000}\n' "$base" >"$work/huge.yaml"
printf '%s\n' "$base" >"$work/good.yaml"

expect_error "unknown key" "unknown_key.yaml:4:11: error: epstein.legitimacyy: unknown key 'legitimacyy'; did you mean 'legitimacy'?" run "$work/unknown_key.yaml" --out "$work/out"
expect_error "wrong type" "wrong_type.yaml:4:27: error: epstein.citizen_vision: expected a whole number from 0 to 1000 cells, found 'far'" run "$work/wrong_type.yaml" --out "$work/out"
expect_error "out of range" "out_of_range.yaml:4:24: error: epstein.cop_density: expected a number from 0 to 1 share of cells, found '1.4'" run "$work/out_of_range.yaml" --out "$work/out"
expect_error "negative vision" "negative.yaml:4:23: error: epstein.cop_vision: expected a whole number from 0 to 1000 cells, found '-2'" run "$work/negative.yaml" --out "$work/out"
expect_error "not YAML" "not_yaml.yaml:3:1: error: not valid YAML" run "$work/not_yaml.yaml" --out "$work/out"
expect_error "missing file" "nowhere.yaml: error: cannot open the scenario file" run "$work/nowhere.yaml" --out "$work/out"
expect_error "grid too large for memory" "huge.yaml:4:7: error: grid: too large for memory" run "$work/huge.yaml" --out "$work/out"
expect_error "bad override" "--set epstein.legitimacy=7:1:20: error: epstein.legitimacy: expected a number from 0 to 1" run "$work/good.yaml" --set epstein.legitimacy=7 --out "$work/out"
expect_error "bad --ticks" "--set ticks=-4:1:7: error: ticks: expected a whole number" run "$work/good.yaml" --ticks -4 --out "$work/out"
expect_error "check finds errors too" "unknown key 'legitimacyy'" check "$work/unknown_key.yaml"
expect_error "unknown flag" "--bogus" run "$work/good.yaml" --bogus
touch "$work/a_file"
expect_error "unwritable output folder" "a_file/sub: cannot create the output folder" run "$work/good.yaml" --out "$work/a_file/sub"

"$sim" --help | grep -q "run" && ok || bad "--help"
"$sim" --version | grep -q "^sahelsim " && ok || bad "--version"
"$sim" check "$work/good.yaml" | grep -q "valid epstein scenario" && ok || bad "check of a good file"

# A clean run: both files, no leftovers, the manifest's fixed names.
rm -rf "$work/out"
if "$sim" run "$work/good.yaml" --out "$work/out" --quiet; then ok; else bad "good run failed"; fi
[ "$(ls -A "$work/out" | sort | tr '\n' ' ')" = "manifest.json timeseries.csv " ] && ok || bad "run folder holds: $(ls -A "$work/out")"
for key in wall_seconds agent_updates_per_second scenario_sha256 final_state_sha256 threads version seed; do
  grep -q "\"$key\":" "$work/out/manifest.json" && ok || bad "manifest lacks $key"
done
[ "$(wc -l <"$work/out/timeseries.csv")" -eq 7 ] && ok || bad "timeseries.csv should have a header and 6 rows"

# A killed run leaves no file that looks complete.
rm -rf "$work/killed"
"$sim" run "$src/scenarios/epstein_large.yaml" --ticks 100000 --out "$work/killed" --quiet &
pid=$!
for _ in $(seq 50); do [ -n "$(ls -A "$work/killed" 2>/dev/null)" ] && break; sleep 0.2; done
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if [ -e "$work/killed/timeseries.csv" ] || [ -e "$work/killed/manifest.json" ]; then
  bad "killed run left a complete-looking file: $(ls -A "$work/killed")"
else
  ok
fi

finish
