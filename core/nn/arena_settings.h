// The arena's settings: NetworkSpec, ArenaSettings and the one table of its settings
// (arena_settings.inc: key, type, default, range, options, meaning, ...). ArenaSettings'
// defaults, arena_validate, the JSON reader and writer (io/settings.*) and the schema JS reads
// (io/settings_schema.*) all derive from the rows; JSON itself is io's job.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/activation.h"
#include "nn/dataset.h"
#include "nn/init.h"
#include "nn/input_features.h"
#include "nn/mlp.h"
#include "nn/optimizer.h"

namespace relu {

inline constexpr int kArenaMaxNetworks = 12;
inline constexpr int kArenaMaxBatch = kDatasetMaxPoints;  // batch_size >= train rows: full batch
inline constexpr size_t kArenaMaxLabelBytes = 64;

// One panel: the activation of all its hidden layers and its parameters.
struct NetworkSpec {
  Activation activation = Activation::kRelu;
  ActivationParams params;  // the rows of activation_params.inc for `activation`
  std::string label;        // shown in the panel; "" means the activation's name
};

// The networks of the default arena: every op the comparison is about, in the page's order.
std::vector<NetworkSpec> arena_default_networks();
// The default hidden layer sizes.
inline constexpr int kArenaDefaultLayers[] = {8, 8};

// Plain data. The default constructor applies the table's defaults (arena_setting_rows), so
// ArenaSettings() and the schema cannot disagree. These are the arena's defaults (Adam, lr 0.01,
// activation gains); DatasetConfig, InitConfig and OptimizerConfig keep their own APIs' defaults.
struct ArenaSettings {
  ArenaSettings();
  DatasetConfig dataset;
  // The input features of every network (MlpConfig::features), distinct, in option order.
  std::vector<InputFeature> features = MlpConfig{}.features;
  // Hidden layer sizes shared by every network: 0..kMlpMaxHiddenLayers layers of
  // 1..kMlpMaxUnits units.
  std::vector<int> hidden;
  std::vector<NetworkSpec> networks;  // 1..kArenaMaxNetworks
  InitConfig init;                    // init.seed is ignored: it comes from `seed`
  OptimizerConfig optimizer;
  int batch_size = 0;       // 1..kArenaMaxBatch; >= train rows means full batch
  uint64_t seed = 0;        // any value: dataset, initial weights and shuffles all derive from it
  float dropout = 0.0f;     // inverted dropout rate after every hidden activation (training only)
  bool batch_norm = false;  // batch normalisation before every hidden activation
};

// How a setting is spelled in JSON and checked (the Type column of arena_settings.inc).
enum class SettingType : int {
  kNumber,
  kInt,
  kBool,
  kEnum,
  kSeed,
  kLayers,
  kActivations,
  kData,
  kList
};
const char* setting_type_name(SettingType type);  // "number", "int", ...

// What changing a setting does to a running arena. kLive: Arena::update applies it to the
// networks as they are (weights, optimizer moments, epoch and shuffles kept), as TF Playground
// changes its learning rate and regularisation mid-run. kRestart: it changes the data, the
// networks' shape or initialisation, the batching (the epoch's steps) or the optimizer's kind
// (whose state means something else), so only a new arena (reset) can show it.
enum class SettingChange : int { kRestart, kLive };
const char* setting_change_name(SettingChange change);  // "restart", "live"

// One line of arena_settings.inc as data; its columns are documented there. Scalars cross as
// double (get and set convert to and from the ArenaSettings member); the other types have no
// get or set.
struct SettingRow {
  const char* key;
  SettingType type;
  double init;
  double min, max;
  int option_count;                  // the options column: how many names
  const char* (*option)(int index);  // and the name of option `index`
  const char* meaning;
  double (*get)(const ArenaSettings& s);
  void (*set)(ArenaSettings* s, double value);
  double (*max_for)(const ArenaSettings& s);  // the bound column, or nullptr
  const char* applies_when;                   // the when column, or nullptr
  SettingChange change;
};

// Every row, in the order JSON writes them.
int arena_setting_count();
const SettingRow& arena_setting(int index);
const SettingRow* arena_setting_find(std::string_view key);
// A row "<parent>.<name>" is key <name> of its parent's object form (optimizer: {name, lr,
// momentum, ...}); the parent may also be given as a plain option name.
bool setting_is_child(const SettingRow& child, const SettingRow& parent);
bool setting_has_children(const SettingRow& row);
const char* setting_parent_key(const SettingRow& row);    // nullptr for a top-level row
const char* setting_child_name(const SettingRow& child);  // "momentum"
// Whether row applies to s (its applies_when holds, or it has none).
bool setting_applies(const SettingRow& row, const ArenaSettings& s);
// applies_when split: the enum row's key and the option names ({} and "" without a condition).
std::string setting_condition_key(const SettingRow& row);
std::vector<std::string> setting_condition_options(const SettingRow& row);
// The key of the first kRestart row whose value differs between a and b (layers and
// activations compared in full), or nullptr if they differ in kLive rows at most.
const char* arena_restart_difference(const ArenaSettings& a, const ArenaSettings& b);
// row's option named `name` (false if none) and "a, b, c" for messages.
bool setting_option(const SettingRow& row, std::string_view name, double* value);
std::string setting_options_text(const SettingRow& row);

// "" if every field is in its row's range, else a message naming the field
// ("networks[3].params.beta: ...").
std::string arena_validate(const ArenaSettings& settings);

}  // namespace relu
