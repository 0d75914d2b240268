// Replays a PyTorch golden case of tools/make_golden_regularise.py (batch norm and/or dropout
// with fixed masks) on the C++ Mlp: loss, logits, every gradient, the running statistics and a
// 5-step SGD-with-momentum trajectory. Shared by batch_norm_test and dropout_test.
#pragma once

#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "golden/regularise_golden.inc"
#include "nn/mlp.h"
#include "nn/optimizer.h"

namespace regularise {

// |got - want| <= rtol |want| + atol, printing the first mismatch; returns the worst relative
// error over entries with |want| > atol (for the report).
inline double check_close(const char* what, const std::string& label,
                          const std::vector<double>& got, const std::vector<double>& want,
                          double rtol, double atol) {
  REQUIRE(got.size() == want.size());
  double worst = 0.0;
  for (size_t k = 0; k < want.size(); ++k) {
    const double error = std::fabs(got[k] - want[k]);
    if (std::fabs(want[k]) > atol) worst = std::max(worst, error / std::fabs(want[k]));
    if (!(error <= rtol * std::fabs(want[k]) + atol)) {
      std::printf("%s %s [%zu]: got %.9g want %.9g\n", label.c_str(), what, k, got[k], want[k]);
      CHECK(false);
      return worst;
    }
  }
  return worst;
}

inline std::vector<double> running_of(const relu::Mlp& mlp) {
  std::vector<double> out;
  for (int pass = 0; pass < 2; ++pass) {
    for (int l = 0; l + 1 < mlp.layer_count; ++l) {
      const relu::MlpLayer& L = mlp.layers[l];
      for (int o = 0; o < L.out && L.batch_norm; ++o) {
        out.push_back(static_cast<double>(pass == 0 ? L.running_mean[o] : L.running_var[o]));
      }
    }
  }
  return out;
}

inline void set_running_fresh(relu::Mlp* mlp) {
  for (int l = 0; l + 1 < mlp->layer_count; ++l) {
    relu::MlpLayer& L = mlp->layers[l];
    for (int o = 0; o < L.out && L.batch_norm; ++o) {
      L.running_mean[o] = 0.0f;
      L.running_var[o] = 1.0f;
    }
  }
}

// Builds the case's Mlp with its masks in place (unit-major, stride S).
inline void build(relu::Mlp* mlp, const golden_regularise::Case& c) {
  using namespace golden_regularise;
  relu::MlpConfig config;
  for (int units : kHidden) {
    relu::HiddenLayerConfig h;
    h.units = units;
    h.activation = relu::Activation::kRelu;
    h.batch_norm = c.batch_norm != 0;
    h.dropout = c.dropout != 0 ? kDropout : 0.0f;
    config.hidden.push_back(h);
  }
  std::string error;
  REQUIRE(relu::mlp_build(mlp, config, 16, &error));
  REQUIRE(mlp->param_count == c.params.size());
  for (size_t k = 0; k < c.params.size(); ++k) mlp->params[k] = c.params[k];
  if (c.dropout == 0) return;
  const int S = (kBatch + 3) / 4 * 4;
  const float* masks[] = {kMask0, kMask1};
  for (int l = 0; l < 2; ++l) {
    for (int o = 0; o < kHidden[l]; ++o) {
      for (int b = 0; b < S; ++b) {
        mlp->layers[l].mask[o * S + b] = b < kBatch ? masks[l][o * kBatch + b] : 0.0f;
      }
    }
  }
}

// Worst relative errors seen: loss/logits/grads, trajectory.
struct Agreement {
  double grads = 0.0;
  double trajectory = 0.0;
};

inline Agreement replay(const golden_regularise::Case& c) {
  using namespace golden_regularise;
  Agreement agreement;
  relu::Mlp mlp;
  build(&mlp, c);
  INFO(c.label);
  REQUIRE(relu::mlp_forward_train(&mlp, kX, kBatch, nullptr, nullptr));
  relu::mlp_zero_grad(&mlp);
  const double loss = relu::mlp_backward(&mlp, kY);
  CHECK(loss == Approx(c.loss).epsilon(1e-6));
  const float* logits = relu::mlp_logits(mlp);
  agreement.grads = std::max(
      check_close("logits", c.label, std::vector<double>(logits, logits + kBatch), c.logits, 1e-5,
                  1e-6),
      check_close("grads", c.label, std::vector<double>(mlp.grads, mlp.grads + mlp.param_count),
                  c.grads, 1e-4, 1e-6));
  check_close("running", c.label, running_of(mlp), c.running, 1e-6, 1e-7);
  // The trajectory: the same start, fresh running statistics, the same masks.
  for (size_t k = 0; k < c.params.size(); ++k) mlp.params[k] = c.params[k];
  set_running_fresh(&mlp);
  relu::OptimizerConfig sgd;
  sgd.kind = relu::OptimizerKind::kMomentum;
  sgd.lr = kLr;
  sgd.momentum = kMomentum;
  std::memset(mlp.m, 0, mlp.param_count * sizeof(float));
  std::memset(mlp.v, 0, mlp.param_count * sizeof(float));
  std::vector<double> losses;
  for (int step = 1; step <= kSteps; ++step) {
    REQUIRE(relu::mlp_forward_train(&mlp, kX, kBatch, nullptr, nullptr));
    relu::mlp_zero_grad(&mlp);
    losses.push_back(relu::mlp_backward(&mlp, kY));
    relu::optimizer_step(sgd, mlp.params, mlp.grads, mlp.m, mlp.v, mlp.param_count,
                         mlp.weight_count, static_cast<uint64_t>(step));
  }
  agreement.trajectory = std::max(
      check_close("losses", c.label, losses, c.losses, 1e-5, 1e-7),
      check_close("final", c.label, std::vector<double>(mlp.params, mlp.params + mlp.param_count),
                  c.final, 1e-4, 1e-5));
  check_close("final running", c.label, running_of(mlp), c.final_running, 1e-4, 1e-6);
  return agreement;
}

}  // namespace regularise
