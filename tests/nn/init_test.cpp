// Tests of core/init.*: every activation draws the same numbers (bit-identical weights with
// fixed gains, proportional ones with activation gains), scheme scales from the formulas in
// torch.nn.init, sample statistics on the largest network, bias and alpha init, determinism.
#include "nn/init.h"

#include <catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "nn/mlp.h"

using namespace relu;

namespace {

Mlp build(Activation op, int layers, int units) {
  MlpConfig config;
  for (int l = 0; l < layers; ++l) {
    HiddenLayerConfig h;
    h.units = units;
    h.activation = op;
    h.params.slope = 0.2f;
    config.hidden.push_back(h);
  }
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config, 4, &error));
  return mlp;
}

std::vector<float> init_weights(Mlp* mlp, InitScheme scheme, uint64_t seed, bool gain = false) {
  InitConfig init;
  init.scheme = scheme;
  init.seed = seed;
  init.activation_gain = gain;
  mlp_init(mlp, init);
  return std::vector<float>(mlp->params, mlp->params + mlp->weight_count);
}

// The std (normal) or bound (uniform) torch.nn.init gives a layer of fan_in, fan_out with gain.
double expected_scale(InitScheme s, double fan_in, double fan_out, double gain) {
  switch (s) {
    case InitScheme::kHeNormal:
    case InitScheme::kLecunNormal:
      return gain / std::sqrt(fan_in);
    case InitScheme::kHeUniform:
    case InitScheme::kLecunUniform:
      return gain * std::sqrt(3.0 / fan_in);
    case InitScheme::kXavierNormal:
      return gain * std::sqrt(2.0 / (fan_in + fan_out));
    case InitScheme::kXavierUniform:
      return gain * std::sqrt(6.0 / (fan_in + fan_out));
    case InitScheme::kUniform:
      return 0.5;
  }
  return 0.0;
}

double fixed_gain(InitScheme s) {
  return s == InitScheme::kHeNormal || s == InitScheme::kHeUniform ? std::sqrt(2.0) : 1.0;
}

bool is_normal(InitScheme s) {
  return s == InitScheme::kHeNormal || s == InitScheme::kXavierNormal ||
         s == InitScheme::kLecunNormal;
}

}  // namespace

TEST_CASE("every activation starts from bit-identical weights (fixed gains)") {
  for (int s = 0; s < kInitSchemeCount; ++s) {
    const InitScheme scheme = static_cast<InitScheme>(s);
    INFO(init_scheme_name(scheme));
    Mlp base = build(Activation::kRelu, 2, 8);
    const std::vector<float> reference = init_weights(&base, scheme, 42);
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) \
  {                                                                     \
    Mlp other = build(Activation::k##Name, 2, 8);                       \
    CHECK(init_weights(&other, scheme, 42) == reference);               \
  }
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
  }
}

TEST_CASE("schemes and activation gains only scale the same draws") {
  Mlp a = build(Activation::kRelu, 2, 8);
  Mlp b = build(Activation::kTanh, 2, 8);
  for (int s = 0; s < kInitSchemeCount; ++s) {
    const InitScheme scheme = static_cast<InitScheme>(s);
    INFO(init_scheme_name(scheme));
    // Another scheme of the same family (normal or uniform) is a per-layer multiple.
    const InitScheme partner = is_normal(scheme) ? InitScheme::kHeNormal : InitScheme::kHeUniform;
    const std::vector<float> w = init_weights(&a, scheme, 7);
    const std::vector<float> p = init_weights(&a, partner, 7);
    // tanh with activation gains: 5/3 on hidden layers, 1 on the output layer.
    const std::vector<float> t = init_weights(&b, scheme, 7, true);
    for (int l = 0; l < a.layer_count; ++l) {
      const MlpLayer& L = a.layers[l];
      const double want = expected_scale(scheme, L.in, L.out, fixed_gain(scheme)) /
                          expected_scale(partner, L.in, L.out, std::sqrt(2.0));
      const double gain = l + 1 < a.layer_count ? 5.0 / 3.0 : 1.0;
      const double want_tanh = scheme == InitScheme::kUniform
                                   ? 1.0
                                   : expected_scale(scheme, L.in, L.out, gain) /
                                         expected_scale(scheme, L.in, L.out, fixed_gain(scheme));
      for (int k = 0; k < L.in * L.out; ++k) {
        const size_t i = L.W + k;
        REQUIRE(p[i] != 0.0f);
        CHECK(std::fabs(static_cast<double>(w[i]) / static_cast<double>(p[i]) - want) <
              1e-6 * want);
        CHECK(std::fabs(static_cast<double>(t[i]) / static_cast<double>(w[i]) - want_tanh) <
              1e-6 * want_tanh);
      }
    }
  }
}

TEST_CASE("activation gains follow torch.nn.init.calculate_gain") {
  MlpLayer layer;
  layer.activation = Activation::kRelu;
  CHECK(init_activation_gain(layer) == std::sqrt(2.0));
  layer.activation = Activation::kTanh;
  CHECK(init_activation_gain(layer) == 5.0 / 3.0);
  layer.activation = Activation::kSigmoid;
  CHECK(init_activation_gain(layer) == 1.0);
  layer.activation = Activation::kLeakyRelu;
  layer.params.slope = 0.2f;
  const double slope = static_cast<double>(0.2f);
  CHECK(init_activation_gain(layer) == std::sqrt(2.0 / (1.0 + slope * slope)));
}

TEST_CASE("sample statistics of the largest network match each scheme") {
  // 6 hidden layers of 16: the five 16x16 layers give 1280 weights of one scale.
  for (int s = 0; s < kInitSchemeCount; ++s) {
    const InitScheme scheme = static_cast<InitScheme>(s);
    INFO(init_scheme_name(scheme));
    Mlp mlp = build(Activation::kRelu, 6, 16);
    init_weights(&mlp, scheme, 2024);
    const double scale = expected_scale(scheme, 16, 16, fixed_gain(scheme));
    const double std_want = is_normal(scheme) ? scale : scale / std::sqrt(3.0);
    double sum = 0, sum2 = 0, max_abs = 0;
    int n = 0;
    for (int l = 1; l <= 5; ++l) {
      const LayerTensors t = mlp_layer_tensors(mlp, l, mlp.params);
      for (int k = 0; k < 256; ++k, ++n) {
        const double w = static_cast<double>(t.W[k]);
        sum += w;
        sum2 += w * w;
        max_abs = std::max(max_abs, std::fabs(w));
      }
    }
    const double mean = sum / n;
    const double sd = std::sqrt(sum2 / n - mean * mean);
    CHECK(std::fabs(mean) < 4 * std_want / std::sqrt(n));
    CHECK(std::fabs(sd / std_want - 1.0) < 0.06);
    if (!is_normal(scheme)) CHECK(max_abs <= scale);
  }
}

TEST_CASE("bias and PReLU alpha init, state reset, determinism") {
  MlpConfig config;
  HiddenLayerConfig h;
  h.units = 6;
  h.activation = Activation::kPrelu;
  h.params.prelu_mode = PreluMode::kChannel;
  h.params.prelu_init = 0.1f;
  config.hidden = {h, h};
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config, 4, &error));
  for (size_t k = 0; k < mlp.param_count; ++k) mlp.grads[k] = mlp.m[k] = mlp.v[k] = 1.0f;
  InitConfig init;
  init.bias = -1.5f;
  init.seed = 9;
  mlp_init(&mlp, init);
  for (int l = 0; l < mlp.layer_count; ++l) {
    const LayerTensors t = mlp_layer_tensors(mlp, l, mlp.params);
    for (int o = 0; o < t.out; ++o) CHECK(t.b[o] == -1.5f);
    for (int k = 0; k < t.alpha_count; ++k) CHECK(t.alpha[k] == 0.1f);
  }
  for (size_t k = 0; k < mlp.param_count; ++k) {
    CHECK(mlp.grads[k] == 0.0f);
    CHECK(mlp.m[k] == 0.0f);
    CHECK(mlp.v[k] == 0.0f);
  }
  Mlp a = build(Activation::kElu, 3, 5);
  Mlp b = build(Activation::kElu, 3, 5);
  CHECK(init_weights(&a, InitScheme::kXavierUniform, 5) ==
        init_weights(&b, InitScheme::kXavierUniform, 5));
  CHECK(init_weights(&a, InitScheme::kXavierUniform, 5) !=
        init_weights(&b, InitScheme::kXavierUniform, 6));
}

TEST_CASE("scheme names round-trip") {
  for (int s = 0; s < kInitSchemeCount; ++s) {
    InitScheme scheme;
    REQUIRE(init_scheme_from_name(init_scheme_name(static_cast<InitScheme>(s)), &scheme));
    CHECK(static_cast<int>(scheme) == s);
  }
  InitScheme scheme;
  CHECK_FALSE(init_scheme_from_name("orthogonal", &scheme));
}

TEST_CASE("mlp_init bumps weights_version; a fresh build starts at 0") {
  Mlp mlp = build(Activation::kRelu, 1, 4);
  CHECK(mlp.weights_version == 0);
  init_weights(&mlp, InitScheme::kHeNormal, 1);
  init_weights(&mlp, InitScheme::kHeNormal, 1);
  CHECK(mlp.weights_version == 2);
}
