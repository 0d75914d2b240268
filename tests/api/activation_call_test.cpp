// ActivationCall: the validated activate() behind the JS API — parameter checks, sizes, PReLU
// channels and alpha gradient, buffer alignment and growth.
#include "api/activation_call.h"

#include <catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

using relu::ActivationCall;
using relu::ActivationParams;

namespace {
void fill(float* dst, std::initializer_list<float> values) {
  for (float v : values) *dst++ = v;
}
}  // namespace

TEST_CASE("ActivationCall rejects unknown names and bad parameters with a message") {
  ActivationCall call;
  REQUIRE(call.prepare(3, 0).empty());
  CHECK(call.run("swish", {}) == "unknown activation 'swish'");
  ActivationParams params;
  params.slope = std::numeric_limits<float>::quiet_NaN();
  CHECK(call.run("leaky_relu", params) == "slope: must be a finite number");
  params = {};
  params.alpha = std::numeric_limits<float>::infinity();
  CHECK(call.run("elu", params) == "alpha: must be a finite number");
  params = {};
  params.beta = 0.0f;
  CHECK(call.run("softplus", params) == "beta: must be > 0");
  params.beta = -2.0f;
  CHECK(call.run("softplus", params) == "beta: must be > 0");
  params = {};
  params.threshold = std::numeric_limits<float>::infinity();
  CHECK(call.run("softplus", params) == "threshold: must be a finite number");
  // Parameters of other ops are ignored rather than rejected.
  params = {};
  params.beta = -1.0f;
  CHECK(call.run("relu", params).empty());
}

TEST_CASE("ActivationCall sizes: limits, zero length, alignment") {
  ActivationCall call;
  CHECK_FALSE(call.prepare(relu::kMaxActivationElements + 1, 0).empty());
  CHECK_FALSE(call.prepare(4, relu::kMaxPreluChannels + 1).empty());
  REQUIRE(call.prepare(0, 0).empty());
  CHECK(call.run("tanh", {}).empty());
  REQUIRE(call.prepare(1000, 3).empty());
  for (float* p : {call.x(), call.y(), call.dydx(), call.alpha(), call.dalpha()}) {
    CHECK(reinterpret_cast<std::uintptr_t>(p) % relu::AlignedBuffer::kAlignment == 0);
  }
}

TEST_CASE("ActivationCall computes y and dydx = f'(x)") {
  ActivationCall call;
  REQUIRE(call.prepare(4, 0).empty());
  fill(call.x(), {-2.0f, -0.5f, 0.0f, 3.0f});
  ActivationParams params;
  params.slope = 0.2f;
  REQUIRE(call.run("leaky_relu", params).empty());
  const float expected_y[] = {-0.4f, -0.1f, 0.0f, 3.0f};
  const float expected_d[] = {0.2f, 0.2f, 0.2f, 1.0f};  // f'(0) is the slope, as torch
  for (int i = 0; i < 4; ++i) {
    CHECK(call.y()[i] == Approx(expected_y[i]));
    CHECK(call.dydx()[i] == expected_d[i]);
  }
  REQUIRE(call.run("tanh", {}).empty());
  CHECK(call.y()[3] == Approx(std::tanh(3.0)).epsilon(1e-6));
  CHECK(call.dydx()[3] == Approx(1.0 / std::pow(std::cosh(3.0), 2)).epsilon(1e-5));
}

TEST_CASE("ActivationCall runs PReLU per channel and returns the alpha gradient") {
  ActivationCall call;
  REQUIRE(call.prepare(6, 2).empty());
  fill(call.x(), {-1.0f, 2.0f, -3.0f, -4.0f, 5.0f, -6.0f});  // (3 rows, 2 channels)
  fill(call.alpha(), {0.5f, 0.125f});
  REQUIRE(call.run("prelu", {}).empty());
  const float expected_y[] = {-0.5f, 2.0f, -1.5f, -0.5f, 5.0f, -0.75f};
  for (int i = 0; i < 6; ++i) CHECK(call.y()[i] == expected_y[i]);
  CHECK(call.dalpha()[0] == -1.0f - 3.0f);  // channel 0: x = -1, -3, 5
  CHECK(call.dalpha()[1] == -4.0f - 6.0f);  // channel 1: x = 2, -4, -6
  CHECK(call.dydx()[1] == 1.0f);
  CHECK(call.dydx()[3] == 0.125f);

  REQUIRE(call.prepare(5, 2).empty());
  CHECK(call.run("prelu", {}).find("multiple") != std::string::npos);
  REQUIRE(call.prepare(4, 0).empty());
  CHECK(call.run("prelu", {}).find("needs alpha") != std::string::npos);
  REQUIRE(call.prepare(4, 2).empty());
  call.alpha()[0] = 0.1f;
  call.alpha()[1] = std::numeric_limits<float>::quiet_NaN();
  CHECK(call.run("prelu", {}) == "alpha[1] must be a finite number");
}

TEST_CASE("ActivationCall keeps contents when it grows") {
  ActivationCall call;
  REQUIRE(call.prepare(2, 0).empty());
  fill(call.x(), {1.5f, -2.5f});
  REQUIRE(call.prepare(100000, 0).empty());
  CHECK(call.x()[0] == 1.5f);
  CHECK(call.x()[1] == -2.5f);
  CHECK(call.x()[99999] == 0.0f);
}

TEST_CASE("a zero slope or alpha at -inf gives the limit, not -inf * 0 = NaN") {
  ActivationCall call;
  const float inf = std::numeric_limits<float>::infinity();
  ActivationParams params;
  params.slope = 0.0f;
  REQUIRE(call.prepare(4, 0).empty());
  fill(call.x(), {-inf, -2.0f, inf, std::numeric_limits<float>::quiet_NaN()});
  REQUIRE(call.run("leaky_relu", params).empty());
  CHECK(call.y()[0] == 0.0f);
  CHECK(call.y()[1] == 0.0f);
  CHECK(call.y()[2] == inf);
  CHECK(std::isnan(call.y()[3]));  // only a NaN input gives NaN
  CHECK(call.dydx()[0] == 0.0f);

  // Per channel (3 channels take the general select path in SIMD), one alpha of 0.
  REQUIRE(call.prepare(6, 3).empty());
  fill(call.x(), {-inf, -inf, -inf, -1.0f, 2.0f, -3.0f});
  fill(call.alpha(), {0.0f, 0.5f, -0.5f});
  REQUIRE(call.run("prelu", {}).empty());
  CHECK(call.y()[0] == 0.0f);
  CHECK(call.y()[1] == -inf);
  CHECK(call.y()[2] == inf);
  CHECK(call.y()[3] == 0.0f);
  CHECK(call.y()[5] == 1.5f);
}
