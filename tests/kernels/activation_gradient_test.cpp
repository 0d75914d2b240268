// Backward kernels (scalar and the build's best) against central finite differences of the
// exact forward (activation_exact.h, evaluated in long double, i.e. at least double), away from
// kinks; the documented convention at the kinks; in-place use; PReLU's alpha gradient.
// Accuracy to the ULP is activation_accuracy_test's job: the tolerances here catch wrong math.
#include <catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "kernels/activation.h"
#include "support/activation_exact.h"
#include "support/activation_test_cases.h"
#include "support/float_test_util.h"

namespace {

using relu::KernelTable;
using relu_test::Activation;
using relu_test::ActivationParams;
using relu_test::tables_under_test;
using Config = relu_test::ActivationCase;

// Where f' jumps: 0 for the piecewise ops, threshold / beta for softplus.
long double kink_of(const Config& c) {
  if (c.op == Activation::kSoftplus) {
    return relu_test::wide(c.params.threshold) / relu_test::wide(c.params.beta);
  }
  return 0.0L;
}

bool has_kink(Activation op) {
  return op == Activation::kRelu || op == Activation::kLeakyRelu || op == Activation::kPrelu ||
         op == Activation::kElu || op == Activation::kSoftplus;
}

// Step of the central difference at x: relative, so that x +- h is a different number.
long double step_at(long double x) { return 1e-4L * std::fmax(1.0L, std::fabs(x)); }

// (f(x + h) - f(x - h)) / 2h on the exact function: error ~h^2 f'''/6 (~1e-9 here) plus the
// rounding of f (long double natively; double-accurate in wasm, whose long double libm is
// musl's double one: ~1e-16 / 1e-4 = 1e-12).
long double central_difference(const Config& c, long double x, long double alpha) {
  const long double h = step_at(x);
  return (relu_test::exact_forward(c.op, x + h, c.params, alpha) -
          relu_test::exact_forward(c.op, x - h, c.params, alpha)) /
         (2.0L * h);
}

// Smooth points in [-12, 12] and a few further out where the smooth ops saturate, at least
// 4 steps away from the kink so that no difference straddles it.
std::vector<float> smooth_points(const Config& c, relu_test::Rng* rng) {
  std::vector<float> x;
  while (x.size() < 2000) {
    const float v = x.size() < 1800 ? rng->uniform(-12.0f, 12.0f) : rng->uniform(-40.0f, 40.0f);
    const long double lv = static_cast<long double>(v);
    if (has_kink(c.op) && std::fabs(lv - kink_of(c)) < 4.0L * step_at(lv)) continue;
    x.push_back(v);
  }
  return x;
}

}  // namespace

TEST_CASE("backward matches central differences of the exact function, random dy") {
  relu_test::Rng rng(7);
  for (const Config& c : relu_test::activation_cases()) {
    const int op = static_cast<int>(c.op);
    const std::vector<float> x = smooth_points(c, &rng);
    const size_t n = x.size();
    std::vector<float> dy(n);
    for (float& v : dy) v = rng.uniform(-3.0f, 3.0f);
    for (const KernelTable* table : tables_under_test()) {
      std::vector<float> y(n), dx(n);
      table->forward[op](y.data(), x.data(), n, c.params);
      table->backward[op](dx.data(), dy.data(), x.data(), y.data(), n, c.params);
      size_t bad = 0;
      for (size_t i = 0; i < n; ++i) {
        const long double xi = static_cast<long double>(x[i]);
        const long double fd = central_difference(c, xi, relu_test::prelu_alpha_at(c.params, i));
        const long double want = static_cast<long double>(dy[i]) * fd;
        // 1e-6 relative covers the kernels' ULPs and the difference's error; the absolute term
        // is the mixed-ULP allowance (4 * 2^-24 * max(1, |x|)) scaled by dy.
        const long double tol = 1e-6L * std::fabs(want) + 4.0L * std::ldexp(1.0L, -24) *
                                                              std::fmax(1.0L, std::fabs(xi)) *
                                                              std::fabs(relu_test::wide(dy[i]));
        const long double err = std::fabs(static_cast<long double>(dx[i]) - want);
        if (!(err <= tol) && bad++ < 3) {
          FAIL_CHECK(c.label << " [" << table->backend << "] at i = " << i << ": x = "
                             << relu_test::describe(x[i]) << ", dy = " << relu_test::describe(dy[i])
                             << ", dx = " << relu_test::describe(dx[i]) << ", dy * f'(FD) = "
                             << relu_test::describe(static_cast<double>(want)));
        }
      }
      INFO(c.label << " [" << table->backend << "]: " << bad << " of " << n << " off");
      CHECK(bad == 0);
    }
  }
}

TEST_CASE("at a kink the backward takes the documented (left) derivative") {
  const float inf = std::numeric_limits<float>::infinity();
  for (const Config& c : relu_test::activation_cases()) {
    if (!has_kink(c.op)) continue;
    const int op = static_cast<int>(c.op);
    const float k = static_cast<float>(kink_of(c));
    // The kink itself (both zeros at 0) and its float neighbours, three per channel pattern.
    std::vector<float> x = {k, k, k, std::nextafter(k, -inf), std::nextafter(k, inf), -0.0f};
    if (k != 0.0f) x.back() = k;  // softplus: no signed zero to probe
    const std::vector<float> dy = {1.0f, -2.5f, 0.75f, 1.0f, 1.0f, 3.0f};
    for (const KernelTable* table : tables_under_test()) {
      std::vector<float> y(x.size()), dx(x.size());
      table->forward[op](y.data(), x.data(), x.size(), c.params);
      table->backward[op](dx.data(), dy.data(), x.data(), y.data(), x.size(), c.params);
      for (size_t i = 0; i < x.size(); ++i) {
        const long double xi = static_cast<long double>(x[i]);
        const long double alpha = relu_test::prelu_alpha_at(c.params, i);
        // The convention is the left derivative; check it against a one-sided difference from
        // the left, so the table in activation_exact.h is not the only witness.
        const long double h = 1e-6L * std::fmax(1.0L, std::fabs(xi));
        const long double left = (relu_test::exact_forward(c.op, xi, c.params, alpha) -
                                  relu_test::exact_forward(c.op, xi - h, c.params, alpha)) /
                                 h;
        const long double want = relu_test::exact_derivative(c.op, xi, c.params, alpha);
        const bool right_side = x[i] > k;
        INFO(c.label << " [" << table->backend << "] x = " << relu_test::describe(x[i])
                     << ", dy = " << dy[i] << ", dx = " << relu_test::describe(dx[i])
                     << ", convention dy * " << relu_test::describe(static_cast<double>(want))
                     << ", left difference " << relu_test::describe(static_cast<double>(left)));
        if (!right_side) CHECK(std::fabs(left - want) <= 1e-4L);
        const float expected = static_cast<float>(static_cast<long double>(dy[i]) * want);
        CHECK(relu_test::ulp_distance(dx[i], expected) <= 4);
      }
    }
  }
}

TEST_CASE("in-place forward (y == x) and backward (dx == dy) give the out-of-place bits") {
  relu_test::Rng rng(11);
  std::vector<float> x = relu_test::special_floats();
  while (x.size() < 301) x.push_back(rng.uniform(-30.0f, 30.0f));  // 301: a ragged tail
  const size_t n = x.size();
  std::vector<float> dy(n);
  for (float& v : dy) v = rng.uniform(-2.0f, 2.0f);
  for (const Config& c : relu_test::activation_cases()) {
    const int op = static_cast<int>(c.op);
    for (const KernelTable* table : tables_under_test()) {
      std::vector<float> y(n), dx(n);
      table->forward[op](y.data(), x.data(), n, c.params);
      table->backward[op](dx.data(), dy.data(), x.data(), y.data(), n, c.params);
      std::vector<float> y_in_place = x, dx_in_place = dy;
      table->forward[op](y_in_place.data(), y_in_place.data(), n, c.params);
      table->backward[op](dx_in_place.data(), dx_in_place.data(), x.data(), y.data(), n, c.params);
      for (size_t i = 0; i < n; ++i) {
        INFO(c.label << " [" << table->backend << "] i = " << i
                     << ", x = " << relu_test::describe(x[i]));
        CHECK(relu_test::bits_equal(y_in_place[i], y[i]));
        CHECK(relu_test::bits_equal(dx_in_place[i], dx[i]));
      }
    }
  }
}

// dalpha[c] += sum over channel c of dy * df/dalpha, with df/dalpha from central differences of
// the exact forward in alpha (f is linear in alpha, so the difference is exact but for rounding).
TEST_CASE("prelu_alpha_backward matches differences in alpha, and accumulates") {
  relu_test::Rng rng(13);
  for (size_t channels : {size_t{1}, size_t{3}, size_t{70}}) {  // 70: beyond 64 stack channels
    const size_t rows = 37;
    const size_t n = rows * channels;
    std::vector<float> alpha(channels), x(n), dy(n);
    for (size_t c = 0; c < channels; ++c) alpha[c] = 0.1f + 0.01f * static_cast<float>(c);
    for (size_t i = 0; i < n; ++i) {
      x[i] = i % 11 == 0 ? (i % 2 ? -0.0f : 0.0f) : rng.uniform(-5.0f, 5.0f);  // zeros count 0
      dy[i] = rng.uniform(-2.0f, 2.0f);
    }
    ActivationParams p;
    p.prelu_alpha = alpha.data();
    p.prelu_channels = channels;
    std::vector<long double> gradient(channels, 0.0L), magnitude(channels, 0.0L);
    const long double h = 1e-3L;
    for (size_t i = 0; i < n; ++i) {
      const size_t c = i % channels;
      const long double xi = static_cast<long double>(x[i]);
      const long double a = relu_test::wide(alpha[c]);
      const long double df = (relu_test::exact_forward(Activation::kPrelu, xi, p, a + h) -
                              relu_test::exact_forward(Activation::kPrelu, xi, p, a - h)) /
                             (2.0L * h);
      gradient[c] += static_cast<long double>(dy[i]) * df;
      magnitude[c] += std::fabs(static_cast<long double>(dy[i]) * xi);
    }
    std::vector<float> dalpha(channels);
    for (size_t c = 0; c < channels; ++c) dalpha[c] = 1.5f - static_cast<float>(c);
    const std::vector<float> initial = dalpha;
    for (int call = 1; call <= 2; ++call) {
      relu::prelu_alpha_backward(dalpha.data(), dy.data(), x.data(), n, p);
      for (size_t c = 0; c < channels; ++c) {
        const long double want = relu_test::wide(initial[c]) + call * gradient[c];
        const long double tol =
            1e-9L + 8.0L * std::ldexp(1.0L, -24) *
                        (std::fabs(relu_test::wide(initial[c])) + call * magnitude[c]);
        INFO(channels << " channels, call " << call << ", channel " << c
                      << ": dalpha = " << relu_test::describe(dalpha[c]) << ", want "
                      << relu_test::describe(static_cast<double>(want)));
        CHECK(std::fabs(relu_test::wide(dalpha[c]) - want) <= tol);
      }
    }
  }
}
