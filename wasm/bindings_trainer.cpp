// Embind declarations for the trainer: one line per method of core's JSON facades
// (core/trainer_api.h). Settings, metrics, models and gradients cross as JSON strings; fields,
// data and staged examples as typed_memory_views (see trainer_adapters.h for their lifetime).
#include <emscripten/bind.h>

#include "trainer_adapters.h"

EMSCRIPTEN_BINDINGS(relu_lab_trainer) {
  using namespace emscripten;
  using namespace relu;
  class_<ArenaSession>("ArenaSession")
      .constructor<>()
      .function("reset", &ArenaSession::reset)
      .function("train", &ArenaSession::train)
      .function("settingsJson", &ArenaSession::settings_json)
      .function("metricsJson", &ArenaSession::metrics_json)
      .function("networkCount", &ArenaSession::network_count)
      .function("modelJson", &ArenaSession::model_json)
      .function("field", &ArenaSession::field)
      .function("fieldView", &wasm::arena_field)
      .function("unitField", &ArenaSession::unit_field)
      .function("unitFieldView", &wasm::arena_unit_field)
      .function("points", &wasm::arena_points)
      .function("labels", &wasm::arena_labels)
      .function("trainCount", &ArenaSession::train_count)
      .function("halfWidth", &ArenaSession::half_width);
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
      .function("train", &NetworkSession::train);
}
