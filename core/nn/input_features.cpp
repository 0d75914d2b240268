// Input feature names; see input_features.h.
#include "nn/input_features.h"

#include "base/name_table.h"
#include "base/portable_math.h"

namespace relu {
namespace {

constexpr const char* kNames[kInputFeatureCount] = {"x1",   "x2",    "x1sq", "x2sq",
                                                    "x1x2", "sinx1", "sinx2"};

}  // namespace

const char* input_feature_name(InputFeature feature) { return name_of(kNames, feature); }

bool input_feature_from_name(std::string_view name, InputFeature* feature) {
  return value_of(kNames, name, feature);
}

std::string input_features_validate(const std::vector<InputFeature>& features) {
  if (features.empty() || features.size() > static_cast<size_t>(kInputMaxFeatures)) {
    return "features: " + std::to_string(features.size()) + " features is outside 1.." +
           std::to_string(kInputMaxFeatures);
  }
  bool seen[kInputFeatureCount] = {};
  for (size_t k = 0; k < features.size(); ++k) {
    const int f = static_cast<int>(features[k]);
    const std::string at = "features[" + std::to_string(k) + "]";
    if (f < 0 || f >= kInputFeatureCount) return at + ": unknown feature";
    if (seen[f]) return at + ": " + input_feature_name(features[k]) + " is given twice";
    seen[f] = true;
  }
  return "";
}

float input_sin(float x) { return static_cast<float>(portable_sincos(static_cast<double>(x)).sin); }

float input_feature_value(InputFeature feature, float x1, float x2, float sin1, float sin2) {
  switch (feature) {
    case InputFeature::kX1:
      return x1;
    case InputFeature::kX2:
      return x2;
    case InputFeature::kX1Sq:
      return x1 * x1;
    case InputFeature::kX2Sq:
      return x2 * x2;
    case InputFeature::kX1X2:
      return x1 * x2;
    case InputFeature::kSinX1:
      return sin1;
    default:
      return sin2;
  }
}

}  // namespace relu
