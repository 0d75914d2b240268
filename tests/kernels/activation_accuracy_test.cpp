// Accuracy of every kernel, scalar reference and the build's best table, against the exact
// function in long double (activation_exact.h), in "mixed ULP" (float_test_util.h), within the
// budgets of core/kernels/activation_list.inc; also prints the table the README's accuracy section
// copies. SIMD-vs-scalar agreement on lengths and alignment is activation_simd128_test's job, not
// this. In wasm, musl's long double exp/erfc/... are its double versions: the truth is then good to
// ~1e-16 relative, still ~1e-9 of a float ULP, which is all the measurement needs.
#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
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

struct Budget {
  int forward;
  int backward;
};
// The single source of the budgets: the list itself.
constexpr Budget kBudgets[] = {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) {forward_ulp, backward_ulp},
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};

// Special values, a dense sweep of [-100, 100], every float exponent of both signs, and a
// seeded random sweep (half uniform in [-100, 100], half uniform in the bit pattern).
std::vector<float> accuracy_inputs() {
  std::vector<float> x = relu_test::special_floats();
  constexpr int kDense = 100000;
  for (int i = 0; i <= kDense; ++i) x.push_back(static_cast<float>(-100.0 + 200.0 * i / kDense));
  relu_test::Rng rng(20261123);
  for (uint32_t sign = 0; sign < 2; ++sign) {
    for (uint32_t exponent = 0; exponent < 255; ++exponent) {
      for (int k = 0; k < 8; ++k) {
        const uint32_t mantissa = k == 0 ? 0 : (k == 1 ? 0x7fffffu : rng.next_u32() & 0x7fffffu);
        x.push_back(relu_test::bits_float(sign << 31 | exponent << 23 | mantissa));
      }
    }
  }
  for (int i = 0; i < 20000; ++i) x.push_back(rng.uniform(-100.0f, 100.0f));
  for (int i = 0; i < 20000; ++i) x.push_back(rng.uniform_exponent());
  return x;
}

enum class Pass { kForward, kBackward };

// The exact f(x) (forward) or f'(x) (backward, where dx = 1 * f'(x)) for every input.
std::vector<long double> exact_values(const Config& c, Pass pass, const std::vector<float>& x) {
  std::vector<long double> truth(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const long double alpha = relu_test::prelu_alpha_at(c.params, i);
    const long double xi = static_cast<long double>(x[i]);
    if (pass == Pass::kForward) {
      truth[i] = relu_test::exact_forward(c.op, xi, c.params, alpha);
    } else if (c.op == Activation::kLinear) {
      truth[i] = 1.0L;  // dx = dy, even at a NaN x
    } else {
      truth[i] = relu_test::exact_derivative(c.op, xi, c.params, alpha);
    }
  }
  return truth;
}

struct Measurement {
  double max_error = 0.0;  // mixed ULP
  size_t worst = 0;        // index of max_error
  size_t bad = 0;          // elements that broke the budget, bit-exactness or the output guard
  size_t first_bad = 0;
};

// Runs one table's kernel over all inputs at once (so SIMD bodies and tails both run) and
// compares with the truth. A second guard besides the mixed ULP: the
// absolute error must also be <= budget * 2^-23 * max(1, |f|), which any result within the
// ULP budget meets, but which stops the input-scaled term from forgiving e.g. sigmoid(-1e30)
// = 0.5 (allowed by |got - truth| / (2^-24 * |x|) alone).
Measurement measure(const KernelTable& table, const Config& c, Pass pass,
                    const std::vector<float>& x, const std::vector<long double>& truth,
                    std::vector<float>* out) {
  const size_t n = x.size();
  const int op = static_cast<int>(c.op);
  std::vector<float> y(n), dy(n, 1.0f);
  table.forward[op](y.data(), x.data(), n, c.params);
  if (pass == Pass::kForward) {
    *out = y;
  } else {
    out->assign(n, 0.0f);
    table.backward[op](out->data(), dy.data(), x.data(), y.data(), n, c.params);
  }
  const int budget = pass == Pass::kForward ? kBudgets[op].forward : kBudgets[op].backward;
  Measurement m;
  for (size_t i = 0; i < n; ++i) {
    const float got = (*out)[i];
    // The exact ops are held to the correctly rounded result, so they measure 0 when exact.
    const long double want =
        budget == 0 ? static_cast<long double>(static_cast<float>(truth[i])) : truth[i];
    const double error = relu_test::mixed_ulp_error(got, want, x[i]);
    bool ok;
    if (budget == 0) {
      ok = relu_test::bits_equal(got, static_cast<float>(truth[i]));
    } else {
      const long double scale = std::ldexp(1.0L, -23) * std::fmax(1.0L, std::fabs(truth[i]));
      const bool finite = std::isfinite(got) && std::isfinite(truth[i]);
      const bool guard = !finite || std::fabs(static_cast<long double>(got) - truth[i]) <=
                                        static_cast<long double>(budget) * scale;
      ok = error <= budget && guard;
    }
    if (error > m.max_error) {
      m.max_error = error;
      m.worst = i;
    }
    if (!ok && m.bad++ == 0) m.first_bad = i;
  }
  return m;
}

std::string format_error(double e) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, e == 0.0 ? "0" : "%.3f", e);
  return buffer;
}

}  // namespace

TEST_CASE("every kernel is within its ULP budget of the exact function") {
  const std::vector<float> x = accuracy_inputs();
  std::cout << "\nAccuracy vs exact (long double), " << x.size()
            << " inputs per row; max mixed ULP and where:\n"
            << "| op | pass | backend | max mixed ULP | at x |\n|---|---|---|---|---|\n";
  for (const Config& c : relu_test::activation_cases()) {
    for (Pass pass : {Pass::kForward, Pass::kBackward}) {
      const char* pass_name = pass == Pass::kForward ? "forward" : "backward";
      const std::vector<long double> truth = exact_values(c, pass, x);
      for (const KernelTable* table : tables_under_test()) {
        std::vector<float> got;
        const Measurement m = measure(*table, c, pass, x, truth, &got);
        std::cout << "| " << c.label << " | " << pass_name << " | " << table->backend << " | "
                  << format_error(m.max_error) << " | "
                  << (m.max_error == 0.0 ? std::string("-") : relu_test::describe(x[m.worst]))
                  << " |\n";
        const size_t i = m.first_bad;
        INFO(c.label << " " << pass_name << " [" << table->backend << "]: " << m.bad
                     << " bad elements; first at index " << i << ": x = "
                     << relu_test::describe(x[i]) << ", got = " << relu_test::describe(got[i])
                     << ", exact = " << relu_test::describe(static_cast<double>(truth[i]))
                     << ", mixed ULP = " << relu_test::mixed_ulp_error(got[i], truth[i], x[i]));
        CHECK(m.bad == 0);
      }
    }
  }
  std::cout << std::flush;
}

namespace {

// The derivative at exactly 0 that README's conventions table documents: torch's choice for the
// kinks (relu 0; leaky slope; prelu and elu alpha) and the limit for the smooth ops.
float derivative_at_zero(Activation op, const ActivationParams& p, size_t i) {
  switch (op) {
    case Activation::kRelu:
      return 0.0f;
    case Activation::kLeakyRelu:
      return p.slope;
    case Activation::kPrelu:
      return static_cast<float>(relu_test::prelu_alpha_at(p, i));
    case Activation::kElu:
      return p.alpha;
    case Activation::kSigmoid:
      return 0.25f;
    case Activation::kLinear:
    case Activation::kTanh:
      return 1.0f;
    default:
      return 0.5f;  // gelu, gelu_tanh, silu, softplus (sigmoid(0), any beta)
  }
}

}  // namespace

TEST_CASE("NaN, infinities and zeros follow the conventions table") {
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // A bare list first (indices 0..5 are checked one by one), then the special floats.
  std::vector<float> x = {nan, -nan, inf, -inf, 0.0f, -0.0f};
  for (float v : relu_test::special_floats()) x.push_back(v);
  const size_t n = x.size();
  for (const Config& c : relu_test::activation_cases()) {
    const int op = static_cast<int>(c.op);
    for (const KernelTable* table : tables_under_test()) {
      std::vector<float> y(n), dx(n), dy(n, 1.0f);
      table->forward[op](y.data(), x.data(), n, c.params);
      table->backward[op](dx.data(), dy.data(), x.data(), y.data(), n, c.params);
      INFO(c.label << " [" << table->backend << "]");
      // NaN in, NaN out; the backward too, except linear's dx = dy.
      CHECK(std::isnan(y[0]));
      CHECK(std::isnan(y[1]));
      if (c.op == Activation::kLinear) {
        CHECK((dx[0] == 1.0f && dx[1] == 1.0f));
      } else {
        CHECK((std::isnan(dx[0]) && std::isnan(dx[1])));
      }
      // Limits at +-inf, exactly.
      for (size_t k : {size_t{2}, size_t{3}}) {
        const long double alpha = relu_test::prelu_alpha_at(c.params, k);
        const float limit =
            static_cast<float>(relu_test::limit_forward(c.op, k == 2, c.params, alpha));
        const float slope =
            static_cast<float>(relu_test::limit_derivative(c.op, k == 2, c.params, alpha));
        INFO("x = " << x[k] << ": y = " << relu_test::describe(y[k]) << " (want "
                    << relu_test::describe(limit) << "), dx = " << relu_test::describe(dx[k])
                    << " (want " << relu_test::describe(slope) << ")");
        CHECK(y[k] == limit);
        CHECK(dx[k] == slope);
      }
      // silu and both GELUs: -0 at -inf (torch: NaN), the sign the finite limit approaches with.
      if (c.op == Activation::kSilu || c.op == Activation::kGelu || c.op == Activation::kGeluTanh) {
        CHECK(relu_test::bits_equal(y[3], -0.0f));
      }
      // Derivative at +0 and -0.
      for (size_t k : {size_t{4}, size_t{5}}) {
        const float want = derivative_at_zero(c.op, c.params, k);
        INFO("f'(" << x[k] << ") = " << relu_test::describe(dx[k]) << ", want "
                   << relu_test::describe(want));
        CHECK(relu_test::ulp_distance(dx[k], want) <= static_cast<uint64_t>(kBudgets[op].backward));
      }
      // No NaN out of any non-NaN input, forward or backward.
      for (size_t i = 0; i < n; ++i) {
        if (std::isnan(x[i])) continue;
        INFO("x = " << relu_test::describe(x[i]) << ": y = " << relu_test::describe(y[i])
                    << ", dx = " << relu_test::describe(dx[i]));
        CHECK_FALSE(std::isnan(y[i]));
        CHECK_FALSE(std::isnan(dx[i]));
      }
    }
  }
}
