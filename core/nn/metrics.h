// Per-network metrics after an epoch: loss and accuracy (R^2 for a regression) on train and test,
// dead units,
// sparsity, PReLU alphas, gradient norm and divergence. It reads a Network and a Dataset and
// changes only the network's forward activations; training and the arena live elsewhere.
#pragma once

#include <cstddef>
#include <cstdint>

#include "nn/dataset.h"
#include "nn/network.h"
#include "nn/unit_activity.h"

namespace relu {

struct NetworkMetrics {
  uint64_t epoch = 0;           // completed epochs of this network (stops when it diverges)
  double train_loss = 0.0;      // the mean loss over the train rows (mlp_loss: BCE or MSE)
  double test_loss = 0.0;       // the same over the test rows
  double train_accuracy = 0.0;  // fraction with (logit > 0) == (label == 1); NaN counts wrong;
  double test_accuracy = 0.0;   // NaN for a regression (it has no classes)
  // Dead units: inactive on every training row (units_mark_active's definition).
  int dead_units = 0;
  int dead_per_layer[kMlpMaxHiddenLayers] = {};
  UnitMask dead;         // per unit: dead on the training rows
  UnitMask silent_test;  // per unit: inactive on every test row (the same definition)
  int units = 0;         // hidden units in total
  int units_per_layer[kMlpMaxHiddenLayers] = {};
  double sparsity = 0.0;  // fraction of exact-zero hidden outputs over train rows x units
  // PReLU alphas of each hidden layer (alpha_counts[l] = 0 if layer l is not prelu).
  int hidden_layers = 0;
  int alpha_counts[kMlpMaxHiddenLayers] = {};
  float alphas[kMlpMaxHiddenLayers][kMlpMaxUnits] = {};
  double grad_norm = 0.0;  // of the last optimizer step, before clipping (0 before training)
  // Per-layer signals, over the training rows in evaluation mode (as the dead units):
  // mean_activation[l]: mean of hidden layer l's outputs (post-activation) over rows x units;
  // active_fraction[l]: the share of those outputs that are not exactly zero;
  // grad_norm_per_layer[l]: layer l's weight-gradient norm (hidden layers, then the output
  // layer at index hidden_layers), the network's LayerGradNorms::rms: the RMS over the last
  // epoch's steps, before training the full-batch gradient at the initial weights.
  double mean_activation[kMlpMaxHiddenLayers] = {};
  double active_fraction[kMlpMaxHiddenLayers] = {};
  double grad_norm_per_layer[kMlpMaxLayers] = {};
  bool diverged = false;        // a NaN/inf loss, gradient norm or weight was seen
  uint64_t diverged_epoch = 0;  // the epoch during which it was seen (valid if diverged)
  // Regression: R^2 = 1 - (sum of squared errors) / (sum of squared deviations of the targets
  // from their mean), over the train and the test rows (sklearn's r2_score); NaN for a
  // classification, and for rows whose targets are all equal.
  double train_r2 = 0.0;
  double test_r2 = 0.0;
};

// True if every parameter (weights, biases, alphas) of the network is finite.
bool network_params_finite(const Network& net);

// Fills the measured fields of *out (everything but epoch, diverged and diverged_epoch, which
// the caller tracks) from one chunked pass over data: train rows [0, train_count) then test
// rows. Overwrites the network's forward activations; allocates nothing. The loss is
// mlp_loss's (double, libm-free), so it is bit-identical natively and in wasm.
void metrics_compute(NetworkMetrics* out, Network* net, const Dataset& data);

// The test score metrics_compute would report (test accuracy, or test R^2 for a regression),
// from a forward pass over the test rows alone (chunked as metrics_compute chunks them, so the
// outputs are the same bit for bit): the cheap per-epoch check of a many-seed study. Overwrites
// the network's forward activations.
double metrics_test_score(Network* net, const Dataset& data);
// The same score from computed metrics.
double metrics_score(const NetworkMetrics& m, const Dataset& data);

}  // namespace relu
