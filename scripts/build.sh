#!/usr/bin/env bash
# Builds dist/: the page (web/), both wasm modules (SIMD128 and scalar) and vendored libraries.
# dist/ is self-contained: serve it from any static server (wasm as application/wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Emscripten's Debian package needs Node to find its acorn (TOOLCHAIN pitfall 1).
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
for preset in wasm-simd128 wasm-scalar; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" --target relu_lab_module -j"$jobs"
done
rm -rf dist
mkdir -p dist/vendor
cp -r web/. dist/
cp build/wasm-simd128/wasm/relu-lab-simd128.mjs build/wasm-simd128/wasm/relu-lab-simd128.wasm dist/
cp build/wasm-scalar/wasm/relu-lab-scalar.mjs build/wasm-scalar/wasm/relu-lab-scalar.wasm dist/
cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css dist/vendor/
echo "build: dist/ is ready ($(du -sh dist | cut -f1))"
