// The MLP's arena layout, forward and backward (see mlp.h). The dense loops run over the
// batch lanes of feature-major activations so that they auto-vectorise without reassociating
// any sum: native and wasm builds compute every value in the same order, bit for bit.
// Legend: B batch, I inputs of a layer, O units of a layer, S = B rounded up to 4.
#include "nn/mlp.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/name_table.h"
#include "base/portable_math.h"
#include "nn/batch_norm.h"
#include "nn/dropout.h"

namespace relu {

namespace {

size_t round_up(size_t n, size_t multiple) { return (n + multiple - 1) / multiple * multiple; }

// z (O, S) = W (O, I) in (I, S) + b (O). Each z[o][s] sums b, then i = 0..I-1 in order.
// Blocks of 4 lanes keep the sums in registers; the unrolled k loops become one SIMD op each
// (SLP vectoriser) without changing any order, so scalar and SIMD builds agree bit for bit.
void linear_forward(float* z, const float* in, const float* W, const float* b, int I, int O,
                    int S) {
  for (int o = 0; o < O; ++o) {
    const float* Wo = W + o * I;
    for (int s = 0; s < S; s += 4) {
      float acc[4] = {b[o], b[o], b[o], b[o]};
      for (int i = 0; i < I; ++i) {
        const float w = Wo[i];
        const float* row = in + i * S + s;
        for (int k = 0; k < 4; ++k) acc[k] += w * row[k];
      }
      for (int k = 0; k < 4; ++k) z[o * S + s + k] = acc[k];
    }
  }
}

// sum over s < S of u[s] in a fixed order: four interleaved partial sums (lane k takes
// s = k mod 4), then (p0 + p1) + (p2 + p3). S is a multiple of 4. Written so the vectoriser
// keeps the order, hence identical results with and without SIMD.
float sum_lanes(const float* u, int S) {
  float p[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  for (int s = 0; s < S; s += 4) {
    for (int k = 0; k < 4; ++k) p[k] += u[s + k];
  }
  return (p[0] + p[1]) + (p[2] + p[3]);
}

// dW (O, I) += dz (O, S) in (I, S)^T, db (O) += dz summed over S, and, if din is not null,
// din (I, S) = W^T dz (overwritten). Padding lanes of dz are 0, so they add nothing.
// dW's sums over S use the order of sum_lanes; the four partial sums of every weight go to
// lanes (O * I * 4 floats) first, so that the final pairwise adds run as one vector loop
// instead of a horizontal reduction per weight.
void linear_backward(float* din, float* dW, float* db, float* lanes, const float* dz,
                     const float* in, const float* W, int I, int O, int S) {
  for (int o = 0; o < O; ++o) {
    const float* dzo = dz + o * S;
    db[o] += sum_lanes(dzo, S);
    for (int i = 0; i < I; ++i) {
      const float* row = in + i * S;
      float p[4] = {0.0f, 0.0f, 0.0f, 0.0f};
      for (int s = 0; s < S; s += 4) {
        for (int k = 0; k < 4; ++k) p[k] += dzo[s + k] * row[s + k];
      }
      for (int k = 0; k < 4; ++k) lanes[(o * I + i) * 4 + k] = p[k];
    }
  }
  for (int w = 0; w < O * I; ++w) {
    const float* p = lanes + 4 * w;
    dW[w] += (p[0] + p[1]) + (p[2] + p[3]);
  }
  if (din == nullptr) return;
  for (int i = 0; i < I; ++i) {
    for (int s = 0; s < S; s += 4) {
      float acc[4] = {0.0f, 0.0f, 0.0f, 0.0f};
      for (int o = 0; o < O; ++o) {
        const float w = W[o * I + i];
        const float* row = dz + o * S + s;
        for (int k = 0; k < 4; ++k) acc[k] += w * row[k];
      }
      for (int k = 0; k < 4; ++k) din[i * S + s + k] = acc[k];
    }
  }
}

// a (O, S) = f(z). PReLU per unit: the kernel's channel is i % channels over a row-major
// (B, O) buffer, ours are feature-major rows, so each row gets its own one-alpha call.
void activation_layer_forward(const MlpLayer& layer, float* a, const float* z, const float* alpha,
                              int S) {
  ActivationParams params = layer.params;
  params.prelu_channels = 1;
  if (layer.activation == Activation::kPrelu && layer.alpha_count > 1) {
    for (int o = 0; o < layer.out; ++o) {
      params.prelu_alpha = alpha + o;
      activation_forward(layer.activation, a + o * S, z + o * S, static_cast<size_t>(S), params);
    }
    return;
  }
  params.prelu_alpha = alpha;
  activation_forward(layer.activation, a, z, static_cast<size_t>(layer.out) * S, params);
}

// da (O, S) becomes dz = da * f'(z) in place; dalpha += PReLU's alpha gradient (from da
// before it is overwritten).
void activation_layer_backward(const MlpLayer& layer, float* da, const float* z, const float* a,
                               const float* alpha, float* dalpha, int S) {
  ActivationParams params = layer.params;
  params.prelu_channels = 1;
  const bool per_unit = layer.activation == Activation::kPrelu && layer.alpha_count > 1;
  const int calls = per_unit ? layer.out : 1;
  const size_t n = static_cast<size_t>(per_unit ? 1 : layer.out) * static_cast<size_t>(S);
  for (int c = 0; c < calls; ++c) {
    const size_t offset = static_cast<size_t>(c) * n;
    params.prelu_alpha = alpha == nullptr ? nullptr : alpha + c;
    if (layer.activation == Activation::kPrelu) {
      prelu_alpha_backward(dalpha + c, da + offset, z + offset, n, params);
    }
    activation_backward(layer.activation, da + offset, da + offset, z + offset, a + offset, n,
                        params);
  }
}

// Hands out the arena's blocks in order, each starting on a 64-byte boundary: with no base it
// only counts the floats (every pointer it gives is null), with the allocation it points.
class Carver {
 public:
  explicit Carver(float* base) : base_(base) {}
  float* take(size_t n) {
    float* block = base_ == nullptr ? nullptr : base_ + used_;
    used_ += aligned_float_count(n);
    return block;
  }
  // Element k of a block take() returned (null while counting).
  static float* at(float* block, size_t k) { return block == nullptr ? nullptr : block + k; }
  size_t used() const { return used_; }

 private:
  float* base_;
  size_t used_ = 0;
};

// The arena's layout (mlp.h), walked once by mlp_build to size the allocation (base null) and
// once to point every buffer into it (base its data), so size and pointers cannot disagree.
// Needs the layers' shapes and param_count; returns the floats used.
size_t mlp_carve(Mlp* mlp, float* base, size_t S_max) {
  Carver carve(base);
  mlp->params = carve.take(mlp->param_count);
  mlp->grads = carve.take(mlp->param_count);
  mlp->m = carve.take(mlp->param_count);
  mlp->v = carve.take(mlp->param_count);
  size_t stats_count = 0;
  size_t lanes_count = 0;  // 4 partial sums per weight of the largest layer
  for (int l = 0; l < mlp->layer_count; ++l) {
    const MlpLayer& layer = mlp->layers[l];
    if (layer.batch_norm) stats_count += 2 * static_cast<size_t>(layer.out);
    lanes_count = std::max(lanes_count, static_cast<size_t>(4 * layer.out * layer.in));
  }
  mlp->stats = carve.take(stats_count);
  mlp->x = carve.take(static_cast<size_t>(mlp->layers[0].in) * S_max);
  mlp->lanes = carve.take(lanes_count);
  size_t stats = 0;
  for (int l = 0; l < mlp->layer_count; ++l) {
    MlpLayer& layer = mlp->layers[l];
    const size_t out = static_cast<size_t>(layer.out);
    layer.z = carve.take(out * S_max);
    // A linear layer's a is its z: no copy in forward, nothing to undo in backward.
    layer.a = layer.activation == Activation::kLinear ? layer.z : carve.take(out * S_max);
    layer.da = carve.take(out * S_max);
    if (layer.batch_norm) {
      layer.running_mean = Carver::at(mlp->stats, stats);
      layer.running_var = Carver::at(mlp->stats, stats + out);
      stats += 2 * out;
      layer.xhat = carve.take(out * S_max);
      layer.bn_mean = carve.take(out);
      layer.bn_invstd = carve.take(out);
    }
    if (layer.dropout > 0.0f) {
      layer.mask = carve.take(out * S_max);
      layer.dropped = carve.take(out * S_max);
    }
  }
  return carve.used();
}

constexpr const char* kLossNames[kLossCount] = {"bce", "mse"};

}  // namespace

const char* loss_name(Loss loss) { return name_of(kLossNames, loss); }

bool loss_from_name(std::string_view name, Loss* loss) { return value_of(kLossNames, name, loss); }

bool mlp_features_are_raw(const MlpConfig& config) {
  return config.features.size() == 2 && config.features[0] == InputFeature::kX1 &&
         config.features[1] == InputFeature::kX2;
}

std::string mlp_validate(const MlpConfig& config) {
  if (std::string error = input_features_validate(config.features); !error.empty()) return error;
  const int loss = static_cast<int>(config.loss);
  if (loss < 0 || loss >= kLossCount) return "loss: unknown";
  const int hidden = static_cast<int>(config.hidden.size());
  if (hidden > kMlpMaxHiddenLayers) {
    return "hidden: " + std::to_string(hidden) + " layers is more than " +
           std::to_string(kMlpMaxHiddenLayers);
  }
  for (int l = 0; l < hidden; ++l) {
    const HiddenLayerConfig& layer = config.hidden[l];
    const std::string where = "hidden[" + std::to_string(l) + "]";
    if (layer.units < 1 || layer.units > kMlpMaxUnits) {
      return where + ".units: " + std::to_string(layer.units) + " is outside 1.." +
             std::to_string(kMlpMaxUnits);
    }
    const int op = static_cast<int>(layer.activation);
    if (op < 0 || op >= kActivationCount) return where + ".activation: unknown";
    std::string error = validate_activation_params(layer.activation, layer.params);
    if (!error.empty()) return where + "." + error;
    if (!(layer.dropout >= 0.0f && layer.dropout <= kMlpMaxDropout)) {
      return where + ".dropout: must be in [0, 0.9]";
    }
  }
  return "";
}

bool mlp_build(Mlp* mlp, const MlpConfig& config, int max_batch, std::string* error) {
  *mlp = Mlp();
  std::string message = mlp_validate(config);
  if (message.empty() && (max_batch < 1 || max_batch > kMlpMaxBatch)) {
    message = "max_batch: " + std::to_string(max_batch) + " is outside 1.." +
              std::to_string(kMlpMaxBatch);
  }
  if (!message.empty()) {
    if (error != nullptr) *error = message;
    return false;
  }
  mlp->config = config;
  mlp->max_batch = max_batch;
  const int hidden = static_cast<int>(config.hidden.size());
  mlp->layer_count = hidden + 1;
  // Parameter layout: every W, then every b, every alpha, every gamma, every beta (weights first
  // for L1/L2); each layer takes its share of each block, in layer order.
  for (int l = 0; l < mlp->layer_count; ++l) {
    MlpLayer& layer = mlp->layers[l];
    layer.in = l == 0 ? static_cast<int>(config.features.size()) : config.hidden[l - 1].units;
    if (l < hidden) {
      const HiddenLayerConfig& c = config.hidden[l];
      layer.out = c.units;
      layer.activation = c.activation;
      layer.params = c.params;
      if (c.activation == Activation::kPrelu) {
        layer.alpha_count = c.params.prelu_mode == PreluMode::kChannel ? c.units : 1;
      }
      layer.batch_norm = c.batch_norm;
      layer.dropout = c.dropout;
    } else {
      layer.out = 1;
      layer.activation = Activation::kLinear;
    }
  }
  size_t offset = 0;
  auto place = [&](size_t MlpLayer::*block, auto count) {
    for (int l = 0; l < mlp->layer_count; ++l) {
      mlp->layers[l].*block = offset;
      offset += count(mlp->layers[l]);
    }
  };
  auto out_if_batch_norm = [](const MlpLayer& l) {
    return l.batch_norm ? static_cast<size_t>(l.out) : 0;
  };
  place(&MlpLayer::W,
        [](const MlpLayer& l) { return static_cast<size_t>(l.out) * static_cast<size_t>(l.in); });
  mlp->weight_count = offset;
  place(&MlpLayer::b, [](const MlpLayer& l) { return static_cast<size_t>(l.out); });
  place(&MlpLayer::alpha, [](const MlpLayer& l) { return static_cast<size_t>(l.alpha_count); });
  place(&MlpLayer::gamma, out_if_batch_norm);
  place(&MlpLayer::beta, out_if_batch_norm);
  mlp->param_count = offset;
  // The same walk twice: counting the floats, then pointing into the allocation.
  const size_t S_max = round_up(static_cast<size_t>(max_batch), 4);
  const size_t total = mlp_carve(mlp, nullptr, S_max);
  if (!mlp->memory.reserve(total)) {
    if (error != nullptr) {
      *error = "out of memory: the arena needs " + std::to_string(total) + " floats";
    }
    *mlp = Mlp();
    return false;
  }
  mlp_carve(mlp, mlp->memory.data(), S_max);
  for (int l = 0; l < mlp->layer_count; ++l) {
    const MlpLayer& layer = mlp->layers[l];
    for (int k = 0; k < layer.alpha_count; ++k) {
      mlp->params[layer.alpha + k] = layer.params.prelu_init;
    }
  }
  mlp_reset_batch_norm(mlp);
  return true;
}

bool mlp_has_batch_norm(const Mlp& mlp) {
  for (int l = 0; l < mlp.layer_count; ++l) {
    if (mlp.layers[l].batch_norm) return true;
  }
  return false;
}

void mlp_reset_batch_norm(Mlp* mlp) {
  for (int l = 0; l < mlp->layer_count; ++l) {
    const MlpLayer& layer = mlp->layers[l];
    if (!layer.batch_norm) continue;
    for (int o = 0; o < layer.out; ++o) {
      mlp->params[layer.gamma + o] = 1.0f;
      mlp->params[layer.beta + o] = 0.0f;
      layer.running_mean[o] = 0.0f;
      layer.running_var[o] = 1.0f;
    }
  }
}

namespace {

// What layer l passes on: its dropped output after a training forward with dropout, else a.
const float* layer_output(const Mlp& mlp, int l) {
  const MlpLayer& layer = mlp.layers[l];
  return mlp.training && layer.dropout > 0.0f ? layer.dropped : layer.a;
}

// out (F, S): feature k of example b at [k * S + b], from the raw points x (N, 2) read as
// forward documents; padding lanes are the features of (0, 0), all 0.
void features_forward(float* out, const MlpConfig& config, const float* x, const int* rows, int B,
                      int S) {
  const int F = static_cast<int>(config.features.size());
  if (mlp_features_are_raw(config)) {  // the common case: a transpose
    for (int b = 0; b < B; ++b) {
      const int r = rows == nullptr ? b : rows[b];
      out[b] = x[2 * r];
      out[S + b] = x[2 * r + 1];
    }
  } else {
    for (int b = 0; b < B; ++b) {
      const int r = rows == nullptr ? b : rows[b];
      const float x1 = x[2 * r];
      const float x2 = x[2 * r + 1];
      const float sin1 = input_sin(x1);
      const float sin2 = input_sin(x2);
      for (int k = 0; k < F; ++k) {
        out[k * S + b] = input_feature_value(config.features[k], x1, x2, sin1, sin2);
      }
    }
  }
  for (int k = 0; k < F; ++k) {
    for (int b = B; b < S; ++b) out[k * S + b] = 0.0f;
  }
}

bool forward(Mlp* mlp, const float* x, int B, const int* rows, bool training, Rng* dropout) {
  if (B < 0 || B > mlp->max_batch || mlp->layer_count == 0) return false;
  const int S = static_cast<int>(round_up(static_cast<size_t>(B), 4));
  mlp->batch = B;
  mlp->stride = S;
  mlp->training = training;
  features_forward(mlp->x, mlp->config, x, rows, B, S);
  const float* in = mlp->x;
  for (int l = 0; l < mlp->layer_count; ++l) {
    MlpLayer& layer = mlp->layers[l];
    const float* params = mlp->params;
    linear_forward(layer.z, in, params + layer.W, params + layer.b, layer.in, layer.out, S);
    if (layer.batch_norm && training) {
      batch_norm_forward_train(layer.z, layer.xhat, layer.bn_mean, layer.bn_invstd,
                               layer.running_mean, layer.running_var, params + layer.gamma,
                               params + layer.beta, B, layer.out, S);
      // The running statistics are part of the evaluation map: what is cached against the
      // weights (fields) is stale now, even if no optimizer step follows (a non-finite loss).
      ++mlp->weights_version;
    } else if (layer.batch_norm) {
      batch_norm_forward_eval(layer.z, layer.xhat, layer.bn_mean, layer.bn_invstd,
                              layer.running_mean, layer.running_var, params + layer.gamma,
                              params + layer.beta, layer.out, S);
    }
    if (layer.activation != Activation::kLinear) {
      activation_layer_forward(layer, layer.a, layer.z, params + layer.alpha, S);
    }
    if (training && layer.dropout > 0.0f) {
      if (dropout != nullptr)
        dropout_mask_draw(layer.mask, dropout, layer.dropout, B, layer.out, S);
      dropout_forward(layer.dropped, layer.a, layer.mask, static_cast<size_t>(layer.out) * S);
    }
    in = layer_output(*mlp, l);
  }
  return true;
}

}  // namespace

bool mlp_forward(Mlp* mlp, const float* x, int B, const int* rows) {
  return forward(mlp, x, B, rows, false, nullptr);
}

bool mlp_forward_train(Mlp* mlp, const float* x, int B, const int* rows, Rng* dropout) {
  return forward(mlp, x, B, rows, true, dropout);
}

namespace {

// Binary cross-entropy with logits, per example max(l, 0) - l y + log1p(exp(-|l|)), summed
// over a batch. The log1p terms are summed as the log of a running product of (1 + e), one
// log per 256 examples instead of one each (the product stays below 2^256); exp(-|l|) is
// shared with the gradient. dlogits (B, may be null) receives (sigmoid(l) - y) * scale.
double bce_with_logits(float* dlogits, const float* logits, const float* labels, const int* rows,
                       int B, double scale) {
  double linear = 0.0;
  double log_sum = 0.0;
  double product = 1.0;
  for (int b = 0; b < B; ++b) {
    const double l = static_cast<double>(logits[b]);
    const double y = static_cast<double>(labels[rows == nullptr ? b : rows[b]]);
    const double e = portable_exp(-std::fabs(l));
    linear += (l > 0.0 ? l : 0.0) - l * y;
    product *= 1.0 + e;
    if ((b & 255) == 255) {
      log_sum += portable_log(product);
      product = 1.0;
    }
    if (dlogits != nullptr) {
      // sigmoid(l) - y, written so that the difference of nearly equal numbers never occurs
      // for 0/1 labels: 1 - sigmoid(l) = e / (1 + e) for l >= 0.
      const double q = e / (1.0 + e);
      const double d = l >= 0.0 ? (1.0 - y) - q : q - y;
      dlogits[b] = static_cast<float>(d * scale);
    }
  }
  return linear + (log_sum + portable_log(product));
}

// Squared error (z - t)^2 summed over a batch in double; dvalues (B, may be null) receives
// 2 (z - t) * scale, torch.nn.MSELoss's gradient for scale = 1 / N.
double squared_error(float* dvalues, const float* values, const float* targets, const int* rows,
                     int B, double scale) {
  double sum = 0.0;
  for (int b = 0; b < B; ++b) {
    const double d = static_cast<double>(values[b]) -
                     static_cast<double>(targets[rows == nullptr ? b : rows[b]]);
    sum += d * d;
    if (dvalues != nullptr) dvalues[b] = static_cast<float>(2.0 * d * scale);
  }
  return sum;
}

// The config's loss summed over the batch; doutputs as the two functions above.
double loss_sum(const Mlp& mlp, float* doutputs, const float* labels, const int* rows,
                double scale) {
  const float* outputs = mlp_logits(mlp);
  return mlp.config.loss == Loss::kMse
             ? squared_error(doutputs, outputs, labels, rows, mlp.batch, scale)
             : bce_with_logits(doutputs, outputs, labels, rows, mlp.batch, scale);
}

}  // namespace

double mlp_loss(const Mlp& mlp, const float* labels, const int* rows) {
  if (mlp.batch == 0) return 0.0;
  return loss_sum(mlp, nullptr, labels, rows, 0.0) / mlp.batch;
}

void mlp_zero_grad(Mlp* mlp) { std::memset(mlp->grads, 0, mlp->param_count * sizeof(float)); }

double mlp_backward(Mlp* mlp, const float* labels, const int* rows, int total_batch) {
  const int B = mlp->batch;
  const int S = mlp->stride;
  if (B == 0) return 0.0;
  const double inverse_total = 1.0 / (total_batch > 0 ? total_batch : B);
  MlpLayer& out = mlp->layers[mlp->layer_count - 1];
  const double loss = loss_sum(*mlp, out.da, labels, rows, inverse_total);
  for (int b = B; b < S; ++b) out.da[b] = 0.0f;
  for (int l = mlp->layer_count - 1; l >= 0; --l) {
    MlpLayer& layer = mlp->layers[l];
    if (layer.activation != Activation::kLinear) {
      activation_layer_backward(layer, layer.da, layer.z, layer.a, mlp->params + layer.alpha,
                                mlp->grads + layer.alpha, S);
    }
    if (layer.batch_norm) {
      batch_norm_backward(layer.da, mlp->grads + layer.gamma, mlp->grads + layer.beta, layer.xhat,
                          layer.bn_invstd, mlp->params + layer.gamma, B, layer.out, S,
                          mlp->training);
    }
    const float* in = l == 0 ? mlp->x : layer_output(*mlp, l - 1);
    float* din = l == 0 ? nullptr : mlp->layers[l - 1].da;
    linear_backward(din, mlp->grads + layer.W, mlp->grads + layer.b, mlp->lanes, layer.da, in,
                    mlp->params + layer.W, layer.in, layer.out, S);
    if (l > 0 && mlp->training && mlp->layers[l - 1].dropout > 0.0f) {
      const MlpLayer& below = mlp->layers[l - 1];
      dropout_backward(below.da, below.mask, static_cast<size_t>(below.out) * S);
    }
  }
  return loss * inverse_total;
}

LayerTensors mlp_layer_tensors(const Mlp& mlp, int layer, float* buffer) {
  const MlpLayer& l = mlp.layers[layer];
  return {buffer + l.W,
          buffer + l.b,
          l.alpha_count > 0 ? buffer + l.alpha : nullptr,
          l.in,
          l.out,
          l.alpha_count,
          l.batch_norm ? buffer + l.gamma : nullptr,
          l.batch_norm ? buffer + l.beta : nullptr};
}

ActivationView mlp_activations(const Mlp& mlp, int layer) {
  const MlpLayer& l = mlp.layers[layer];
  return {l.z, l.a, l.out, mlp.batch, mlp.stride};
}

}  // namespace relu
