// The exact activations and their derivatives in long double, written from the math (not from
// core/), plus the documented limits and kink conventions: the outside reference that the
// accuracy, gradient and golden tests hold the kernels to. No kernel code here.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

#include "kernels/activation.h"

namespace relu_test {

using relu::Activation;
using relu::ActivationParams;

constexpr long double kSqrt1_2L = 0.707106781186547524400844362104849039L;      // 1/sqrt(2)
constexpr long double kInvSqrt2PiL = 0.398942280401432677939946059934381868L;   // 1/sqrt(2 pi)
constexpr long double kSqrt2OverPiL = 0.797884560802865355879892119868763737L;  // sqrt(2/pi)
constexpr long double kGeluTanhCubicL = 0.044715L;  // the tanh-GELU coefficient, as decimal

// Widens a float parameter explicitly (the build warns on implicit float promotion).
inline long double wide(float f) { return static_cast<long double>(f); }

// PReLU's alpha for element i: x is (n / channels, channels) row-major (activation.h).
inline long double prelu_alpha_at(const ActivationParams& p, size_t i) {
  const size_t channels = p.prelu_channels == 0 ? 1 : p.prelu_channels;
  return wide(p.prelu_alpha[i % channels]);
}

// 1 / (1 + e^-x) and its derivative e^-|x| / (1 + e^-|x|)^2, both free of cancellation.
inline long double sigmoid_l(long double x) { return 1.0L / (1.0L + std::exp(-x)); }
inline long double sigmoid_slope_l(long double x) {
  const long double e = std::exp(-std::fabs(x));
  return e / ((1.0L + e) * (1.0L + e));
}

// tanh-GELU's inner u = sqrt(2/pi) (x + 0.044715 x^3).
inline long double gelu_tanh_u_l(long double x) {
  return kSqrt2OverPiL * (x + kGeluTanhCubicL * x * x * x);
}

// Softplus is the identity where beta * x > threshold, the product taken in float as torch
// does (https://pytorch.org/docs/1.13/generated/torch.nn.Softplus.html).
inline bool softplus_linear(long double x, const ActivationParams& p) {
  return static_cast<float>(x) * p.beta > p.threshold;
}

// f(+inf) and f(-inf): the documented limits (silu and both GELUs give -0 at -inf where torch
// gives NaN, on purpose). prelu_alpha is the element's alpha (long double so that the gradient
// test can perturb it).
inline long double limit_forward(Activation op, bool positive, const ActivationParams& p,
                                 long double prelu_alpha) {
  const long double inf = std::numeric_limits<long double>::infinity();
  switch (op) {
    case Activation::kSigmoid:
      return positive ? 1.0L : 0.0L;
    case Activation::kTanh:
      return positive ? 1.0L : -1.0L;
    case Activation::kElu:
      return positive ? inf : -wide(p.alpha);
    case Activation::kLinear:
      return positive ? inf : -inf;
    case Activation::kLeakyRelu:
      return positive ? inf : -inf * wide(p.slope);
    case Activation::kPrelu:
      return positive ? inf : -inf * prelu_alpha;
    case Activation::kRelu:
    case Activation::kSoftplus:
      return positive ? inf : 0.0L;
    case Activation::kGelu:
    case Activation::kGeluTanh:
    case Activation::kSilu:
      return positive ? inf : -0.0L;
  }
  return std::numeric_limits<long double>::quiet_NaN();
}

// f'(+inf) and f'(-inf): 0 or 1 for the smooth ops, the slope of the linear piece otherwise.
inline long double limit_derivative(Activation op, bool positive, const ActivationParams& p,
                                    long double prelu_alpha) {
  switch (op) {
    case Activation::kSigmoid:
    case Activation::kTanh:
      return 0.0L;
    case Activation::kLinear:
      return 1.0L;
    case Activation::kLeakyRelu:
      return positive ? 1.0L : wide(p.slope);
    case Activation::kPrelu:
      return positive ? 1.0L : prelu_alpha;
    default:
      return positive ? 1.0L : 0.0L;
  }
}

// f(x) for a finite or infinite x; NaN gives NaN.
inline long double exact_forward(Activation op, long double x, const ActivationParams& p,
                                 long double prelu_alpha) {
  if (std::isnan(x)) return x;
  if (std::isinf(x)) return limit_forward(op, x > 0, p, prelu_alpha);
  switch (op) {
    case Activation::kLinear:
      return x;
    case Activation::kRelu:
      return x <= 0 ? 0.0L : x;  // relu(-0) = +0 (README)
    case Activation::kLeakyRelu:
      return x > 0 ? x : x * wide(p.slope);
    case Activation::kPrelu:
      return x > 0 ? x : x * prelu_alpha;
    case Activation::kElu:
      return x > 0 ? x : wide(p.alpha) * std::expm1(x);
    case Activation::kGelu:
      return 0.5L * x * std::erfc(-x * kSqrt1_2L);
    case Activation::kGeluTanh:
      return x * sigmoid_l(2.0L * gelu_tanh_u_l(x));
    case Activation::kSilu:
      return x * sigmoid_l(x);
    case Activation::kSoftplus:
      if (softplus_linear(x, p)) return x;
      return std::log1p(std::exp(x * wide(p.beta))) / wide(p.beta);
    case Activation::kSigmoid:
      return sigmoid_l(x);
    case Activation::kTanh:
      return std::tanh(x);
  }
  return std::numeric_limits<long double>::quiet_NaN();
}

// f'(x) with the kink conventions: relu'(0) = 0, leaky'(0) = slope, prelu'(0) = alpha,
// elu'(0) = alpha, softplus at beta x == threshold takes the log1p branch. NaN gives NaN (the
// kernels' convention; linear's backward, dx = dy, is the exception callers handle).
inline long double exact_derivative(Activation op, long double x, const ActivationParams& p,
                                    long double prelu_alpha) {
  if (std::isnan(x)) return x;
  if (std::isinf(x)) return limit_derivative(op, x > 0, p, prelu_alpha);
  switch (op) {
    case Activation::kLinear:
      return 1.0L;
    case Activation::kRelu:
      return x > 0 ? 1.0L : 0.0L;
    case Activation::kLeakyRelu:
      return x > 0 ? 1.0L : wide(p.slope);
    case Activation::kPrelu:
      return x > 0 ? 1.0L : prelu_alpha;
    case Activation::kElu:
      return x > 0 ? 1.0L : wide(p.alpha) * std::exp(x);
    case Activation::kGelu:
      return 0.5L * std::erfc(-x * kSqrt1_2L) + x * kInvSqrt2PiL * std::exp(-0.5L * x * x);
    case Activation::kGeluTanh: {
      const long double du = kSqrt2OverPiL * (1.0L + 3.0L * kGeluTanhCubicL * x * x);
      const long double two_u = 2.0L * gelu_tanh_u_l(x);
      return sigmoid_l(two_u) + 2.0L * x * sigmoid_slope_l(two_u) * du;
    }
    case Activation::kSilu:
      return sigmoid_l(x) + x * sigmoid_slope_l(x);
    case Activation::kSoftplus:
      return softplus_linear(x, p) ? 1.0L : sigmoid_l(x * wide(p.beta));
    case Activation::kSigmoid:
      return sigmoid_slope_l(x);
    case Activation::kTanh: {
      const long double c = std::cosh(x);
      return 1.0L / (c * c);
    }
  }
  return std::numeric_limits<long double>::quiet_NaN();
}

}  // namespace relu_test
