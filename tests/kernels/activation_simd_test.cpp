// kernels_best() against the scalar reference kernels_scalar(): every length 0..13 and a few
// larger, unaligned starts, guards after the end, in-place calls, special values and seeded
// random sweeps. In the wasm SIMD build this tests the simd128 kernels; natively both tables
// are scalar and the test still has to pass (accuracy vs exact math is in the accuracy test).
#include <catch.hpp>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "kernels/activation.h"
#include "support/float_test_util.h"

namespace {

using relu::Activation;
using relu::ActivationParams;
using relu::KernelTable;
using relu_test::bits_float;
using relu_test::describe;
using relu_test::float_bits;

struct OpInfo {
  Activation op;
  const char* name;
  int forward_ulp;
  int backward_ulp;
};

const OpInfo kOps[] = {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) \
  {Activation::k##Name, #name, forward_ulp, backward_ulp},
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};

// PReLU alphas, one per channel: mixed signs (the sign of zero and of x * alpha), 0 and > 1.
// 70 of them, so that channel counts past the kernels' local alpha copy are covered too.
std::vector<float> prelu_alphas() {
  std::vector<float> a = {0.25f, -0.5f, 1.5f, 0.1f, 0.0f, 2.0f, -0.03f, 0.75f};
  while (a.size() < 70) a.push_back(0.01f * static_cast<float>(a.size()) - 0.3f);
  return a;
}

struct Config {
  OpInfo info;
  ActivationParams params;
  std::string label;
};

// Every op with default params, then the non-default ones and the PReLU channel layouts.
std::vector<Config> configs() {
  static const std::vector<float> alphas = prelu_alphas();
  std::vector<Config> out;
  for (const OpInfo& info : kOps) {
    ActivationParams p;
    p.prelu_alpha = alphas.data();
    out.push_back({info, p, info.name});
    switch (info.op) {
      case Activation::kLeakyRelu:
        // The SIMD kernel has three code paths: 0 < slope <= 1, slope > 1, and the rest.
        for (float slope : {0.2f, 1.0f, 1.5f, 0.0f, -0.5f}) {
          p.slope = slope;
          char label[40];
          std::snprintf(label, sizeof label, "leaky_relu slope=%g", static_cast<double>(slope));
          out.push_back({info, p, label});
        }
        break;
      case Activation::kElu:
        p.alpha = 0.5f;
        out.push_back({info, p, "elu alpha=0.5"});
        break;
      case Activation::kSoftplus:
        p.beta = 2.0f;
        p.threshold = 10.0f;
        out.push_back({info, p, "softplus beta=2 threshold=10"});
        break;
      case Activation::kPrelu:
        for (size_t channels : {3, 4, 8, 68, 70}) {
          p.prelu_channels = channels;
          out.push_back({info, p, "prelu channels=" + std::to_string(channels)});
        }
        break;
      default:
        break;
    }
  }
  return out;
}

enum class Pass { kForward, kBackward };
const char* pass_name(Pass pass) { return pass == Pass::kForward ? "forward" : "backward"; }

// Runs one kernel of `table` on x[0..n) (and dy, y for backward) into out[0..n).
void run(const KernelTable& table, const Config& c, Pass pass, float* out, const float* x,
         const float* dy, const float* y, size_t n) {
  const int op = static_cast<int>(c.info.op);
  if (pass == Pass::kForward) {
    table.forward[op](out, x, n, c.params);
  } else {
    table.backward[op](out, dy, x, y, n, c.params);
  }
}

// Error of got against the scalar result: 0/1 for the exact ops (bits, NaN == NaN), else the
// mixed ULP of float_test_util.h, which also demands identical NaN-ness and infinities.
double error_vs_scalar(const Config& c, Pass pass, float got, float want, float x) {
  const int budget = pass == Pass::kForward ? c.info.forward_ulp : c.info.backward_ulp;
  if (budget == 0) return relu_test::bits_equal(got, want) ? 0.0 : 1e30;
  return relu_test::mixed_ulp_error(got, static_cast<long double>(want), x);
}
double allowed(const Config& c, Pass pass) {
  const int budget = pass == Pass::kForward ? c.info.forward_ulp : c.info.backward_ulp;
  return 2.0 * budget;
}

// Collects the worst error and the first failure of one (config, pass) over many calls.
struct Tally {
  double worst = 0.0;
  size_t failures = 0;
  std::string first_failure;

  void add(const Config& c, Pass pass, const std::string& where, size_t i, float x, float dy,
           float got, float want) {
    const double e = error_vs_scalar(c, pass, got, want, x);
    if (e > worst) worst = e;
    if (e <= allowed(c, pass)) return;
    if (failures++ == 0) {
      first_failure = c.label + " " + pass_name(pass) + " " + where + " index " +
                      std::to_string(i) + ": x = " + describe(x) +
                      (pass == Pass::kBackward ? ", dy = " + describe(dy) : std::string()) +
                      ", simd = " + describe(got) + ", scalar = " + describe(want);
    }
  }
};

// Mixed inputs: special values then random ones, so every lane position and tail sees both.
std::vector<float> input_pool() {
  std::vector<float> v = relu_test::special_floats();
  // exp's flush point and subnormal range, gelu' and silu' zeros, sigmoid-based saturation.
  for (float extra : {-87.3f, -87.7f, -88.0f, -88.5f, -103.3f, -0.7518f, -1.2785f, -16.0f, 16.0f,
                      -9.0f, 0.75f * 1.41421356f, -0.75f * 1.41421356f, 0.34657f, -0.34657f, 1e-20f,
                      -1e-20f, 1e-40f, -1e-40f}) {
    v.push_back(extra);
  }
  relu_test::Rng rng(20261123);
  for (int i = 0; i < 64; ++i) v.push_back(rng.uniform(-12.0f, 12.0f));
  return v;
}

constexpr size_t kGuard = 8;
const uint32_t kGuardBits = 0x7fc0deadu;  // a NaN payload no kernel produces

// Calls the best kernel on n elements at `offset` floats into a guarded buffer, out-of-place
// and in-place, and compares with the scalar kernel; guards before and after must survive.
void check_length(const Config& c, Pass pass, const std::vector<float>& pool, size_t n,
                  size_t offset, Tally* tally, size_t* guard_hits) {
  std::vector<float> x(n), dy(n), want(n), y(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = pool[(i + 7 * n + offset) % pool.size()];
    dy[i] = 0.5f + 0.25f * static_cast<float>(i % 7);
  }
  relu::kernels_scalar().forward[static_cast<int>(c.info.op)](y.data(), x.data(), n, c.params);
  run(relu::kernels_scalar(), c, pass, want.data(), x.data(), dy.data(), y.data(), n);

  for (bool in_place : {false, true}) {
    std::vector<float> buffer(offset + n + kGuard, bits_float(kGuardBits));
    float* out = buffer.data() + offset;
    const float* src = pass == Pass::kForward ? x.data() : dy.data();
    if (in_place) std::copy(src, src + n, out);
    const float* in = in_place ? out : src;
    if (pass == Pass::kForward) {
      run(relu::kernels_best(), c, pass, out, in, nullptr, nullptr, n);
    } else {
      run(relu::kernels_best(), c, pass, out, x.data(), in, y.data(), n);
    }
    const std::string where = "n=" + std::to_string(n) + " offset=" + std::to_string(offset) +
                              (in_place ? " in-place" : "");
    for (size_t i = 0; i < n; ++i) tally->add(c, pass, where, i, x[i], dy[i], out[i], want[i]);
    for (size_t i = 0; i < offset; ++i) *guard_hits += float_bits(buffer[i]) != kGuardBits;
    for (size_t i = offset + n; i < buffer.size(); ++i) {
      *guard_hits += float_bits(buffer[i]) != kGuardBits;
    }
  }
}

// One long call over `x` with dy = 1 and with random dy.
void check_sweep(const Config& c, Pass pass, const std::vector<float>& x, const char* label,
                 Tally* tally) {
  const size_t n = x.size();
  std::vector<float> y(n), want(n), got(n);
  relu::kernels_scalar().forward[static_cast<int>(c.info.op)](y.data(), x.data(), n, c.params);
  relu_test::Rng rng(7);
  for (bool random_dy : {false, true}) {
    if (pass == Pass::kForward && random_dy) break;
    std::vector<float> dy(n, 1.0f);
    if (random_dy) {
      for (float& v : dy) v = rng.uniform(-4.0f, 4.0f);
    }
    run(relu::kernels_scalar(), c, pass, want.data(), x.data(), dy.data(), y.data(), n);
    run(relu::kernels_best(), c, pass, got.data(), x.data(), dy.data(), y.data(), n);
    const std::string where = std::string(label) + (random_dy ? " random dy" : "");
    for (size_t i = 0; i < n; ++i) tally->add(c, pass, where, i, x[i], dy[i], got[i], want[i]);
  }
}

std::vector<float> sweep_inputs(const char* kind) {
  relu_test::Rng rng(std::string(kind) == "wide" ? 99 : 42);
  std::vector<float> x(16384 + 3);  // not a multiple of 4: the tail path runs too
  for (float& v : x) {
    v = std::string(kind) == "wide" ? rng.uniform_exponent() : rng.uniform(-100.0f, 100.0f);
  }
  return x;
}

}  // namespace

TEST_CASE("SIMD kernels match the scalar reference on every length, start and input") {
  const std::vector<float> pool = input_pool();
  const std::vector<float> uniform = sweep_inputs("uniform");
  const std::vector<float> wide = sweep_inputs("wide");
  std::cout << "\nSIMD (" << relu::kernels_best().backend
            << ") vs scalar, max mixed ULP (exact ops: 0 = bit-identical):\n";
  for (const Config& c : configs()) {
    for (Pass pass : {Pass::kForward, Pass::kBackward}) {
      Tally tally;
      size_t guard_hits = 0;
      for (size_t n : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 31, 64, 257}) {
        for (size_t offset = 0; offset < 4; ++offset) {
          check_length(c, pass, pool, n, offset, &tally, &guard_hits);
        }
      }
      check_sweep(c, pass, pool, "special values", &tally);
      check_sweep(c, pass, uniform, "uniform [-100, 100]", &tally);
      check_sweep(c, pass, wide, "all exponents", &tally);
      std::cout << "  " << c.label << " " << pass_name(pass) << ": " << tally.worst << " (allowed "
                << allowed(c, pass) << ")\n";
      INFO(tally.failures << " failures; first: " << tally.first_failure);
      CHECK(tally.failures == 0);
      INFO(c.label << " " << pass_name(pass) << " wrote outside [0, n)");
      CHECK(guard_hits == 0);
    }
  }
  std::cout << std::flush;
}
