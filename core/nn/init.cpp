// Weight initialisation (see init.h): one sequence of standard normals or U(-1, 1) draws over
// all weights, scaled per layer by the scheme, so networks of equal shape share their draws.
#include "nn/init.h"

#include <cmath>
#include <cstring>

#include "base/name_table.h"
#include "base/rng.h"

namespace relu {

namespace {

constexpr const char* kSchemeNames[kInitSchemeCount] = {
    "he_normal",    "he_uniform",    "xavier_normal", "xavier_uniform",
    "lecun_normal", "lecun_uniform", "uniform"};

bool is_normal(InitScheme scheme) {
  return scheme == InitScheme::kHeNormal || scheme == InitScheme::kXavierNormal ||
         scheme == InitScheme::kLecunNormal;
}

// The scale of layer `layer`: the std of a normal scheme or the bound of a uniform one.
double layer_scale(const MlpLayer& layer, const InitConfig& init) {
  const double fan_in = layer.in;
  const double fan_out = layer.out;
  const double gain = init.activation_gain ? init_activation_gain(layer) : 1.0;
  const double he_gain = init.activation_gain ? gain : std::sqrt(2.0);
  switch (init.scheme) {
    case InitScheme::kHeNormal:
      return he_gain / std::sqrt(fan_in);
    case InitScheme::kHeUniform:
      return he_gain * std::sqrt(3.0 / fan_in);
    case InitScheme::kXavierNormal:
      return gain * std::sqrt(2.0 / (fan_in + fan_out));
    case InitScheme::kXavierUniform:
      return gain * std::sqrt(6.0 / (fan_in + fan_out));
    case InitScheme::kLecunNormal:
      return gain / std::sqrt(fan_in);
    case InitScheme::kLecunUniform:
      return gain * std::sqrt(3.0 / fan_in);
    case InitScheme::kUniform:
      return 0.5;
  }
  return 0.0;
}

}  // namespace

const char* init_scheme_name(InitScheme scheme) { return name_of(kSchemeNames, scheme); }

bool init_scheme_from_name(std::string_view name, InitScheme* scheme) {
  return value_of(kSchemeNames, name, scheme);
}

double init_activation_gain(const MlpLayer& layer) {
  switch (layer.activation) {
    case Activation::kLinear:
    case Activation::kSigmoid:
      return 1.0;
    case Activation::kTanh:
      return 5.0 / 3.0;
    case Activation::kLeakyRelu: {
      const double slope = static_cast<double>(layer.params.slope);
      return std::sqrt(2.0 / (1.0 + slope * slope));
    }
    case Activation::kPrelu: {
      const double slope = static_cast<double>(layer.params.prelu_init);
      return std::sqrt(2.0 / (1.0 + slope * slope));
    }
    default:  // relu, and the ReLU-like ops torch gives no gain for
      return std::sqrt(2.0);
  }
}

void mlp_init(Mlp* mlp, const InitConfig& init) {
  Rng rng = rng_seed(init.seed);
  const bool normal = is_normal(init.scheme);
  for (int l = 0; l < mlp->layer_count; ++l) {
    const MlpLayer& layer = mlp->layers[l];
    // The output layer is linear: with activation gains it gets gain 1 (init_activation_gain).
    const double scale = layer_scale(layer, init);
    float* W = mlp->params + layer.W;
    const int count = layer.out * layer.in;
    for (int k = 0; k < count; ++k) {
      const double draw = normal ? rng_normal_double(&rng) : 2.0 * rng_uniform_double(&rng) - 1.0;
      W[k] = static_cast<float>(scale * draw);
    }
    for (int o = 0; o < layer.out; ++o) mlp->params[layer.b + o] = init.bias;
    for (int k = 0; k < layer.alpha_count; ++k) {
      mlp->params[layer.alpha + k] = layer.params.prelu_init;
    }
  }
  mlp_reset_batch_norm(mlp);
  const size_t bytes = mlp->param_count * sizeof(float);
  std::memset(mlp->grads, 0, bytes);
  std::memset(mlp->m, 0, bytes);
  std::memset(mlp->v, 0, bytes);
  ++mlp->weights_version;
}

}  // namespace relu
