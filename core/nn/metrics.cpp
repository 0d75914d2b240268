// Metrics of one network over a dataset in one chunked forward pass; see metrics.h.
#include "nn/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kernels/activation.h"

namespace relu {

namespace {

constexpr int kChunk = 256;  // rows per forward

// Loss, accuracy and R^2 sums over one set of rows.
struct Tally {
  double loss = 0.0;
  size_t correct = 0;
  size_t rows = 0;
  double squared_error = 0.0;  // sum (z - t)^2 (regression)
  double target_sum = 0.0;     // sum t and sum t^2 (regression)
  double target_squares = 0.0;
};

// 1 - SSE / SST with SST = sum t^2 - (sum t)^2 / n (targets are O(1), so the difference keeps
// its digits in double); NaN without rows or when every target is the same.
double r2_of(const Tally& t) {
  const double n = static_cast<double>(t.rows);
  const double total = t.target_squares - t.target_sum * t.target_sum / n;
  if (t.rows == 0 || !(total > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return 1.0 - t.squared_error / total;
}

// The score's sums of one forward's rows (correct predictions, or a regression's errors and
// targets), without the loss: the per-epoch check of a study needs only these.
void score_chunk(Tally* tally, const Mlp& mlp, const float* labels, int count) {
  const float* logits = mlp_logits(mlp);
  if (mlp.config.loss == Loss::kMse) {
    for (int b = 0; b < count; ++b) {
      const double t = static_cast<double>(labels[b]);
      const double d = static_cast<double>(logits[b]) - t;
      tally->squared_error += d * d;
      tally->target_sum += t;
      tally->target_squares += t * t;
    }
    tally->rows += static_cast<size_t>(count);
    return;
  }
  for (int b = 0; b < count; ++b) {
    // A NaN logit predicts nothing: it counts as wrong for either label.
    const bool predicted = logits[b] > 0.0f;
    const bool actual = labels[b] > 0.5f;
    if (!std::isnan(logits[b]) && predicted == actual) ++tally->correct;
  }
  tally->rows += static_cast<size_t>(count);
}

void tally_chunk(Tally* tally, const Mlp& mlp, const float* labels, int count) {
  tally->loss += mlp_loss(mlp, labels) * count;
  score_chunk(tally, mlp, labels, count);
}

// Per hidden layer, over the training rows: the sum of the outputs and the count of exact zeros.
struct OutputTally {
  double sum[kMlpMaxHiddenLayers] = {};
  size_t zeros[kMlpMaxHiddenLayers] = {};
};

void tally_outputs(OutputTally* tally, const Mlp& mlp, int count) {
  for (int l = 0; l + 1 < mlp.layer_count; ++l) {
    const ActivationView view = mlp_activations(mlp, l);
    double sum = 0.0;
    size_t zeros = 0;
    for (int o = 0; o < mlp.layers[l].out; ++o) {
      const float* a = view.a + static_cast<size_t>(o) * static_cast<size_t>(view.stride);
      for (int b = 0; b < count; ++b) {
        sum += static_cast<double>(a[b]);
        zeros += a[b] == 0.0f ? 1u : 0u;
      }
    }
    tally->sum[l] += sum;
    tally->zeros[l] += zeros;
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
  UnitMask active_train;
  UnitMask active_test;
  OutputTally outputs;
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
      units_mark_active(&active_train, mlp, count);
      tally_outputs(&outputs, mlp, count);
    } else {
      tally_chunk(&test, mlp, data.labels.data() + offset, count);
      units_mark_active(&active_test, mlp, count);
    }
    start = end;
  }
  out->train_loss = mean_or_zero(train.loss, train.rows);
  out->test_loss = mean_or_zero(test.loss, test.rows);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const bool regression = mlp.config.loss == Loss::kMse;
  out->train_accuracy =
      regression ? nan : mean_or_zero(static_cast<double>(train.correct), train.rows);
  out->test_accuracy =
      regression ? nan : mean_or_zero(static_cast<double>(test.correct), test.rows);
  out->train_r2 = regression ? r2_of(train) : nan;
  out->test_r2 = regression ? r2_of(test) : nan;
  out->hidden_layers = hidden;
  out->units = 0;
  out->dead_units = 0;
  size_t zeros = 0;
  for (int l = 0; l < kMlpMaxLayers; ++l) {
    out->grad_norm_per_layer[l] = l <= hidden ? net->layer_grads.rms[l] : 0.0;
  }
  for (int l = 0; l < kMlpMaxHiddenLayers; ++l) {
    out->mean_activation[l] = 0.0;
    out->active_fraction[l] = 0.0;
    out->dead_per_layer[l] = 0;
    out->alpha_counts[l] = 0;
    out->units_per_layer[l] = 0;
    for (int o = 0; o < kMlpMaxUnits; ++o) {
      out->dead.unit[l][o] = false;
      out->silent_test.unit[l][o] = false;
    }
    if (l >= hidden) continue;
    const LayerTensors tensors = mlp_layer_tensors(mlp, l, mlp.params);
    out->units += tensors.out;
    out->units_per_layer[l] = tensors.out;
    for (int o = 0; o < tensors.out; ++o) {
      out->dead.unit[l][o] = !active_train.unit[l][o];
      out->silent_test.unit[l][o] = !active_test.unit[l][o];
      out->dead_per_layer[l] += out->dead.unit[l][o] ? 1 : 0;
    }
    out->dead_units += out->dead_per_layer[l];
    zeros += outputs.zeros[l];
    const size_t outputs_l = train.rows * static_cast<size_t>(tensors.out);
    out->mean_activation[l] = mean_or_zero(outputs.sum[l], outputs_l);
    out->active_fraction[l] =
        outputs_l == 0 ? 0.0 : 1.0 - mean_or_zero(static_cast<double>(outputs.zeros[l]), outputs_l);
    out->alpha_counts[l] = tensors.alpha_count;
    for (int k = 0; k < tensors.alpha_count; ++k) out->alphas[l][k] = tensors.alpha[k];
  }
  out->sparsity =
      mean_or_zero(static_cast<double>(zeros), train.rows * static_cast<size_t>(out->units));
  out->grad_norm = net->grad_norm;
}

double metrics_test_score(Network* net, const Dataset& data) {
  Mlp& mlp = net->mlp;
  const int chunk = std::min(kChunk, mlp.max_batch);
  const int train_rows = std::clamp(data.train_count, 0, data.count);
  Tally test;
  for (int start = train_rows; chunk > 0 && start < data.count;) {
    const int count = std::min(chunk, data.count - start);
    const size_t offset = static_cast<size_t>(start);
    if (!mlp_forward(&mlp, data.points.data() + 2 * offset, count)) break;
    score_chunk(&test, mlp, data.labels.data() + offset, count);
    start += count;
  }
  if (mlp.config.loss == Loss::kMse) return r2_of(test);
  return mean_or_zero(static_cast<double>(test.correct), test.rows);
}

double metrics_score(const NetworkMetrics& m, const Dataset& data) {
  return data.regression ? m.test_r2 : m.test_accuracy;
}

}  // namespace relu
