// ArenaSettings -> the canonical settings JSON (every key, params only where they apply, plus
// the warnings of the read that produced them); reading it back gives the same settings.
#include "io/settings.h"

namespace relu {
namespace {

json::Value f32(float x) { return json::Value::number_f32(x); }

json::Value network_json(const NetworkSpec& spec) {
  json::Value out = json::Value::object();
  out.set("activation", json::Value::string(activation_name(spec.activation)));
  json::Value params = json::Value::object();
  switch (spec.activation) {
    case Activation::kLeakyRelu:
      params.set("slope", f32(spec.params.slope));
      break;
    case Activation::kElu:
      params.set("alpha", f32(spec.params.alpha));
      break;
    case Activation::kSoftplus:
      params.set("beta", f32(spec.params.beta));
      params.set("threshold", f32(spec.params.threshold));
      break;
    case Activation::kPrelu:
      params.set("mode", json::Value::string(spec.prelu_mode == PreluMode::kChannel ? "channel"
                                                                                    : "shared"));
      params.set("init", f32(spec.prelu_init));
      break;
    default:
      break;
  }
  out.set("params", std::move(params));
  out.set("label", json::Value::string(network_label(spec)));
  return out;
}

json::Value optimizer_json(const OptimizerConfig& opt) {
  json::Value out = json::Value::object();
  const char* name =
      opt.kind == OptimizerKind::kMomentum && opt.nesterov ? "nesterov" : optimizer_name(opt.kind);
  out.set("name", json::Value::string(name));
  out.set("lr", f32(opt.lr));
  if (opt.kind == OptimizerKind::kMomentum) out.set("momentum", f32(opt.momentum));
  if (opt.kind == OptimizerKind::kAdam) {
    out.set("beta1", f32(opt.beta1));
    out.set("beta2", f32(opt.beta2));
    out.set("eps", f32(opt.eps));
  }
  return out;
}

}  // namespace

json::Value settings_to_json(const ArenaSettings& s, const std::vector<std::string>& warnings) {
  json::Value out = json::Value::object();
  out.set("dataset", json::Value::string(dataset_name(s.dataset.kind)));
  out.set("noise", f32(s.dataset.noise));
  out.set("points", json::Value::number(s.dataset.points));
  out.set("trainFraction", f32(s.dataset.train_fraction));
  out.set("scaleInputs", json::Value::boolean(s.dataset.scale_inputs));
  // Seeds beyond 2^53 (possible only from C++) print rounded, as JS would hold them.
  out.set("seed", json::Value::number(static_cast<double>(s.seed)));
  json::Value layers = json::Value::array();
  for (int units : s.hidden) layers.push_back(json::Value::number(units));
  out.set("layers", std::move(layers));
  json::Value networks = json::Value::array();
  for (const NetworkSpec& spec : s.networks) networks.push_back(network_json(spec));
  out.set("activations", std::move(networks));
  out.set("init", json::Value::string(init_scheme_name(s.init.scheme)));
  out.set("activationGain", json::Value::boolean(s.init.activation_gain));
  out.set("biasInit", f32(s.init.bias));
  out.set("optimizer", optimizer_json(s.optimizer));
  out.set("lr", f32(s.optimizer.lr));
  out.set("batchSize", json::Value::number(s.batch_size));
  out.set("l1", f32(s.optimizer.l1));
  out.set("l2", f32(s.optimizer.l2));
  out.set("clipNorm", f32(s.optimizer.clip_norm));
  json::Value list = json::Value::array();
  for (const std::string& w : warnings) list.push_back(json::Value::string(w));
  out.set("warnings", std::move(list));
  return out;
}

}  // namespace relu
