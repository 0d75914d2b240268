// Embind declarations for the trainer's arena: one line per method of core's facade
// (core/api/arena_session.h); NetworkSession's are in bindings_library.cpp. Settings and models
// cross as JSON strings; a train request and its result, and a regions summary, as value objects
// (plain JS objects, field for field); metrics records, fields, masks, data and staged examples
// as typed_memory_views (see memory_view.h and trainer_adapters.h for their lifetime).
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
  // Bound below in two parts: the figure's module leaves out the second (wasm/CMakeLists.txt).
  [[maybe_unused]] const auto& arena =
      class_<ArenaSession>("ArenaSession")
          .constructor<>()
          .function("reset", &ArenaSession::reset)
          .function("train", &ArenaSession::train)
          .function("reachedView", &wasm::arena_reached)
          .function("update", &ArenaSession::update)
          .function("settingsJson", &ArenaSession::settings_json)
          .function("networksJson", &ArenaSession::networks_json)
          .function("metricsLayoutJson", &wasm::arena_metrics_layout)
          .function("metricsView", &wasm::arena_metrics)
          .function("networkCount", &ArenaSession::network_count)
          .function("checkIndex", &ArenaSession::check_index)
          .function("field", &ArenaSession::field)
          .function("fieldView", &wasm::arena_field)
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
#ifndef RELU_WASM_FIGURE
  // The detail view's unit maps, unit activity and weights, and the diagram's weight editor.
  arena.function("setWeight", &ArenaSession::set_weight)
      .function("setBias", &ArenaSession::set_bias)
      .function("modelJson", &ArenaSession::model_json)
      .function("unitField", &ArenaSession::unit_field)
      .function("unitFieldView", &wasm::arena_unit_field)
      .function("unitActivity", &ArenaSession::unit_activity)
      .function("silentDomainView", &wasm::arena_silent_domain);
#endif
}
