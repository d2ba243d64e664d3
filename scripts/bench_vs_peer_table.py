#!/usr/bin/env python3
"""The ratio table of scripts/bench-vs-peer.sh: peer time / kit time per interleaved round, median and range.

  bench_vs_peer_table.py OUT_DIR                     reads machine.json, kit-N.json, peer-N.json; prints markdown
  bench_vs_peer_table.py --describe-machine PEER_DIR  prints the sitting's machine facts as JSON
"""
import ctypes
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

# (label, kit key, peer key, target speed-up): issue 19's targets.
WORKLOADS = [
    ("MLE epoch (10,000 sequences, batch 64)", "mle_epoch", "a_mle_epoch", 2.0),
    ("discriminator epoch (10k real + 10k generated, batch 64)", "discriminator_epoch", "c_dis_epoch", 2.0),
    ("adversarial generator step (64 × 19 prefixes × 16 rollouts + PG update)", "adversarial_step", "b_adv_step", 8.0),
    ("sampling 10,000 sequences", "sample_10k", "d_sample_10k", 15.0),
    ("one paper iteration (1 G step + 5 × (10k samples + 3 D epochs))", "paper_iteration", None, 2.5),
]


def describe_machine(peer_dir):
    def run(*cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None
    model = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
    flags = next((l.split(':', 1)[1].split() for l in open('/proc/cpuinfo') if l.startswith('flags')), [])
    openblas_core = None
    for path in glob.glob('/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas*.so*'):
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            openblas_core = lib.openblas_get_corename().decode()
            break
        except (OSError, AttributeError):
            continue
    status = run('git', 'status', '--porcelain', '--untracked-files=no')
    return {
        'date_utc': time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime()),
        'cpus': os.cpu_count(),
        'cpu_model': model,
        'avx512': sorted(f for f in flags if f.startswith('avx512')),
        'load_average_at_start': open('/proc/loadavg').read().split()[:3],
        'OPENBLAS_CORETYPE': os.environ.get('OPENBLAS_CORETYPE'),
        'openblas_core': openblas_core,
        'kit_commit': (run('git', 'rev-parse', '--short', 'HEAD') or '?') + (' (with uncommitted changes)' if status else ''),
        'peer_commit': run('git', '-C', peer_dir, 'rev-parse', 'HEAD') or 'unknown (not a git work tree)',
    }


def spread(values):
    return statistics.median(values), min(values), max(values)


def fmt_range(values, digits=3):
    med, lo, hi = spread(values)
    if len(values) == 1:
        return f"{med:.{digits}g}"
    return f"{med:.{digits}g} ({lo:.{digits}g}–{hi:.{digits}g})"


def table(out_dir):
    machine = json.load(open(os.path.join(out_dir, 'machine.json')))
    rounds = sorted(int(m.group(1)) for f in os.listdir(out_dir) if (m := re.fullmatch(r'kit-(\d+)\.json', f)))
    rounds = [r for r in rounds if os.path.exists(os.path.join(out_dir, f'peer-{r}.json'))]
    if not rounds:
        sys.exit(f'{out_dir}: no round with both kit-N.json and peer-N.json')
    kit = [{r['Key']: r for r in json.load(open(os.path.join(out_dir, f'kit-{n}.json'))) if r.get('Key')} for n in rounds]
    peer = [json.load(open(os.path.join(out_dir, f'peer-{n}.json'))) for n in rounds]

    def peer_seconds(p, key):
        if key is not None:
            return p[key]['median_s']
        # the paper iteration, composed as the kit composes it
        return p['b_adv_step']['median_s'] + 5 * (p['d_sample_10k']['median_s'] + 3 * p['c_dis_epoch']['median_s'])

    peak = [max(k[key]['FlopsPerSecond'] for key in ('peak_gemm', 'peak_conv')) for k in kit]
    load_end = open('/proc/loadavg').read().split()[:3]
    flags = machine['avx512']
    avx512 = ('AVX-512' + (' with BF16' if 'avx512_bf16' in flags else '')) if 'avx512f' in flags else 'no AVX-512'
    lines = [
        f"Kit vs peer, interleaved (kit, peer, kit, peer, …), {len(rounds)} round(s), "
        f"{machine['date_utc']} UTC to {time.strftime('%H:%M:%S', time.gmtime())}",
        "",
        f"Machine: {machine['cpus']} × {machine['cpu_model']} ({avx512}); "
        f"OpenBLAS core {machine['openblas_core']} (OPENBLAS_CORETYPE={machine['OPENBLAS_CORETYPE'] or 'unset'}); "
        f"load average {' '.join(machine['load_average_at_start'])} at the start, {' '.join(load_end)} at the end. "
        f"Kit {machine['kit_commit']}; peer {machine['peer_commit'][:10]}. "
        f"Machine peak measured by the kit's bench (best of a 2048³ GEMM and a large conv1d): {fmt_range([p / 1e9 for p in peak])} GFLOP/s.",
        "",
        "| workload | peer (s) | kit (s) | kit GFLOP | kit GFLOP/s (of peak) | kit's speed-up, median (min–max) | per round | target | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, kit_key, peer_key, target in WORKLOADS:
        peer_times = [peer_seconds(p, peer_key) for p in peer]
        kit_times = [k[kit_key]['Median'] for k in kit]
        ratios = [p / k for p, k in zip(peer_times, kit_times)]
        rates = [k[kit_key]['FlopsPerSecond'] / 1e9 for k in kit]
        shares = [100 * k[kit_key]['FlopsPerSecond'] / pk for k, pk in zip(kit, peak)]
        med_ratio = statistics.median(ratios)
        lines.append(
            f"| {label} | {fmt_range(peer_times)} | {fmt_range(kit_times)} | {kit[0][kit_key]['Flops'] / 1e9:.0f} | "
            f"{statistics.median(rates):.0f} ({statistics.median(shares):.0f}%) | **{med_ratio:.2f}×** "
            f"({min(ratios):.2f}–{max(ratios):.2f}) | {' '.join(f'{r:.2f}' for r in ratios)} | ≥ {target:g}× | "
            f"{'yes' if med_ratio >= target else 'no'} |")
    lines += ["", "Speed-up = peer seconds / kit seconds within the same round; the range is over rounds. "
              "The peer's paper iteration is composed from its own (b), (c), (d) as the kit's is: b + 5 × (d + 3 c)."]
    return "\n".join(lines)


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--describe-machine':
        print(json.dumps(describe_machine(sys.argv[2]), indent=1))
    elif len(sys.argv) == 2:
        print(table(sys.argv[1]))
    else:
        sys.exit(__doc__)
