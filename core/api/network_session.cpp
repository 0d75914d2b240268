// The network facade behind the JS trainer API; see network_session.h.
#include "api/network_session.h"

#include <algorithm>
#include <cmath>

#include "base/memory_probe.h"
#include "io/json.h"
#include "io/model_json.h"
#include "io/settings.h"

namespace relu {
namespace {

json::Value string_array(const std::vector<std::string>& strings) {
  json::Value out = json::Value::array();
  for (const std::string& s : strings) out.push_back(json::Value::string(s));
  return out;
}

}  // namespace

std::string NetworkSession::load(const std::string& model_json) {
  loaded_ = false;
  net_ = Network();
  // The parse allocates with operator new, which aborts in wasm when memory runs out.
  if (!memory_available(kMemoryHeadroomBytes +
                        json::kParseBytesPerTextByte *
                            std::min(model_json.size(), kModelMaxTextBytes))) {
    return headroom_error();
  }
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
  const size_t growth = x_.growth_bytes(2 * n) + labels_.growth_bytes(n) + logits_.growth_bytes(n);
  if (!memory_available(kMemoryHeadroomBytes + growth)) return headroom_error();
  if (!x_.reserve(2 * n) || !labels_.reserve(n) || !logits_.reserve(n)) {
    return std::string(kOutOfMemoryPrefix) + " for " + std::to_string(B) + " examples";
  }
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
  // The model's loss decides: a regression's targets are any finite numbers, BCE's labels in
  // [0, 1].
  const bool mse = net_.mlp.config.loss == Loss::kMse;
  for (int i = 0; i < batch_; ++i) {
    const float y = labels_.data()[i];
    if (mse ? std::isfinite(y) : y >= 0.0f && y <= 1.0f) continue;
    return "labels[" + std::to_string(i) + "]: expected " +
           (mse ? "a finite target (loss mse)" : "a value in [0, 1] (loss bce)") + ", got " +
           (std::isnan(y) ? std::string("NaN") : json::write(json::Value::number_f32(y)));
  }
  return "";
}

std::string NetworkSession::loss_and_gradients() {
  if (std::string error = check_labels(); !error.empty()) return error;
  loss_ = network_loss_and_gradients(&net_, x_.data(), labels_.data(), batch_, logits_.data());
  return "";
}

std::string NetworkSession::grads_json() const {
  return loaded_ ? json::write(model_tensors_json(net_.mlp, net_.mlp.grads)) : "null";
}

std::string NetworkSession::train(const std::string& options_json) {
  train_result_ = "null";
  if (std::string error = check_labels(); !error.empty()) return error;
  const json::ParseResult parsed = json::parse(options_json, kTrainOptionsParseLimits);
  if (!parsed.ok()) return parsed.error;
  const TrainOptionsResult options = train_options_from_json(parsed.value, batch_);
  if (!options.ok()) return options.error;
  if (std::string problem = network_batch_norm_problem(net_, batch_, options.options.batch_size);
      !problem.empty()) {
    return "batchNorm: " + problem;
  }
  const OptimizerConfig& next = options.options.optimizer;
  const bool same_kind =
      next.kind == net_.optimizer.kind && next.nesterov == net_.optimizer.nesterov;
  net_.optimizer = next;
  if (!same_kind) network_reset_optimizer(&net_);
  // The work budget (network.h): the most steps that fit, at least one; the caller calls
  // again for the rest.
  const int requested = options.options.steps;
  const uint64_t per_step = network_step_work(net_, std::min(options.options.batch_size, batch_));
  const uint64_t affordable = std::max<uint64_t>(1, kWorkPerCall / std::max<uint64_t>(per_step, 1));
  const int steps =
      static_cast<int>(std::min<uint64_t>(static_cast<uint64_t>(requested), affordable));
  // A fixed shuffle seed: the same calls give the same weights.
  const TrainResult result =
      network_train_steps(&net_, x_.data(), labels_.data(), batch_, options.options.batch_size,
                          steps, /*shuffle_seed=*/1);
  json::Value out = json::Value::object();
  out.set("steps", json::Value::number(result.steps));
  out.set("complete", json::Value::boolean(result.finite && steps == requested));
  out.set("loss", json::Value::number(result.loss));
  out.set("lastLoss", json::Value::number(result.last_loss));
  out.set("gradNorm", json::Value::number(result.grad_norm));
  out.set("finite", json::Value::boolean(result.finite));
  out.set("warnings", string_array(options.warnings));
  train_result_ = json::write(out);
  return "";
}

}  // namespace relu
