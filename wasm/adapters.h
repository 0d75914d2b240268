// Small adapters between Embind and core: typed-array views (memory_view.h) over the buffers of
// ActivationCall, which reallocates them in prepare(). No math and no loops over data here.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "api/activation_call.h"
#include "memory_view.h"

namespace relu::wasm {

inline emscripten::val call_x(ActivationCall& c) { return view(c.x(), c.size()); }
inline emscripten::val call_y(ActivationCall& c) { return view(c.y(), c.size()); }
inline emscripten::val call_dydx(ActivationCall& c) { return view(c.dydx(), c.size()); }
inline emscripten::val call_alpha(ActivationCall& c) { return view(c.alpha(), c.alpha_count()); }
inline emscripten::val call_dalpha(ActivationCall& c) { return view(c.dalpha(), c.alpha_count()); }

inline std::string kernel_backend() { return kernels_best().backend; }

inline emscripten::val activation_names() {
  emscripten::val names = emscripten::val::array();
  for (int i = 0; i < kActivationCount; ++i) {
    names.call<void>("push", std::string(activation_name(static_cast<Activation>(i))));
  }
  return names;
}

}  // namespace relu::wasm
