// The MlpConfig a PyTorch golden gradient case was generated with (tools/make_golden_trainer.py):
// shared by the tests that replay those cases (mlp_test, optimizer_test).
#pragma once

#include <catch.hpp>

#include "golden/trainer_golden.inc"
#include "kernels/activation.h"
#include "nn/mlp.h"

inline relu::MlpConfig golden_mlp_config(const golden::GradCase& c) {
  relu::MlpConfig config;
  for (int units : golden::kHidden) {
    relu::HiddenLayerConfig h;
    h.units = units;
    REQUIRE(relu::activation_from_name(c.activation, &h.activation));
    h.params.slope = c.act_params[0];
    h.params.alpha = c.act_params[1];
    h.params.beta = c.act_params[2];
    h.params.threshold = c.act_params[3];
    h.params.prelu_mode = c.prelu_channel ? relu::PreluMode::kChannel : relu::PreluMode::kShared;
    config.hidden.push_back(h);
  }
  return config;
}
