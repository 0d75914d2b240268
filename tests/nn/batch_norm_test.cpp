// Tests core/nn/batch_norm.*: the layer's backward (training and evaluation) vs central finite
// differences of a double reference, the running statistics, a whole MLP with batch norm vs
// finite differences and vs PyTorch goldens (loss, every gradient, running statistics, a 5-step
// SGD trajectory), evaluation mode after training, and the layout (gamma/beta are not weights).
#include "nn/batch_norm.h"

#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <vector>

#include "base/rng.h"
#include "nn/init.h"
#include "nn/mlp.h"
#include "support/reference_mlp.h"
#include "support/regularise_golden_replay.h"

using namespace relu;

namespace {

constexpr int kO = 3, kB = 7, kS = 8;

// sum_o,b c[o][b] y[o][b] of the layer's output y in double: the loss finite differences are
// taken of. training: batch statistics; else running mean rm and variance rv.
double layer_loss(const std::vector<double>& z, const std::vector<double>& gamma,
                  const std::vector<double>& beta, const std::vector<double>& c, bool training,
                  const std::vector<double>& rm, const std::vector<double>& rv) {
  double loss = 0.0;
  for (int o = 0; o < kO; ++o) {
    double mean = rm[o], var = rv[o];
    if (training) {
      mean = var = 0.0;
      for (int b = 0; b < kB; ++b) mean += z[o * kS + b] / kB;
      for (int b = 0; b < kB; ++b) var += (z[o * kS + b] - mean) * (z[o * kS + b] - mean) / kB;
    }
    for (int b = 0; b < kB; ++b) {
      const double y = gamma[o] * (z[o * kS + b] - mean) / std::sqrt(var + 1e-5) + beta[o];
      loss += c[o * kS + b] * y;
    }
  }
  return loss;
}

}  // namespace

TEST_CASE("batch norm layer: backward matches central differences in both modes") {
  for (bool training : {true, false}) {
    Rng rng = rng_seed(training ? 3 : 4);
    std::vector<float> z(kO * kS), gamma(kO), beta(kO), rm(kO), rv(kO);
    std::vector<float> xhat(kO * kS), mean(kO), invstd(kO), dz(kO * kS), dgamma(kO), dbeta(kO);
    std::vector<double> c(kO * kS, 0.0);
    for (float& v : z) v = rng_uniform_range(&rng, -2.0f, 3.0f);
    for (int o = 0; o < kO; ++o) {
      gamma[o] = rng_uniform_range(&rng, 0.5f, 1.5f);
      beta[o] = rng_uniform_range(&rng, -0.5f, 0.5f);
      rm[o] = rng_uniform_range(&rng, -0.5f, 0.5f);
      rv[o] = rng_uniform_range(&rng, 0.5f, 2.0f);
      for (int b = 0; b < kB; ++b)
        c[o * kS + b] = static_cast<double>(rng_uniform_range(&rng, -1.0f, 1.0f));
    }
    const std::vector<float> z_in = z;
    const std::vector<float> rm_in = rm, rv_in = rv;
    if (training) {
      batch_norm_forward_train(z.data(), xhat.data(), mean.data(), invstd.data(), rm.data(),
                               rv.data(), gamma.data(), beta.data(), kB, kO, kS);
    } else {
      batch_norm_forward_eval(z.data(), xhat.data(), mean.data(), invstd.data(), rm.data(),
                              rv.data(), gamma.data(), beta.data(), kO, kS);
    }
    for (int k = 0; k < kO * kS; ++k) dz[k] = static_cast<float>(c[k]);
    batch_norm_backward(dz.data(), dgamma.data(), dbeta.data(), xhat.data(), invstd.data(),
                        gamma.data(), kB, kO, kS, training);
    std::vector<double> zd(z_in.begin(), z_in.end()), gd(gamma.begin(), gamma.end()),
        bd(beta.begin(), beta.end()), rmd(rm_in.begin(), rm_in.end()),
        rvd(rv_in.begin(), rv_in.end());
    auto numeric = [&](double* p) {
      const double h = 1e-6, saved = *p;
      *p = saved + h;
      const double up = layer_loss(zd, gd, bd, c, training, rmd, rvd);
      *p = saved - h;
      const double down = layer_loss(zd, gd, bd, c, training, rmd, rvd);
      *p = saved;
      return (up - down) / (2 * h);
    };
    INFO((training ? "training" : "evaluation"));
    for (int o = 0; o < kO; ++o) {
      CHECK(dgamma[o] == Approx(numeric(&gd[o])).epsilon(1e-4).margin(1e-6));
      CHECK(dbeta[o] == Approx(numeric(&bd[o])).epsilon(1e-4).margin(1e-6));
      for (int b = 0; b < kS; ++b) {
        INFO("unit " << o << " lane " << b);
        if (b >= kB) {
          CHECK(dz[o * kS + b] == 0.0f);  // padding lanes carry no gradient
          continue;
        }
        CHECK(dz[o * kS + b] == Approx(numeric(&zd[o * kS + b])).epsilon(1e-4).margin(1e-5));
      }
    }
    if (training) {
      // torch: r = 0.9 r + 0.1 batch value, the variance unbiased.
      for (int o = 0; o < kO; ++o) {
        double m = 0.0, ss = 0.0;
        for (int b = 0; b < kB; ++b) m += zd[o * kS + b] / kB;
        for (int b = 0; b < kB; ++b) ss += (zd[o * kS + b] - m) * (zd[o * kS + b] - m);
        CHECK(rm[o] == Approx(0.9 * static_cast<double>(rm_in[o]) + 0.1 * m).epsilon(1e-6));
        CHECK(rv[o] ==
              Approx(0.9 * static_cast<double>(rv_in[o]) + 0.1 * ss / (kB - 1)).epsilon(1e-6));
      }
    }
  }
}

TEST_CASE("a whole MLP with batch norm: gradient matches central differences (training mode)") {
  for (Activation op : {Activation::kRelu, Activation::kTanh, Activation::kPrelu}) {
    MlpConfig config;
    for (int units : {5, 3}) {
      HiddenLayerConfig h;
      h.units = units;
      h.activation = op;
      h.batch_norm = true;
      config.hidden.push_back(h);
    }
    Mlp mlp;
    std::string error;
    REQUIRE(mlp_build(&mlp, config, 16, &error));
    const int B = 9;
    std::vector<float> x(2 * B), y(B);
    bool away = false;
    for (uint64_t seed = 1; seed < 200 && !away; ++seed) {
      InitConfig init;
      init.seed = seed;
      mlp_init(&mlp, init);
      Rng rng = rng_seed(seed, 5);
      for (size_t k = mlp.weight_count; k < mlp.param_count; ++k) {
        mlp.params[k] = rng_uniform_range(&rng, 0.3f, 1.2f);  // gammas, betas, alphas, biases
      }
      for (float& v : x) v = rng_uniform_range(&rng, -1.0f, 1.0f);
      for (int b = 0; b < B; ++b) y[b] = static_cast<float>(b % 2);
      const auto f = reference::forward_train(mlp, reference::params_of(mlp), x.data(), B);
      away = reference::min_abs_hidden_z(f) > 1e-3;
    }
    REQUIRE(away);
    REQUIRE(mlp_forward_train(&mlp, x.data(), B, nullptr, nullptr));
    mlp_zero_grad(&mlp);
    const double loss = mlp_backward(&mlp, y.data());
    const auto f = reference::forward_train(mlp, reference::params_of(mlp), x.data(), B);
    INFO(activation_name(op));
    CHECK(loss == Approx(reference::loss(f.logits, y.data())).epsilon(1e-5));
    const auto numeric = reference::numeric_gradient(mlp, reference::params_of(mlp), x.data(),
                                                     y.data(), B, 1e-6, true);
    const std::vector<double> got(mlp.grads, mlp.grads + mlp.param_count);
    regularise::check_close("grad", activation_name(op), got, numeric, 2e-3, 2e-6);
  }
}

TEST_CASE("batch norm vs PyTorch: loss, logits, every gradient, running stats, 5 SGD steps") {
  for (const auto& c : golden_regularise::kCases) {
    if (!c.batch_norm) continue;
    const regularise::Agreement a = regularise::replay(c);
    std::printf("torch agreement %s: worst relative error grads %.2e, trajectory %.2e\n", c.label,
                a.grads, a.trajectory);
  }
}

TEST_CASE("batch norm layout: gamma and beta after the alphas, not weights; eval uses running") {
  MlpConfig config;
  HiddenLayerConfig h;
  h.units = 4;
  h.batch_norm = true;
  config.hidden = {h, h};
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config, 8, &error));
  CHECK(mlp.weight_count == 2 * 4 + 4 * 4 + 4);
  CHECK(mlp.param_count == mlp.weight_count + (4 + 4 + 1) + 2 * 8);
  const LayerTensors t = mlp_layer_tensors(mlp, 1, mlp.params);
  REQUIRE(t.gamma != nullptr);
  CHECK(t.gamma[0] == 1.0f);
  CHECK(t.beta[3] == 0.0f);
  CHECK(mlp_layer_tensors(mlp, 2, mlp.params).gamma == nullptr);  // the output layer
  CHECK(mlp.layers[0].running_var[2] == 1.0f);
  // Evaluation: (z - running mean) / sqrt(running var + eps) * gamma + beta, per unit.
  InitConfig init;
  mlp_init(&mlp, init);
  mlp.layers[0].running_mean[1] = 0.5f;
  mlp.layers[0].running_var[1] = 4.0f;
  mlp.params[mlp.layers[0].gamma + 1] = 2.0f;
  mlp.params[mlp.layers[0].beta + 1] = -0.25f;
  const float x[] = {0.3f, -0.7f};
  REQUIRE(mlp_forward(&mlp, x, 1));
  const float* W = mlp.params + mlp.layers[0].W;
  const double lin = static_cast<double>(W[2]) * 0.3 - static_cast<double>(W[3]) * 0.7;
  CHECK(mlp.layers[0].z[1 * mlp.stride] ==
        Approx((lin - 0.5) / std::sqrt(4.0 + 1e-5) * 2.0 - 0.25));
  CHECK(mlp.layers[0].running_mean[1] == 0.5f);  // evaluation leaves the statistics alone
}
