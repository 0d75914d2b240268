// The JSON facades behind the JS trainer API; see trainer_api.h.
#include "api/sessions.h"

#include <cmath>

#include "io/json.h"
#include "io/model_json.h"
#include "io/settings.h"

namespace relu {
namespace {

json::Value number_or_null(double x) { return json::Value::number(x); }  // writer: NaN -> null

json::Value metrics_entry(const NetworkSpec& spec, const NetworkMetrics& m) {
  json::Value out = json::Value::object();
  out.set("activation", json::Value::string(activation_name(spec.activation)));
  out.set("label", json::Value::string(network_label(spec)));
  out.set("epoch", json::Value::number(static_cast<double>(m.epoch)));
  out.set("trainLoss", number_or_null(m.train_loss));
  out.set("testLoss", number_or_null(m.test_loss));
  out.set("trainAccuracy", number_or_null(m.train_accuracy));
  out.set("testAccuracy", number_or_null(m.test_accuracy));
  out.set("deadUnits", json::Value::number(m.dead_units));
  json::Value dead = json::Value::array();
  json::Value alphas = json::Value::array();
  for (int l = 0; l < m.hidden_layers && l < kMlpMaxHiddenLayers; ++l) {
    dead.push_back(json::Value::number(m.dead_per_layer[l]));
    if (m.alpha_counts[l] == 0) continue;
    json::Value layer = json::Value::array();
    for (int k = 0; k < m.alpha_counts[l] && k < kMlpMaxUnits; ++k) {
      layer.push_back(json::Value::number_f32(m.alphas[l][k]));
    }
    alphas.push_back(std::move(layer));
  }
  out.set("deadPerLayer", std::move(dead));
  out.set("units", json::Value::number(m.units));
  out.set("sparsity", number_or_null(m.sparsity));
  out.set("alphas", std::move(alphas));
  out.set("gradNorm", number_or_null(m.grad_norm));
  out.set("diverged", json::Value::boolean(m.diverged));
  out.set("divergedAt",
          m.diverged ? json::Value::number(static_cast<double>(m.diverged_epoch)) : json::Value());
  return out;
}

std::string error_json(const std::string& message) {
  json::Value out = json::Value::object();
  out.set("error", json::Value::string(message));
  return json::write(out);
}

json::Value string_array(const std::vector<std::string>& strings) {
  json::Value out = json::Value::array();
  for (const std::string& s : strings) out.push_back(json::Value::string(s));
  return out;
}

}  // namespace

std::string ArenaSession::reset(const std::string& settings_json) {
  arena_ = Arena();
  warnings_.clear();
  field_ = FieldView();
  unit_field_ = FieldView();
  SettingsResult parsed = settings_from_json_text(settings_json);
  if (!parsed.ok()) return parsed.error;
  if (std::string error = arena_.reset(parsed.settings); !error.empty()) return error;
  warnings_ = std::move(parsed.warnings);
  return "";
}

std::string ArenaSession::train(int epochs) { return arena_.train(epochs); }

std::string ArenaSession::settings_json() const {
  if (arena_.network_count() == 0) return "null";
  return json::write(settings_to_json(arena_.settings(), warnings_));
}

std::string ArenaSession::metrics_json() const {
  json::Value out = json::Value::array();
  for (int i = 0; i < arena_.network_count(); ++i) {
    out.push_back(
        metrics_entry(arena_.settings().networks[static_cast<size_t>(i)], *arena_.metrics(i)));
  }
  return json::write(out);
}

std::string ArenaSession::model_json(int i) const {
  const Network* net = arena_.network(i);
  return net != nullptr ? json::write(model_to_json(net->mlp)) : "null";
}

std::string ArenaSession::field(int i, int resolution, const std::string& kind) {
  field_ = FieldView();
  FieldKind parsed;
  if (!field_kind_from_name(kind, &parsed)) {
    return "kind: expected \"probability\" or \"logit\", got " + json::quote(kind);
  }
  std::string error;
  field_ = arena_.field(i, resolution, parsed, &error);
  return error;
}

std::string ArenaSession::unit_field(int i, int layer, int unit, int resolution) {
  std::string error;
  unit_field_ = arena_.unit_field(i, layer, unit, resolution, &error);
  return error;
}

std::string NetworkSession::load(const std::string& model_json) {
  loaded_ = false;
  net_ = Network();
  ModelResult parsed = model_from_json_text(model_json);
  if (!parsed.ok()) return parsed.error;
  std::string error;
  if (!network_build(&net_, parsed.model.config, OptimizerConfig(), kSessionMaxBatch, &error)) {
    return error;
  }
  model_copy_to_mlp(parsed.model, &net_.mlp);
  warnings_ = std::move(parsed.warnings);
  loaded_ = true;
  return "";
}

std::string NetworkSession::to_json() const {
  return loaded_ ? json::write(model_to_json(net_.mlp)) : "null";
}

std::string NetworkSession::warnings_json() const { return json::write(string_array(warnings_)); }

std::string NetworkSession::prepare(int B) {
  if (B < 0 || B > kSessionMaxExamples) {
    return "batch: " + std::to_string(B) + " examples is outside 0.." +
           std::to_string(kSessionMaxExamples);
  }
  // At least one float each so that data() is never null.
  const size_t n = B == 0 ? 1 : static_cast<size_t>(B);
  if (!x_.reserve(2 * n) || !labels_.reserve(n) || !logits_.reserve(n)) return "out of memory";
  batch_ = B;
  return "";
}

std::string NetworkSession::predict() {
  if (!loaded_) return "the network is not loaded";
  network_predict(&net_, logits_.data(), x_.data(), batch_);
  return "";
}

std::string NetworkSession::check_labels() const {
  if (!loaded_) return "the network is not loaded";
  for (int i = 0; i < batch_; ++i) {
    const float y = labels_.data()[i];
    if (!(y >= 0.0f && y <= 1.0f)) {
      return "labels[" + std::to_string(i) + "]: expected a value in [0, 1], got " +
             (std::isnan(y) ? std::string("NaN") : json::write(json::Value::number_f32(y)));
    }
  }
  return "";
}

std::string NetworkSession::loss_and_gradients() {
  if (std::string error = check_labels(); !error.empty()) return error_json(error);
  const double loss =
      network_loss_and_gradients(&net_, x_.data(), labels_.data(), batch_, logits_.data());
  json::Value out = json::Value::object();
  out.set("loss", json::Value::number(loss));
  out.set("grads", model_tensors_json(net_.mlp, net_.mlp.grads));
  return json::write(out);
}

std::string NetworkSession::train(const std::string& options_json) {
  if (std::string error = check_labels(); !error.empty()) return error_json(error);
  const json::ParseResult parsed = json::parse(options_json);
  if (!parsed.ok()) return error_json(parsed.error);
  const TrainOptionsResult options = train_options_from_json(parsed.value, batch_);
  if (!options.ok()) return error_json(options.error);
  const OptimizerConfig& next = options.options.optimizer;
  const bool same_kind =
      next.kind == net_.optimizer.kind && next.nesterov == net_.optimizer.nesterov;
  net_.optimizer = next;
  if (!same_kind) network_reset_optimizer(&net_);
  // A fixed shuffle seed: the same calls give the same weights.
  const TrainResult result =
      network_train_steps(&net_, x_.data(), labels_.data(), batch_, options.options.batch_size,
                          options.options.steps, /*shuffle_seed=*/1);
  json::Value out = json::Value::object();
  out.set("steps", json::Value::number(result.steps));
  out.set("loss", json::Value::number(result.loss));
  out.set("lastLoss", json::Value::number(result.last_loss));
  out.set("gradNorm", json::Value::number(result.grad_norm));
  out.set("finite", json::Value::boolean(result.finite));
  out.set("warnings", string_array(options.warnings));
  return json::write(out);
}

}  // namespace relu
