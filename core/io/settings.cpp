// Reading arena settings and training options from JSON: defaults, clamping with warnings,
// errors naming the field. Writing them back is settings_write.cpp.
#include "io/settings.h"

#include "io/checked_reader.h"

namespace relu {
namespace {

template <typename Names>
std::string one_of(int count, Names name_of) {
  std::string list;
  for (int i = 0; i < count; ++i) list += (i > 0 ? ", " : "") + std::string(name_of(i));
  return list;
}

bool read_name_activation(FieldReader* r, const json::Value& v, const std::string& path,
                          Activation* op) {
  std::string name;
  if (!r->string(v, path, &name)) return false;
  if (activation_from_name(name, op)) return true;
  return r->fail(path,
                 "unknown activation " + json::quote(name) + " (expected one of " +
                     one_of(kActivationCount,
                            [](int i) { return activation_name(static_cast<Activation>(i)); }) +
                     ")");
}

// params of one network: only the keys its activation has; others are warned about.
bool read_params(FieldReader* r, const json::Value& params, const std::string& path,
                 NetworkSpec* spec) {
  if (!r->expect(params, json::Type::kObject, path)) return false;
  const Activation op = spec->activation;
  for (size_t i = 0; i < params.size(); ++i) {
    const std::string& key = params.key(i);
    const json::Value& v = params.at(i);
    const std::string at = json::path_key(path, key);
    bool ok = true;
    if (op == Activation::kLeakyRelu && key == "slope") {
      ok = r->number_f32(v, at, 0.0, kSettingsMaxSlope, &spec->params.slope);
    } else if (op == Activation::kElu && key == "alpha") {
      ok = r->number_f32(v, at, 0.0, kSettingsMaxEluAlpha, &spec->params.alpha);
    } else if (op == Activation::kSoftplus && key == "beta") {
      ok = r->number_f32(v, at, kSettingsMinBeta, kSettingsMaxBeta, &spec->params.beta);
    } else if (op == Activation::kSoftplus && key == "threshold") {
      ok = r->number_f32(v, at, kSettingsMinThreshold, kSettingsMaxThreshold,
                         &spec->params.threshold);
    } else if (op == Activation::kPrelu && key == "init") {
      ok = r->number_f32(v, at, -kSettingsMaxPreluInit, kSettingsMaxPreluInit, &spec->prelu_init);
    } else if (op == Activation::kPrelu && key == "mode") {
      std::string mode;
      ok = r->string(v, at, &mode);
      if (ok && mode == "shared") {
        spec->prelu_mode = PreluMode::kShared;
      } else if (ok && mode == "channel") {
        spec->prelu_mode = PreluMode::kChannel;
      } else if (ok) {
        ok = r->fail(at, "unknown mode " + json::quote(mode) + " (expected shared or channel)");
      }
    } else {
      r->warn(at + ": " + activation_name(op) + " has no such parameter, ignored");
    }
    if (!ok) return false;
  }
  return true;
}

bool read_network(FieldReader* r, const json::Value& v, const std::string& path,
                  NetworkSpec* spec) {
  *spec = NetworkSpec();
  if (v.is_string()) return read_name_activation(r, v, path, &spec->activation);
  if (!v.is_object()) {
    return r->fail(path, std::string("expected an activation name or an object, got ") +
                             json::type_article_name(v.type()));
  }
  r->unknown_keys(v, path, {"activation", "params", "label"});
  const json::Value* name = v.find("activation");
  if (name == nullptr) return r->fail(json::path_key(path, "activation"), "missing");
  if (!read_name_activation(r, *name, json::path_key(path, "activation"), &spec->activation)) {
    return false;
  }
  if (const json::Value* params = v.find("params")) {
    if (!read_params(r, *params, json::path_key(path, "params"), spec)) return false;
  }
  if (const json::Value* label = v.find("label")) {
    const std::string at = json::path_key(path, "label");
    if (!r->string(*label, at, &spec->label)) return false;
    if (spec->label.size() > kSettingsMaxLabelBytes) {
      size_t cut = kSettingsMaxLabelBytes;  // do not split a UTF-8 sequence
      while (cut > 0 && (static_cast<unsigned char>(spec->label[cut]) & 0xC0) == 0x80) --cut;
      spec->label.resize(cut);
      r->warn(at + ": longer than " + std::to_string(kSettingsMaxLabelBytes) + " bytes, truncated");
    }
  }
  return true;
}

bool read_optimizer_name(FieldReader* r, const json::Value& v, const std::string& path,
                         OptimizerConfig* opt) {
  std::string name;
  if (!r->string(v, path, &name)) return false;
  opt->nesterov = name == "nesterov";
  if (opt->nesterov) {
    opt->kind = OptimizerKind::kMomentum;
    return true;
  }
  if (optimizer_from_name(name, &opt->kind)) return true;
  return r->fail(path, "unknown optimizer " + json::quote(name) +
                           " (expected one of sgd, momentum, nesterov, adam)");
}

// "optimizer" (a name or {name, lr, momentum, beta1, beta2, eps}) and the top-level "lr",
// "l1", "l2", "clipNorm" shared by the arena settings and the training options. optimizer.lr
// wins over lr.
bool read_optimizer(FieldReader* r, const json::Value& root, OptimizerConfig* opt) {
  if (const json::Value* lr = root.find("lr")) {
    if (!r->number_f32(*lr, "lr", kSettingsMinLr, kSettingsMaxLr, &opt->lr)) return false;
  }
  struct Field {
    const char* key;
    double lo, hi;
    float* out;
  };
  const Field penalties[] = {{"l1", 0.0, kSettingsMaxPenalty, &opt->l1},
                             {"l2", 0.0, kSettingsMaxPenalty, &opt->l2},
                             {"clipNorm", 0.0, kSettingsMaxClipNorm, &opt->clip_norm}};
  for (const Field& f : penalties) {
    const json::Value* v = root.find(f.key);
    if (v != nullptr && !r->number_f32(*v, f.key, f.lo, f.hi, f.out)) return false;
  }
  const json::Value* v = root.find("optimizer");
  if (v == nullptr) return true;
  if (v->is_string()) return read_optimizer_name(r, *v, "optimizer", opt);
  if (!v->is_object()) {
    return r->fail("optimizer", std::string("expected a name or an object, got ") +
                                    json::type_article_name(v->type()));
  }
  r->unknown_keys(*v, "optimizer", {"name", "lr", "momentum", "beta1", "beta2", "eps"});
  if (const json::Value* name = v->find("name")) {
    if (!read_optimizer_name(r, *name, "optimizer.name", opt)) return false;
  }
  const float top_lr = opt->lr;
  const Field fields[] = {{"lr", kSettingsMinLr, kSettingsMaxLr, &opt->lr},
                          {"momentum", 0.0, kSettingsMaxMomentum, &opt->momentum},
                          {"beta1", 0.0, kSettingsMaxMomentum, &opt->beta1},
                          {"beta2", 0.0, kSettingsMaxBeta2, &opt->beta2},
                          {"eps", kSettingsMinEps, kSettingsMaxEps, &opt->eps}};
  for (const Field& f : fields) {
    const json::Value* field = v->find(f.key);
    if (field != nullptr &&
        !r->number_f32(*field, std::string("optimizer.") + f.key, f.lo, f.hi, f.out)) {
      return false;
    }
  }
  if (root.find("lr") != nullptr && v->find("lr") != nullptr && opt->lr != top_lr) {
    r->warn("lr: overridden by optimizer.lr");
  }
  return true;
}

bool read_dataset(FieldReader* r, const json::Value& root, DatasetConfig* data) {
  if (const json::Value* v = root.find("dataset")) {
    std::string name;
    if (!r->string(*v, "dataset", &name)) return false;
    if (!dataset_from_name(name, &data->kind)) {
      return r->fail("dataset",
                     "unknown dataset " + json::quote(name) + " (expected one of " +
                         one_of(kDatasetKindCount,
                                [](int i) { return dataset_name(static_cast<DatasetKind>(i)); }) +
                         ")");
    }
  }
  const json::Value* v = root.find("noise");
  if (v && !r->number_f32(*v, "noise", 0.0, static_cast<double>(kDatasetMaxNoise), &data->noise))
    return false;
  v = root.find("trainFraction");
  if (v && !r->number_f32(*v, "trainFraction", static_cast<double>(kDatasetMinTrainFraction),
                          static_cast<double>(kDatasetMaxTrainFraction), &data->train_fraction)) {
    return false;
  }
  v = root.find("scaleInputs");
  if (v && !r->boolean(*v, "scaleInputs", &data->scale_inputs)) return false;
  long long points = data->points;
  v = root.find("points");
  if (v && !r->integer(*v, "points", kDatasetMinPoints, kDatasetMaxPoints, &points)) return false;
  data->points = static_cast<int>(points);
  return true;
}

bool read_layers(FieldReader* r, const json::Value& v, std::vector<int>* hidden) {
  if (!r->expect(v, json::Type::kArray, "layers")) return false;
  size_t count = v.size();
  if (count > static_cast<size_t>(kMlpMaxHiddenLayers)) {
    r->warn("layers: " + std::to_string(count) + " hidden layers, kept the first " +
            std::to_string(kMlpMaxHiddenLayers));
    count = kMlpMaxHiddenLayers;
  }
  hidden->clear();
  for (size_t l = 0; l < count; ++l) {
    long long units;
    if (!r->integer(v.at(l), json::path_index("layers", l), 1, kMlpMaxUnits, &units)) return false;
    hidden->push_back(static_cast<int>(units));
  }
  return true;
}

bool read_networks(FieldReader* r, const json::Value& v, std::vector<NetworkSpec>* networks) {
  if (!r->expect(v, json::Type::kArray, "activations")) return false;
  if (v.size() == 0) return r->fail("activations", "expected at least one network");
  size_t count = v.size();
  if (count > static_cast<size_t>(kArenaMaxNetworks)) {
    r->warn("activations: " + std::to_string(count) + " networks, kept the first " +
            std::to_string(kArenaMaxNetworks));
    count = kArenaMaxNetworks;
  }
  networks->assign(count, NetworkSpec());
  for (size_t i = 0; i < count; ++i) {
    if (!read_network(r, v.at(i), json::path_index("activations", i), &(*networks)[i])) {
      return false;
    }
  }
  return true;
}

bool read_init(FieldReader* r, const json::Value& root, InitConfig* init) {
  if (const json::Value* v = root.find("init")) {
    std::string name;
    if (!r->string(*v, "init", &name)) return false;
    if (!init_scheme_from_name(name, &init->scheme)) {
      return r->fail(
          "init", "unknown scheme " + json::quote(name) + " (expected one of " +
                      one_of(kInitSchemeCount,
                             [](int i) { return init_scheme_name(static_cast<InitScheme>(i)); }) +
                      ")");
    }
  }
  const json::Value* v = root.find("activationGain");
  if (v && !r->boolean(*v, "activationGain", &init->activation_gain)) return false;
  v = root.find("biasInit");
  return !v ||
         r->number_f32(*v, "biasInit", -kSettingsMaxBiasInit, kSettingsMaxBiasInit, &init->bias);
}

bool read_settings(FieldReader* r, const json::Value& root, ArenaSettings* s) {
  if (!r->expect(root, json::Type::kObject, "")) return false;
  r->unknown_keys(root, "",
                  {"dataset", "noise", "points", "trainFraction", "scaleInputs", "seed", "layers",
                   "activations", "init", "activationGain", "biasInit", "optimizer", "lr",
                   "batchSize", "l1", "l2", "clipNorm", "warnings"});
  if (!read_dataset(r, root, &s->dataset)) return false;
  if (const json::Value* v = root.find("seed")) {
    double seed;
    if (!r->integer_strict(*v, "seed", 0.0, kSettingsMaxSeed, &seed)) return false;
    s->seed = static_cast<uint64_t>(seed);
  }
  const json::Value* v = root.find("layers");
  if (v && !read_layers(r, *v, &s->hidden)) return false;
  v = root.find("activations");
  if (v && !read_networks(r, *v, &s->networks)) return false;
  if (!read_init(r, root, &s->init)) return false;
  if (!read_optimizer(r, root, &s->optimizer)) return false;
  long long batch = s->batch_size;
  v = root.find("batchSize");
  if (v && !r->integer(*v, "batchSize", 1, s->dataset.points, &batch)) return false;
  s->batch_size = static_cast<int>(batch);
  return true;
}

}  // namespace

SettingsResult settings_from_json(const json::Value& value) {
  SettingsResult result;
  FieldReader reader(&result.warnings);
  if (read_settings(&reader, value, &result.settings)) {
    // Everything was clamped into range; this guards the two tables against drifting apart.
    if (std::string error = arena_validate(result.settings); !error.empty()) {
      reader.fail("", "internal: clamped settings rejected by the arena: " + error);
    }
  }
  if (reader.failed()) {
    result.error = reader.error();
    result.settings = ArenaSettings();
  }
  return result;
}

SettingsResult settings_from_json_text(std::string_view text) {
  const json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    SettingsResult result;
    result.error = parsed.error;
    return result;
  }
  return settings_from_json(parsed.value);
}

TrainOptionsResult train_options_from_json(const json::Value& value, int example_count) {
  TrainOptionsResult result;
  result.options.batch_size = example_count < 1 ? 1 : example_count;
  FieldReader r(&result.warnings);
  if (r.expect(value, json::Type::kObject, "options")) {
    r.unknown_keys(value, "", {"optimizer", "lr", "batchSize", "steps", "l1", "l2", "clipNorm"});
    long long batch = result.options.batch_size, steps = result.options.steps;
    const json::Value* v = value.find("batchSize");
    if (read_optimizer(&r, value, &result.options.optimizer) &&
        (!v || r.integer(*v, "batchSize", 1, result.options.batch_size, &batch))) {
      v = value.find("steps");
      if (!v || r.integer(*v, "steps", 0, kTrainMaxSteps, &steps)) {
        result.options.batch_size = static_cast<int>(batch);
        result.options.steps = static_cast<int>(steps);
      }
    }
  }
  if (r.failed()) result.error = r.error();
  return result;
}

std::string network_label(const NetworkSpec& spec) {
  return spec.label.empty() ? activation_name(spec.activation) : spec.label;
}

}  // namespace relu
