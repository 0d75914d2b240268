#!/usr/bin/env bash
# Static checks that keep the code base honest: clang-format (Google style) on C++ and JS, core/
# free of platform code, __wasm_simd128__ confined to the two files allowed to use it, and
# comments that name only existing files and cite nothing outside the repository
# (scripts/lint-comments.mjs).
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { echo "lint: $*"; status=1; }

mapfile -t cpp_files < <(git ls-files 'core/**.h' 'core/**.cpp' 'wasm/*.h' 'wasm/*.cpp' \
  'tests/**.h' 'tests/**.cpp' 'bench/*.h' 'bench/*.cpp' 'fuzz/*.cpp')
mapfile -t js_files < <(git ls-files 'web/*.js' 'web/*.mjs' 'js/*.mjs' 'js/*.js' 'scripts/*.mjs' \
  'tests/*.mjs' 'tests/**/*.mjs' 'bench/*.mjs' 'examples/*.mjs' | sort -u)
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
[ "$simd_files" = "core/kernels/activation_dispatch.cpp core/kernels/activation_simd128.cpp " ] ||
  fail "__wasm_simd128__ may appear only in activation_dispatch.cpp and activation_simd128.cpp, found in: $simd_files"

# The layers of core/, lowest first: a file may include its own layer and the ones below.
layers=(base kernels nn io api)
for i in "${!layers[@]}"; do
  above=("${layers[@]:$((i + 1))}")
  [ "${#above[@]}" = 0 ] && continue
  pattern="#include \"($(IFS='|'; echo "${above[*]}"))/"
  if bad=$(grep -rnE "$pattern" "core/${layers[$i]}/"); then
    fail "core/${layers[$i]}/ includes a layer above it: $bad"
  fi
done
if bad=$(git ls-files 'core/*.h' 'core/*.cpp' | grep -vE '^core/(base|kernels|nn|io|api)/'); then
  fail "every core file belongs to a layer folder: $bad"
fi

# The repository explains itself: comments name files that exist and cite nothing outside it.
if ! bad=$(node scripts/lint-comments.mjs); then
  fail "stale or outside references in comments:"$'\n'"$bad"
fi

[ "$status" = 0 ] && echo "lint: ok (${#cpp_files[@]} C++ files, ${#js_files[@]} JS files)"
exit "$status"
