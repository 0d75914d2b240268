// Tests core/settings.*: defaults, every field's clamp (values and warning text from the
// documented ranges), every error path naming its field, unknown keys, the round trip, and the
// options of net.train.
#include "io/settings.h"

#include <catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "kernels/activation_params.h"

using relu::ArenaSettings;
using relu::settings_from_json_text;

namespace {

std::string canonical(const ArenaSettings& s) {
  return relu::json::write(relu::settings_to_json(s, {}));
}

bool has_warning(const relu::SettingsResult& r, const std::string& text) {
  for (const std::string& w : r.warnings) {
    if (w == text) return true;
  }
  return false;
}

std::string all_warnings(const std::vector<std::string>& warnings) {
  std::string out;
  for (const std::string& w : warnings) out += "\n  " + w;
  return out;
}

}  // namespace

TEST_CASE("an empty object gives the arena defaults and no warnings") {
  const auto r = settings_from_json_text("{}");
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  CHECK(canonical(r.settings) == canonical(ArenaSettings()));
  CHECK(relu::arena_validate(r.settings).empty());
  // The documented defaults (README "Settings"), spelled out.
  const auto json = relu::settings_to_json(r.settings, {});
  CHECK(json.find("dataset")->as_string() == "circle");
  CHECK(json.find("points")->as_number() == 500);
  CHECK(json.find("noise")->as_number() == 0);
  CHECK(json.find("trainFraction")->as_number() == 0.5);
  CHECK(json.find("layers")->size() == 2);
  CHECK(json.find("activations")->size() == 10);
  CHECK(json.find("optimizer")->find("name")->as_string() == "adam");
  CHECK(json.find("batchSize")->as_number() == 10);
  CHECK(relu::json::write(*json.find("lr")) == "0.01");
}

TEST_CASE("every out-of-range number is clamped to its range with a warning") {
  struct Case {
    const char* json;
    double expected;
    std::function<double(const ArenaSettings&)> get;
    const char* warning;
  };
  const auto lr = [](const ArenaSettings& s) { return static_cast<double>(s.optimizer.lr); };
  const auto net0 = [](const ArenaSettings& s) { return s.networks.at(0); };
  const Case cases[] = {
      {R"({"lr": 1000})", 10.0, lr, "lr 1000 clamped to 10"},
      {R"({"lr": 1e-9})", static_cast<double>(1e-5f), lr, "lr 1e-09 clamped to 1e-05"},
      {R"({"optimizer": {"lr": -1}})", static_cast<double>(1e-5f), lr,
       "optimizer.lr -1 clamped to 1e-05"},
      {R"({"noise": -1})", 0.0, [](auto& s) { return static_cast<double>(s.dataset.noise); },
       "noise -1 clamped to 0"},
      {R"({"noise": 0.9})", 0.5, [](auto& s) { return static_cast<double>(s.dataset.noise); },
       "noise 0.9 clamped to 0.5"},
      {R"({"points": 3})", 10, [](auto& s) { return double(s.dataset.points); },
       "points 3 clamped to 10"},
      {R"({"points": 1e9})", 5000, [](auto& s) { return double(s.dataset.points); },
       "points 1000000000 clamped to 5000"},
      {R"({"trainFraction": 0})", static_cast<double>(0.1f),
       [](auto& s) { return static_cast<double>(s.dataset.train_fraction); },
       "trainFraction 0 clamped to 0.1"},
      {R"({"trainFraction": 1})", static_cast<double>(0.9f),
       [](auto& s) { return static_cast<double>(s.dataset.train_fraction); },
       "trainFraction 1 clamped to 0.9"},
      {R"({"biasInit": -50})", -10, [](auto& s) { return static_cast<double>(s.init.bias); },
       "biasInit -50 clamped to -10"},
      {R"({"l1": -1})", 0, [](auto& s) { return static_cast<double>(s.optimizer.l1); },
       "l1 -1 clamped to 0"},
      {R"({"l2": 100})", 10, [](auto& s) { return static_cast<double>(s.optimizer.l2); },
       "l2 100 clamped to 10"},
      {R"({"clipNorm": 1e6})", 1000,
       [](auto& s) { return static_cast<double>(s.optimizer.clip_norm); },
       "clipNorm 1000000 clamped to 1000"},
      {R"({"batchSize": 0})", 1, [](auto& s) { return double(s.batch_size); },
       "batchSize 0 clamped to 1"},
      {R"({"points": 100, "batchSize": 1000})", 100, [](auto& s) { return double(s.batch_size); },
       "batchSize 1000 clamped to 100"},
      {R"({"layers": [0, 4]})", 1, [](auto& s) { return double(s.hidden.at(0)); },
       "layers[0] 0 clamped to 1"},
      {R"({"layers": [4, 99]})", 16, [](auto& s) { return double(s.hidden.at(1)); },
       "layers[1] 99 clamped to 16"},
      {R"({"optimizer": {"name": "momentum", "momentum": 2}})", static_cast<double>(0.999f),
       [](auto& s) { return static_cast<double>(s.optimizer.momentum); },
       "optimizer.momentum 2 clamped to 0.999"},
      {R"({"optimizer": {"beta1": -0.5}})", 0,
       [](auto& s) { return static_cast<double>(s.optimizer.beta1); },
       "optimizer.beta1 -0.5 clamped to 0"},
      {R"({"optimizer": {"beta2": 1}})", static_cast<double>(0.99999f),
       [](auto& s) { return static_cast<double>(s.optimizer.beta2); },
       "optimizer.beta2 1 clamped to 0.99999"},
      {R"({"optimizer": {"eps": 0}})", static_cast<double>(1e-12f),
       [](auto& s) { return static_cast<double>(s.optimizer.eps); },
       "optimizer.eps 0 clamped to 1e-12"},
      {R"({"activations": [{"activation": "leaky_relu", "params": {"slope": 5}}]})", 1,
       [&](auto& s) { return static_cast<double>(net0(s).params.slope); },
       "activations[0].params.slope 5 clamped to 1"},
      {R"({"activations": [{"activation": "elu", "params": {"alpha": -1}}]})", 0,
       [&](auto& s) { return static_cast<double>(net0(s).params.alpha); },
       "activations[0].params.alpha -1 clamped to 0"},
      {R"({"activations": [{"activation": "softplus", "params": {"beta": 0}}]})",
       static_cast<double>(0.01f),
       [&](auto& s) { return static_cast<double>(net0(s).params.beta); },
       "activations[0].params.beta 0 clamped to 0.01"},
      {R"({"activations": [{"activation": "softplus", "params": {"threshold": 1e3}}]})", 100,
       [&](auto& s) { return static_cast<double>(net0(s).params.threshold); },
       "activations[0].params.threshold 1000 clamped to 100"},
      {R"({"activations": [{"activation": "prelu", "params": {"init": -3}}]})", -1,
       [&](auto& s) { return static_cast<double>(net0(s).params.prelu_init); },
       "activations[0].params.init -3 clamped to -1"},
  };
  for (const Case& c : cases) {
    const auto r = settings_from_json_text(c.json);
    INFO(c.json << "\nerror: " << r.error << "\nwarnings:" << all_warnings(r.warnings));
    REQUIRE(r.ok());
    CHECK(c.get(r.settings) == c.expected);
    CHECK(r.warnings.size() == 1);
    CHECK(has_warning(r, c.warning));
    CHECK(relu::arena_validate(r.settings).empty());
  }
}

TEST_CASE("in-range values are kept exactly and give no warnings") {
  const auto r = settings_from_json_text(
      R"({"dataset": "spiral", "noise": 0.25, "points": 1234, "trainFraction": 0.7,
          "scaleInputs": false, "seed": 9007199254740991, "layers": [], "init": "xavier_uniform",
          "activationGain": false, "biasInit": -1.5, "optimizer": "nesterov", "lr": 1e-05,
          "batchSize": 1234, "l1": 0.001, "l2": 10, "clipNorm": 0,
          "activations": ["gelu", {"activation": "prelu", "params": {"mode": "channel",
            "init": 0.1}, "label": "prelu/c"}]})");
  REQUIRE(r.ok());
  INFO(all_warnings(r.warnings));
  CHECK(r.warnings.empty());
  const ArenaSettings& s = r.settings;
  CHECK(s.dataset.kind == relu::DatasetKind::kSpiral);
  CHECK(s.dataset.noise == 0.25f);
  CHECK(s.dataset.points == 1234);
  CHECK(s.dataset.train_fraction == 0.7f);
  CHECK_FALSE(s.dataset.scale_inputs);
  CHECK(s.seed == 9007199254740991ull);
  CHECK(s.hidden.empty());
  CHECK(s.init.scheme == relu::InitScheme::kXavierUniform);
  CHECK_FALSE(s.init.activation_gain);
  CHECK(s.init.bias == -1.5f);
  CHECK(s.optimizer.kind == relu::OptimizerKind::kMomentum);
  CHECK(s.optimizer.nesterov);
  CHECK(s.optimizer.lr == 1e-5f);
  CHECK(s.batch_size == 1234);
  CHECK(s.optimizer.l1 == 0.001f);
  CHECK(s.optimizer.l2 == 10.0f);
  REQUIRE(s.networks.size() == 2);
  CHECK(s.networks[0].activation == relu::Activation::kGelu);
  CHECK(s.networks[1].activation == relu::Activation::kPrelu);
  CHECK(s.networks[1].params.prelu_mode == relu::PreluMode::kChannel);
  CHECK(s.networks[1].params.prelu_init == 0.1f);
  CHECK(relu::network_label(s.networks[1]) == "prelu/c");
  CHECK(relu::network_label(s.networks[0]) == "gelu");
}

TEST_CASE("malformed values are errors naming the field") {
  struct Case {
    const char* json;
    const char* error;
  };
  const Case cases[] = {
      {"[]", "settings: expected an object, got an array"},
      {"{\"lr\": }", "invalid JSON at byte 7 (lr): unexpected character '}', expected a value"},
      {R"({"dataset": 5})", "dataset: expected a string, got a number"},
      {R"({"dataset": "blob"})",
       "dataset: unknown dataset \"blob\" (expected one of circle, xor, gauss, spiral, moons, "
       "reg-plane, reg-gauss)"},
      {R"({"features": "x1"})", "features: expected an array, got a string"},
      {R"({"features": []})", "features: expected at least 1 feature"},
      {R"({"features": ["x1", 2]})", "features[1]: expected a string, got a number"},
      {R"({"features": ["x1", "x3"]})",
       "features[1]: unknown feature \"x3\" (expected one of x1, x2, x1sq, x2sq, x1x2, sinx1, "
       "sinx2)"},
      {R"({"noise": "x"})", "noise: expected a number, got a string"},
      {R"({"noise": null})", "noise: expected a number, got null"},
      {R"({"points": 2.5})", "points: expected an integer, got 2.5"},
      {R"({"scaleInputs": 1})", "scaleInputs: expected a boolean, got a number"},
      {R"({"seed": -1})", "seed: -1 is outside 0..9007199254740991"},
      {R"({"seed": 1e17})", "seed: 1e+17 is outside 0..9007199254740991"},
      {R"({"seed": 0.5})", "seed: expected an integer, got 0.5"},
      {R"({"layers": "8"})", "layers: expected an array, got a string"},
      {R"({"layers": [8, 2.5]})", "layers[1]: expected an integer, got 2.5"},
      {R"({"layers": [8, "4"]})", "layers[1]: expected a number, got a string"},
      {R"({"activations": "relu"})", "activations: expected an array, got a string"},
      {R"({"activations": []})", "activations: expected at least one network"},
      {R"({"activations": ["relu", "swish"]})", "activations[1]: unknown activation \"swish\""},
      {R"({"activations": [3]})",
       "activations[0]: expected an activation name or an object, got a number"},
      {R"({"activations": [{"params": {}}]})", "activations[0].activation: missing"},
      {R"({"activations": [{"activation": 1}]})",
       "activations[0].activation: expected a string, got a number"},
      {R"({"activations": [{"activation": "leaky_relu", "params": {"slope": "big"}}]})",
       "activations[0].params.slope: expected a number, got a string"},
      {R"({"activations": [{"activation": "elu", "params": []}]})",
       "activations[0].params: expected an object, got an array"},
      {R"({"activations": ["relu", {"activation": "prelu", "params": {"mode": "layer"}}]})",
       "activations[1].params.mode: unknown mode \"layer\" (expected shared or channel)"},
      {R"({"activations": [{"activation": "relu", "label": 5}]})",
       "activations[0].label: expected a string, got a number"},
      {R"({"init": "zeros"})", "init: unknown init \"zeros\" (expected one of he_normal,"},
      {R"({"init": 0})", "init: expected a string, got a number"},
      {R"({"activationGain": "yes"})", "activationGain: expected a boolean, got a string"},
      {R"({"biasInit": true})", "biasInit: expected a number, got a boolean"},
      {R"({"optimizer": "rmsprop"})",
       "optimizer: unknown optimizer \"rmsprop\" (expected one of sgd, momentum, adam, nesterov)"},
      {R"({"optimizer": {"name": "adagrad"}})", "optimizer.name: unknown optimizer \"adagrad\""},
      {R"({"optimizer": 3})", "optimizer: expected a name or an object, got a number"},
      {R"({"optimizer": {"lr": "0.1"}})", "optimizer.lr: expected a number, got a string"},
      {R"({"lr": [0.1]})", "lr: expected a number, got an array"},
      {R"({"batchSize": 10.5})", "batchSize: expected an integer, got 10.5"},
      {R"({"l2": {}})", "l2: expected a number, got an object"},
      {R"({"clipNorm": false})", "clipNorm: expected a number, got a boolean"},
  };
  for (const Case& c : cases) {
    const auto r = settings_from_json_text(c.json);
    INFO(c.json << "\nerror: " << r.error);
    CHECK_FALSE(r.ok());
    CHECK(r.error.rfind(c.error, 0) == 0);  // starts with the expected text
  }
  // NaN cannot come from JSON text, but a Value built in C++ may hold it.
  relu::json::Value v = relu::json::Value::object();
  v.set("lr", relu::json::Value::number(std::numeric_limits<double>::quiet_NaN()));
  CHECK(relu::settings_from_json(v).error == "lr: expected a finite number");
}

TEST_CASE("unknown keys, extra entries and ignored params are warnings, not errors") {
  const auto r = settings_from_json_text(R"({"foo": 1, "optimizer": {"name": "adam", "bar": 2},
      "layers": [1, 2, 3, 4, 5, 6, 7, 8], "lr": 0.5, "warnings": ["old"],
      "activations": [{"activation": "relu", "params": {"slope": 0.2}, "colour": "red",
                       "label": ")" + std::string(70, 'x') +
                                         R"("},
                      "tanh", "tanh", "tanh", "tanh", "tanh", "tanh", "tanh", "tanh", "tanh",
                      "tanh", "tanh", "sigmoid"]})");
  REQUIRE(r.ok());
  INFO(all_warnings(r.warnings));
  CHECK(has_warning(r, "foo: unknown key, ignored"));
  CHECK(has_warning(r, "optimizer.bar: unknown key, ignored"));
  CHECK(has_warning(r, "activations[0].colour: unknown key, ignored"));
  CHECK(has_warning(r, "activations[0].params.slope: relu has no such parameter, ignored"));
  CHECK(has_warning(r, "activations[0].label: longer than 64 bytes, truncated"));
  CHECK(has_warning(r, "layers: 8 hidden layers, kept the first 6"));
  CHECK(has_warning(r, "activations: 13 networks, kept the first 12"));
  CHECK(r.warnings.size() == 7);  // "warnings" is accepted silently (it is output)
  CHECK(r.settings.hidden == std::vector<int>{1, 2, 3, 4, 5, 6});
  CHECK(r.settings.networks.size() == 12);
  CHECK(r.settings.networks[0].label == std::string(64, 'x'));
  CHECK(r.settings.networks[11].activation == relu::Activation::kTanh);
  CHECK(r.settings.optimizer.lr == 0.5f);
}

TEST_CASE("optimizer.lr wins over lr, with a warning only when they differ") {
  auto r = settings_from_json_text(R"({"lr": 0.5, "optimizer": {"name": "sgd", "lr": 0.1}})");
  REQUIRE(r.ok());
  CHECK(r.settings.optimizer.lr == 0.1f);
  CHECK(r.settings.optimizer.kind == relu::OptimizerKind::kSgd);
  CHECK(has_warning(r, "lr: overridden by optimizer.lr"));
  r = settings_from_json_text(R"({"lr": 0.1, "optimizer": {"name": "momentum", "lr": 0.1}})");
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  CHECK_FALSE(r.settings.optimizer.nesterov);
}

TEST_CASE("settings -> JSON -> settings is the identity, with the warnings attached") {
  const auto first = settings_from_json_text(
      R"({"dataset": "moons", "noise": 0.1, "points": 300, "seed": 42, "layers": [16, 3, 5],
          "activations": ["relu", {"activation": "leaky_relu", "params": {"slope": 0.2},
          "label": "leaky 0.2"}, {"activation": "softplus", "params": {"beta": 2, "threshold": 10}},
          {"activation": "prelu", "params": {"mode": "channel"}}, {"activation": "elu"}],
          "init": "uniform", "biasInit": 0.1, "optimizer": {"name": "adam", "beta1": 0.8,
          "beta2": 0.99, "eps": 1e-6}, "lr": 0.003, "batchSize": 7, "l1": 1e-4, "l2": 0.02,
          "clipNorm": 5, "trainFraction": 0.3, "scaleInputs": false, "bogus": 1})");
  REQUIRE(first.ok());
  REQUIRE(first.warnings.size() == 1);
  const relu::json::Value out = relu::settings_to_json(first.settings, first.warnings);
  const relu::json::Value* warnings = out.find("warnings");
  REQUIRE(warnings != nullptr);
  REQUIRE(warnings->size() == 1);
  CHECK(warnings->at(0).as_string() == "bogus: unknown key, ignored");
  const std::string text = relu::json::write(out);
  CHECK(text.find("\"lr\":0.003") != std::string::npos);  // floats print as typed
  CHECK(text.find("\"beta2\":0.99,") != std::string::npos);
  const auto second = settings_from_json_text(text);
  REQUIRE(second.ok());
  INFO(text << all_warnings(second.warnings));
  CHECK(second.warnings.empty());
  CHECK(canonical(second.settings) == canonical(first.settings));
  CHECK(second.settings.networks[1].params.slope == 0.2f);
  CHECK(second.settings.networks[1].label == "leaky 0.2");
  CHECK(second.settings.networks[2].params.threshold == 10.0f);
  CHECK(second.settings.optimizer.eps == 1e-6f);
  CHECK(second.settings.seed == 42);
  // The defaults round-trip too.
  const auto defaults = settings_from_json_text(canonical(ArenaSettings()));
  REQUIRE(defaults.ok());
  CHECK(defaults.warnings.empty());
  CHECK(canonical(defaults.settings) == canonical(ArenaSettings()));
}

TEST_CASE("net.train options: defaults, clamps and errors") {
  using relu::train_options_from_json;
  const auto parse = [](const char* text) { return relu::json::parse(text).value; };
  auto r = train_options_from_json(parse("{}"), 40);
  REQUIRE(r.ok());
  CHECK(r.options.batch_size == 40);
  CHECK(r.options.steps == 1);
  CHECK(r.options.optimizer.kind == relu::OptimizerKind::kSgd);
  r = train_options_from_json(
      parse(R"({"optimizer": {"name": "adam", "lr": 0.1}, "batchSize": 100, "steps": 1e6,
                "l1": 0.5, "l2": 0.25, "extra": 1})"),
      40);
  REQUIRE(r.ok());
  CHECK(r.options.optimizer.kind == relu::OptimizerKind::kAdam);
  CHECK(r.options.optimizer.lr == 0.1f);
  CHECK(r.options.optimizer.l1 == 0.5f);
  CHECK(r.options.optimizer.l2 == 0.25f);
  CHECK(r.options.batch_size == 40);
  CHECK(r.options.steps == relu::kTrainMaxSteps);
  REQUIRE(r.warnings.size() == 3);
  CHECK(r.warnings[0] == "extra: unknown key, ignored");
  CHECK(r.warnings[1] == "batchSize 100 clamped to 40");
  CHECK(r.warnings[2] == "steps 1000000 clamped to 100000");
  CHECK(train_options_from_json(parse(R"({"steps": 1.5})"), 4).error ==
        "steps: expected an integer, got 1.5");
  CHECK(train_options_from_json(parse(R"({"optimizer": "lbfgs"})"), 4)
            .error.rfind("optimizer: unknown optimizer", 0) == 0);
  CHECK(train_options_from_json(parse("[]"), 4).error ==
        "options: expected an object, got an array");
}

namespace {

// {"key": value}, or {"parent": {"child": value}} for "parent.child"; batchSize gets the most
// points so that its own bounds are the ones tested.
std::string setting_text(const std::string& key, const std::string& value) {
  const size_t dot = key.find('.');
  std::string text = dot == std::string::npos ? "{\"" + key + "\": " + value
                                              : "{\"" + key.substr(0, dot) + "\": {\"" +
                                                    key.substr(dot + 1) + "\": " + value + "}";
  if (key == "batchSize") text += ", \"points\": " + std::to_string(relu::kDatasetMaxPoints);
  return text + "}";
}

std::string number_text(double x) { return relu::json::write(relu::json::Value::number(x)); }

// The bound and a value just outside it, as the row's storage sees them.
struct Bound {
  double at, outside;
};
Bound lower(const relu::SettingRow& row) {
  if (row.type == relu::SettingType::kInt) return {row.min, row.min - 1};
  const float lo = static_cast<float>(row.min);
  return {static_cast<double>(lo), static_cast<double>(std::nextafter(lo, -INFINITY))};
}
Bound upper(const relu::SettingRow& row) {
  if (row.type == relu::SettingType::kInt) return {row.max, row.max + 1};
  const float hi = static_cast<float>(row.max);
  return {static_cast<double>(hi), static_cast<double>(std::nextafter(hi, INFINITY))};
}

// Reads text, checks the warnings, and that settings_to_json reads back to the same settings
// with no warnings.
void check_read(const std::string& text, const relu::SettingRow& row, double expected,
                size_t warnings) {
  const auto r = settings_from_json_text(text);
  INFO(text << "\nerror: " << r.error << "\nwarnings:" << all_warnings(r.warnings));
  REQUIRE(r.ok());
  CHECK(r.warnings.size() == warnings);
  CHECK(row.get(r.settings) == expected);
  const auto again = relu::settings_from_json(relu::settings_to_json(r.settings, r.warnings));
  REQUIRE(again.ok());
  CHECK(again.warnings.empty());
  CHECK(canonical(again.settings) == canonical(r.settings));
}

}  // namespace

TEST_CASE("every numeric setting: its bounds are accepted silently, just outside is clamped") {
  for (int i = 0; i < relu::arena_setting_count(); ++i) {
    const relu::SettingRow& row = relu::arena_setting(i);
    if (row.type != relu::SettingType::kNumber && row.type != relu::SettingType::kInt) continue;
    // Both the documented bound (0.9) and the float it becomes read without a warning.
    check_read(setting_text(row.key, number_text(row.min)), row, lower(row).at, 0);
    check_read(setting_text(row.key, number_text(row.max)), row, upper(row).at, 0);
    check_read(setting_text(row.key, number_text(lower(row).at)), row, lower(row).at, 0);
    check_read(setting_text(row.key, number_text(upper(row).at)), row, upper(row).at, 0);
    check_read(setting_text(row.key, number_text(lower(row).outside)), row, lower(row).at, 1);
    check_read(setting_text(row.key, number_text(upper(row).outside)), row, upper(row).at, 1);
  }
}

TEST_CASE("every activation parameter: its bounds are accepted silently, outside is clamped") {
  for (int i = 0; i < relu::activation_param_count(); ++i) {
    const relu::ActivationParamInfo& row = relu::activation_param(i);
    if (row.rule == relu::ParamRule::kOption) continue;
    const float lo_f = static_cast<float>(row.min), hi_f = static_cast<float>(row.max);
    const double lo = static_cast<double>(lo_f), hi = static_cast<double>(hi_f);
    const struct {
      double value, expected;
      size_t warnings;
    } cases[] = {{row.min, lo, 0},
                 {row.max, hi, 0},
                 {static_cast<double>(std::nextafter(lo_f, -INFINITY)), lo, 1},
                 {static_cast<double>(std::nextafter(hi_f, INFINITY)), hi, 1}};
    for (const auto& c : cases) {
      const std::string text = std::string(R"({"activations": [{"activation": ")") +
                               relu::activation_name(row.op) + R"(", "params": {")" + row.key +
                               "\": " + number_text(c.value) + "}}]}";
      const auto r = settings_from_json_text(text);
      INFO(text << "\nerror: " << r.error << "\nwarnings:" << all_warnings(r.warnings));
      REQUIRE(r.ok());
      CHECK(r.warnings.size() == c.warnings);
      CHECK(row.get(r.settings.networks.at(0).params) == c.expected);
      const auto again = relu::settings_from_json(relu::settings_to_json(r.settings, {}));
      CHECK(again.warnings.empty());
      CHECK(canonical(again.settings) == canonical(r.settings));
    }
  }
}

TEST_CASE("trainFraction 0.9 is the bound itself, not a clamp to it") {
  const auto r = settings_from_json_text(R"({"trainFraction": 0.9, "noise": 0.5})");
  REQUIRE(r.ok());
  INFO(all_warnings(r.warnings));
  CHECK(r.warnings.empty());
  CHECK(r.settings.dataset.train_fraction == 0.9f);
}

TEST_CASE("features: kept in option order, a repeat is a warning, the default is the raw point") {
  const auto r = settings_from_json_text(R"({"features": ["sinx2", "x1sq", "sinx2"]})");
  REQUIRE(r.ok());
  CHECK(r.settings.features ==
        std::vector<relu::InputFeature>{relu::InputFeature::kX1Sq, relu::InputFeature::kSinX2});
  CHECK(has_warning(r, "features[2]: sinx2 is given twice, kept once"));
  const std::string text = canonical(r.settings);
  CHECK(text.find(R"("features":["x1sq","sinx2"])") != std::string::npos);
  CHECK(canonical(settings_from_json_text(text).settings) == text);
  CHECK(ArenaSettings().features ==
        std::vector<relu::InputFeature>{relu::InputFeature::kX1, relu::InputFeature::kX2});
  // A new set of features is a new network shape: only a reset shows it.
  ArenaSettings other;
  other.features = r.settings.features;
  CHECK(std::string(relu::arena_restart_difference(ArenaSettings(), other)) == "features");
}
