#!/usr/bin/env bash
# Runs the documented sweep job array (docs/slurm/sweep.sbatch, shown verbatim in docs/sweeps.md)
# on a real one-node Slurm cluster started here: Debian's slurm-wlm and munge, munged, slurmctld
# and slurmd on the loopback host as root, with a minimal slurm.conf written below.
#   1. sbatch --wait the array; the shards concatenated in task order must equal, byte for byte,
#      the unsharded run of the same script.
#   2. Submit a larger array, cancel one task mid-run (its file is left partial), requeue it; with
#      --resume it continues its file, and the concatenation must again equal the unsharded run.
# Needs root. ORBITAL=path/to/orbital (default .build/release/orbital). Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
ORBITAL="$(realpath "${ORBITAL:-.build/release/orbital}")"
JOB="$ROOT/docs/slurm/sweep.sbatch"
# Phase 1: 4 tasks over 40² points; phase 2: 4 tasks over 600² points (≈ 3 s and eleven
# 8,192-point chunks per task on one CPU since the hot path got faster — 300² finished in 0.7 s,
# before it could be cancelled: one is cancelled after its first chunk is written).
SHARDS=4
SMALL_SIDE=40
LARGE_SIDE=600
CANCELLED_TASK=1
# Seconds to wait for the cluster to come up and for a job to finish.
START_TIMEOUT_S=60
JOB_TIMEOUT_S=300

say() { echo "slurm: $*"; }
fail() { echo "slurm: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (it starts munged, slurmctld and slurmd)"
[ -x "$ORBITAL" ] || fail "no orbital binary at $ORBITAL (swift build -c release)"

# The script CI runs is the one the docs show.
docs_copy=$(awk '/<!-- begin docs\/slurm\/sweep.sbatch -->/{f=1; next} /<!-- end docs\/slurm\/sweep.sbatch -->/{f=0} f' docs/sweeps.md | sed '1d;$d')
[ "$docs_copy" = "$(cat "$JOB")" ] || fail "docs/sweeps.md does not show docs/slurm/sweep.sbatch verbatim"

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq slurm-wlm munge >/dev/null
fi

WORK="$(mktemp -d /tmp/orbital-slurm.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
started=$(date +%s)

# munge: reuse a running munged, else start one (as root it needs --force).
if ! munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
  [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null; chmod 400 /etc/munge/munge.key; }
  mkdir -p /run/munge
  munged --force --foreground >"$WORK/munged.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
fi
munge -n </dev/null | unmunge >/dev/null || fail "munge does not work (see $WORK/munged.log)"

node=$(hostname -s)
cpus=$(nproc)
mkdir -p "$WORK/state" "$WORK/spool"
export SLURM_CONF="$WORK/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=orbitalci
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i >"$WORK/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D >"$WORK/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq $((START_TIMEOUT_S * 2))); do
  state=$(sinfo -h -n "$node" -o %t 2>/dev/null || true)
  [ "$state" = "idle" ] && break
  sleep 0.5
done
[ "$state" = "idle" ] || { tail -5 "$WORK/slurmctld.log" "$WORK/slurmd.log" >&2 || true; fail "the node did not come up (state: ${state:-none})"; }
say "one-node cluster up in $(( $(date +%s) - started )) s ($node, $cpus CPUs)"

export PATH="$(dirname "$ORBITAL"):$PATH"

# The unsharded output: the same script as a single task (shard 0 of 1 is the whole grid).
unsharded() { # side folder
  mkdir -p "$2/out"
  (cd "$2" && SLURM_ARRAY_TASK_ID=0 SLURM_CPUS_PER_TASK="$cpus" SHARDS=1 SIDE="$1" bash "$JOB")
}
concatenated() { (cd "$1" && cat $(ls out/sweep.*.csv | sort -t. -k2 -n)); }
finished() { [ -z "$(squeue -h -j "$1" 2>/dev/null)" ]; }
wait_for() { # job
  for _ in $(seq $((JOB_TIMEOUT_S * 5))); do finished "$1" && return 0; sleep 0.2; done
  fail "job $1 still running after $JOB_TIMEOUT_S s"
}

# 1. The array with sbatch --wait, compared with the unsharded run.
t=$(date +%s)
mkdir -p "$WORK/one/out"
(cd "$WORK/one" && SHARDS=$SHARDS SIDE=$SMALL_SIDE sbatch --wait --quiet --array=0-$((SHARDS - 1)) --cpus-per-task=1 "$JOB") \
  || { cat "$WORK"/one/out/slurm-*.log >&2; fail "the array job failed"; }
unsharded $SMALL_SIDE "$WORK/one-unsharded"
cmp <(concatenated "$WORK/one") "$WORK/one-unsharded/out/sweep.0.csv" || fail "the $SHARDS shards differ from the unsharded run"
say "array of $SHARDS tasks over $((SMALL_SIDE * SMALL_SIDE)) points: shards concatenated = unsharded run, byte for byte ($(( $(date +%s) - t )) s)"

# 2. Cancel one task mid-run, requeue it, and let --resume finish its file.
t=$(date +%s)
mkdir -p "$WORK/two/out"
job=$(cd "$WORK/two" && SHARDS=$SHARDS SIDE=$LARGE_SIDE sbatch --parsable --array=0-$((SHARDS - 1)) --cpus-per-task=1 "$JOB")
task="${job}_$CANCELLED_TASK"
file="$WORK/two/out/sweep.$CANCELLED_TASK.csv"
for _ in $(seq $((JOB_TIMEOUT_S * 20))); do
  [ -f "$file" ] && [ "$(wc -l <"$file")" -ge 2 ] && [ "$(squeue -h -j "$task" -o %T 2>/dev/null)" = RUNNING ] && break
  sleep 0.05
done
scancel "$task"
for _ in $(seq 100); do [ -z "$(squeue -h -j "$task" -o %T 2>/dev/null | grep -E 'RUNNING|COMPLETING')" ] && break; sleep 0.1; done
rows=$(wc -l <"$file")
expected=$(( (LARGE_SIDE * LARGE_SIDE + SHARDS - 1) / SHARDS ))
[ "$rows" -lt "$expected" ] || fail "task $CANCELLED_TASK finished before it could be cancelled ($rows rows)"
say "cancelled task $task mid-run with $rows of about $expected rows written"
# A cancelled array task is requeued in place when Slurm allows it, else resubmitted alone.
if scontrol requeue "$task" 2>/dev/null; then
  # Slurm holds a requeued job for about two minutes before it is eligible again: release it now.
  scontrol update JobId="$task" StartTime=now
  say "requeued $task"
else
  (cd "$WORK/two" && SHARDS=$SHARDS SIDE=$LARGE_SIDE sbatch --quiet --array=$CANCELLED_TASK --cpus-per-task=1 "$JOB" >/dev/null)
  say "resubmitted task $CANCELLED_TASK of the array"
fi
wait_for "$job"
for _ in $(seq $((JOB_TIMEOUT_S * 5))); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
unsharded $LARGE_SIDE "$WORK/two-unsharded"
cmp <(concatenated "$WORK/two") "$WORK/two-unsharded/out/sweep.0.csv" || fail "after the requeue the shards differ from the unsharded run"
say "array of $SHARDS tasks over $((LARGE_SIDE * LARGE_SIDE)) points with task $CANCELLED_TASK cancelled and resumed: = unsharded run, byte for byte ($(( $(date +%s) - t )) s)"
say "ok in $(( $(date +%s) - started )) s"
rm -rf "$WORK"
