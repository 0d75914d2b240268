// The metrics of an arena's networks as flat records of doubles, one per network, so that JS
// reads them from wasm memory without text. The layout (key, offset, length and kind of every
// field) is exported once as JSON: JS decodes by key and hard-codes no offset.
#pragma once

#include <string>

#include "nn/metrics.h"

namespace relu {

// The record's fields, in order: name, JS key, length in doubles, kind. Kinds, as JS decodes
// them: "number" (NaN stays NaN), "numberOrNull" (NaN is null), "boolean" (non-zero),
// "perLayer" (one number per hidden layer), "alphas" (per PReLU layer, alphaCounts[l] float32
// values at l * maxUnits, others skipped), "unitMask" (per hidden layer, unitsPerLayer[l]
// booleans at l * maxUnits), "perLayerAndOutput" (one number per hidden layer, then one for the
// output layer) and "shape" (read by the decoder, not returned).
#define RELU_METRICS_FIELDS(X)                                                        \
  X(kEpoch, "epoch", 1, "number")                                                     \
  X(kTrainLoss, "trainLoss", 1, "number")                                             \
  X(kTestLoss, "testLoss", 1, "number")                                               \
  X(kTrainAccuracy, "trainAccuracy", 1, "numberOrNull")                               \
  X(kTestAccuracy, "testAccuracy", 1, "numberOrNull")                                 \
  X(kDeadUnits, "deadUnits", 1, "number")                                             \
  X(kDeadPerLayer, "deadPerLayer", kMlpMaxHiddenLayers, "perLayer")                   \
  X(kUnits, "units", 1, "number")                                                     \
  X(kSparsity, "sparsity", 1, "number")                                               \
  X(kAlphas, "alphas", kMlpMaxHiddenLayers* kMlpMaxUnits, "alphas")                   \
  X(kGradNorm, "gradNorm", 1, "number")                                               \
  X(kDiverged, "diverged", 1, "boolean")                                              \
  X(kDivergedAt, "divergedAt", 1, "numberOrNull")                                     \
  X(kDeadMask, "deadMask", kMlpMaxHiddenLayers* kMlpMaxUnits, "unitMask")             \
  X(kSilentTestMask, "silentTestMask", kMlpMaxHiddenLayers* kMlpMaxUnits, "unitMask") \
  X(kHiddenLayers, "hiddenLayers", 1, "shape")                                        \
  X(kUnitsPerLayer, "unitsPerLayer", kMlpMaxHiddenLayers, "shape")                    \
  X(kAlphaCounts, "alphaCounts", kMlpMaxHiddenLayers, "shape")                        \
  RELU_METRICS_LAYER_SIGNALS(X)                                                       \
  RELU_METRICS_REGRESSION_FIELDS(X)

// Per-layer signals (NetworkMetrics says how each is measured), kept in a block of their own:
// meanActivation and activeFraction per hidden layer over the training rows; gradNormPerLayer,
// the weight-gradient norm of every layer, output layer last, as the RMS over the last epoch's
// steps of each step's norm (at epoch 0: the full-batch gradient at the initial weights).
#define RELU_METRICS_LAYER_SIGNALS(X)                                   \
  X(kMeanActivation, "meanActivation", kMlpMaxHiddenLayers, "perLayer") \
  X(kActiveFraction, "activeFraction", kMlpMaxHiddenLayers, "perLayer") \
  X(kGradNormPerLayer, "gradNormPerLayer", kMlpMaxLayers, "perLayerAndOutput")

// Regression (a block of its own): R^2 on the train and test rows, null for a classification
// (whose accuracies are null for a regression). Its MSE is the loss fields'.
#define RELU_METRICS_REGRESSION_FIELDS(X)   \
  X(kTrainR2, "trainR2", 1, "numberOrNull") \
  X(kR2, "r2", 1, "numberOrNull")

enum class MetricsField : int {
#define RELU_METRICS_ENUM(name, key, length, kind) name,
  RELU_METRICS_FIELDS(RELU_METRICS_ENUM)
#undef RELU_METRICS_ENUM
      kCount
};

// Offset of a field in a record, in doubles.
int metrics_offset(MetricsField field);
// Doubles per network record.
int metrics_record_doubles();

// Writes network m's record (metrics_record_doubles() doubles, overwritten).
void metrics_record_write(double* record, const NetworkMetrics& m);

// {"recordDoubles": N, "maxHiddenLayers": 6, "maxUnits": 16,
//  "fields": [{"key": "epoch", "offset": 0, "length": 1, "kind": "number"}, ...]}
std::string metrics_layout_json();

}  // namespace relu
