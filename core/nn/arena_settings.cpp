// The arena settings table (the rows of arena_settings.inc), ArenaSettings' defaults from it, and
// arena_validate over it.
#include "nn/arena_settings.h"

#include <cmath>
#include <cstring>
#include <type_traits>

#include "base/number_text.h"
#include "kernels/activation_params.h"

namespace relu {
namespace {

using S = ArenaSettings;
using T = SettingType;

// A scalar setting's value as it crosses (double) and back into its ArenaSettings member, by
// the member's type: a float as itself, an int, a seed, a bool as 0/1, an enum as its index.
double setting_value(double x) { return x; }
double setting_value(float x) { return static_cast<double>(x); }
double setting_value(int x) { return static_cast<double>(x); }
double setting_value(uint64_t x) { return static_cast<double>(x); }
double setting_value(bool x) { return x ? 1.0 : 0.0; }
template <class Enum, class = std::enable_if_t<std::is_enum_v<Enum>>>
double setting_value(Enum x) {
  return static_cast<double>(static_cast<int>(x));
}
void setting_store(float* member, double v) { *member = static_cast<float>(v); }
void setting_store(int* member, double v) { *member = static_cast<int>(v); }
void setting_store(uint64_t* member, double v) { *member = static_cast<uint64_t>(v); }
void setting_store(bool* member, double v) { *member = v != 0.0; }
template <class Enum, class = std::enable_if_t<std::is_enum_v<Enum>>>
void setting_store(Enum* member, double v) {
  *member = static_cast<Enum>(static_cast<int>(v));
}
// The optimizer row is one enum over two members: optimizer_name()'s kinds, then "nesterov"
// (momentum with Nesterov's update).
constexpr int kNesterovOption = kOptimizerKindCount;
double setting_value(const OptimizerConfig& o) {
  const bool nesterov = o.kind == OptimizerKind::kMomentum && o.nesterov;
  return nesterov ? kNesterovOption : setting_value(o.kind);
}
void setting_store(OptimizerConfig* o, double v) {
  o->nesterov = static_cast<int>(v) == kNesterovOption;
  o->kind =
      o->nesterov ? OptimizerKind::kMomentum : static_cast<OptimizerKind>(static_cast<int>(v));
}

// The options column: an enum row's names by index.
struct SettingOptions {
  int count;
  const char* (*name)(int index);
};
constexpr SettingOptions kNoOptions = {0, nullptr};
constexpr SettingOptions kDatasets = {
    kDatasetKindCount, [](int i) { return dataset_name(static_cast<DatasetKind>(i)); }};
constexpr SettingOptions kFeatures = {
    kInputFeatureCount, [](int i) { return input_feature_name(static_cast<InputFeature>(i)); }};
constexpr SettingOptions kInitSchemes = {
    kInitSchemeCount, [](int i) { return init_scheme_name(static_cast<InitScheme>(i)); }};
constexpr SettingOptions kOptimizers = {
    kOptimizerKindCount + 1, [](int i) {
      return i == kNesterovOption ? "nesterov" : optimizer_name(static_cast<OptimizerKind>(i));
    }};
// The bound column.
constexpr double (*kNoBound)(const S&) = nullptr;
double point_count(const S& s) { return static_cast<double>(s.dataset.points); }
constexpr const char* kAlways = nullptr;

// The get and set of a row, by its type: scalars through setting_value and setting_store, the
// others (read and written by io) none.
#define RELU_SCALAR_ACCESS(field)                    \
  [](const S& s) { return setting_value(s.field); }, \
      [](S* s, double v) { setting_store(&s->field, v); }
#define RELU_ACCESS_Number(field) RELU_SCALAR_ACCESS(field)
#define RELU_ACCESS_Int(field) RELU_SCALAR_ACCESS(field)
#define RELU_ACCESS_Bool(field) RELU_SCALAR_ACCESS(field)
#define RELU_ACCESS_Enum(field) RELU_SCALAR_ACCESS(field)
#define RELU_ACCESS_Seed(field) RELU_SCALAR_ACCESS(field)
#define RELU_ACCESS_Layers(field) nullptr, nullptr
#define RELU_ACCESS_Activations(field) nullptr, nullptr
#define RELU_ACCESS_Data(field) nullptr, nullptr
#define RELU_ACCESS_List(field) nullptr, nullptr

const SettingRow kRows[] = {
#define RELU_ARENA_SETTING(key, Type, field, init, min, max, options, bound, when, change, \
                           meaning)                                                        \
  {key,                                                                                    \
   T::k##Type,                                                                             \
   setting_value(init),                                                                    \
   static_cast<double>(min),                                                               \
   static_cast<double>(max),                                                               \
   options.count,                                                                          \
   options.name,                                                                           \
   meaning,                                                                                \
   RELU_ACCESS_##Type(field),                                                              \
   bound,                                                                                  \
   when,                                                                                   \
   SettingChange::k##change},
#include "nn/arena_settings.inc"
#undef RELU_ARENA_SETTING
};
#undef RELU_SCALAR_ACCESS
#undef RELU_ACCESS_Number
#undef RELU_ACCESS_Int
#undef RELU_ACCESS_Bool
#undef RELU_ACCESS_Enum
#undef RELU_ACCESS_Seed
#undef RELU_ACCESS_Layers
#undef RELU_ACCESS_Activations
#undef RELU_ACCESS_Data
#undef RELU_ACCESS_List
constexpr int kRowCount = sizeof(kRows) / sizeof(kRows[0]);

bool is_scalar(SettingType type) {
  return type != T::kLayers && type != T::kActivations && type != T::kData && type != T::kList;
}

// "" if row's value in s is in range.
std::string check_row(const SettingRow& row, const S& s) {
  const double v = row.get(s);
  const std::string at = std::string(row.key) + ": ";
  switch (row.type) {
    case T::kNumber: {
      if (!std::isfinite(v)) return at + "must be a finite number";
      // Bounds compare as the floats the values are stored as.
      const float x = static_cast<float>(v), lo = static_cast<float>(row.min),
                  hi = static_cast<float>(row.max);
      if (!(x >= lo && x <= hi)) {
        return at + value_text(x) + " is outside " + value_text(lo) + ".." + value_text(hi);
      }
      return "";
    }
    case T::kInt:  // max_for narrows only what the reader clamps to
      if (!(v >= row.min && v <= row.max)) {
        return at + value_text(v) + " is outside " + value_text(row.min) + ".." +
               value_text(row.max);
      }
      return "";
    case T::kEnum:
      return v >= 0 && v < row.option_count ? "" : at + "unknown value " + value_text(v);
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
  constexpr const char* kNames[] = {"number", "int",         "bool", "enum", "seed",
                                    "layers", "activations", "data", "list"};
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
    else if (row.type == T::kList)
      same = a.features == b.features;
    else if (row.type == T::kData)  // given points have no scalar getter: compare the rows
      same = a.dataset.custom_points == b.dataset.custom_points &&
             a.dataset.custom_labels == b.dataset.custom_labels &&
             a.dataset.custom_targets == b.dataset.custom_targets;
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
  if (std::string error = input_features_validate(settings.features); !error.empty()) return error;
  if (settings.networks.empty() || settings.networks.size() > kArenaMaxNetworks) {
    return "networks: " + std::to_string(settings.networks.size()) + " is outside 1.." +
           std::to_string(kArenaMaxNetworks);
  }
  for (size_t i = 0; i < settings.networks.size(); ++i) {
    if (std::string error = validate_spec(settings.networks[i], i); !error.empty()) return error;
  }
  const DatasetConfig& data = settings.dataset;
  if (dataset_is_custom(data)) return dataset_validate_custom(data, "data");
  return "";
}

}  // namespace relu
