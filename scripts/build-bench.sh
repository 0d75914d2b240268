#!/usr/bin/env bash
# Builds the benchmarks for `npm run bench:kernels` and `bench:train`: kernels_bench and
# train_bench natively (native-release, g++ -O3, no sanitizers) and under Emscripten
# (wasm-simd128, wasm-scalar). Runs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Emscripten's Debian package needs Node to find its acorn (it looks for acorn there).
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
for preset in native-release wasm-simd128 wasm-scalar; do
  echo "build-bench: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" --target kernels_bench train_bench -j"$jobs" >/dev/null
done
