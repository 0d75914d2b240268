// Batch normalisation forward and backward; see batch_norm.h. Sums run in double in lane order,
// element-wise maps in float, so native and wasm builds agree bit for bit.
#include "nn/batch_norm.h"

#include <cmath>

namespace relu {

namespace {

// z = gamma (z - mean) invstd + beta over every lane of one unit, keeping xhat.
void normalise_row(float* z, float* xhat, float mean, float invstd, float gamma, float beta,
                   int S) {
  for (int s = 0; s < S; ++s) {
    xhat[s] = (z[s] - mean) * invstd;
    z[s] = gamma * xhat[s] + beta;
  }
}

float inverse_std(double variance) {
  return static_cast<float>(1.0 / std::sqrt(variance + static_cast<double>(kBatchNormEps)));
}

}  // namespace

void batch_norm_forward_train(float* z, float* xhat, float* mean, float* invstd,
                              float* running_mean, float* running_var, const float* gamma,
                              const float* beta, int B, int O, int S) {
  for (int o = 0; o < O; ++o) {
    float* row = z + o * S;
    double sum = 0.0;
    for (int b = 0; b < B; ++b) sum += static_cast<double>(row[b]);
    const double mu = B > 0 ? sum / B : 0.0;
    double squares = 0.0;
    for (int b = 0; b < B; ++b) {
      const double d = static_cast<double>(row[b]) - mu;
      squares += d * d;
    }
    const double variance = B > 0 ? squares / B : 0.0;
    const double unbiased = B > 1 ? squares / (B - 1) : variance;
    mean[o] = static_cast<float>(mu);
    invstd[o] = inverse_std(variance);
    running_mean[o] =
        (1.0f - kBatchNormMomentum) * running_mean[o] + kBatchNormMomentum * static_cast<float>(mu);
    running_var[o] = (1.0f - kBatchNormMomentum) * running_var[o] +
                     kBatchNormMomentum * static_cast<float>(unbiased);
    normalise_row(row, xhat + o * S, mean[o], invstd[o], gamma[o], beta[o], S);
  }
}

void batch_norm_forward_eval(float* z, float* xhat, float* mean, float* invstd,
                             const float* running_mean, const float* running_var,
                             const float* gamma, const float* beta, int O, int S) {
  for (int o = 0; o < O; ++o) {
    mean[o] = running_mean[o];
    invstd[o] = inverse_std(static_cast<double>(running_var[o]));
    normalise_row(z + o * S, xhat + o * S, mean[o], invstd[o], gamma[o], beta[o], S);
  }
}

void batch_norm_backward(float* dz, float* dgamma, float* dbeta, const float* xhat,
                         const float* invstd, const float* gamma, int B, int O, int S,
                         bool training) {
  for (int o = 0; o < O; ++o) {
    float* dy = dz + o * S;
    const float* xh = xhat + o * S;
    double sum_dy = 0.0;
    double sum_dy_xhat = 0.0;
    for (int b = 0; b < B; ++b) {
      sum_dy += static_cast<double>(dy[b]);
      sum_dy_xhat += static_cast<double>(dy[b]) * static_cast<double>(xh[b]);
    }
    dgamma[o] += static_cast<float>(sum_dy_xhat);
    dbeta[o] += static_cast<float>(sum_dy);
    const float scale = gamma[o] * invstd[o];
    // The batch mean and variance depend on every lane: their gradient subtracts the mean of dy
    // and the part of dy along xhat (the two directions normalisation removes).
    const float mean_dy = training && B > 0 ? static_cast<float>(sum_dy / B) : 0.0f;
    const float mean_dy_xhat = training && B > 0 ? static_cast<float>(sum_dy_xhat / B) : 0.0f;
    for (int b = 0; b < B; ++b) dy[b] = scale * (dy[b] - mean_dy - xh[b] * mean_dy_xhat);
    for (int b = B; b < S; ++b) dy[b] = 0.0f;
  }
}

}  // namespace relu
