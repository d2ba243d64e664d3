#!/usr/bin/env bash
# Installs what SeqGan.Research needs from Debian's packages, only what is missing.
# As root it runs apt-get; otherwise it prints the exact command to run and fails.
#   libtorch-dev        libtorch 1.13 (CPU) headers, libraries and CMake config — the tensor engine
#   libopenblas0-openmp multithreaded BLAS; without it libtorch uses the reference BLAS (17x slower linear layers)
#   cmake g++           build the native bridge (done by `dotnet build`)
#   python3-nbformat jupyter-nbconvert
#                       the notebook runner's tests check every executed notebook with Jupyter's own
#                       schema validation and HTML export (run by /usr/bin/python3)
# Extra groups: `bootstrap.sh --python` adds python3-torch (scripts/bench_python_reference.py) and
# python3-nltk (scripts/make_bleu_reference_cases.py, scripts/bench_bleu_nltk.py).
set -euo pipefail

packages=(libtorch-dev libopenblas0-openmp cmake g++ python3-nbformat jupyter-nbconvert)
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
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "bootstrap.sh: missing Debian packages. Run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "bootstrap.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
