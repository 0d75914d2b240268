// Embind declarations for the trainer: one line per method of core's facades
// (core/api/arena_session.h, network_session.h). Settings, models and gradients cross as JSON
// strings; a train request and its result, and a regions summary, as value objects (plain JS
// objects, field for field); metrics records, fields, masks, data and staged examples as
// typed_memory_views (see memory_view.h and trainer_adapters.h for their lifetime).
#include <emscripten/bind.h>

#include "trainer_adapters.h"

EMSCRIPTEN_BINDINGS(relu_lab_trainer) {
  using namespace emscripten;
  using namespace relu;
  enum_<TrainUnit>("TrainUnit")
      .value("epochs", TrainUnit::kEpochs)
      .value("steps", TrainUnit::kSteps);
  value_object<TrainRequest>("TrainRequest")
      .field("unit", &TrainRequest::unit)
      .field("count", &TrainRequest::count)
      .field("untilTarget", &TrainRequest::until_target)
      .field("target", &TrainRequest::target);
  value_object<TrainProgress>("TrainProgress")
      .field("error", &TrainProgress::error)
      .field("epochs", &TrainProgress::epochs)
      .field("steps", &TrainProgress::steps)
      .field("complete", &TrainProgress::complete);
  value_object<RegionsSummary>("RegionsSummary")
      .field("error", &RegionsSummary::error)
      .field("linear", &RegionsSummary::linear)
      .field("count", &RegionsSummary::count)
      .field("resolution", &RegionsSummary::resolution)
      .field("explanation", &RegionsSummary::explanation);
  class_<ArenaSession>("ArenaSession")
      .constructor<>()
      .function("reset", &ArenaSession::reset)
      .function("train", &ArenaSession::train)
      .function("reachedView", &wasm::arena_reached)
      .function("update", &ArenaSession::update)
      .function("setWeight", &ArenaSession::set_weight)
      .function("setBias", &ArenaSession::set_bias)
      .function("settingsJson", &ArenaSession::settings_json)
      .function("networksJson", &ArenaSession::networks_json)
      .function("metricsLayoutJson", &wasm::arena_metrics_layout)
      .function("metricsView", &wasm::arena_metrics)
      .function("networkCount", &ArenaSession::network_count)
      .function("checkIndex", &ArenaSession::check_index)
      .function("modelJson", &ArenaSession::model_json)
      .function("field", &ArenaSession::field)
      .function("fieldView", &wasm::arena_field)
      .function("unitField", &ArenaSession::unit_field)
      .function("unitFieldView", &wasm::arena_unit_field)
      .function("unitActivity", &ArenaSession::unit_activity)
      .function("silentDomainView", &wasm::arena_silent_domain)
      .function("regions", &ArenaSession::regions)
      .function("regionIds", &wasm::arena_region_ids)
      .function("regionBorders", &wasm::arena_region_borders)
      .function("paramsView", &wasm::arena_params)
      .function("stageParams", &ArenaSession::stage_params)
      .function("stagedParams", &wasm::arena_staged_params)
      .function("loadParams", &ArenaSession::load_params)
      .function("points", &wasm::arena_points)
      .function("labels", &wasm::arena_labels)
      .function("trainCount", &ArenaSession::train_count)
      .function("halfWidth", &ArenaSession::half_width)
      .function("regression", &ArenaSession::regression);
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
