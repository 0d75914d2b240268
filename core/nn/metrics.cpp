// Metrics of one network over a dataset in one chunked forward pass; see metrics.h.
#include "nn/metrics.h"

#include <algorithm>
#include <cmath>

#include "kernels/activation.h"

namespace relu {

namespace {

constexpr int kChunk = 256;  // rows per forward; the derivative scratch lives on the stack

// Loss and accuracy sums over one set of rows.
struct Tally {
  double loss = 0.0;
  size_t correct = 0;
  size_t rows = 0;
};

void tally_chunk(Tally* tally, const Mlp& mlp, const float* labels, int count) {
  tally->loss += mlp_loss(mlp, labels) * count;
  const float* logits = mlp_logits(mlp);
  for (int b = 0; b < count; ++b) {
    // A NaN logit predicts nothing: it counts as wrong for either label.
    const bool predicted = logits[b] > 0.0f;
    const bool actual = labels[b] > 0.5f;
    if (!std::isnan(logits[b]) && predicted == actual) ++tally->correct;
  }
  tally->rows += static_cast<size_t>(count);
}

// Marks the hidden units of the last forward that have a non-zero derivative somewhere in it,
// and counts their exact-zero outputs. The derivative is the layer's own backward kernel with
// dy = 1, so this works for every activation without knowing its shape.
void scan_hidden(bool alive[][kMlpMaxUnits], size_t* zeros, const Mlp& mlp, int count) {
  float ones[kChunk];
  float derivative[kChunk];
  std::fill(ones, ones + count, 1.0f);
  const KernelTable& kernels = kernels_best();
  for (int l = 0; l + 1 < mlp.layer_count; ++l) {
    const MlpLayer& layer = mlp.layers[l];
    const ActivationView view = mlp_activations(mlp, l);
    const float* alphas = mlp_layer_tensors(mlp, l, mlp.params).alpha;
    for (int o = 0; o < layer.out; ++o) {
      const size_t row = static_cast<size_t>(o) * static_cast<size_t>(view.stride);
      const float* z = view.z + row;
      const float* a = view.a + row;
      for (int b = 0; b < count; ++b) *zeros += a[b] == 0.0f ? 1u : 0u;
      if (alive[l][o]) continue;
      ActivationParams params = layer.params;
      if (layer.activation == Activation::kPrelu) {
        // One row is one unit: its alpha, as a single channel.
        params.prelu_alpha = alphas + (layer.alpha_count > 1 ? o : 0);
        params.prelu_channels = 1;
      }
      kernels.backward[static_cast<int>(layer.activation)](derivative, ones, z, a,
                                                           static_cast<size_t>(count), params);
      for (int b = 0; b < count; ++b) {
        if (derivative[b] != 0.0f) {
          alive[l][o] = true;
          break;
        }
      }
    }
  }
}

double mean_or_zero(double sum, size_t n) { return n == 0 ? 0.0 : sum / static_cast<double>(n); }

}  // namespace

bool network_params_finite(const Network& net) {
  const float* p = net.mlp.params;
  for (size_t i = 0; i < net.mlp.param_count; ++i) {
    if (!std::isfinite(p[i])) return false;
  }
  return true;
}

void metrics_compute(NetworkMetrics* out, Network* net, const Dataset& data) {
  Mlp& mlp = net->mlp;
  const int hidden = mlp.layer_count > 0 ? mlp.layer_count - 1 : 0;
  bool alive[kMlpMaxHiddenLayers][kMlpMaxUnits] = {};
  size_t zeros = 0;
  Tally train;
  Tally test;
  const int chunk = std::min(kChunk, mlp.max_batch);
  const int train_rows = std::clamp(data.train_count, 0, data.count);
  int start = 0;
  while (chunk > 0 && start < data.count) {
    // Chunks never straddle the split, so each forward is all train or all test.
    const bool in_train = start < train_rows;
    const int end = std::min(start + chunk, in_train ? train_rows : data.count);
    const int count = end - start;
    const size_t offset = static_cast<size_t>(start);
    if (!mlp_forward(&mlp, data.points.data() + 2 * offset, count)) break;
    if (in_train) {
      tally_chunk(&train, mlp, data.labels.data() + offset, count);
      scan_hidden(alive, &zeros, mlp, count);
    } else {
      tally_chunk(&test, mlp, data.labels.data() + offset, count);
    }
    start = end;
  }
  out->train_loss = mean_or_zero(train.loss, train.rows);
  out->test_loss = mean_or_zero(test.loss, test.rows);
  out->train_accuracy = mean_or_zero(static_cast<double>(train.correct), train.rows);
  out->test_accuracy = mean_or_zero(static_cast<double>(test.correct), test.rows);
  out->hidden_layers = hidden;
  out->units = 0;
  out->dead_units = 0;
  for (int l = 0; l < kMlpMaxHiddenLayers; ++l) {
    out->dead_per_layer[l] = 0;
    out->alpha_counts[l] = 0;
    if (l >= hidden) continue;
    const LayerTensors tensors = mlp_layer_tensors(mlp, l, mlp.params);
    out->units += tensors.out;
    for (int o = 0; o < tensors.out; ++o) out->dead_per_layer[l] += alive[l][o] ? 0 : 1;
    out->dead_units += out->dead_per_layer[l];
    out->alpha_counts[l] = tensors.alpha_count;
    for (int k = 0; k < tensors.alpha_count; ++k) out->alphas[l][k] = tensors.alpha[k];
  }
  out->sparsity =
      mean_or_zero(static_cast<double>(zeros), train.rows * static_cast<size_t>(out->units));
  out->grad_norm = net->grad_norm;
}

}  // namespace relu
