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
