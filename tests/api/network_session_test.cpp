// Tests core/api/network_session.*: load, predict against a hand computation, gradients against
// central finite differences of a double-precision loss, training, and the one error convention
// (every method returns "" or the message; results come from accessors).
#include "api/network_session.h"

#include <catch.hpp>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

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
  REQUIRE(s.loss_and_gradients().empty());
  const double loss = s.loss();
  CHECK(loss == Approx(bce(s.logits(), kY, 6)).epsilon(1e-6));
  const relu::json::Value grads = parse_ok(s.grads_json());
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
  REQUIRE(s.loss_and_gradients().empty());
  const double before = s.loss();
  REQUIRE(s.train(R"({"optimizer": {"name": "adam", "lr": 0.05},
                     "steps": 200, "batchSize": 3, "extra": 1})")
              .empty());
  const auto trained = parse_ok(s.train_result_json());
  CHECK(trained.find("steps")->as_number() == 200);
  CHECK(trained.find("finite")->as_bool());
  CHECK(trained.find("warnings")->size() == 1);
  REQUIRE(s.loss_and_gradients().empty());
  const double after = s.loss();
  INFO("loss " << before << " -> " << after);
  CHECK(after < 0.5 * before);
  CHECK(s.train(R"({"steps": 2.5})") == "steps: expected an integer, got 2.5");
  CHECK(s.train_result_json() == "null");
  CHECK(s.train("[").rfind("invalid JSON", 0) == 0);
  s.labels()[4] = 2.0f;
  CHECK(s.train("{}") == "labels[4]: expected a value in [0, 1] (loss bce), got 2");
  s.labels()[4] = NAN;
  CHECK(s.loss_and_gradients() == "labels[4]: expected a value in [0, 1] (loss bce), got NaN");
}

TEST_CASE("network session: a call trains within the work budget and says so") {
  relu::NetworkSession s;
  REQUIRE(s.load(kModel).empty());
  const int B = 1 << 16;
  REQUIRE(s.prepare(B).empty());
  for (int i = 0; i < B; ++i) {
    s.x()[2 * i] = static_cast<float>(i % 17) / 17.0f - 0.5f;
    s.x()[2 * i + 1] = static_cast<float>(i % 13) / 13.0f - 0.5f;
    s.labels()[i] = static_cast<float>(i % 2);
  }
  REQUIRE(s.train(R"({"steps": 100000})").empty());
  const auto result = parse_ok(s.train_result_json());
  const uint64_t per_step = relu::network_step_work(s.network(), B);
  CHECK(result.find("steps")->as_number() == static_cast<double>(relu::kWorkPerCall / per_step));
  CHECK_FALSE(result.find("complete")->as_bool());
  REQUIRE(s.train(R"({"steps": 3})").empty());
  CHECK(parse_ok(s.train_result_json()).find("complete")->as_bool());
}

TEST_CASE("network session: a batch-norm model refuses a mini-batch of one, named") {
  const char* model =
      R"({"format":"relu-lab/model","version":2,"inputs":2,"layers":[)"
      R"({"units":2,"activation":"relu","W":[[0.5,-0.25],[1,0.75]],"b":[0.1,-0.2],)"
      R"("batchNorm":{"gamma":[1,1],"beta":[0,0],"runningMean":[0,0],"runningVar":[1,1]}},)"
      R"({"units":1,"activation":"linear","W":[[1.5,-1]],"b":[0.05]}]})";
  relu::NetworkSession s;
  REQUIRE(s.load(model).empty());
  stage(&s, kX, kY, 6);
  // 6 rows: batches of 1, and of 5 (a last batch of 1), are refused; 4 (4 + 2) and 6 train.
  CHECK(s.train(R"({"batchSize": 1})").rfind("batchNorm: batchSize 1 makes every mini-batch", 0) ==
        0);
  CHECK(s.train(R"({"batchSize": 5})")
            .rfind("batchNorm: the last mini-batch of each epoch holds one example (6 rows", 0) ==
        0);
  CHECK(s.train_result_json() == "null");
  CHECK(s.train(R"({"batchSize": 4, "steps": 3})").empty());
  CHECK(s.train("{}").empty());
  // A full batch of one row.
  stage(&s, kX, kY, 1);
  CHECK(s.train("{}").rfind("batchNorm: one training example is a batch of one", 0) == 0);
  // Larger than a forward chunk (256): 257 rows would normalise a last forward of one.
  std::vector<float> x(2 * 257), y(257);
  for (int i = 0; i < 257; ++i) {
    x[2 * static_cast<size_t>(i)] = 0.01f * static_cast<float>(i);
    x[2 * static_cast<size_t>(i) + 1] = -0.01f * static_cast<float>(i);
    y[static_cast<size_t>(i)] = static_cast<float>(i % 2);
  }
  stage(&s, x.data(), y.data(), 257);
  CHECK(s.train("{}").rfind("batchNorm: a mini-batch of 257 rows is normalised in forwards of 256",
                            0) == 0);
  CHECK(s.train(R"({"batchSize": 129})").empty());  // 129 + 128: no batch or forward of one
  // The same rows and batches without batch norm train.
  relu::NetworkSession plain;
  REQUIRE(plain.load(kModel).empty());
  stage(&plain, kX, kY, 6);
  CHECK(plain.train(R"({"batchSize": 1})").empty());
}
