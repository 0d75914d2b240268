// The build selected the backend it was configured for: the wasm SIMD test run fails here if it
// silently fell back to the scalar kernels.
#include <catch.hpp>
#include <string>

#include "kernels/activation.h"

TEST_CASE("the selected kernel table is the one this build expects") {
  CHECK(std::string(relu::kernels_best().backend) == RELU_EXPECT_BACKEND);
  CHECK(std::string(relu::kernels_scalar().backend) == "scalar");
}

TEST_CASE("every op has a name that round-trips and a kernel in both tables") {
  for (int i = 0; i < relu::kActivationCount; ++i) {
    const auto op = static_cast<relu::Activation>(i);
    relu::Activation parsed;
    REQUIRE(relu::activation_from_name(relu::activation_name(op), &parsed));
    CHECK(parsed == op);
    CHECK(relu::kernels_best().forward[i] != nullptr);
    CHECK(relu::kernels_best().backward[i] != nullptr);
  }
  relu::Activation unused;
  CHECK_FALSE(relu::activation_from_name("swish", &unused));
  CHECK_FALSE(relu::activation_from_name("", &unused));
}
