// Embind declarations every build needs: what loadReluLab reads as it loads (the build's kernels,
// the activation names, core's settings schema). The trainer's arena is in bindings_trainer.cpp;
// what only the library's API calls (activate(), networkFromJSON()) in bindings_library.cpp.
#include <emscripten/bind.h>

#include "adapters.h"
#include "io/settings_schema.h"

EMSCRIPTEN_BINDINGS(relu_lab_common) {
  using namespace emscripten;
  using namespace relu;
  function("kernelBackend", &wasm::kernel_backend);
  function("activationNames", &wasm::activation_names);
  function("settingsSchema", &settings_schema_text);
}
