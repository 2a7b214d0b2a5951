#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checkpoints: a run resumed from a checkpoint writes, from the day after it
# on, exactly the bytes of the run that never stopped (time series, events,
# outcomes, final state), on another thread count too; a branch into
# another scenario runs; a corrupt, truncated, foreign or incompatible
# checkpoint is refused with exit status 2 and a clear message.
set -u
. "$(dirname "$0")/lib.sh" "$@"

scenario="$src/scenarios/withdrawal_and_wagner.yaml"
tail_rows() { tail -n +$(($(wc -l < "$2") - $(wc -l < "$1") + 2)) "$2"; }  # rows of $2 as many as data rows of $1
state_hash() { grep -o '"final_state_sha256": "[0-9a-f]*"' "$1/manifest.json"; }

"$sim" run "$scenario" --ticks 150 --checkpoint-at 2021-10-01 --out "$work/full" --quiet --threads 2 \
  || bad "the run with --checkpoint-at failed"
ck="$work/full/checkpoint-2021-10-01.bin"
[ -s "$ck" ] && ok || bad "no checkpoint file written"
"$sim" run "$scenario" --ticks 150 --from "$ck" --out "$work/resumed" --quiet --threads 1 \
  || bad "the resumed run failed"
for f in timeseries.csv events.csv; do
  [ "$(head -1 "$work/resumed/$f")" = "$(head -1 "$work/full/$f")" ] && ok || bad "$f: header differs"
  [ "$(head -2 "$work/resumed/$f" | tail -1 | cut -d, -f1-2)" != "" ] && ok || bad "$f: resumed file has no rows"
  n=$(($(wc -l < "$work/resumed/$f") - 1))
  cmp -s <(tail -n "$n" "$work/full/$f") <(tail -n "$n" "$work/resumed/$f") \
    && ok || bad "$f: the resumed run differs from the unbroken run after the checkpoint"
done
grep -q '^2021-10-02,' "$work/resumed/timeseries.csv" && ! grep -q '^2021-10-01,' "$work/resumed/timeseries.csv" \
  && ok || bad "the resumed time series should start the day after the checkpoint"
cmp -s "$work/full/outcomes.csv" "$work/resumed/outcomes.csv" && ok || bad "outcomes.csv differs after resuming"
[ "$(state_hash "$work/full")" = "$(state_hash "$work/resumed")" ] && ok || bad "final state differs after resuming"
grep -q '"resumed_from"' "$work/resumed/manifest.json" && ok || bad "manifest does not say the run was resumed"

# A branch: the same history continued under another scenario.
"$sim" run "$src/scenarios/baseline_2021.yaml" --ticks 150 --checkpoint-at 2021-10-01 --out "$work/base" --quiet \
  || bad "baseline with checkpoint failed"
"$sim" run "$src/scenarios/wagner_deal.yaml" --ticks 150 --from "$work/base/checkpoint-2021-10-01.bin" --out "$work/branch" --quiet \
  && ok || bad "branching baseline into wagner_deal failed"
grep -q ',Wagner,mercenary,' "$work/branch/timeseries.csv" && ok || bad "the branch lacks the new faction"

# A branch that starts on another date than the history (as the 2021
# what-ifs continue the 2017 history): the checkpoint's date is a day of the
# branch's own calendar, the branch runs no spin-up of its own and places no
# displaced people again, and starts with the history's forces.
"$sim" run "$src/scenarios/baseline_2021.yaml" --set start_date=2021-06-01 --ticks 60 --checkpoint-at 2021-07-01 \
  --out "$work/early" --quiet --threads 2 || bad "the history that starts a month early failed"
"$sim" run "$src/scenarios/wagner_deal.yaml" --ticks 30 --from "$work/early/checkpoint-2021-07-01.bin" \
  --out "$work/later" --quiet --threads 2 && ok || bad "a branch starting on the checkpoint's date failed"
grep -q '^2021-07-02,1,' "$work/later/timeseries.csv" && ! grep -q '^2021-07-01,' "$work/later/timeseries.csv" \
  && ok || bad "the branch should start on day 1 of its own calendar (2021-07-02)"
history_fams=$(grep '^2021-07-01,30,FAMa,' "$work/early/timeseries.csv" | cut -d, -f5)
branch_fams=$(grep '^2021-07-02,1,FAMa,' "$work/later/timeseries.csv" | cut -d, -f5)
[ -n "$history_fams" ] && [ $((branch_fams - history_fams)) -le 150 ] && [ $((history_fams - branch_fams)) -le 150 ] \
  && ok || bad "the branch did not start from the history's FAMa ($history_fams), it has $branch_fams (a second spin-up?)"
"$sim" run "$src/scenarios/wagner_deal.yaml" --set start_date=2021-08-01 --ticks 30 \
  --from "$work/early/checkpoint-2021-07-01.bin" --out "$work/too-late" --quiet 2> "$work/err"
[ $? -eq 2 ] && grep -q "before this scenario's start" "$work/err" && ok \
  || bad "a checkpoint dated before the branch's start not refused: $(cat "$work/err")"

# Refusals: exit 2, a message naming the file, nothing written.
refused() {  # name, checkpoint file, expected text
  local out="$work/refused-$1"
  "$sim" run "$scenario" --ticks 150 --from "$2" --out "$out" --quiet 2> "$work/err"
  local rc=$?
  [ $rc -eq 2 ] && ok || bad "$1: exit status $rc, expected 2"
  grep -q "$3" "$work/err" && ok || bad "$1: message lacks '$3': $(cat "$work/err")"
  [ ! -e "$out/timeseries.csv" ] && ok || bad "$1: wrote a time series"
}
head -c 5000 "$ck" > "$work/truncated.bin"
refused truncated "$work/truncated.bin" "checksum does not match"
cp "$ck" "$work/corrupt.bin"
printf '\x55' | dd of="$work/corrupt.bin" bs=1 seek=40000 conv=notrunc status=none
refused corrupt "$work/corrupt.bin" "checksum does not match"
echo "not a checkpoint at all, just some text that is long enough to pass the size test" > "$work/text.bin"
refused foreign "$work/text.bin" "not a sahelsim checkpoint"
refused missing "$work/nothing.bin" "cannot open"
"$sim" run "$scenario" --ticks 150 --from "$ck" --set civilians.people_per_agent=400 --out "$work/x" --quiet 2> "$work/err"
[ $? -eq 2 ] && grep -q "people_per_agent" "$work/err" && ok || bad "incompatible checkpoint not refused: $(cat "$work/err")"
"$sim" run "$src/scenarios/french_withdrawal.yaml" --ticks 150 --from "$work/branch/manifest.json" --out "$work/y" --quiet 2>/dev/null
[ $? -eq 2 ] && ok || bad "a JSON file accepted as a checkpoint"
"$sim" run "$scenario" --ticks 150 --checkpoint-at 2030-01-01 --out "$work/z" --quiet 2> "$work/err"
[ $? -eq 2 ] && grep -q "checkpoint-at" "$work/err" && ok || bad "a checkpoint date outside the run not refused"
finish
