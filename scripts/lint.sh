#!/usr/bin/env bash
# Static checks that keep the code base honest: clang-format (Google style) on C++ and JS, core/
# free of platform code, and __wasm_simd128__ confined to the two files allowed to use it.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { echo "lint: $*"; status=1; }

mapfile -t cpp_files < <(git ls-files 'core/*.h' 'core/*.cpp' 'wasm/*.h' 'wasm/*.cpp' \
  'tests/*.h' 'tests/*.cpp' 'bench/*.h' 'bench/*.cpp')
mapfile -t js_files < <(git ls-files 'web/*.js' 'web/*.mjs' 'scripts/*.mjs' 'tests/*.mjs' \
  'tests/**/*.mjs' 'bench/*.mjs' | sort -u)
for file in "${cpp_files[@]}"; do
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || fail "$file is not clang-formatted"
done
for file in "${js_files[@]}"; do
  clang-format --assume-filename=x.js --dry-run --Werror <"$file" >/dev/null 2>&1 ||
    fail "$file is not clang-formatted"
done

if grep -rniE 'emscripten|EM_ASM' core/ >/dev/null; then
  fail "core/ mentions emscripten (core must stay portable): $(grep -rliE 'emscripten|EM_ASM' core/ | tr '\n' ' ')"
fi
simd_files=$(grep -rl '__wasm_simd128__' core/ wasm/ | sort | tr '\n' ' ')
[ "$simd_files" = "core/activation_dispatch.cpp core/activation_simd128.cpp " ] ||
  fail "__wasm_simd128__ may appear only in activation_dispatch.cpp and activation_simd128.cpp, found in: $simd_files"

[ "$status" = 0 ] && echo "lint: ok (${#cpp_files[@]} C++ files, ${#js_files[@]} JS files)"
exit "$status"
