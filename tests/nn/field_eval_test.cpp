// The grid evaluator against field_evaluate_reference (mlp_forward in chunks): bit for bit for
// every op on trained-looking random weights, several shapes, resolutions that leave partial
// tiles and vectors, both kinds, PReLU shared and per unit; batch norm (running statistics) and
// dropout (off) as in evaluation mode.
#include "nn/field_eval.h"

#include <algorithm>
#include <catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "base/rng.h"
#include "nn/init.h"
#include "support/float_test_util.h"

namespace {

using relu::Activation;
using relu::FieldKind;
using relu::Mlp;

Mlp build(const std::vector<int>& hidden, Activation op, relu::PreluMode mode, int max_batch) {
  relu::MlpConfig config;
  for (int units : hidden) {
    relu::HiddenLayerConfig layer;
    layer.units = units;
    layer.activation = op;
    layer.params.prelu_mode = mode;
    config.hidden.push_back(layer);
  }
  Mlp mlp;
  std::string error;
  REQUIRE(relu::mlp_build(&mlp, config, max_batch, &error));
  return mlp;
}

// He-normal weights, then every parameter (biases and alphas too) nudged by a seeded uniform
// draw so no bias is 0 and alphas differ per unit.
void randomise(Mlp* mlp, uint64_t seed) {
  relu::InitConfig init;
  init.seed = seed;
  relu::mlp_init(mlp, init);
  relu::Rng rng = relu::rng_seed(seed + 1);
  for (size_t k = 0; k < mlp->param_count; ++k) {
    mlp->params[k] += relu::rng_uniform(&rng) - 0.5f;
  }
}

// Counts cells whose bits differ; reports the first.
size_t mismatches(const std::vector<float>& got, const std::vector<float>& want, int R) {
  size_t count = 0;
  for (size_t k = 0; k < got.size(); ++k) {
    if (relu_test::bits_equal(got[k], want[k])) continue;
    if (count++ == 0) {
      UNSCOPED_INFO("first difference at row " << k / R << " col " << k % R << ": got " << got[k]
                                               << " want " << want[k]);
    }
  }
  return count;
}

}  // namespace

TEST_CASE("the grid evaluator equals mlp_forward's field bit for bit") {
  const std::vector<std::vector<int>> shapes = {{}, {8, 8}, {3, 5}, {16, 16, 16}, {1}, {7, 9, 2}};
  const int resolutions[] = {32, 37, 128, 130, 257};
  const int batches[] = {256, 7};  // a full chunk, and a max_batch below it (more chunks)
  uint64_t seed = 10;
  for (int op_index = 0; op_index < relu::kActivationCount; ++op_index) {
    const auto op = static_cast<Activation>(op_index);
    for (const auto mode : {relu::PreluMode::kShared, relu::PreluMode::kChannel}) {
      if (mode == relu::PreluMode::kChannel && op != Activation::kPrelu) continue;
      for (size_t shape = 0; shape < shapes.size(); ++shape) {
        Mlp mlp = build(shapes[shape], op, mode, batches[shape % 2]);
        randomise(&mlp, ++seed);
        for (int R : resolutions) {
          for (const FieldKind kind : {FieldKind::kProbability, FieldKind::kLogit}) {
            const size_t cells = static_cast<size_t>(R) * static_cast<size_t>(R);
            std::vector<float> got(cells, -1.0f);
            std::vector<float> want(cells, -2.0f);
            const float h = 1.0f + 0.5f * static_cast<float>(shape);
            REQUIRE(relu::field_evaluate(got.data(), &mlp, R, h, kind).empty());
            REQUIRE(relu::field_evaluate_reference(want.data(), &mlp, R, h, kind).empty());
            INFO(relu::activation_name(op)
                 << " shape " << shape << " R " << R << " kind " << relu::field_kind_name(kind));
            CHECK(mismatches(got, want, R) == 0);
          }
        }
      }
    }
  }
}

TEST_CASE("the grid evaluator uses batch norm's running statistics and no dropout") {
  // Fields are evaluation mode: the same bits as mlp_forward, which batch_norm_test and the
  // PyTorch goldens tie to torch's eval(); and, for ReLU, a double-precision evaluation with
  // each batch norm folded into its linear layer (W' = gamma invstd W, b' = gamma invstd
  // (b - mean) + beta) within 1e-4 of the logit's scale.
  uint64_t seed = 500;
  for (int op_index = 0; op_index < relu::kActivationCount; ++op_index) {
    const auto op = static_cast<Activation>(op_index);
    relu::MlpConfig config;
    for (int units : {5, 16, 3}) {
      relu::HiddenLayerConfig layer;
      layer.units = units;
      layer.activation = op;
      layer.batch_norm = true;
      layer.dropout = 0.5f;
      config.hidden.push_back(layer);
    }
    Mlp mlp;
    std::string error;
    REQUIRE(relu::mlp_build(&mlp, config, 64, &error));
    randomise(&mlp, ++seed);  // gamma and beta too: they are parameters
    relu::Rng rng = relu::rng_seed(seed + 7);
    for (int l = 0; l + 1 < mlp.layer_count; ++l) {
      for (int o = 0; o < mlp.layers[l].out; ++o) {
        mlp.layers[l].running_mean[o] = 2.0f * relu::rng_uniform(&rng) - 1.0f;
        mlp.layers[l].running_var[o] = 0.05f + 3.0f * relu::rng_uniform(&rng);
      }
    }
    const int R = 45;
    std::vector<float> got(R * R), want(R * R);
    REQUIRE(relu::field_evaluate(got.data(), &mlp, R, 2.0f, FieldKind::kLogit).empty());
    REQUIRE(relu::field_evaluate_reference(want.data(), &mlp, R, 2.0f, FieldKind::kLogit).empty());
    INFO(relu::activation_name(op));
    CHECK(mismatches(got, want, R) == 0);
    if (op != Activation::kRelu) continue;
    double worst = 0.0, scale = 1.0;
    for (int r = 0; r < R; ++r) {
      for (int c = 0; c < R; ++c) {
        double a[relu::kMlpMaxUnits] = {static_cast<double>(relu::field_cell_x(c, R, 2.0f)),
                                        static_cast<double>(relu::field_cell_y(r, R, 2.0f))};
        for (int l = 0; l < mlp.layer_count; ++l) {
          const relu::MlpLayer& layer = mlp.layers[l];
          const relu::LayerTensors t = relu::mlp_layer_tensors(mlp, l, mlp.params);
          double next[relu::kMlpMaxUnits];
          for (int o = 0; o < t.out; ++o) {
            double g = 1.0, shift = 0.0;
            if (layer.batch_norm) {
              g = static_cast<double>(t.gamma[o]) /
                  std::sqrt(static_cast<double>(layer.running_var[o]) + 1e-5);
              shift =
                  static_cast<double>(t.beta[o]) - g * static_cast<double>(layer.running_mean[o]);
            }
            double sum = g * static_cast<double>(t.b[o]) + shift;
            for (int i = 0; i < t.in; ++i) sum += g * static_cast<double>(t.W[o * t.in + i]) * a[i];
            next[o] = l + 1 < mlp.layer_count ? std::max(sum, 0.0) : sum;
          }
          std::copy(next, next + t.out, a);
        }
        scale = std::max(scale, std::fabs(a[0]));
        worst = std::max(worst, std::fabs(a[0] - static_cast<double>(got[r * R + c])));
      }
    }
    CHECK(worst <= 1e-4 * scale);
  }
}

TEST_CASE("with input features the grid evaluator still equals mlp_forward's field bit for bit") {
  using relu::InputFeature;
  const std::vector<std::vector<InputFeature>> sets = {
      {InputFeature::kX1, InputFeature::kX2, InputFeature::kX1Sq, InputFeature::kX2Sq,
       InputFeature::kX1X2, InputFeature::kSinX1, InputFeature::kSinX2},
      {InputFeature::kX1Sq, InputFeature::kX2Sq},
      {InputFeature::kX1X2},
      {InputFeature::kSinX2, InputFeature::kX1},
      {InputFeature::kX2, InputFeature::kX1}};  // the raw inputs in the other order
  uint64_t seed = 500;
  for (const Activation op : {Activation::kRelu, Activation::kTanh, Activation::kLinear}) {
    for (size_t s = 0; s < sets.size(); ++s) {
      relu::MlpConfig config;
      config.features = sets[s];
      for (int units : {8, 5}) {
        relu::HiddenLayerConfig layer;
        layer.units = units;
        layer.activation = op;
        config.hidden.push_back(layer);
      }
      Mlp mlp;
      std::string error;
      REQUIRE(relu::mlp_build(&mlp, config, 256, &error));
      randomise(&mlp, ++seed);
      for (int R : {37, 130}) {
        for (const FieldKind kind : {FieldKind::kProbability, FieldKind::kValue}) {
          const size_t cells = static_cast<size_t>(R) * static_cast<size_t>(R);
          std::vector<float> got(cells, -1.0f);
          std::vector<float> want(cells, -2.0f);
          REQUIRE(relu::field_evaluate(got.data(), &mlp, R, 6.0f, kind).empty());
          REQUIRE(relu::field_evaluate_reference(want.data(), &mlp, R, 6.0f, kind).empty());
          INFO(relu::activation_name(op)
               << " feature set " << s << " R " << R << " kind " << relu::field_kind_name(kind));
          CHECK(mismatches(got, want, R) == 0);
        }
      }
    }
  }
}
