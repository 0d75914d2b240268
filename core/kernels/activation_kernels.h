// Declarations of every named kernel (<op>_<pass>_<isa>), generated from activation_list.inc.
// Private to core/: callers use the tables in activation.h, built in activation_dispatch.cpp.
#pragma once

#include "kernels/activation.h"

namespace relu {

#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp)                            \
  void name##_forward_scalar(float* y, const float* x, size_t n, const ActivationParams& params);  \
  void name##_backward_scalar(float* dx, const float* dy, const float* x, const float* y,          \
                              size_t n, const ActivationParams& params);                           \
  void name##_forward_simd128(float* y, const float* x, size_t n, const ActivationParams& params); \
  void name##_backward_simd128(float* dx, const float* dy, const float* x, const float* y,         \
                               size_t n, const ActivationParams& params);
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION

}  // namespace relu
