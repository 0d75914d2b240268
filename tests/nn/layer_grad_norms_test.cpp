// Tests of core/nn/layer_grad_norms.*: the per-layer weight-gradient norms a network keeps over
// an epoch's steps, against double-precision finite differences over the documented mini-batches
// (RMS over the steps), and the full-batch norms at fixed weights against PyTorch goldens.
#include "nn/layer_grad_norms.h"

#include <catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "base/rng.h"
#include "golden/layer_signals_golden.inc"
#include "nn/init.h"
#include "nn/network.h"
#include "support/reference_mlp.h"

using namespace relu;

namespace {

// 13 points in (-1, 1)^2 from the project's RNG; a disc of one class inside the other.
struct Data {
  std::vector<float> x, y;
  int n = 13;
};

Data small_circle() {
  Data d;
  Rng rng = rng_seed(5);
  for (int i = 0; i < d.n; ++i) {
    const float a = rng_uniform_range(&rng, -1.0f, 1.0f);
    const float b = rng_uniform_range(&rng, -1.0f, 1.0f);
    d.x.push_back(a);
    d.x.push_back(b);
    d.y.push_back(a * a + b * b < 0.45f ? 1.0f : 0.0f);
  }
  return d;
}

MlpConfig config_of(Activation op, const std::vector<int>& units) {
  MlpConfig config;
  for (int u : units) {
    HiddenLayerConfig h;
    h.units = u;
    h.activation = op;
    config.hidden.push_back(h);
  }
  return config;
}

// The sum over layer l's weights of g^2, g in the Mlp's flat layout.
double weight_sq(const Mlp& mlp, const std::vector<double>& g, int l) {
  const MlpLayer& L = mlp.layers[l];
  double s = 0.0;
  for (int k = 0; k < L.in * L.out; ++k) s += g[L.W + k] * g[L.W + k];
  return s;
}

bool near(double got, double want, double rel) {
  return std::fabs(got - want) <= rel * std::fabs(want) + 1e-12;
}

}  // namespace

TEST_CASE("per-layer norms are the RMS over an epoch's mini-batch steps (finite differences)") {
  const Data d = small_circle();
  OptimizerConfig opt;
  opt.lr = 0.5f;
  Network net;
  std::string error;
  REQUIRE(network_build(&net, config_of(Activation::kTanh, {4, 3}), opt, 8, &error));
  InitConfig init;
  init.seed = 3;
  init.bias = 0.1f;
  mlp_init(&net.mlp, init);
  std::vector<double> p = reference::params_of(net.mlp);
  const uint64_t shuffle = 21;
  network_train_epochs(&net, d.x.data(), d.y.data(), d.n, 5, 1, shuffle);
  // The reference: epoch 0's permutation, batches of 5, 5, 3; at each step the
  // finite-difference gradient at the current weights, its squared norm per layer, then SGD.
  std::vector<int> order(d.n);
  for (int i = 0; i < d.n; ++i) order[i] = i;
  Rng rng = rng_seed(shuffle, 0);
  for (int i = d.n - 1; i > 0; --i) {
    std::swap(order[i], order[rng_below(&rng, static_cast<uint32_t>(i) + 1u)]);
  }
  double sq[3] = {};
  int steps = 0;
  for (int start = 0; start < d.n; start += 5, ++steps) {
    const int B = std::min(5, d.n - start);
    std::vector<float> bx, by;
    for (int b = 0; b < B; ++b) {
      bx.push_back(d.x[2 * order[start + b]]);
      bx.push_back(d.x[2 * order[start + b] + 1]);
      by.push_back(d.y[order[start + b]]);
    }
    const std::vector<double> g = reference::numeric_gradient(net.mlp, p, bx.data(), by.data(), B);
    for (int l = 0; l < 3; ++l) sq[l] += weight_sq(net.mlp, g, l);
    for (size_t k = 0; k < p.size(); ++k) p[k] -= 0.5 * g[k];
  }
  for (int l = 0; l < 3; ++l) {
    INFO("layer " << l);
    const double want = std::sqrt(sq[l] / steps);
    CHECK(near(net.layer_grads.rms[l], want, 1e-4));
  }
  // A step into the next epoch leaves the closed epoch's values in place.
  const double closed = net.layer_grads.rms[0];
  network_train_steps(&net, d.x.data(), d.y.data(), d.n, 5, 1, shuffle);
  CHECK(net.layer_grads.rms[0] == closed);
  CHECK(net.layer_grads.steps == 1);
  network_reset_optimizer(&net);
  CHECK(net.layer_grads.rms[0] == 0.0);
  CHECK(net.layer_grads.steps == 0);
}

TEST_CASE("full-batch per-layer norms match PyTorch; one full-batch step reports the same") {
  for (const golden_signals::SignalCase& c : golden_signals::kSignalCases) {
    INFO(c.activation);
    Activation op;
    REQUIRE(activation_from_name(c.activation, &op));
    const std::vector<int> hidden(std::begin(golden_signals::kHidden),
                                  std::end(golden_signals::kHidden));
    std::string error;
    Network measured, stepped;
    REQUIRE(network_build(&measured, config_of(op, hidden), OptimizerConfig(), 16, &error));
    REQUIRE(network_build(&stepped, config_of(op, hidden), OptimizerConfig(), 16, &error));
    REQUIRE(c.params.size() == measured.mlp.param_count);
    std::copy(c.params.begin(), c.params.end(), measured.mlp.params);
    std::copy(c.params.begin(), c.params.end(), stepped.mlp.params);
    const int n = golden_signals::kTrainRows;
    network_measure_layer_grads(&measured, golden_signals::kX, golden_signals::kY, n);
    network_train_steps(&stepped, golden_signals::kX, golden_signals::kY, n, n, 1, 1);
    for (size_t l = 0; l < c.grad_norms.size(); ++l) {
      INFO("layer " << l);
      CHECK(near(measured.layer_grads.rms[l], c.grad_norms[l], 1e-5));
      CHECK(stepped.layer_grads.rms[l] == measured.layer_grads.rms[l]);
    }
  }
}
