// Reading arena settings and training options from JSON over the rows of nn/arena_settings.h
// and kernels/activation_params.inc: defaults, clamping with warnings, errors naming the field.
// Writing them back is settings_write.cpp.
#include "io/settings.h"

#include <algorithm>

#include "io/activation_params_json.h"
#include "io/field_reader.h"

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
    if (!read_activation_params(r, *params, json::path_key(path, "params"), spec->activation,
                                ParamsIn::kSettings, &spec->params)) {
      return false;
    }
  }
  if (const json::Value* label = v.find("label")) {
    const std::string at = json::path_key(path, "label");
    if (!r->string(*label, at, &spec->label)) return false;
    if (spec->label.size() > kArenaMaxLabelBytes) {
      size_t cut = kArenaMaxLabelBytes;  // do not split a UTF-8 sequence
      while (cut > 0 && (static_cast<unsigned char>(spec->label[cut]) & 0xC0) == 0x80) --cut;
      spec->label.resize(cut);
      r->warn(at + ": longer than " + std::to_string(kArenaMaxLabelBytes) + " bytes, truncated");
    }
  }
  return true;
}

bool read_layers(FieldReader* r, const SettingRow& row, const json::Value& v,
                 std::vector<int>* hidden) {
  if (!r->expect(v, json::Type::kArray, row.key)) return false;
  size_t count = v.size();
  if (count > static_cast<size_t>(kMlpMaxHiddenLayers)) {
    r->warn(std::string(row.key) + ": " + std::to_string(count) +
            " hidden layers, kept the first " + std::to_string(kMlpMaxHiddenLayers));
    count = kMlpMaxHiddenLayers;
  }
  hidden->clear();
  for (size_t l = 0; l < count; ++l) {
    long long units;
    if (!r->integer(v.at(l), json::path_index(row.key, l), static_cast<long long>(row.min),
                    static_cast<long long>(row.max), &units)) {
      return false;
    }
    hidden->push_back(static_cast<int>(units));
  }
  return true;
}

bool read_networks(FieldReader* r, const SettingRow& row, const json::Value& v,
                   std::vector<NetworkSpec>* networks) {
  if (!r->expect(v, json::Type::kArray, row.key)) return false;
  if (v.size() == 0) return r->fail(row.key, "expected at least one network");
  size_t count = v.size();
  if (count > static_cast<size_t>(kArenaMaxNetworks)) {
    r->warn(std::string(row.key) + ": " + std::to_string(count) + " networks, kept the first " +
            std::to_string(kArenaMaxNetworks));
    count = kArenaMaxNetworks;
  }
  networks->assign(count, NetworkSpec());
  for (size_t i = 0; i < count; ++i) {
    if (!read_network(r, v.at(i), json::path_index(row.key, i), &(*networks)[i])) return false;
  }
  return true;
}

// The data row: {points: [[x, y], ...] or [x, y, ...], labels: [0 | 1, ...] or targets:
// [number, ...]}, strict (data is not clamped); sets the points row to the row count, with a
// warning if it said otherwise.
bool read_data(FieldReader* r, const SettingRow& row, const json::Value& v, bool points_given,
               ArenaSettings* s) {
  if (!r->expect(v, json::Type::kObject, row.key)) return false;
  r->unknown_keys(v, row.key, {"points", "labels", "targets"});
  const std::string points_at = json::path_key(row.key, "points");
  const json::Value* points = v.find("points");
  const json::Value* labels = v.find("labels");
  const json::Value* targets = v.find("targets");
  // Core's contract says why both or neither of labels and targets is an error.
  auto fail_with = [&](const std::string& error) {
    const size_t colon = error.find(": ");
    return r->fail(error.substr(0, colon), error.substr(colon + 2));
  };
  if ((labels == nullptr) == (targets == nullptr)) {
    DatasetConfig which;
    if (labels != nullptr) which.custom_labels = which.custom_targets = {0.0f};
    return fail_with(dataset_validate_custom(which, row.key));
  }
  const bool regression = targets != nullptr;
  const json::Value* values = regression ? targets : labels;
  const char* values_name = regression ? "targets" : "labels";
  const std::string values_at = json::path_key(row.key, values_name);
  if (points == nullptr) return r->fail(points_at, "missing");
  if (!r->expect(*points, json::Type::kArray, points_at)) return false;
  if (!r->expect(*values, json::Type::kArray, values_at)) return false;
  const size_t n = values->size();
  if (n < static_cast<size_t>(row.min) || n > static_cast<size_t>(row.max)) {
    return r->fail(values_at, std::to_string(n) + " rows is outside " + format_number(row.min) +
                                  ".." + format_number(row.max));
  }
  const bool pairs = points->size() > 0 && points->at(0).is_array();
  if (points->size() != (pairs ? n : 2 * n)) {
    return r->fail(points_at, "expected " + std::to_string(n) +
                                  " points ([x, y] pairs or 2 numbers each) for " +
                                  std::to_string(n) + " " + values_name + ", got " +
                                  std::to_string(points->size()) + " values");
  }
  std::vector<float> xy(2 * n), y(n);
  for (size_t k = 0; k < 2 * n; ++k) {
    const json::Value* item = &points->at(pairs ? k / 2 : k);
    std::string at = json::path_index(points_at, pairs ? k / 2 : k);
    if (pairs) {
      if (!r->expect(*item, json::Type::kArray, at)) return false;
      if (item->size() != 2) return r->fail(at, "expected [x, y]");
      item = &item->at(k % 2);
      at = json::path_index(at, k % 2);
    }
    if (!r->finite_f32(*item, at, &xy[k])) return false;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!r->finite_f32(values->at(i), json::path_index(values_at, i), &y[i])) return false;
  }
  DatasetConfig given;
  given.custom_points = std::move(xy);
  (regression ? given.custom_targets : given.custom_labels) = std::move(y);
  if (std::string error = dataset_validate_custom(given, row.key); !error.empty()) {
    return fail_with(error);
  }
  if (points_given && s->dataset.points != static_cast<int>(n)) {
    r->warn("points: " + std::to_string(s->dataset.points) + " replaced by data's " +
            std::to_string(n) + " rows");
  }
  s->dataset.points = static_cast<int>(n);
  s->dataset.custom_points = std::move(given.custom_points);
  s->dataset.custom_labels = std::move(given.custom_labels);
  s->dataset.custom_targets = std::move(given.custom_targets);
  return true;
}

// A list row (the input features): distinct option names, at least row.min and at most row.max
// of them, stored in option order whatever order they came in (so one set has one spelling);
// an unknown name is an error, a repeated one a warning.
bool read_features(FieldReader* r, const SettingRow& row, const json::Value& v,
                   std::vector<InputFeature>* features) {
  if (!r->expect(v, json::Type::kArray, row.key)) return false;
  bool chosen[kInputFeatureCount] = {};
  for (size_t k = 0; k < v.size(); ++k) {
    const std::string at = json::path_index(row.key, k);
    std::string name;
    double index;
    if (!r->string(v.at(k), at, &name)) return false;
    if (!setting_option(row, name, &index)) {
      return r->fail(at, "unknown feature " + json::quote(name) + " (expected one of " +
                             setting_options_text(row) + ")");
    }
    if (chosen[static_cast<int>(index)]) r->warn(at + ": " + name + " is given twice, kept once");
    chosen[static_cast<int>(index)] = true;
  }
  features->clear();
  for (int i = 0; i < kInputFeatureCount; ++i) {
    if (chosen[i]) features->push_back(static_cast<InputFeature>(i));
  }
  if (features->size() < static_cast<size_t>(row.min)) {
    return r->fail(row.key, "expected at least " + format_number(row.min) + " feature");
  }
  return true;
}

// A scalar row's value: numbers and ints clamped to the row's range, a seed checked, an enum by
// name.
bool read_scalar(FieldReader* r, const SettingRow& row, const json::Value& v,
                 const std::string& path, ArenaSettings* s) {
  switch (row.type) {
    case SettingType::kNumber: {
      float x;
      if (!r->number_f32(v, path, row.min, row.max, &x)) return false;
      row.set(s, static_cast<double>(x));
      return true;
    }
    case SettingType::kInt: {
      const double hi = row.max_for != nullptr ? std::min(row.max, row.max_for(*s)) : row.max;
      long long n;
      if (!r->integer(v, path, static_cast<long long>(row.min), static_cast<long long>(hi), &n)) {
        return false;
      }
      row.set(s, static_cast<double>(n));
      return true;
    }
    case SettingType::kBool: {
      bool b;
      if (!r->boolean(v, path, &b)) return false;
      row.set(s, b ? 1.0 : 0.0);
      return true;
    }
    case SettingType::kSeed: {
      double x;
      if (!r->integer_strict(v, path, row.min, row.max, &x)) return false;
      row.set(s, x);
      return true;
    }
    case SettingType::kEnum: {
      std::string name;
      double value;
      if (!r->string(v, path, &name)) return false;
      if (!setting_option(row, name, &value)) {
        return r->fail(path, "unknown " + std::string(row.key) + " " + json::quote(name) +
                                 " (expected one of " + setting_options_text(row) + ")");
      }
      row.set(s, value);
      return true;
    }
    default:
      return r->fail(path, "internal: not a scalar setting");
  }
}

// The optimizer object: {name, lr, <its child rows>}. Its "lr" is the top-level lr row, read
// last by the caller so that it wins.
bool read_object(FieldReader* r, const SettingRow& row, const json::Value& v, ArenaSettings* s) {
  std::vector<std::string> known = {"name", "lr"};
  for (int i = 0; i < arena_setting_count(); ++i) {
    const SettingRow& child = arena_setting(i);
    if (setting_is_child(child, row)) known.push_back(setting_child_name(child));
  }
  r->unknown_keys(v, row.key, known);
  if (const json::Value* name = v.find("name")) {
    if (!read_scalar(r, row, *name, json::path_key(row.key, "name"), s)) return false;
  }
  for (int i = 0; i < arena_setting_count(); ++i) {
    const SettingRow& child = arena_setting(i);
    if (!setting_is_child(child, row)) continue;
    const json::Value* field = v.find(setting_child_name(child));
    if (field != nullptr && !read_scalar(r, child, *field, child.key, s)) return false;
  }
  return true;
}

// Reads every top-level row that `wanted` accepts from root into s.
bool read_rows(FieldReader* r, const json::Value& root, ArenaSettings* s,
               bool (*wanted)(const SettingRow& row)) {
  const json::Value* object_lr = nullptr;
  for (int i = 0; i < arena_setting_count(); ++i) {
    const SettingRow& row = arena_setting(i);
    if (setting_parent_key(row) != nullptr || !wanted(row)) continue;
    const json::Value* v = root.find(row.key);
    if (v == nullptr) continue;
    bool ok = true;
    if (row.type == SettingType::kLayers) {
      ok = read_layers(r, row, *v, &s->hidden);
    } else if (row.type == SettingType::kActivations) {
      ok = read_networks(r, row, *v, &s->networks);
    } else if (row.type == SettingType::kData) {
      ok = read_data(r, row, *v, root.find("points") != nullptr, s);
    } else if (row.type == SettingType::kList) {
      ok = read_features(r, row, *v, &s->features);
    } else if (setting_has_children(row) && v->is_object()) {
      ok = read_object(r, row, *v, s);
      object_lr = v->find("lr");
    } else if (setting_has_children(row) && !v->is_string()) {
      ok = r->fail(row.key, std::string("expected a name or an object, got ") +
                                json::type_article_name(v->type()));
    } else {
      ok = read_scalar(r, row, *v, row.key, s);
    }
    if (!ok) return false;
  }
  if (object_lr != nullptr) {
    const float top_lr = s->optimizer.lr;
    if (!read_scalar(r, *arena_setting_find("lr"), *object_lr, "optimizer.lr", s)) return false;
    if (root.find("lr") != nullptr && s->optimizer.lr != top_lr) {
      r->warn("lr: overridden by optimizer.lr");
    }
  }
  return true;
}

bool every_row(const SettingRow&) { return true; }

// The settings net.train's options share with the arena (its own: batchSize, steps).
bool optimizer_row(const SettingRow& row) {
  for (const char* key : {"optimizer", "lr", "l1", "l2", "clipNorm"}) {
    if (std::string_view(row.key) == key) return true;
  }
  return false;
}

bool read_settings(FieldReader* r, const json::Value& root, ArenaSettings* s) {
  if (!r->expect(root, json::Type::kObject, "")) return false;
  std::vector<std::string> known = {"warnings"};  // settings_to_json's echo, ignored
  for (int i = 0; i < arena_setting_count(); ++i) {
    if (setting_parent_key(arena_setting(i)) == nullptr) known.push_back(arena_setting(i).key);
  }
  r->unknown_keys(root, "", known);
  return read_rows(r, root, s, every_row);
}

}  // namespace

namespace {

// Reads value over result->settings (the defaults or a base).
void read_over(const json::Value& value, SettingsResult* result) {
  FieldReader reader(&result->warnings);
  if (read_settings(&reader, value, &result->settings)) {
    // Everything was clamped into range; this guards the reader against drifting from the rows.
    if (std::string error = arena_validate(result->settings); !error.empty()) {
      reader.fail("", "internal: clamped settings rejected by the arena: " + error);
    }
  }
  if (reader.failed()) {
    result->error = reader.error();
    result->settings = ArenaSettings();
  }
}

}  // namespace

SettingsResult settings_from_json(const json::Value& value) {
  SettingsResult result;
  read_over(value, &result);
  return result;
}

SettingsResult settings_over_json(const json::Value& value, const ArenaSettings& base) {
  SettingsResult result;
  result.settings = base;
  read_over(value, &result);
  return result;
}

SettingsResult settings_from_json_text(std::string_view text) {
  const json::ParseResult parsed = json::parse(text, kSettingsParseLimits);
  if (!parsed.ok()) {
    SettingsResult result;
    result.error = parsed.error;
    return result;
  }
  return settings_from_json(parsed.value);
}

SettingsResult settings_over_json_text(std::string_view text, const ArenaSettings& base) {
  const json::ParseResult parsed = json::parse(text, kSettingsParseLimits);
  if (!parsed.ok()) {
    SettingsResult result;
    result.error = parsed.error;
    return result;
  }
  return settings_over_json(parsed.value, base);
}

TrainOptionsResult train_options_from_json(const json::Value& value, int example_count) {
  TrainOptionsResult result;
  result.options.batch_size = example_count < 1 ? 1 : example_count;
  FieldReader r(&result.warnings);
  if (r.expect(value, json::Type::kObject, "options")) {
    r.unknown_keys(value, "", {"optimizer", "lr", "batchSize", "steps", "l1", "l2", "clipNorm"});
    // The arena's optimizer rows read into net.train's own defaults.
    ArenaSettings borrowed;
    borrowed.optimizer = result.options.optimizer;
    long long batch = result.options.batch_size, steps = result.options.steps;
    const json::Value* v = value.find("batchSize");
    if (read_rows(&r, value, &borrowed, optimizer_row) &&
        (!v || r.integer(*v, "batchSize", 1, result.options.batch_size, &batch))) {
      v = value.find("steps");
      if (!v || r.integer(*v, "steps", 0, kTrainMaxSteps, &steps)) {
        result.options.optimizer = borrowed.optimizer;
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
