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
dist=${1:-dist}
# Each wasm build twice: the library's module (dist/js/) and the figure's (dist/embed/, under the
# same file names: wasm/CMakeLists.txt says what it leaves out).
# RELU_LAB_WASM_FROM=<dist> takes them from a built dist/ (another checkout's: its js/ and embed/
# relu-lab-{simd128,scalar}.{mjs,wasm}) instead of building them: page work in a second checkout
# need not rebuild core.
library_files=()
figure_files=()
if [ -n "${RELU_LAB_WASM_FROM:-}" ]; then
  if [ "$(realpath -m "$RELU_LAB_WASM_FROM")" = "$(realpath -m "$dist")" ]; then
    echo "build: RELU_LAB_WASM_FROM is the dist/ being rebuilt; copy it elsewhere first" >&2
    exit 1
  fi
  for name in relu-lab-simd128 relu-lab-scalar; do
    library_files+=("$RELU_LAB_WASM_FROM/js/$name.mjs" "$RELU_LAB_WASM_FROM/js/$name.wasm")
    figure_files+=("$RELU_LAB_WASM_FROM/embed/$name.mjs" "$RELU_LAB_WASM_FROM/embed/$name.wasm")
  done
else
  for preset in wasm-simd128 wasm-scalar; do
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --target relu_lab_module relu_lab_figure_module -j"$jobs"
    name=relu-lab-${preset#wasm-}
    library_files+=("build/$preset/wasm/$name.mjs" "build/$preset/wasm/$name.wasm")
    figure_files+=("build/$preset/wasm/figure/$name.mjs" "build/$preset/wasm/figure/$name.wasm")
  done
fi
# Checked before dist/ is removed: a missing file leaves the last build in place.
for file in "${library_files[@]}" "${figure_files[@]}"; do
  [ -f "$file" ] || { echo "build: $file is missing" >&2; exit 1; }
done
rm -rf "$dist"
mkdir -p "$dist/js" "$dist/embed"
# The JS library (js/, with both wasm builds next to its loader) goes to dist/js/, as it is.
cp js/*.mjs "${library_files[@]}" "$dist/js/"
# The figure's builds, which scripts/build-embed.mjs minifies in place and inlines.
cp "${figure_files[@]}" "$dist/embed/"
# The page, at the site's root: web/'s entries bundled to the same paths.
node scripts/build-web.mjs "$dist"
# What authors embed: dist/embed/ (the element, minified), dist/relu-lab-figure.html (one file).
node scripts/build-embed.mjs "$dist"
echo "build: $dist/ is ready ($(du -sh "$dist" | cut -f1))"
