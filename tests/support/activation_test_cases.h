// The op/param combinations the activation tests run (each op with torch's defaults, then the
// non-default sets listed below) and the kernel tables under test (scalar, plus the build's
// best when it differs). Shared so that accuracy and gradient tests cover the same cases.
#pragma once

#include <string>
#include <vector>

#include "kernels/activation.h"

namespace relu_test {

struct ActivationCase {
  relu::Activation op;
  std::string label;  // the op's name, plus its params when they are not the defaults
  relu::ActivationParams params;
};

inline constexpr float kSharedAlpha[] = {0.25f};               // torch's PReLU init
inline constexpr float kChannelAlpha[] = {0.25f, 0.1f, 2.5f};  // 3: not a multiple of 4 lanes

inline std::vector<ActivationCase> activation_cases() {
  using relu::Activation;
  std::vector<ActivationCase> list;
  relu::ActivationParams base;
  base.prelu_alpha = kSharedAlpha;
  for (int i = 0; i < relu::kActivationCount; ++i) {
    const auto op = static_cast<Activation>(i);
    list.push_back({op, relu::activation_name(op), base});
  }
  relu::ActivationParams p = base;
  p.slope = 0.2f;
  list.push_back({Activation::kLeakyRelu, "leaky_relu slope=0.2", p});
  p = base;
  p.alpha = 0.5f;
  list.push_back({Activation::kElu, "elu alpha=0.5", p});
  p = base;
  p.beta = 2.0f;
  p.threshold = 10.0f;
  list.push_back({Activation::kSoftplus, "softplus beta=2 threshold=10", p});
  p = base;
  p.prelu_alpha = kChannelAlpha;
  p.prelu_channels = 3;
  list.push_back({Activation::kPrelu, "prelu 3 channels", p});
  return list;
}

inline std::vector<const relu::KernelTable*> tables_under_test() {
  std::vector<const relu::KernelTable*> tables = {&relu::kernels_scalar()};
  if (&relu::kernels_best() != &relu::kernels_scalar()) tables.push_back(&relu::kernels_best());
  return tables;
}

}  // namespace relu_test
