// Flat optimizer loops with PyTorch's update formulas (see optimizer.h for the formulas and the
// doc links). Each loop runs over the weights (with L1/L2) and then the rest (without).
#include "nn/optimizer.h"

#include <cmath>

#include "base/name_table.h"
#include "base/portable_math.h"

namespace relu {

namespace {

constexpr const char* kKindNames[kOptimizerKindCount] = {"sgd", "momentum", "adam"};

// The gradient with the penalties of a weight: g + l2 w + l1 sign(w), in that order (torch adds
// weight_decay * p first; sign(0) = 0 like torch.sign, the gradient torch gives |w| at 0).
inline float penalised(float g, float w, float l1, float l2) {
  const float sign = static_cast<float>((w > 0.0f) - (w < 0.0f));
  return (g + l2 * w) + l1 * sign;
}

std::string check_rate(float value, const char* name) {
  if (!std::isfinite(value) || value < 0.0f) return std::string(name) + ": must be finite and >= 0";
  return "";
}

}  // namespace

const char* optimizer_name(OptimizerKind kind) { return name_of(kKindNames, kind); }

bool optimizer_from_name(std::string_view name, OptimizerKind* kind) {
  return value_of(kKindNames, name, kind);
}

std::string optimizer_validate(const OptimizerConfig& c) {
  const int kind = static_cast<int>(c.kind);
  if (kind < 0 || kind >= kOptimizerKindCount) return "optimizer: unknown kind";
  if (!std::isfinite(c.lr) || !(c.lr > 0.0f)) return "lr: must be finite and > 0";
  if (!(c.momentum >= 0.0f && c.momentum < 1.0f)) return "momentum: must be in [0, 1)";
  if (!(c.beta1 >= 0.0f && c.beta1 < 1.0f)) return "beta1: must be in [0, 1)";
  if (!(c.beta2 >= 0.0f && c.beta2 < 1.0f)) return "beta2: must be in [0, 1)";
  if (!std::isfinite(c.eps) || !(c.eps > 0.0f)) return "eps: must be finite and > 0";
  std::string error = check_rate(c.l1, "l1");
  if (error.empty()) error = check_rate(c.l2, "l2");
  if (error.empty()) error = check_rate(c.clip_norm, "clip_norm");
  return error;
}

double grad_norm(const float* grads, size_t count) {
  // Four interleaved partial sums in a fixed order: a short dependency chain, the same
  // result on every build.
  double p[4] = {0.0, 0.0, 0.0, 0.0};
  size_t k = 0;
  for (; k + 4 <= count; k += 4) {
    for (size_t j = 0; j < 4; ++j) {
      const double g = static_cast<double>(grads[k + j]);
      p[j] += g * g;
    }
  }
  for (; k < count; ++k) {
    const double g = static_cast<double>(grads[k]);
    p[0] += g * g;
  }
  return std::sqrt((p[0] + p[1]) + (p[2] + p[3]));
}

double clip_grad_norm(float* grads, size_t count, float max_norm) {
  const double norm = grad_norm(grads, count);
  // torch multiplies by min(coef, 1); a factor of exactly 1 changes nothing, so skip it.
  const double coef = static_cast<double>(max_norm) / (norm + 1e-6);
  if (coef < 1.0) {
    const float factor = static_cast<float>(coef);
    for (size_t k = 0; k < count; ++k) grads[k] *= factor;
  }
  return norm;
}

void sgd_step(float* params, const float* grads, size_t count, size_t decay_count, float lr,
              float l1, float l2) {
  // Without penalties the weights take the plain loop, as torch skips weight_decay = 0.
  const size_t decayed = l1 != 0.0f || l2 != 0.0f ? decay_count : 0;
  for (size_t k = 0; k < decayed; ++k) {
    params[k] -= lr * penalised(grads[k], params[k], l1, l2);
  }
  for (size_t k = decayed; k < count; ++k) params[k] -= lr * grads[k];
}

void momentum_step(float* params, const float* grads, float* buf, size_t count, size_t decay_count,
                   float lr, float momentum, bool nesterov, float l1, float l2) {
  const size_t decayed = l1 != 0.0f || l2 != 0.0f ? decay_count : 0;
  for (size_t k = 0; k < count; ++k) {
    const float g = k < decayed ? penalised(grads[k], params[k], l1, l2) : grads[k];
    buf[k] = buf[k] * momentum + g;
    params[k] -= lr * (nesterov ? g + momentum * buf[k] : buf[k]);
  }
}

void adam_step(float* params, const float* grads, float* m, float* v, size_t count,
               size_t decay_count, uint64_t step, float lr, float beta1, float beta2, float eps,
               float l1, float l2) {
  const double b1 = static_cast<double>(beta1);
  const double b2 = static_cast<double>(beta2);
  const float one_minus_b1 = static_cast<float>(1.0 - b1);
  const float one_minus_b2 = static_cast<float>(1.0 - b2);
  // beta^t by squaring, not std::pow, so native and wasm agree (portable_math.h).
  const double correction1 = 1.0 - portable_powi(b1, step);
  const double correction2 = 1.0 - portable_powi(b2, step);
  const float step_size = static_cast<float>(static_cast<double>(lr) / correction1);
  const float correction2_sqrt = static_cast<float>(std::sqrt(correction2));
  const size_t decayed = l1 != 0.0f || l2 != 0.0f ? decay_count : 0;
  for (size_t k = 0; k < count; ++k) {
    const float g = k < decayed ? penalised(grads[k], params[k], l1, l2) : grads[k];
    m[k] = m[k] * beta1 + g * one_minus_b1;
    v[k] = v[k] * beta2 + (g * g) * one_minus_b2;
    const float denom = std::sqrt(v[k]) / correction2_sqrt + eps;
    params[k] -= step_size * (m[k] / denom);
  }
}

void optimizer_update(const OptimizerConfig& c, float* params, const float* grads, float* m,
                      float* v, size_t count, size_t decay_count, uint64_t step) {
  switch (c.kind) {
    case OptimizerKind::kSgd:
      sgd_step(params, grads, count, decay_count, c.lr, c.l1, c.l2);
      break;
    case OptimizerKind::kMomentum:
      momentum_step(params, grads, m, count, decay_count, c.lr, c.momentum, c.nesterov, c.l1, c.l2);
      break;
    case OptimizerKind::kAdam:
      adam_step(params, grads, m, v, count, decay_count, step, c.lr, c.beta1, c.beta2, c.eps, c.l1,
                c.l2);
      break;
  }
}

double optimizer_step(const OptimizerConfig& c, float* params, float* grads, float* m, float* v,
                      size_t count, size_t decay_count, uint64_t step) {
  const double norm =
      c.clip_norm > 0.0f ? clip_grad_norm(grads, count, c.clip_norm) : grad_norm(grads, count);
  optimizer_update(c, params, grads, m, v, count, decay_count, step);
  return norm;
}

}  // namespace relu
