// wasm SIMD128 kernels (wasm_simd128.h), forward and backward, same contract and conventions as
// the scalar reference (activation_scalar.cpp, the spec). Tails go through a padded local copy,
// so no kernel touches memory past n. The vector math lives in simd128_math.h.
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cfloat>
#include <cstring>

#include "kernels/activation_kernels.h"
#include "kernels/simd128_math.h"

namespace relu {
namespace {

using simd128::splat;

// y[i] = op(x[i]) for vectors of 4; `kUnroll` vectors per iteration give the CPU independent
// work. The last n % 4 elements are copied into a zero-padded local vector, so unaligned starts
// and any n are fine and nothing outside [0, n) is read or written. In-place is fine: every
// vector is loaded before its own store.
template <int kUnroll, class Op>
void map_forward(float* y, const float* x, size_t n, Op op) {
  size_t i = 0;
  for (; i + 4 * kUnroll <= n; i += 4 * kUnroll) {
    v128_t v[kUnroll];
    for (int u = 0; u < kUnroll; ++u) v[u] = wasm_v128_load(x + i + 4 * u);
    for (int u = 0; u < kUnroll; ++u) wasm_v128_store(y + i + 4 * u, op(v[u]));
  }
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, op(wasm_v128_load(x + i)));
  if (i < n) {
    float buffer[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::memcpy(buffer, x + i, (n - i) * sizeof(float));
    wasm_v128_store(buffer, op(wasm_v128_load(buffer)));
    std::memcpy(y + i, buffer, (n - i) * sizeof(float));
  }
}

// dx[i] = op(dy[i], x[i]), with the same tail handling as map_forward.
template <int kUnroll, class Op>
void map_backward(float* dx, const float* dy, const float* x, size_t n, Op op) {
  size_t i = 0;
  for (; i + 4 * kUnroll <= n; i += 4 * kUnroll) {
    v128_t g[kUnroll], v[kUnroll];
    for (int u = 0; u < kUnroll; ++u) {
      g[u] = wasm_v128_load(dy + i + 4 * u);
      v[u] = wasm_v128_load(x + i + 4 * u);
    }
    for (int u = 0; u < kUnroll; ++u) wasm_v128_store(dx + i + 4 * u, op(g[u], v[u]));
  }
  for (; i + 4 <= n; i += 4) {
    wasm_v128_store(dx + i, op(wasm_v128_load(dy + i), wasm_v128_load(x + i)));
  }
  if (i < n) {
    float g[4] = {0.0f, 0.0f, 0.0f, 0.0f}, v[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::memcpy(g, dy + i, (n - i) * sizeof(float));
    std::memcpy(v, x + i, (n - i) * sizeof(float));
    wasm_v128_store(g, op(wasm_v128_load(g), wasm_v128_load(v)));
    std::memcpy(dx + i, g, (n - i) * sizeof(float));
  }
}

constexpr int kExactUnroll = 4;   // cheap ops: 16 floats per iteration
constexpr int kSmoothUnroll = 4;  // transcendental ops: four independent chains
constexpr int kHeavyUnroll = 2;   // gelu backward: at 4 its live values spill (~1.5x slower)

using simd128::barrier;

inline v128_t is_nan(v128_t v) { return wasm_f32x4_ne(v, v); }
inline v128_t is_positive(v128_t v) { return wasm_f32x4_gt(v, splat(0.0f)); }

// x > 0 ? x : x * a for any a (a vector: PReLU's per-channel alphas), the select done with bits
// so NaN and -0 behave exactly as in the scalar reference (NaN gives x * a = NaN; -0 gives -0 a).
// x = -inf with a = 0 gives -a (the limit, a zero), not -inf * 0 = NaN, as the reference does.
inline v128_t leaky(v128_t x, v128_t a) {
  const v128_t product = wasm_f32x4_mul(x, a);
  const v128_t inf_times_zero =
      wasm_v128_andnot(wasm_f32x4_ne(product, product), wasm_f32x4_ne(x, x));
  const v128_t negative = wasm_v128_bitselect(wasm_f32x4_neg(a), product, inf_times_zero);
  return wasm_v128_bitselect(x, negative, is_positive(x));
}

// Leaky ReLU with one slope a. For 0 < a <= 1, x > 0 ? x : x a equals max(x a, x), and for
// a >= 1 min(x a, x), bit for bit: |x a| rounds to at most |x| (or at least, for a >= 1), a NaN
// x makes x a NaN, which pmax/pmin return as their first argument, and -0 a = -0. Two cheap ops
// instead of compare + bitselect. a = 0 (-inf * 0) and a < 0 take the select.
void leaky_forward(float* y, const float* x, size_t n, float slope) {
  const v128_t a = splat(slope);
  if (slope > 0.0f && slope <= 1.0f) {
    map_forward<kExactUnroll>(y, x, n,
                              [a](v128_t v) { return wasm_f32x4_pmax(wasm_f32x4_mul(v, a), v); });
  } else if (slope > 1.0f) {
    map_forward<kExactUnroll>(y, x, n,
                              [a](v128_t v) { return wasm_f32x4_pmin(wasm_f32x4_mul(v, a), v); });
  } else {
    map_forward<kExactUnroll>(y, x, n, [a](v128_t v) { return leaky(v, a); });
  }
}

// x > 0 ? dy : (x is NaN ? NaN : dy * a), as dy * (x > 0 ? 1 : a): dy * 1 is dy exactly. The
// factor is selected with one xor (one_xor_a = bits of 1 ^ a): a ^ ((1 ^ a) & mask). A NaN x
// is then forced by OR-ing the all-ones NaN mask (0xFFFFFFFF is a NaN).
inline v128_t leaky_grad(v128_t dy, v128_t x, v128_t a) {
  const v128_t one_xor_a = wasm_v128_xor(splat(1.0f), a);
  const v128_t factor = wasm_v128_xor(a, wasm_v128_and(one_xor_a, barrier(is_positive(x))));
  return wasm_v128_or(wasm_f32x4_mul(dy, factor), barrier(is_nan(x)));
}

// PReLU with more than one channel. The alphas of 4 consecutive elements repeat every
// span = lcm(channels, 4) elements, so whole spans load them as vectors: from a local copy of
// one or more spans (at least 16 floats, so the inner loop has a few vectors to unroll) while
// that fits in kPreluLocal floats, else straight from alpha when channels % 4 == 0. The rest
// (and large spans of other channel counts) gather alpha lane by lane. step(i, alphas, count)
// handles elements [i, i + count), count <= 4.
constexpr size_t kPreluLocal = 64;

template <class Step>
void prelu_loop(size_t n, const ActivationParams& p, Step step) {
  const size_t channels = p.prelu_channels;
  const float* alpha = p.prelu_alpha;
  const size_t span = channels % 4 == 0   ? channels
                      : channels % 2 == 0 ? 2 * channels
                                          : 4 * channels;
  const size_t block = span * ((16 + span - 1) / span);  // whole spans, >= 16 floats
  float local[kPreluLocal];
  const float* period = nullptr;
  size_t period_size = 0;
  if (block <= kPreluLocal) {
    for (size_t j = 0; j < block; ++j) local[j] = alpha[j % channels];
    period = local;
    period_size = block;
  } else if (channels % 4 == 0) {
    period = alpha;
    period_size = channels;
  }
  size_t i = 0;
  if (period != nullptr) {
    for (; i + period_size <= n; i += period_size) {
      for (size_t j = 0; j < period_size; j += 4) step(i + j, wasm_v128_load(period + j), 4);
    }
  }
  for (size_t c = i % channels; i < n; i += 4) {
    float lanes[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    const size_t count = n - i < 4 ? n - i : 4;
    for (size_t lane = 0; lane < count; ++lane) {
      lanes[lane] = alpha[c];
      if (++c == channels) c = 0;
    }
    step(i, wasm_v128_load(lanes), count);
  }
}

}  // namespace

// ---- Exact ops: bit-identical to the scalar reference. ----

void linear_forward_simd128(float* y, const float* x, size_t n, const ActivationParams&) {
  if (y == x) return;
  map_forward<kExactUnroll>(y, x, n, [](v128_t v) { return v; });
}
void linear_backward_simd128(float* dx, const float* dy, const float*, const float*, size_t n,
                             const ActivationParams&) {
  if (dx == dy) return;
  map_forward<kExactUnroll>(dx, dy, n, [](v128_t v) { return v; });
}

// x <= 0 ? +0 : x as pmax(x, 0) + 0: pmax (x < 0 ? 0 : x) keeps NaN of either sign and -0, and
// adding +0 turns -0 into +0 (and changes nothing else), as the reference does. Integer max on
// the bits would zero a -NaN; f32x4.max is ~3x slower on x86; compare + andnot is slower too.
void relu_forward_simd128(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward<kExactUnroll>(y, x, n, [](v128_t v) {
    return wasm_f32x4_add(wasm_f32x4_pmax(v, splat(0.0f)), splat(0.0f));
  });
}
void relu_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                           const ActivationParams&) {
  map_backward<kExactUnroll>(dx, dy, x, n, [](v128_t g, v128_t v) {
    // dy where x > 0, else +0; OR-ing the NaN mask makes a NaN x's lane all ones, a NaN.
    return wasm_v128_or(wasm_v128_and(g, barrier(is_positive(v))), barrier(is_nan(v)));
  });
}

void leaky_relu_forward_simd128(float* y, const float* x, size_t n, const ActivationParams& p) {
  leaky_forward(y, x, n, p.slope);
}
void leaky_relu_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                                 const ActivationParams& p) {
  const v128_t slope = splat(p.slope);
  map_backward<kExactUnroll>(dx, dy, x, n,
                             [slope](v128_t g, v128_t v) { return leaky_grad(g, v, slope); });
}

void prelu_forward_simd128(float* y, const float* x, size_t n, const ActivationParams& p) {
  if (n == 0) return;  // alpha is not read for an empty call, as in the reference
  // One shared alpha is leaky_relu with slope alpha.
  if (p.prelu_channels <= 1) {
    leaky_forward(y, x, n, p.prelu_alpha[0]);
    return;
  }
  prelu_loop(n, p, [y, x](size_t i, v128_t a, size_t count) {
    if (count == 4) {
      wasm_v128_store(y + i, leaky(wasm_v128_load(x + i), a));
      return;
    }
    float buffer[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::memcpy(buffer, x + i, count * sizeof(float));
    wasm_v128_store(buffer, leaky(wasm_v128_load(buffer), a));
    std::memcpy(y + i, buffer, count * sizeof(float));
  });
}
void prelu_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                            const ActivationParams& p) {
  if (n == 0) return;
  if (p.prelu_channels <= 1) {
    const v128_t a = splat(p.prelu_alpha[0]);
    map_backward<kExactUnroll>(dx, dy, x, n,
                               [a](v128_t g, v128_t v) { return leaky_grad(g, v, a); });
    return;
  }
  prelu_loop(n, p, [dx, dy, x](size_t i, v128_t a, size_t count) {
    if (count == 4) {
      wasm_v128_store(dx + i, leaky_grad(wasm_v128_load(dy + i), wasm_v128_load(x + i), a));
      return;
    }
    float g[4] = {0.0f, 0.0f, 0.0f, 0.0f}, v[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::memcpy(g, dy + i, count * sizeof(float));
    std::memcpy(v, x + i, count * sizeof(float));
    wasm_v128_store(g, leaky_grad(wasm_v128_load(g), wasm_v128_load(v), a));
    std::memcpy(dx + i, g, count * sizeof(float));
  });
}

// ---- Smooth ops: within their budget of the exact function (activation_list.inc). Inputs
// that would give inf * 0 are clamped first (to +-FLT_MAX, or to +-16 where the function is
// already saturated in float), so every limit at +-inf comes out without a NaN. ----

namespace {
inline v128_t clamp(v128_t v, float bound) {  // pmin/pmax keep a NaN first argument
  return wasm_f32x4_pmin(wasm_f32x4_pmax(v, splat(-bound)), splat(bound));
}
// -inf -> -FLT_MAX, so that x * (a factor that is 0 at -inf) gives -0 rather than NaN.
inline v128_t no_minus_inf(v128_t v) { return wasm_f32x4_pmax(v, splat(-FLT_MAX)); }
inline v128_t mul(v128_t a, v128_t b) { return wasm_f32x4_mul(a, b); }
inline v128_t add(v128_t a, v128_t b) { return wasm_f32x4_add(a, b); }

// tanh-GELU's 2u = x (kGeluTanhC1 + kGeluTanhC2 x^2), u = sqrt(2/pi) (x + 0.044715 x^3).
constexpr float kGeluTanhC1 = 0x1.988454p+0f;  // 2 sqrt(2/pi)
constexpr float kGeluTanhC2 = 0x1.2444F2p-4f;  // 2 sqrt(2/pi) 0.044715
constexpr float kGeluTanhC3 = 0x1.B6676Cp-3f;  // 3 * 2 sqrt(2/pi) 0.044715: d(2u)/dx - C1
// Beyond |x| = 16 both GELUs are x or 0 in float (|2u| > 300, Phi(-16) ~ 1e-58).
constexpr float kGeluSaturation = 16.0f;
constexpr float kInvSqrt2Pi = 0x1.988454p-2f;  // 1/sqrt(2 pi)
}  // namespace

void elu_forward_simd128(float* y, const float* x, size_t n, const ActivationParams& p) {
  const v128_t alpha = splat(p.alpha);
  map_forward<kSmoothUnroll>(y, x, n, [alpha](v128_t v) {
    const v128_t em = simd128::expm1_nonpositive(wasm_f32x4_pmin(v, splat(0.0f)));
    return wasm_v128_bitselect(v, mul(alpha, em), is_positive(v));
  });
}
// f'(x) = 1 for x > 0, alpha e^x for x <= 0 (alpha at 0, as torch); NaN flows through exp.
void elu_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                          const ActivationParams& p) {
  const v128_t alpha = splat(p.alpha);
  map_backward<kSmoothUnroll>(dx, dy, x, n, [alpha](v128_t g, v128_t v) {
    const v128_t e = simd128::exp_nonpositive(wasm_f32x4_pmin(v, splat(0.0f)));
    return wasm_v128_bitselect(g, mul(g, mul(alpha, e)), is_positive(v));
  });
}

// x Phi(x); -inf is clamped to -FLT_MAX so that x * Phi(x) = -FLT_MAX * 0 = -0.
void gelu_forward_simd128(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward<kSmoothUnroll>(
      y, x, n, [](v128_t v) { return mul(no_minus_inf(v), simd128::normal_parts(v).cdf); });
}
// f'(x) = Phi(x) + x phi(x), phi(x) = exp(-x^2/2) / sqrt(2 pi).
void gelu_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                           const ActivationParams&) {
  map_backward<kHeavyUnroll>(dx, dy, x, n, [](v128_t g, v128_t v) {
    const v128_t xc = clamp(v, kGeluSaturation);
    const simd128::NormalParts np = simd128::normal_parts(xc);
    return mul(g, add(np.cdf, mul(mul(xc, np.g), splat(kInvSqrt2Pi))));
  });
}

// x sigma(2u): the same as 0.5 x (1 + tanh u), without its cancellation for x < 0.
void gelu_tanh_forward_simd128(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward<kSmoothUnroll>(y, x, n, [](v128_t v) {
    const v128_t xc = clamp(v, kGeluSaturation);
    const v128_t z = mul(xc, add(splat(kGeluTanhC1), mul(splat(kGeluTanhC2), mul(xc, xc))));
    return mul(no_minus_inf(v), simd128::sigmoid(z));
  });
}
// f'(x) = s + x s (1 - s) d(2u)/dx, s = sigma(2u); s (1 - s) comes without cancellation.
void gelu_tanh_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                                const ActivationParams&) {
  map_backward<kSmoothUnroll>(dx, dy, x, n, [](v128_t g, v128_t v) {
    const v128_t xc = clamp(v, kGeluSaturation);
    const v128_t x2 = mul(xc, xc);
    const v128_t z = mul(xc, add(splat(kGeluTanhC1), mul(splat(kGeluTanhC2), x2)));
    const simd128::SigmoidParts s = simd128::sigmoid_parts(z);
    const v128_t dz = add(splat(kGeluTanhC1), mul(splat(kGeluTanhC3), x2));
    return mul(g, add(s.pos, mul(mul(xc, mul(s.pos, s.neg)), dz)));
  });
}

void silu_forward_simd128(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward<kSmoothUnroll>(y, x, n,
                             [](v128_t v) { return mul(no_minus_inf(v), simd128::sigmoid(v)); });
}
// f'(x) = s (1 + x (1 - s)), s = sigma(x).
void silu_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                           const ActivationParams&) {
  map_backward<kSmoothUnroll>(dx, dy, x, n, [](v128_t g, v128_t v) {
    const simd128::SigmoidParts s = simd128::sigmoid_parts(v);
    return mul(g, mul(s.pos, add(splat(1.0f), mul(clamp(v, FLT_MAX), s.neg))));
  });
}

// torch: beta x > threshold ? x : log1p(exp(beta x)) / beta (the test in float), evaluated as
// (max(bx, 0) + log1p(exp(-|bx|))) / beta, which never overflows whatever the threshold.
void softplus_forward_simd128(float* y, const float* x, size_t n, const ActivationParams& p) {
  const v128_t beta = splat(p.beta), threshold = splat(p.threshold);
  const v128_t inv_beta = splat(1.0f / p.beta);  // a product is cheaper than a division
  map_forward<kSmoothUnroll>(y, x, n, [beta, inv_beta, threshold](v128_t v) {
    const v128_t bx = mul(v, beta);
    const v128_t e = simd128::exp_nonpositive(simd128::minus_abs(bx));
    const v128_t sum = add(wasm_f32x4_pmax(bx, splat(0.0f)), simd128::log1p_unit(e));
    return wasm_v128_bitselect(v, mul(sum, inv_beta), wasm_f32x4_gt(bx, threshold));
  });
}
// f'(x) = sigma(beta x), 1 beyond the threshold.
void softplus_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                               const ActivationParams& p) {
  const v128_t beta = splat(p.beta), threshold = splat(p.threshold);
  map_backward<kSmoothUnroll>(dx, dy, x, n, [beta, threshold](v128_t g, v128_t v) {
    const v128_t bx = mul(v, beta);
    const v128_t d =
        wasm_v128_bitselect(splat(1.0f), simd128::sigmoid(bx), wasm_f32x4_gt(bx, threshold));
    return mul(g, d);
  });
}

void sigmoid_forward_simd128(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward<kSmoothUnroll>(y, x, n, [](v128_t v) { return simd128::sigmoid(v); });
}
void sigmoid_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                              const ActivationParams&) {
  map_backward<kSmoothUnroll>(dx, dy, x, n, [](v128_t g, v128_t v) {
    const simd128::SigmoidParts s = simd128::sigmoid_parts(v);
    return mul(g, mul(s.pos, s.neg));
  });
}

// tanh|x| = -expm1(-2|x|) / (2 + expm1(-2|x|)): exact-ish for tiny x (expm1 is), 1 at inf;
// the sign is copied from x, so tanh(-0) = -0.
void tanh_forward_simd128(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward<kSmoothUnroll>(y, x, n, [](v128_t v) {
    const v128_t m = simd128::minus_abs(v);
    const v128_t em = simd128::expm1_nonpositive(add(m, m));
    const v128_t t = wasm_f32x4_div(simd128::negate(em), add(splat(2.0f), em));
    return wasm_v128_bitselect(v, t, splat(-0.0f));  // -0.0f: the sign bit only
  });
}
// f'(x) = 1 / cosh^2 x = 4 e / (1 + e)^2, e = exp(-2|x|): no 1 - tanh^2 cancellation.
void tanh_backward_simd128(float* dx, const float* dy, const float* x, const float*, size_t n,
                           const ActivationParams&) {
  map_backward<kSmoothUnroll>(dx, dy, x, n, [](v128_t g, v128_t v) {
    const v128_t m = simd128::minus_abs(v);
    const v128_t e = simd128::exp_nonpositive(add(m, m));
    const v128_t d = add(splat(1.0f), e);
    return mul(g, wasm_f32x4_div(mul(splat(4.0f), e), mul(d, d)));
  });
}

}  // namespace relu
#endif  // __wasm_simd128__
