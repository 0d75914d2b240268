// The one place that chooses between the scalar reference and the SIMD kernels. Wasm cannot
// pick at run time (a module with SIMD fails to validate without it), so the choice is made at
// compile time and the page loads one of two builds.
#include "kernels/activation.h"
#include "kernels/activation_kernels.h"

namespace relu {

const KernelTable& kernels_scalar() {
  static constexpr KernelTable kTable = {"scalar",
                                         {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) name##_forward_scalar,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
                                         },
                                         {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) name##_backward_scalar,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
                                         }};
  return kTable;
}

#if defined(__wasm_simd128__)
const KernelTable& kernels_best() {
  static constexpr KernelTable kTable = {"simd128",
                                         {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) name##_forward_simd128,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
                                         },
                                         {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) name##_backward_simd128,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
                                         }};
  return kTable;
}
#else
const KernelTable& kernels_best() { return kernels_scalar(); }
#endif

}  // namespace relu
