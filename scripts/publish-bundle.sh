#!/usr/bin/env bash
# Packs `seqgan` for a machine without the .NET SDK (typically a GPU box that has only a driver and
# PyTorch): a self-contained linux-x64 publish plus the bridge's C++ sources and a script that builds
# the bridge there against that machine's libtorch (e.g. PyTorch's CUDA build).
#   scripts/publish-bundle.sh [OUT]        (default out/seqgan-linux-x64)
# On the target:  cd OUT && ./build-bridge.sh && ./seqgan info      # should list cuda:0
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/seqgan-linux-x64}"
dotnet publish SeqGan.Research.Cli -c Release -r linux-x64 --self-contained -o "$out"
rm -rf "$out/native-src"
cp -r SeqGan.Research/Native "$out/native-src"
cat > "$out/build-bridge.sh" <<'SCRIPT'
#!/usr/bin/env bash
# Rebuilds libseqgan_native.so against this machine's libtorch. LIBTORCH defaults to the installed
# PyTorch's torch/ folder (include/, lib/, share/cmake/Torch); CMake reads its C++ ABI flag from there.
set -euo pipefail
cd "$(dirname "$0")"
export LIBTORCH="${LIBTORCH:-$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')}"
cmake -S native-src -B native-build -DCMAKE_BUILD_TYPE=Release
cmake --build native-build --parallel
cp native-build/libseqgan_native.so .
echo "bridge built against $LIBTORCH"
SCRIPT
chmod +x "$out/build-bridge.sh"
echo "bundle: $out ($(du -sh "$out" | cut -f1))"
