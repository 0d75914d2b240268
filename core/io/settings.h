// Arena settings as JSON (the JS API's one plain object) <-> ArenaSettings: every key optional,
// out-of-range numbers clamped with a warning, malformed values an error naming the field. Keys,
// types, ranges and defaults come from the rows of nn/arena_settings.h and, for activation
// params, kernels/activation_params.inc; the arena itself is nn/arena.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/json.h"
#include "nn/arena.h"

namespace relu {

struct SettingsResult {
  ArenaSettings settings;             // the defaults, overridden by every valid key
  std::vector<std::string> warnings;  // clamps and ignored keys, e.g. "lr 1000 clamped to 10"
  std::string error;                  // "" if usable, else "<field>: <what is wrong>"
  bool ok() const { return error.empty(); }
};

// Settings text is a few hundred bytes, or up to ~230 KB with a data row of 5000 points at
// full double precision ([x, y] and a label, ~46 bytes a row); these bound what a caller can
// make core parse (and so the memory a parse can take). The JS library checks the same limits
// before calling core.
inline constexpr size_t kSettingsMaxTextBytes = size_t{256} << 10;
inline constexpr size_t kTrainOptionsMaxTextBytes = size_t{16} << 10;
inline constexpr json::ParseLimits kSettingsParseLimits = {kSettingsMaxTextBytes, 16};
inline constexpr json::ParseLimits kTrainOptionsParseLimits = {kTrainOptionsMaxTextBytes, 8};

// Reads a settings object (see the table in README "Settings"). Absent keys keep
// ArenaSettings' defaults; null is a wrong type, not "absent". The returned settings pass
// arena_validate() whenever ok().
SettingsResult settings_from_json(const json::Value& value);
// Parses the text first (kSettingsParseLimits); a JSON syntax error is returned as the error.
SettingsResult settings_from_json_text(std::string_view text);
// The same over `base` instead of the defaults: absent keys keep base's values (a partial
// object such as {"lr": 0.003} for Arena::update). On error the settings are the defaults.
SettingsResult settings_over_json(const json::Value& value, const ArenaSettings& base);
SettingsResult settings_over_json_text(std::string_view text, const ArenaSettings& base);

// The canonical object for settings (every key, params only where they apply) plus
// "warnings": reading it back gives the same settings and no warnings.
json::Value settings_to_json(const ArenaSettings& settings,
                             const std::vector<std::string>& warnings);

// TrainOptions (nn/network.h) from the options of one net.train(X, labels, {...}) call:
// {optimizer: "sgd" | {name, lr, momentum, beta1, beta2, eps}, lr, batchSize, steps, l1, l2,
// clipNorm}, read and clamped by the arena's optimizer rows. Its own defaults: OptimizerConfig's
// (sgd, lr 0.03), batchSize = example_count (full batch), 1 step.
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
