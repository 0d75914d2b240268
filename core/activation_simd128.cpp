// wasm SIMD128 kernels (wasm_simd128.h). Scaffold: replaced by the real kernels.
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include "activation_kernels.h"

namespace relu {
#define RELU_ACTIVATION(Name, name, forward_ulp, backward_ulp)                                  \
  void name##_forward_simd128(float* y, const float* x, size_t n, const ActivationParams& p) { \
    name##_forward_scalar(y, x, n, p);                                                          \
  }                                                                                             \
  void name##_backward_simd128(float* dx, const float* dy, const float* x, const float* y,     \
                               size_t n, const ActivationParams& p) {                           \
    name##_backward_scalar(dx, dy, x, y, n, p);                                                 \
  }
#include "activation_list.inc"
#undef RELU_ACTIVATION
}  // namespace relu
#endif
