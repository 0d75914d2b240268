// Elementwise activation kernels: the op enum, their parameters and the contract every kernel
// keeps. Semantics are PyTorch's (see README "Conventions"); this header has no platform code.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace relu {

enum class Activation : int {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) k##Name,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};

inline constexpr int kActivationCount = 0
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) +1
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
    ;

// PReLU: one alpha per layer (torch.nn.PReLU(num_parameters=1)) or one per unit
// (num_parameters=units). JSON "mode": kPreluModeNames.
enum class PreluMode : int { kShared, kChannel };
inline constexpr const char* kPreluModeNames[] = {"shared", "channel"};

// Parameters of the parametrised ops (one member per row of activation_params.inc, with its
// default); the others ignore them.
struct ActivationParams {
#define RELU_ACTIVATION_PARAM(Op, key, member, Type, init, min, max, rule, use, meaning) \
  Type member = init;
#include "kernels/activation_params.inc"
#undef RELU_ACTIVATION_PARAM
  // prelu at run time: `prelu_channels` alphas, owned by the caller (the Mlp, ActivationCall);
  // x is read as (n / prelu_channels, prelu_channels) row-major, so element i uses
  // prelu_alpha[i % prelu_channels]. One channel means one shared alpha.
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

// The name JS and JSON use for an op ("leaky_relu"), and its inverse; the name shown to people
// ("Leaky ReLU").
const char* activation_name(Activation op);
const char* activation_display_name(Activation op);
bool activation_from_name(std::string_view name, Activation* op);

// Returns "" if params pass the hard constraint of every row of op in activation_params.inc,
// else "<key>: <what>" (e.g. "beta: must be > 0"). PReLU alphas are checked by their owner
// (ActivationCall, the Mlp). Defined in activation_params.cpp.
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
