// The field evaluator: row tiles through the layers with register-blocked dense loops that
// auto-vectorise into f32x4 with broadcast weights; see field_eval.h.
#include "nn/field_eval.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "kernels/activation.h"
#include "nn/batch_norm.h"

namespace relu {

namespace {

constexpr int kMaxWidth = (kFieldMaxResolution + kFieldBlock - 1) / kFieldBlock * kFieldBlock;

int round_up(int n, int multiple) { return (n + multiple - 1) / multiple * multiple; }

// z (O, T) = W (O, I) in (I, T) + b (O), each sum b, then i = 0..I-1, as mlp_forward's
// linear_forward. A block of kFieldBlock points of every input stays in L1 while all O units
// read it; the k loops become four f32x4 mul/add pairs per weight (one splat), in order.
void linear_tile(float* z, const float* in, const float* W, const float* b, int I, int O, int T) {
  for (int s = 0; s < T; s += kFieldBlock) {
    for (int o = 0; o < O; ++o) {
      const float* Wo = W + o * I;
      float acc[kFieldBlock];
      for (int k = 0; k < kFieldBlock; ++k) acc[k] = b[o];
      for (int i = 0; i < I; ++i) {
        const float w = Wo[i];
        const float* row = in + i * T + s;
        for (int k = 0; k < kFieldBlock; ++k) acc[k] += w * row[k];
      }
      std::memcpy(z + o * T + s, acc, sizeof(acc));
    }
  }
}

// a (O, T) = f(z) in place, as mlp_forward's activation_layer_forward: per-unit PReLU alphas
// get one call per unit row.
void activate_tile(float* a, const Mlp& mlp, const MlpLayer& layer, int T) {
  ActivationParams params = layer.params;
  params.prelu_channels = 1;
  const float* alpha = mlp.params + layer.alpha;
  if (layer.activation == Activation::kPrelu && layer.alpha_count > 1) {
    for (int o = 0; o < layer.out; ++o) {
      params.prelu_alpha = alpha + o;
      activation_forward(layer.activation, a + o * T, a + o * T, static_cast<size_t>(T), params);
    }
    return;
  }
  params.prelu_alpha = alpha;
  activation_forward(layer.activation, a, a, static_cast<size_t>(layer.out) * T, params);
}

// Batch norm in evaluation mode on a (O, T) tile, through mlp_forward's own function so every
// value goes through the same float operations: scratch (O, T) takes its xhat, which the field
// does not need (the layer's input tile, dead once the linear map has read it).
void normalise_tile(float* z, float* scratch, const Mlp& mlp, const MlpLayer& layer, int T) {
  float mean[kMlpMaxUnits];
  float invstd[kMlpMaxUnits];
  batch_norm_forward_eval(z, scratch, mean, invstd, layer.running_mean, layer.running_var,
                          mlp.params + layer.gamma, mlp.params + layer.beta, layer.out, T);
}

}  // namespace

namespace {

// The first layer's pre-activations of one row tile, z (O, T), for cells c0..c0 + T - 1 of the
// row at y: from the shared column term for raw inputs, else from the tile's input features
// (computed as mlp_forward computes them, into spare) through linear_tile.
struct FirstLayer {
  const Mlp& mlp;
  int width;
  const float* column;  // (O, width): b + W[:,0] x_c, raw inputs only
  const float* xs;      // (width) cell x per column
  const float* sin_xs;  // (width) input_sin of it
};

void first_layer_tile(float* z, float* spare, const FirstLayer& f, int c0, float y, int T) {
  const MlpLayer& first = f.mlp.layers[0];
  const float* W0 = f.mlp.params + first.W;
  if (f.column != nullptr) {
    for (int o = 0; o < first.out; ++o) {
      const float wy = W0[2 * o + 1] * y;
      const float* col = f.column + o * f.width + c0;
      for (int s = 0; s < T; ++s) z[o * T + s] = col[s] + wy;
    }
    return;
  }
  const float sin_y = input_sin(y);
  const std::vector<InputFeature>& features = f.mlp.config.features;
  for (size_t k = 0; k < features.size(); ++k) {
    for (int s = 0; s < T; ++s) {
      spare[k * T + s] = input_feature_value(features[k], f.xs[c0 + s], y, f.sin_xs[c0 + s], sin_y);
    }
  }
  linear_tile(z, spare, W0, f.mlp.params + first.b, first.in, first.out, T);
}

}  // namespace

void field_grid_evaluate(float* out, const Mlp& mlp, int resolution, float half_width,
                         FieldKind kind) {
  const int R = resolution;
  const int width = round_up(R, kFieldBlock);
  const MlpLayer& first = mlp.layers[0];
  const float* W0 = mlp.params + first.W;
  const float* b0 = mlp.params + first.b;
  // Cell x per column (padding columns c >= R hold finite values that are never stored).
  alignas(64) float xs[kMaxWidth];
  alignas(64) float sin_xs[kMaxWidth];
  for (int c = 0; c < width; ++c) {
    xs[c] = field_cell_x(c, R, half_width);
    sin_xs[c] = input_sin(xs[c]);
  }
  // Raw inputs: column[o][c] = b + W[o][0] x_c, the first two operations of every first-layer
  // sum, shared by all rows.
  const bool raw = mlp_features_are_raw(mlp.config);
  alignas(64) float column[kMlpMaxUnits * kMaxWidth];
  for (int c = 0; raw && c < width; ++c) {
    for (int o = 0; o < first.out; ++o) column[o * width + c] = b0[o] + W0[2 * o] * xs[c];
  }
  const FirstLayer first_layer = {mlp, width, raw ? column : nullptr, xs, sin_xs};
  // ping and pong hold a tile's activations, (O, T), or its input features, (F, T).
  static_assert(kMlpMaxFeatures <= kMlpMaxUnits);
  alignas(64) float ping[kMlpMaxUnits * kFieldTile];
  alignas(64) float pong[kMlpMaxUnits * kFieldTile];
  const bool probability = kind == FieldKind::kProbability;
  const ActivationParams sigmoid_params;
  for (int r = 0; r < R; ++r) {
    const float y = field_cell_y(r, R, half_width);
    for (int c0 = 0; c0 < R; c0 += kFieldTile) {
      const int count = std::min(kFieldTile, R - c0);
      const int T = round_up(count, kFieldBlock);
      float* z = ping;
      float* spare = pong;
      first_layer_tile(z, spare, first_layer, c0, y, T);
      if (first.batch_norm) normalise_tile(z, spare, mlp, first, T);
      if (first.activation != Activation::kLinear) activate_tile(z, mlp, first, T);
      for (int l = 1; l < mlp.layer_count; ++l) {
        const MlpLayer& layer = mlp.layers[l];
        linear_tile(spare, z, mlp.params + layer.W, mlp.params + layer.b, layer.in, layer.out, T);
        if (layer.batch_norm) normalise_tile(spare, z, mlp, layer, T);
        if (layer.activation != Activation::kLinear) activate_tile(spare, mlp, layer, T);
        std::swap(z, spare);
      }
      // z holds the T outputs; the sigmoid runs on whole vectors before the copy, so no cell
      // goes through a kernel's scalar tail.
      if (probability) activation_forward(Activation::kSigmoid, z, z, T, sigmoid_params);
      std::memcpy(out + static_cast<size_t>(r) * R + c0, z, sizeof(float) * count);
    }
  }
}

}  // namespace relu
