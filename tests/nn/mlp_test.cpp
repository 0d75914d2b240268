// Tests of core/mlp.*: whole-network gradients vs central finite differences of a double
// reference (every activation, 0-2 hidden layers, both PReLU modes), PyTorch goldens for loss,
// logits and every gradient, the layout contract and validation.
#include "nn/mlp.h"

#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "base/rng.h"
#include "nn/init.h"
#include "nn/optimizer.h"
#include "support/reference_mlp.h"
#include "support/trainer_golden_config.h"

using namespace relu;

namespace {

// |got - want| <= rtol |want| + atol, printing the first mismatch with its index.
bool close_all(const char* what, const std::string& label, const float* got,
               const std::vector<double>& want, double rtol, double atol) {
  for (size_t k = 0; k < want.size(); ++k) {
    const double g = static_cast<double>(got[k]);
    if (!(std::fabs(g - want[k]) <= rtol * std::fabs(want[k]) + atol)) {
      std::printf("%s %s [%zu]: got %.9g want %.9g\n", label.c_str(), what, k, g, want[k]);
      return false;
    }
  }
  return true;
}

ActivationParams test_params() {
  ActivationParams p;
  p.slope = 0.1f;
  p.alpha = 0.8f;
  p.beta = 1.5f;
  p.threshold = 20.0f;
  return p;
}

MlpConfig config_of(Activation op, int hidden_layers, PreluMode mode, const int* units) {
  MlpConfig config;
  for (int l = 0; l < hidden_layers; ++l) {
    HiddenLayerConfig h;
    h.units = units[l];
    h.activation = op;
    h.params = test_params();
    h.params.prelu_mode = mode;
    h.params.prelu_init = 0.3f;
    config.hidden.push_back(h);
  }
  return config;
}

// Draws biases and alphas too (init sets them to constants), so every parameter matters.
void randomise(Mlp* mlp, uint64_t seed) {
  InitConfig init;
  init.scheme = InitScheme::kXavierNormal;
  init.seed = seed;
  mlp_init(mlp, init);
  Rng rng = rng_seed(seed, 99);
  for (size_t k = mlp->weight_count; k < mlp->param_count; ++k) {
    mlp->params[k] = rng_uniform_range(&rng, -0.4f, 0.4f);
  }
  for (int l = 0; l < mlp->layer_count; ++l) {
    const LayerTensors t = mlp_layer_tensors(*mlp, l, mlp->params);
    for (int k = 0; k < t.alpha_count; ++k) t.alpha[k] = rng_uniform_range(&rng, 0.05f, 0.5f);
  }
}

void check_gradient(Activation op, int hidden_layers, PreluMode mode) {
  const int units[] = {5, 3};
  const int B = 7;  // not a multiple of 4: padding lanes are exercised
  std::string error;
  Mlp mlp;
  REQUIRE(mlp_build(&mlp, config_of(op, hidden_layers, mode, units), 16, &error));
  std::vector<float> x(2 * B), y(B);
  // Redraw until no hidden pre-activation is within 1e-3 of a kink at 0.
  bool away = false;
  for (uint64_t seed = 1; seed < 200 && !away; ++seed) {
    randomise(&mlp, seed);
    Rng rng = rng_seed(seed, 7);
    for (float& v : x) v = rng_uniform_range(&rng, -1.0f, 1.0f);
    for (int b = 0; b < B; ++b) y[b] = static_cast<float>(b % 2);
    const reference::Forward f = reference::forward(mlp, reference::params_of(mlp), x.data(), B);
    away = reference::min_abs_hidden_z(f) > 1e-3;
  }
  REQUIRE(away);
  REQUIRE(mlp_forward(&mlp, x.data(), B));
  mlp_zero_grad(&mlp);
  const double loss = mlp_backward(&mlp, y.data());
  const reference::Forward f = reference::forward(mlp, reference::params_of(mlp), x.data(), B);
  const std::string label = std::string(activation_name(op)) + " hidden " +
                            std::to_string(hidden_layers) +
                            (mode == PreluMode::kChannel ? " channel" : "");
  INFO(label);
  CHECK(std::fabs(loss - reference::loss(f.logits, y.data())) < 1e-5);
  CHECK(close_all("logits", label, mlp_logits(mlp), f.logits, 1e-5, 1e-6));
  const std::vector<double> numeric = reference::numeric_gradient(mlp, x.data(), y.data(), B);
  CHECK(close_all("grad", label, mlp.grads, numeric, 1e-3, 2e-6));
}

}  // namespace

TEST_CASE("whole-network gradient matches finite differences for every activation") {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) \
  for (int hidden = 0; hidden <= 2; ++hidden) {                         \
    check_gradient(Activation::k##Name, hidden, PreluMode::kShared);    \
  }                                                                     \
  if (Activation::k##Name == Activation::kPrelu) {                      \
    for (int hidden = 1; hidden <= 2; ++hidden) {                       \
      check_gradient(Activation::k##Name, hidden, PreluMode::kChannel); \
    }                                                                   \
  }
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
}

namespace {

// Writes flat params in the documented order (every W, every b, every alpha) through the
// per-layer views, so the test also checks that the views follow that order.
void set_params(Mlp* mlp, const std::vector<float>& flat) {
  size_t k = 0;
  for (int l = 0; l < mlp->layer_count; ++l) {
    const LayerTensors t = mlp_layer_tensors(*mlp, l, mlp->params);
    for (int j = 0; j < t.out * t.in; ++j) t.W[j] = flat.at(k++);
  }
  for (int l = 0; l < mlp->layer_count; ++l) {
    const LayerTensors t = mlp_layer_tensors(*mlp, l, mlp->params);
    for (int j = 0; j < t.out; ++j) t.b[j] = flat.at(k++);
  }
  for (int l = 0; l < mlp->layer_count; ++l) {
    const LayerTensors t = mlp_layer_tensors(*mlp, l, mlp->params);
    for (int j = 0; j < t.alpha_count; ++j) t.alpha[j] = flat.at(k++);
  }
  REQUIRE(k == flat.size());
}

}  // namespace

TEST_CASE("loss, logits and gradients match PyTorch (float64) goldens") {
  for (const golden::GradCase& c : golden::kGradCases) {
    INFO(c.label);
    Mlp mlp;
    std::string error;
    REQUIRE(mlp_build(&mlp, golden_mlp_config(c), golden::kBatch, &error));
    REQUIRE(mlp.param_count == c.params.size());
    set_params(&mlp, c.params);
    REQUIRE(mlp_forward(&mlp, golden::kX, golden::kBatch));
    CHECK(std::fabs(mlp_loss(mlp, golden::kY) - c.loss) <= 1e-5 * c.loss);
    CHECK(close_all("logits", c.label, mlp_logits(mlp), c.logits, 1e-5, 1e-6));
    mlp_zero_grad(&mlp);
    const double loss = mlp_backward(&mlp, golden::kY);
    CHECK(std::fabs(loss - c.loss) <= 1e-5 * c.loss);
    CHECK(close_all("grads", c.label, mlp.grads, c.grads, 1e-4, 1e-6));
  }
}

TEST_CASE("gradients accumulate over chunks of one batch (total_batch)") {
  const golden::GradCase& c = golden::kGradCases[0];
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, golden_mlp_config(c), 3, &error));
  set_params(&mlp, c.params);
  mlp_zero_grad(&mlp);
  double loss = 0;
  for (int start = 0; start < golden::kBatch; start += 3) {
    const int n = std::min(3, golden::kBatch - start);
    REQUIRE(mlp_forward(&mlp, golden::kX + 2 * start, n));
    loss += mlp_backward(&mlp, golden::kY + start, nullptr, golden::kBatch);
  }
  CHECK(std::fabs(loss - c.loss) <= 1e-5 * c.loss);
  CHECK(close_all("grads", "chunked", mlp.grads, c.grads, 1e-4, 1e-6));
  CHECK_FALSE(mlp_forward(&mlp, golden::kX, 4));  // beyond max_batch: refused
}

TEST_CASE("gathered rows read x and labels through the index") {
  const golden::GradCase& c = golden::kGradCases[1];
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, golden_mlp_config(c), golden::kBatch, &error));
  set_params(&mlp, c.params);
  const int rows[] = {7, 6, 5, 4, 3, 2, 1, 0};
  REQUIRE(mlp_forward(&mlp, golden::kX, golden::kBatch, rows));
  for (int b = 0; b < golden::kBatch; ++b) {
    CHECK(std::fabs(static_cast<double>(mlp_logits(mlp)[b]) - c.logits[7 - b]) < 1e-5);
  }
  CHECK(std::fabs(mlp_loss(mlp, golden::kY, rows) - c.loss) <= 1e-5 * c.loss);
}

TEST_CASE("layout: weights first, one aligned arena, activation views") {
  const int units[] = {4, 3};
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config_of(Activation::kPrelu, 2, PreluMode::kChannel, units), 5, &error));
  // W: 4*2 + 3*4 + 1*3 = 23; b: 4 + 3 + 1 = 8; alpha: 4 + 3 = 7.
  CHECK(mlp.weight_count == 23);
  CHECK(mlp.param_count == 38);
  CHECK(mlp.layers[0].alpha_count == 4);
  CHECK(mlp.layers[2].alpha_count == 0);
  CHECK(mlp_layer_tensors(mlp, 2, mlp.params).alpha == nullptr);
  for (const float* p : {mlp.params, mlp.grads, mlp.m, mlp.v, mlp.x, mlp.lanes}) {
    CHECK(reinterpret_cast<uintptr_t>(p) % 64 == 0);
  }
  for (int l = 0; l < mlp.layer_count; ++l) {
    for (const float* p : {mlp.layers[l].z, mlp.layers[l].a, mlp.layers[l].da}) {
      CHECK(reinterpret_cast<uintptr_t>(p) % 64 == 0);
      CHECK(p >= mlp.memory.data());
      CHECK(p < mlp.memory.data() + mlp.memory.size());
    }
  }
  CHECK(mlp.params[mlp.layers[1].alpha + 2] == 0.3f);  // alphas start at prelu_init
  randomise(&mlp, 3);
  const float x[] = {0.5f, -0.25f, -0.75f, 0.125f, 1.0f, 1.0f};
  REQUIRE(mlp_forward(&mlp, x, 3));
  const reference::Forward f = reference::forward(mlp, reference::params_of(mlp), x, 3);
  for (int l = 0; l < 2; ++l) {
    const ActivationView view = mlp_activations(mlp, l);
    CHECK(view.batch == 3);
    CHECK(view.stride == 4);
    for (int o = 0; o < view.units; ++o) {
      for (int b = 0; b < 3; ++b) {
        const double z = f.z[l][b * view.units + o];
        CHECK(std::fabs(static_cast<double>(view.z[o * view.stride + b]) - z) < 1e-5);
      }
    }
  }
  Mlp moved = std::move(mlp);  // the arena moves with the Mlp
  CHECK(moved.params == mlp_layer_tensors(moved, 0, moved.params).W);
}

TEST_CASE("mlp_build validates and names the field") {
  Mlp mlp;
  std::string error;
  MlpConfig config;
  config.hidden.resize(7);
  CHECK_FALSE(mlp_build(&mlp, config, 10, &error));
  CHECK(error.find("hidden") != std::string::npos);
  CHECK(mlp.layer_count == 0);
  config.hidden.resize(2);
  config.hidden[1].units = 17;
  CHECK_FALSE(mlp_build(&mlp, config, 10, &error));
  CHECK(error == "hidden[1].units: 17 is outside 1..16");
  config.hidden[1].units = 0;
  CHECK_FALSE(mlp_build(&mlp, config, 10, &error));
  config.hidden[1].units = 16;
  config.hidden[0].activation = Activation::kSoftplus;
  config.hidden[0].params.beta = 0.0f;
  CHECK_FALSE(mlp_build(&mlp, config, 10, &error));
  CHECK(error.rfind("hidden[0].beta", 0) == 0);
  config.hidden[0].params.beta = 1.0f;
  CHECK_FALSE(mlp_build(&mlp, config, 0, &error));
  CHECK(error.rfind("max_batch", 0) == 0);
  CHECK(mlp_build(&mlp, config, 10, &error));
  CHECK(mlp.layer_count == 3);
  CHECK(mlp_build(&mlp, MlpConfig(), 1, &error));  // no hidden layer: logistic regression
  CHECK(mlp.param_count == 3);
}

TEST_CASE("a training forward through batch norm bumps weights_version") {
  relu::MlpConfig config;
  relu::HiddenLayerConfig layer;
  layer.units = 4;
  layer.batch_norm = true;
  config.hidden = {layer, layer};
  relu::Mlp mlp;
  std::string error;
  REQUIRE(relu::mlp_build(&mlp, config, 8, &error));
  const float x[8] = {0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f, 0.7f, 0.8f};
  const uint64_t start = mlp.weights_version;
  REQUIRE(relu::mlp_forward(&mlp, x, 4));  // evaluation reads the running statistics only
  CHECK(mlp.weights_version == start);
  REQUIRE(relu::mlp_forward_train(&mlp, x, 4, nullptr, nullptr));  // and training moves them
  CHECK(mlp.weights_version > start);
}
