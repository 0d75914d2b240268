// Tests core/api/arena_session.* and metrics_record.*: errors, warnings, the metrics records and
// their layout, fields, unit activity and determinism.
#include "api/arena_session.h"

#include <algorithm>
#include <catch.hpp>
#include <cmath>
#include <cstdio>
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
  CHECK_FALSE(s.train(relu::TrainRequest::epochs(1)).error.empty());
  REQUIRE(s.reset(R"({"lr": 1000, "points": 100, "activations": ["relu", "prelu"]})").empty());
  const auto settings = parse_ok(s.settings_json());
  REQUIRE(settings.find("warnings")->size() == 1);
  CHECK(settings.find("warnings")->at(0).as_string() == "lr 1000 clamped to 10");
  CHECK(settings.find("lr")->as_number() == 10);
  REQUIRE(s.train(relu::TrainRequest::epochs(2)).error.empty());
  CHECK(s.train(relu::TrainRequest::epochs(-1)).error == "epochs: -1 is outside 0..100000");
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
  // Per-layer signals: two hidden layers, three gradient norms (the output layer last).
  const relu::NetworkMetrics& m0 = *s.arena().metrics(0);
  CHECK(field(0, F::kMeanActivation)[1] == m0.mean_activation[1]);
  CHECK(field(0, F::kActiveFraction)[0] == m0.active_fraction[0]);
  CHECK(field(0, F::kGradNormPerLayer)[2] == m0.grad_norm_per_layer[2]);
  CHECK(field(0, F::kGradNormPerLayer)[2] > 0);
  CHECK(field(0, F::kGradNormPerLayer)[3] == 0);
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
  REQUIRE(a.train(relu::TrainRequest::epochs(5)).error.empty());
  REQUIRE(b.train(relu::TrainRequest::epochs(5)).error.empty());
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
  REQUIRE(s.unit_activity(0, 64).empty());
  // One byte per unit, unit u of layer l at l * kMlpMaxUnits + u; 0 past the layers' units.
  REQUIRE(s.silent_domain_size() == relu::kMlpMaxHiddenLayers * relu::kMlpMaxUnits);
  CHECK(s.silent_domain()[1 * relu::kMlpMaxUnits + 5] == 1);
  CHECK(s.silent_domain()[0 * relu::kMlpMaxUnits + 8] == 0);
  REQUIRE(s.unit_activity(1, 64).empty());  // leaky: active below zero too
  CHECK(s.silent_domain()[1 * relu::kMlpMaxUnits + 5] == 0);
  const int stride = relu::metrics_record_doubles();
  CHECK(s.metrics_data()[relu::metrics_offset(relu::MetricsField::kDeadMask)] == 1.0);
  CHECK(s.metrics_data()[stride + relu::metrics_offset(relu::MetricsField::kDeadMask)] == 0.0);
}

namespace {

// {"points": [[x, y], ...], "labels": [...]} of n rows; floats print with 9 digits (exact).
std::string data_json(const std::vector<float>& xy, const std::vector<float>& labels) {
  std::string points, ys;
  char text[64];
  for (size_t i = 0; i < labels.size(); ++i) {
    std::snprintf(text, sizeof text, "%s[%.9g,%.9g]", i > 0 ? "," : "",
                  static_cast<double>(xy[2 * i]), static_cast<double>(xy[2 * i + 1]));
    points += text;
    ys += (i > 0 ? "," : "") + std::to_string(static_cast<int>(labels[i]));
  }
  return R"({"points": [)" + points + R"(], "labels": [)" + ys + "]}";
}

relu::NetworkMetrics metrics_after(relu::ArenaSession* s, const std::string& settings, int epochs) {
  INFO(settings);
  REQUIRE(s->reset(settings).empty());
  REQUIRE(s->train(relu::TrainRequest::epochs(epochs)).error.empty());
  return *s->arena().metrics(0);
}

}  // namespace

TEST_CASE("arena session: given points in the preset's order train exactly like the preset") {
  const int n = 200;
  const std::string common = R"("seed": 9, "scaleInputs": false, "batchSize": 16,
      "activations": ["relu", "tanh"], "trainFraction": 0.6)";
  relu::ArenaSession preset;
  REQUIRE(
      preset.reset(R"({"dataset": "moons", "noise": 0.1, "points": 200, )" + common + "}").empty());
  // The split shuffles given rows by a permutation that depends only on the seed and n: read it
  // back from points that encode their own index, then give the preset's rows in its inverse.
  std::vector<float> index_xy(2 * n), index_labels(n);
  for (int i = 0; i < n; ++i) {
    index_xy[2 * i] = -5.0f + 0.05f * static_cast<float>(i);
    index_labels[i] = static_cast<float>(i % 2);
  }
  relu::ArenaSession probe;
  REQUIRE(
      probe.reset(R"({"data": )" + data_json(index_xy, index_labels) + "," + common + "}").empty());
  std::vector<float> given_xy(2 * n), given_labels(n);
  for (int j = 0; j < n; ++j) {
    const float x = probe.points()[2 * j];
    int i = 0;
    while (i < n && index_xy[2 * i] != x) ++i;
    REQUIRE(i < n);
    given_xy[2 * i] = preset.points()[2 * j];
    given_xy[2 * i + 1] = preset.points()[2 * j + 1];
    given_labels[i] = preset.labels()[j];
  }
  relu::ArenaSession given;
  REQUIRE(
      given.reset(R"({"data": )" + data_json(given_xy, given_labels) + "," + common + "}").empty());
  REQUIRE(given.point_floats() == preset.point_floats());
  CHECK(given.train_count() == preset.train_count());
  CHECK(std::memcmp(given.points(), preset.points(), 2 * n * sizeof(float)) == 0);
  CHECK(std::memcmp(given.labels(), preset.labels(), n * sizeof(float)) == 0);
  REQUIRE(preset.train(relu::TrainRequest::epochs(20)).error.empty());
  REQUIRE(given.train(relu::TrainRequest::epochs(20)).error.empty());
  REQUIRE(given.metrics_size() == preset.metrics_size());
  CHECK(std::memcmp(given.metrics_data(), preset.metrics_data(),
                    preset.metrics_size() * sizeof(double)) == 0);
  CHECK(given.arena().metrics(0)->train_accuracy > 0.8);
  // Scaled inputs divide the given raw coordinates by 6, as for the presets.
  relu::ArenaSession scaled;
  REQUIRE(
      scaled.reset(R"({"data": )" + data_json(index_xy, index_labels) + R"(, "seed": 9})").empty());
  CHECK(scaled.half_width() == 1.0f);
  for (size_t k = 0; k < scaled.point_floats(); ++k) REQUIRE(std::fabs(scaled.points()[k]) <= 1.0f);
}

TEST_CASE("arena session: dropout and batch norm train every panel with the same masks") {
  relu::ArenaSession s;
  REQUIRE(s.reset(R"({"points": 300, "seed": 4, "activations": ["relu", "relu", "tanh"],
                      "dropout": 0.3, "batchNorm": true, "batchSize": 10000})")
              .empty());
  REQUIRE(s.train(relu::TrainRequest::epochs(30)).error.empty());
  const size_t stride = static_cast<size_t>(relu::metrics_record_doubles());
  // Same activation, same seed: the same masks and batch statistics, bit for bit.
  CHECK(std::memcmp(s.metrics_data(), s.metrics_data() + stride, stride * sizeof(double)) == 0);
  CHECK(s.arena().metrics(0)->train_accuracy > 0.7);
  CHECK_FALSE(s.arena().metrics(2)->diverged);
  const auto model = parse_ok(s.model_json(0));
  CHECK(model.find("version")->as_number() == 2);
  // A full batch of 150 rows is one forward (statistics per forward), and evaluation is
  // deterministic: the metrics of a copy trained alike are equal.
  relu::ArenaSession t;
  REQUIRE(t.reset(s.settings_json()).empty());
  REQUIRE(t.train(relu::TrainRequest::epochs(30)).error.empty());
  CHECK(std::memcmp(s.metrics_data(), t.metrics_data(), s.metrics_size() * sizeof(double)) == 0);
}

TEST_CASE("arena session: regions per network, an explanation for smooth activations") {
  relu::ArenaSession s;
  REQUIRE(s.reset(R"({"points": 100, "activations": ["relu", "gelu"], "layers": [3]})").empty());
  const relu::RegionsSummary relu_regions = s.regions(0, 64);
  REQUIRE(relu_regions.error.empty());
  CHECK(relu_regions.linear);
  CHECK(relu_regions.resolution == 64);
  const int count = relu_regions.count;
  CHECK(count >= 1);
  CHECK(count <= 7);  // 3 lines cut the plane into at most 7 pieces
  REQUIRE(s.region_cells() == 64 * 64);
  int32_t top = 0;
  for (size_t k = 0; k < s.region_cells(); ++k) top = std::max(top, s.region_ids()[k]);
  CHECK(top + 1 == count);
  const relu::RegionsSummary smooth = s.regions(1, 64);
  REQUIRE(smooth.error.empty());
  CHECK_FALSE(smooth.linear);
  CHECK(smooth.resolution == 64);
  CHECK(smooth.explanation == "gelu is smooth: its network has no linear regions");
  CHECK(s.region_cells() == 0);
  CHECK(s.regions(2, 64).error == "index: 2 is outside 0..1");
  CHECK(s.regions(0, 8).error.rfind("resolution: 8 is outside", 0) == 0);
}

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
  const relu::TrainProgress three = by_epochs.train(relu::TrainRequest::epochs(3));
  REQUIRE(three.error.empty());
  CHECK(three.epochs == 3);
  CHECK(three.steps == 15);
  CHECK(three.complete);
  relu::TrainProgress last;
  for (int steps : {1, 3, 7, 4}) {
    last = by_steps.train(relu::TrainRequest::steps(steps));
    REQUIRE(last.error.empty());
  }
  CHECK(last.epochs == 1);  // 11 -> 15
  for (int i = 0; i < 2; ++i) {
    CHECK(by_steps.model_json(i) == by_epochs.model_json(i));
    CHECK(by_steps.arena().metrics(i)->epoch == 3);
  }
  // A partly trained epoch counts as the first of train()'s epochs.
  REQUIRE(by_steps.train(relu::TrainRequest::steps(2)).error.empty());
  const relu::TrainProgress rest = by_steps.train(relu::TrainRequest::epochs(1));
  REQUIRE(rest.error.empty());
  CHECK(rest.steps == 3);
  CHECK(by_steps.arena().epoch() == 4);
  CHECK(by_steps.train(relu::TrainRequest::steps(-1)).error == "steps: -1 is outside 0..500000000");
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
  const relu::TrainProgress progress =
      a.train(relu::TrainRequest::epochs(relu::kArenaMaxEpochsPerCall));
  REQUIRE(progress.error.empty());
  CHECK_FALSE(progress.complete);
  CHECK(progress.epochs == 0);
  const double steps = progress.steps;
  uint64_t per_step = 0, evaluation = 0;  // prelu's alphas make its network a little larger
  for (int i = 0; i < 12; ++i) {
    per_step += relu::network_step_work(*a.arena().network(i), 1);
    evaluation += relu::network_eval_work(*a.arena().network(i), 5000);
  }
  CHECK(steps == static_cast<double>((relu::kWorkPerCall - evaluation) / per_step));
  // The same steps by train_steps: the budget depends on the work, not on the clock.
  const relu::TrainProgress same = b.train(relu::TrainRequest::steps(static_cast<int>(steps)));
  REQUIRE(same.error.empty());
  CHECK(same.complete);
  CHECK(a.model_json(5) == b.model_json(5));
}

TEST_CASE("arena session: parameters read, staged and loaded back") {
  relu::ArenaSession s;
  CHECK(s.param_count(0) == 0);
  CHECK(s.params_data(0) == nullptr);
  CHECK(s.stage_params(0) == "index: 0 is outside 0..-1");
  REQUIRE(s.reset(R"({"points": 100, "activations": ["relu"], "layers": [4]})").empty());
  const size_t n = s.param_count(0);
  CHECK(n == 2 * 4 + 4 + 4 + 1);  // W1 (4, 2), W2 (1, 4), b1, b2
  const std::vector<float> start(s.params_data(0), s.params_data(0) + n);
  REQUIRE(s.train(relu::TrainRequest::epochs(4)).error.empty());
  REQUIRE(s.stage_params(0).empty());
  REQUIRE(s.staged_size() == n);
  std::copy(start.begin(), start.end(), s.staged_params());
  REQUIRE(s.load_params(0).empty());
  CHECK(std::vector<float>(s.params_data(0), s.params_data(0) + n) == start);
  CHECK(s.stage_params(1) == "index: 1 is outside 0..0");
}

TEST_CASE("arena session: texts beyond the limits are rejected before parsing") {
  relu::ArenaSession s;
  const std::string big = "{\"x\": \"" + std::string(relu::kSettingsMaxTextBytes, 'a') + "\"}";
  CHECK(s.reset(big).find("bytes, the limit is 262144") != std::string::npos);
  std::string deep(17, '[');
  deep += std::string(17, ']');
  CHECK(s.reset(deep).find("nesting deeper than 16") != std::string::npos);
}

TEST_CASE("arena session: train until a target reports the epoch each network reached the target") {
  const std::string settings = R"({"activations": ["relu", "linear"], "seed": 3})";
  relu::ArenaSession session;
  REQUIRE(session.reset(settings).empty());
  using relu::TrainRequest;
  REQUIRE(session.train(TrainRequest::epochs(4).until(0.9)).error.empty());
  // The epochs found so far are kept.
  const relu::TrainProgress progress = session.train(TrainRequest::epochs(6).until(0.9));
  REQUIRE(progress.error.empty());
  CHECK(progress.epochs == 6);
  REQUIRE(session.reached_size() == 2);
  CHECK(session.reached_data()[0] >= 1);
  CHECK(session.reached_data()[0] <= 10);
  CHECK(session.reached_data()[1] == -1);  // not reached
  // A target already met counts from the current epoch; a new target starts again.
  REQUIRE(session.train(TrainRequest::epochs(0).until(0.1)).error.empty());
  CHECK(session.reached_data()[0] == 10);
  CHECK(session.train(TrainRequest::epochs(1).until(-0.5)).error == "target: must be in 0..1");
}
