// Batch normalisation of one layer's pre-activations, per unit over the batch
// (torch.nn.BatchNorm1d): the training forward (batch statistics, running-stat update), the
// evaluation forward (running statistics) and their backward. Where it sits in a layer is mlp.h's.
// Legend: B batch, O units, S row stride (>= B, a multiple of 4); buffers are feature-major (O, S).
#pragma once

namespace relu {

// torch.nn.BatchNorm1d's defaults.
// https://pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html
inline constexpr float kBatchNormMomentum = 0.1f;
inline constexpr float kBatchNormEps = 1e-5f;

// Training mode. z (O, S): in the linear layer's output, out gamma * xhat + beta (in place, every
// lane; lanes [B, S) are normalised with the batch's statistics and stay finite). xhat (O, S)
// receives (z - mean) * invstd; mean and invstd (O) the statistics used: the batch mean and
// 1 / sqrt(biased variance + eps), summed in double in a fixed order (the same bits natively and in
// wasm). running_mean/var (O) become (1 - momentum) r + momentum * batch value, the variance
// unbiased (times B / (B - 1)) as torch does; B = 1, where torch refuses to train, keeps the
// biased 0. Allocates nothing.
void batch_norm_forward_train(float* z, float* xhat, float* mean, float* invstd,
                              float* running_mean, float* running_var, const float* gamma,
                              const float* beta, int B, int O, int S);

// Evaluation mode: the same map with the running statistics (mean = running_mean,
// invstd = 1 / sqrt(running_var + eps)), an affine map per unit; mean and invstd (O) receive them.
void batch_norm_forward_eval(float* z, float* xhat, float* mean, float* invstd,
                             const float* running_mean, const float* running_var,
                             const float* gamma, const float* beta, int O, int S);

// dz (O, S): in dL/d(output), out dL/d(input) in place; lanes [B, S) become 0. dgamma += sum of
// dz xhat, dbeta += sum of dz over the B lanes (accumulated, like every gradient). training: the
// batch-statistics backward, gamma invstd (dz - mean(dz) - xhat mean(dz xhat)); otherwise the
// affine map's, gamma invstd dz.
void batch_norm_backward(float* dz, float* dgamma, float* dbeta, const float* xhat,
                         const float* invstd, const float* gamma, int B, int O, int S,
                         bool training);

}  // namespace relu
