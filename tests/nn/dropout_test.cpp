// Tests core/nn/dropout.*: the mask (values, rate, seeding, padding), a whole MLP with a fixed
// mask vs central finite differences and vs PyTorch goldens, and that evaluation ignores dropout.
#include "nn/dropout.h"

#include <catch.hpp>
#include <cstdio>
#include <vector>

#include "nn/init.h"
#include "nn/mlp.h"
#include "support/reference_mlp.h"
#include "support/regularise_golden_replay.h"

using namespace relu;

TEST_CASE("dropout mask: 0 or 1 / (1 - p), rate p, the same for the same generator state") {
  const int O = 16, B = 1001, S = 1004;
  std::vector<float> mask(O * S, -1.0f), again(O * S);
  for (float p : {0.0f, 0.2f, 0.5f, 0.9f}) {
    Rng rng = rng_seed(7, 3);
    Rng copy = rng;
    dropout_mask_draw(mask.data(), &rng, p, B, O, S);
    dropout_mask_draw(again.data(), &copy, p, B, O, S);
    CHECK(mask == again);
    int dropped = 0;
    for (int o = 0; o < O; ++o) {
      for (int b = 0; b < S; ++b) {
        const float m = mask[o * S + b];
        if (b >= B) {
          REQUIRE(m == 0.0f);
          continue;
        }
        REQUIRE((m == 0.0f || m == 1.0f / (1.0f - p)));
        dropped += m == 0.0f ? 1 : 0;
      }
    }
    INFO("p " << p);
    CHECK(static_cast<double>(dropped) / (O * B) == Approx(p).margin(0.02));
  }
}

TEST_CASE("a whole MLP with a fixed dropout mask: gradient matches central differences") {
  for (bool batch_norm : {false, true}) {
    MlpConfig config;
    for (int units : {6, 4}) {
      HiddenLayerConfig h;
      h.units = units;
      h.activation = Activation::kTanh;  // smooth: no kinks for the differences to cross
      h.dropout = 0.3f;
      h.batch_norm = batch_norm;
      config.hidden.push_back(h);
    }
    Mlp mlp;
    std::string error;
    REQUIRE(mlp_build(&mlp, config, 16, &error));
    InitConfig init;
    init.seed = 11;
    init.bias = 0.1f;
    mlp_init(&mlp, init);
    const int B = 7;
    std::vector<float> x(2 * B), y(B);
    Rng rng = rng_seed(5);
    for (float& v : x) v = rng_uniform_range(&rng, -1.0f, 1.0f);
    for (int b = 0; b < B; ++b) y[b] = static_cast<float>(b % 2);
    Rng masks = rng_seed(9);
    REQUIRE(mlp_forward_train(&mlp, x.data(), B, nullptr, &masks));
    mlp_zero_grad(&mlp);
    const double loss = mlp_backward(&mlp, y.data());
    // The reference reads the masks the forward drew; the differences reuse them.
    const auto f = reference::forward_train(mlp, reference::params_of(mlp), x.data(), B);
    CHECK(loss == Approx(reference::loss(f.logits, y.data())).epsilon(1e-5));
    const auto numeric = reference::numeric_gradient(mlp, reference::params_of(mlp), x.data(),
                                                     y.data(), B, 1e-6, true);
    regularise::check_close("grad", batch_norm ? "dropout + bn" : "dropout",
                            std::vector<double>(mlp.grads, mlp.grads + mlp.param_count), numeric,
                            1e-3, 2e-6);
  }
}

TEST_CASE("dropout vs PyTorch (fixed masks): loss, logits, every gradient, 5 SGD steps") {
  for (const auto& c : golden_regularise::kCases) {
    if (!c.dropout) continue;
    const regularise::Agreement a = regularise::replay(c);
    std::printf("torch agreement %s: worst relative error grads %.2e, trajectory %.2e\n", c.label,
                a.grads, a.trajectory);
  }
}

TEST_CASE("evaluation ignores dropout: mlp_forward equals the same net without it") {
  MlpConfig with, without;
  HiddenLayerConfig h;
  h.units = 8;
  without.hidden = {h, h};
  h.dropout = 0.5f;
  with.hidden = {h, h};
  Mlp a, b;
  std::string error;
  REQUIRE(mlp_build(&a, with, 8, &error));
  REQUIRE(mlp_build(&b, without, 8, &error));
  InitConfig init;
  mlp_init(&a, init);
  mlp_init(&b, init);
  const float x[] = {0.1f, 0.2f, -0.5f, 0.9f, 0.7f, -0.3f};
  Rng rng = rng_seed(1);
  REQUIRE(mlp_forward_train(&a, x, 3, nullptr, &rng));
  REQUIRE(mlp_forward(&a, x, 3));
  REQUIRE(mlp_forward(&b, x, 3));
  for (int k = 0; k < 3; ++k) CHECK(mlp_logits(a)[k] == mlp_logits(b)[k]);
  MlpConfig bad = with;
  bad.hidden[1].dropout = 0.95f;
  CHECK(mlp_validate(bad) == "hidden[1].dropout: must be in [0, 0.9]");
}
