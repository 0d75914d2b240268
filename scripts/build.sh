#!/usr/bin/env bash
# Builds dist/: the JS library with both wasm modules (SIMD128 and scalar) in dist/js/, the page
# (web/, bundled by scripts/build-web.mjs) and the embeddable figure (scripts/build-embed.mjs).
# Usage: scripts/build.sh [dist]   (another folder than dist/ lets builds run side by side)
# dist/ is self-contained: serve it from any static server (wasm as application/wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Emscripten's Debian package needs Node to find its acorn (it looks for acorn there).
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
# RELU_LAB_WASM_FROM=<folder> takes the four module files (relu-lab-{simd128,scalar}.{mjs,wasm})
# from there instead of building them: page work in a second checkout need not rebuild core.
wasm_files=()
if [ -n "${RELU_LAB_WASM_FROM:-}" ]; then
  for name in relu-lab-simd128 relu-lab-scalar; do
    wasm_files+=("$RELU_LAB_WASM_FROM/$name.mjs" "$RELU_LAB_WASM_FROM/$name.wasm")
  done
else
  for preset in wasm-simd128 wasm-scalar; do
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --target relu_lab_module -j"$jobs"
    name=relu-lab-${preset#wasm-}
    wasm_files+=("build/$preset/wasm/$name.mjs" "build/$preset/wasm/$name.wasm")
  done
fi
dist=${1:-dist}
rm -rf "$dist"
mkdir -p "$dist/js"
# The JS library (js/, with both wasm builds next to its loader) goes to dist/js/, as it is.
cp js/*.mjs "${wasm_files[@]}" "$dist/js/"
# The page, at the site's root: web/'s entries bundled to the same paths.
node scripts/build-web.mjs "$dist"
# What authors embed: dist/embed/ (the element, minified), dist/relu-lab-figure.html (one file).
node scripts/build-embed.mjs "$dist"
echo "build: $dist/ is ready ($(du -sh "$dist" | cut -f1))"
