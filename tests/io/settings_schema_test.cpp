// Tests core/io/settings_schema.*: every settings row is present with default == the value of
// ArenaSettings{} (as settings_to_json writes it), every activation with its display name and
// params, bounds printed as the floats they are, and the limits.
#include "io/settings_schema.h"

#include <catch.hpp>
#include <string>

#include "io/settings.h"
#include "kernels/activation_params.h"

namespace json = relu::json;

namespace {

// The value of a schema key in settings_to_json's object ("optimizer.beta1" is inside
// optimizer; the optimizer itself is its name; activations are their names).
const json::Value* value_at(const json::Value& settings, const std::string& key, json::Value* tmp) {
  const size_t dot = key.find('.');
  if (dot != std::string::npos) return settings.find(key.substr(0, dot))->find(key.substr(dot + 1));
  if (key == "optimizer") return settings.find("optimizer")->find("name");
  if (key == "activations") {
    *tmp = json::Value::array();
    const json::Value& networks = *settings.find("activations");
    for (size_t i = 0; i < networks.size(); ++i) tmp->push_back(*networks.at(i).find("activation"));
    return tmp;
  }
  return settings.find(key);
}

}  // namespace

TEST_CASE("every setting is in the schema with ArenaSettings' default") {
  const json::Value schema = relu::settings_schema_json();
  const json::Value& settings = *schema.find("settings");
  REQUIRE(settings.size() == static_cast<size_t>(relu::arena_setting_count()));
  const json::Value defaults = relu::settings_to_json(relu::ArenaSettings(), {});
  size_t top_level = 0;
  for (size_t i = 0; i < settings.size(); ++i) {
    const json::Value& entry = settings.at(i);
    const std::string key = entry.find("key")->as_string();
    INFO(key);
    CHECK(key == relu::arena_setting(static_cast<int>(i)).key);
    CHECK(entry.find("meaning")->as_string().size() > 0);
    top_level += key.find('.') == std::string::npos ? 1 : 0;
    json::Value tmp;
    const json::Value* value = value_at(defaults, key, &tmp);
    if (value == nullptr) continue;  // optimizer.momentum does not apply to adam
    CHECK(json::write(*value) == json::write(*entry.find("default")));
  }
  // + "warnings", - "data" (written only when points were given)
  CHECK(top_level + 1 - 1 == defaults.size());
}

TEST_CASE("bounds print as the floats they are; enums list their options") {
  const json::Value schema = relu::settings_schema_json();
  const std::string text = json::write(schema);
  CHECK(text.find(R"({"key":"trainFraction","type":"number","default":0.5,"min":0.1,"max":0.9,)") !=
        std::string::npos);
  CHECK(text.find(R"({"key":"lr","type":"number","default":0.01,"min":1e-05,"max":10,)") !=
        std::string::npos);
  CHECK(
      text.find(R"("options":["circle","xor","gauss","spiral","moons","reg-plane","reg-gauss"])") !=
      std::string::npos);
  // A list row: its default, the names it takes, and how many.
  CHECK(text.find(R"({"key":"features","type":"list","default":["x1","x2"],"options":["x1","x2",)"
                  R"("x1sq","x2sq","x1x2","sinx1","sinx2"],"min":1,"max":7,)") !=
        std::string::npos);
  CHECK(text.find(R"("key":"seed","type":"seed","default":1,"min":0,"max":9007199254740991)") !=
        std::string::npos);
}

TEST_CASE("every activation with its display name and registry params") {
  const json::Value schema = relu::settings_schema_json();
  const json::Value& activations = *schema.find("activations");
  REQUIRE(activations.size() == static_cast<size_t>(relu::kActivationCount));
  for (int op = 0; op < relu::kActivationCount; ++op) {
    const json::Value& a = activations.at(static_cast<size_t>(op));
    const auto act = static_cast<relu::Activation>(op);
    CHECK(a.find("name")->as_string() == relu::activation_name(act));
    CHECK(a.find("displayName")->as_string() == relu::activation_display_name(act));
    const json::Value& params = *a.find("params");
    size_t k = 0;
    for (int i = 0; i < relu::activation_param_count(); ++i) {
      const relu::ActivationParamInfo& row = relu::activation_param(i);
      if (row.op != act) continue;
      REQUIRE(k < params.size());
      CHECK(params.at(k).find("key")->as_string() == row.key);
      ++k;
    }
    CHECK(k == params.size());
  }
  const std::string softplus =
      json::write(activations.at(static_cast<size_t>(relu::Activation::kSoftplus)));
  CHECK(softplus.find(R"({"key":"beta","type":"number","default":1,"min":0.01,"max":100,)") !=
        std::string::npos);
  const std::string prelu =
      json::write(activations.at(static_cast<size_t>(relu::Activation::kPrelu)));
  CHECK(prelu.find(
            R"({"key":"mode","type":"enum","default":"shared","options":["shared","channel"],)") !=
        std::string::npos);
}

TEST_CASE("limits") {
  const json::Value schema = relu::settings_schema_json();
  const json::Value& limits = *schema.find("limits");
  CHECK(limits.find("maxNetworks")->as_number() == relu::kArenaMaxNetworks);
  CHECK(limits.find("maxHiddenLayers")->as_number() == relu::kMlpMaxHiddenLayers);
  CHECK(limits.find("maxUnits")->as_number() == relu::kMlpMaxUnits);
  CHECK(limits.find("minPoints")->as_number() == relu::kDatasetMinPoints);
  CHECK(limits.find("maxPoints")->as_number() == relu::kDatasetMaxPoints);
}
