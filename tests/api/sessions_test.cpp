// Tests core/trainer_api.*: the JSON facades the JS API is bound to. Arena sessions (errors,
// warnings, metrics shape, fields, determinism) and network sessions (predict vs a hand
// computation, gradients vs central finite differences of a double-precision loss, training).
#include "api/sessions.h"

#include <catch.hpp>
#include <cmath>
#include <cstring>
#include <string>

#include "io/json.h"

namespace {

const char* kModel =
    R"({"format":"relu-lab/model","version":1,"inputs":2,"layers":[)"
    R"({"units":3,"activation":"tanh","W":[[0.5,-0.25],[1,0.75],[-0.5,0.3]],"b":[0.1,-0.2,0]},)"
    R"({"units":1,"activation":"linear","W":[[1.5,-1,0.5]],"b":[0.05]}]})";

relu::json::Value parse_ok(const std::string& text) {
  const auto r = relu::json::parse(text);
  INFO(text);
  REQUIRE(r.ok());
  return r.value;
}

// Mean BCE with logits in double, the definition (torch.nn.BCEWithLogitsLoss).
double bce(const float* logits, const float* labels, int n) {
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    const double l = static_cast<double>(logits[i]), y = static_cast<double>(labels[i]);
    sum += std::max(l, 0.0) - l * y + std::log1p(std::exp(-std::fabs(l)));
  }
  return sum / n;
}

void stage(relu::NetworkSession* s, const float* x, const float* y, int n) {
  REQUIRE(s->prepare(n).empty());
  std::memcpy(s->x(), x, sizeof(float) * 2 * static_cast<size_t>(n));
  std::memcpy(s->labels(), y, sizeof(float) * static_cast<size_t>(n));
}

const float kX[] = {0.5f, 0.5f, -0.5f, 0.25f, 0.1f, -0.8f, -0.6f, -0.6f, 0.9f, -0.1f, 0, 0.3f};
const float kY[] = {1, 0, 1, 0, 1, 0};

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
  const auto metrics = parse_ok(s.metrics_json());
  REQUIRE(metrics.size() == 2);
  for (const char* key : {"activation", "label", "epoch", "trainLoss", "testLoss", "trainAccuracy",
                          "testAccuracy", "deadUnits", "deadPerLayer", "units", "sparsity",
                          "alphas", "gradNorm", "diverged", "divergedAt"}) {
    INFO(key);
    CHECK(metrics.at(0).find(key) != nullptr);
  }
  CHECK(metrics.at(1).find("activation")->as_string() == "prelu");
  CHECK(metrics.at(1).find("alphas")->size() == 2);  // two hidden layers, one shared alpha each
  CHECK(metrics.at(0).find("alphas")->size() == 0);
  CHECK(metrics.at(0).find("units")->as_number() == 16);
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
  CHECK(a.metrics_json() == b.metrics_json());
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

TEST_CASE("network session: load, predict against a hand computation, export") {
  relu::NetworkSession s;
  CHECK(s.load("{}").rfind("format:", 0) == 0);
  CHECK(s.predict() == "the network is not loaded");
  REQUIRE(s.load(kModel).empty());
  CHECK(s.warnings_json() == "[]");
  stage(&s, kX, kY, 6);
  REQUIRE(s.predict().empty());
  for (int i = 0; i < 6; ++i) {
    const double x0 = static_cast<double>(kX[2 * i]), x1 = static_cast<double>(kX[2 * i + 1]);
    const double h0 = std::tanh(0.5 * x0 - 0.25 * x1 + 0.1);
    const double h1 = std::tanh(1 * x0 + 0.75 * x1 - 0.2);
    const double h2 = std::tanh(-0.5 * x0 + static_cast<double>(0.3f) * x1);
    const double expected = 1.5 * h0 - h1 + 0.5 * h2 + 0.05;
    INFO("example " << i);
    CHECK(static_cast<double>(s.logits()[i]) == Approx(expected).margin(1e-6));
  }
  CHECK(s.to_json() == kModel);
  CHECK(s.prepare(-1) == "batch: -1 examples is outside 0..1048576");
}

TEST_CASE("network session: gradients match central differences of the loss") {
  relu::NetworkSession s;
  REQUIRE(s.load(kModel).empty());
  stage(&s, kX, kY, 6);
  const auto result = parse_ok(s.loss_and_gradients());
  const double loss = result.find("loss")->as_number();
  CHECK(loss == Approx(bce(s.logits(), kY, 6)).epsilon(1e-6));
  const relu::json::Value& grads = *result.find("grads");
  // Perturb each weight in the model text and re-evaluate the loss in double.
  relu::json::Value model = parse_ok(kModel);
  const double h = 1e-2;
  int checked = 0;
  for (size_t l = 0; l < 2; ++l) {
    relu::json::Value& W = model.at(3).at(l).at(2);  // ["layers"][l]["W"], kModel's key order
    for (size_t o = 0; o < W.size(); ++o) {
      for (size_t i = 0; i < W.at(o).size(); ++i) {
        const double w = W.at(o).at(i).as_number();
        double side[2];
        for (int k = 0; k < 2; ++k) {
          W.at(o).at(i) = relu::json::Value::number(w + (k == 0 ? h : -h));
          relu::NetworkSession p;
          REQUIRE(p.load(relu::json::write(model)).empty());
          stage(&p, kX, kY, 6);
          REQUIRE(p.predict().empty());
          side[k] = bce(p.logits(), kY, 6);
        }
        W.at(o).at(i) = relu::json::Value::number(w);
        const double fd = (side[0] - side[1]) / (2 * h);
        const double g = grads.at(l).find("W")->at(o).at(i).as_number();
        INFO("layer " << l << " W[" << o << "][" << i << "]: analytic " << g << " fd " << fd);
        CHECK(g == Approx(fd).margin(2e-4).epsilon(2e-3));
        ++checked;
      }
    }
  }
  CHECK(checked == 9);
}

TEST_CASE("network session: training lowers the loss; bad labels and options are errors") {
  relu::NetworkSession s;
  REQUIRE(s.load(kModel).empty());
  stage(&s, kX, kY, 6);
  const double before = parse_ok(s.loss_and_gradients()).find("loss")->as_number();
  const auto trained = parse_ok(s.train(R"({"optimizer": {"name": "adam", "lr": 0.05},
                                            "steps": 200, "batchSize": 3, "extra": 1})"));
  REQUIRE(trained.find("error") == nullptr);
  CHECK(trained.find("steps")->as_number() == 200);
  CHECK(trained.find("finite")->as_bool());
  CHECK(trained.find("warnings")->size() == 1);
  const double after = parse_ok(s.loss_and_gradients()).find("loss")->as_number();
  INFO("loss " << before << " -> " << after);
  CHECK(after < 0.5 * before);
  CHECK(parse_ok(s.train(R"({"steps": 2.5})")).find("error")->as_string() ==
        "steps: expected an integer, got 2.5");
  CHECK(parse_ok(s.train("[")).find("error")->as_string().rfind("invalid JSON", 0) == 0);
  s.labels()[4] = 2.0f;
  CHECK(parse_ok(s.train("{}")).find("error")->as_string() ==
        "labels[4]: expected a value in [0, 1], got 2");
  s.labels()[4] = NAN;
  CHECK(parse_ok(s.loss_and_gradients()).find("error")->as_string() ==
        "labels[4]: expected a value in [0, 1], got NaN");
}
