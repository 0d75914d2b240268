// Embind declarations for what only the library's API calls: activate() (ActivationCall) and
// networkFromJSON() (NetworkSession: model files, gradients). One line per method of core's
// facades (core/api/activation_call.h, network_session.h). The figure's builds leave this file
// out (wasm/CMakeLists.txt): its worker trains arenas and never calls either.
#include <emscripten/bind.h>

#include "adapters.h"
#include "trainer_adapters.h"

EMSCRIPTEN_BINDINGS(relu_lab_library) {
  using namespace emscripten;
  using namespace relu;
  class_<ActivationCall>("ActivationCall")
      .constructor<>()
      .function("prepare", &ActivationCall::prepare)
      .function("run", &ActivationCall::run_json)
      .function("x", &wasm::call_x)
      .function("y", &wasm::call_y)
      .function("dydx", &wasm::call_dydx)
      .function("alpha", &wasm::call_alpha)
      .function("dalpha", &wasm::call_dalpha);
  class_<NetworkSession>("NetworkSession")
      .constructor<>()
      .function("load", &NetworkSession::load)
      .function("toJson", &NetworkSession::to_json)
      .function("warningsJson", &NetworkSession::warnings_json)
      .function("prepare", &NetworkSession::prepare)
      .function("x", &wasm::network_x)
      .function("labels", &wasm::network_labels)
      .function("logits", &wasm::network_logits)
      .function("predict", &NetworkSession::predict)
      .function("lossAndGradients", &NetworkSession::loss_and_gradients)
      .function("loss", &NetworkSession::loss)
      .function("gradsJson", &NetworkSession::grads_json)
      .function("train", &NetworkSession::train)
      .function("trainResultJson", &NetworkSession::train_result_json);
}
