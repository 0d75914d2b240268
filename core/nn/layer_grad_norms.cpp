// Per-layer weight-gradient norms over an epoch's steps; see layer_grad_norms.h.
#include "nn/layer_grad_norms.h"

#include <cmath>

namespace relu {

void layer_grad_norms_add(LayerGradNorms* norms, const Mlp& mlp) {
  for (int l = 0; l < mlp.layer_count && l < kMlpMaxLayers; ++l) {
    const LayerTensors grads = mlp_layer_tensors(mlp, l, mlp.grads);
    const int count = grads.in * grads.out;
    // Four float partial sums over the layer (a few dozen to 256 squares, so float keeps ~7
    // digits), in a fixed order so every build gives the same bits; the compiler turns the four
    // lanes into one SIMD register. The epoch's sum is in double. A double loop cost 6% of a
    // batch-10 epoch in wasm (bench:train's layer_signals line).
    float lane[4] = {};
    int k = 0;
    for (; k + 4 <= count; k += 4) {
      for (int j = 0; j < 4; ++j) lane[j] += grads.W[k + j] * grads.W[k + j];
    }
    for (; k < count; ++k) lane[0] += grads.W[k] * grads.W[k];
    norms->sum_sq[l] += static_cast<double>((lane[0] + lane[1]) + (lane[2] + lane[3]));
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
