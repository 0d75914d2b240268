// Model files <-> Mlp weights:
//   {"format": "relu-lab/model", "version": 1, "inputs": 2, "features": ["x1", ...], "loss",
//    "layers": [{"units", "activation", "params", "W": [out][in], "b": [out], "alpha",
//                "dropout", "batchNorm": {"gamma", "beta", "runningMean", "runningVar"}}, ...,
//               {"units": 1, "activation": "linear", "W", "b"}]}
// dropout (a training rate, default 0) is optional. batchNorm (each [out]) changes what the
// model computes, so a file with it is version 2, which a version-1 reader refuses instead of
// silently ignoring the key; files without it stay version 1. Likewise "features" (the first
// layer's input features, input_features.h; W has one column each; default ["x1", "x2"]) and
// "loss" ("bce" or "mse", default "bce") make a file version 3 unless they are their defaults.
// This reader reads all three.
// Import validates everything (no clamping: a file is data) with errors naming the field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/json.h"
#include "nn/mlp.h"

namespace relu {

inline constexpr const char* kModelFormat = "relu-lab/model";
inline constexpr int kModelVersion = 1;
inline constexpr int kModelVersionBatchNorm = 2;
inline constexpr int kModelVersionFeatures = 3;  // features or loss other than the defaults
// The largest model (6 layers of 16 units, pretty-printed) is ~60 KB of text; a quarter MiB
// leaves room for formatting while bounding the memory a parse can take (json.h).
inline constexpr size_t kModelMaxTextBytes = size_t{256} << 10;
inline constexpr json::ParseLimits kModelParseLimits = {kModelMaxTextBytes, 16};

// One layer's tensors as they are in the file: W (O, I) row-major, b (O), alpha (alpha_count).
struct ModelLayer {
  std::vector<float> W, b, alpha;
  std::vector<float> gamma, beta, running_mean, running_var;  // batch norm only
};

// A parsed model: the Mlp configuration (hidden layers; the output layer is implied) and the
// tensors of every layer, hidden layers first, the output layer last.
struct Model {
  MlpConfig config;
  std::vector<ModelLayer> layers;
};

struct ModelResult {
  Model model;
  std::vector<std::string> warnings;  // unknown keys, params the activation does not have
  std::string error;                  // "" or "<field>: <what>", e.g. "layers[1].W: expected
                                      // 8 rows, got 7"
  bool ok() const { return error.empty(); }
};

// Validates a model object: format and version, inputs 2, features (distinct names, 1..7) and
// loss, 1..7 layers, hidden units 1..16,
// the last layer 1 unit and linear, activation names and params (finite; softplus beta > 0;
// prelu mode shared/channel), W/b/alpha shapes, every number finite and within float range.
// prelu's alpha has 1 value (mode "shared", the default) or `units` values ("channel").
ModelResult model_from_json(const json::Value& value);
ModelResult model_from_json_text(std::string_view text);  // kModelParseLimits

// Copies the model's tensors (and batch norm's running statistics) into mlp; mlp must have been
// built (mlp_build or network_build) from model.config. Grads and optimizer state are left alone.
void model_copy_to_mlp(const Model& model, Mlp* mlp);

// The model file of mlp's current weights (floats print with the shortest digits that read
// back bit-exactly; a non-finite weight prints as null, which import rejects).
json::Value model_to_json(const Mlp& mlp);

// The "layers" array of model_to_json but read from any parameter-shaped buffer of mlp
// (mlp.params, mlp.grads, mlp.m, mlp.v): [{"W", "b", "alpha"?, "batchNorm"?: {"gamma",
// "beta"}}, ...]. For gradients in JS.
json::Value model_tensors_json(const Mlp& mlp, const float* buffer);

}  // namespace relu
