// A double-precision reference MLP for the trainer tests: straightforward loops, std:: math,
// no code shared with core/nn/mlp.cpp. Its loss is what finite differences are taken of.
// Legend: B batch, layer l maps (B, I) to (B, O); params in the documented flat layout.
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include "nn/mlp.h"

namespace reference {

// f(z) in double with PyTorch's definitions; alpha is PReLU's alpha of this unit.
inline double activate(relu::Activation op, const relu::ActivationParams& p, double z,
                       double alpha) {
  using relu::Activation;
  switch (op) {
    case Activation::kLinear:
      return z;
    case Activation::kRelu:
      return z > 0 ? z : 0.0;
    case Activation::kLeakyRelu:
      return z > 0 ? z : z * static_cast<double>(p.slope);
    case Activation::kPrelu:
      return z > 0 ? z : z * alpha;
    case Activation::kElu:
      return z > 0 ? z : static_cast<double>(p.alpha) * std::expm1(z);
    case Activation::kGelu:
      return 0.5 * z * (1.0 + std::erf(z / std::sqrt(2.0)));
    case Activation::kGeluTanh: {
      const double u = std::sqrt(2.0 / 3.14159265358979323846) * (z + 0.044715 * z * z * z);
      return 0.5 * z * (1.0 + std::tanh(u));
    }
    case Activation::kSilu:
      return z / (1.0 + std::exp(-z));
    case Activation::kSoftplus: {
      const double beta = static_cast<double>(p.beta);
      if (beta * z > static_cast<double>(p.threshold)) return z;
      return std::log1p(std::exp(beta * z)) / beta;
    }
    case Activation::kSigmoid:
      return 1.0 / (1.0 + std::exp(-z));
    case Activation::kTanh:
      return std::tanh(z);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

struct Forward {
  std::vector<std::vector<double>> z;  // per layer (B, O) row-major
  std::vector<double> logits;          // (B)
};

// Forward of a copy of the Mlp's params (p, flat, the Mlp's layout) on x (B, 2).
inline Forward forward(const relu::Mlp& mlp, const std::vector<double>& p, const float* x, int B) {
  Forward out;
  std::vector<double> a(static_cast<size_t>(B) * 2);
  for (size_t k = 0; k < a.size(); ++k) a[k] = static_cast<double>(x[k]);
  for (int l = 0; l < mlp.layer_count; ++l) {
    const relu::MlpLayer& L = mlp.layers[l];
    std::vector<double> z(static_cast<size_t>(B) * L.out), next(z.size());
    for (int b = 0; b < B; ++b) {
      for (int o = 0; o < L.out; ++o) {
        double s = p[L.b + o];
        for (int i = 0; i < L.in; ++i) s += p[L.W + o * L.in + i] * a[b * L.in + i];
        z[b * L.out + o] = s;
        const double alpha = L.alpha_count == 0 ? 0.0 : p[L.alpha + (L.alpha_count > 1 ? o : 0)];
        next[b * L.out + o] = activate(L.activation, L.params, s, alpha);
      }
    }
    out.z.push_back(z);
    a = next;
  }
  out.logits = a;
  return out;
}

// Training-mode forward (mlp_forward_train with the masks already in the Mlp): batch norm with
// the statistics of these B rows (biased variance, eps 1e-5), dropout multiplying by the Mlp's
// masks ((O, S) feature-major, S = B rounded up to 4). The batch-norm parameters are read from p.
inline Forward forward_train(const relu::Mlp& mlp, const std::vector<double>& p, const float* x,
                             int B) {
  Forward out;
  const int S = (B + 3) / 4 * 4;
  std::vector<double> a(static_cast<size_t>(B) * 2);
  for (size_t k = 0; k < a.size(); ++k) a[k] = static_cast<double>(x[k]);
  for (int l = 0; l < mlp.layer_count; ++l) {
    const relu::MlpLayer& L = mlp.layers[l];
    std::vector<double> z(static_cast<size_t>(B) * L.out), next(z.size());
    for (int b = 0; b < B; ++b) {
      for (int o = 0; o < L.out; ++o) {
        double s = p[L.b + o];
        for (int i = 0; i < L.in; ++i) s += p[L.W + o * L.in + i] * a[b * L.in + i];
        z[b * L.out + o] = s;
      }
    }
    if (L.batch_norm) {
      for (int o = 0; o < L.out; ++o) {
        double mean = 0.0, var = 0.0;
        for (int b = 0; b < B; ++b) mean += z[b * L.out + o] / B;
        for (int b = 0; b < B; ++b)
          var += (z[b * L.out + o] - mean) * (z[b * L.out + o] - mean) / B;
        for (int b = 0; b < B; ++b) {
          const double xhat = (z[b * L.out + o] - mean) / std::sqrt(var + 1e-5);
          z[b * L.out + o] = p[L.gamma + o] * xhat + p[L.beta + o];
        }
      }
    }
    for (int b = 0; b < B; ++b) {
      for (int o = 0; o < L.out; ++o) {
        const double alpha = L.alpha_count == 0 ? 0.0 : p[L.alpha + (L.alpha_count > 1 ? o : 0)];
        double v = activate(L.activation, L.params, z[b * L.out + o], alpha);
        if (L.dropout > 0.0f) v *= static_cast<double>(L.mask[o * S + b]);
        next[b * L.out + o] = v;
      }
    }
    out.z.push_back(z);
    a = next;
  }
  out.logits = a;
  return out;
}

// Mean BCE with logits, in double.
inline double loss(const std::vector<double>& logits, const float* labels) {
  double sum = 0.0;
  for (size_t b = 0; b < logits.size(); ++b) {
    const double l = logits[b];
    sum +=
        std::max(l, 0.0) - l * static_cast<double>(labels[b]) + std::log1p(std::exp(-std::fabs(l)));
  }
  return sum / static_cast<double>(logits.size());
}

// The Mlp's params as doubles.
inline std::vector<double> params_of(const relu::Mlp& mlp) {
  return std::vector<double>(mlp.params, mlp.params + mlp.param_count);
}

// Smallest |pre-activation| over the hidden layers (kinks are at 0).
inline double min_abs_hidden_z(const Forward& f) {
  double m = std::numeric_limits<double>::infinity();
  for (size_t l = 0; l + 1 < f.z.size(); ++l) {
    for (double v : f.z[l]) m = std::min(m, std::fabs(v));
  }
  return m;
}

// Central differences of the reference loss w.r.t. every param of p (the Mlp's layout) on the
// batch x (B, 2), labels (B), step h; training: of forward_train.
inline std::vector<double> numeric_gradient(const relu::Mlp& mlp, std::vector<double> p,
                                            const float* x, const float* labels, int B,
                                            double h = 1e-6, bool training = false) {
  std::vector<double> g(p.size());
  auto run = [&]() { return training ? forward_train(mlp, p, x, B) : forward(mlp, p, x, B); };
  for (size_t k = 0; k < p.size(); ++k) {
    const double saved = p[k];
    p[k] = saved + h;
    const double up = loss(run().logits, labels);
    p[k] = saved - h;
    const double down = loss(run().logits, labels);
    p[k] = saved;
    g[k] = (up - down) / (2 * h);
  }
  return g;
}

inline std::vector<double> numeric_gradient(const relu::Mlp& mlp, const float* x,
                                            const float* labels, int B, double h = 1e-6) {
  return numeric_gradient(mlp, params_of(mlp), x, labels, B, h);
}

}  // namespace reference
