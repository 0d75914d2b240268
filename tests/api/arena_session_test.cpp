// Tests core/api/arena_session.* and metrics_record.*: errors, warnings, the metrics records and
// their layout, fields, unit activity and determinism.
#include "api/arena_session.h"

#include <catch.hpp>
#include <cmath>
#include <cstring>
#include <string>

#include "api/metrics_record.h"
#include "api/network_session.h"
#include "io/json.h"
#include "io/settings.h"

namespace {

relu::json::Value parse_ok(const std::string& text) {
  const auto r = relu::json::parse(text);
  INFO(text);
  REQUIRE(r.ok());
  return r.value;
}

}  // namespace

TEST_CASE("arena session: errors, warnings and the shape of the metrics") {
  relu::ArenaSession s;
  CHECK(s.reset(R"({"lr": "fast"})") == "lr: expected a number, got a string");
  CHECK(s.network_count() == 0);
  CHECK(s.settings_json() == "null");
  CHECK_FALSE(s.train(1).empty());
  REQUIRE(s.reset(R"({"lr": 1000, "points": 100, "activations": ["relu", "prelu"]})").empty());
  const auto settings = parse_ok(s.settings_json());
  REQUIRE(settings.find("warnings")->size() == 1);
  CHECK(settings.find("warnings")->at(0).as_string() == "lr 1000 clamped to 10");
  CHECK(settings.find("lr")->as_number() == 10);
  REQUIRE(s.train(2).empty());
  CHECK(s.train(-1) == "epochs: -1 is outside 0..100000");
  CHECK(parse_ok(s.networks_json()).at(1).find("activation")->as_string() == "prelu");
  CHECK(parse_ok(s.networks_json()).at(0).find("label")->as_string() == "relu");
  const int stride = relu::metrics_record_doubles();
  REQUIRE(s.metrics_size() == 2 * static_cast<size_t>(stride));
  auto field = [&](int i, relu::MetricsField f) {
    return s.metrics_data() + i * stride + relu::metrics_offset(f);
  };
  using F = relu::MetricsField;
  CHECK(*field(0, F::kEpoch) == 2);
  CHECK(*field(0, F::kUnits) == 16);
  CHECK(*field(0, F::kHiddenLayers) == 2);
  CHECK(field(1, F::kAlphaCounts)[0] == 1);  // prelu: one shared alpha per hidden layer
  CHECK(field(1, F::kAlphaCounts)[1] == 1);
  CHECK(field(0, F::kAlphaCounts)[0] == 0);
  CHECK(field(1, F::kAlphas)[relu::kMlpMaxUnits] ==
        static_cast<double>(s.arena().metrics(1)->alphas[1][0]));
  CHECK(*field(0, F::kDiverged) == 0);
  CHECK(std::isnan(*field(0, F::kDivergedAt)));
  CHECK(*field(0, F::kTrainLoss) == s.arena().metrics(0)->train_loss);
  // The layout names every field once, in record order, with offsets that tile the record.
  const auto layout = parse_ok(relu::metrics_layout_json());
  CHECK(layout.find("recordDoubles")->as_number() == stride);
  const auto& fields = *layout.find("fields");
  double next = 0;
  for (size_t f = 0; f < fields.size(); ++f) {
    INFO(fields.at(f).find("key")->as_string());
    CHECK(fields.at(f).find("offset")->as_number() == next);
    next += fields.at(f).find("length")->as_number();
  }
  CHECK(next == stride);
  CHECK(fields.at(static_cast<size_t>(F::kDeadMask)).find("key")->as_string() == "deadMask");
  CHECK(s.label_count() == 100);
  CHECK(s.point_floats() == 200);
  CHECK(s.train_count() == 50);
  CHECK(s.half_width() == 1.0f);
}

TEST_CASE("arena session: fields, errors and determinism") {
  relu::ArenaSession a, b;
  const std::string settings = R"({"points": 200, "seed": 5, "activations": ["relu", "tanh"]})";
  REQUIRE(a.reset(settings).empty());
  REQUIRE(b.reset(settings).empty());
  REQUIRE(a.train(5).empty());
  REQUIRE(b.train(5).empty());
  REQUIRE(a.metrics_size() == b.metrics_size());
  CHECK(std::memcmp(a.metrics_data(), b.metrics_data(), a.metrics_size() * sizeof(double)) == 0);
  CHECK(a.field(0, 32, "odds").rfind("kind: expected", 0) == 0);
  CHECK(a.field_size() == 0);
  CHECK_FALSE(a.field(2, 32, "logit").empty());
  CHECK_FALSE(a.field(0, 8, "logit").empty());
  REQUIRE(a.field(1, 40, "probability").empty());
  REQUIRE(a.field_size() == 1600);
  std::vector<float> first(a.field_data(), a.field_data() + 1600);
  REQUIRE(b.field(1, 40, "probability").empty());
  CHECK(std::memcmp(first.data(), b.field_data(), 1600 * 4) == 0);
  for (float p : first) REQUIRE((p >= 0.0f && p <= 1.0f));
  // The exported model of a trained network predicts its logit field at the cell centres,
  // row 0 at the top: x = -1 + (c + 0.5) / 20, y = 1 - (r + 0.5) / 20 for resolution 40.
  CHECK(a.model_json(2) == "null");
  relu::NetworkSession net;
  REQUIRE(net.load(a.model_json(1)).empty());
  REQUIRE(net.prepare(1600).empty());
  for (int r = 0; r < 40; ++r) {
    for (int c = 0; c < 40; ++c) {
      net.x()[2 * (r * 40 + c)] = static_cast<float>(-1.0 + (c + 0.5) * (2.0 / 40));
      net.x()[2 * (r * 40 + c) + 1] = static_cast<float>(1.0 - (r + 0.5) * (2.0 / 40));
    }
  }
  REQUIRE(net.predict().empty());
  REQUIRE(a.field(1, 40, "logit").empty());
  for (size_t k = 0; k < 1600; ++k) {
    INFO("cell " << k);
    REQUIRE(a.field_data()[k] == Approx(net.logits()[k]).margin(1e-5));
  }
  REQUIRE(a.unit_field(0, 1, 7, 32).empty());
  CHECK(a.unit_field_size() == 1024);
  CHECK_FALSE(a.unit_field(0, 1, 8, 32).empty());
}

TEST_CASE("arena session: ReLUs pushed below zero are dead, and unit activity reports them") {
  relu::ArenaSession s;
  // A bias of -10 puts every ReLU pre-activation below zero on the whole domain [-1, 1]^2
  // (He-normal weights of 8 inputs cannot lift it that far): every unit is dead and silent.
  REQUIRE(s.reset(R"({"points": 100, "activations": ["relu", "leaky_relu"], "biasInit": -10,
                     "layers": [8, 8]})")
              .empty());
  const relu::NetworkMetrics& relu_metrics = *s.arena().metrics(0);
  CHECK(relu_metrics.dead_units == 16);
  CHECK(relu_metrics.dead.unit[0][3]);
  CHECK(relu_metrics.silent_test.unit[1][7]);
  CHECK(s.arena().metrics(1)->dead_units == 0);  // leaky: slope 0.01 below zero
  CHECK(s.unit_activity(2, 32).rfind("index:", 0) == 0);
  CHECK(s.unit_activity(0, 8).rfind("resolution:", 0) == 0);
  CHECK(s.unit_activity_json() == "null");
  REQUIRE(s.unit_activity(0, 64).empty());
  const auto layers = parse_ok(s.unit_activity_json());
  REQUIRE(layers.size() == 2);
  REQUIRE(layers.at(0).size() == 8);
  for (const char* key : {"deadTrain", "silentTest", "silentDomain"}) {
    INFO(key);
    CHECK(layers.at(1).at(5).find(key)->as_bool());
  }
  const int stride = relu::metrics_record_doubles();
  CHECK(s.metrics_data()[relu::metrics_offset(relu::MetricsField::kDeadMask)] == 1.0);
  CHECK(s.metrics_data()[stride + relu::metrics_offset(relu::MetricsField::kDeadMask)] == 0.0);
}

namespace {

relu::NetworkMetrics metrics_after(relu::ArenaSession* s, const std::string& settings, int epochs) {
  INFO(settings);
  REQUIRE(s->reset(settings).empty());
  REQUIRE(s->train(epochs).empty());
  return *s->arena().metrics(0);
}

}  // namespace

TEST_CASE("arena session: divergence is flagged in the call and epoch it happens") {
  // Weights that stay finite but overflow the loss (inf - inf in a layer) after epoch 1.
  for (const char* settings : {
           R"({"dataset": "gauss", "noise": 0.1, "points": 200, "layers": [8, 8], "seed": 3,
               "activations": ["linear"], "optimizer": "momentum", "lr": 10, "batchSize": 10})",
           R"({"dataset": "moons", "noise": 0.1, "points": 200, "layers": [8, 8], "seed": 3,
               "activations": ["leaky_relu"], "optimizer": "momentum", "lr": 10,
               "batchSize": 10})",
       }) {
    relu::ArenaSession s;
    const relu::NetworkMetrics m = metrics_after(&s, settings, 1);
    INFO(settings);
    CHECK(m.diverged);
    CHECK(m.diverged_epoch == 1);
    CHECK(m.epoch == 0);
    // No field is drawn for it.
    REQUIRE(s.field(0, 32, "probability").empty());
    CHECK(s.field_size() == 0);
    // Several epochs in one call give the same epoch as one at a time.
    relu::ArenaSession many;
    CHECK(metrics_after(&many, settings, 5).diverged_epoch == 1);
  }
}

TEST_CASE("arena session: steps and epochs give the same numbers, progress is reported") {
  const std::string settings =
      R"({"points": 130, "batchSize": 16, "activations": ["relu", "tanh"], "seed": 5})";
  relu::ArenaSession by_epochs, by_steps;
  REQUIRE(by_epochs.reset(settings).empty());
  REQUIRE(by_steps.reset(settings).empty());
  // 65 train rows in batches of 16: 5 steps per epoch.
  REQUIRE(by_epochs.train(3).empty());
  CHECK(parse_ok(by_epochs.progress_json()).find("epochs")->as_number() == 3);
  CHECK(parse_ok(by_epochs.progress_json()).find("steps")->as_number() == 15);
  CHECK(parse_ok(by_epochs.progress_json()).find("complete")->as_bool());
  for (int steps : {1, 3, 7, 4}) REQUIRE(by_steps.train_steps(steps).empty());
  CHECK(parse_ok(by_steps.progress_json()).find("epochs")->as_number() == 1);  // 11 -> 15
  for (int i = 0; i < 2; ++i) {
    CHECK(by_steps.model_json(i) == by_epochs.model_json(i));
    CHECK(by_steps.arena().metrics(i)->epoch == 3);
  }
  // A partly trained epoch counts as the first of train()'s epochs.
  REQUIRE(by_steps.train_steps(2).empty());
  REQUIRE(by_steps.train(1).empty());
  CHECK(parse_ok(by_steps.progress_json()).find("steps")->as_number() == 3);
  CHECK(by_steps.arena().epoch() == 4);
  CHECK(by_steps.train_steps(-1) == "steps: -1 is outside 0..500000000");
}

TEST_CASE("arena session: a call's work is bounded by the budget, deterministically") {
  // The largest arena: 12 networks of 6 x 16 units, 4500 train rows, batch 1.
  const std::string settings =
      R"({"points": 5000, "trainFraction": 0.9, "batchSize": 1, "layers": [16, 16, 16, 16, 16, 16],
          "activations": ["relu", "tanh", "gelu", "elu", "leaky_relu", "prelu", "softplus",
                          "sigmoid", "silu", "relu", "tanh", "gelu"], "lr": 0.001})";
  relu::ArenaSession a, b;
  REQUIRE(a.reset(settings).empty());
  REQUIRE(b.reset(settings).empty());
  REQUIRE(a.train(relu::kArenaMaxEpochsPerCall).empty());
  const auto progress = parse_ok(a.progress_json());
  CHECK_FALSE(progress.find("complete")->as_bool());
  CHECK(progress.find("epochs")->as_number() == 0);
  const double steps = progress.find("steps")->as_number();
  uint64_t per_step = 0, evaluation = 0;  // prelu's alphas make its network a little larger
  for (int i = 0; i < 12; ++i) {
    per_step += relu::network_step_work(*a.arena().network(i), 1);
    evaluation += relu::network_eval_work(*a.arena().network(i), 5000);
  }
  CHECK(steps == static_cast<double>((relu::kWorkPerCall - evaluation) / per_step));
  // The same steps by train_steps: the budget depends on the work, not on the clock.
  REQUIRE(b.train_steps(static_cast<int>(steps)).empty());
  CHECK(parse_ok(b.progress_json()).find("complete")->as_bool());
  CHECK(a.model_json(5) == b.model_json(5));
}

TEST_CASE("arena session: texts beyond the limits are rejected before parsing") {
  relu::ArenaSession s;
  const std::string big = "{\"x\": \"" + std::string(relu::kSettingsMaxTextBytes, 'a') + "\"}";
  CHECK(s.reset(big).find("bytes, the limit is 65536") != std::string::npos);
  std::string deep(17, '[');
  deep += std::string(17, ']');
  CHECK(s.reset(deep).find("nesting deeper than 16") != std::string::npos);
}

TEST_CASE("arena session: train_to_target reports the epoch each network reached the target") {
  const std::string settings = R"({"activations": ["relu", "linear"], "seed": 3})";
  relu::ArenaSession session;
  REQUIRE(session.reset(settings).empty());
  REQUIRE(session.train_to_target(4, 0.9).empty());
  REQUIRE(session.train_to_target(6, 0.9).empty());  // the epochs found so far are kept
  const relu::json::Value progress = parse_ok(session.progress_json());
  CHECK(progress.find("epochs")->as_number() == 6);
  const relu::json::Value* reached = progress.find("reached");
  REQUIRE(reached != nullptr);
  REQUIRE(reached->size() == 2);
  CHECK(reached->at(0).as_number() >= 1);
  CHECK(reached->at(0).as_number() <= 10);
  CHECK(reached->at(1).is_null());
  // A target already met counts from the current epoch; a new target starts again.
  REQUIRE(session.train_to_target(0, 0.1).empty());
  CHECK(parse_ok(session.progress_json()).find("reached")->at(0).as_number() == 10);
  CHECK(session.train_to_target(1, -0.5) == "target: must be in 0..1");
}
