// Per-layer weight-gradient norms over an epoch's steps; see layer_grad_norms.h.
#include "nn/layer_grad_norms.h"

#include <cmath>

namespace relu {

void layer_grad_norms_add(LayerGradNorms* norms, const Mlp& mlp) {
  for (int l = 0; l < mlp.layer_count && l < kMlpMaxLayers; ++l) {
    const LayerTensors grads = mlp_layer_tensors(mlp, l, mlp.grads);
    const int count = grads.in * grads.out;
    // In double: 8 x 8 squares in float would already round, and the sum runs over an epoch.
    double sum = 0.0;
    for (int k = 0; k < count; ++k) {
      const double g = static_cast<double>(grads.W[k]);
      sum += g * g;
    }
    norms->sum_sq[l] += sum;
  }
  ++norms->steps;
}

void layer_grad_norms_close(LayerGradNorms* norms) {
  if (norms->steps == 0) return;
  for (int l = 0; l < kMlpMaxLayers; ++l) {
    norms->rms[l] = std::sqrt(norms->sum_sq[l] / norms->steps);
    norms->sum_sq[l] = 0.0;
  }
  norms->steps = 0;
}

void layer_grad_norms_reset(LayerGradNorms* norms) { *norms = LayerGradNorms(); }

}  // namespace relu
