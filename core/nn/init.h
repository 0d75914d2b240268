// Weight initialisation from an explicit seed. Every network with the same layer sizes and seed
// draws the SAME underlying random numbers in the same order, and a scheme only scales them, so
// panels of an arena start from identical weights (or proportional ones with activation gains).
#pragma once

#include <cstdint>
#include <string_view>

#include "nn/mlp.h"

namespace relu {

// fan_in = I, fan_out = O of each layer; std for the normal schemes, bound for the uniform ones.
// https://pytorch.org/docs/stable/nn.init.html
enum class InitScheme : int {
  kHeNormal,       // std = gain / sqrt(fan_in), gain sqrt(2)   (kaiming_normal_, fan_in)
  kHeUniform,      // bound = gain * sqrt(3 / fan_in)            (kaiming_uniform_)
  kXavierNormal,   // std = gain * sqrt(2 / (fan_in + fan_out)), gain 1  (xavier_normal_)
  kXavierUniform,  // bound = gain * sqrt(6 / (fan_in + fan_out))        (xavier_uniform_)
  kLecunNormal,    // std = gain / sqrt(fan_in), gain 1
  kLecunUniform,   // bound = gain * sqrt(3 / fan_in)
  kUniform,        // U(-0.5, 0.5) whatever the layer, as TF Playground
};
inline constexpr int kInitSchemeCount = 7;

// "he_normal", "he_uniform", "xavier_normal", "xavier_uniform", "lecun_normal",
// "lecun_uniform", "uniform".
const char* init_scheme_name(InitScheme scheme);
bool init_scheme_from_name(std::string_view name, InitScheme* scheme);

// torch.nn.init.calculate_gain for an activation: linear/sigmoid 1, relu sqrt(2), leaky_relu
// sqrt(2 / (1 + slope^2)), prelu the same with its init alpha, tanh 5/3. torch has no gain for
// elu, gelu, gelu_tanh, silu and softplus: we use relu's sqrt(2) (they are ReLU-like for x > 0).
// https://pytorch.org/docs/stable/nn.init.html#torch.nn.init.calculate_gain
double init_activation_gain(const MlpLayer& layer);

struct InitConfig {
  InitScheme scheme = InitScheme::kHeNormal;
  float bias = 0.0f;  // every b (hidden and output); e.g. 0.1 (classic ReLU tip) or -1 (kills)
  uint64_t seed = 1;
  // false (default): the scheme's fixed gain (He sqrt(2), else 1) for every layer and every
  // activation, so all panels start from bit-identical weights. true: the gain of each layer's
  // activation (init_activation_gain) replaces He's sqrt(2) / multiplies Xavier and LeCun;
  // the output layer is linear (gain 1). Ignored by kUniform.
  bool activation_gain = false;
};

// Overwrites params: W[l][o][i] = scale_l * n_k where n_k is the k-th draw of ONE sequence over
// all layers in order (layer, then row-major W): standard normals (rng_normal) for the normal
// schemes, U(-1, 1) for the uniform ones, from rng_seed(seed). b = bias, alphas = prelu_init,
// batch norm as mlp_reset_batch_norm (gamma 1, beta 0, running mean 0, variance 1).
// Resets grads, m and v to 0 and bumps weights_version.
void mlp_init(Mlp* mlp, const InitConfig& init);

}  // namespace relu
