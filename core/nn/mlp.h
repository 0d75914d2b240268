// The MLP (llm.c style): its configuration, the layout of its one arena (parameters, gradients,
// Adam moments, activations), forward (input features first), backward and the two losses. It
// leaves initialisation (init.h), optimizers (optimizer.h) and batching/shuffling (network.h) out.
// Legend: B batch, I inputs of a layer, O units of a layer, S = B rounded up to 4 (row stride).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/aligned_buffer.h"
#include "base/rng.h"
#include "kernels/activation.h"
#include "nn/input_features.h"

namespace relu {

inline constexpr int kMlpInputs = 2;  // the raw point (x1, x2) every caller passes
inline constexpr int kMlpMaxFeatures = kInputMaxFeatures;  // the first layer's largest fan-in
inline constexpr int kMlpMaxHiddenLayers = 6;
inline constexpr int kMlpMaxUnits = 16;
inline constexpr int kMlpMaxLayers = kMlpMaxHiddenLayers + 1;  // + the output layer
inline constexpr int kMlpMaxBatch = 1 << 16;                   // per forward; callers chunk
inline constexpr float kPreluInitAlpha = ActivationParams{}.prelu_init;  // the registry's
// A higher rate leaves too few units of a 16-unit layer to learn anything.
inline constexpr float kMlpMaxDropout = 0.9f;

struct HiddenLayerConfig {
  int units = 8;  // 1..kMlpMaxUnits
  Activation activation = Activation::kRelu;
  // The rows of activation_params.inc; prelu_alpha and prelu_channels are ignored: the Mlp owns
  // its alphas (trainable parameters, prelu_mode says how many, all start at prelu_init).
  ActivationParams params;
  // Training-only regularisers: batch normalisation before the activation (batch_norm.h) and
  // inverted dropout after it (dropout.h), rate 0..kMlpMaxDropout (0: off).
  bool batch_norm = false;
  float dropout = 0.0f;
};

// The loss of the output: BCE with logits (classification, targets in [0, 1]) or the mean
// squared error of the output value (regression, any finite target).
enum class Loss : int { kBce, kMse };
inline constexpr int kLossCount = 2;
const char* loss_name(Loss loss);  // "bce", "mse"
bool loss_from_name(std::string_view name, Loss* loss);

// Two raw inputs and one linear output are fixed; the input features the first layer sees, the
// hidden layers and the loss vary.
struct MlpConfig {
  // 1..kMlpMaxFeatures distinct features, in the order of the first layer's W columns.
  std::vector<InputFeature> features = {InputFeature::kX1, InputFeature::kX2};
  std::vector<HiddenLayerConfig> hidden;  // 0..kMlpMaxHiddenLayers layers
  Loss loss = Loss::kBce;
};

// True if config's features are exactly (x1, x2), the raw point.
bool mlp_features_are_raw(const MlpConfig& config);

// One affine layer y = W x + b (torch.nn.Linear) followed by its activation. The last layer
// of an Mlp is the output: O = 1, activation linear, and its a is the logit.
struct MlpLayer {
  int in = 0;   // I
  int out = 0;  // O
  Activation activation = Activation::kLinear;
  ActivationParams params;  // as configured; prelu pointers are set per call
  // Offsets into each of the four parameter-shaped buffers (params, grads, m, v).
  size_t W = 0;         // (O, I) row-major
  size_t b = 0;         // (O)
  size_t alpha = 0;     // (alpha_count)
  int alpha_count = 0;  // 0 (not prelu), 1 (shared) or O (channel)
  // Activations of the last forward, feature-major: unit o of example b is at [o * S + b].
  float* z = nullptr;   // (O, S) pre-activation
  float* a = nullptr;   // (O, S) post-activation (the logits for the output layer)
  float* da = nullptr;  // (O, S) backward scratch: dL/da, then in place dL/dz
  // Batch normalisation (hidden layers with batch_norm): z holds its output, the activation's
  // input; gamma (O) and beta (O) are parameters (offsets as W), the running statistics are not.
  bool batch_norm = false;
  size_t gamma = 0;
  size_t beta = 0;
  float* running_mean = nullptr;  // (O) in Mlp::stats
  float* running_var = nullptr;   // (O) in Mlp::stats
  float* xhat = nullptr;          // (O, S) the normalised linear output of the last forward
  float* bn_mean = nullptr;       // (O) the statistics the last forward normalised with
  float* bn_invstd = nullptr;     // (O)
  // Dropout (hidden layers with dropout > 0): after a training forward the next layer reads
  // dropped = a * mask, not a.
  float dropout = 0.0f;
  float* mask = nullptr;     // (O, S) 0 or 1 / (1 - p), of the last training forward
  float* dropped = nullptr;  // (O, S)
};

// One network. All float storage is ONE 64-byte aligned allocation (`memory`, an AlignedBuffer;
// every buffer below starts on a 64-byte boundary of it), laid out as follows (mlp_build walks
// this list once to count the floats and once to point into the allocation)
//   params | grads | m | v     four buffers of param_count floats with the same layout:
//                              every W (layer order), then every b, then every alpha, then
//                              every batch-norm gamma, then every beta, so [0, weight_count)
//                              are exactly the weights (L1/L2 apply there)
//   stats                      batch norm's running mean and variance, per such layer (not
//                              parameters: no gradient, no optimizer)
//   x                          (F, S) the input features of the last forward, F = the
//                              config's feature count
//   lanes                      backward scratch, 4 floats per weight of the largest layer
//   z, a, da per layer         (O, S_max) each, S_max = max_batch rounded up to 4 (a linear
//                              layer's a is its z); then with batch norm xhat (O, S_max),
//                              bn_mean (O), bn_invstd (O), with dropout mask, dropped (O, S_max)
// Pointers into `memory` stay valid while the Mlp lives (a move keeps them; copying is
// disabled). A forward or backward allocates nothing.
struct Mlp {
  MlpConfig config;
  int layer_count = 0;  // hidden layers + 1
  MlpLayer layers[kMlpMaxLayers];
  size_t param_count = 0;
  size_t weight_count = 0;
  int max_batch = 0;
  int batch = 0;          // B of the last forward (0: none yet)
  int stride = 0;         // S of the last forward
  bool training = false;  // the last forward was mlp_forward_train (backward follows its mode)
  float* params = nullptr;
  float* grads = nullptr;
  float* m = nullptr;  // Adam first moment, or the SGD momentum buffer
  float* v = nullptr;  // Adam second moment
  float* x = nullptr;
  float* lanes = nullptr;  // backward scratch (4 partial sums per weight of a layer)
  float* stats = nullptr;  // running statistics of the batch-norm layers
  AlignedBuffer memory;
  // Bumped by every change of params or of batch norm's running statistics (mlp_init, each
  // optimizer step of network.h, each training forward of a batch-norm layer, a model load):
  // whatever is derived from the evaluation map (the arena's fields) is cached against it.
  // 0 after mlp_build.
  uint64_t weights_version = 0;

  Mlp() = default;
  Mlp(const Mlp&) = delete;
  Mlp& operator=(const Mlp&) = delete;
  Mlp(Mlp&&) = default;
  Mlp& operator=(Mlp&&) = default;
};

// "" if the configuration is valid, else a message naming the field, e.g.
// "hidden[2].units: 17 is outside 1..16". Also checks activation params with
// validate_activation_params ("hidden[0].beta: must be > 0").
std::string mlp_validate(const MlpConfig& config);

// Validates, lays out and zero-fills the arena for batches of up to max_batch (1..kMlpMaxBatch)
// examples; alphas start at prelu_init, batch norm at gamma 1, beta 0, running mean 0 and
// variance 1 (torch's), everything else at 0 (call mlp_init next). On error
// returns false with *error set and leaves *mlp empty (layer_count 0); an arena that cannot be
// allocated is such an error ("out of memory: ..."), not a throw.
bool mlp_build(Mlp* mlp, const MlpConfig& config, int max_batch, std::string* error);

// Forward pass of B examples, 0 <= B <= max_batch (returns false otherwise: chunk larger
// batches, see network.h). x: (N, 2) row-major raw points, caller-owned, read at rows[0..B) if
// rows is not null (a gathered mini-batch), else at rows 0..B-1; the input features
// (input_features.h) are computed from them into mlp->x. Overwrites every layer's z and a;
// outputs are mlp_logits(). Padding lanes [B, S) hold finite values (computed from x = 0).
bool mlp_forward(Mlp* mlp, const float* x, int B, const int* rows = nullptr);

// The same in training mode (torch's model.train()): batch-norm layers normalise with the
// statistics of these B examples and update their running statistics; dropout layers draw a
// fresh mask from *dropout (layer by layer, see dropout_mask_draw) or, if dropout is null, reuse
// the masks already in their `mask` buffers (a test sets fixed masks that way). mlp_forward is
// evaluation mode: running statistics, no dropout; metrics, fields and predictions use it.
bool mlp_forward_train(Mlp* mlp, const float* x, int B, const int* rows, Rng* dropout);

// True if some hidden layer has batch norm (its batches must fit in one forward: statistics are
// per forward).
bool mlp_has_batch_norm(const Mlp& mlp);

// gamma 1, beta 0, running mean 0 and variance 1 in every batch-norm layer (mlp_init calls it).
void mlp_reset_batch_norm(Mlp* mlp);

// The outputs of the last forward (logits for BCE, values for MSE): (B), owned by the Mlp, valid
// until the next forward.
inline const float* mlp_logits(const Mlp& mlp) { return mlp.layers[mlp.layer_count - 1].a; }

// The mean loss of the last forward against labels (N), read like x (labels[rows[b]] or
// labels[b]), by the config's loss, in double with portable_math.h:
// - kBce: labels 0/1 (any value in [0, 1] works), per example max(l, 0) - l y + log1p(exp(-|l|))
//   https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html
// - kMse: any finite target t, per example (z - t)^2
//   https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html
double mlp_loss(const Mlp& mlp, const float* labels, const int* rows = nullptr);

// grads = 0 (also zero before accumulating several backward passes into one step).
void mlp_zero_grad(Mlp* mlp);

// Backward pass of the last forward for the mean loss (mlp_loss's): ACCUMULATES (+=) dW, db,
// dalpha, dgamma, dbeta into mlp->grads, in the mode of that forward (batch statistics and the
// dropout masks after mlp_forward_train, the affine evaluation map after mlp_forward). The mean is
// over total_batch examples (0 means the forward's B): pass the full batch size when one batch is
// split over several forward/backward calls. Uses activation_backward and prelu_alpha_backward
// (SIMD kernels in wasm). Returns this call's share of the loss, sum over its B of the per-example
// loss / total_batch (the sigmoid's exp is shared, so the loss is nearly free here).
double mlp_backward(Mlp* mlp, const float* labels, const int* rows = nullptr, int total_batch = 0);

// Views of layer `layer`'s tensors inside one of the parameter-shaped buffers
// (mlp.params, mlp.grads, mlp.m or mlp.v): W (O, I) row-major, b (O), alpha (alpha_count,
// nullptr if none). For JSON import/export, metrics and tests.
struct LayerTensors {
  float* W;
  float* b;
  float* alpha;
  int in;
  int out;
  int alpha_count;
  float* gamma;  // (out) batch norm's scale and shift, nullptr without batch norm
  float* beta;
};
LayerTensors mlp_layer_tensors(const Mlp& mlp, int layer, float* buffer);

// Activations of layer `layer` from the last forward: element (unit o, example b) is
// z[o * stride + b] / a[o * stride + b] for b < batch. For dead-unit and sparsity metrics and
// per-unit fields; valid until the next forward.
struct ActivationView {
  const float* z;
  const float* a;
  int units;
  int batch;
  int stride;
};
ActivationView mlp_activations(const Mlp& mlp, int layer);

}  // namespace relu
