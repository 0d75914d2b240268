// Optimizers as flat loops over the parameter-shaped buffers of an Mlp (params, grads, m, v
// share one layout, weights first): SGD, SGD with momentum (and Nesterov), Adam, with PyTorch's
// formulas, L1/L2 on the weights only, and gradient-norm clipping. No per-parameter objects.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace relu {

enum class OptimizerKind : int { kSgd, kMomentum, kAdam };
inline constexpr int kOptimizerKindCount = 3;

// "sgd", "momentum", "adam".
const char* optimizer_name(OptimizerKind kind);
bool optimizer_from_name(std::string_view name, OptimizerKind* kind);

// The defaults are net.train's (sgd, lr 0.03); the arena overrides kind and lr in its settings
// table (nn/arena_settings.cpp).
struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::kSgd;
  float lr = 0.03f;
  float momentum = 0.9f;  // kMomentum (dampening 0)
  bool nesterov = false;  // kMomentum
  float beta1 = 0.9f;     // kAdam
  float beta2 = 0.999f;
  float eps = 1e-8f;
  // Penalties on the weights only (not biases, not PReLU alphas, as TF Playground), added to
  // the gradient like torch's weight_decay: g += l2 * w (the gradient of l2/2 |w|^2) and
  // g += l1 * sign(w) (sign(0) = 0; the gradient of l1 |w|_1).
  float l1 = 0.0f;
  float l2 = 0.0f;
  float clip_norm = 0.0f;  // > 0: clip the global gradient norm to this (before L1/L2); 0 = off
};

// "" if valid, else a message naming the field (lr > 0 and finite, momentum in [0, 1),
// betas in [0, 1), eps > 0, l1, l2, clip_norm >= 0 and finite).
std::string optimizer_validate(const OptimizerConfig& config);

// sqrt(sum g^2) accumulated in double. A NaN/inf gradient gives NaN/inf.
double grad_norm(const float* grads, size_t count);

// torch.nn.utils.clip_grad_norm_(max_norm): if norm > max_norm, grads *= max_norm / (norm +
// 1e-6). Returns the norm before clipping.
// https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_norm_.html
double clip_grad_norm(float* grads, size_t count, float max_norm);

// Each step reads grads (count), updates params in place, and applies l1/l2 to params
// [0, decay_count) only (decay_count = Mlp::weight_count).
// torch.optim.SGD: https://pytorch.org/docs/stable/generated/torch.optim.SGD.html
//   g = grad + l2 w + l1 sign(w);  p -= lr g
void sgd_step(float* params, const float* grads, size_t count, size_t decay_count, float lr,
              float l1, float l2);
// torch.optim.SGD(momentum, dampening=0, nesterov): buf = momentum buf + g (buf starts at 0,
// which equals torch's first-step buf = g); p -= lr (nesterov ? g + momentum buf : buf).
void momentum_step(float* params, const float* grads, float* buf, size_t count, size_t decay_count,
                   float lr, float momentum, bool nesterov, float l1, float l2);
// torch.optim.Adam (amsgrad off): https://pytorch.org/docs/stable/generated/torch.optim.Adam.html
//   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  t = step (1 for the first step)
//   p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
void adam_step(float* params, const float* grads, float* m, float* v, size_t count,
               size_t decay_count, uint64_t step, float lr, float beta1, float beta2, float eps,
               float l1, float l2);

// config.kind's update alone: no clipping and no norm (the cheap path for steps whose norm
// nobody reads).
void optimizer_update(const OptimizerConfig& config, float* params, const float* grads, float* m,
                      float* v, size_t count, size_t decay_count, uint64_t step);

// One optimizer step as torch runs it after loss.backward(): clip (if clip_norm > 0, this
// scales grads in place), then config.kind's update. step is 1-based (Adam's t). m and v are
// the optimizer state (same layout as params; v is unused but must be valid for kMomentum).
// Returns the gradient norm before clipping (a metric).
double optimizer_step(const OptimizerConfig& config, float* params, float* grads, float* m,
                      float* v, size_t count, size_t decay_count, uint64_t step);

}  // namespace relu
