#!/usr/bin/env bash
# Installs what SeqGan.Research needs, only what is missing: Debian packages (as root; otherwise it
# prints the exact apt-get line to run and fails), then plotly.js from npm at the repository root.
#   libtorch-dev        libtorch 1.13 (CPU) headers, libraries and CMake config — the tensor engine
#   libopenblas0-openmp multithreaded BLAS; without it libtorch uses the reference BLAS (17x slower linear layers)
#   cmake g++           build the native bridge (done by `dotnet build`)
#   python3-nbformat jupyter-nbconvert
#                       the notebook runner's tests check every executed notebook with Jupyter's own
#                       schema validation and HTML export (run by /usr/bin/python3)
#   libzmq5 python3-jupyter-client
#                       ZeroMQ, which `seqgan kernel` (the Jupyter kernel) speaks through, and the Jupyter client its
#                       tests drive it with (nbconvert executes notebooks on it)
#   chromium            headless browser that renders figures to PNG (Figure.SavePng, notebook outputs)
#   fonts-dejavu-core   a sans-serif font for the figures' text, so PNGs look the same on every machine
#   nodejs npm          only when `npm` is missing: installs plotly.js (package.json, pinned in package-lock.json)
#   slurm-wlm munge     Slurm (slurmctld, slurmd, sbatch, squeue, scontrol) and its authentication daemon: the sweep
#                       tests run `seqgan sweep --backend slurm` on a one-node cluster (scripts/slurm-local-cluster.sh)
# Then the dotnet tools of .config/dotnet-tools.json (`dotnet tool restore`): .NET Interactive, pinned, whose Jupyter
# kernel (.net-csharp) the tests run every notebook under beside the kit's own.
# Extra groups: `bootstrap.sh --python` adds python3-torch (scripts/bench_python_reference.py) and
# python3-nltk (scripts/make_bleu_reference_cases.py, scripts/bench_bleu_nltk.py).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libtorch-dev libopenblas0-openmp cmake g++ python3-nbformat jupyter-nbconvert libzmq5 python3-jupyter-client chromium fonts-dejavu-core slurm-wlm munge)
for arg in "$@"; do
  case "$arg" in
    --python) packages+=(python3-torch python3-nltk) ;;
    *) echo "bootstrap.sh: unknown option '$arg' (known: --python)" >&2; exit 2 ;;
  esac
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "bootstrap.sh: the .NET 10 SDK is required (dotnet not on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A Node.js from elsewhere (NodeSource, nvm) brings its own npm; Debian's npm would conflict with it.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap.sh: missing Debian packages. Run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "bootstrap.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# plotly.js: `npm ci` installs exactly package-lock.json's version into node_modules/ (git-ignored).
# Skipped when that version is already there, so the usual run stays offline and instant.
locked=$(node -p "require('./package-lock.json').packages['node_modules/plotly.js-dist-min'].version")
installed=$(node -p "try { require('./node_modules/plotly.js-dist-min/package.json').version } catch (e) { '' }")
if [ "$locked" != "$installed" ] || [ ! -f node_modules/plotly.js-dist-min/plotly.min.js ]; then
  echo "bootstrap.sh: npm ci (plotly.js-dist-min $locked)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

# .NET Interactive (Microsoft.dotnet-interactive, pinned in .config/dotnet-tools.json): restored into the NuGet cache,
# offline when it is already there. The tests install its kernelspec into a temporary JUPYTER_PATH themselves.
dotnet tool restore --verbosity quiet >/dev/null || { echo "bootstrap.sh: dotnet tool restore failed (.config/dotnet-tools.json)" >&2; exit 1; }
