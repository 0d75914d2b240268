// Tests of core/optimizer.*: 10-step PyTorch trajectories (SGD, momentum, Nesterov, Adam with
// L2 on weights only, L1 with clipping, trainable PReLU alphas), and hand-computed single steps
// for the penalties, clipping, Nesterov and Adam's bias correction.
#include "nn/optimizer.h"

#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "nn/mlp.h"
#include "nn/network.h"
#include "support/trainer_golden_config.h"

using namespace relu;

namespace {

const golden::GradCase& grad_case(const char* label) {
  for (const golden::GradCase& c : golden::kGradCases) {
    if (std::string(c.label) == label) return c;
  }
  FAIL("no golden grad case " << label);
  return golden::kGradCases[0];
}

bool near(double got, double want, double rtol, double atol) {
  return std::fabs(got - want) <= rtol * std::fabs(want) + atol;
}

}  // namespace

TEST_CASE("10-step trajectories match PyTorch (float64)") {
  for (const golden::Trajectory& t : golden::kTrajectories) {
    INFO(t.label);
    const golden::GradCase& c = grad_case(t.grad_case);
    OptimizerConfig opt;
    opt.kind = t.kind;
    opt.lr = t.lr;
    opt.momentum = t.momentum;
    opt.nesterov = t.nesterov;
    opt.l1 = t.l1;
    opt.l2 = t.l2;
    opt.clip_norm = t.clip_norm;
    Network net;
    std::string error;
    REQUIRE(network_build(&net, golden_mlp_config(c), opt, golden::kBatch, &error));
    REQUIRE(net.mlp.param_count == t.initial.size());
    // The golden layout is the Mlp's flat layout (checked through the views in mlp_test).
    for (size_t k = 0; k < t.initial.size(); ++k) net.mlp.params[k] = t.initial[k];
    for (int s = 0; s < golden::kSteps; ++s) {
      // Full batch (batch_size >= N): one step per call, the loss before the update.
      const TrainResult r =
          network_train_steps(&net, golden::kX, golden::kY, golden::kBatch, 0, 1, 1);
      REQUIRE(r.steps == 1);
      INFO("step " << s + 1);
      CHECK(near(r.last_loss, t.losses[s], 1e-4, 0.0));
      CHECK(near(r.grad_norm, t.norms[s], 1e-4, 0.0));
    }
    CHECK(net.step == static_cast<uint64_t>(golden::kSteps));
    for (size_t k = 0; k < t.final.size(); ++k) {
      const double got = static_cast<double>(net.mlp.params[k]);
      if (!near(got, t.final[k], 1e-4, 1e-5)) {
        std::printf("%s final param [%zu]: got %.9g want %.9g\n", t.label, k, got, t.final[k]);
        CHECK(false);
      }
    }
  }
}

TEST_CASE("L1 and L2 apply to the weights [0, decay_count) only") {
  // params: two weights, then a bias-like and an alpha-like entry; zero gradient.
  float p[5] = {0.5f, -2.0f, 0.0f, 1.5f, -1.0f};
  const float g[5] = {0, 0, 0, 0, 0};
  sgd_step(p, g, 5, 3, 0.1f, 0.0f, 0.2f);  // L2: w -= lr * l2 * w
  CHECK(p[0] == 0.5f - 0.1f * (0.2f * 0.5f));
  CHECK(p[1] == -2.0f - 0.1f * (0.2f * -2.0f));
  CHECK(p[2] == 0.0f);
  CHECK(p[3] == 1.5f);
  CHECK(p[4] == -1.0f);
  float q[4] = {0.5f, -2.0f, 0.0f, 1.5f};
  sgd_step(q, g, 4, 3, 0.1f, 0.3f, 0.0f);  // L1: w -= lr * l1 * sign(w), sign(0) = 0
  CHECK(q[0] == 0.5f - 0.1f * 0.3f);
  CHECK(q[1] == -2.0f + 0.1f * 0.3f);
  CHECK(q[2] == 0.0f);
  CHECK(q[3] == 1.5f);
  // Adam sees the penalised gradient only on weights: the "bias" (index 1) does not move.
  float a[2] = {1.0f, 1.0f}, m[2] = {0, 0}, v[2] = {0, 0};
  adam_step(a, g, m, v, 2, 1, 1, 0.01f, 0.9f, 0.999f, 1e-8f, 0.0f, 0.5f);
  CHECK(a[0] < 1.0f);
  CHECK(a[1] == 1.0f);
}

TEST_CASE("gradient clipping follows clip_grad_norm_") {
  float g[3] = {3.0f, 0.0f, -4.0f};  // norm 5
  CHECK(grad_norm(g, 3) == 5.0);
  CHECK(clip_grad_norm(g, 3, 10.0f) == 5.0);  // below the limit: unchanged
  CHECK(g[0] == 3.0f);
  CHECK(clip_grad_norm(g, 3, 1.0f) == 5.0);
  const double coef = 1.0 / (5.0 + 1e-6);
  CHECK(near(static_cast<double>(g[0]), 3.0 * coef, 1e-7, 0.0));
  CHECK(near(static_cast<double>(g[2]), -4.0 * coef, 1e-7, 0.0));
  CHECK(near(grad_norm(g, 3), 1.0, 1e-6, 0.0));
  float bad[2] = {NAN, 1.0f};
  CHECK(std::isnan(grad_norm(bad, 2)));
}

TEST_CASE("momentum and Nesterov follow torch.optim.SGD over three steps") {
  const float grads[3][2] = {{1.0f, -0.5f}, {0.25f, 2.0f}, {-1.0f, 0.125f}};
  for (bool nesterov : {false, true}) {
    INFO("nesterov " << nesterov);
    float p[2] = {0.3f, -0.7f}, buf[2] = {0, 0};
    double rp[2] = {0.3, -0.7}, rbuf[2] = {0, 0};
    for (int s = 0; s < 3; ++s) {
      momentum_step(p, grads[s], buf, 2, 2, 0.1f, 0.9f, nesterov, 0.0f, 0.0f);
      for (int k = 0; k < 2; ++k) {
        const double g = static_cast<double>(grads[s][k]);
        rbuf[k] = s == 0 ? g : 0.9 * rbuf[k] + g;  // torch: first buf = grad
        rp[k] -= 0.1 * (nesterov ? g + 0.9 * rbuf[k] : rbuf[k]);
        CHECK(near(static_cast<double>(p[k]), rp[k], 1e-6, 1e-7));
      }
    }
  }
}

TEST_CASE("Adam's first step has size lr (bias correction)") {
  float p[3] = {1.0f, -1.0f, 0.5f}, m[3] = {}, v[3] = {};
  const float g[3] = {0.02f, -3.0f, 0.0f};
  adam_step(p, g, m, v, 3, 3, 1, 0.01f, 0.9f, 0.999f, 1e-8f, 0.0f, 0.0f);
  // m_hat = g, v_hat = g^2: the update is lr * g / (|g| + eps).
  CHECK(near(static_cast<double>(p[0]), 1.0 - 0.01, 1e-6, 0.0));
  CHECK(near(static_cast<double>(p[1]), -1.0 + 0.01, 1e-6, 0.0));
  CHECK(p[2] == 0.5f);
}

TEST_CASE("optimizer_step clips before the update and returns the raw norm") {
  OptimizerConfig c;
  c.lr = 1.0f;
  c.clip_norm = 1.0f;
  float p[2] = {0, 0}, g[2] = {6.0f, 8.0f}, m[2] = {}, v[2] = {};
  CHECK(optimizer_step(c, p, g, m, v, 2, 2, 1) == 10.0);
  CHECK(near(static_cast<double>(p[0]), -0.6, 1e-6, 0.0));
  CHECK(near(static_cast<double>(p[1]), -0.8, 1e-6, 0.0));
}

TEST_CASE("names and validation") {
  for (int k = 0; k < kOptimizerKindCount; ++k) {
    OptimizerKind kind;
    REQUIRE(optimizer_from_name(optimizer_name(static_cast<OptimizerKind>(k)), &kind));
    CHECK(static_cast<int>(kind) == k);
  }
  OptimizerKind kind;
  CHECK_FALSE(optimizer_from_name("rmsprop", &kind));
  OptimizerConfig c;
  CHECK(optimizer_validate(c).empty());
  c.lr = 0.0f;
  CHECK(optimizer_validate(c).rfind("lr", 0) == 0);
  c.lr = 0.1f;
  c.beta2 = 1.0f;
  CHECK(optimizer_validate(c).rfind("beta2", 0) == 0);
  c.beta2 = 0.999f;
  c.l2 = -1.0f;
  CHECK(optimizer_validate(c).rfind("l2", 0) == 0);
  c.l2 = 0.0f;
  c.clip_norm = NAN;
  CHECK(optimizer_validate(c).rfind("clip_norm", 0) == 0);
}
