// Embind declarations for the trainer: one line per method of core's facades
// (core/api/arena_session.h, network_session.h). Settings, models and gradients cross as JSON
// strings; metrics records, fields, data and staged examples as typed_memory_views (see
// trainer_adapters.h for their lifetime).
#include <emscripten/bind.h>

#include "trainer_adapters.h"

EMSCRIPTEN_BINDINGS(relu_lab_trainer) {
  using namespace emscripten;
  using namespace relu;
  class_<ArenaSession>("ArenaSession")
      .constructor<>()
      .function("reset", &ArenaSession::reset)
      .function("train", &ArenaSession::train)
      .function("trainSteps", &ArenaSession::train_steps)
      .function("trainToTarget", &ArenaSession::train_to_target)
      .function("progressJson", &ArenaSession::progress_json)
      .function("update", &ArenaSession::update)
      .function("setWeight", &ArenaSession::set_weight)
      .function("setBias", &ArenaSession::set_bias)
      .function("settingsJson", &ArenaSession::settings_json)
      .function("networksJson", &ArenaSession::networks_json)
      .function("metricsLayoutJson", &wasm::arena_metrics_layout)
      .function("metricsView", &wasm::arena_metrics)
      .function("networkCount", &ArenaSession::network_count)
      .function("modelJson", &ArenaSession::model_json)
      .function("field", &ArenaSession::field)
      .function("fieldView", &wasm::arena_field)
      .function("unitField", &ArenaSession::unit_field)
      .function("unitFieldView", &wasm::arena_unit_field)
      .function("unitActivity", &ArenaSession::unit_activity)
      .function("unitActivityJson", &ArenaSession::unit_activity_json)
      .function("regions", &ArenaSession::regions)
      .function("regionsJson", &ArenaSession::regions_json)
      .function("regionIds", &wasm::arena_region_ids)
      .function("regionBorders", &wasm::arena_region_borders)
      .function("paramsView", &wasm::arena_params)
      .function("stageParams", &ArenaSession::stage_params)
      .function("stagedParams", &wasm::arena_staged_params)
      .function("loadParams", &ArenaSession::load_params)
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
      .function("loss", &NetworkSession::loss)
      .function("gradsJson", &NetworkSession::grads_json)
      .function("train", &NetworkSession::train)
      .function("trainResultJson", &NetworkSession::train_result_json);
}
