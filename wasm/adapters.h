// Small adapters between Embind and core: typed-array views over core-owned buffers. No math
// and no loops over data here. A view is invalidated by wasm memory growth or by the owner
// reallocating (ActivationCall::prepare): JS re-fetches views right before each use.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "api/activation_call.h"

namespace relu::wasm {

inline emscripten::val float_view(float* data, std::size_t n) {
  return emscripten::val(emscripten::typed_memory_view(n, data));
}

inline emscripten::val call_x(ActivationCall& c) { return float_view(c.x(), c.size()); }
inline emscripten::val call_y(ActivationCall& c) { return float_view(c.y(), c.size()); }
inline emscripten::val call_dydx(ActivationCall& c) { return float_view(c.dydx(), c.size()); }
inline emscripten::val call_alpha(ActivationCall& c) {
  return float_view(c.alpha(), c.alpha_count());
}
inline emscripten::val call_dalpha(ActivationCall& c) {
  return float_view(c.dalpha(), c.alpha_count());
}

inline std::string kernel_backend() { return kernels_best().backend; }

inline emscripten::val activation_names() {
  emscripten::val names = emscripten::val::array();
  for (int i = 0; i < kActivationCount; ++i) {
    names.call<void>("push", std::string(activation_name(static_cast<Activation>(i))));
  }
  return names;
}

}  // namespace relu::wasm
