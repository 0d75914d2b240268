// Adapters between Embind and core's trainer facades (core/api/*_session.h): typed-array views
// over buffers the sessions own. No math and no loops over data here. A view is detached by
// wasm memory growth (any allocation may grow it) and stale after the owner reallocates
// (NetworkSession::prepare with a larger B, ArenaSession::reset): JS re-fetches before use.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "api/arena_session.h"
#include "api/metrics_record.h"
#include "api/network_session.h"

namespace relu::wasm {

inline emscripten::val const_float_view(const float* data, std::size_t n) {
  return emscripten::val(emscripten::typed_memory_view(n, data));
}

// The metrics records are rewritten in place by train() and reallocated by reset().
inline emscripten::val arena_metrics(ArenaSession& s) {
  return emscripten::val(emscripten::typed_memory_view(s.metrics_size(), s.metrics_data()));
}
inline std::string arena_metrics_layout(ArenaSession&) { return metrics_layout_json(); }

inline emscripten::val arena_field(ArenaSession& s) {
  return const_float_view(s.field_data(), s.field_size());
}
inline emscripten::val arena_unit_field(ArenaSession& s) {
  return const_float_view(s.unit_field_data(), s.unit_field_size());
}
// Rewritten by the next regions() call (and empty for a smooth activation).
inline emscripten::val arena_region_ids(ArenaSession& s) {
  return emscripten::val(emscripten::typed_memory_view(s.region_cells(), s.region_ids()));
}
inline emscripten::val arena_region_borders(ArenaSession& s) {
  return emscripten::val(emscripten::typed_memory_view(s.region_cells(), s.region_borders()));
}
inline emscripten::val arena_points(ArenaSession& s) {
  return const_float_view(s.points(), s.point_floats());
}
inline emscripten::val arena_labels(ArenaSession& s) {
  return const_float_view(s.labels(), s.label_count());
}

// Network i's live parameters: stale after the next train(), loadParams() or reset().
inline emscripten::val arena_params(ArenaSession& s, int i) {
  return const_float_view(s.params_data(i), s.param_count(i));
}
// Filled by JS between stageParams() and loadParams().
inline emscripten::val arena_staged_params(ArenaSession& s) {
  return emscripten::val(emscripten::typed_memory_view(s.staged_size(), s.staged_params()));
}

inline emscripten::val network_x(NetworkSession& s) {
  return const_float_view(s.x(), s.x_floats());
}
inline emscripten::val network_labels(NetworkSession& s) {
  return const_float_view(s.labels(), s.batch());
}
inline emscripten::val network_logits(NetworkSession& s) {
  return const_float_view(s.logits(), s.batch());
}

}  // namespace relu::wasm
