#!/usr/bin/env bash
# npm test: installs what is missing, then builds and runs every suite — lint, the Catch2 tests
# natively (ASan + UBSan) and under Node for both wasm builds, a short fuzzing run, the JS library
# tests, the Node tests of page modules, the browser tests and the packed package's tests — and
# ends with one line "N passed, M failed" counting every test run.
# Usage: scripts/test.sh [suite...]   suites: lint core fuzz js web browser package (default: all);
# `core` takes presets after it (scripts/test.sh core native), as `npm run test:core -- native`.
# A stage that fails is counted and the others still run; the exit code is 1 if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
logs=build/test-logs
mkdir -p "$logs"
passed=0
failed=0

# A stage that is not a test runner (lint, a build) counts as one test.
run_step() {
  local name=$1; shift
  echo "== $name"
  if "$@" >"$logs/$name.log" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAILED: $name"; tail -40 "$logs/$name.log"
    return 1
  fi
}

# Counts ctest's own summary: "N% tests passed, F tests failed out of T".
run_ctest() {
  local preset=$1
  echo "== ctest $preset"
  ctest --preset "$preset" -j"$jobs" >"$logs/ctest-$preset.log" 2>&1
  local code=$?
  tail -5 "$logs/ctest-$preset.log"
  local line
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$logs/ctest-$preset.log")
  if [ -z "$line" ]; then
    failed=$((failed + 1)); echo "FAILED: ctest $preset ran no test"; return
  fi
  local bad total
  bad=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  passed=$((passed + total - bad)); failed=$((failed + bad))
  if [ "$code" != 0 ]; then
    grep -B2 -A30 -E 'FAILED|failed' "$logs/ctest-$preset.log" | head -80
    [ "$bad" = 0 ] && failed=$((failed + 1))
  fi
}

# Counts node's test runner summary ("# pass N", "# fail M").
run_node_tests() {
  local name=$1; shift
  echo "== node --test $name"
  # --expose-gc: the reliability tests collect garbage to check that forgotten objects are freed.
  node --expose-gc --test --test-reporter=tap "$@" >"$logs/node-$name.log" 2>&1
  local code=$?
  local pass fail
  # The runner's own summary is the log's last one (a subtest's output cannot end the file).
  pass=$(grep -aE '^# pass [0-9]+' "$logs/node-$name.log" | tail -n 1 | awk '{print $3}')
  fail=$(grep -aE '^# fail [0-9]+' "$logs/node-$name.log" | tail -n 1 | awk '{print $3}')
  grep -E '^# (tests|pass|fail)' "$logs/node-$name.log"
  if [ -z "$pass" ] || [ $((pass + fail)) = 0 ]; then
    failed=$((failed + 1)); echo "FAILED: node $name ran no test"; tail -30 "$logs/node-$name.log"; return
  fi
  passed=$((passed + pass)); failed=$((failed + fail))
  if [ "$code" != 0 ]; then
    grep -B5 -A40 -E '^not ok' "$logs/node-$name.log" | head -150
    [ "$fail" = 0 ] && failed=$((failed + 1))
  fi
}

build_preset() {
  cmake --preset "$1" -DRELU_STRICT=ON && cmake --build --preset "$1" -j"$jobs"
}

suites=()
presets=()
for arg in "$@"; do
  case "$arg" in
    lint|core|fuzz|js|web|browser|package) suites+=("$arg") ;;
    native|wasm-simd128|wasm-scalar) presets+=("$arg") ;;
    *) echo "test: unknown suite $arg (lint core fuzz js web browser package, or a core preset)"; exit 2 ;;
  esac
done
[ "${#suites[@]}" = 0 ] && suites=(lint core fuzz js web browser package)
[ "${#presets[@]}" = 0 ] && presets=(native wasm-simd128 wasm-scalar)
wants() { [[ " ${suites[*]} " == *" $1 "* ]]; }

wants lint && run_step lint bash scripts/lint.sh
if wants core; then
  for preset in "${presets[@]}"; do
    if run_step "build-$preset" build_preset "$preset"; then run_ctest "$preset"; fi
  done
fi
# A short libFuzzer run over JSON, settings and model files (15 s per target, ~50 s in all once
# built): any crash, leak or sanitizer report fails it.
wants fuzz && run_step fuzz-smoke bash scripts/fuzz.sh 15
# The JS library, the page modules and the page itself run from dist/; the package is dist/
# packed and installed (tests/package/packed.mjs makes it once for the suite's files).
if wants js || wants web || wants browser || wants package; then
  run_step dist bash scripts/build.sh
  wants js && run_node_tests js tests/js/
  wants web && run_node_tests web tests/web/
  wants browser && run_node_tests browser tests/browser/
  if wants package && run_step pack node tests/package/packed.mjs; then
    run_node_tests package tests/package/
  fi
fi

echo
echo "logs: $logs/"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
