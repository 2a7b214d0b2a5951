#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The progress line: shown on a terminal (date reached, speed, time left),
# absent when standard error is a file or a pipe, and absent with --quiet.
set -u
. "$(dirname "$0")/lib.sh" "$@"
scenario="$src/scenarios/classroom/central_mali.yaml"

"$sim" run "$scenario" --ticks 200 --out "$work/piped" 2> "$work/stderr" > "$work/stdout" || bad "run failed"
[ ! -s "$work/stderr" ] && ok || bad "progress written to a file: $(head -c 200 "$work/stderr")"
grep -q "outputs in" "$work/stdout" && ok || bad "the summary is missing when piped"

if command -v script > /dev/null; then
  # `script` gives the run a terminal; its transcript holds what the terminal showed.
  script -qec "'$sim' run '$scenario' --ticks 200 --threads 1 --out '$work/tty'" "$work/typescript" > /dev/null \
    || bad "run on a terminal failed"
  grep -aq "days/s" "$work/typescript" && grep -aq "left" "$work/typescript" && ok \
    || bad "no progress line on a terminal"
  script -qec "'$sim' run '$scenario' --ticks 200 --threads 1 --quiet --out '$work/ttyq'" "$work/typescript-quiet" > /dev/null \
    || bad "quiet run on a terminal failed"
  ! grep -aq "days/s" "$work/typescript-quiet" && ok || bad "--quiet still shows progress"
  cat > "$work/sweep.yaml" <<YAML
sweep: progress
base: $scenario
ticks: 30
design: {type: lhs, points: 4}
factors:
  - {path: factions.Army.doctrine.civilian_harm, range: [0.2, 3.0]}
YAML
  script -qec "'$sim' sweep '$work/sweep.yaml' --out '$work/sweep'" "$work/typescript-sweep" > /dev/null \
    || bad "sweep on a terminal failed"
  grep -aq "runs/min" "$work/typescript-sweep" && ok || bad "no runs-per-minute progress for a sweep on a terminal"
else
  echo "script (util-linux) not found: the terminal half is skipped"
fi
finish
