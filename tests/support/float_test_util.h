// Float helpers shared by the kernel tests: ULP distances, the "mixed ULP" error against
// a long double truth, the special float32 values, a small seeded generator, NaN-aware bit
// equality and a printer. Header-only, standard library only; no Catch2 dependency.
#pragma once

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace relu_test {

inline uint32_t float_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

inline uint64_t double_bits(double d) {
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

inline float bits_float(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

// Maps floats onto integers monotonically: consecutive floats differ by 1, and +0 and -0 both
// map to 0 (so the distance across zero counts each subnormal step once).
inline int64_t float_ordinal(float f) {
  const uint32_t u = float_bits(f);
  const int64_t magnitude = static_cast<int64_t>(u & 0x7fffffffu);
  return (u & 0x80000000u) ? -magnitude : magnitude;
}

// Number of representable floats between a and b (0 when equal, +0 vs -0 is 0; +-inf count as
// the float after +-FLT_MAX). Two NaNs are at distance 0; a NaN and a number are at the
// maximum distance, so any comparison against a budget fails.
inline uint64_t ulp_distance(float a, float b) {
  const bool a_nan = std::isnan(a), b_nan = std::isnan(b);
  if (a_nan || b_nan) return a_nan && b_nan ? 0 : std::numeric_limits<uint64_t>::max();
  const int64_t d = float_ordinal(a) - float_ordinal(b);
  return static_cast<uint64_t>(d < 0 ? -d : d);
}

// True when a and b have the same bits, or are both NaN (of any payload): the equality the
// bit-exact ops (relu, leaky, prelu, linear) are held to. Distinguishes +0 from -0.
inline bool bits_equal(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return float_bits(a) == float_bits(b);
}

// Spacing of float32 at the magnitude of t: 2^(e - 23) for t in [2^e, 2^(e+1)), the subnormal
// spacing 2^-149 below FLT_MIN, and the spacing at FLT_MAX (2^104) above it.
inline long double float_ulp_at(long double t) {
  const long double a = std::fabs(t);
  if (a < static_cast<long double>(FLT_MIN)) return std::ldexp(1.0L, -149);
  if (a >= static_cast<long double>(FLT_MAX)) return std::ldexp(1.0L, 104);
  int e;
  std::frexp(a, &e);  // a = m * 2^e with m in [0.5, 1): a is in [2^(e-1), 2^e)
  return std::ldexp(1.0L, e - 1 - 23);
}

// Shared handling of the cases where a distance is not a finite difference: NaN and infinity.
// Returns true and sets *error when it decided: 0 when both are NaN or got is the infinity
// the truth rounds to, +inf otherwise.
inline bool nonfinite_error(float got, long double truth, double* error) {
  const double inf = std::numeric_limits<double>::infinity();
  if (std::isnan(got) || std::isnan(truth)) {
    *error = std::isnan(got) && std::isnan(truth) ? 0.0 : inf;
    return true;
  }
  if (std::isinf(got) || std::isinf(truth)) {
    *error = static_cast<float>(truth) == got ? 0.0 : inf;
    return true;
  }
  return false;
}

// Error of got in (fractional) float ULPs at the truth: |got - truth| / ulp(truth). A correctly
// rounded result scores <= 0.5. Inf/NaN: see nonfinite_error.
inline double ulp_error(float got, long double truth) {
  double error;
  if (nonfinite_error(got, truth, &error)) return error;
  return static_cast<double>(std::fabs(static_cast<long double>(got) - truth) /
                             float_ulp_at(truth));
}

// The "mixed ULP": min(ULP error, |got - truth| / (2^-24 * max(1, |x|))). The second
// term forgives absolute errors near a zero of f that are small relative to the input (e.g.
// tanh-GELU for large negative x, whose value is tiny but comes from a cancellation-free
// product anyway). x is the kernel's input.
inline double mixed_ulp_error(float got, long double truth, float x) {
  double error;
  if (nonfinite_error(got, truth, &error)) return error;
  const long double diff = std::fabs(static_cast<long double>(got) - truth);
  const long double scale =
      std::ldexp(1.0L, -24) * std::fmax(1.0L, std::fabs(static_cast<long double>(x)));
  return std::fmin(ulp_error(got, truth), static_cast<double>(diff / scale));
}

// The float32 classes every kernel must handle, plus points near the kinks and the overflow /
// underflow edges of exp (|x| ~ 88.7, ~103.3) and the default softplus threshold (20).
inline std::vector<float> special_floats() {
  const float inf = std::numeric_limits<float>::infinity();
  const float min_sub = std::numeric_limits<float>::denorm_min();
  const float max_sub = bits_float(0x007fffffu);
  std::vector<float> v = {0.0f,    min_sub, max_sub, FLT_MIN, FLT_MAX, inf,        1.0f,  0.5f,
                          2.0f,    1e-7f,   1e-3f,   0.1f,    3.0f,    5.0f,       9.0f,  10.0f,
                          16.0f,   20.0f,   30.0f,   50.0f,   88.0f,   88.72f,     89.0f, 100.0f,
                          103.97f, 104.0f,  1e10f,   1e20f,   1e30f,   FLT_EPSILON};
  // The neighbours of the kinks at 0, 1 and the thresholds (10 and 20 with beta 2 and 1).
  for (float k : {1.0f, 5.0f, 10.0f, 20.0f}) {
    v.push_back(std::nextafter(k, 0.0f));
    v.push_back(std::nextafter(k, inf));
  }
  const size_t positives = v.size();
  for (size_t i = 0; i < positives; ++i) v.push_back(-v[i]);
  v.push_back(std::numeric_limits<float>::quiet_NaN());
  v.push_back(-std::numeric_limits<float>::quiet_NaN());
  return v;
}

// SplitMix64: tiny, seeded, identical natively and in wasm (no std:: distribution, whose
// output is implementation-defined).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next_u64() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint32_t next_u32() { return static_cast<uint32_t>(next_u64() >> 32); }

  // Uniform in [lo, hi), computed in double and rounded to float.
  float uniform(float lo, float hi) {
    const double u = static_cast<double>(next_u64() >> 11) * 0x1p-53;
    const double dlo = static_cast<double>(lo), dhi = static_cast<double>(hi);
    return static_cast<float>(dlo + (dhi - dlo) * u);
  }

  // A random finite float of either sign with the bit pattern uniform: every binade (and the
  // subnormals) equally likely, so the sweep covers all magnitudes from 2^-149 to FLT_MAX.
  float uniform_exponent() {
    uint32_t magnitude;
    do {
      magnitude = next_u32() & 0x7fffffffu;
    } while (magnitude >= 0x7f800000u);  // reject inf and NaN
    return bits_float(magnitude | (next_u32() & 0x80000000u));
  }

 private:
  uint64_t state_;
};

// "0x1.8p+1 (3)": exact hex plus a readable decimal, for failure messages.
inline std::string describe(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%a (%.9g)", v, v);
  return buffer;
}
inline std::string describe(float v) { return describe(static_cast<double>(v)); }

}  // namespace relu_test
