// Input feature names; see input_features.h.
#include "nn/input_features.h"

#include "base/name_table.h"

namespace relu {
namespace {

constexpr const char* kNames[kInputFeatureCount] = {"x1",   "x2",    "x1sq", "x2sq",
                                                    "x1x2", "sinx1", "sinx2"};

}  // namespace

const char* input_feature_name(InputFeature feature) { return name_of(kNames, feature); }

bool input_feature_from_name(std::string_view name, InputFeature* feature) {
  return value_of(kNames, name, feature);
}

}  // namespace relu
