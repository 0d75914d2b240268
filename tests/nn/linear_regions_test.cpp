// Tests core/nn/linear_regions.*: hand-set ReLU layers whose lines in general position give
// the known counts (2 lines: 4, 3 lines: 7), convergence as the grid refines, ids and borders,
// leaky/PReLU/linear networks, smooth activations refused, batch norm (affine in evaluation).
#include "nn/linear_regions.h"

#include <algorithm>
#include <array>
#include <catch.hpp>
#include <set>
#include <string>

#include "nn/init.h"

using namespace relu;

namespace {

// One hidden layer of `lines` units w . x + b (each a line in the plane) and a linear output.
Mlp one_layer(Activation op, const std::vector<std::array<float, 3>>& lines) {
  MlpConfig config;
  HiddenLayerConfig h;
  h.units = static_cast<int>(lines.size());
  h.activation = op;
  config.hidden.push_back(h);
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config, 256, &error));
  mlp_init(&mlp, InitConfig());
  const LayerTensors t = mlp_layer_tensors(mlp, 0, mlp.params);
  for (size_t o = 0; o < lines.size(); ++o) {
    t.W[2 * o] = lines[o][0];
    t.W[2 * o + 1] = lines[o][1];
    t.b[o] = lines[o][2];
  }
  return mlp;
}

int count(Mlp* mlp, int resolution, LinearRegions* out) {
  const std::string error = linear_regions(out, mlp, resolution, 1.0f);
  INFO(error);
  REQUIRE(error.empty());
  return out->count;
}

}  // namespace

TEST_CASE("lines in general position: 2 give 4 regions, 3 give 7, at every resolution") {
  LinearRegions r;
  Mlp two = one_layer(Activation::kRelu, {{1.0f, 0.0f, 0.1f}, {0.0f, 1.0f, -0.2f}});
  // x + y = 0.5 crosses both axes inside the domain: three intersections, 7 regions.
  Mlp three =
      one_layer(Activation::kRelu, {{1.0f, 0.0f, 0.0f}, {0.0f, 1.0f, 0.0f}, {1.0f, 1.0f, -0.5f}});
  for (int resolution : {32, 64, 256, 512}) {
    INFO("resolution " << resolution);
    CHECK(count(&two, resolution, &r) == 4);
    CHECK(count(&three, resolution, &r) == 7);
    CHECK(r.resolution == resolution);
  }
  // Ids run 0..count-1 in raster order; borders mark exactly the cells next to another id.
  count(&three, 64, &r);
  std::set<int32_t> seen;
  int32_t next = 0;
  for (size_t k = 0; k < r.ids.size(); ++k) {
    if (seen.insert(r.ids[k]).second) CHECK(r.ids[k] == next++);
    const bool right = k % 64 < 63 && r.ids[k + 1] != r.ids[k];
    const bool down = k + 64 < r.ids.size() && r.ids[k + 64] != r.ids[k];
    REQUIRE(r.borders[k] == (right || down ? 1 : 0));
  }
  CHECK(next == 7);
}

TEST_CASE("the grid count converges from below: a thin region appears once cells resolve it") {
  // Two parallel lines 0.01 apart (plus one across): the strip between them is 0.01 wide, under
  // a cell at 32 (0.0625) and resolved at 256 (0.0078) and 512 alike.
  LinearRegions r;
  Mlp mlp =
      one_layer(Activation::kRelu, {{1.0f, 0.0f, 0.0f}, {1.0f, 0.0f, -0.01f}, {0.0f, 1.0f, 0.3f}});
  const int coarse = count(&mlp, 32, &r);
  const int fine = count(&mlp, 256, &r);
  CHECK(coarse == 4);  // the strip falls between two cell centres: missed
  CHECK(fine == 6);
  CHECK(count(&mlp, 512, &r) == fine);
}

TEST_CASE("leaky ReLU and PReLU have ReLU's regions; linear is one; smooth ones are refused") {
  LinearRegions r;
  const std::vector<std::array<float, 3>> lines = {{1.0f, 0.0f, 0.0f}, {0.0f, 1.0f, 0.0f}};
  for (Activation op : {Activation::kLeakyRelu, Activation::kPrelu}) {
    Mlp mlp = one_layer(op, lines);
    CHECK(count(&mlp, 64, &r) == 4);
  }
  Mlp linear = one_layer(Activation::kLinear, lines);
  CHECK(count(&linear, 64, &r) == 1);
  Mlp tanh = one_layer(Activation::kTanh, lines);
  CHECK(linear_regions(&r, &tanh, 64, 1.0f) == "tanh is smooth: its network has no linear regions");
  CHECK(r.count == 0);
  Mlp relu = one_layer(Activation::kRelu, lines);
  CHECK(linear_regions(&r, &relu, 16, 1.0f).rfind("resolution: 16 is outside", 0) == 0);
  // Two layers: the second layer's units bend along the first layer's lines; a unit that is
  // positive everywhere adds nothing.
  MlpConfig config;
  HiddenLayerConfig h;
  h.units = 2;
  config.hidden = {h, h};
  Mlp deep;
  std::string error;
  REQUIRE(mlp_build(&deep, config, 256, &error));
  mlp_init(&deep, InitConfig());
  LayerTensors t0 = mlp_layer_tensors(deep, 0, deep.params);
  LayerTensors t1 = mlp_layer_tensors(deep, 1, deep.params);
  const float W0[] = {1, 0, 0, 1}, W1[] = {0, 0, 0, 0};
  std::copy(W0, W0 + 4, t0.W);
  std::copy(W1, W1 + 4, t1.W);
  t0.b[0] = t0.b[1] = 0.0f;
  t1.b[0] = t1.b[1] = 1.0f;
  CHECK(count(&deep, 64, &r) == 4);
}

TEST_CASE("batch norm in evaluation is affine: it moves the lines, regions stay well defined") {
  // Unit o's boundary gamma invstd (w . x + b - mean) + beta = 0 is the line w . x + b' = 0 with
  // b' = b - mean + beta / (gamma invstd); with gamma < 0 the unit is active on the other side,
  // which changes patterns but not the count. Two lines, shifted to cross inside the domain.
  MlpConfig config;
  HiddenLayerConfig h;
  h.units = 2;
  h.batch_norm = true;
  config.hidden.push_back(h);
  Mlp mlp;
  std::string error;
  REQUIRE(mlp_build(&mlp, config, 256, &error));
  mlp_init(&mlp, InitConfig());
  const LayerTensors t = mlp_layer_tensors(mlp, 0, mlp.params);
  const float W[4] = {1.0f, 0.0f, 0.0f, 1.0f};
  std::copy(W, W + 4, t.W);
  t.b[0] = 3.0f;  // without batch norm both lines (x = -3, y = -3) lie outside [-1, 1]^2
  t.b[1] = 3.0f;
  LinearRegions r;
  CHECK(count(&mlp, 64, &r) == 1);
  mlp.layers[0].running_mean[0] = 3.2f;  // x = 0.2
  mlp.layers[0].running_mean[1] = 2.7f;  // y = -0.3, then moved by beta / (gamma invstd)
  mlp.layers[0].running_var[0] = 4.0f;
  t.gamma[1] = -2.0f;
  t.beta[1] = 0.1f;
  CHECK(count(&mlp, 64, &r) == 4);
  CHECK(count(&mlp, 256, &r) == 4);
}
