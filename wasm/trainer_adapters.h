// Adapters between Embind and core's trainer facades (core/api/*_session.h): typed-array views
// (memory_view.h) over buffers the sessions own, stale after the owner reallocates
// (NetworkSession::prepare with a larger B, ArenaSession::reset). No math and no loops here.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "api/arena_session.h"
#include "api/metrics_record.h"
#include "api/network_session.h"
#include "memory_view.h"

namespace relu::wasm {

// The metrics records are rewritten in place by train() and reallocated by reset().
inline emscripten::val arena_metrics(ArenaSession& s) {
  return view(s.metrics_data(), s.metrics_size());
}
inline std::string arena_metrics_layout(ArenaSession&) { return metrics_layout_json(); }

inline emscripten::val arena_field(ArenaSession& s) { return view(s.field_data(), s.field_size()); }
inline emscripten::val arena_unit_field(ArenaSession& s) {
  return view(s.unit_field_data(), s.unit_field_size());
}
// Rewritten by the next train() with a target.
inline emscripten::val arena_reached(ArenaSession& s) {
  return view(s.reached_data(), s.reached_size());
}
// Rewritten by the next unitActivity() call.
inline emscripten::val arena_silent_domain(ArenaSession& s) {
  return view(s.silent_domain(), s.silent_domain_size());
}
// Rewritten by the next regions() call (and empty for a smooth activation).
inline emscripten::val arena_region_ids(ArenaSession& s) {
  return view(s.region_ids(), s.region_cells());
}
inline emscripten::val arena_region_borders(ArenaSession& s) {
  return view(s.region_borders(), s.region_cells());
}
inline emscripten::val arena_points(ArenaSession& s) { return view(s.points(), s.point_floats()); }
inline emscripten::val arena_labels(ArenaSession& s) { return view(s.labels(), s.label_count()); }

// Network i's live parameters: stale after the next train(), loadParams() or reset().
inline emscripten::val arena_params(ArenaSession& s, int i) {
  return view(s.params_data(i), s.param_count(i));
}
// Filled by JS between stageParams() and loadParams().
inline emscripten::val arena_staged_params(ArenaSession& s) {
  return view(s.staged_params(), s.staged_size());
}

inline emscripten::val network_x(NetworkSession& s) { return view(s.x(), s.x_floats()); }
inline emscripten::val network_labels(NetworkSession& s) { return view(s.labels(), s.batch()); }
inline emscripten::val network_logits(NetworkSession& s) { return view(s.logits(), s.batch()); }

}  // namespace relu::wasm
