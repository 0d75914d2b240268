// Tests of core/network.*: mini-batch SGD against a double reference that follows the
// documented batching and per-epoch shuffle, resumable and deterministic training, chunked
// full-batch gradients vs PyTorch goldens, divergence, and one checksum that pins the exact
// bits of 100 training steps (the same constant natively and in wasm proves they agree).
#include "nn/network.h"

#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "base/rng.h"
#include "golden/trainer_golden.inc"
#include "nn/init.h"
#include "support/reference_mlp.h"

using namespace relu;

namespace {

struct Data {
  std::vector<float> x, y;
  int n = 0;
};

// A disc of one class inside a ring of the other, from the project's RNG.
Data circle(int n, uint64_t seed) {
  Data d;
  d.n = n;
  Rng rng = rng_seed(seed);
  for (int i = 0; i < n; ++i) {
    const float a = rng_uniform_range(&rng, -1.0f, 1.0f);
    const float b = rng_uniform_range(&rng, -1.0f, 1.0f);
    d.x.push_back(a);
    d.x.push_back(b);
    d.y.push_back(a * a + b * b < 0.45f ? 1.0f : 0.0f);
  }
  return d;
}

void build(Network* net, Activation op, std::vector<int> units, const OptimizerConfig& opt,
           int max_batch, uint64_t seed) {
  MlpConfig config;
  for (int u : units) {
    HiddenLayerConfig h;
    h.units = u;
    h.activation = op;
    config.hidden.push_back(h);
  }
  std::string error;
  REQUIRE(network_build(net, config, opt, max_batch, &error));
  InitConfig init;
  init.seed = seed;
  init.bias = 0.1f;
  mlp_init(&net->mlp, init);
}

std::vector<float> params(const Network& net) {
  return std::vector<float>(net.mlp.params, net.mlp.params + net.mlp.param_count);
}

// FNV-1a over the bits of every parameter.
uint64_t checksum(const Network& net) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t k = 0; k < net.mlp.param_count; ++k) {
    uint32_t bits;
    std::memcpy(&bits, &net.mlp.params[k], sizeof bits);
    for (int byte = 0; byte < 4; ++byte) {
      h ^= (bits >> (8 * byte)) & 0xffu;
      h *= 0x100000001b3ull;
    }
  }
  return h;
}

}  // namespace

TEST_CASE("mini-batch SGD follows the documented batches and shuffles") {
  const Data d = circle(13, 3);
  OptimizerConfig opt;
  opt.lr = 0.5f;
  Network net;
  build(&net, Activation::kTanh, {4}, opt, 4, 11);  // batch 5 > max_batch 4: chunked too
  std::vector<double> p = reference::params_of(net.mlp);
  const TrainResult r = network_train_epochs(&net, d.x.data(), d.y.data(), d.n, 5, 2, 77);
  CHECK(r.steps == 6);  // batches of 5, 5, 3 per epoch
  CHECK(net.epoch == 2);
  CHECK(net.cursor == 0);
  // The reference: per epoch a Fisher-Yates permutation from rng_seed(seed, epoch), then
  // consecutive batches; double-precision finite-difference gradients; p -= lr g.
  for (uint64_t epoch = 0; epoch < 2; ++epoch) {
    std::vector<int> order(d.n);
    for (int i = 0; i < d.n; ++i) order[i] = i;
    Rng rng = rng_seed(77, epoch);
    for (int i = d.n - 1; i > 0; --i) {
      std::swap(order[i], order[rng_below(&rng, static_cast<uint32_t>(i) + 1u)]);
    }
    for (int start = 0; start < d.n; start += 5) {
      const int B = std::min(5, d.n - start);
      std::vector<float> bx, by;
      for (int b = 0; b < B; ++b) {
        bx.push_back(d.x[2 * order[start + b]]);
        bx.push_back(d.x[2 * order[start + b] + 1]);
        by.push_back(d.y[order[start + b]]);
      }
      const std::vector<double> g =
          reference::numeric_gradient(net.mlp, p, bx.data(), by.data(), B);
      for (size_t k = 0; k < p.size(); ++k) p[k] -= 0.5 * g[k];
    }
  }
  for (size_t k = 0; k < p.size(); ++k) {
    INFO("param " << k);
    CHECK(std::fabs(static_cast<double>(net.mlp.params[k]) - p[k]) < 1e-4 * std::fabs(p[k]) + 1e-5);
  }
}

TEST_CASE("training resumes where it stopped and is deterministic") {
  const Data d = circle(50, 4);
  OptimizerConfig opt;
  opt.kind = OptimizerKind::kAdam;
  opt.lr = 0.01f;
  Network a, b, c;
  build(&a, Activation::kRelu, {8, 8}, opt, 16, 5);
  build(&b, Activation::kRelu, {8, 8}, opt, 16, 5);
  build(&c, Activation::kRelu, {8, 8}, opt, 16, 5);
  network_train_steps(&a, d.x.data(), d.y.data(), d.n, 7, 30, 9);
  network_train_steps(&b, d.x.data(), d.y.data(), d.n, 7, 13, 9);
  network_train_steps(&b, d.x.data(), d.y.data(), d.n, 7, 17, 9);
  CHECK(params(a) == params(b));
  CHECK(a.step == 30);
  network_train_steps(&c, d.x.data(), d.y.data(), d.n, 7, 30, 10);  // another shuffle seed
  CHECK(params(a) != params(c));
  network_reset_optimizer(&c);
  CHECK(c.step == 0);
  CHECK(c.epoch == 0);
}

TEST_CASE("full-batch loss and gradients, chunked, match PyTorch; predict") {
  const golden::GradCase& g = golden::kGradCases[0];  // relu
  MlpConfig config;
  for (int units : golden::kHidden) {
    HiddenLayerConfig h;
    h.units = units;
    config.hidden.push_back(h);
  }
  Network net;
  std::string error;
  REQUIRE(network_build(&net, config, OptimizerConfig(), 3, &error));
  for (size_t k = 0; k < g.params.size(); ++k) net.mlp.params[k] = g.params[k];
  std::vector<float> logits(golden::kBatch);
  const double loss =
      network_loss_and_gradients(&net, golden::kX, golden::kY, golden::kBatch, logits.data());
  CHECK(std::fabs(loss - g.loss) < 1e-5 * g.loss);
  for (size_t k = 0; k < g.grads.size(); ++k) {
    INFO("grad " << k);
    CHECK(std::fabs(static_cast<double>(net.mlp.grads[k]) - g.grads[k]) <
          1e-4 * std::fabs(g.grads[k]) + 1e-6);
  }
  std::vector<float> predicted(golden::kBatch);
  network_predict(&net, predicted.data(), golden::kX, golden::kBatch);
  for (int b = 0; b < golden::kBatch; ++b) {
    CHECK(std::fabs(static_cast<double>(logits[b]) - g.logits[b]) < 1e-5);
    CHECK(predicted[b] == logits[b]);
  }
}

TEST_CASE("a diverging network stops with finite = false") {
  const Data d = circle(40, 6);
  OptimizerConfig opt;
  opt.lr = 1e30f;
  Network net;
  build(&net, Activation::kRelu, {8}, opt, 40, 1);
  const TrainResult r = network_train_steps(&net, d.x.data(), d.y.data(), d.n, 10, 50, 2);
  CHECK_FALSE(r.finite);
  CHECK(r.steps < 50);
  std::string error;
  CHECK_FALSE(network_build(&net, MlpConfig(), opt, 0, &error));  // max_batch 0
  opt.lr = -1.0f;
  CHECK_FALSE(network_build(&net, MlpConfig(), opt, 10, &error));
  CHECK(error.rfind("lr", 0) == 0);
}

TEST_CASE("100 SGD steps give the same bits on every build (native == wasm)") {
  // relu and leaky_relu kernels are exact (0 ULP), the dense loops keep one summation order,
  // and exp/log come from portable_math.h: the bits depend on nothing platform specific.
  // The constants were produced natively and reproduced by the wasm SIMD build.
  const Data d = circle(200, 8);
  OptimizerConfig opt;
  opt.lr = 0.1f;
  const struct {
    Activation op;
    OptimizerKind kind;
    uint64_t want;
  } cases[] = {{Activation::kRelu, OptimizerKind::kSgd, 0xf3f5d95d1d691580ull},
               {Activation::kLeakyRelu, OptimizerKind::kAdam, 0x8158422cc708f779ull}};
  for (const auto& c : cases) {
    opt.kind = c.kind;
    Network net;
    build(&net, c.op, {8, 8}, opt, 10, 12);
    const TrainResult r = network_train_steps(&net, d.x.data(), d.y.data(), d.n, 10, 100, 13);
    REQUIRE(r.finite);
    std::printf("checksum %s/%s: 0x%016llxull (loss %.9g)\n", activation_name(c.op),
                optimizer_name(c.kind), static_cast<unsigned long long>(checksum(net)),
                r.last_loss);
    CHECK(checksum(net) == c.want);
  }
}
