#!/usr/bin/env bash
# The kit against the PyTorch peer (williamSYSU/TextGAN-PyTorch's SeqGAN), interleaved in one sitting.
# Usage: scripts/bench-vs-peer.sh PEER_DIR [OUT_DIR]
#   PEER_DIR  a work tree of williamSYSU/TextGAN-PyTorch at 7ff8909e (shared/peer-textgan/README.md says how)
#   OUT_DIR   where the raw JSON of every run and table.md go (default out/bench-vs-peer-<UTC time>)
# Env: ROUNDS (default 3)   kit, peer, kit, peer, ... — one sample of every workload from each per round
#      KIT_RUNS, PEER_REPS  timed repetitions inside one kit / peer process (default 1; the median is used)
#      THREADS (default 2)  for both: torch threads, OMP_NUM_THREADS, OPENBLAS_NUM_THREADS
#      PEER_DRIVER          the folder of bench_peer_seqgan.py and run.sh (default: shared/peer-textgan beside
#                           or above the repository)
# The machine's OPENBLAS_CORETYPE, if any, is left as it is and printed.
# Prints the ratio table (peer time / kit time per round: median and min–max) and writes it to OUT_DIR/table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if [ $# -lt 1 ] || [ ! -f "$1/models/SeqGAN_G.py" ]; then
    echo "usage: $0 PEER_DIR [OUT_DIR]   (PEER_DIR = a TextGAN-PyTorch checkout with models/SeqGAN_G.py)" >&2
    exit 2
fi
peer=$(cd "$1" && pwd)
out=${2:-out/bench-vs-peer-$(date -u +%Y%m%dT%H%M%SZ)}
rounds=${ROUNDS:-3}
threads=${THREADS:-2}
case "$rounds" in ''|*[!0-9]*|0) echo "ROUNDS must be a positive integer, got '$rounds'" >&2; exit 2 ;; esac

driver=${PEER_DRIVER:-}
if [ -z "$driver" ]; then
    for candidate in "$repo/shared/peer-textgan" "$repo/../shared/peer-textgan" "$repo/../../shared/peer-textgan"; do
        if [ -f "$candidate/run.sh" ]; then driver=$(cd "$candidate" && pwd); break; fi
    done
fi
if [ -z "$driver" ] || [ ! -f "$driver/run.sh" ]; then
    echo "the peer driver (shared/peer-textgan/run.sh) was not found; set PEER_DRIVER=DIR" >&2
    exit 2
fi
python=/usr/bin/python3
"$python" -c 'import torch, nltk' 2>/dev/null || {
    echo "$python lacks torch or nltk: run scripts/bootstrap.sh --python" >&2; exit 2; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
echo "building the kit (Release)" >&2
dotnet build -c Release SeqGan.Research.Cli -v q -nologo >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
kit=SeqGan.Research.Cli/bin/Release/net10.0/seqgan

export SEQGAN_NUM_THREADS=$threads
"$python" "$repo/scripts/bench_vs_peer_table.py" --describe-machine "$peer" >"$out/machine.json"
for round in $(seq 1 "$rounds"); do
    echo "round $round/$rounds: kit" >&2
    OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads "$kit" bench --suite seqgan --runs "${KIT_RUNS:-1}" \
        --json "$out/kit-$round.json" >"$out/kit-$round.txt" 2>&1 || { cat "$out/kit-$round.txt" >&2; exit 1; }
    echo "round $round/$rounds: peer" >&2
    REPS=${PEER_REPS:-1} THREADS=$threads PYTHON=$python "$driver/run.sh" "$peer" --only a,b,c,d \
        --json "$out/peer-$round.json" >"$out/peer-$round.txt" 2>&1 || { cat "$out/peer-$round.txt" >&2; exit 1; }
done
"$python" "$repo/scripts/bench_vs_peer_table.py" "$out" | tee "$out/table.md"
