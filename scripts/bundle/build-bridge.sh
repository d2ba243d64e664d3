#!/usr/bin/env bash
# Builds libseqgan_native.so in this bundle against this machine's libtorch, then checks that it loads.
#   ./build-bridge.sh [--direct]
# LIBTORCH: a libtorch folder (include/, lib/, share/cmake/Torch). Default: the torch/ folder of the PyTorch that
# ${PYTHON:-python3} imports; without one, the system libtorch (Debian's libtorch-dev). The C++ ABI flag
# (_GLIBCXX_USE_CXX11_ABI) is read from that libtorch's TorchConfig.cmake and, when PyTorch is there, checked
# against torch._C._GLIBCXX_USE_CXX11_ABI.
# The bridge uses only ATen's CPU-side headers (CUDA is reached through libtorch's dispatcher and loaded at run
# time), so when CMake cannot configure a CUDA libtorch (missing nvtx3, cuDNN, toolkit paths), or with --direct, it
# is compiled with g++ directly against the include/ and lib/ folders.
set -euo pipefail
cd "$(dirname "$0")"
direct=0
[ "${1:-}" = "--direct" ] && direct=1
python="${PYTHON:-python3}"
if [ -z "${LIBTORCH:-}" ] && command -v "$python" >/dev/null 2>&1; then
  LIBTORCH="$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null || true)"
fi
if [ -n "${LIBTORCH:-}" ]; then
  config="$LIBTORCH/share/cmake/Torch/TorchConfig.cmake"
  [ -f "$config" ] || { echo "build-bridge: LIBTORCH=$LIBTORCH has no share/cmake/Torch/TorchConfig.cmake" >&2; exit 2; }
  include_dirs=("$LIBTORCH/include" "$LIBTORCH/include/torch/csrc/api/include")
  lib_dir="$LIBTORCH/lib"
  export LIBTORCH
else
  config="$(ls /usr/lib/*/cmake/Torch/TorchConfig.cmake /usr/share/cmake/Torch/TorchConfig.cmake 2>/dev/null | head -1 || true)"
  [ -n "$config" ] || { echo "build-bridge: no libtorch: set LIBTORCH, or PYTHON to a python with torch, or install libtorch-dev" >&2; exit 2; }
  include_dirs=(/usr/include/torch/csrc/api/include)   # /usr/include itself is searched already (as -isystem it breaks #include_next)
  lib_dir="$(dirname "$(dirname "$(dirname "$config")")")"
fi
abi="$(grep -o '_GLIBCXX_USE_CXX11_ABI=[01]' "$config" | head -1 | cut -d= -f2 || true)"
abi="${abi:-1}"
if [ -n "${LIBTORCH:-}" ] && command -v "$python" >/dev/null 2>&1; then
  python_abi="$("$python" -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))' 2>/dev/null || true)"
  if [ -n "$python_abi" ] && [ "$python_abi" != "$abi" ]; then
    echo "build-bridge: TorchConfig.cmake says _GLIBCXX_USE_CXX11_ABI=$abi but torch._C says $python_abi" >&2; exit 2
  fi
fi
version="$(grep -o 'PACKAGE_VERSION "[^"]*"' "$(dirname "$config")/TorchConfigVersion.cmake" | cut -d'"' -f2 || echo unknown)"
if [ -n "${LIBTORCH:-}" ] && command -v "$python" >/dev/null 2>&1; then
  version="$("$python" -c 'import torch; print(torch.__version__)' 2>/dev/null || echo "$version")"
fi
jobs="$(nproc 2>/dev/null || echo 4)"
echo "build-bridge: libtorch ${LIBTORCH:-$lib_dir (system)} version $version, _GLIBCXX_USE_CXX11_ABI=$abi, $jobs jobs"

build_direct() {
  echo "build-bridge: compiling with g++ directly"
  rm -rf native-direct && mkdir -p native-direct
  local includes=()
  for d in "${include_dirs[@]}"; do includes+=(-isystem "$d"); done
  local flags=(-std=c++17 -O2 -fPIC -fvisibility=hidden -Wall -Wextra -Wno-unused-parameter
    "-D_GLIBCXX_USE_CXX11_ABI=$abi" "-DSG_TORCH_VERSION=\"$version\"" "${includes[@]}")
  local pids=() source
  for source in native-src/*.cpp; do
    local extra=()
    case "$(basename "$source")" in
      bridge_fused_sampling.cpp) extra=(-fno-trapping-math) ;;
      bridge_optim.cpp) extra=(-fno-math-errno) ;;
    esac
    g++ "${flags[@]}" "${extra[@]}" -c "$source" -o "native-direct/$(basename "$source" .cpp).o" &
    pids+=($!)
    if [ "${#pids[@]}" -ge "$jobs" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  local libs=(-ltorch -ltorch_cpu -lc10)
  [ -f "$lib_dir/libtorch_cuda.so" ] && libs+=(-Wl,--no-as-needed -ltorch_cuda -Wl,--as-needed)
  g++ -shared -o native-direct/libseqgan_native.so native-direct/*.o -L"$lib_dir" "-Wl,-rpath,$lib_dir" "${libs[@]}" -ldl
  cp native-direct/libseqgan_native.so .
}

build_cmake() {
  local generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  rm -rf native-build
  TORCH_CUDA_ARCH_LIST="${TORCH_CUDA_ARCH_LIST:-9.0}" cmake -S native-src -B native-build "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=-D_GLIBCXX_USE_CXX11_ABI=$abi" &&
    cmake --build native-build --parallel "$jobs" &&
    cp native-build/libseqgan_native.so .
}

if [ "$direct" = 1 ]; then
  build_direct
elif ! build_cmake; then
  echo "build-bridge: CMake could not build against this libtorch; falling back to g++ directly" >&2
  build_direct
fi
echo "build-bridge: built libseqgan_native.so against ${LIBTORCH:-the system libtorch} $version"
./seqgan info
