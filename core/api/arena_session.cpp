// The arena facade behind the JS trainer API; see arena_session.h.
#include "api/arena_session.h"

#include <algorithm>
#include <iterator>

#include "api/metrics_record.h"
#include "base/memory_probe.h"
#include "io/json.h"
#include "io/model_json.h"
#include "io/settings.h"

namespace relu {

std::string ArenaSession::reset(const std::string& settings_json) {
  arena_ = Arena();
  warnings_.clear();
  metrics_.clear();
  field_ = FieldView();
  unit_field_ = FieldView();
  regions_ = LinearRegions();
  reached_.clear();
  // The parse allocates with operator new, which aborts in wasm when memory runs out.
  if (!memory_available(kMemoryHeadroomBytes +
                        json::kParseBytesPerTextByte *
                            std::min(settings_json.size(), kSettingsMaxTextBytes))) {
    return headroom_error();
  }
  SettingsResult parsed = settings_from_json_text(settings_json);
  if (!parsed.ok()) return parsed.error;
  if (std::string error = arena_.reset(parsed.settings); !error.empty()) return error;
  warnings_ = std::move(parsed.warnings);
  metrics_.assign(
      static_cast<size_t>(arena_.network_count()) * static_cast<size_t>(metrics_record_doubles()),
      0.0);
  reached_.assign(static_cast<size_t>(arena_.network_count()), -1.0);
  write_metrics();
  return "";
}

std::string ArenaSession::update(const std::string& settings_json) {
  if (arena_.network_count() == 0) {
    return "update: the arena has no networks (reset failed or not called)";
  }
  if (!memory_available(kMemoryHeadroomBytes +
                        json::kParseBytesPerTextByte *
                            std::min(settings_json.size(), kSettingsMaxTextBytes))) {
    return headroom_error();
  }
  SettingsResult parsed = settings_over_json_text(settings_json, arena_.settings());
  if (!parsed.ok()) return "update: " + parsed.error;
  if (std::string error = arena_.update(parsed.settings); !error.empty()) return error;
  warnings_ = std::move(parsed.warnings);
  return "";
}

std::string ArenaSession::set_weight(int i, int layer, int unit, int input, double value) {
  std::string error = arena_.set_weight(i, layer, unit, input, value);
  if (error.empty()) write_metrics();
  return error;
}

std::string ArenaSession::set_bias(int i, int layer, int unit, double value) {
  std::string error = arena_.set_bias(i, layer, unit, value);
  if (error.empty()) write_metrics();
  return error;
}

TrainProgress ArenaSession::train(const TrainRequest& request) {
  TrainProgress progress = arena_.train(request);
  if (!progress.error.empty()) return progress;
  write_metrics();
  if (request.until_target) {
    for (size_t i = 0; i < reached_.size(); ++i) {
      reached_[i] = static_cast<double>(arena_.reached(static_cast<int>(i)));
    }
  }
  return progress;
}

void ArenaSession::write_metrics() {
  const size_t stride = static_cast<size_t>(metrics_record_doubles());
  for (int i = 0; i < arena_.network_count(); ++i) {
    metrics_record_write(metrics_.data() + static_cast<size_t>(i) * stride, *arena_.metrics(i));
  }
}

std::string ArenaSession::settings_json() const {
  if (arena_.network_count() == 0) return "null";
  return json::write(settings_to_json(arena_.settings(), warnings_));
}

std::string ArenaSession::networks_json() const {
  json::Value out = json::Value::array();
  for (int i = 0; i < arena_.network_count(); ++i) {
    const NetworkSpec& spec = arena_.settings().networks[static_cast<size_t>(i)];
    json::Value entry = json::Value::object();
    entry.set("activation", json::Value::string(activation_name(spec.activation)));
    entry.set("label", json::Value::string(network_label(spec)));
    out.push_back(std::move(entry));
  }
  return json::write(out);
}

std::string ArenaSession::model_json(int i) const {
  const Network* net = arena_.network(i);
  return net != nullptr ? json::write(model_to_json(net->mlp)) : "null";
}

const float* ArenaSession::params_data(int i) const {
  const Network* net = arena_.network(i);
  return net != nullptr ? net->mlp.params : nullptr;
}

size_t ArenaSession::param_count(int i) const {
  const Network* net = arena_.network(i);
  return net != nullptr ? net->mlp.param_count : 0;
}

std::string ArenaSession::stage_params(int i) {
  if (std::string error = arena_.check_index(i); !error.empty()) return error;
  staged_.assign(arena_.network(i)->mlp.param_count, 0.0f);
  return "";
}

std::string ArenaSession::load_params(int i) {
  return arena_.set_params(i, staged_.data(), staged_.size());
}

// A field buffer is the one large allocation after reset(): it must leave the headroom free.
std::string ArenaSession::field_memory_error(int resolution) const {
  const size_t cells = resolution > 0 ? static_cast<size_t>(resolution) * resolution : 0;
  return memory_available(kMemoryHeadroomBytes + cells * sizeof(float)) ? "" : headroom_error();
}

std::string ArenaSession::field(int i, int resolution, const std::string& kind) {
  field_ = FieldView();
  if (std::string error = field_memory_error(resolution); !error.empty()) return error;
  FieldKind parsed;
  if (!field_kind_from_name(kind, &parsed)) {
    return "kind: expected \"probability\", \"logit\" or \"value\", got " + json::quote(kind);
  }
  std::string error;
  field_ = arena_.field(i, resolution, parsed, &error);
  return error;
}

std::string ArenaSession::unit_field(int i, int layer, int unit, int resolution) {
  unit_field_ = FieldView();
  if (std::string error = field_memory_error(resolution); !error.empty()) return error;
  std::string error;
  unit_field_ = arena_.unit_field(i, layer, unit, resolution, &error);
  return error;
}

std::string ArenaSession::unit_activity(int i, int resolution) {
  std::fill(std::begin(silent_domain_), std::end(silent_domain_), 0);
  if (std::string error = field_memory_error(0); !error.empty()) return error;
  UnitMask silent;
  if (std::string error = arena_.silent_on_domain(i, resolution, &silent); !error.empty()) {
    return error;
  }
  for (int l = 0; l < kMlpMaxHiddenLayers; ++l) {
    for (int u = 0; u < kMlpMaxUnits; ++u) silent_domain_[l * kMlpMaxUnits + u] = silent.unit[l][u];
  }
  return "";
}

RegionsSummary ArenaSession::regions(int i, int resolution) {
  RegionsSummary out;
  regions_.resolution = 0;
  if (i >= 0 && i < arena_.network_count() && !arena_.settings().hidden.empty()) {
    const Activation op = arena_.settings().networks[static_cast<size_t>(i)].activation;
    if (!activation_is_piecewise_linear(op)) {
      out.error = field_validate(resolution, arena_.data().half_width);
      if (out.error.empty()) {
        out.resolution = resolution;
        out.explanation =
            std::string(activation_name(op)) + " is smooth: its network has no linear regions";
      }
      return out;
    }
  }
  out.error = arena_.regions(i, resolution, &regions_);
  if (!out.error.empty()) return out;
  out.linear = true;
  out.count = regions_.count;
  out.resolution = regions_.resolution;
  return out;
}

}  // namespace relu
