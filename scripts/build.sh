#!/usr/bin/env bash
# Builds dist/: the page (web/), both wasm modules (SIMD128 and scalar), vendored libraries and
# the embeddable figure (scripts/build-embed.mjs).
# dist/ is self-contained: serve it from any static server (wasm as application/wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Emscripten's Debian package needs Node to find its acorn (it looks for acorn there).
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
for preset in wasm-simd128 wasm-scalar; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" --target relu_lab_module -j"$jobs"
done
rm -rf dist
mkdir -p dist/vendor dist/js
# The JS library (js/, with both wasm builds next to its loader) goes to dist/js/; the page
# (web/) to dist/ itself, so the page's address is the site's root. In the source tree page
# modules import the library as '../js/...'; in dist/ that folder is './js/'.
cp js/*.mjs dist/js/
cp build/wasm-simd128/wasm/relu-lab-simd128.mjs build/wasm-simd128/wasm/relu-lab-simd128.wasm dist/js/
cp build/wasm-scalar/wasm/relu-lab-scalar.mjs build/wasm-scalar/wasm/relu-lab-scalar.wasm dist/js/
cp -r web/. dist/
sed -i "s#from '\.\./js/#from './js/#" dist/*.js
if grep -l "'\.\./js/" dist/*.js; then echo "build: a page module still imports ../js/" >&2; exit 1; fi
cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css dist/vendor/
# What authors embed: dist/embed/ (the element, minified), dist/relu-lab-figure.html (one file).
node scripts/build-embed.mjs dist
# The animation encoder (GIF, video): loaded by the page only when an export starts.
node scripts/build-export.mjs dist
echo "build: dist/ is ready ($(du -sh dist | cut -f1))"
