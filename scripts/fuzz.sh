#!/usr/bin/env bash
# npm run fuzz [-- SECONDS]: builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) and
# runs each for SECONDS (default 300) from the committed seed corpus, which it never modifies:
# new inputs go to build/fuzz-corpus/. Exits non-zero on a crash, leak or sanitizer report and
# prints each target's execution count. npm test runs it for a few seconds as a smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
bash scripts/setup.sh --fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" >/dev/null
total=0
for target in json settings model; do
  work=build/fuzz-corpus/$target
  mkdir -p "$work"
  log=build/fuzz-$target.log
  # -rss_limit_mb bounds memory per input; -max_len admits the largest seed (a model file).
  if ! "build/fuzz/fuzz/${target}_fuzz" "$work" "fuzz/corpus/$target" \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="build/fuzz-$target-" >"$log" 2>&1; then
    echo "fuzz: $target FAILED (see $log)"
    grep -E 'ERROR|SUMMARY|crash-|leak-|timeout-' "$log" | head -20
    exit 1
  fi
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  echo "fuzz: $target ok, $runs executions in ${seconds} s"
  total=$((total + runs))
done
echo "fuzz: $total executions in all, no crash, leak or sanitizer report"
