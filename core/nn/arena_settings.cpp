// The arena settings table, ArenaSettings' defaults from it, and arena_validate over it.
#include "nn/arena_settings.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "kernels/activation_params.h"

namespace relu {
namespace {

using S = ArenaSettings;
using T = SettingType;

template <class Enum>
constexpr double index_of(Enum value) {
  return static_cast<double>(static_cast<int>(value));
}
template <class Enum>
constexpr Enum enum_of(double value) {
  return static_cast<Enum>(static_cast<int>(value));
}

const char* dataset_option(int i) { return dataset_name(static_cast<DatasetKind>(i)); }
const char* init_option(int i) { return init_scheme_name(static_cast<InitScheme>(i)); }
// optimizer_name()'s kinds, then "nesterov" (momentum with Nesterov's update).
constexpr int kNesterovOption = kOptimizerKindCount;
const char* optimizer_option(int i) {
  return i == kNesterovOption ? "nesterov" : optimizer_name(static_cast<OptimizerKind>(i));
}
double optimizer_get(const S& s) {
  const bool nesterov = s.optimizer.kind == OptimizerKind::kMomentum && s.optimizer.nesterov;
  return nesterov ? kNesterovOption : index_of(s.optimizer.kind);
}
void optimizer_set(S* s, double v) {
  s->optimizer.nesterov = static_cast<int>(v) == kNesterovOption;
  s->optimizer.kind = s->optimizer.nesterov ? OptimizerKind::kMomentum : enum_of<OptimizerKind>(v);
}
constexpr SettingChange kLive = SettingChange::kLive;
double f(float x) { return static_cast<double>(x); }
float to_f(double x) { return static_cast<float>(x); }

// The arena's settings. A number's range is what the reader clamps to (printed as the float it
// becomes); lr spans TF Playground's log scale, l1/l2 up to its largest rate. Defaults written
// as DatasetConfig{}.x, InitConfig{}.x or OptimizerConfig{}.x are those APIs' own; the arena
// overrides three: optimizer adam and lr 0.01 (OptimizerConfig's sgd and 0.03 are net.train's
// defaults) and activationGain true (InitConfig's false keeps panels' weights bit-identical).
// The optimizer's hyperparameters and the penalties are kLive; everything else restarts.
const SettingRow kRows[] = {
    {"dataset", T::kEnum, index_of(DatasetConfig{}.kind), 0, 0, kDatasetKindCount, dataset_option,
     "the 2-D classification dataset", [](const S& s) { return index_of(s.dataset.kind); },
     [](S* s, double v) { s->dataset.kind = enum_of<DatasetKind>(v); }, nullptr, nullptr},
    {"noise", T::kNumber, f(DatasetConfig{}.noise), 0.0, f(kDatasetMaxNoise), 0, nullptr,
     "label noise, a fraction of the data radius", [](const S& s) { return f(s.dataset.noise); },
     [](S* s, double v) { s->dataset.noise = to_f(v); }, nullptr, nullptr},
    {"points", T::kInt, static_cast<double>(DatasetConfig{}.points), kDatasetMinPoints,
     kDatasetMaxPoints, 0, nullptr, "number of data points (train and test)",
     [](const S& s) { return static_cast<double>(s.dataset.points); },
     [](S* s, double v) { s->dataset.points = static_cast<int>(v); }, nullptr, nullptr},
    // After points: given data sets points to its row count (batchSize's bound reads it).
    {"data", T::kData, 0, kDatasetMinPoints, kDatasetMaxPoints, 0, nullptr,
     "{points: [[x, y], ...] or [x, y, ...] in [-6, 6], labels: [0|1, ...]} instead of a "
     "preset: dataset, points and noise are then ignored; split, scaling and seed apply",
     nullptr, nullptr, nullptr, nullptr},
    {"trainFraction", T::kNumber, f(DatasetConfig{}.train_fraction), f(kDatasetMinTrainFraction),
     f(kDatasetMaxTrainFraction), 0, nullptr, "share of the points that train; the rest test",
     [](const S& s) { return f(s.dataset.train_fraction); },
     [](S* s, double v) { s->dataset.train_fraction = to_f(v); }, nullptr, nullptr},
    {"scaleInputs", T::kBool, DatasetConfig{}.scale_inputs ? 1.0 : 0.0, 0, 1, 0, nullptr,
     "true: inputs scaled to [-1, 1]; false: raw [-6, 6]",
     [](const S& s) { return s.dataset.scale_inputs ? 1.0 : 0.0; },
     [](S* s, double v) { s->dataset.scale_inputs = v != 0.0; }, nullptr, nullptr},
    // 2^53 - 1: the largest integer JS holds exactly. Not clamped: an error outside.
    {"seed", T::kSeed, 1, 0, 9007199254740991.0, 0, nullptr,
     "dataset, initial weights and shuffles all derive from it",
     [](const S& s) { return static_cast<double>(s.seed); },
     [](S* s, double v) { s->seed = static_cast<uint64_t>(v); }, nullptr, nullptr},
    {"layers", T::kLayers, 0, 1, kMlpMaxUnits, 0, nullptr,
     "units of each hidden layer (default kArenaDefaultLayers)", nullptr, nullptr, nullptr,
     nullptr},
    {"activations", T::kActivations, 0, 0, 0, 0, nullptr,
     "one network each: a name or {activation, params, label} (default "
     "arena_default_networks())",
     nullptr, nullptr, nullptr, nullptr},
    {"init", T::kEnum, index_of(InitConfig{}.scheme), 0, 0, kInitSchemeCount, init_option,
     "weight initialisation scheme", [](const S& s) { return index_of(s.init.scheme); },
     [](S* s, double v) { s->init.scheme = enum_of<InitScheme>(v); }, nullptr, nullptr},
    {"activationGain", T::kBool, 1, 0, 1, 0, nullptr,
     "scale the init by each activation's gain (torch calculate_gain)",
     [](const S& s) { return s.init.activation_gain ? 1.0 : 0.0; },
     [](S* s, double v) { s->init.activation_gain = v != 0.0; }, nullptr, nullptr},
    {"biasInit", T::kNumber, f(InitConfig{}.bias), -10.0, 10.0, 0, nullptr,
     "every bias's initial value", [](const S& s) { return f(s.init.bias); },
     [](S* s, double v) { s->init.bias = to_f(v); }, nullptr, nullptr},
    {"optimizer", T::kEnum, index_of(OptimizerKind::kAdam), 0, 0, kOptimizerKindCount + 1,
     optimizer_option, "a name or {name, lr, momentum, beta1, beta2, eps}", optimizer_get,
     optimizer_set, nullptr, nullptr},
    {"optimizer.momentum", T::kNumber, f(OptimizerConfig{}.momentum), 0.0, 0.999, 0, nullptr,
     "momentum (and nesterov)", [](const S& s) { return f(s.optimizer.momentum); },
     [](S* s, double v) { s->optimizer.momentum = to_f(v); }, nullptr,
     "optimizer=momentum,nesterov", kLive},
    {"optimizer.beta1", T::kNumber, f(OptimizerConfig{}.beta1), 0.0, 0.999, 0, nullptr,
     "Adam's first-moment decay", [](const S& s) { return f(s.optimizer.beta1); },
     [](S* s, double v) { s->optimizer.beta1 = to_f(v); }, nullptr, "optimizer=adam", kLive},
    {"optimizer.beta2", T::kNumber, f(OptimizerConfig{}.beta2), 0.0, 0.99999, 0, nullptr,
     "Adam's second-moment decay", [](const S& s) { return f(s.optimizer.beta2); },
     [](S* s, double v) { s->optimizer.beta2 = to_f(v); }, nullptr, "optimizer=adam", kLive},
    {"optimizer.eps", T::kNumber, f(OptimizerConfig{}.eps), 1e-12, 0.1, 0, nullptr,
     "Adam's epsilon", [](const S& s) { return f(s.optimizer.eps); },
     [](S* s, double v) { s->optimizer.eps = to_f(v); }, nullptr, "optimizer=adam", kLive},
    {"lr", T::kNumber, 0.01, 1e-5, 10.0, 0, nullptr,
     "learning rate (optimizer.lr wins if both are given)",
     [](const S& s) { return f(s.optimizer.lr); },
     [](S* s, double v) { s->optimizer.lr = to_f(v); }, nullptr, nullptr, kLive},
    {"batchSize", T::kInt, 10, 1, kArenaMaxBatch, 0, nullptr,
     "examples per step, at most points (>= training rows: full batch)",
     [](const S& s) { return static_cast<double>(s.batch_size); },
     [](S* s, double v) { s->batch_size = static_cast<int>(v); },
     [](const S& s) { return static_cast<double>(s.dataset.points); }, nullptr},
    {"l1", T::kNumber, f(OptimizerConfig{}.l1), 0.0, 10.0, 0, nullptr, "L1 penalty on the weights",
     [](const S& s) { return f(s.optimizer.l1); },
     [](S* s, double v) { s->optimizer.l1 = to_f(v); }, nullptr, nullptr, kLive},
    {"l2", T::kNumber, f(OptimizerConfig{}.l2), 0.0, 10.0, 0, nullptr, "L2 penalty on the weights",
     [](const S& s) { return f(s.optimizer.l2); },
     [](S* s, double v) { s->optimizer.l2 = to_f(v); }, nullptr, nullptr, kLive},
    {"clipNorm", T::kNumber, f(OptimizerConfig{}.clip_norm), 0.0, 1000.0, 0, nullptr,
     "> 0 clips the global gradient norm to it; 0 = off",
     [](const S& s) { return f(s.optimizer.clip_norm); },
     [](S* s, double v) { s->optimizer.clip_norm = to_f(v); }, nullptr, nullptr, kLive},
    {"dropout", T::kNumber, 0.0, 0.0, f(kMlpMaxDropout), 0, nullptr,
     "inverted dropout rate after each hidden activation, training steps only (0 = off)",
     [](const S& s) { return f(s.dropout); }, [](S* s, double v) { s->dropout = to_f(v); }, nullptr,
     nullptr},
    {"batchNorm", T::kBool, 0, 0, 1, 0, nullptr,
     "batch normalisation before each hidden activation (batch statistics in training, running "
     "ones in evaluation)",
     [](const S& s) { return s.batch_norm ? 1.0 : 0.0; },
     [](S* s, double v) { s->batch_norm = v != 0.0; }, nullptr, nullptr},
};
constexpr int kRowCount = sizeof(kRows) / sizeof(kRows[0]);

bool is_scalar(SettingType type) {
  return type != T::kLayers && type != T::kActivations && type != T::kData;
}

std::string format(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", x);
  return text;
}

// "" if row's value in s is in range.
std::string check_row(const SettingRow& row, const S& s) {
  const double v = row.get(s);
  const std::string at = std::string(row.key) + ": ";
  switch (row.type) {
    case T::kNumber: {
      if (!std::isfinite(v)) return at + "must be a finite number";
      // Bounds compare as the floats the values are stored as.
      const float x = to_f(v), lo = to_f(row.min), hi = to_f(row.max);
      if (!(x >= lo && x <= hi)) {
        return at + format(v) + " is outside " + format(f(lo)) + ".." + format(f(hi));
      }
      return "";
    }
    case T::kInt:  // max_for narrows only what the reader clamps to
      if (!(v >= row.min && v <= row.max)) {
        return at + format(v) + " is outside " + format(row.min) + ".." + format(row.max);
      }
      return "";
    case T::kEnum:
      return v >= 0 && v < row.option_count ? "" : at + "unknown value " + format(v);
    default:
      return "";
  }
}

std::string validate_spec(const NetworkSpec& spec, size_t index) {
  const std::string name = "networks[" + std::to_string(index) + "]";
  const int op = static_cast<int>(spec.activation);
  if (op < 0 || op >= kActivationCount) return name + ".activation: unknown";
  if (std::string error = validate_activation_params(spec.activation, spec.params);
      !error.empty()) {
    return name + ".params." + error;
  }
  return "";
}

}  // namespace

const char* setting_type_name(SettingType type) {
  constexpr const char* kNames[] = {"number", "int",    "bool",        "enum",
                                    "seed",   "layers", "activations", "data"};
  return kNames[static_cast<int>(type)];
}

int arena_setting_count() { return kRowCount; }
const SettingRow& arena_setting(int index) { return kRows[index]; }

const SettingRow* arena_setting_find(std::string_view key) {
  for (const SettingRow& row : kRows) {
    if (key == row.key) return &row;
  }
  return nullptr;
}

bool setting_is_child(const SettingRow& child, const SettingRow& parent) {
  const std::string_view key = child.key, prefix = parent.key;
  return key.size() > prefix.size() && key.substr(0, prefix.size()) == prefix &&
         key[prefix.size()] == '.';
}

bool setting_has_children(const SettingRow& row) {
  for (const SettingRow& other : kRows) {
    if (setting_is_child(other, row)) return true;
  }
  return false;
}

const char* setting_parent_key(const SettingRow& row) {
  for (const SettingRow& other : kRows) {
    if (setting_is_child(row, other)) return other.key;
  }
  return nullptr;
}

const char* setting_child_name(const SettingRow& child) {
  const char* dot = std::strchr(child.key, '.');
  return dot == nullptr ? child.key : dot + 1;
}

bool setting_option(const SettingRow& row, std::string_view name, double* value) {
  for (int i = 0; i < row.option_count; ++i) {
    if (name == row.option(i)) {
      *value = i;
      return true;
    }
  }
  return false;
}

std::string setting_options_text(const SettingRow& row) {
  std::string text;
  for (int i = 0; i < row.option_count; ++i)
    text += (i > 0 ? ", " : "") + std::string(row.option(i));
  return text;
}

const char* setting_change_name(SettingChange change) {
  return change == SettingChange::kLive ? "live" : "restart";
}

std::string setting_condition_key(const SettingRow& row) {
  if (row.applies_when == nullptr) return "";
  const char* eq = std::strchr(row.applies_when, '=');
  return std::string(row.applies_when, static_cast<size_t>(eq - row.applies_when));
}

std::vector<std::string> setting_condition_options(const SettingRow& row) {
  std::vector<std::string> options;
  if (row.applies_when == nullptr) return options;
  std::string_view rest = std::strchr(row.applies_when, '=') + 1;
  for (size_t comma; (comma = rest.find(',')) != std::string_view::npos;) {
    options.emplace_back(rest.substr(0, comma));
    rest.remove_prefix(comma + 1);
  }
  options.emplace_back(rest);
  return options;
}

bool setting_applies(const SettingRow& row, const ArenaSettings& s) {
  if (row.applies_when == nullptr) return true;
  const SettingRow* on = arena_setting_find(setting_condition_key(row));
  const std::string value = on->option(static_cast<int>(on->get(s)));
  for (const std::string& option : setting_condition_options(row)) {
    if (option == value) return true;
  }
  return false;
}

namespace {

bool same_network(const NetworkSpec& a, const NetworkSpec& b) {
  if (a.activation != b.activation || a.label != b.label) return false;
  for (int i = 0; i < activation_param_count(); ++i) {
    const ActivationParamInfo& p = activation_param(i);
    if (p.op == a.activation && p.get(a.params) != p.get(b.params)) return false;
  }
  return true;
}

bool same_networks(const std::vector<NetworkSpec>& a, const std::vector<NetworkSpec>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!same_network(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace

const char* arena_restart_difference(const ArenaSettings& a, const ArenaSettings& b) {
  for (const SettingRow& row : kRows) {
    if (row.change == SettingChange::kLive) continue;
    bool same = true;
    if (row.type == T::kLayers)
      same = a.hidden == b.hidden;
    else if (row.type == T::kActivations)
      same = same_networks(a.networks, b.networks);
    else if (row.type == T::kData)  // given points have no scalar getter: compare the rows
      same = a.dataset.custom_points == b.dataset.custom_points &&
             a.dataset.custom_labels == b.dataset.custom_labels;
    else
      same = row.get(a) == row.get(b);
    if (!same) return row.key;
  }
  return nullptr;
}

std::vector<NetworkSpec> arena_default_networks() {
  const Activation ops[] = {Activation::kRelu,     Activation::kLeakyRelu, Activation::kPrelu,
                            Activation::kElu,      Activation::kGelu,      Activation::kSilu,
                            Activation::kSoftplus, Activation::kTanh,      Activation::kSigmoid,
                            Activation::kLinear};
  std::vector<NetworkSpec> specs;
  for (Activation op : ops) {
    NetworkSpec spec;
    spec.activation = op;
    specs.push_back(spec);
  }
  return specs;
}

ArenaSettings::ArenaSettings()
    : hidden(std::begin(kArenaDefaultLayers), std::end(kArenaDefaultLayers)),
      networks(arena_default_networks()) {
  for (const SettingRow& row : kRows) {
    if (is_scalar(row.type)) row.set(this, row.init);
  }
}

std::string arena_validate(const ArenaSettings& settings) {
  for (const SettingRow& row : kRows) {
    if (is_scalar(row.type)) {
      if (std::string error = check_row(row, settings); !error.empty()) return error;
    }
  }
  if (settings.hidden.size() > static_cast<size_t>(kMlpMaxHiddenLayers)) {
    return "layers: " + std::to_string(settings.hidden.size()) + " hidden layers; at most " +
           std::to_string(kMlpMaxHiddenLayers);
  }
  for (size_t l = 0; l < settings.hidden.size(); ++l) {
    if (settings.hidden[l] < 1 || settings.hidden[l] > kMlpMaxUnits) {  // the layers row's range
      return "layers[" + std::to_string(l) + "]: " + std::to_string(settings.hidden[l]) +
             " units is outside 1.." + std::to_string(kMlpMaxUnits);
    }
  }
  if (settings.networks.empty() || settings.networks.size() > kArenaMaxNetworks) {
    return "networks: " + std::to_string(settings.networks.size()) + " is outside 1.." +
           std::to_string(kArenaMaxNetworks);
  }
  for (size_t i = 0; i < settings.networks.size(); ++i) {
    if (std::string error = validate_spec(settings.networks[i], i); !error.empty()) return error;
  }
  const DatasetConfig& data = settings.dataset;
  if (!data.custom_labels.empty() || !data.custom_points.empty()) {
    return dataset_validate_custom(data.custom_points, data.custom_labels, "data");
  }
  return "";
}

}  // namespace relu
