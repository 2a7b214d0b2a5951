#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A real single-node Slurm running the generated array script end to end,
# when Debian's slurmctld and slurmd are installed and start here (auth/none,
# state in a temporary folder). Where they are absent or cannot start, the
# test is skipped (exit 77) and says why.
set -u
. "$(dirname "$0")/lib.sh" "$@"
for program in slurmctld slurmd sbatch squeue; do
  if ! command -v "$program" > /dev/null; then
    echo "SKIPPED: $program is not installed (apt-get install slurm-wlm to run this test)"
    exit 77
  fi
done
conf="$work/slurm.conf"
host=$(hostname -s)
mkdir -p "$work/state" "$work/spool" "$work/log"
cat > "$conf" <<CONF
ClusterName=sahelsim-test
SlurmctldHost=$host
AuthType=auth/none
CredType=cred/none
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$conf"
slurmctld -f "$conf" || { echo "SKIPPED: slurmctld does not start here: $(tail -3 "$work/log/slurmctld.log" 2>/dev/null)"; exit 77; }
slurmd -f "$conf" || { kill "$(cat "$work/slurmctld.pid")" 2>/dev/null; echo "SKIPPED: slurmd does not start here"; exit 77; }
cleanup() {
  local pids
  pids="$(cat "$work/slurmd.pid" "$work/slurmctld.pid" 2>/dev/null)"
  kill $pids 2>/dev/null
  for _ in $(seq 1 50); do kill -0 $pids 2>/dev/null || break; sleep 0.1; done
  rm -rf "$work"
}
trap cleanup EXIT
up=0
for _ in $(seq 1 90); do
  sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && { up=1; break; }
  sleep 1
done
[ $up -eq 1 ] || { echo "SKIPPED: the Slurm node did not come up within 90 s"; exit 77; }

sweep="$work/sweep.yaml"
cat > "$sweep" <<YAML
sweep: slurm-test
base: $src/scenarios/classroom/central_mali.yaml
ticks: 20
design: {type: lhs, points: 4}
factors:
  - {path: factions.Army.doctrine.civilian_harm, range: [0.2, 3.0]}
metrics: [civilians_killed]
YAML
"$sim" sweep slurm "$sweep" --out "$work/out" --shards 2 --cpus-per-task 1 --quiet || bad "sweep slurm failed"
sbatch --wait "$work/out/sweep.sbatch" > /dev/null && ok || bad "the array job failed"
"$sim" sweep "$sweep" --out "$work/local" --quiet || bad "the local sweep failed"
cmp -s "$work/local/results.csv" "$work/out/results.csv" && ok || bad "Slurm results differ from the local sweep"
finish
