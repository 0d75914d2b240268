// exp, log, log1p, sin/cos and integer powers in double built only from + - * / and exact bit
// operations, so their results are bit-identical natively (glibc) and in wasm (musl), which libm
// does not promise. Accuracy is a few double ULP; they serve the RNG, the datasets, the loss and
// Adam, not the kernels (those are float and have their own accuracy budgets).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace relu {

inline constexpr double kLn2Hi = 0x1.62e42feep-1;        // ln 2 with trailing zero bits (fdlibm):
inline constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;  // k * kLn2Hi is exact for |k| < 2^11
inline constexpr double kLog2e = 0x1.71547652b82fep0;    // 1 / ln 2
inline constexpr double kPi = 0x1.921fb54442d18p1;
inline constexpr double kSqrt1_2 = 0x1.6a09e667f3bcdp-1;  // sqrt(1/2)
inline constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;
inline constexpr double kPiOver2Hi = 0x1.921fb544p0;  // pi/2 to 33 bits (fdlibm): k * kPiOver2Hi
inline constexpr double kPiOver2Lo = 0x1.0b4611a626331p-34;  // is exact for small k; the rest

// 2^k for -1022 <= k <= 1023, assembled from its bits (exact).
inline double portable_pow2(int k) {
  const uint64_t bits = static_cast<uint64_t>(k + 1023) << 52;
  double result;
  std::memcpy(&result, &bits, sizeof result);
  return result;
}

// e^x. Range reduction x = k ln2 + r (|r| <= ln2 / 2), then a degree-13 Taylor polynomial
// (truncation error < 2^-58), then an exact scaling by 2^k (one rounding if subnormal).
inline double portable_exp(double x) {
  if (x != x) return x;
  if (x > 709.78) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  const double k = std::floor(x * kLog2e + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double p = 1.0 / 6227020800.0;  // 1/13!
  constexpr double kInverseFactorials[] = {1.0 / 479001600.0,
                                           1.0 / 39916800.0,
                                           1.0 / 3628800.0,
                                           1.0 / 362880.0,
                                           1.0 / 40320.0,
                                           1.0 / 5040.0,
                                           1.0 / 720.0,
                                           1.0 / 120.0,
                                           1.0 / 24.0,
                                           1.0 / 6.0,
                                           0.5,
                                           1.0,
                                           1.0};
  for (double c : kInverseFactorials) p = p * r + c;
  const int ki = static_cast<int>(k);
  if (ki < -1022) return p * portable_pow2(ki + 600) * portable_pow2(-600);
  if (ki > 1023) return p * portable_pow2(ki - 600) * portable_pow2(600);
  return p * portable_pow2(ki);
}

// Natural log for x > 0 (0 gives -inf, negative or NaN gives NaN, +inf gives +inf).
// x = 2^e m with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172,
// summed to s^23 (truncation < 2^-57 relative).
inline double portable_log(double x) {
  if (!(x > 0.0)) {
    return x == 0.0 ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::quiet_NaN();
  }
  if (x == std::numeric_limits<double>::infinity()) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // exact: m in [0.5, 1)
  if (m < kSqrt1_2) {
    m *= 2.0;
    e -= 1;
  }
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double p = 1.0 / 23.0;
  for (int k = 21; k >= 1; k -= 2) p = p * s2 + 1.0 / k;
  const double ed = static_cast<double>(e);
  return ed * kLn2Hi + (ed * kLn2Lo + 2.0 * s * p);
}

struct SinCos {
  double sin;
  double cos;
};

// sin and cos for |x| < 2^20 from + - * only: x = k pi/2 + r with |r| <= pi/4 (Cody-Waite),
// then Taylor series to r^19 / r^18 (truncation < 2^-60), then the quadrant of k.
inline SinCos portable_sincos(double x) {
  const double k = std::floor(x * kTwoOverPi + 0.5);
  const double r = (x - k * kPiOver2Hi) - k * kPiOver2Lo;
  const double r2 = r * r;
  double s = 0.0;
  double c = 0.0;
  for (int n = 19; n >= 3; n -= 2) s = (s + 1.0) * -r2 / (n * (n - 1));
  for (int n = 18; n >= 2; n -= 2) c = (c + 1.0) * -r2 / (n * (n - 1));
  const double sin_r = r + r * s;
  const double cos_r = 1.0 + c;
  switch (static_cast<long long>(k) & 3) {
    case 0:
      return {sin_r, cos_r};
    case 1:
      return {cos_r, -sin_r};
    case 2:
      return {-sin_r, -cos_r};
    default:
      return {-cos_r, sin_r};
  }
}

// log(1 + t) accurate for small t (Goldberg's trick: the rounding of 1 + t cancels).
inline double portable_log1p(double t) {
  const double u = 1.0 + t;
  if (u == 1.0) return t;
  if (u == std::numeric_limits<double>::infinity()) return u;
  return portable_log(u) * t / (u - 1.0);
}

// base^n by repeated squaring (Adam's bias corrections beta^t).
inline double portable_powi(double base, uint64_t n) {
  double result = 1.0;
  while (n != 0) {
    if (n & 1u) result *= base;
    base *= base;
    n >>= 1;
  }
  return result;
}

}  // namespace relu
