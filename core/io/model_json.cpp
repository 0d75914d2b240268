// Model file import (strict validation, errors naming the field) and export; see model_json.h.
#include "io/model_json.h"

#include <cmath>

#include "io/activation_params_json.h"
#include "io/field_reader.h"
#include "kernels/activation.h"

namespace relu {
namespace {

bool read_float(FieldReader* r, const json::Value& v, const std::string& path, float* out) {
  return r->finite_f32(v, path, out);
}

// A vector of exactly n floats.
bool read_vector(FieldReader* r, const json::Value& v, const std::string& path, size_t n,
                 const char* what, std::vector<float>* out) {
  if (!r->expect(v, json::Type::kArray, path)) return false;
  if (v.size() != n) {
    return r->fail(
        path, "expected " + std::to_string(n) + " " + what + ", got " + std::to_string(v.size()));
  }
  for (size_t i = 0; i < n; ++i) {
    float x;
    if (!read_float(r, v.at(i), json::path_index(path, i), &x)) return false;
    out->push_back(x);
  }
  return true;
}

// A hidden layer's optional dropout rate and batch norm; the output layer has neither.
bool read_regularisers(FieldReader* r, const json::Value& v, const std::string& path, bool output,
                       HiddenLayerConfig* config, ModelLayer* tensors) {
  const json::Value* dropout = v.find("dropout");
  const json::Value* bn = v.find("batchNorm");
  if (output && (dropout != nullptr || bn != nullptr)) {
    return r->fail(json::path_key(path, dropout != nullptr ? "dropout" : "batchNorm"),
                   "the output layer has no dropout or batch norm");
  }
  if (dropout != nullptr) {
    double p;
    if (!r->number(*dropout, json::path_key(path, "dropout"), 0.0,
                   static_cast<double>(kMlpMaxDropout), &p, true)) {
      return false;
    }
    config->dropout = static_cast<float>(p);
  }
  if (bn == nullptr) return true;
  const std::string at = json::path_key(path, "batchNorm");
  if (!r->expect(*bn, json::Type::kObject, at)) return false;
  r->unknown_keys(*bn, at, {"gamma", "beta", "runningMean", "runningVar"});
  const size_t n = static_cast<size_t>(config->units);
  const std::pair<const char*, std::vector<float>*> fields[] = {
      {"gamma", &tensors->gamma},
      {"beta", &tensors->beta},
      {"runningMean", &tensors->running_mean},
      {"runningVar", &tensors->running_var}};
  for (const auto& [key, out] : fields) {
    const json::Value* field = bn->find(key);
    if (field == nullptr) return r->fail(json::path_key(at, key), "missing");
    if (!read_vector(r, *field, json::path_key(at, key), n, "values", out)) return false;
  }
  for (size_t o = 0; o < n; ++o) {
    if (!(tensors->running_var[o] >= 0.0f)) {
      return r->fail(json::path_index(json::path_key(at, "runningVar"), o), "must be >= 0");
    }
  }
  config->batch_norm = true;
  return true;
}

// One layer: `in` inputs; `output` is the last layer (1 unit, linear).
bool read_layer(FieldReader* r, const json::Value& v, const std::string& path, int in, bool output,
                HiddenLayerConfig* config, ModelLayer* tensors) {
  if (!r->expect(v, json::Type::kObject, path)) return false;
  r->unknown_keys(v, path,
                  {"units", "activation", "params", "W", "b", "alpha", "dropout", "batchNorm"});
  const json::Value* units_v = v.find("units");
  const json::Value* activation_v = v.find("activation");
  const json::Value* W = v.find("W");
  const json::Value* b = v.find("b");
  for (const auto& [key, field] :
       {std::pair{"units", units_v}, std::pair{"activation", activation_v}, std::pair{"W", W},
        std::pair{"b", b}}) {
    if (field == nullptr) return r->fail(json::path_key(path, key), "missing");
  }
  double units;
  if (!r->integer_strict(*units_v, json::path_key(path, "units"), 1, kMlpMaxUnits, &units)) {
    return false;
  }
  if (output && units != 1) {
    return r->fail(json::path_key(path, "units"),
                   "the output layer must have 1 unit (the logit), got " + format_number(units));
  }
  config->units = static_cast<int>(units);
  std::string name;
  if (!r->string(*activation_v, json::path_key(path, "activation"), &name)) return false;
  if (!activation_from_name(name, &config->activation)) {
    return r->fail(json::path_key(path, "activation"), "unknown activation " + json::quote(name));
  }
  if (output && config->activation != Activation::kLinear) {
    return r->fail(json::path_key(path, "activation"),
                   "the output layer must be linear (it is the logit), got " + json::quote(name));
  }
  if (const json::Value* params = v.find("params")) {
    // A file is data: any value passing the hard constraint, no clamping.
    if (!read_activation_params(r, *params, json::path_key(path, "params"), config->activation,
                                ParamsIn::kModel, &config->params)) {
      return false;
    }
  }
  const std::string W_path = json::path_key(path, "W");
  if (!r->expect(*W, json::Type::kArray, W_path)) return false;
  if (W->size() != static_cast<size_t>(config->units)) {
    return r->fail(W_path, "expected " + std::to_string(config->units) + " rows, got " +
                               std::to_string(W->size()));
  }
  for (size_t o = 0; o < W->size(); ++o) {
    if (!read_vector(r, W->at(o), json::path_index(W_path, o), static_cast<size_t>(in), "columns",
                     &tensors->W)) {
      return false;
    }
  }
  if (!read_vector(r, *b, json::path_key(path, "b"), static_cast<size_t>(config->units), "values",
                   &tensors->b)) {
    return false;
  }
  if (!read_regularisers(r, v, path, output, config, tensors)) return false;
  const json::Value* alpha = v.find("alpha");
  if (config->activation != Activation::kPrelu) {
    if (alpha != nullptr) r->warn(json::path_key(path, "alpha") + ": not prelu, ignored");
    return true;
  }
  if (alpha == nullptr) return r->fail(json::path_key(path, "alpha"), "missing (prelu)");
  const size_t count =
      config->params.prelu_mode == PreluMode::kChannel ? static_cast<size_t>(config->units) : 1;
  return read_vector(r, *alpha, json::path_key(path, "alpha"), count,
                     config->params.prelu_mode == PreluMode::kChannel ? "values (mode channel)"
                                                                      : "value (mode shared)",
                     &tensors->alpha);
}

// "features" and "loss" (version 3 unless they are the defaults) into config.
bool read_inputs_and_loss(FieldReader* r, const json::Value& v, double version, MlpConfig* config) {
  if (const json::Value* features = v.find("features")) {
    if (!r->expect(*features, json::Type::kArray, "features")) return false;
    config->features.clear();
    for (size_t k = 0; k < features->size(); ++k) {
      const std::string at = json::path_index("features", k);
      std::string name;
      InputFeature feature;
      if (!r->string(features->at(k), at, &name)) return false;
      if (!input_feature_from_name(name, &feature)) {
        return r->fail(at, "unknown feature " + json::quote(name));
      }
      config->features.push_back(feature);
    }
  }
  if (const json::Value* loss = v.find("loss")) {
    std::string name;
    if (!r->string(*loss, "loss", &name)) return false;
    if (!loss_from_name(name, &config->loss)) {
      return r->fail("loss", "unknown loss " + json::quote(name) + " (expected bce or mse)");
    }
  }
  if (std::string error = input_features_validate(config->features); !error.empty()) {
    const size_t colon = error.find(": ");
    return r->fail(error.substr(0, colon), error.substr(colon + 2));
  }
  const bool defaults = mlp_features_are_raw(*config) && config->loss == Loss::kBce;
  if (!defaults && version < kModelVersionFeatures) {
    return r->fail(
        v.find("features") != nullptr && !mlp_features_are_raw(*config) ? "features" : "loss",
        "needs \"version\": 3");
  }
  return true;
}

bool read_model(FieldReader* r, const json::Value& v, Model* model) {
  if (!r->expect(v, json::Type::kObject, "model")) return false;
  r->unknown_keys(v, "", {"format", "version", "inputs", "features", "loss", "layers"});
  const json::Value* format = v.find("format");
  if (format == nullptr || !format->is_string() || format->as_string() != kModelFormat) {
    return r->fail("format", std::string("expected \"") + kModelFormat + "\"");
  }
  const json::Value* version = v.find("version");
  if (version == nullptr) return r->fail("version", "missing");
  if (!r->expect(*version, json::Type::kNumber, "version")) return false;
  const double number = version->as_number();
  if (number != kModelVersion && number != kModelVersionBatchNorm &&
      number != kModelVersionFeatures) {
    return r->fail("version", "unsupported version " + format_number(number) +
                                  " (this reader knows 1, 2 and 3)");
  }
  const json::Value* inputs = v.find("inputs");
  double unused;
  if (inputs == nullptr) return r->fail("inputs", "missing");
  if (!r->integer_strict(*inputs, "inputs", kMlpInputs, kMlpInputs, &unused)) return false;
  if (!read_inputs_and_loss(r, v, number, &model->config)) return false;
  const json::Value* layers = v.find("layers");
  if (layers == nullptr) return r->fail("layers", "missing");
  if (!r->expect(*layers, json::Type::kArray, "layers")) return false;
  if (layers->size() < 1 || layers->size() > static_cast<size_t>(kMlpMaxLayers)) {
    return r->fail("layers", "expected 1 to " + std::to_string(kMlpMaxLayers) +
                                 " layers (hidden layers and the output), got " +
                                 std::to_string(layers->size()));
  }
  int in = static_cast<int>(model->config.features.size());
  for (size_t l = 0; l < layers->size(); ++l) {
    const bool output = l + 1 == layers->size();
    HiddenLayerConfig config;
    ModelLayer tensors;
    if (!read_layer(r, layers->at(l), json::path_index("layers", l), in, output, &config,
                    &tensors)) {
      return false;
    }
    if (config.batch_norm && number < kModelVersionBatchNorm) {
      return r->fail(json::path_key(json::path_index("layers", l), "batchNorm"),
                     "needs \"version\": 2 or later");
    }
    if (!output) model->config.hidden.push_back(config);
    model->layers.push_back(std::move(tensors));
    in = config.units;
  }
  return true;
}

json::Value floats(const float* x, int n) {
  json::Value out = json::Value::array();
  for (int i = 0; i < n; ++i) out.push_back(json::Value::number_f32(x[i]));
  return out;
}

}  // namespace

ModelResult model_from_json(const json::Value& value) {
  ModelResult result;
  FieldReader reader(&result.warnings);
  if (read_model(&reader, value, &result.model)) {
    if (std::string error = mlp_validate(result.model.config); !error.empty()) {
      reader.fail("layers", error);  // a guard: read_model checks the same ranges
    }
  }
  if (reader.failed()) {
    result.error = reader.error();
    result.model = Model();
  }
  return result;
}

ModelResult model_from_json_text(std::string_view text) {
  const json::ParseResult parsed = json::parse(text, kModelParseLimits);
  if (parsed.ok()) return model_from_json(parsed.value);
  ModelResult result;
  result.error = parsed.error;
  return result;
}

void model_copy_to_mlp(const Model& model, Mlp* mlp) {
  for (int l = 0; l < mlp->layer_count && l < static_cast<int>(model.layers.size()); ++l) {
    const LayerTensors t = mlp_layer_tensors(*mlp, l, mlp->params);
    const ModelLayer& m = model.layers[static_cast<size_t>(l)];
    for (size_t i = 0; i < m.W.size() && i < static_cast<size_t>(t.in * t.out); ++i)
      t.W[i] = m.W[i];
    for (size_t i = 0; i < m.b.size() && i < static_cast<size_t>(t.out); ++i) t.b[i] = m.b[i];
    for (size_t i = 0; i < m.alpha.size() && i < static_cast<size_t>(t.alpha_count); ++i) {
      t.alpha[i] = m.alpha[i];
    }
    const MlpLayer& layer = mlp->layers[l];
    for (size_t i = 0; layer.batch_norm && i < m.gamma.size() && i < static_cast<size_t>(t.out);
         ++i) {
      t.gamma[i] = m.gamma[i];
      t.beta[i] = m.beta[i];
      layer.running_mean[i] = m.running_mean[i];
      layer.running_var[i] = m.running_var[i];
    }
  }
  ++mlp->weights_version;
}

json::Value model_tensors_json(const Mlp& mlp, const float* buffer) {
  json::Value layers = json::Value::array();
  for (int l = 0; l < mlp.layer_count; ++l) {
    // mlp_layer_tensors only offsets the pointer; nothing is written through it here.
    const LayerTensors t = mlp_layer_tensors(mlp, l, const_cast<float*>(buffer));
    json::Value layer = json::Value::object();
    json::Value W = json::Value::array();
    for (int o = 0; o < t.out; ++o) W.push_back(floats(t.W + o * t.in, t.in));
    layer.set("W", std::move(W));
    layer.set("b", floats(t.b, t.out));
    if (t.alpha_count > 0) layer.set("alpha", floats(t.alpha, t.alpha_count));
    if (t.gamma != nullptr) {
      json::Value bn = json::Value::object();
      bn.set("gamma", floats(t.gamma, t.out));
      bn.set("beta", floats(t.beta, t.out));
      layer.set("batchNorm", std::move(bn));
    }
    layers.push_back(std::move(layer));
  }
  return layers;
}

json::Value model_to_json(const Mlp& mlp) {
  json::Value out = json::Value::object();
  out.set("format", json::Value::string(kModelFormat));
  // The lowest version that can hold the model, so older readers still read what they can.
  const bool plain = mlp_features_are_raw(mlp.config) && mlp.config.loss == Loss::kBce;
  const int version = !plain                    ? kModelVersionFeatures
                      : mlp_has_batch_norm(mlp) ? kModelVersionBatchNorm
                                                : kModelVersion;
  out.set("version", json::Value::number(version));
  out.set("inputs", json::Value::number(kMlpInputs));
  if (!plain) {
    json::Value features = json::Value::array();
    for (InputFeature f : mlp.config.features) {
      features.push_back(json::Value::string(input_feature_name(f)));
    }
    out.set("features", std::move(features));
    out.set("loss", json::Value::string(loss_name(mlp.config.loss)));
  }
  const json::Value tensors = model_tensors_json(mlp, mlp.params);
  json::Value layers = json::Value::array();
  for (int l = 0; l < mlp.layer_count; ++l) {
    const MlpLayer& layer = mlp.layers[l];
    json::Value entry = json::Value::object();
    entry.set("units", json::Value::number(layer.out));
    entry.set("activation", json::Value::string(activation_name(layer.activation)));
    json::Value params = activation_params_json(layer.activation, layer.params, ParamsIn::kModel);
    if (params.size() > 0) entry.set("params", std::move(params));
    if (layer.dropout > 0.0f) entry.set("dropout", json::Value::number_f32(layer.dropout));
    const json::Value& t = tensors.at(static_cast<size_t>(l));
    for (size_t k = 0; k < t.size(); ++k) entry.set(t.key(k), t.at(k));
    if (layer.batch_norm) {
      json::Value bn = *entry.find("batchNorm");
      bn.set("runningMean", floats(layer.running_mean, layer.out));
      bn.set("runningVar", floats(layer.running_var, layer.out));
      entry.set("batchNorm", std::move(bn));
    }
    layers.push_back(std::move(entry));
  }
  out.set("layers", std::move(layers));
  return out;
}

}  // namespace relu
