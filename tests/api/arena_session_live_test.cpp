// Tests ArenaSession::update (partial settings over the running arena), set_weight/set_bias
// through the session, and what the schema says of each setting (live or restart, where it
// applies).
#include <catch.hpp>
#include <string>

#include "api/arena_session.h"
#include "io/json.h"
#include "io/settings_schema.h"

namespace {

relu::json::Value parse_ok(const std::string& text) {
  const auto r = relu::json::parse(text);
  INFO(text);
  REQUIRE(r.ok());
  return r.value;
}

double setting(const relu::ArenaSession& s, const char* key) {
  return parse_ok(s.settings_json()).find(key)->as_number();
}

}  // namespace

TEST_CASE("arena session: a partial update changes live settings and keeps the run") {
  relu::ArenaSession s;
  CHECK(s.update(R"({"lr": 0.1})").rfind("update: the arena has no networks", 0) == 0);
  REQUIRE(s.reset(R"({"optimizer": "momentum", "lr": 0.1, "activations": ["relu"]})").empty());
  REQUIRE(s.train(relu::TrainRequest::epochs(3)).error.empty());
  const double loss = s.metrics_data()[0];
  REQUIRE(s.update(R"({"lr": 0.003, "l2": 0.001, "optimizer": {"momentum": 0.5}})").empty());
  CHECK(setting(s, "lr") == Approx(0.003));
  CHECK(setting(s, "l2") == Approx(0.001));
  const auto settings = parse_ok(s.settings_json());
  const auto optimizer = settings.find("optimizer");
  CHECK(optimizer->find("name")->as_string() == "momentum");
  CHECK(optimizer->find("momentum")->as_number() == 0.5);
  CHECK(s.arena().epoch() == 3);
  CHECK(s.metrics_data()[0] == loss);  // nothing retrained or rebuilt
  // Clamped like a reset, with the warning in settings_json.
  REQUIRE(s.update(R"({"lr": 1000})").empty());
  CHECK(setting(s, "lr") == 10);
  CHECK(parse_ok(s.settings_json()).find("warnings")->at(0).as_string() == "lr 1000 clamped to 10");
  // What needs a new arena is refused by name; so is a malformed value.
  CHECK(s.update(R"({"layers": [4]})") ==
        "update: layers changes the data, the networks or their start: it needs a new arena "
        "(reset)");
  CHECK(s.update(R"({"optimizer": "adam"})").rfind("update: optimizer changes", 0) == 0);
  CHECK(s.update(R"({"lr": "slow"})") == "update: lr: expected a number, got a string");
  CHECK(s.update("[1]").rfind("update: ", 0) == 0);
  CHECK(setting(s, "lr") == 10);
  REQUIRE(s.train(relu::TrainRequest::epochs(1)).error.empty());
  CHECK(s.arena().epoch() == 4);
}

TEST_CASE("arena session: weight edits rewrite the metrics records at once") {
  relu::ArenaSession s;
  REQUIRE(s.reset(R"({"activations": ["relu", "tanh"], "layers": [4]})").empty());
  const std::string before = s.model_json(1);
  REQUIRE(s.set_weight(1, 1, 0, 2, -3.5).empty());
  REQUIRE(s.set_bias(1, 0, 3, 0.25).empty());
  const auto model = parse_ok(s.model_json(1));
  const auto& layers = *model.find("layers");  // model outlives it
  CHECK(layers.at(1).find("W")->at(0).at(2).as_number() == -3.5);
  CHECK(layers.at(0).find("b")->at(3).as_number() == 0.25);
  CHECK(s.model_json(1) != before);
  CHECK(s.model_json(0) != s.model_json(1));
  CHECK(s.set_weight(1, 1, 0, 4, 1.0) == "setWeight: input 4 is outside 0..3");
  CHECK(s.set_bias(-1, 0, 0, 1.0) == "setBias: index -1 is outside 0..1");
}

TEST_CASE("schema: every setting says whether a change is live and where it applies") {
  const auto schema = parse_ok(relu::settings_schema_text());
  const auto& settings = *schema.find("settings");
  int live = 0;
  for (size_t i = 0; i < settings.size(); ++i) {
    const auto& row = settings.at(i);
    const std::string key = row.find("key")->as_string();
    const std::string change = row.find("change")->as_string();
    INFO(key);
    const bool optimizer_number = key == "lr" || key == "l1" || key == "l2" || key == "clipNorm" ||
                                  key.rfind("optimizer.", 0) == 0;
    CHECK(change == (optimizer_number ? "live" : "restart"));
    live += change == "live";
    if (key == "optimizer.momentum") {
      const auto& when = *row.find("appliesWhen");
      CHECK(when.find("key")->as_string() == "optimizer");
      CHECK(when.find("options")->size() == 2);
      CHECK(when.find("options")->at(1).as_string() == "nesterov");
    }
    if (key == "optimizer.beta2") {
      CHECK(row.find("appliesWhen")->find("options")->at(0).as_string() == "adam");
    }
    if (key == "lr") CHECK(row.find("appliesWhen") == nullptr);
  }
  CHECK(live == 8);
}
