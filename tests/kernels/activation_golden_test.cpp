// The kernels (scalar and the build's best) against PyTorch 1.13's results, recorded by
// tools/make_golden.py in tests/golden/activations_golden.inc: forward, dx for a given dy, and
// PReLU's alpha gradient. Tolerances are stated at kForwardSlack; torch never runs here.
#include <catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "golden/activations_golden.inc"
#include "kernels/activation.h"
#include "support/activation_test_cases.h"
#include "support/float_test_util.h"

namespace {

using relu::Activation;
using relu::KernelTable;
using relu_test::tables_under_test;

constexpr int kForwardBudget[] = {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) forward_ulp,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};
constexpr int kBackwardBudget[] = {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) backward_ulp,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};

// Tolerances, in mixed ULP (float_test_util.h), on top of each op's budget (activation_list.inc):
// - vs torch float64 (the reference): +1, for torch's own formulas in double (e.g. tanh-GELU's
//   1 + tanh(u), which cancels for x << 0). dx = dy * f' carries dy's magnitude, so the
//   backward tolerance is scaled by max(1, |dy|).
// - vs torch float32: +8, since torch's float32 is itself off by a few ULP (oneDNN's GELU up to
//   ~5), and its last bits vary with the tensor size.
// The exact ops (budget 0) must equal torch's value (+0 == -0: relu(-0) = +0 is deliberate).
constexpr double kFloat64Slack = 1.0;
constexpr double kFloat32Slack = 8.0;

enum class Pass { kForward, kBackward };

// Inputs where we differ from torch on purpose (README "Conventions"), skipped here and pinned
// by activation_accuracy_test instead: every backward at a NaN input (ours NaN, torch 1 or
// the slope), and silu/gelu/gelu_tanh at -inf (ours -0, torch NaN) and their derivatives at
// +-inf (ours 0 / 1, torch NaN).
bool deliberate_difference(Activation op, Pass pass, float x) {
  if (pass == Pass::kBackward && std::isnan(x)) return op != Activation::kLinear;
  const bool smooth_product =
      op == Activation::kSilu || op == Activation::kGelu || op == Activation::kGeluTanh;
  if (!smooth_product || !std::isinf(x)) return false;
  return pass == Pass::kBackward || x < 0;
}

bool matches(float got, double want, float x, int budget, double slack, double scale) {
  if (budget == 0) {
    const float rounded = static_cast<float>(want);
    return got == rounded || (std::isnan(got) && std::isnan(rounded));
  }
  return relu_test::mixed_ulp_error(got, static_cast<long double>(want), x) <=
         (budget + slack) * scale;
}

relu::ActivationParams params_of(const relu_golden::ActivationGolden& g) {
  relu::ActivationParams p;
  p.slope = g.slope;
  p.alpha = g.alpha;
  p.beta = g.beta;
  p.threshold = g.threshold;
  p.prelu_alpha = g.prelu_alpha;
  p.prelu_channels = g.prelu_channels;
  return p;
}

}  // namespace

TEST_CASE("kernels match PyTorch's float64 and float32 results") {
  using relu_golden::kActivationDy;
  using relu_golden::kActivationX;
  constexpr size_t n = relu_golden::kActivationInputs;
  for (const auto& g : relu_golden::kActivationGoldens) {
    Activation op;
    REQUIRE(relu::activation_from_name(g.op, &op));
    const int index = static_cast<int>(op);
    const relu::ActivationParams p = params_of(g);
    for (const KernelTable* table : tables_under_test()) {
      std::vector<float> y(n), dx(n);
      table->forward[index](y.data(), kActivationX, n, p);
      table->backward[index](dx.data(), kActivationDy, kActivationX, y.data(), n, p);
      size_t compared = 0;
      for (size_t i = 0; i < n; ++i) {
        const float x = kActivationX[i];
        const double dy_scale = std::fmax(1.0, std::fabs(static_cast<double>(kActivationDy[i])));
        INFO(g.label << " [" << table->backend << "] i = " << i
                     << ": x = " << relu_test::describe(x) << ", y = " << relu_test::describe(y[i])
                     << " (torch64 " << relu_test::describe(g.y64[i]) << ", torch32 "
                     << relu_test::describe(g.y32[i]) << "), dy = " << kActivationDy[i] << ", dx = "
                     << relu_test::describe(dx[i]) << " (torch64 " << relu_test::describe(g.dx64[i])
                     << ", torch32 " << relu_test::describe(g.dx32[i]) << ")");
        if (!deliberate_difference(op, Pass::kForward, x)) {
          CHECK(matches(y[i], g.y64[i], x, kForwardBudget[index], kFloat64Slack, 1.0));
          CHECK(matches(y[i], static_cast<double>(g.y32[i]), x, kForwardBudget[index],
                        kFloat32Slack, 1.0));
          ++compared;
        }
        if (!deliberate_difference(op, Pass::kBackward, x)) {
          CHECK(matches(dx[i], g.dx64[i], x, kBackwardBudget[index], kFloat64Slack, dy_scale));
          // torch's float32 tanh-GELU backward overflows to NaN at +-FLT_MAX (x^3 = inf, times
          // 0); its float64 result is finite there, and that is the one we are held to.
          if (!std::isnan(g.dx32[i]) || std::isnan(g.dx64[i])) {
            CHECK(matches(dx[i], static_cast<double>(g.dx32[i]), x, kBackwardBudget[index],
                          kFloat32Slack, dy_scale));
          }
          ++compared;
        }
      }
      // Guards against a skip rule that silently swallows everything.
      CHECK(compared >= 2 * n - 4);
    }
  }
}

TEST_CASE("prelu_alpha_backward matches torch's weight gradient") {
  constexpr size_t begin = relu_golden::kActivationRegularBegin;
  constexpr size_t n = relu_golden::kActivationInputs - begin;
  for (const auto& g : relu_golden::kActivationGoldens) {
    if (std::string(g.op) != "prelu") continue;
    const relu::ActivationParams p = params_of(g);
    std::vector<float> dalpha(g.prelu_channels, 0.0f);
    relu::prelu_alpha_backward(dalpha.data(), relu_golden::kActivationDy + begin,
                               relu_golden::kActivationX + begin, n, p);
    for (size_t c = 0; c < g.prelu_channels; ++c) {
      INFO(g.label << " channel " << c << ": dalpha = " << relu_test::describe(dalpha[c])
                   << ", torch64 " << relu_test::describe(g.dalpha64[c]) << ", torch32 "
                   << relu_test::describe(g.dalpha32[c]));
      // Summed in double and rounded once: within an ULP of torch's float64 sum.
      CHECK(relu_test::ulp_distance(dalpha[c], static_cast<float>(g.dalpha64[c])) <= 1);
      // torch's float32 sum rounds at every step: a relative 1e-5 covers ~200 terms.
      CHECK(std::fabs(static_cast<double>(dalpha[c]) - static_cast<double>(g.dalpha32[c])) <=
            1e-5 * std::fabs(g.dalpha64[c]));
    }
  }
}
