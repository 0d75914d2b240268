// Vector float32 math for the wasm SIMD128 kernels (activation_simd128.cpp includes it, nothing
// else): exp/expm1 of x <= 0, log1p on [0, 1], the logistic function and the Gaussian CDF.
// Only what the activations need: no general exp (no overflow path), no FMA (wasm has none).
#pragma once

#include <wasm_simd128.h>

namespace relu {
namespace simd128 {

// Returns v unchanged, but the optimiser can no longer see where it came from. The empty asm
// statement emits no instruction. Two uses:
// - constants (splat): V8 materialises each v128.const inside a loop with integer moves and
//   pinsrq (3 shuffle-port uops each); clang thinks constants are free and folds a hoisted one
//   back into every use. Behind the barrier, LICM keeps one copy per kernel in a local.
// - compare masks: clang rewrites and(x, mask) / or(x, mask) into v128.bitselect, which V8
//   lowers to 3 ops plus a materialised constant; behind the barrier they stay one op.
inline v128_t barrier(v128_t v) {
  __asm__("" : "+r"(v));
  return v;
}

// A vector of 4 copies of v, hoisted (see barrier).
inline v128_t splat(float v) { return barrier(wasm_f32x4_splat(v)); }

// Sign-bit operations as one bitwise op each with the (hoisted) mask -0.0f = 0x80000000.
inline v128_t minus_abs(v128_t v) { return wasm_v128_or(v, splat(-0.0f)); }  // -|v|
inline v128_t negate(v128_t v) { return wasm_v128_xor(v, splat(-0.0f)); }
inline v128_t abs(v128_t v) { return wasm_v128_andnot(v, splat(-0.0f)); }

// x * log2(e) + kExpMagicBias rounds x/ln2 to an integer n and leaves n + 127 (the float
// exponent bias) in the low mantissa bits: 0x1.8p23 pins the exponent at 2^23 (so the sum's
// ulp is 1), and 0xFE more in the last bits adds the bias of 127.
constexpr float kExpMagicBias = 0x1.8000FEp23f;
constexpr float kLog2e = 0x1.715476p+0f;  // log2(e) rounded to float
// Cody-Waite split of ln 2: kLn2Hi has 15 significant bits, so n * kLn2Hi is exact for
// |n| <= 127 and x - n * kLn2Hi cancels exactly; kLn2Lo = ln 2 - kLn2Hi, rounded.
constexpr float kLn2Hi = 0x1.62E400p-1f;
constexpr float kLn2Lo = 0x1.7F7D1Cp-20f;
// Below this the reduction gives n = -127, whose scale 2^n built from bits is +0: exp flushes to
// 0 for x <~ -87.7 (true exp(x) < 2^-126 there) instead of producing a wrong exponent.
constexpr float kExpMin = -88.0f;
// expm1(r) ~ r + r^2 * (c2 + c3 r + c4 r^2 + c5 r^3 + c6 r^4) on |r| <= ln2/2 (+2%): Lawson
// (iterated least squares) minimax fit of relative error, 1.5e-8 before rounding to float.
constexpr float kExpC2 = 0x1.FFFFFEp-2f;
constexpr float kExpC3 = 0x1.5554A2p-3f;
constexpr float kExpC4 = 0x1.55568Cp-5f;
constexpr float kExpC5 = 0x1.1232A8p-7f;
constexpr float kExpC6 = 0x1.6BEA4Ep-10f;

// exp(x) = s * (1 + q), with s = 2^n exactly and q = expm1(r), r = x - n ln2 in [-ln2/2, ln2/2].
// Keeping the two parts lets callers form exp (s + s q) and expm1 ((s - 1) + s q, no
// cancellation: s - 1 is exact) from one reduction.
struct ExpParts {
  v128_t s;
  v128_t q;
};

// Valid for x <= 0 (any such float, -inf included) and NaN (which propagates through q).
inline ExpParts exp_parts_nonpositive(v128_t x) {
  x = wasm_f32x4_pmax(x, splat(kExpMin));  // pmax keeps a NaN x (x < min is false)
  v128_t vn = wasm_f32x4_add(wasm_f32x4_mul(x, splat(kLog2e)), splat(kExpMagicBias));
  const v128_t vs = wasm_i32x4_shl(vn, 23);  // n + 127 moved into the exponent field: 2^n
  vn = wasm_f32x4_sub(vn, splat(kExpMagicBias));
  v128_t vr = wasm_f32x4_sub(x, wasm_f32x4_mul(vn, splat(kLn2Hi)));
  vr = wasm_f32x4_sub(vr, wasm_f32x4_mul(vn, splat(kLn2Lo)));
  v128_t p = wasm_f32x4_add(wasm_f32x4_mul(splat(kExpC6), vr), splat(kExpC5));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, vr), splat(kExpC4));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, vr), splat(kExpC3));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, vr), splat(kExpC2));
  const v128_t q = wasm_f32x4_add(vr, wasm_f32x4_mul(wasm_f32x4_mul(vr, vr), p));
  return {vs, q};
}

// exp(x) for x <= 0 or NaN, ~1 ULP; 0 below ~-87.7 (so exp(-inf) = 0).
inline v128_t exp_nonpositive(v128_t x) {
  const ExpParts e = exp_parts_nonpositive(x);
  return wasm_f32x4_add(e.s, wasm_f32x4_mul(e.s, e.q));
}

// expm1(x) for x <= 0 or NaN, ~1 ULP; exactly x for tiny x (n = 0, r = x), -1 at -inf.
inline v128_t expm1_nonpositive(v128_t x) {
  const ExpParts e = exp_parts_nonpositive(x);
  return wasm_f32x4_add(wasm_f32x4_sub(e.s, splat(1.0f)), wasm_f32x4_mul(e.s, e.q));
}

// log1p(f) for f in [0, 1] (or NaN), ~1 ULP, as in fdlibm/musl: s = f / (2 + f) makes
// log1p(f) = 2 atanh(s) = f - (f^2/2 - s (f^2/2 + R)) with R = 2 atanh(s) - 2s over s, and
// R = w (L0 + L1 w + L2 w^2 + L3 w^3), w = s^2 <= 1/9: a Lawson minimax fit on s in [0, 1/3]
// (4.5e-9 relative to log1p). f enters exactly; rounding errors sit in the correction term.
inline v128_t log1p_unit(v128_t f) {
  const v128_t s = wasm_f32x4_div(f, wasm_f32x4_add(splat(2.0f), f));
  const v128_t w = wasm_f32x4_mul(s, s);
  v128_t r = wasm_f32x4_add(wasm_f32x4_mul(splat(0x1.1ED7CEp-2f), w), splat(0x1.1EBD0Ap-2f));
  r = wasm_f32x4_add(wasm_f32x4_mul(r, w), splat(0x1.99D208p-2f));
  r = wasm_f32x4_add(wasm_f32x4_mul(r, w), splat(0x1.555502p-1f));
  r = wasm_f32x4_mul(r, w);
  const v128_t hfsq = wasm_f32x4_mul(wasm_f32x4_mul(f, f), splat(0.5f));
  const v128_t corr = wasm_f32x4_sub(hfsq, wasm_f32x4_mul(s, wasm_f32x4_add(hfsq, r)));
  return wasm_f32x4_sub(f, corr);
}

// The logistic function from e = exp(-|z|) in (0, 1]: d = 1 / (1 + e) and e d are the two
// values sigma(|z|) and sigma(-|z|); no cancellation on either side.
struct SigmoidParts {
  v128_t pos;  // sigma(z)
  v128_t neg;  // sigma(-z) = 1 - sigma(z)
};

inline SigmoidParts sigmoid_parts(v128_t z) {
  const v128_t e = exp_nonpositive(minus_abs(z));
  const v128_t d = wasm_f32x4_div(splat(1.0f), wasm_f32x4_add(splat(1.0f), e));
  const v128_t ed = wasm_f32x4_mul(e, d);
  const v128_t negative = wasm_f32x4_lt(z, splat(0.0f));
  return {wasm_v128_bitselect(ed, d, negative), wasm_v128_bitselect(d, ed, negative)};
}

// sigma(z) = 1 / (1 + exp(-z)), ~2 ULP, exactly 0 / 1 far out, NaN for NaN.
inline v128_t sigmoid(v128_t z) {
  const v128_t e = exp_nonpositive(minus_abs(z));
  const v128_t numerator = wasm_v128_bitselect(e, splat(1.0f), wasm_f32x4_lt(z, splat(0.0f)));
  return wasm_f32x4_div(numerator, wasm_f32x4_add(splat(1.0f), e));
}

// The standard normal CDF Phi(x) = 0.5 erfc(-x / sqrt 2) and g = exp(-x^2 / 2) (the unscaled
// density, which gelu's derivative needs too). Two pieces, chosen per lane, t = |x| / sqrt 2:
// - t < 0.75: Phi = 0.5 + 0.5 erf(x / sqrt 2), erf(t) = t P(t^2), P of degree 5 in t^2
//   (Lawson minimax fit of erf(t)/t on [0, 0.75], 1.4e-9 relative).
// - t >= 0.75: the tail 0.5 erfc(t) = 0.5 exp(-t^2) Q(z), z = 1 / (1 + t/2), Q of degree 8 in
//   z fitted to erfcx(t) = exp(t^2) erfc(t) on [0.75, 9.6] (1.5e-8 relative; ~5 ULP once
//   evaluated in float). It keeps relative accuracy for x << 0, where 1 - Phi(-x) would cancel.
// Phi's absolute error stays below ~2^-24, the scale the mixed-ULP budget of gelu measures.
struct NormalParts {
  v128_t cdf;
  v128_t g;
};

inline NormalParts normal_parts(v128_t x) {
  constexpr float kSqrt1_2 = 0x1.6A09E6p-1f;                            // 1/sqrt(2)
  const v128_t t2 = wasm_f32x4_mul(wasm_f32x4_mul(x, x), splat(0.5f));  // x^2/2, exact halving
  const v128_t g = exp_nonpositive(negate(t2));
  const v128_t xs = wasm_f32x4_mul(x, splat(kSqrt1_2));  // signed t

  v128_t p = wasm_f32x4_add(wasm_f32x4_mul(splat(-0x1.61DE40p-11f), t2), splat(0x1.4F2C74p-8f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, t2), splat(-0x1.B7A892p-6f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, t2), splat(0x1.CE2AC8p-4f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, t2), splat(-0x1.81273Ap-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, t2), splat(0x1.20DD74p+0f));
  const v128_t half_erf = wasm_f32x4_mul(wasm_f32x4_mul(xs, p), splat(0.5f));
  const v128_t cdf_small = wasm_f32x4_add(splat(0.5f), half_erf);

  const v128_t z = wasm_f32x4_div(splat(2.0f), wasm_f32x4_add(splat(2.0f), abs(xs)));
  v128_t q = wasm_f32x4_add(wasm_f32x4_mul(splat(0x1.F34674p-5f), z), splat(-0x1.EDE04Cp-4f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), splat(-0x1.04A1B2p-4f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), splat(0x1.627266p-3f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), splat(0x1.0375B6p-3f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), splat(0x1.0C40DAp-2f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), splat(0x1.1E2262p-2f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), splat(0x1.21203Ap-2f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), splat(-0x1.568206p-17f));
  // Phi(-|x|) >= 0; abs: Q(0) < 0 would make h -0 where g = 0, and gelu(-inf) +0.
  const v128_t h = abs(wasm_f32x4_mul(wasm_f32x4_mul(g, q), splat(0.5f)));
  const v128_t cdf_tail =
      wasm_v128_bitselect(h, wasm_f32x4_sub(splat(1.0f), h), wasm_f32x4_lt(x, splat(0.0f)));

  const v128_t small = wasm_f32x4_lt(t2, splat(0.5625f));  // t < 0.75
  return {wasm_v128_bitselect(cdf_small, cdf_tail, small), g};
}

}  // namespace simd128
}  // namespace relu
