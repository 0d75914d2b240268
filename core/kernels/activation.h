// Elementwise activation kernels: the op enum, their parameters and the contract every kernel
// keeps. Semantics are PyTorch's (see README "Conventions"); this header has no platform code.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace relu {

enum class Activation : int {
#define RELU_ACTIVATION(Name, name, forward_ulp, backward_ulp) k##Name,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};

inline constexpr int kActivationCount = 0
#define RELU_ACTIVATION(Name, name, forward_ulp, backward_ulp) +1
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
    ;

// Parameters of the parametrised ops; the others ignore them. Defaults are PyTorch's, except
// PReLU's alphas, which the caller owns (a trainable parameter, init 0.25 in torch).
struct ActivationParams {
  float slope = 0.01f;      // leaky_relu: negative_slope
  float alpha = 1.0f;       // elu: alpha
  float beta = 1.0f;        // softplus: beta (> 0)
  float threshold = 20.0f;  // softplus: beyond beta*x > threshold it is the identity
  // prelu: `prelu_channels` alphas; x is read as (n / prelu_channels, prelu_channels) row-major,
  // so element i uses prelu_alpha[i % prelu_channels]. One channel means one shared alpha.
  const float* prelu_alpha = nullptr;
  size_t prelu_channels = 1;
};

// Every kernel has one of these two signatures (outputs, inputs, count, params).
// forward:  y[i] = f(x[i]).
// backward: dx[i] = dy[i] * f'(x[i]); y is the forward output for the same x (kernels whose
//           derivative is cheaper or more accurate from y may use it).
// Contract: reads and writes exactly n elements of each buffer, no alignment required, and
// in-place use (y == x, dx == dy) is allowed. Buffers may be owned by JS.
using ForwardKernel = void (*)(float* y, const float* x, size_t n, const ActivationParams& params);
using BackwardKernel = void (*)(float* dx, const float* dy, const float* x, const float* y,
                                size_t n, const ActivationParams& params);

struct KernelTable {
  const char* backend;  // "scalar" or "simd128"
  ForwardKernel forward[kActivationCount];
  BackwardKernel backward[kActivationCount];
};

// The name JS and JSON use for an op ("leaky_relu"), and its inverse.
const char* activation_name(Activation op);
bool activation_from_name(std::string_view name, Activation* op);

// Returns "" if params are valid for op, else a message naming the parameter. PReLU alphas are
// checked by their owner (ActivationCall, the Mlp).
std::string validate_activation_params(Activation op, const ActivationParams& params);

// Kernel tables. kernels_scalar() is the reference and always exists; kernels_best() is the
// table the build selected (activation_dispatch.cpp is the only place that chooses).
const KernelTable& kernels_scalar();
const KernelTable& kernels_best();

// Convenience over kernels_best().
void activation_forward(Activation op, float* y, const float* x, size_t n,
                        const ActivationParams& params);
void activation_backward(Activation op, float* dx, const float* dy, const float* x, const float* y,
                         size_t n, const ActivationParams& params);

// PReLU's gradient for its alphas, accumulated (+=) into dalpha[params.prelu_channels]:
// dalpha[c] += sum over elements i of channel c of dy[i] * min(x[i], 0)  (x <= 0 counts x).
// Summed in double so the result does not depend on the batch's order of magnitude.
void prelu_alpha_backward(float* dalpha, const float* dy, const float* x, size_t n,
                          const ActivationParams& params);

}  // namespace relu
