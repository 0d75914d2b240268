// Embind declarations for the activation kernels: one line per core function or class.
// The trainer's bindings live in their own EMSCRIPTEN_BINDINGS block.
#include <emscripten/bind.h>

#include "adapters.h"

EMSCRIPTEN_BINDINGS(relu_lab_activation) {
  using namespace emscripten;
  using namespace relu;
  function("kernelBackend", &wasm::kernel_backend);
  function("activationNames", &wasm::activation_names);
  class_<ActivationCall>("ActivationCall")
      .constructor<>()
      .function("prepare", &ActivationCall::prepare)
      .function("run", &wasm::call_run)
      .function("x", &wasm::call_x)
      .function("y", &wasm::call_y)
      .function("dydx", &wasm::call_dydx)
      .function("alpha", &wasm::call_alpha)
      .function("dalpha", &wasm::call_dalpha);
}
