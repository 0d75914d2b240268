// Per-layer weight-gradient norms over an epoch's optimizer steps: the signal that shows a
// gradient vanishing on its way to the first layers. Accumulated by network.cpp's training loop;
// the metrics record reports the last completed epoch's values. Biases and alphas are left out.
#pragma once

#include "nn/mlp.h"

namespace relu {

// For layer l (hidden layers, then the output layer): rms[l] = sqrt(mean over the steps of an
// epoch of ||dW_l||^2), dW_l the gradient of that step's mini-batch mean loss with respect to
// layer l's weights (torch: layer.weight.grad after loss.backward()), before regularisation and
// clipping. With one step per epoch (full batch) rms[l] is that step's Frobenius norm
// (torch.linalg.norm(layer.weight.grad)).
struct LayerGradNorms {
  double sum_sq[kMlpMaxLayers] = {};  // the epoch in progress
  int steps = 0;                      // steps added in the epoch in progress
  double rms[kMlpMaxLayers] = {};     // the last closed epoch's; 0 before the first
};

// Adds one step's gradients (mlp.grads, as backward left them) to the epoch in progress.
void layer_grad_norms_add(LayerGradNorms* norms, const Mlp& mlp);

// Ends the epoch in progress: rms from its steps (unchanged if it had none), sums cleared.
void layer_grad_norms_close(LayerGradNorms* norms);

// Clears everything (a new optimizer state or new weights).
void layer_grad_norms_reset(LayerGradNorms* norms);

}  // namespace relu
