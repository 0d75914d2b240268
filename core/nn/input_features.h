// The network's input features (TF Playground's X1, X2, X1², X2², X1X2, sin X1, sin X2): what
// the first layer sees of an input point (x1, x2). The raw point is what callers pass; the
// features are computed per forward. Which features a network has is MlpConfig's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace relu {

enum class InputFeature : int { kX1, kX2, kX1Sq, kX2Sq, kX1X2, kSinX1, kSinX2 };
inline constexpr int kInputFeatureCount = 7;

// "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2" and the inverse.
const char* input_feature_name(InputFeature feature);
bool input_feature_from_name(std::string_view name, InputFeature* feature);

// The most features a network takes: each of them once.
inline constexpr int kInputMaxFeatures = kInputFeatureCount;
// "" if features are 1..kInputMaxFeatures known features, each at most once, else a message naming
// the field ("features[1]: x1 is given twice").
std::string input_features_validate(const std::vector<InputFeature>& features);

// sin x as float through portable_math.h (libm-free), so it is the same bit for bit natively and
// in wasm.
float input_sin(float x);

// The value of `feature` at (x1, x2); sin1 = input_sin(x1) and sin2 = input_sin(x2), passed in so
// that a grid computes them once per column and row. Products are single float operations, so
// every caller (training forward, grid evaluator) gets the same value. Out of line: one copy of
// the code serves both callers (the module's size counts on the web).
float input_feature_value(InputFeature feature, float x1, float x2, float sin1, float sin2);

}  // namespace relu
