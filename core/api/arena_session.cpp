// The arena facade behind the JS trainer API; see arena_session.h.
#include "api/arena_session.h"

#include <algorithm>

#include "api/metrics_record.h"
#include "base/memory_probe.h"
#include "io/json.h"
#include "io/model_json.h"
#include "io/settings.h"

namespace relu {

namespace {

// {epochs, steps, complete} of one training call.
json::Value progress_object(const TrainProgress& progress) {
  json::Value out = json::Value::object();
  out.set("epochs", json::Value::number(progress.epochs));
  out.set("steps", json::Value::number(static_cast<double>(progress.steps)));
  out.set("complete", json::Value::boolean(progress.complete));
  return out;
}

}  // namespace

std::string ArenaSession::reset(const std::string& settings_json) {
  arena_ = Arena();
  warnings_.clear();
  metrics_.clear();
  field_ = FieldView();
  unit_field_ = FieldView();
  unit_activity_ = "null";
  regions_ = LinearRegions();
  regions_json_ = "null";
  progress_ = "null";
  reached_.clear();
  reached_target_ = -1.0;
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

std::string ArenaSession::train(int epochs) {
  TrainProgress progress;
  std::string error = arena_.train(epochs, &progress);
  return finish_training(error, progress);
}

std::string ArenaSession::train_steps(int steps) {
  TrainProgress progress;
  std::string error = arena_.train_steps(steps, &progress);
  return finish_training(error, progress);
}

std::string ArenaSession::train_to_target(int epochs, double target) {
  const size_t n = static_cast<size_t>(arena_.network_count());
  if (target != reached_target_ || reached_.size() != n) {
    reached_.assign(n, -1);
    for (int i = 0; i < arena_.network_count(); ++i) {
      const NetworkMetrics& m = *arena_.metrics(i);
      if (!m.diverged && m.test_accuracy >= target)
        reached_[static_cast<size_t>(i)] = arena_.epoch();
    }
  }
  TrainProgress progress;
  const std::string error = arena_.train_to_target(epochs, target, reached_.data(), &progress);
  if (!error.empty()) {
    progress_ = "null";
    return error;
  }
  reached_target_ = target;
  write_metrics();
  json::Value out = progress_object(progress);
  json::Value reached = json::Value::array();
  for (int64_t epoch : reached_) {
    reached.push_back(epoch < 0 ? json::Value() : json::Value::number(static_cast<double>(epoch)));
  }
  out.set("reached", std::move(reached));
  progress_ = json::write(out);
  return "";
}

std::string ArenaSession::finish_training(const std::string& error, const TrainProgress& progress) {
  progress_ = "null";
  if (!error.empty()) return error;
  write_metrics();
  progress_ = json::write(progress_object(progress));
  return "";
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
  const Network* net = arena_.network(i);
  if (net == nullptr) {
    return "index: " + std::to_string(i) + " is outside 0.." +
           std::to_string(arena_.network_count() - 1);
  }
  staged_.assign(net->mlp.param_count, 0.0f);
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
    return "kind: expected \"probability\" or \"logit\", got " + json::quote(kind);
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
  unit_activity_ = "null";
  if (std::string error = field_memory_error(0); !error.empty()) return error;
  UnitActivity activity;
  if (std::string error = arena_.unit_activity(i, resolution, &activity); !error.empty()) {
    return error;
  }
  json::Value layers = json::Value::array();
  for (int l = 0; l < activity.hidden_layers; ++l) {
    json::Value units = json::Value::array();
    for (int o = 0; o < activity.units[l]; ++o) {
      json::Value unit = json::Value::object();
      unit.set("deadTrain", json::Value::boolean(activity.dead_train.unit[l][o]));
      unit.set("silentTest", json::Value::boolean(activity.silent_test.unit[l][o]));
      unit.set("silentDomain", json::Value::boolean(activity.silent_domain.unit[l][o]));
      units.push_back(std::move(unit));
    }
    layers.push_back(std::move(units));
  }
  unit_activity_ = json::write(layers);
  return "";
}

}  // namespace relu

namespace relu {

std::string ArenaSession::regions(int i, int resolution) {
  regions_json_ = "null";
  regions_.resolution = 0;
  json::Value out = json::Value::object();
  if (i >= 0 && i < arena_.network_count() && !arena_.settings().hidden.empty()) {
    const Activation op = arena_.settings().networks[static_cast<size_t>(i)].activation;
    if (!activation_is_piecewise_linear(op)) {
      if (std::string error = field_validate(resolution, arena_.data().half_width);
          !error.empty()) {
        return error;
      }
      out.set("count", json::Value());
      out.set("resolution", json::Value::number(resolution));
      out.set("explanation", json::Value::string(std::string(activation_name(op)) +
                                                 " is smooth: its network has no linear regions"));
      regions_json_ = json::write(out);
      return "";
    }
  }
  if (std::string error = arena_.regions(i, resolution, &regions_); !error.empty()) return error;
  out.set("count", json::Value::number(regions_.count));
  out.set("resolution", json::Value::number(regions_.resolution));
  regions_json_ = json::write(out);
  return "";
}

}  // namespace relu
