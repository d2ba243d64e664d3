#!/usr/bin/env bash
# The one command of a GPU visit (issue 18): unpack the bundle, build the bridge against the machine's PyTorch, run
# the self-check, measure the step costs, then Table 1 and Figure 2 of the paper's preset with as many seeds as the
# measured speed fits in the time budget (at least one; seeds run as concurrent processes), writing at most 8 files:
#   OUTDIR/run-log.txt       GPU model, libtorch, self-check, profile, progress lines, wall time per phase, utilisation
#   OUTDIR/table1.md, table1.csv, figure2-curves.csv, results.json, figure2.png, table1.png (PNGs only where Chromium
#     exists; elsewhere `seqgan reproduce table1 --preset paper --from-results OUTDIR/results.json --out DIR` draws them)
#   OUTDIR/gpu-dmon.csv      `nvidia-smi dmon` samples during the training run (only with nvidia-smi)
#
#   scripts/gpu-run.sh OUTDIR [--device cuda|cpu] [--smoke] [--budget SECONDS] [--deadline SECONDS] [--seeds N] [--bundle ARCHIVE] [--seqgan COMMAND]
#
# --budget: seconds for the training run (default 420; 90 with --smoke), cut so that the whole script ends within
#   --deadline seconds of its start (default 560: one command may run 10 minutes on the GPU machine).
# --smoke: the smoke preset and a 90 s budget (the CPU rehearsal: `scripts/gpu-run.sh out/rehearsal --device cpu --smoke`).
# --bundle: the archive scripts/publish-bundle.sh made (default out/seqgan-linux-x64.tar.gz, carried to the GPU machine).
# --seeds: run exactly N seeds instead of as many as the profile says fit.
# --seqgan: use this seqgan command instead of a bundle (no unpacking or bridge build; the tests use it).
# A training run still going when the budget ends is stopped with SIGINT (it checkpoints); the log then says how far
# each method got. Everything optional (nvidia-smi, Chromium) is skipped with a note when absent.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: scripts/gpu-run.sh OUTDIR [--device cuda|cpu] [--smoke] [--budget SECONDS] [--deadline SECONDS] [--seeds N] [--bundle ARCHIVE] [--seqgan COMMAND]" >&2; exit 2; }
out="$1"; shift
device=cuda preset=paper budget="" deadline="" fixed_seeds="" bundle="$repo/out/seqgan-linux-x64.tar.gz" seqgan=""
while [ $# -gt 0 ]; do
  case "$1" in
    --device) device="$2"; shift 2 ;;
    --smoke) preset=smoke; shift ;;
    --budget) budget="$2"; shift 2 ;;
    --seeds) fixed_seeds="$2"; shift 2 ;;
    --deadline) deadline="$2"; shift 2 ;;
    --bundle) bundle="$2"; shift 2 ;;
    --seqgan) seqgan="$2"; shift 2 ;;
    *) echo "gpu-run: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$budget" ] || { [ "$preset" = smoke ] && budget=90 || budget=420; }
[ -n "$deadline" ] || deadline=560
mkdir -p "$out"
out="$(cd "$out" && pwd)"
log="$out/run-log.txt"
: > "$log"
work="$(mktemp -d "${TMPDIR:-/tmp}/seqgan-gpu-run.XXXXXX")"
started=$(date +%s)
phase_start=$started

say() { echo "$*" | tee -a "$log"; }
phase_done() { local now; now=$(date +%s); say "== phase $1: $((now - phase_start)) s"; phase_start=$now; }
finish() { say "== total wall time: $(( $(date +%s) - started )) s"; say "== files: $(ls "$out" | tr '\n' ' ')"; rm -rf "$work"; exit "$1"; }

say "gpu-run: $(date -u +%FT%TZ), device $device, preset $preset, training budget $budget s, deadline $deadline s, host $(hostname), $(nproc) cores"
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | sed 's/^/gpu: /' | tee -a "$log"
else
  say "gpu: nvidia-smi not found"
fi

# ---- unpack and build the bridge ----
if [ -z "$seqgan" ]; then
  [ -f "$bundle" ] || { say "gpu-run: no bundle at $bundle (make it with scripts/publish-bundle.sh)"; finish 2; }
  tar -C "$work" -xzf "$bundle" || { say "gpu-run: could not unpack $bundle"; finish 2; }
  bundle_dir="$(ls -d "$work"/*/ | head -1)"
  phase_done unpack
  for candidate in "${PYTHON:-}" /opt/torch/.venv/bin/python3 python3; do
    if [ -n "$candidate" ] && "$candidate" -c 'import torch' >/dev/null 2>&1; then export PYTHON="$candidate"; break; fi
  done
  say "python with torch: ${PYTHON:-none (building against the system libtorch)}"
  if ! "$bundle_dir/build-bridge.sh" >>"$log" 2>&1; then say "gpu-run: the bridge did not build (see above)"; finish 3; fi
  phase_done build-bridge
  seqgan="$bundle_dir/seqgan"
  export SEQGAN_DATA_MIRROR="${SEQGAN_DATA_MIRROR:-$bundle_dir/data}"
fi
read -r -a run <<<"$seqgan"
"${run[@]}" info >>"$log" 2>&1

# ---- self-check and profile ----
say "== selftest"
if ! "${run[@]}" selftest --device "$device" 2>&1 | tee -a "$log"; then say "gpu-run: the self-check failed; not training"; finish 4; fi
phase_done selftest
steps=200; [ "$preset" = smoke ] && steps=5
"${run[@]}" profile --preset "$preset" --device "$device" --steps "$steps" >"$work/profile.txt" 2>>"$log"
cat "$work/profile.txt" >>"$log"
phase_done profile
seed_seconds="$(awk '/^seed-seconds/ {print $2}' "$work/profile.txt")"
remaining=$(( deadline - 40 - ($(date +%s) - started) ))   # 40 s for stopping, merging and copying
[ "$remaining" -gt "$budget" ] && remaining=$budget
[ "$remaining" -lt 30 ] && remaining=30
seeds=1
if [ -n "$seed_seconds" ] && [ "$seed_seconds" -gt 0 ]; then seeds=$(( remaining / seed_seconds )); fi
[ "$seeds" -lt 1 ] && seeds=1
[ "$seeds" -gt 5 ] && seeds=5
[ -n "$fixed_seeds" ] && seeds="$fixed_seeds"
say "== table1: estimated ${seed_seconds:-?} s per seed, $remaining s left: $seeds seed(s), as concurrent processes"

# ---- Table 1 and Figure 2 ----
dmon_pid=""
if command -v nvidia-smi >/dev/null 2>&1; then
  TZ=UTC nvidia-smi dmon -s u -o T -d 1 -f "$out/gpu-dmon.csv" >/dev/null 2>&1 &
  dmon_pid=$!
fi
timeout --signal=INT --kill-after=30 "$remaining" "${run[@]}" reproduce table1 --preset "$preset" --seeds "$seeds" --parallel "$seeds" \
  --device "$device" --out "$work/table1" >>"$log" 2>&1
status=$?
[ -n "$dmon_pid" ] && kill "$dmon_pid" 2>/dev/null
case $status in
  0) say "table1: finished" ;;
  124|130) say "table1: stopped by the $remaining s budget (checkpointed); the progress lines above show how far each method got" ;;
  *) say "table1: failed with exit code $status (see above)" ;;
esac
phase_done table1
for file in table1.md table1.csv figure2-curves.csv timings.csv results.json figure2.png table1.png; do
  [ -f "$work/table1/$file" ] && cp "$work/table1/$file" "$out/"
done
[ -f "$out/table1.md" ] && cat "$out/table1.md" >>"$log"
# A stopped run has no table: say from its checkpoints how far each session got, and keep the curves they saved.
if [ ! -f "$out/table1.csv" ] && command -v python3 >/dev/null 2>&1; then
  python3 - "$work/table1" "$out/figure2-curves.csv" <<'PY' 2>&1 | tee -a "$log"
import glob, json, os, sys
rows = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "state.json"), recursive=True)):
    state = json.load(open(path))["state"]
    # Curve points are (method, seed, phase, epoch, metric, value); Table 1's metric is NLL-oracle.
    curve = [p for p in state.get("curve", []) if p.get("metric") == "NLL-oracle"]
    last = curve[-1] if curve else None
    print(f"progress at stop: {os.path.relpath(os.path.dirname(path), sys.argv[1])}: phase {state.get('phase')} step {state.get('step')}, "
          f"done {','.join(state.get('completedPhases', []))}"
          + (f"; last NLL-oracle {last['value']:.4f} ({last['method']} epoch {last['epoch']})" if last else ""))
    rows += curve
if rows:
    with open(sys.argv[2], "w") as f:
        f.write("method,seed,phase,epoch,nll_oracle\n")
        for p in rows: f.write(f"{p['method']},{p['seed']},{p['phase']},{p['epoch']},{p['value']!r}\n")
    print(f"partial curves (checkpointed points only): {sys.argv[2]}")
else:
    print("progress at stop: no checkpoint was written")
PY
fi

# ---- utilisation while the discriminator trained (from the first SeqGAN d-pretrain line on) ----
if [ -s "$out/gpu-dmon.csv" ]; then
  d_start="$(grep -m1 -o '^\[seed [0-9]*\] \[[0-9:]*\] SeqGAN d-pretrain\|^\[[0-9:]*\] SeqGAN d-pretrain' "$log" | grep -o '[0-9][0-9]:[0-9][0-9]:[0-9][0-9]' | head -1)"
  awk -v from="${d_start:-00:00:00}" '!/^#/ && NF >= 3 && $1 >= from { sm += $3; n++ } END { if (n) printf "gpu utilisation (nvidia-smi dmon sm%%) from %s: mean %.1f%% over %d samples\n", from, sm / n, n; else print "gpu utilisation: no dmon samples in the D phase" }' \
    "$out/gpu-dmon.csv" | tee -a "$log"
fi
finish $(( status == 0 ? 0 : 5 ))
