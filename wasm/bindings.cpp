// Embind declarations for the activation kernels: one line per core function or class.
// The trainer's bindings live in their own EMSCRIPTEN_BINDINGS block.
#include <emscripten/bind.h>

#include "adapters.h"
#include "io/settings_schema.h"

EMSCRIPTEN_BINDINGS(relu_lab_activation) {
  using namespace emscripten;
  using namespace relu;
  function("kernelBackend", &wasm::kernel_backend);
  function("activationNames", &wasm::activation_names);
  function("settingsSchema", &settings_schema_text);
  class_<ActivationCall>("ActivationCall")
      .constructor<>()
      .function("prepare", &ActivationCall::prepare)
      .function("run", &ActivationCall::run_json)
      .function("x", &wasm::call_x)
      .function("y", &wasm::call_y)
      .function("dydx", &wasm::call_dydx)
      .function("alpha", &wasm::call_alpha)
      .function("dalpha", &wasm::call_dalpha);
}
