// The dead/silent unit definition; see unit_activity.h.
#include "nn/unit_activity.h"

#include <algorithm>

#include "kernels/activation.h"

namespace relu {

void units_mark_active(UnitMask* active, const Mlp& mlp, int count) {
  constexpr int kBlock = 256;  // the derivative scratch lives on the stack
  float ones[kBlock];
  float derivative[kBlock];
  std::fill(ones, ones + kBlock, 1.0f);
  const KernelTable& kernels = kernels_best();
  for (int l = 0; l + 1 < mlp.layer_count; ++l) {
    const MlpLayer& layer = mlp.layers[l];
    const ActivationView view = mlp_activations(mlp, l);
    const float* alphas = mlp_layer_tensors(mlp, l, mlp.params).alpha;
    ActivationParams params = layer.params;
    for (int o = 0; o < layer.out; ++o) {
      bool* flag = &active->unit[l][o];
      if (layer.activation == Activation::kPrelu) {
        // One row is one unit: its alpha, as a single channel.
        params.prelu_alpha = alphas + (layer.alpha_count > 1 ? o : 0);
        params.prelu_channels = 1;
      }
      const size_t row = static_cast<size_t>(o) * static_cast<size_t>(view.stride);
      for (int first = 0; first < count && !*flag; first += kBlock) {
        const int n = std::min(kBlock, count - first);
        const size_t at = row + static_cast<size_t>(first);
        kernels.backward[static_cast<int>(layer.activation)](
            derivative, ones, view.z + at, view.a + at, static_cast<size_t>(n), params);
        for (int b = 0; b < n && !*flag; ++b) *flag = derivative[b] != 0.0f;
      }
    }
  }
}

}  // namespace relu
