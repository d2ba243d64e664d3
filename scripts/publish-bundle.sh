#!/usr/bin/env bash
# Packs `seqgan` for a machine without the .NET SDK (typically a GPU box that has only a driver and PyTorch): a
# self-contained linux-x64 publish, the bridge's C++ sources and build-bridge.sh, which builds the bridge there against
# that machine's libtorch (e.g. PyTorch's CUDA build), the paper's oracle parameters when this checkout finds them
# (data/seqgan_oracle/, read through SEQGAN_DATA_MIRROR), and a .tar.gz of all of it beside the folder.
#   scripts/publish-bundle.sh [OUT]        (default out/seqgan-linux-x64; the archive is OUT.tar.gz)
# On the target:  tar xzf seqgan-linux-x64.tar.gz && seqgan-linux-x64/build-bridge.sh    # ends with `seqgan info`
#
# Trimmed where it is safe: resource satellites other than English (Roslyn ships 13 languages), symbols, XML docs, the
# crash-dump helper, and the bridge built here (it is rebuilt against the target's libtorch). Globalization is invariant,
# so the target needs no libicu (the kit formats numbers with the invariant culture throughout). Not trimmed: IL
# trimming would break the notebook kernel's Roslyn scripting (it compiles against the runtime's own assemblies) and
# reflection-based JSON, so the bundle stays a plain self-contained publish.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/seqgan-linux-x64}"
rm -rf "$out"
dotnet publish SeqGan.Research.Cli -c Release -r linux-x64 --self-contained -o "$out" \
  -p:InvariantGlobalization=true -p:SatelliteResourceLanguages=en -p:DebugType=none -p:DebugSymbols=false \
  -p:GenerateDocumentationFile=false >/dev/null
rm -f "$out"/*.pdb "$out"/*.xml "$out"/createdump "$out"/libseqgan_native.so
cp -r SeqGan.Research/Native "$out/native-src"
cp scripts/bundle/build-bridge.sh "$out/build-bridge.sh"
for candidate in ${SEQGAN_DATA_MIRROR:+"$SEQGAN_DATA_MIRROR/seqgan_oracle/target_params.safetensors"} \
                 data/cache/seqgan_oracle/target_params.safetensors ../shared/data/seqgan_oracle/target_params.safetensors; do
  if [ -n "$candidate" ] && [ -f "$candidate" ]; then
    mkdir -p "$out/data/seqgan_oracle"
    cp "$candidate" "$out/data/seqgan_oracle/target_params.safetensors"
    break
  fi
done
[ -f "$out/data/seqgan_oracle/target_params.safetensors" ] || echo "warning: the paper's oracle parameters were not found; the bundle will use the seeded random oracle" >&2
tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
echo "bundle: $out ($(du -sh "$out" | cut -f1)), archive $out.tar.gz ($(du -sh "$out.tar.gz" | cut -f1))"
