// Tests core/kernels/activation_params.*: every row's default passes its hard constraint and
// lies in its settings range, ActivationParams{} holds the defaults, read/write by key, and
// messages name the key.
#include "kernels/activation_params.h"

#include <catch.hpp>
#include <cmath>
#include <limits>
#include <string>

using relu::Activation;
using relu::ActivationParamInfo;
using relu::ActivationParams;
using relu::ParamRule;

TEST_CASE("every row's default passes validation and lies in its range") {
  REQUIRE(relu::activation_param_count() > 0);
  const ActivationParams defaults;
  for (int i = 0; i < relu::activation_param_count(); ++i) {
    const ActivationParamInfo& row = relu::activation_param(i);
    INFO(relu::activation_name(row.op) << "." << row.key);
    CHECK(relu::activation_param_check(row, row.init).empty());
    CHECK(row.get(defaults) == row.init);
    CHECK(std::string(row.meaning).size() > 0);
    CHECK(relu::activation_param_find(row.op, row.key) == &row);
    if (row.rule == ParamRule::kOption) {
      CHECK(row.option_count > 0);
      CHECK(std::string(relu::activation_param_option_name(row, row.init)) != "unknown");
    } else {
      CHECK(row.min <= row.max);
      CHECK(static_cast<float>(row.min) <= static_cast<float>(row.init));
      CHECK(static_cast<float>(row.init) <= static_cast<float>(row.max));
      // The range settings clamp to satisfies the hard constraint at both ends.
      const double lo = static_cast<double>(static_cast<float>(row.min));
      const double hi = static_cast<double>(static_cast<float>(row.max));
      CHECK(relu::activation_param_check(row, lo).empty());
      CHECK(relu::activation_param_check(row, hi).empty());
    }
  }
  for (int op = 0; op < relu::kActivationCount; ++op) {
    CHECK(relu::validate_activation_params(static_cast<Activation>(op), defaults).empty());
  }
}

TEST_CASE("read and write by key; unknown keys are not found") {
  ActivationParams p;
  const ActivationParamInfo* beta = relu::activation_param_find(Activation::kSoftplus, "beta");
  REQUIRE(beta != nullptr);
  beta->set(&p, 2.5);
  CHECK(p.beta == 2.5f);
  CHECK(beta->get(p) == 2.5);
  const ActivationParamInfo* mode = relu::activation_param_find(Activation::kPrelu, "mode");
  REQUIRE(mode != nullptr);
  double channel = -1;
  REQUIRE(relu::activation_param_option(*mode, "channel", &channel));
  mode->set(&p, channel);
  CHECK(p.prelu_mode == relu::PreluMode::kChannel);
  CHECK(std::string(relu::activation_param_option_name(*mode, mode->get(p))) == "channel");
  CHECK_FALSE(relu::activation_param_option(*mode, "layer", &channel));
  CHECK(relu::activation_param_find(Activation::kRelu, "slope") == nullptr);
  CHECK(relu::activation_param_find(Activation::kLeakyRelu, "slop") == nullptr);
}

TEST_CASE("validation messages name the key") {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  struct Case {
    Activation op;
    void (*change)(ActivationParams*, float, float);
    const char* message;
  };
  const Case cases[] = {
      {Activation::kLeakyRelu, [](ActivationParams* p, float n, float) { p->slope = n; },
       "slope: must be a finite number"},
      {Activation::kElu, [](ActivationParams* p, float, float i) { p->alpha = i; },
       "alpha: must be a finite number"},
      {Activation::kSoftplus, [](ActivationParams* p, float, float) { p->beta = 0.0f; },
       "beta: must be > 0"},
      {Activation::kSoftplus, [](ActivationParams* p, float, float i) { p->beta = i; },
       "beta: must be > 0"},
      {Activation::kSoftplus, [](ActivationParams* p, float n, float) { p->threshold = n; },
       "threshold: must be a finite number"},
      {Activation::kPrelu, [](ActivationParams* p, float n, float) { p->prelu_init = n; },
       "init: must be a finite number"},
      {Activation::kPrelu,
       [](ActivationParams* p, float, float) { p->prelu_mode = static_cast<relu::PreluMode>(7); },
       "mode: must be shared or channel"},
  };
  for (const Case& c : cases) {
    ActivationParams p;
    c.change(&p, nan, inf);
    CHECK(relu::validate_activation_params(c.op, p) == c.message);
    // Other ops ignore parameters that are not theirs.
    CHECK(relu::validate_activation_params(Activation::kRelu, p).empty());
  }
}
