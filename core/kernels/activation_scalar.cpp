// The scalar reference kernels: plain loops, transcendental ops evaluated in double and rounded
// once, so each is within ~1 ULP of the exact function. This file is the specification the SIMD
// kernels are tested against; it is compiled without auto-vectorisation on purpose.
#include <cmath>
#include <limits>

#include "kernels/activation_kernels.h"

namespace relu {
namespace {

constexpr double kSqrt1_2 = 0x1.6a09e667f3bcdp-1;      // 1/sqrt(2)
constexpr double kInvSqrt2Pi = 0x1.9884533d43651p-2;   // 1/sqrt(2*pi)
constexpr double kSqrt2OverPi = 0x1.9884533d43651p-1;  // sqrt(2/pi)
constexpr double kGeluTanhCubic = 0.044715;            // torch's tanh-GELU coefficient

template <class Op>
void map_forward(float* y, const float* x, size_t n, Op op) {
  for (size_t i = 0; i < n; ++i) y[i] = op(x[i]);
}

// dx = dy * f'(x), the product formed in double and rounded once. A NaN input gives NaN:
// a derivative is undefined there, and a silent finite gradient would hide a diverged net.
template <class Derivative>
void map_backward(float* dx, const float* dy, const float* x, size_t n, Derivative derivative) {
  for (size_t i = 0; i < n; ++i) {
    const double d = std::isnan(x[i]) ? std::numeric_limits<double>::quiet_NaN()
                                      : derivative(static_cast<double>(x[i]));
    dx[i] = static_cast<float>(static_cast<double>(dy[i]) * d);
  }
}

double sigmoid_exact(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// u of tanh-GELU: sqrt(2/pi) * (x + 0.044715 x^3).
double gelu_tanh_u(double x) { return kSqrt2OverPi * (x + kGeluTanhCubic * x * x * x); }

// x > 0 ? x : x * a, except that -inf * 0 (slope or alpha 0 at x = -inf) gives the limit -a, a
// zero, rather than NaN: NaN comes out only for a NaN input.
float leaky_value(float v, float a) {
  if (v > 0.0f) return v;
  const float product = v * a;
  return std::isnan(product) && !std::isnan(v) ? -a : product;
}

}  // namespace

void linear_forward_scalar(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward(y, x, n, [](float v) { return v; });
}
void linear_backward_scalar(float* dx, const float* dy, const float*, const float*, size_t n,
                            const ActivationParams&) {
  for (size_t i = 0; i < n; ++i) dx[i] = dy[i];
}

// x <= 0 ? 0 : x keeps NaN and maps -0 to +0. torch keeps -0 (equal, but a different bit
// pattern); we don't, because clang -O3 lowers this select to wasm's f32.max, which returns +0
// for -0: written this way every lowering (and the SIMD kernel) gives the same bits.
void relu_forward_scalar(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward(y, x, n, [](float v) { return v <= 0.0f ? 0.0f : v; });
}
// A selection, not a product: f'(x) = 0 gives dx = 0 even for an infinite dy, as torch does.
void relu_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                          const ActivationParams&) {
  for (size_t i = 0; i < n; ++i) {
    dx[i] = x[i] > 0.0f ? dy[i] : (std::isnan(x[i]) ? x[i] : 0.0f);
  }
}

void leaky_relu_forward_scalar(float* y, const float* x, size_t n, const ActivationParams& p) {
  const float slope = p.slope;
  map_forward(y, x, n, [slope](float v) { return leaky_value(v, slope); });
}
void leaky_relu_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                                const ActivationParams& p) {
  for (size_t i = 0; i < n; ++i) {
    dx[i] = x[i] > 0.0f ? dy[i] : (std::isnan(x[i]) ? x[i] : dy[i] * p.slope);
  }
}

void prelu_forward_scalar(float* y, const float* x, size_t n, const ActivationParams& p) {
  const size_t channels = p.prelu_channels == 0 ? 1 : p.prelu_channels;
  for (size_t i = 0; i < n; ++i) {
    y[i] = leaky_value(x[i], p.prelu_alpha[i % channels]);
  }
}
void prelu_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                           const ActivationParams& p) {
  const size_t channels = p.prelu_channels == 0 ? 1 : p.prelu_channels;
  for (size_t i = 0; i < n; ++i) {
    dx[i] = x[i] > 0.0f ? dy[i] : (std::isnan(x[i]) ? x[i] : dy[i] * p.prelu_alpha[i % channels]);
  }
}

void elu_forward_scalar(float* y, const float* x, size_t n, const ActivationParams& p) {
  const double alpha = static_cast<double>(p.alpha);
  map_forward(y, x, n, [alpha](float v) {
    return v > 0.0f ? v : static_cast<float>(alpha * std::expm1(static_cast<double>(v)));
  });
}
// f'(0) = alpha, as torch (x <= 0 takes the exponential branch).
void elu_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                         const ActivationParams& p) {
  const double alpha = static_cast<double>(p.alpha);
  map_backward(dx, dy, x, n, [alpha](double v) { return v > 0.0 ? 1.0 : alpha * std::exp(v); });
}

// 0.5 x erfc(-x/sqrt2): erfc avoids the cancellation of 1 + erf for negative x.
void gelu_forward_scalar(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward(y, x, n, [](float v) {
    if (std::isinf(v)) return v > 0.0f ? v : -0.0f;  // limits; torch returns NaN at -inf
    const double d = static_cast<double>(v);
    return static_cast<float>(0.5 * d * std::erfc(-d * kSqrt1_2));
  });
}
void gelu_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                          const ActivationParams&) {
  map_backward(dx, dy, x, n, [](double v) {
    if (std::isinf(v)) return v > 0.0 ? 1.0 : 0.0;
    return 0.5 * std::erfc(-v * kSqrt1_2) + v * kInvSqrt2Pi * std::exp(-0.5 * v * v);
  });
}

// 0.5 x (1 + tanh u) rewritten as x * sigmoid(2u), which has no cancellation for x < 0.
void gelu_tanh_forward_scalar(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward(y, x, n, [](float v) {
    if (std::isinf(v)) return v > 0.0f ? v : -0.0f;
    const double d = static_cast<double>(v);
    return static_cast<float>(d * sigmoid_exact(2.0 * gelu_tanh_u(d)));
  });
}
void gelu_tanh_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                               const ActivationParams&) {
  map_backward(dx, dy, x, n, [](double v) {
    if (std::isinf(v)) return v > 0.0 ? 1.0 : 0.0;
    const double s = sigmoid_exact(2.0 * gelu_tanh_u(v));
    const double du = kSqrt2OverPi * (1.0 + 3.0 * kGeluTanhCubic * v * v);
    // d/dx [x s(2u)] = s + x * 2 s (1 - s) u'; s(1 - s) underflows to 0 long before x u' overflows.
    const double tail = s * (1.0 - s);
    return tail == 0.0 ? s : s + 2.0 * v * tail * du;
  });
}

void silu_forward_scalar(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward(y, x, n, [](float v) {
    if (std::isinf(v)) return v > 0.0f ? v : -0.0f;  // limits; torch returns NaN at -inf
    const double d = static_cast<double>(v);
    return static_cast<float>(d * sigmoid_exact(d));
  });
}
void silu_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                          const ActivationParams&) {
  map_backward(dx, dy, x, n, [](double v) {
    if (std::isinf(v)) return v > 0.0 ? 1.0 : 0.0;
    const double s = sigmoid_exact(v);
    return s * (1.0 + v * (1.0 - s));
  });
}

// torch: beta*x > threshold ? x : log1p(exp(beta*x)) / beta, the test done in float.
void softplus_forward_scalar(float* y, const float* x, size_t n, const ActivationParams& p) {
  const float beta = p.beta;
  const float threshold = p.threshold;
  map_forward(y, x, n, [beta, threshold](float v) {
    if (v * beta > threshold) return v;
    const double bx = static_cast<double>(v) * static_cast<double>(beta);
    return static_cast<float>(std::log1p(std::exp(bx)) / static_cast<double>(beta));
  });
}
void softplus_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                              const ActivationParams& p) {
  const float beta = p.beta;
  const float threshold = p.threshold;
  for (size_t i = 0; i < n; ++i) {
    const float v = x[i];
    double d;
    if (std::isnan(v)) {
      d = std::numeric_limits<double>::quiet_NaN();
    } else if (v * beta > threshold) {
      d = 1.0;
    } else {
      d = sigmoid_exact(static_cast<double>(v) * static_cast<double>(beta));
    }
    dx[i] = static_cast<float>(static_cast<double>(dy[i]) * d);
  }
}

void sigmoid_forward_scalar(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward(y, x, n,
              [](float v) { return static_cast<float>(sigmoid_exact(static_cast<double>(v))); });
}
void sigmoid_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                             const ActivationParams&) {
  map_backward(dx, dy, x, n, [](double v) {
    const double s = sigmoid_exact(v);
    return s * (1.0 - s);
  });
}

void tanh_forward_scalar(float* y, const float* x, size_t n, const ActivationParams&) {
  map_forward(y, x, n,
              [](float v) { return static_cast<float>(std::tanh(static_cast<double>(v))); });
}
// 1 / cosh^2 rather than 1 - tanh^2: exact to the last bit where tanh has rounded to 1.
void tanh_backward_scalar(float* dx, const float* dy, const float* x, const float*, size_t n,
                          const ActivationParams&) {
  map_backward(dx, dy, x, n, [](double v) {
    const double c = std::cosh(v);
    return 1.0 / (c * c);
  });
}

}  // namespace relu
