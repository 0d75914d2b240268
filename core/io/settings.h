// Arena settings as JSON (the JS API's one plain object) <-> ArenaSettings: every key optional,
// out-of-range numbers clamped with a warning, malformed values an error naming the field. The
// table of keys, ranges and defaults is README "Settings"; the arena itself is nn/arena.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/json.h"
#include "nn/arena.h"

namespace relu {

// Ranges the reader clamps to (the ones not already in dataset.h / mlp.h / arena.h).
inline constexpr double kSettingsMinLr = 1e-5;  // TF Playground's log scale: 1e-5 .. 10
inline constexpr double kSettingsMaxLr = 10.0;
inline constexpr double kSettingsMaxMomentum = 0.999;
inline constexpr double kSettingsMaxBeta2 = 0.99999;
inline constexpr double kSettingsMinEps = 1e-12;
inline constexpr double kSettingsMaxEps = 0.1;
inline constexpr double kSettingsMaxPenalty = 10.0;  // l1, l2 (TF Playground's largest rate)
inline constexpr double kSettingsMaxClipNorm = 1000.0;
inline constexpr double kSettingsMaxBiasInit = 10.0;  // biasInit in [-10, 10]
inline constexpr double kSettingsMaxSlope = 1.0;      // leaky_relu slope in [0, 1]
inline constexpr double kSettingsMaxEluAlpha = 10.0;  // elu alpha in [0, 10]
inline constexpr double kSettingsMinBeta = 0.01;      // softplus beta in [0.01, 100]
inline constexpr double kSettingsMaxBeta = 100.0;
inline constexpr double kSettingsMinThreshold = 0.1;  // softplus threshold in [0.1, 100]
inline constexpr double kSettingsMaxThreshold = 100.0;
inline constexpr double kSettingsMaxPreluInit = 1.0;            // prelu init in [-1, 1]
inline constexpr double kSettingsMaxSeed = 9007199254740991.0;  // 2^53 - 1: exact in JS
inline constexpr size_t kSettingsMaxLabelBytes = 64;

struct SettingsResult {
  ArenaSettings settings;             // the defaults, overridden by every valid key
  std::vector<std::string> warnings;  // clamps and ignored keys, e.g. "lr 1000 clamped to 10"
  std::string error;                  // "" if usable, else "<field>: <what is wrong>"
  bool ok() const { return error.empty(); }
};

// Reads a settings object (see the table in README "Settings"). Absent keys keep
// ArenaSettings' defaults; null is a wrong type, not "absent". The returned settings pass
// arena_validate() whenever ok().
SettingsResult settings_from_json(const json::Value& value);
// Parses the text first; a JSON syntax error is returned as the error.
SettingsResult settings_from_json_text(std::string_view text);

// The canonical object for settings (every key, params only where they apply) plus
// "warnings": reading it back gives the same settings and no warnings.
json::Value settings_to_json(const ArenaSettings& settings,
                             const std::vector<std::string>& warnings);

// Options of one net.train(X, labels, {...}) call: {optimizer: "sgd" | {name, lr, momentum,
// beta1, beta2, eps}, lr, batchSize, steps, l1, l2, clipNorm}, clamped like the arena's.
// Defaults: OptimizerConfig's (sgd, lr 0.03), batchSize = example_count (full batch), 1 step.
inline constexpr int kTrainMaxSteps = 100000;
struct TrainOptions {
  OptimizerConfig optimizer;
  int batch_size = 1;  // 1..example_count (example_count: full batch, no shuffling)
  int steps = 1;       // 0..kTrainMaxSteps
};
struct TrainOptionsResult {
  TrainOptions options;
  std::vector<std::string> warnings;
  std::string error;
  bool ok() const { return error.empty(); }
};
TrainOptionsResult train_options_from_json(const json::Value& value, int example_count);

// What a network is called in metrics and panels: its label, else its activation's name.
std::string network_label(const NetworkSpec& spec);

}  // namespace relu
