// Tests of core/mlp.*'s input features and MSE loss: PyTorch goldens (tools/
// make_golden_regression.py) for loss, outputs, every gradient and 5 SGD steps on the seven
// features and subsets with relu, tanh and linear layers; central finite differences through
// the feature layer; and the loss choice's validation.
#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "golden/regression_golden.inc"
#include "nn/mlp.h"
#include "nn/network.h"

using namespace relu;

namespace {

bool near(double got, double want, double rtol, double atol) {
  return std::fabs(got - want) <= rtol * std::fabs(want) + atol;
}

// |got - want| within tolerance at every index, printing the first mismatch.
template <class T>
bool close_all(const char* what, const char* label, const T* got, const std::vector<double>& want,
               double rtol, double atol) {
  for (size_t k = 0; k < want.size(); ++k) {
    const double g = static_cast<double>(got[k]);
    if (!near(g, want[k], rtol, atol)) {
      std::printf("%s %s [%zu]: got %.9g want %.9g\n", label, what, k, g, want[k]);
      return false;
    }
  }
  return true;
}

MlpConfig config_of(const golden_regression::Case& c) {
  MlpConfig config;
  config.loss = Loss::kMse;
  config.features.clear();
  for (const char* name : c.features) {
    InputFeature f;
    REQUIRE(input_feature_from_name(name, &f));
    config.features.push_back(f);
  }
  for (int units : golden_regression::kHidden) {
    HiddenLayerConfig h;
    h.units = units;
    REQUIRE(activation_from_name(c.activation, &h.activation));
    config.hidden.push_back(h);
  }
  return config;
}

void set_params(Mlp* mlp, const std::vector<float>& params) {
  REQUIRE(mlp->param_count == params.size());
  for (size_t k = 0; k < params.size(); ++k) mlp->params[k] = params[k];
}

}  // namespace

TEST_CASE("MSE loss, outputs and gradients on input features match PyTorch (float64)") {
  namespace g = golden_regression;
  for (const g::Case& c : g::kCases) {
    INFO(c.label);
    Mlp mlp;
    std::string error;
    REQUIRE(mlp_build(&mlp, config_of(c), g::kBatch, &error));
    REQUIRE(mlp.layers[0].in == static_cast<int>(c.features.size()));
    set_params(&mlp, c.params);
    REQUIRE(mlp_forward(&mlp, g::kX, g::kBatch));
    CHECK(near(mlp_loss(mlp, g::kT), c.loss, 1e-5, 0.0));
    CHECK(close_all("outputs", c.label, mlp_logits(mlp), c.outputs, 1e-5, 1e-6));
    mlp_zero_grad(&mlp);
    CHECK(near(mlp_backward(&mlp, g::kT), c.loss, 1e-5, 0.0));
    CHECK(close_all("grads", c.label, mlp.grads, c.grads, 1e-4, 1e-6));
  }
}

TEST_CASE("5 full-batch SGD steps with MSE match PyTorch (float64)") {
  namespace g = golden_regression;
  for (const g::Case& c : g::kCases) {
    INFO(c.label);
    OptimizerConfig sgd;
    sgd.kind = OptimizerKind::kSgd;
    sgd.lr = g::kLr;
    Network net;
    std::string error;
    REQUIRE(network_build(&net, config_of(c), sgd, g::kBatch, &error));
    set_params(&net.mlp, c.params);
    for (int s = 0; s < g::kSteps; ++s) {
      const TrainResult r = network_train_steps(&net, g::kX, g::kT, g::kBatch, 0, 1, 1);
      REQUIRE(r.steps == 1);
      INFO("step " << s + 1);
      CHECK(near(r.last_loss, c.losses[s], 1e-4, 0.0));
    }
    CHECK(close_all("final params", c.label, net.mlp.params, c.final, 1e-4, 1e-5));
  }
}

TEST_CASE("first-layer gradients through every input feature match central differences") {
  // The tanh case on all seven features: smooth, so the difference quotient converges; the loss
  // is computed in double from float outputs, so h trades truncation (h^2) for rounding (1/h).
  namespace g = golden_regression;
  const g::Case* all_tanh = nullptr;
  for (const g::Case& c : g::kCases) {
    if (std::string(c.label) == "all_tanh") all_tanh = &c;
  }
  REQUIRE(all_tanh != nullptr);
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config_of(*all_tanh), g::kBatch, &error));
  set_params(&mlp, all_tanh->params);
  REQUIRE(mlp_forward(&mlp, g::kX, g::kBatch));
  mlp_zero_grad(&mlp);
  mlp_backward(&mlp, g::kT);
  const std::vector<float> grads(mlp.grads, mlp.grads + mlp.param_count);
  const MlpLayer& first = mlp.layers[0];
  constexpr float kH = 1e-2f;
  for (int k = 0; k < first.in * first.out; ++k) {
    float* w = mlp.params + first.W + k;
    const float saved = *w;
    *w = saved + kH;
    REQUIRE(mlp_forward(&mlp, g::kX, g::kBatch));
    const double up = mlp_loss(mlp, g::kT);
    *w = saved - kH;
    REQUIRE(mlp_forward(&mlp, g::kX, g::kBatch));
    const double down = mlp_loss(mlp, g::kT);
    *w = saved;
    const double numeric = (up - down) / (2.0 * static_cast<double>(kH));
    INFO("W0[" << k / first.in << "][" << input_feature_name(mlp.config.features[k % first.in])
               << "]");
    CHECK(near(static_cast<double>(grads[first.W + k]), numeric, 2e-3, 2e-4));
  }
}

TEST_CASE("input features: values, padding and validation") {
  const float x[] = {0.5f, -2.0f, 3.0f, 0.25f};
  MlpConfig config;
  config.features = {InputFeature::kSinX2, InputFeature::kX1X2, InputFeature::kX1Sq};
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config, 2, &error));
  REQUIRE(mlp_forward(&mlp, x, 2));
  const int S = mlp.stride;
  CHECK(mlp.x[0] == input_sin(-2.0f));
  CHECK(mlp.x[1] == input_sin(0.25f));
  CHECK(mlp.x[S] == -1.0f);
  CHECK(mlp.x[S + 1] == 0.75f);
  CHECK(mlp.x[2 * S] == 0.25f);
  CHECK(mlp.x[2 * S + 1] == 9.0f);
  for (int k = 0; k < 3; ++k) CHECK(mlp.x[k * S + 3] == 0.0f);  // padding lanes
  CHECK(std::fabs(static_cast<double>(input_sin(1.0f)) - std::sin(1.0)) < 1e-7);

  MlpConfig twice;
  twice.features = {InputFeature::kX1, InputFeature::kX1};
  CHECK(mlp_validate(twice) == "features[1]: x1 is given twice");
  MlpConfig none;
  none.features.clear();
  CHECK(mlp_validate(none) == "features: 0 features is outside 1..7");
  MlpConfig bad_loss;
  bad_loss.loss = static_cast<Loss>(7);
  CHECK(mlp_validate(bad_loss) == "loss: unknown");
  InputFeature f;
  CHECK_FALSE(input_feature_from_name("x3", &f));
  Loss loss;
  REQUIRE(loss_from_name("mse", &loss));
  CHECK(loss == Loss::kMse);
  CHECK(std::string(loss_name(Loss::kBce)) == "bce");
}
