// The schema of settings_schema.h, built from nn/arena_settings.h's rows and
// kernels/activation_params.inc.
#include "io/settings_schema.h"

#include "io/model_json.h"
#include "io/settings.h"
#include "kernels/activation_params.h"
#include "nn/arena.h"

namespace relu {
namespace {

json::Value f32(double x) { return json::Value::number_f32(static_cast<float>(x)); }

json::Value setting_json(const SettingRow& row, const ArenaSettings& defaults) {
  json::Value out = json::Value::object();
  out.set("key", json::Value::string(row.key));
  out.set("type", json::Value::string(setting_type_name(row.type)));
  switch (row.type) {
    case SettingType::kNumber:
      out.set("default", f32(row.get(defaults)));
      out.set("min", f32(row.min));
      out.set("max", f32(row.max));
      break;
    case SettingType::kInt:
    case SettingType::kSeed:
      out.set("default", json::Value::number(row.get(defaults)));
      out.set("min", json::Value::number(row.min));
      out.set("max", json::Value::number(row.max));
      break;
    case SettingType::kBool:
      out.set("default", json::Value::boolean(row.get(defaults) != 0.0));
      break;
    case SettingType::kEnum: {
      out.set("default", json::Value::string(row.option(static_cast<int>(row.get(defaults)))));
      json::Value options = json::Value::array();
      for (int i = 0; i < row.option_count; ++i) {
        options.push_back(json::Value::string(row.option(i)));
      }
      out.set("options", std::move(options));
      break;
    }
    case SettingType::kLayers: {
      json::Value layers = json::Value::array();
      for (int units : defaults.hidden) layers.push_back(json::Value::number(units));
      out.set("default", std::move(layers));
      out.set("min", json::Value::number(row.min));  // units per layer
      out.set("max", json::Value::number(row.max));
      break;
    }
    case SettingType::kData:
      out.set("default", json::Value());
      out.set("min", json::Value::number(row.min));  // rows
      out.set("max", json::Value::number(row.max));
      out.set("maxTarget", json::Value::number_f32(kDatasetMaxTarget));  // a regression's |target|
      break;
    case SettingType::kList: {
      json::Value names = json::Value::array();
      for (InputFeature f : defaults.features) {
        names.push_back(json::Value::string(input_feature_name(f)));
      }
      out.set("default", std::move(names));
      json::Value options = json::Value::array();
      for (int i = 0; i < row.option_count; ++i) {
        options.push_back(json::Value::string(row.option(i)));
      }
      out.set("options", std::move(options));
      out.set("min", json::Value::number(row.min));  // names
      out.set("max", json::Value::number(row.max));
      break;
    }
    case SettingType::kActivations: {
      json::Value names = json::Value::array();
      for (const NetworkSpec& spec : defaults.networks) {
        names.push_back(json::Value::string(activation_name(spec.activation)));
      }
      out.set("default", std::move(names));
      break;
    }
  }
  out.set("meaning", json::Value::string(row.meaning));
  out.set("change", json::Value::string(setting_change_name(row.change)));
  if (row.applies_when != nullptr) {
    json::Value when = json::Value::object();
    when.set("key", json::Value::string(setting_condition_key(row)));
    json::Value options = json::Value::array();
    for (const std::string& option : setting_condition_options(row))
      options.push_back(json::Value::string(option));
    when.set("options", std::move(options));
    out.set("appliesWhen", std::move(when));
  }
  return out;
}

json::Value param_json(const ActivationParamInfo& row) {
  json::Value out = json::Value::object();
  out.set("key", json::Value::string(row.key));
  if (row.rule == ParamRule::kOption) {
    out.set("type", json::Value::string("enum"));
    out.set("default", json::Value::string(activation_param_option_name(row, row.init)));
    json::Value options = json::Value::array();
    for (int i = 0; i < row.option_count; ++i)
      options.push_back(json::Value::string(row.options[i]));
    out.set("options", std::move(options));
  } else {
    out.set("type", json::Value::string("number"));
    out.set("default", f32(row.init));
    out.set("min", f32(row.min));
    out.set("max", f32(row.max));
  }
  out.set("meaning", json::Value::string(row.meaning));
  return out;
}

json::Value activation_json(Activation op) {
  json::Value out = json::Value::object();
  out.set("name", json::Value::string(activation_name(op)));
  out.set("displayName", json::Value::string(activation_display_name(op)));
  json::Value params = json::Value::array();
  for (int i = 0; i < activation_param_count(); ++i) {
    if (activation_param(i).op == op) params.push_back(param_json(activation_param(i)));
  }
  out.set("params", std::move(params));
  return out;
}

// JS checks settings and models against one depth limit before sending them.
static_assert(kModelParseLimits.max_depth == kSettingsParseLimits.max_depth);

json::Value limits_json() {
  json::Value out = json::Value::object();
  const std::pair<const char*, double> limits[] = {
      {"maxNetworks", kArenaMaxNetworks},
      {"maxHiddenLayers", kMlpMaxHiddenLayers},
      {"maxUnits", kMlpMaxUnits},
      {"minPoints", kDatasetMinPoints},
      {"maxPoints", kDatasetMaxPoints},
      {"maxBatchSize", kArenaMaxBatch},
      {"maxEpochsPerCall", kArenaMaxEpochsPerCall},
      {"maxLabelBytes", static_cast<double>(kArenaMaxLabelBytes)},
      {"minFieldResolution", kFieldMinResolution},
      {"maxFieldResolution", kFieldMaxResolution},
      {"maxTrainSteps", kTrainMaxSteps},
      {"maxStepsPerCall", kArenaMaxStepsPerCall},
      {"workPerCall", static_cast<double>(kWorkPerCall)},
      {"maxSettingsBytes", static_cast<double>(kSettingsMaxTextBytes)},
      {"maxModelBytes", static_cast<double>(kModelMaxTextBytes)},
      {"maxOptionsBytes", static_cast<double>(kTrainOptionsMaxTextBytes)},
      {"maxJsonDepth", static_cast<double>(kSettingsParseLimits.max_depth)},
      {"maxOptionsDepth", static_cast<double>(kTrainOptionsParseLimits.max_depth)},
  };
  for (const auto& [key, value] : limits) out.set(key, json::Value::number(value));
  return out;
}

}  // namespace

json::Value settings_schema_json() {
  const ArenaSettings defaults;
  json::Value settings = json::Value::array();
  for (int i = 0; i < arena_setting_count(); ++i) {
    settings.push_back(setting_json(arena_setting(i), defaults));
  }
  json::Value activations = json::Value::array();
  for (int i = 0; i < kActivationCount; ++i) {
    activations.push_back(activation_json(static_cast<Activation>(i)));
  }
  // The dataset options that are regressions (targets, MSE, R^2): the page picks its legend,
  // scores and own-data presets by them before any arena exists.
  json::Value regressions = json::Value::array();
  for (int k = 0; k < kDatasetKindCount; ++k) {
    const auto kind = static_cast<DatasetKind>(k);
    if (dataset_is_regression(kind)) regressions.push_back(json::Value::string(dataset_name(kind)));
  }
  json::Value out = json::Value::object();
  out.set("settings", std::move(settings));
  out.set("regressionDatasets", std::move(regressions));
  out.set("activations", std::move(activations));
  out.set("limits", limits_json());
  return out;
}

std::string settings_schema_text() { return json::write(settings_schema_json()); }

}  // namespace relu
