// Decision fields: orientation (row 0 is the top), networks with hand-set weights against the
// same network evaluated here in double, unit fields, and the bounds on resolution and layers.
#include "nn/decision_field.h"

#include <catch.hpp>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

namespace {

using relu::Activation;
using relu::FieldKind;
using relu::Mlp;

Mlp build(std::initializer_list<int> hidden, Activation activation) {
  relu::MlpConfig config;
  for (int units : hidden) {
    relu::HiddenLayerConfig layer;
    layer.units = units;
    layer.activation = activation;
    config.hidden.push_back(layer);
  }
  Mlp mlp;
  std::string error;
  REQUIRE(relu::mlp_build(&mlp, config, 300, &error));
  return mlp;
}

// Sets layer `layer`'s W (row-major (O, I)) and b.
void set_layer(Mlp* mlp, int layer, std::vector<float> W, std::vector<float> b) {
  const relu::LayerTensors t = relu::mlp_layer_tensors(*mlp, layer, mlp->params);
  REQUIRE(W.size() == static_cast<size_t>(t.out * t.in));
  REQUIRE(b.size() == static_cast<size_t>(t.out));
  for (size_t k = 0; k < W.size(); ++k) t.W[k] = W[k];
  for (size_t k = 0; k < b.size(); ++k) t.b[k] = b[k];
}

// Cell centres computed independently of field_cell_x/y: the grid spans [-h, h] in R cells.
double centre_x(int col, int R, double h) { return -h + 2.0 * h * (col + 0.5) / R; }
double centre_y(int row, int R, double h) { return h - 2.0 * h * (row + 0.5) / R; }

std::vector<float> evaluate(Mlp* mlp, int R, float h, FieldKind kind) {
  std::vector<float> out(static_cast<size_t>(R) * static_cast<size_t>(R), -999.0f);
  const std::string error = relu::field_evaluate(out.data(), mlp, R, h, kind);
  INFO("field_evaluate: " << error);
  REQUIRE(error.empty());
  return out;
}

double sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }

}  // namespace

TEST_CASE("field kind names round-trip") {
  FieldKind kind;
  REQUIRE(relu::field_kind_from_name("probability", &kind));
  CHECK(kind == FieldKind::kProbability);
  REQUIRE(relu::field_kind_from_name("logit", &kind));
  CHECK(kind == FieldKind::kLogit);
  CHECK_FALSE(relu::field_kind_from_name("prob", &kind));
}

TEST_CASE("row 0 is the top of the domain and column 0 its left edge") {
  Mlp mlp = build({}, Activation::kRelu);
  set_layer(&mlp, 0, {0.0f, 1.0f}, {0.0f});  // logit = y
  const int R = 32;
  std::vector<float> field = evaluate(&mlp, R, 1.0f, FieldKind::kLogit);
  CHECK(field[0] == Approx(1.0 - 1.0 / R).margin(1e-6));
  CHECK(field[static_cast<size_t>((R - 1) * R)] == Approx(-1.0 + 1.0 / R).margin(1e-6));
  for (int row = 0; row < R; ++row) {
    for (int col = 0; col < R; ++col) {
      INFO("row " << row << " col " << col);
      CHECK(field[static_cast<size_t>(row * R + col)] ==
            Approx(centre_y(row, R, 1.0)).margin(1e-6));
    }
  }
  set_layer(&mlp, 0, {1.0f, 0.0f}, {0.0f});  // logit = x
  field = evaluate(&mlp, R, 1.0f, FieldKind::kLogit);
  CHECK(field[0] == Approx(-1.0 + 1.0 / R).margin(1e-6));
  CHECK(field[static_cast<size_t>(R - 1)] == Approx(1.0 - 1.0 / R).margin(1e-6));
}

TEST_CASE("a linear model gives its plane; probability is its sigmoid") {
  Mlp mlp = build({}, Activation::kRelu);
  set_layer(&mlp, 0, {0.5f, -2.0f}, {0.25f});
  const int R = 33;  // 1089 cells: the last chunk is partial
  const float h = 6.0f;
  const std::vector<float> logits = evaluate(&mlp, R, h, FieldKind::kLogit);
  const std::vector<float> probabilities = evaluate(&mlp, R, h, FieldKind::kProbability);
  for (int row = 0; row < R; ++row) {
    for (int col = 0; col < R; ++col) {
      const double expected = 0.25 + 0.5 * centre_x(col, R, 6.0) - 2.0 * centre_y(row, R, 6.0);
      const size_t cell = static_cast<size_t>(row * R + col);
      INFO("row " << row << " col " << col << " logit " << logits[cell]);
      CHECK(logits[cell] == Approx(expected).margin(1e-5));
      CHECK(probabilities[cell] == Approx(sigmoid(expected)).margin(1e-6));
    }
  }
}

TEST_CASE("a ReLU network with known weights: output and unit fields") {
  Mlp mlp = build({2}, Activation::kRelu);
  set_layer(&mlp, 0, {1.0f, 0.0f, 0.0f, -1.0f}, {0.0f, 0.5f});  // relu(x), relu(0.5 - y)
  set_layer(&mlp, 1, {1.0f, -2.0f}, {0.1f});
  const int R = 40;
  const std::vector<float> logits = evaluate(&mlp, R, 1.0f, FieldKind::kLogit);
  std::vector<float> unit0(static_cast<size_t>(R * R));
  std::vector<float> unit1(static_cast<size_t>(R * R));
  std::vector<float> output(static_cast<size_t>(R * R));
  REQUIRE(relu::unit_field_evaluate(unit0.data(), &mlp, 0, 0, R, 1.0f).empty());
  REQUIRE(relu::unit_field_evaluate(unit1.data(), &mlp, 0, 1, R, 1.0f).empty());
  REQUIRE(relu::unit_field_evaluate(output.data(), &mlp, 1, 0, R, 1.0f).empty());
  for (int row = 0; row < R; ++row) {
    for (int col = 0; col < R; ++col) {
      const double x = centre_x(col, R, 1.0);
      const double y = centre_y(row, R, 1.0);
      const double u0 = std::max(x, 0.0);
      const double u1 = std::max(0.5 - y, 0.0);
      const size_t cell = static_cast<size_t>(row * R + col);
      INFO("row " << row << " col " << col);
      CHECK(unit0[cell] == Approx(u0).margin(1e-6));
      CHECK(unit1[cell] == Approx(u1).margin(1e-6));
      CHECK(logits[cell] == Approx(0.1 + u0 - 2.0 * u1).margin(1e-5));
      CHECK(output[cell] == logits[cell]);
    }
  }
}

TEST_CASE("a two-layer tanh network with known weights") {
  Mlp mlp = build({2, 3}, Activation::kTanh);
  const double W0[2][2] = {{1.5, -0.5}, {0.3, 2.0}};
  const double b0[2] = {0.1, -0.2};
  const double W1[3][2] = {{1.0, -1.0}, {0.5, 0.25}, {-2.0, 0.75}};
  const double b1[3] = {0.0, 0.3, -0.1};
  const double W2[3] = {1.0, -1.5, 0.5};
  const double b2 = 0.05;
  set_layer(&mlp, 0, {1.5f, -0.5f, 0.3f, 2.0f}, {0.1f, -0.2f});
  set_layer(&mlp, 1, {1.0f, -1.0f, 0.5f, 0.25f, -2.0f, 0.75f}, {0.0f, 0.3f, -0.1f});
  set_layer(&mlp, 2, {1.0f, -1.5f, 0.5f}, {0.05f});
  const int R = 64;
  const float h = 6.0f;
  const std::vector<float> probabilities = evaluate(&mlp, R, h, FieldKind::kProbability);
  std::vector<float> unit(static_cast<size_t>(R * R));
  REQUIRE(relu::unit_field_evaluate(unit.data(), &mlp, 1, 2, R, h).empty());
  for (int row = 0; row < R; ++row) {
    for (int col = 0; col < R; ++col) {
      const double in[2] = {centre_x(col, R, 6.0), centre_y(row, R, 6.0)};
      double a0[2], a1[3];
      for (int o = 0; o < 2; ++o) a0[o] = std::tanh(b0[o] + W0[o][0] * in[0] + W0[o][1] * in[1]);
      for (int o = 0; o < 3; ++o) a1[o] = std::tanh(b1[o] + W1[o][0] * a0[0] + W1[o][1] * a0[1]);
      const double logit = b2 + W2[0] * a1[0] + W2[1] * a1[1] + W2[2] * a1[2];
      const size_t cell = static_cast<size_t>(row * R + col);
      INFO("row " << row << " col " << col);
      CHECK(unit[cell] == Approx(a1[2]).margin(1e-5));
      CHECK(probabilities[cell] == Approx(sigmoid(logit)).margin(1e-5));
    }
  }
}

TEST_CASE("resolution bounds 32..512, domain and layer/unit checks") {
  Mlp mlp = build({3}, Activation::kRelu);
  set_layer(&mlp, 0, {1, 0, 0, 1, 1, 1}, {0, 0, 0});
  set_layer(&mlp, 1, {1, 1, 1}, {0});
  std::vector<float> out(512 * 512);
  for (int R : {31, 513, 0, -4}) {
    const std::string error = relu::field_evaluate(out.data(), &mlp, R, 1.0f, FieldKind::kLogit);
    INFO("R " << R << ": " << error);
    CHECK(error.find("resolution") == 0);
    CHECK(relu::unit_field_evaluate(out.data(), &mlp, 0, 0, R, 1.0f).find("resolution") == 0);
  }
  for (int R : {32, 512}) {
    CHECK(relu::field_evaluate(out.data(), &mlp, R, 1.0f, FieldKind::kLogit).empty());
    // Top-right corner cell: relu(x) + relu(y) + relu(x + y) with x = y = 1 - 1/R.
    const double c = 1.0 - 1.0 / R;
    CHECK(out[static_cast<size_t>(R - 1)] == Approx(4.0 * c).margin(1e-5));
  }
  for (float h : {0.0f, -1.0f, std::nanf(""), INFINITY}) {
    CHECK_FALSE(relu::field_evaluate(out.data(), &mlp, 64, h, FieldKind::kLogit).empty());
  }
  CHECK(relu::field_evaluate(out.data(), &mlp, 64, 1.0f, static_cast<FieldKind>(7)) ==
        "field: unknown kind");
  CHECK(relu::unit_field_evaluate(out.data(), &mlp, -1, 0, 64, 1.0f).find("layer") == 0);
  CHECK(relu::unit_field_evaluate(out.data(), &mlp, 2, 0, 64, 1.0f).find("layer") == 0);
  CHECK(relu::unit_field_evaluate(out.data(), &mlp, 0, 3, 64, 1.0f).find("unit") == 0);
  CHECK(relu::unit_field_evaluate(out.data(), &mlp, 1, 1, 64, 1.0f).find("unit") == 0);
  CHECK(relu::unit_field_evaluate(out.data(), &mlp, 0, -1, 64, 1.0f).find("unit") == 0);
  Mlp empty;
  CHECK_FALSE(relu::field_evaluate(out.data(), &empty, 64, 1.0f, FieldKind::kLogit).empty());
  CHECK_FALSE(relu::field_evaluate(out.data(), nullptr, 64, 1.0f, FieldKind::kLogit).empty());
}

TEST_CASE("cell centre helpers match the documented formula") {
  for (int R : {32, 100, 512}) {
    for (int i : {0, 1, R / 2, R - 1}) {
      CHECK(relu::field_cell_x(i, R, 6.0f) == Approx(centre_x(i, R, 6.0)).margin(1e-6));
      CHECK(relu::field_cell_y(i, R, 6.0f) == Approx(centre_y(i, R, 6.0)).margin(1e-6));
    }
  }
}
