// Tests core/nn/unit_activity.*: the one definition of an inactive (dead or silent) unit, on
// hand-set ReLU and tanh networks, chunk by chunk and over the plotted grid.
#include "nn/unit_activity.h"

#include <catch.hpp>
#include <string>
#include <vector>

#include "nn/decision_field.h"

namespace {

using relu::Activation;
using relu::Mlp;
using relu::UnitMask;

// One hidden layer of 2 units, inputs (x, y): unit 0 is x - 0.5 (active only right of 0.5),
// unit 1 is x + 10 (active everywhere in the domain).
Mlp two_units(Activation activation) {
  relu::MlpConfig config;
  relu::HiddenLayerConfig layer;
  layer.units = 2;
  layer.activation = activation;
  config.hidden.push_back(layer);
  Mlp mlp;
  std::string error;
  REQUIRE(relu::mlp_build(&mlp, config, 64, &error));
  const relu::LayerTensors t = relu::mlp_layer_tensors(mlp, 0, mlp.params);
  const float W[] = {1, 0, 1, 0};
  const float b[] = {-0.5f, 10.0f};
  for (int k = 0; k < 4; ++k) t.W[k] = W[k];
  for (int k = 0; k < 2; ++k) t.b[k] = b[k];
  return mlp;
}

UnitMask active_on(Mlp* mlp, const std::vector<float>& xy) {
  const int count = static_cast<int>(xy.size() / 2);
  REQUIRE(relu::mlp_forward(mlp, xy.data(), count));
  UnitMask active;
  relu::units_mark_active(&active, *mlp, count);
  return active;
}

}  // namespace

TEST_CASE("a ReLU unit is dead on points left of its kink and silent on no domain") {
  Mlp mlp = two_units(Activation::kRelu);
  // "Training rows": all with x < 0.5, so unit 0 never fires there.
  const std::vector<float> train = {-0.9f, 0.1f, 0.0f, -0.5f, 0.49f, 0.9f, -0.2f, 0.3f};
  const UnitMask train_active = active_on(&mlp, train);
  CHECK_FALSE(train_active.unit[0][0]);  // dead on the training rows
  CHECK(train_active.unit[0][1]);
  // Exactly at the kink the derivative is 0 (the documented convention): still inactive.
  CHECK_FALSE(active_on(&mlp, {0.5f, 0.0f}).unit[0][0]);
  // The grid over [-1, 1]^2 has cells right of 0.5: the unit is not silent on the domain.
  UnitMask grid;
  REQUIRE(relu::units_active_on_grid(&grid, &mlp, 32, 1.0f).empty());
  CHECK(grid.unit[0][0]);
  CHECK(grid.unit[0][1]);
  // On a domain of half-width 0.4 it is silent everywhere.
  REQUIRE(relu::units_active_on_grid(&grid, &mlp, 32, 0.4f).empty());
  CHECK_FALSE(grid.unit[0][0]);
  CHECK(relu::units_active_on_grid(&grid, &mlp, 8, 1.0f).rfind("resolution:", 0) == 0);
}

TEST_CASE("marking accumulates over chunks and never clears a flag") {
  Mlp mlp = two_units(Activation::kRelu);
  UnitMask active = active_on(&mlp, {0.9f, 0.0f});
  CHECK(active.unit[0][0]);
  REQUIRE(relu::mlp_forward(&mlp, std::vector<float>{-0.9f, 0.0f}.data(), 1));
  relu::units_mark_active(&active, mlp, 1);
  CHECK(active.unit[0][0]);
}

TEST_CASE("tanh is inactive only where its float derivative is exactly zero") {
  Mlp mlp = two_units(Activation::kTanh);
  // Unit 1 becomes x + 100: tanh's derivative there (about 4e-87) underflows to exactly 0, so it
  // is inactive. Unit 0's derivative near x - 0.5 = 0 is about 1: active.
  relu::mlp_layer_tensors(mlp, 0, mlp.params).b[1] = 100.0f;
  const UnitMask active = active_on(&mlp, {0.0f, 0.0f, 0.3f, 0.0f});
  CHECK(active.unit[0][0]);
  CHECK_FALSE(active.unit[0][1]);
}
