// The arena with input features and regression datasets end to end: what features do (a linear
// network on x1^2, x2^2 separates the circle), what each activation reaches on the two
// regressions (figures printed), the loss and metrics following the dataset, the field kinds.
#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "nn/arena.h"

namespace {

using relu::Activation;
using relu::Arena;
using relu::ArenaSettings;
using relu::DatasetKind;
using relu::InputFeature;

ArenaSettings settings_of(DatasetKind dataset, std::vector<Activation> ops,
                          std::vector<InputFeature> features = {InputFeature::kX1,
                                                                InputFeature::kX2}) {
  ArenaSettings settings;
  settings.dataset.kind = dataset;
  settings.features = std::move(features);
  settings.networks.clear();
  for (Activation op : ops) {
    relu::NetworkSpec spec;
    spec.activation = op;
    settings.networks.push_back(spec);
  }
  return settings;
}

void reset_ok(Arena* arena, const ArenaSettings& settings) {
  const std::string error = arena->reset(settings);
  INFO("reset: " << error);
  REQUIRE(error.empty());
}

void train(Arena* arena, int epochs) {
  int done = 0;
  while (done < epochs) {
    const relu::TrainProgress p = arena->train(relu::TrainRequest::epochs(epochs - done));
    REQUIRE(p.error.empty());
    done += p.epochs;
  }
}

constexpr int kEpochs = 200;

}  // namespace

TEST_CASE("a linear network on x1^2 and x2^2 separates the circle; on x1 and x2 it cannot") {
  Arena squares;
  reset_ok(&squares, settings_of(DatasetKind::kCircle, {Activation::kLinear},
                                 {InputFeature::kX1Sq, InputFeature::kX2Sq}));
  CHECK(squares.network(0)->mlp.layers[0].in == 2);
  Arena raw;
  reset_ok(&raw, settings_of(DatasetKind::kCircle, {Activation::kLinear}));
  train(&squares, kEpochs);
  train(&raw, kEpochs);
  const double with_squares = squares.metrics(0)->test_accuracy;
  const double plain = raw.metrics(0)->test_accuracy;
  std::printf("\ncircle, linear, %d epochs: x1sq,x2sq %.3f, x1,x2 %.3f test accuracy\n", kEpochs,
              with_squares, plain);
  CHECK(with_squares >= 0.95);
  CHECK(plain <= 0.70);  // a line through a disc and its ring: about the larger class
}

TEST_CASE("the first layer's fan-in follows the features") {
  Arena arena;
  reset_ok(&arena, settings_of(DatasetKind::kXor, {Activation::kRelu, Activation::kTanh},
                               {InputFeature::kX1, InputFeature::kX1X2, InputFeature::kSinX2}));
  for (int i = 0; i < arena.network_count(); ++i) {
    const relu::Mlp& mlp = arena.network(i)->mlp;
    CHECK(mlp.layers[0].in == 3);
    CHECK(mlp.config.loss == relu::Loss::kBce);
  }
  // An empty feature list is an error naming the field.
  ArenaSettings none = settings_of(DatasetKind::kXor, {Activation::kRelu});
  none.features.clear();
  CHECK(arena.reset(none) == "features: 0 features is outside 1..7");
  CHECK(arena.network_count() == 0);
}

TEST_CASE("regressions: MSE loss, R^2 metrics, null accuracy, value fields") {
  const std::vector<Activation> ops = {
      Activation::kRelu, Activation::kLeakyRelu, Activation::kElu,      Activation::kGelu,
      Activation::kTanh, Activation::kSigmoid,   Activation::kSoftplus, Activation::kLinear};
  for (const DatasetKind kind : {DatasetKind::kRegPlane, DatasetKind::kRegGauss}) {
    Arena arena;
    reset_ok(&arena, settings_of(kind, ops));
    REQUIRE(arena.data().regression);
    const relu::NetworkMetrics& before = *arena.metrics(0);
    CHECK(arena.network(0)->mlp.config.loss == relu::Loss::kMse);
    CHECK(std::isnan(before.train_accuracy));
    CHECK(std::isnan(before.test_accuracy));
    CHECK(std::isfinite(before.test_r2));
    train(&arena, kEpochs);
    std::printf("\n%s, default 8-8 network, %d epochs, test R^2:", relu::dataset_name(kind),
                kEpochs);
    for (int i = 0; i < arena.network_count(); ++i) {
      const relu::NetworkMetrics& m = *arena.metrics(i);
      std::printf(" %s %.3f", relu::activation_name(ops[static_cast<size_t>(i)]), m.test_r2);
      // The MSE is the loss; R^2 = 1 - MSE / variance, so both say the same thing.
      CHECK(m.test_loss >= 0.0);
      CHECK(m.test_r2 <= 1.0);
    }
    std::printf("\n");
    const double relu_r2 = arena.metrics(0)->test_r2;
    const double tanh_r2 = arena.metrics(4)->test_r2;
    if (kind == DatasetKind::kRegPlane) {
      CHECK(relu_r2 >= 0.97);
      CHECK(tanh_r2 >= 0.97);
    } else {
      CHECK(relu_r2 >= 0.5);
      CHECK(tanh_r2 >= 0.5);
    }
    std::string error;
    const relu::FieldView value = arena.field(0, 32, relu::FieldKind::kValue, &error);
    CHECK(error.empty());
    CHECK(value.size == 32u * 32u);
    arena.field(0, 32, relu::FieldKind::kProbability, &error);
    CHECK(error.find("probability") != std::string::npos);
  }
}

TEST_CASE("a classification has R^2 null and its accuracy") {
  Arena arena;
  reset_ok(&arena, settings_of(DatasetKind::kCircle, {Activation::kRelu}));
  CHECK(std::isnan(arena.metrics(0)->test_r2));
  CHECK(std::isnan(arena.metrics(0)->train_r2));
  CHECK(arena.metrics(0)->test_accuracy >= 0.0);
}

TEST_CASE("until_target on a regression watches test R^2") {
  Arena arena;
  reset_ok(&arena, settings_of(DatasetKind::kRegPlane, {Activation::kRelu}));
  for (int calls = 0; calls < 50 && arena.reached(0) < 0; ++calls) {
    REQUIRE(arena.train(relu::TrainRequest::epochs(20).until(0.9)).error.empty());
  }
  REQUIRE(arena.reached(0) >= 0);
  // The reached epoch's R^2 is what metrics() would have said then: >= the target now too.
  CHECK(arena.metrics(0)->test_r2 >= 0.9);
}
