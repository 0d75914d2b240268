// The one adapter from a core-owned buffer to JS: a typed array over wasm memory (Float32Array
// for float, Float64Array for double, Int32Array, Uint8Array, ...), read-only or writable as the
// pointer is. No copy: a view is detached by wasm memory growth (any allocation may grow it) and
// stale once the owner reallocates, so JS fetches a view right before each use.
#pragma once

#include <emscripten/val.h>

#include <cstddef>

namespace relu::wasm {

template <class T>
emscripten::val view(T* data, std::size_t n) {
  return emscripten::val(emscripten::typed_memory_view(n, data));
}

}  // namespace relu::wasm
