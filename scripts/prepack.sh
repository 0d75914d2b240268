#!/usr/bin/env bash
# npm pack / npm publish run this first: builds dist/ (scripts/build.sh: both wasm builds, the
# library, the embed, the single file) and refuses to pack if a file the package's "exports" or
# "files" name is missing, so a tarball from a clean checkout always runs.
# RELU_LAB_WASM_FROM=<dist> is passed on to build.sh (another dist/'s wasm modules, no core build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
node scripts/check-package.mjs
