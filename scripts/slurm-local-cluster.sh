#!/usr/bin/env bash
# A one-node Slurm cluster on localhost for the sweep tests (Debian 12's slurm-wlm 22.05 + munge, installed by
# scripts/bootstrap.sh). Everything lives in one folder (config, munge key and socket, state, logs, pid files): the
# machine's /etc/slurm and /etc/munge are not touched, and clients reach this cluster through SLURM_CONF.
#   slurm-local-cluster.sh start DIR   writes DIR/slurm.conf and a munge key, starts munged, slurmctld and slurmd,
#                                      waits until the node is idle; prints `export SLURM_CONF=DIR/slurm.conf`
#   slurm-local-cluster.sh stop DIR    stops the three daemons (by their pid files in DIR), never by name
# Container-friendly settings: no cgroups (proctrack/linuxproc, task/none), no accounting daemon, SlurmdUser=root.
set -euo pipefail

action=${1:-}
dir=${2:-}
if [[ -z "$action" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

stop_pidfile() {
  local file=$1
  [[ -f "$file" ]] || return 0
  local pid
  pid=$(cat "$file" 2>/dev/null || true)
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

if [[ "$action" == stop ]]; then
  stop_pidfile "$dir/slurmd.pid"
  stop_pidfile "$dir/slurmctld.pid"
  stop_pidfile "$dir/munged.pid"
  exit 0
fi
if [[ "$action" != start ]]; then
  echo "$0: unknown action '$action' (expected start or stop)" >&2
  exit 2
fi

for program in munged slurmctld slurmd sbatch sinfo; do
  if ! command -v "$program" >/dev/null 2>&1; then
    echo "$0: $program not found: install slurm-wlm and munge (scripts/bootstrap.sh)" >&2
    exit 3
  fi
done

node=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
# Ports from the folder's name hash, so two clusters of two test runs do not collide.
base=$(( 20000 + $(printf '%s' "$dir" | cksum | cut -d' ' -f1) % 20000 ))
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 700 "$dir/munge"

cat > "$dir/slurm.conf" <<EOF
ClusterName=seqgan-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$base
SlurmdPort=$(( base + 1 ))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire: a requeued job waits cred_expire + 1 s before it may start again (default 120 s; 10 s keeps the tests short).
AuthInfo=socket=$dir/munge/munge.socket,cred_expire=10
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=600
MaxArraySize=10001
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF

# A fresh key per cluster; munged refuses a key readable by others.
if [[ ! -f "$dir/munge/munge.key" ]]; then
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$dir/munge/munge.key"
fi
munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/munge.seed"

export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"

# The node registers within a few seconds; ReturnToService=2 brings it up from UNKNOWN.
for _ in $(seq 1 60); do
  state=$(sinfo -h -n "$node" -o '%T' 2>/dev/null | head -1 || true)
  if [[ "$state" == idle* ]]; then
    echo "export SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.5
done
echo "$0: the node did not become idle within 30 s (state '${state:-none}'); see $dir/slurmctld.log and $dir/slurmd.log" >&2
tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 2>/dev/null || true
exit 4
