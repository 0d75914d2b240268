// Tests of core/base/rng.h and core/base/portable_math.h: the libm-free exp/log/log1p/powi/sincos
// against long double std:: math, PCG32's published reference output, uniform ranges, normal
// moments, unbiased integers and stream independence.
#include "base/rng.h"

#include <algorithm>
#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "base/portable_math.h"

using namespace relu;

namespace {

// Relative error in units of double epsilon.
double rel_eps(double got, long double want) {
  if (want == 0) return got == 0 ? 0 : std::numeric_limits<double>::infinity();
  return static_cast<double>(std::fabs((static_cast<long double>(got) - want) / want)) / 0x1.0p-52;
}

}  // namespace

TEST_CASE("portable sincos agrees with long double std:: math") {
  // The datasets call it on [0, 2 pi] and on spiral angles up to ~14; absolute error, since
  // sin and cos pass through 0.
  double worst = 0;
  for (int k = -100000; k <= 100000; ++k) {
    const double x = k * 0.001234567;  // -123 .. 123
    const SinCos got = portable_sincos(x);
    const long double lx = static_cast<long double>(x);
    const long double sin_error = static_cast<long double>(got.sin) - std::sin(lx);
    const long double cos_error = static_cast<long double>(got.cos) - std::cos(lx);
    worst = std::max(worst, static_cast<double>(std::fabs(sin_error)));
    worst = std::max(worst, static_cast<double>(std::fabs(cos_error)));
  }
  INFO("worst absolute error " << worst / 0x1.0p-53 << " x 2^-53");
  CHECK(worst <= 0x1.0p-51);
  const SinCos zero = portable_sincos(0.0);
  CHECK(zero.sin == 0.0);
  CHECK(zero.cos == 1.0);
}

TEST_CASE("portable exp, log, log1p and powi agree with long double std:: math") {
  double worst_exp = 0, worst_log = 0, worst_log1p = 0;
  for (int k = -20000; k <= 20000; ++k) {
    const double x = k * 0.0354;  // -708 .. 708
    const double e = rel_eps(portable_exp(x), std::exp(static_cast<long double>(x)));
    if (e > worst_exp) worst_exp = e;
  }
  for (int k = 1; k <= 40000; ++k) {
    const double x = std::ldexp(1.0 + (k % 997) / 997.0, k % 2000 - 1000);
    const double l = rel_eps(portable_log(x), std::log(static_cast<long double>(x)));
    if (std::fabs(x - 1.0) > 1e-3 && l > worst_log) worst_log = l;
    const double t = std::ldexp(static_cast<double>(k), -16 - k % 40);  // tiny .. 0.6
    const double p = rel_eps(portable_log1p(t), std::log1p(static_cast<long double>(t)));
    if (p > worst_log1p) worst_log1p = p;
  }
  std::printf("portable math worst relative error: exp %.2f, log %.2f, log1p %.2f eps\n", worst_exp,
              worst_log, worst_log1p);
  CHECK(worst_exp < 4);
  CHECK(worst_log < 4);
  CHECK(worst_log1p < 6);
  CHECK(portable_exp(-800.0) == 0.0);
  CHECK(std::isinf(portable_exp(710.0)));
  CHECK(portable_exp(0.0) == 1.0);
  CHECK(portable_log(1.0) == 0.0);
  CHECK(std::isinf(portable_log(0.0)));
  CHECK(std::isnan(portable_log(-1.0)));
  CHECK(std::isnan(portable_exp(std::numeric_limits<double>::quiet_NaN())));
  // Subnormal results: one rounding of the exact scaling, so within one subnormal ULP.
  const long double tiny = std::exp(-740.0L);
  CHECK(std::fabs(static_cast<long double>(portable_exp(-740.0)) - tiny) <= 0x1.0p-1074L);
  CHECK(portable_powi(0.999, 0) == 1.0);
  // Squaring doubles a relative error, so n steps allow ~n eps; Adam needs far less than 1e-9.
  CHECK(rel_eps(portable_powi(0.999, 12345), std::pow(0.999L, 12345.0L)) * 0x1.0p-52 < 1e-12);
  CHECK(rel_eps(portable_powi(0.9, 3), 0.729L) < 4);
}

TEST_CASE("PCG32 reproduces the reference generator") {
  // pcg32-global-demo / pcg32_srandom_r(42, 54): state = 0, inc = (54 << 1) | 1, step,
  // state += 42, step. The first outputs are published in the PCG C distribution.
  Rng rng;
  rng.inc = (54u << 1) | 1u;
  rng.state = 0;
  rng_u32(&rng);
  rng.state += 42;
  rng_u32(&rng);
  const uint32_t want[] = {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u,
                           0x83d2f293u, 0xbfa4784bu, 0xcbed606eu};
  for (uint32_t w : want) CHECK(rng_u32(&rng) == w);
}

TEST_CASE("uniforms stay in range, normals have the right moments") {
  Rng rng = rng_seed(123);
  double sum = 0, sum2 = 0, sum4 = 0;
  const int n = 200000;
  bool in_range = true;
  for (int k = 0; k < n; ++k) {
    const float u = rng_uniform(&rng);
    const float r = rng_uniform_range(&rng, -0.5f, 0.25f);
    in_range = in_range && u >= 0.0f && u < 1.0f && r >= -0.5f && r <= 0.25f;
    const double z = rng_normal_double(&rng);
    sum += z;
    sum2 += z * z;
    sum4 += z * z * z * z;
  }
  CHECK(in_range);
  const double mean = sum / n, var = sum2 / n - mean * mean, kurt = sum4 / n;
  std::printf("normal: mean %.4f var %.4f fourth moment %.4f\n", mean, var, kurt);
  CHECK(std::fabs(mean) < 0.01);
  CHECK(std::fabs(var - 1.0) < 0.01);
  CHECK(std::fabs(kurt - 3.0) < 0.06);
}

TEST_CASE("rng_below is unbiased and streams differ") {
  Rng rng = rng_seed(5);
  std::vector<int> counts(6);
  for (int k = 0; k < 60000; ++k) ++counts[rng_below(&rng, 6)];
  for (int c : counts) CHECK(std::abs(c - 10000) < 500);  // ~5 sigma
  Rng a = rng_seed(5, 0), b = rng_seed(5, 1), c = rng_seed(5, 0);
  int same = 0;
  for (int k = 0; k < 100; ++k) {
    const uint32_t x = rng_u32(&a);
    same += x == rng_u32(&b);
    CHECK(x == rng_u32(&c));
  }
  CHECK(same < 3);
}
