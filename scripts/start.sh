#!/usr/bin/env bash
# npm start: installs what is missing, builds dist/ and serves the page on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs --root dist --port "${PORT:-8000}"
