// ArenaSettings -> the canonical settings JSON over the rows of nn/arena_settings.h (every key,
// params only where they apply, plus the warnings of the read that produced them); reading it
// back gives the same settings and no warnings.
#include "io/activation_params_json.h"
#include "io/settings.h"

namespace relu {
namespace {

json::Value network_json(const NetworkSpec& spec) {
  json::Value out = json::Value::object();
  out.set("activation", json::Value::string(activation_name(spec.activation)));
  out.set("params", activation_params_json(spec.activation, spec.params, ParamsIn::kSettings));
  out.set("label", json::Value::string(network_label(spec)));
  return out;
}

// Given points as the reader takes them: {points: [[x, y], ...], labels: [...]} or, for a
// regression, {points, targets: [...]}, in the order they were given (the arena's data() is the
// shuffled, scaled copy).
json::Value data_json(const DatasetConfig& d) {
  const bool regression = !d.custom_targets.empty();
  const std::vector<float>& given = regression ? d.custom_targets : d.custom_labels;
  json::Value points = json::Value::array();
  json::Value values = json::Value::array();
  for (size_t i = 0; i < given.size(); ++i) {
    json::Value point = json::Value::array();
    point.push_back(json::Value::number_f32(d.custom_points[2 * i]));
    point.push_back(json::Value::number_f32(d.custom_points[2 * i + 1]));
    points.push_back(std::move(point));
    values.push_back(json::Value::number_f32(given[i]));
  }
  json::Value out = json::Value::object();
  out.set("points", std::move(points));
  out.set(regression ? "targets" : "labels", std::move(values));
  return out;
}

json::Value scalar_json(const SettingRow& row, const ArenaSettings& s) {
  const double v = row.get(s);
  switch (row.type) {
    case SettingType::kNumber:
      return json::Value::number_f32(static_cast<float>(v));
    case SettingType::kBool:
      return json::Value::boolean(v != 0.0);
    case SettingType::kEnum:
      return json::Value::string(row.option(static_cast<int>(v)));
    default:  // ints; seeds beyond 2^53 (possible only from C++) print rounded, as JS holds them
      return json::Value::number(v);
  }
}

// The object form of a row with children (optimizer): {name, lr, the children that apply}.
json::Value object_json(const SettingRow& row, const ArenaSettings& s) {
  json::Value out = json::Value::object();
  out.set("name", scalar_json(row, s));
  out.set("lr", scalar_json(*arena_setting_find("lr"), s));
  for (int i = 0; i < arena_setting_count(); ++i) {
    const SettingRow& child = arena_setting(i);
    if (setting_is_child(child, row) && setting_applies(child, s)) {
      out.set(setting_child_name(child), scalar_json(child, s));
    }
  }
  return out;
}

}  // namespace

json::Value settings_to_json(const ArenaSettings& s, const std::vector<std::string>& warnings) {
  json::Value out = json::Value::object();
  for (int i = 0; i < arena_setting_count(); ++i) {
    const SettingRow& row = arena_setting(i);
    if (setting_parent_key(row) != nullptr) continue;  // written inside its parent's object
    if (row.type == SettingType::kLayers) {
      json::Value layers = json::Value::array();
      for (int units : s.hidden) layers.push_back(json::Value::number(units));
      out.set(row.key, std::move(layers));
    } else if (row.type == SettingType::kActivations) {
      json::Value networks = json::Value::array();
      for (const NetworkSpec& spec : s.networks) networks.push_back(network_json(spec));
      out.set(row.key, std::move(networks));
    } else if (row.type == SettingType::kData) {
      if (dataset_is_custom(s.dataset)) out.set(row.key, data_json(s.dataset));
    } else if (row.type == SettingType::kList) {
      json::Value names = json::Value::array();
      for (InputFeature f : s.features) names.push_back(json::Value::string(input_feature_name(f)));
      out.set(row.key, std::move(names));
    } else if (setting_has_children(row)) {
      out.set(row.key, object_json(row, s));
    } else {
      out.set(row.key, scalar_json(row, s));
    }
  }
  json::Value list = json::Value::array();
  for (const std::string& w : warnings) list.push_back(json::Value::string(w));
  out.set("warnings", std::move(list));
  return out;
}

}  // namespace relu
