// The arena end to end: the defaults learn the circle (figures printed), identical
// initial numbers across panels, bit-for-bit determinism, dead ReLUs, divergence that stops
// one network and not the others, field views, and settings errors.
#include "nn/arena.h"

#include <catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

using relu::Activation;
using relu::Arena;
using relu::ArenaSettings;
using relu::NetworkMetrics;

ArenaSettings with_networks(std::vector<Activation> ops) {
  ArenaSettings settings;
  settings.networks.clear();
  for (Activation op : ops) {
    relu::NetworkSpec spec;
    spec.activation = op;
    settings.networks.push_back(spec);
  }
  return settings;
}

void reset_ok(Arena* arena, const ArenaSettings& settings) {
  const std::string error = arena->reset(settings);
  INFO("reset: " << error);
  REQUIRE(error.empty());
}

// The initial-weight gain of each op with activation_gain on (torch.nn.init.calculate_gain;
// relu's for the ReLU-like ops torch has no gain for), written out independently of init.cpp.
double expected_gain(Activation op) {
  switch (op) {
    case Activation::kLinear:
    case Activation::kSigmoid:
      return 1.0;
    case Activation::kTanh:
      return 5.0 / 3.0;
    case Activation::kLeakyRelu:
      return std::sqrt(2.0 / (1.0 + 0.01 * 0.01));
    case Activation::kPrelu:
      return std::sqrt(2.0 / (1.0 + 0.25 * 0.25));
    default:
      return std::sqrt(2.0);
  }
}

bool same_bits(const void* a, const void* b, size_t bytes) { return std::memcmp(a, b, bytes) == 0; }

}  // namespace

TEST_CASE("the defaults learn the circle: every non-linear panel >= 95% within 200 epochs") {
  const ArenaSettings defaults;
  const size_t n = defaults.networks.size();
  std::vector<double> sum(n, 0.0), low(n, 1.0), first(n, 0.0);
  constexpr int kSeeds = 5;
  constexpr int kEpochs = 200;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    ArenaSettings settings;
    settings.seed = static_cast<uint64_t>(seed);
    Arena arena;
    reset_ok(&arena, settings);
    std::vector<int> reached(n, -1);
    for (int epoch = 1; epoch <= kEpochs; ++epoch) {
      REQUIRE(arena.train(relu::TrainRequest::epochs(1)).error.empty());
      for (size_t i = 0; i < n; ++i) {
        const NetworkMetrics* m = arena.metrics(static_cast<int>(i));
        if (reached[i] < 0 && m->test_accuracy >= 0.95) reached[i] = epoch;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      const NetworkMetrics* m = arena.metrics(static_cast<int>(i));
      CHECK_FALSE(m->diverged);
      sum[i] += m->test_accuracy;
      low[i] = std::min(low[i], m->test_accuracy);
      first[i] += reached[i] < 0 ? kEpochs + 1 : reached[i];
      const Activation op = defaults.networks[i].activation;
      INFO(relu::activation_name(op) << " seed " << seed << " test accuracy " << m->test_accuracy);
      if (op == Activation::kLinear) {
        CHECK(m->test_accuracy < 0.75);  // a half-plane cannot separate a disc from a ring
      } else if (op != Activation::kSigmoid) {
        CHECK(reached[i] > 0);
      }
    }
  }
  std::printf("\nCircle, defaults, test accuracy after %d epochs over %d seeds\n", kEpochs, kSeeds);
  std::printf("| activation | mean | min | mean first epoch >= 95%% (never: %d) |\n", kEpochs + 1);
  std::printf("|---|---|---|---|\n");
  for (size_t i = 0; i < n; ++i) {
    std::printf("| %s | %.3f | %.3f | %.0f |\n",
                relu::activation_name(defaults.networks[i].activation), sum[i] / kSeeds, low[i],
                first[i] / kSeeds);
  }
  std::fflush(stdout);
}

TEST_CASE("every panel starts from the same random numbers") {
  ArenaSettings settings;  // all ten default ops
  settings.init.activation_gain = false;
  Arena arena;
  reset_ok(&arena, settings);
  const relu::Mlp& ref = arena.network(0)->mlp;
  for (int i = 1; i < arena.network_count(); ++i) {
    const relu::Mlp& mlp = arena.network(i)->mlp;
    INFO("network " << i);
    REQUIRE(mlp.weight_count == ref.weight_count);
    // Weights, then biases, then alphas: network 0 (relu) has none, so all of its
    // parameters must be bit-identical to the start of every other network's.
    REQUIRE(mlp.param_count >= ref.param_count);
    CHECK(same_bits(mlp.params, ref.params, ref.param_count * sizeof(float)));
  }

  // With activation gains (the default) each hidden layer is the same draws times the gain.
  settings.init.activation_gain = true;
  reset_ok(&arena, settings);
  const double ref_gain = expected_gain(settings.networks[0].activation);
  for (int i = 1; i < arena.network_count(); ++i) {
    const relu::Mlp& mlp = arena.network(i)->mlp;
    const double ratio =
        expected_gain(settings.networks[static_cast<size_t>(i)].activation) / ref_gain;
    for (int l = 0; l < mlp.layer_count; ++l) {
      const relu::LayerTensors a = relu::mlp_layer_tensors(mlp, l, mlp.params);
      const relu::LayerTensors b =
          relu::mlp_layer_tensors(arena.network(0)->mlp, l, arena.network(0)->mlp.params);
      const bool output = l + 1 == mlp.layer_count;
      for (int k = 0; k < a.in * a.out; ++k) {
        INFO(relu::activation_name(settings.networks[static_cast<size_t>(i)].activation)
             << " layer " << l << " weight " << k);
        const double expected = static_cast<double>(b.W[k]) * (output ? 1.0 : ratio);
        CHECK(static_cast<double>(a.W[k]) == Approx(expected).epsilon(1e-6));
      }
    }
  }
  // A different seed gives different weights.
  Arena other;
  settings.seed = 2;
  reset_ok(&other, settings);
  CHECK_FALSE(same_bits(other.network(0)->mlp.params, arena.network(0)->mlp.params,
                        arena.network(0)->mlp.weight_count * sizeof(float)));
}

TEST_CASE("same settings and seed: bit-identical metrics, weights and fields") {
  ArenaSettings settings;
  settings.dataset.kind = relu::DatasetKind::kSpiral;
  settings.dataset.noise = 0.2f;
  settings.seed = 77;
  settings.networks[2].params.prelu_mode = relu::PreluMode::kChannel;
  Arena a;
  Arena b;
  reset_ok(&a, settings);
  reset_ok(&b, settings);
  REQUIRE(a.train(relu::TrainRequest::epochs(7)).error.empty());
  REQUIRE(b.train(relu::TrainRequest::epochs(3)).error.empty());
  REQUIRE(b.train(relu::TrainRequest::epochs(4))
              .error.empty());  // split calls resume the same epochs and shuffles
  REQUIRE(a.data().points == b.data().points);
  for (int i = 0; i < a.network_count(); ++i) {
    INFO("network " << i);
    const NetworkMetrics& ma = *a.metrics(i);
    const NetworkMetrics& mb = *b.metrics(i);
    CHECK(ma.epoch == 7);
    CHECK(same_bits(&ma.train_loss, &mb.train_loss, sizeof(double)));
    CHECK(same_bits(&ma.test_loss, &mb.test_loss, sizeof(double)));
    CHECK(ma.train_accuracy == mb.train_accuracy);
    CHECK(ma.test_accuracy == mb.test_accuracy);
    CHECK(ma.dead_units == mb.dead_units);
    CHECK(ma.sparsity == mb.sparsity);
    CHECK(same_bits(&ma.grad_norm, &mb.grad_norm, sizeof(double)));
    CHECK(same_bits(ma.alphas, mb.alphas, sizeof ma.alphas));
    const relu::Mlp& wa = a.network(i)->mlp;
    CHECK(same_bits(wa.params, b.network(i)->mlp.params, wa.param_count * sizeof(float)));
    std::string error;
    const relu::FieldView fa = a.field(i, 64, relu::FieldKind::kProbability, &error);
    const relu::FieldView fb = b.field(i, 64, relu::FieldKind::kProbability, &error);
    REQUIRE(fa.size == 64 * 64);
    CHECK(same_bits(fa.data, fb.data, fa.size * sizeof(float)));
    const relu::FieldView ua = a.unit_field(i, 1, 3, 48, &error);
    const relu::FieldView ub = b.unit_field(i, 1, 3, 48, &error);
    REQUIRE(ua.size == 48 * 48);
    CHECK(same_bits(ua.data, ub.data, ua.size * sizeof(float)));
  }
}

TEST_CASE("a large negative bias init kills ReLUs, not leaky ReLUs or ELUs") {
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    ArenaSettings settings =
        with_networks({Activation::kRelu, Activation::kLeakyRelu, Activation::kElu});
    settings.init.bias = -1.0f;
    settings.seed = seed;
    Arena arena;
    reset_ok(&arena, settings);
    REQUIRE(arena.train(relu::TrainRequest::epochs(20)).error.empty());
    INFO("seed " << seed << " dead relu " << arena.metrics(0)->dead_units << " leaky "
                 << arena.metrics(1)->dead_units << " elu " << arena.metrics(2)->dead_units);
    CHECK(arena.metrics(0)->dead_units > 0);
    CHECK(arena.metrics(0)->sparsity > 0.5);
    CHECK(arena.metrics(1)->dead_units == 0);
    CHECK(arena.metrics(2)->dead_units == 0);
    CHECK(arena.metrics(0)->units == 16);
  }
}

TEST_CASE("lr = 10: a network diverges with its epoch, the others keep training") {
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    ArenaSettings settings =
        with_networks({Activation::kLinear, Activation::kTanh, Activation::kSigmoid});
    settings.optimizer.kind = relu::OptimizerKind::kSgd;
    settings.optimizer.lr = 10.0f;  // the largest the settings allow
    settings.seed = seed;
    Arena arena;
    reset_ok(&arena, settings);
    REQUIRE(arena.train(relu::TrainRequest::epochs(20)).error.empty());
    const NetworkMetrics& linear = *arena.metrics(0);
    INFO("seed " << seed << " diverged at " << linear.diverged_epoch);
    REQUIRE(linear.diverged);  // a product of three matrices, multiplied up at every step
    CHECK(linear.diverged_epoch >= 1);
    CHECK(linear.diverged_epoch <= 20);
    CHECK(linear.epoch == linear.diverged_epoch - 1);
    CHECK(arena.epoch() == 20);
    for (int i : {1, 2}) {  // bounded activations: large but finite
      CHECK_FALSE(arena.metrics(i)->diverged);
      CHECK(arena.metrics(i)->epoch == 20);
      CHECK(std::isfinite(arena.metrics(i)->train_loss));
    }
    // A diverged network has no field (it would be drawn from NaN): empty, and no error.
    std::string error = "unset";
    const relu::FieldView field = arena.field(0, 32, relu::FieldKind::kProbability, &error);
    CHECK(error.empty());
    CHECK(field.size == 0);
    CHECK(arena.unit_field(0, 0, 0, 32, &error).size == 0);
    CHECK(arena.field(1, 32, relu::FieldKind::kProbability, &error).size == 32 * 32);
    REQUIRE(arena.train(relu::TrainRequest::epochs(5)).error.empty());
    CHECK(arena.metrics(0)->epoch == linear.diverged_epoch - 1);
    CHECK(arena.metrics(1)->epoch == 25);
  }
}

TEST_CASE("fields through the arena: per-network buffers, probability and logit agree") {
  ArenaSettings settings = with_networks({Activation::kRelu, Activation::kTanh});
  settings.dataset.scale_inputs = false;
  Arena arena;
  reset_ok(&arena, settings);
  REQUIRE(arena.train(relu::TrainRequest::epochs(5)).error.empty());
  CHECK(arena.data().half_width == 6.0f);
  CHECK(arena.data().count == 500);
  CHECK(arena.data().train_count == 250);
  std::string error;
  const relu::FieldView p0 = arena.field(0, 50, relu::FieldKind::kProbability, &error);
  REQUIRE(p0.size == 2500);
  CHECK(p0.half_width == 6.0f);
  const std::vector<float> kept(p0.data, p0.data + p0.size);
  const relu::FieldView l1 = arena.field(1, 50, relu::FieldKind::kLogit, &error);
  REQUIRE(l1.size == 2500);
  CHECK(std::vector<float>(p0.data, p0.data + p0.size) == kept);  // network 1 has its own buffer
  const std::vector<float> logits(l1.data, l1.data + l1.size);
  const relu::FieldView p1 = arena.field(1, 50, relu::FieldKind::kProbability, &error);
  CHECK(p1.data != l1.data);  // one buffer per kind: the logits stay
  CHECK(std::vector<float>(l1.data, l1.data + l1.size) == logits);
  for (size_t k = 0; k < p1.size; ++k) {
    CHECK(p1.data[k] == Approx(1.0 / (1.0 + std::exp(-static_cast<double>(logits[k])))));
  }
  for (float p : kept) CHECK((p >= 0.0f && p <= 1.0f));
  const relu::FieldView unit = arena.unit_field(0, 0, 0, 32, &error);
  REQUIRE(unit.size == 32 * 32);
  for (size_t k = 0; k < unit.size; ++k) CHECK(unit.data[k] >= 0.0f);  // a ReLU output
  CHECK(arena.field(2, 50, relu::FieldKind::kLogit, &error).size == 0);
  CHECK(error.find("index") == 0);
  CHECK(arena.field(0, 1000, relu::FieldKind::kLogit, &error).size == 0);
  CHECK(error.find("resolution") == 0);
  CHECK(arena.unit_field(0, 0, 8, 32, &error).size == 0);
  CHECK(error.find("unit") == 0);
  CHECK(arena.metrics(2) == nullptr);
  CHECK(arena.metrics(-1) == nullptr);
  CHECK(arena.network(2) == nullptr);
}

TEST_CASE("a field is evaluated once per weights version, resolution and kind") {
  ArenaSettings settings = with_networks({Activation::kRelu, Activation::kTanh});
  Arena arena;
  reset_ok(&arena, settings);
  std::string error;
  const auto probability = relu::FieldKind::kProbability;
  const relu::FieldView first = arena.field(0, 64, probability, &error);
  REQUIRE(first.size == 64 * 64);
  const std::vector<float> kept(first.data, first.data + first.size);
  CHECK(arena.field_evaluations() == 1);
  const relu::FieldView again = arena.field(0, 64, probability, &error);
  CHECK(arena.field_evaluations() == 1);  // nothing changed: the cached buffer, no work
  CHECK(again.data == first.data);
  CHECK(std::vector<float>(again.data, again.data + again.size) == kept);
  arena.field(0, 64, relu::FieldKind::kLogit, &error);  // another kind
  arena.field(1, 64, probability, &error);              // another network
  CHECK(arena.field_evaluations() == 3);
  arena.field(0, 32, probability, &error);  // another resolution replaces the cached one
  arena.field(0, 64, probability, &error);
  CHECK(arena.field_evaluations() == 5);
  REQUIRE(arena.train(relu::TrainRequest::epochs(0)).error.empty());  // no step, no change
  arena.field(0, 64, probability, &error);
  CHECK(arena.field_evaluations() == 5);
  const uint64_t before = arena.network(0)->mlp.weights_version;
  REQUIRE(arena.train(relu::TrainRequest::epochs(1))
              .error.empty());  // 25 steps of 10 out of 250 train rows
  CHECK(arena.network(0)->mlp.weights_version == before + 25);
  const relu::FieldView trained = arena.field(0, 64, probability, &error);
  CHECK(arena.field_evaluations() == 6);
  CHECK(std::vector<float>(trained.data, trained.data + trained.size) != kept);
  CHECK(arena.field(0, 64, probability, &error).data == trained.data);
  CHECK(arena.field_evaluations() == 6);
  CHECK(arena.field(0, 64, static_cast<relu::FieldKind>(relu::kFieldKindCount), &error).size == 0);
  CHECK(error == "field: unknown kind");
  reset_ok(&arena, settings);  // a reset empties the cache
  CHECK(arena.field_evaluations() == 0);
  arena.field(0, 64, probability, &error);
  CHECK(arena.field_evaluations() == 1);
}

TEST_CASE("weights set back from an earlier epoch give that epoch's field bit for bit") {
  Arena arena;
  reset_ok(&arena, with_networks({Activation::kRelu, Activation::kPrelu}));
  std::string error;
  const auto probability = relu::FieldKind::kProbability;
  REQUIRE(arena.train(relu::TrainRequest::epochs(3)).error.empty());
  const relu::Mlp& mlp = arena.network(1)->mlp;
  const std::vector<float> kept(mlp.params, mlp.params + mlp.param_count);
  const relu::FieldView at3 = arena.field(1, 64, probability, &error);
  const std::vector<float> field3(at3.data, at3.data + at3.size);
  REQUIRE(arena.train(relu::TrainRequest::epochs(5)).error.empty());
  const std::vector<float> live(mlp.params, mlp.params + mlp.param_count);
  CHECK(live != kept);
  const uint64_t version = mlp.weights_version;
  CHECK(arena.set_params(1, kept.data(), kept.size()).empty());
  CHECK(mlp.weights_version == version + 1);  // the field cache of epoch 8 is not reused
  const relu::FieldView again = arena.field(1, 64, probability, &error);
  REQUIRE(again.size == field3.size());
  CHECK(same_bits(again.data, field3.data(), field3.size() * sizeof(float)));
  // Errors name the field and change nothing.
  CHECK(arena.set_params(2, kept.data(), kept.size()) == "index: 2 is outside 0..1");
  CHECK(arena.set_params(1, kept.data(), 3) ==
        "params: expected " + std::to_string(kept.size()) + " floats, got 3");
  std::vector<float> bad = live;
  bad[4] = NAN;
  CHECK(arena.set_params(1, bad.data(), bad.size()) == "params[4]: not finite");
  CHECK(std::vector<float>(mlp.params, mlp.params + mlp.param_count) == kept);
  // The live weights put back: training goes on exactly as if nothing had been shown.
  REQUIRE(arena.set_params(1, live.data(), live.size()).empty());
  REQUIRE(arena.train(relu::TrainRequest::epochs(2)).error.empty());
  Arena straight;
  reset_ok(&straight, with_networks({Activation::kRelu, Activation::kPrelu}));
  REQUIRE(straight.train(relu::TrainRequest::epochs(10)).error.empty());
  const relu::Mlp& other = straight.network(1)->mlp;
  CHECK(same_bits(other.params, mlp.params, mlp.param_count * sizeof(float)));
}

TEST_CASE("a diverged network has no field and costs no evaluation") {
  ArenaSettings settings = with_networks({Activation::kLinear});
  settings.optimizer.kind = relu::OptimizerKind::kSgd;
  settings.optimizer.lr = 10.0f;  // the largest allowed: linear diverges within 20 epochs
  Arena arena;
  reset_ok(&arena, settings);
  arena.train(relu::TrainRequest::epochs(20));
  REQUIRE(arena.metrics(0)->diverged);
  std::string error = "unset";
  const relu::FieldView view = arena.field(0, 32, relu::FieldKind::kProbability, &error);
  CHECK(view.size == 0);
  CHECK(error.empty());
  CHECK(arena.field_evaluations() == 0);
}

TEST_CASE("no hidden layers: logistic regression, no units, the output is the only unit field") {
  ArenaSettings settings = with_networks({Activation::kRelu, Activation::kTanh});
  settings.hidden.clear();
  Arena arena;
  reset_ok(&arena, settings);
  REQUIRE(arena.train(relu::TrainRequest::epochs(10)).error.empty());
  for (int i = 0; i < 2; ++i) {
    const NetworkMetrics& m = *arena.metrics(i);
    CHECK(m.units == 0);
    CHECK(m.dead_units == 0);
    CHECK(m.sparsity == 0.0);
    CHECK(m.test_accuracy < 0.75);  // a half-plane again
  }
  std::string error;
  const relu::FieldView logits = arena.field(0, 32, relu::FieldKind::kLogit, &error);
  const std::vector<float> kept(logits.data, logits.data + logits.size);
  const relu::FieldView unit = arena.unit_field(0, 0, 0, 32, &error);
  REQUIRE(unit.size == kept.size());
  CHECK(std::vector<float>(unit.data, unit.data + unit.size) == kept);
  CHECK(arena.unit_field(0, 1, 0, 32, &error).size == 0);
}

TEST_CASE("a full batch larger than the training set trains one step per epoch") {
  ArenaSettings settings = with_networks({Activation::kRelu});
  settings.batch_size = relu::kArenaMaxBatch;
  Arena arena;
  reset_ok(&arena, settings);
  REQUIRE(arena.train(relu::TrainRequest::epochs(3)).error.empty());
  CHECK(arena.network(0)->step == 3);
  CHECK(arena.metrics(0)->epoch == 3);
}

TEST_CASE("invalid settings: reset returns an error naming the field, the arena stays empty") {
  struct Bad {
    const char* field;
    void (*change)(ArenaSettings*);
  };
  const Bad bad[] = {
      {"points", [](ArenaSettings* s) { s->dataset.points = 1; }},
      {"layers", [](ArenaSettings* s) { s->hidden = {8, 8, 8, 8, 8, 8, 8}; }},
      {"layers[1]",
       [](ArenaSettings* s) {
         s->hidden = {8, 17};
       }},
      {"layers[0]", [](ArenaSettings* s) { s->hidden = {0}; }},
      {"networks", [](ArenaSettings* s) { s->networks.clear(); }},
      {"networks", [](ArenaSettings* s) { s->networks.resize(13); }},
      {"networks[1].activation",
       [](ArenaSettings* s) { s->networks[1].activation = static_cast<Activation>(99); }},
      {"networks[6].params.beta", [](ArenaSettings* s) { s->networks[6].params.beta = 0.0f; }},
      {"networks[2].params.init", [](ArenaSettings* s) { s->networks[2].params.prelu_init = NAN; }},
      {"biasInit", [](ArenaSettings* s) { s->init.bias = INFINITY; }},
      {"init", [](ArenaSettings* s) { s->init.scheme = static_cast<relu::InitScheme>(42); }},
      {"lr", [](ArenaSettings* s) { s->optimizer.lr = NAN; }},
      {"batchSize", [](ArenaSettings* s) { s->batch_size = 0; }},
  };
  for (const Bad& b : bad) {
    ArenaSettings settings;
    b.change(&settings);
    Arena arena;
    const std::string error = arena.reset(settings);
    INFO("expected field " << b.field << ", error: " << error);
    CHECK(error.find(b.field) != std::string::npos);
    CHECK(arena.network_count() == 0);
    CHECK_FALSE(arena.train(relu::TrainRequest::epochs(1)).error.empty());
    std::string field_error;
    CHECK(arena.field(0, 64, relu::FieldKind::kLogit, &field_error).size == 0);
  }
  Arena arena;
  reset_ok(&arena, ArenaSettings());
  CHECK(arena.train(relu::TrainRequest::epochs(-1)).error.find("epochs") == 0);
  CHECK(arena.train(relu::TrainRequest::epochs(relu::kArenaMaxEpochsPerCall + 1))
            .error.find("epochs") == 0);
  CHECK(arena.train(relu::TrainRequest::epochs(0)).error.empty());
  CHECK(arena.epoch() == 0);
}

TEST_CASE(
    "train until a target: the first epoch metrics reach the target, the weights of train()") {
  ArenaSettings settings = with_networks(
      {Activation::kRelu, Activation::kTanh, Activation::kSigmoid, Activation::kLinear});
  settings.seed = 9;
  const double target = 0.9;
  constexpr int kEpochs = 25;
  // The reference: one epoch per call, test accuracy read from the full metrics each time.
  Arena each;
  reset_ok(&each, settings);
  std::vector<int64_t> expected(4, -1);
  for (int e = 1; e <= kEpochs; ++e) {
    REQUIRE(each.train(relu::TrainRequest::epochs(1)).error.empty());
    for (int i = 0; i < 4; ++i) {
      if (expected[i] < 0 && each.metrics(i)->test_accuracy >= target) expected[i] = e;
    }
  }
  // Split over two calls: the arena keeps the epochs found so far.
  Arena fast;
  reset_ok(&fast, settings);
  using relu::TrainRequest;
  const relu::TrainProgress progress = fast.train(TrainRequest::epochs(10).until(target));
  REQUIRE(progress.error.empty());
  CHECK(progress.epochs == 10);
  REQUIRE(fast.train(TrainRequest::epochs(kEpochs - 10).until(target)).error.empty());
  std::vector<int64_t> reached;
  for (int i = 0; i < 4; ++i) reached.push_back(fast.reached(i));
  CHECK(reached == expected);
  CHECK(expected[3] == -1);  // linear never separates the circle
  for (int i = 0; i < 4; ++i) {
    INFO("network " << i);
    const relu::Mlp& wa = each.network(i)->mlp;
    CHECK(same_bits(wa.params, fast.network(i)->mlp.params, wa.param_count * sizeof(float)));
    CHECK(same_bits(&each.metrics(i)->test_loss, &fast.metrics(i)->test_loss, sizeof(double)));
  }
  CHECK(fast.train(TrainRequest::epochs(1).until(1.5)).error == "target: must be in 0..1");
  CHECK(fast.train(TrainRequest::epochs(-1).until(0.5)).error == "epochs: -1 is outside 0..100000");
  CHECK(fast.train(TrainRequest::steps(-1)).error == "steps: -1 is outside 0..500000000");
  CHECK(fast.reached(4) == -1);
}

TEST_CASE("a batch-norm network's cached field follows its running statistics") {
  ArenaSettings settings = with_networks({Activation::kRelu});
  settings.batch_norm = true;
  settings.dropout = 0.2f;
  Arena arena;
  reset_ok(&arena, settings);
  std::string error;
  const auto logit = relu::FieldKind::kLogit;
  const relu::FieldView fresh = arena.field(0, 40, logit, &error);
  REQUIRE(fresh.size == 40 * 40);
  const std::vector<float> before(fresh.data, fresh.data + fresh.size);
  // Each training forward moves the running statistics (and bumps weights_version), so the
  // cached field is evaluated again and equals mlp_forward's in evaluation mode.
  const uint64_t version = arena.network(0)->mlp.weights_version;
  REQUIRE(arena.train(relu::TrainRequest::epochs(1)).error.empty());
  CHECK(arena.network(0)->mlp.weights_version > version);
  const relu::FieldView trained = arena.field(0, 40, logit, &error);
  CHECK(arena.field_evaluations() == 2);
  CHECK(std::vector<float>(trained.data, trained.data + trained.size) != before);
  std::vector<float> want(40 * 40);
  const relu::Mlp& mlp = arena.network(0)->mlp;
  relu::Mlp reference;
  REQUIRE(relu::mlp_build(&reference, mlp.config, 256, &error));
  std::copy(mlp.params, mlp.params + mlp.param_count, reference.params);
  for (int l = 0; l + 1 < mlp.layer_count; ++l) {
    std::copy(mlp.layers[l].running_mean, mlp.layers[l].running_mean + mlp.layers[l].out,
              reference.layers[l].running_mean);
    std::copy(mlp.layers[l].running_var, mlp.layers[l].running_var + mlp.layers[l].out,
              reference.layers[l].running_var);
  }
  const float h = arena.data().half_width;
  REQUIRE(relu::field_evaluate_reference(want.data(), &reference, 40, h, logit).empty());
  CHECK(std::vector<float>(trained.data, trained.data + trained.size) == want);
}

// torch.nn.BatchNorm1d in training mode raises "Expected more than 1 value per channel when
// training" for a batch of one, which a DataLoader without drop_last gives as an epoch's last
// mini-batch when the rows leave one over: core refuses the same settings, naming them.
TEST_CASE("batch norm refuses settings that give a mini-batch of one, as torch does") {
  struct Case {
    int points;
    float train_fraction;
    int batch_size;
    const char* error;  // the start of the error, or "" for settings that train
  };
  // 500 points at 0.5: 250 training rows.
  const Case cases[] = {
      {500, 0.5f, 1, "batchNorm: batchSize 1 makes every mini-batch one example"},
      {500, 0.5f, 3, "batchNorm: the last mini-batch of each epoch holds one example (250 rows"},
      {500, 0.5f, 249, "batchNorm: the last mini-batch of each epoch holds one example"},
      {10, 0.1f, 10, "batchNorm: one training example is a batch of one"},
      {500, 0.5f, 2, ""},
      {500, 0.5f, 4, ""},
      {500, 0.5f, 250, ""},
      {500, 0.5f, 5000, ""},
  };
  for (const Case& c : cases) {
    ArenaSettings settings = with_networks({Activation::kRelu, Activation::kTanh});
    settings.dataset.points = c.points;
    settings.dataset.train_fraction = c.train_fraction;
    settings.batch_size = c.batch_size;
    settings.batch_norm = true;
    Arena arena;
    const std::string error = arena.reset(settings);
    INFO("points " << c.points << ", batch " << c.batch_size << ": " << error);
    CHECK(error.rfind(c.error, 0) == 0);
    CHECK(error.empty() == (c.error[0] == '\0'));
    if (error.empty()) {
      REQUIRE(arena.train(relu::TrainRequest::epochs(2)).error.empty());
      CHECK(std::isfinite(arena.metrics(0)->train_loss));
    } else {
      CHECK(arena.network_count() == 0);
      CHECK(error.find("torch.nn.BatchNorm1d") != std::string::npos);
    }
    // Without batch norm a mini-batch of one is plain SGD on one example.
    settings.batch_norm = false;
    Arena plain;
    reset_ok(&plain, settings);
  }
}
