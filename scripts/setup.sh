#!/usr/bin/env bash
# Installs what relu-lab needs on Debian 12, and only what is missing: the C++/wasm toolchain and
# Catch2 from apt, the npm dev dependencies from package-lock.json; with --browser also Chromium
# (browser tests and bench:page), with --fuzz clang and libFuzzer. Safe to run again; prints what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
want_fuzz=0
for arg in "$@"; do
  [ "$arg" = "--browser" ] && want_browser=1
  [ "$arg" = "--fuzz" ] && want_fuzz=1
done

need=()
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
command -v em++ >/dev/null || need+=(emscripten)
[ -f /usr/include/catch2/catch.hpp ] || need+=(catch2)
command -v clang-format >/dev/null || need+=(clang-format)
if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
# libFuzzer: Debian's clang and its runtime (the fuzzer and sanitizer archives).
if [ "$want_fuzz" = 1 ]; then
  command -v clang++ >/dev/null || need+=(clang)
  compgen -G '/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a' >/dev/null ||
    need+=(libclang-rt-14-dev)
fi

if [ "${#need[@]}" -gt 0 ]; then
  echo "setup: installing from apt: ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm ci when node_modules was not installed from this exact lock file: a stamp holds the
# lock's hash (comparing modification times reinstalled on every fresh checkout, and through a
# symlinked node_modules that wiped a folder other checkouts were using).
stamp=node_modules/.relu-lab-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
