// Metrics of networks with hand-set weights on a fixed dataset, against the same quantities
// computed here in long double: loss, accuracy, dead units per activation (ReLU dies,
// leaky/ELU/PReLU with alpha != 0 do not), sparsity, PReLU alphas, non-finite parameters;
// the per-layer signals (mean activation, active share, gradient norms) against PyTorch goldens.
#include "nn/metrics.h"

#include <algorithm>
#include <catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "golden/layer_signals_golden.inc"
#include "kernels/activation.h"

namespace {

using relu::Activation;
using relu::Dataset;
using relu::Network;
using relu::NetworkMetrics;

// 700 points spread over (-1, 1)^2 by two co-prime strides; label 1 inside radius^2 0.4.
// 333 train rows: neither the split nor the end falls on a chunk boundary.
Dataset fixed_dataset() {
  Dataset data;
  data.count = 700;
  data.train_count = 333;
  for (int i = 0; i < data.count; ++i) {
    const float x = ((i * 37) % 199 + 0.5f) / 99.75f - 1.0f;
    const float y = ((i * 53) % 197 + 0.5f) / 98.75f - 1.0f;
    data.points.push_back(x);
    data.points.push_back(y);
    data.labels.push_back(x * x + y * y < 0.4f ? 1.0f : 0.0f);
  }
  return data;
}

struct Layer {
  std::vector<float> W;  // (O, I) row-major
  std::vector<float> b;  // (O)
};

// Layer 0: unit 0 active on part of the data, unit 1 constant -1, unit 2 below -8 everywhere.
const Layer kHidden = {{1.0f, 0.5f, 0.0f, 0.0f, 1.0f, 1.0f}, {0.1f, -1.0f, -10.0f}};
const Layer kOutput = {{1.0f, 2.0f, -1.0f}, {-0.2f}};

Network build(Activation op, relu::PreluMode mode, const std::vector<Layer>& layers,
              int max_batch) {
  relu::MlpConfig config;
  for (size_t l = 0; l + 1 < layers.size(); ++l) {
    relu::HiddenLayerConfig hidden;
    hidden.units = static_cast<int>(layers[l].b.size());
    hidden.activation = op;
    hidden.params.prelu_mode = mode;
    config.hidden.push_back(hidden);
  }
  Network net;
  std::string error;
  REQUIRE(relu::network_build(&net, config, relu::OptimizerConfig(), max_batch, &error));
  for (size_t l = 0; l < layers.size(); ++l) {
    const relu::LayerTensors t =
        relu::mlp_layer_tensors(net.mlp, static_cast<int>(l), net.mlp.params);
    for (size_t k = 0; k < layers[l].W.size(); ++k) t.W[k] = layers[l].W[k];
    for (size_t k = 0; k < layers[l].b.size(); ++k) t.b[k] = layers[l].b[k];
  }
  return net;
}

long double wide(float v) { return static_cast<long double>(v); }

using Unit = long double (*)(long double z, long double alpha);

// The reference: forward in long double, mean BCE with logits, accuracy, exact-zero count of
// the hidden outputs and, per unit, whether the derivative is non-zero somewhere (given).
struct Expected {
  long double loss[2] = {};
  int correct[2] = {};
  long zeros = 0;
};

Expected reference(const Dataset& data, const std::vector<Layer>& layers, Unit f,
                   const std::vector<float>& alphas) {
  Expected e;
  for (int i = 0; i < data.count; ++i) {
    std::vector<long double> in = {wide(data.points[2 * static_cast<size_t>(i)]),
                                   wide(data.points[2 * static_cast<size_t>(i) + 1])};
    const bool train = i < data.train_count;
    for (size_t l = 0; l < layers.size(); ++l) {
      std::vector<long double> out(layers[l].b.size());
      for (size_t o = 0; o < out.size(); ++o) {
        long double z = wide(layers[l].b[o]);
        for (size_t k = 0; k < in.size(); ++k) z += wide(layers[l].W[o * in.size() + k]) * in[k];
        const bool hidden = l + 1 < layers.size();
        REQUIRE((!hidden || std::fabs(z) > 1e-4L));  // no output near a kink: well defined
        const long double alpha = alphas.empty() ? 0.0L : wide(alphas[alphas.size() > 1 ? o : 0]);
        out[o] = hidden ? f(z, alpha) : z;
        if (hidden && train && out[o] == 0.0L) ++e.zeros;
      }
      in = out;
    }
    const long double logit = in[0];
    const long double y = wide(data.labels[static_cast<size_t>(i)]);
    e.loss[train ? 0 : 1] +=
        std::fmax(logit, 0.0L) - logit * y + std::log1p(std::exp(-std::fabs(logit)));
    e.correct[train ? 0 : 1] += (logit > 0.0L) == (y == 1.0L) ? 1 : 0;
  }
  return e;
}

long double relu_f(long double z, long double) { return z > 0 ? z : 0.0L; }
long double leaky_f(long double z, long double) { return z > 0 ? z : 0.01L * z; }
long double elu_f(long double z, long double) { return z > 0 ? z : std::expm1(z); }
long double prelu_f(long double z, long double alpha) { return z > 0 ? z : alpha * z; }
long double tanh_f(long double z, long double) { return std::tanh(z); }

void check_against_reference(const NetworkMetrics& m, const Dataset& data,
                             const std::vector<Layer>& layers, Unit f,
                             const std::vector<float>& alphas) {
  const Expected e = reference(data, layers, f, alphas);
  const int train = data.train_count;
  const int test = data.count - train;
  CHECK(m.train_loss == Approx(static_cast<double>(e.loss[0] / train)).epsilon(1e-5));
  CHECK(m.test_loss == Approx(static_cast<double>(e.loss[1] / test)).epsilon(1e-5));
  CHECK(m.train_accuracy == Approx(static_cast<double>(e.correct[0]) / train).epsilon(1e-12));
  CHECK(m.test_accuracy == Approx(static_cast<double>(e.correct[1]) / test).epsilon(1e-12));
  CHECK(
      m.sparsity ==
      Approx(static_cast<double>(e.zeros) / (static_cast<double>(m.units) * train)).epsilon(1e-12));
}

}  // namespace

TEST_CASE("ReLU: a unit that never activates on the training set is dead") {
  const Dataset data = fixed_dataset();
  for (int max_batch : {64, 256, 1000}) {
    Network net = build(Activation::kRelu, relu::PreluMode::kShared, {kHidden, kOutput}, max_batch);
    NetworkMetrics m;
    relu::metrics_compute(&m, &net, data);
    INFO("max_batch " << max_batch);
    CHECK(m.units == 3);
    CHECK(m.hidden_layers == 1);
    CHECK(m.dead_units == 2);
    CHECK(m.dead_per_layer[0] == 2);
    CHECK(m.alpha_counts[0] == 0);
    check_against_reference(m, data, {kHidden, kOutput}, relu_f, {});
    CHECK(m.sparsity > 2.0 / 3.0);
  }
}

TEST_CASE("leaky ReLU, ELU and tanh with the same weights have no dead units") {
  const Dataset data = fixed_dataset();
  struct Case {
    Activation op;
    Unit f;
  };
  for (const Case& c : {Case{Activation::kLeakyRelu, leaky_f}, Case{Activation::kElu, elu_f},
                        Case{Activation::kTanh, tanh_f}}) {
    Network net = build(c.op, relu::PreluMode::kShared, {kHidden, kOutput}, 256);
    NetworkMetrics m;
    relu::metrics_compute(&m, &net, data);
    INFO(relu::activation_name(c.op));
    CHECK(m.dead_units == 0);
    CHECK(m.sparsity == 0.0);
    check_against_reference(m, data, {kHidden, kOutput}, c.f, {});
  }
}

TEST_CASE("PReLU: dead only where its alpha is 0; alphas are reported per layer") {
  const Dataset data = fixed_dataset();
  Network net = build(Activation::kPrelu, relu::PreluMode::kChannel, {kHidden, kOutput}, 256);
  const std::vector<float> alphas = {0.0f, 0.5f, 0.0f};
  float* stored = relu::mlp_layer_tensors(net.mlp, 0, net.mlp.params).alpha;
  for (size_t k = 0; k < alphas.size(); ++k) stored[k] = alphas[k];
  NetworkMetrics m;
  relu::metrics_compute(&m, &net, data);
  CHECK(m.dead_units == 1);  // unit 2: always negative with alpha 0; unit 1 has slope 0.5
  CHECK(m.alpha_counts[0] == 3);
  for (size_t k = 0; k < alphas.size(); ++k) CHECK(m.alphas[0][k] == alphas[k]);
  check_against_reference(m, data, {kHidden, kOutput}, prelu_f, alphas);

  Network shared = build(Activation::kPrelu, relu::PreluMode::kShared, {kHidden, kOutput}, 256);
  relu::metrics_compute(&m, &shared, data);
  CHECK(m.dead_units == 0);
  CHECK(m.alpha_counts[0] == 1);
  CHECK(m.alphas[0][0] == relu::kPreluInitAlpha);
  check_against_reference(m, data, {kHidden, kOutput}, prelu_f, {relu::kPreluInitAlpha});
}

TEST_CASE("dead units are counted per layer") {
  const Dataset data = fixed_dataset();
  // Layer 1: unit 0 constant -1 (dead), unit 1 copies layer 0's unit 0 (alive).
  const Layer second = {{0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f}, {-1.0f, 0.0f}};
  const Layer output = {{1.5f, -1.0f}, {0.3f}};
  Network net = build(Activation::kRelu, relu::PreluMode::kShared, {kHidden, second, output}, 256);
  NetworkMetrics m;
  relu::metrics_compute(&m, &net, data);
  CHECK(m.hidden_layers == 2);
  CHECK(m.units == 5);
  CHECK(m.dead_per_layer[0] == 2);
  CHECK(m.dead_per_layer[1] == 1);
  CHECK(m.dead_units == 3);
}

TEST_CASE("non-finite parameters: detected, and NaN logits count as wrong") {
  const Dataset data = fixed_dataset();
  Network net = build(Activation::kRelu, relu::PreluMode::kShared, {kHidden, kOutput}, 256);
  CHECK(relu::network_params_finite(net));
  net.grad_norm = 3.5;
  relu::mlp_layer_tensors(net.mlp, 1, net.mlp.params).b[0] = std::nanf("");
  CHECK_FALSE(relu::network_params_finite(net));
  NetworkMetrics m;
  relu::metrics_compute(&m, &net, data);
  CHECK(std::isnan(m.train_loss));
  CHECK(m.train_accuracy == 0.0);
  CHECK(m.test_accuracy == 0.0);
  CHECK(m.grad_norm == 3.5);
  relu::mlp_layer_tensors(net.mlp, 0, net.mlp.params).W[0] = INFINITY;
  relu::mlp_layer_tensors(net.mlp, 1, net.mlp.params).b[0] = 0.0f;
  CHECK_FALSE(relu::network_params_finite(net));
}

TEST_CASE("per-layer mean activation, active share and gradient norms match PyTorch") {
  namespace g = golden_signals;
  Dataset data;
  data.count = g::kRows;
  data.train_count = g::kTrainRows;
  data.points.assign(std::begin(g::kX), std::end(g::kX));
  data.labels.assign(std::begin(g::kY), std::end(g::kY));
  for (const g::SignalCase& c : g::kSignalCases) {
    INFO(c.activation);
    relu::MlpConfig config;
    for (int units : g::kHidden) {
      relu::HiddenLayerConfig hidden;
      hidden.units = units;
      REQUIRE(relu::activation_from_name(c.activation, &hidden.activation));
      config.hidden.push_back(hidden);
    }
    Network net;
    std::string error;
    REQUIRE(relu::network_build(&net, config, relu::OptimizerConfig(), 8, &error));  // 2 chunks
    REQUIRE(c.params.size() == net.mlp.param_count);
    std::copy(c.params.begin(), c.params.end(), net.mlp.params);
    relu::network_measure_layer_grads(&net, data.points.data(), data.labels.data(),
                                      data.train_count);
    NetworkMetrics m;
    relu::metrics_compute(&m, &net, data);
    CHECK(std::fabs(m.train_loss - c.loss) < 1e-6 * c.loss);
    for (size_t l = 0; l < c.mean_activation.size(); ++l) {
      INFO("layer " << l);
      CHECK(std::fabs(m.mean_activation[l] - c.mean_activation[l]) < 1e-6);
      CHECK(m.active_fraction[l] == c.active_fraction[l]);
    }
    for (size_t l = 0; l < c.grad_norms.size(); ++l) {
      INFO("layer " << l);
      CHECK(std::fabs(m.grad_norm_per_layer[l] - c.grad_norms[l]) < 1e-5 * c.grad_norms[l]);
    }
    CHECK(m.grad_norm_per_layer[c.grad_norms.size()] == 0.0);  // no layer there
  }
}
