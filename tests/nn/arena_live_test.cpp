// Changes to a running arena: kLive settings through Arena::update (weights, moments and epoch
// kept, the next step uses the new values) and edits of single weights and biases.
#include <catch.hpp>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "nn/arena.h"

namespace {

using relu::Activation;
using relu::Arena;
using relu::ArenaSettings;
using relu::OptimizerKind;

// Adam at lr 0.3 on two ReLU-like panels: the dying-while-training experiment's setting.
ArenaSettings high_lr() {
  ArenaSettings s;
  s.networks.clear();
  for (Activation op : {Activation::kRelu, Activation::kLeakyRelu}) {
    relu::NetworkSpec spec;
    spec.activation = op;
    s.networks.push_back(spec);
  }
  s.optimizer.kind = OptimizerKind::kAdam;
  s.optimizer.lr = 0.3f;
  return s;
}

void reset_ok(Arena* arena, const ArenaSettings& s) {
  const std::string error = arena->reset(s);
  INFO(error);
  REQUIRE(error.empty());
}

std::vector<float> params_of(const Arena& arena, int i) {
  const relu::Mlp& mlp = arena.network(i)->mlp;
  return std::vector<float>(mlp.params, mlp.params + mlp.param_count);
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("a live lr change keeps weights and epoch; the next Adam step scales with the new lr") {
  Arena a, b;
  reset_ok(&a, high_lr());
  reset_ok(&b, high_lr());
  REQUIRE(a.train(relu::TrainRequest::epochs(3)).error.empty());
  REQUIRE(b.train(relu::TrainRequest::epochs(3)).error.empty());
  const std::vector<float> before = params_of(a, 0);
  ArenaSettings lower = a.settings();
  lower.optimizer.lr = 0.03f;
  REQUIRE(a.update(lower).empty());
  CHECK(a.epoch() == 3);
  CHECK(a.settings().optimizer.lr == 0.03f);
  CHECK(same_bits(params_of(a, 0), before));  // nothing trained, nothing reset
  // One more step each: same gradients and moments, so Adam's update differs by the lr alone.
  REQUIRE(a.train(relu::TrainRequest::steps(1)).error.empty());
  REQUIRE(b.train(relu::TrainRequest::steps(1)).error.empty());
  const std::vector<float> after_a = params_of(a, 0), after_b = params_of(b, 0);
  int compared = 0;
  for (size_t k = 0; k < before.size(); ++k) {
    const double da = static_cast<double>(after_a[k]) - static_cast<double>(before[k]);
    const double db = static_cast<double>(after_b[k]) - static_cast<double>(before[k]);
    // Each new value is rounded to a float once: allow one ulp of p for each run.
    const double ulp = std::fabs(static_cast<double>(before[k])) * 0x1p-23 + 1e-12;
    if (std::fabs(db) < 1e3 * ulp) continue;  // steps of a few ulps say nothing about the ratio
    INFO("param " << k << ": step at lr 0.03 " << da << ", at lr 0.3 " << db);
    CHECK(std::fabs(da - 0.1 * db) <= 2 * ulp + 1e-5 * std::fabs(db));
    ++compared;
  }
  CHECK(compared > 20);
}

TEST_CASE("an update at step 0 equals a reset with those settings; same values change nothing") {
  ArenaSettings low = high_lr();
  low.optimizer.lr = 0.03f;
  low.optimizer.l2 = 0.001f;
  Arena updated, fresh, same, plain;
  reset_ok(&updated, high_lr());
  REQUIRE(updated.update(low).empty());
  reset_ok(&fresh, low);
  REQUIRE(updated.train(relu::TrainRequest::epochs(5)).error.empty());
  REQUIRE(fresh.train(relu::TrainRequest::epochs(5)).error.empty());
  CHECK(same_bits(params_of(updated, 0), params_of(fresh, 0)));
  CHECK(same_bits(params_of(updated, 1), params_of(fresh, 1)));
  // Mid-run with the values it already has: bit-identical to a run without the call.
  reset_ok(&same, high_lr());
  reset_ok(&plain, high_lr());
  REQUIRE(same.train(relu::TrainRequest::steps(7)).error.empty());
  REQUIRE(same.update(same.settings()).empty());
  REQUIRE(same.train(relu::TrainRequest::epochs(4)).error.empty());
  REQUIRE(plain.train(relu::TrainRequest::steps(7)).error.empty());
  REQUIRE(plain.train(relu::TrainRequest::epochs(4)).error.empty());
  CHECK(same_bits(params_of(same, 0), params_of(plain, 0)));
  CHECK(same.metrics(0)->train_loss == plain.metrics(0)->train_loss);
}

TEST_CASE("update refuses what needs a new arena, naming it, and changes nothing") {
  Arena arena;
  reset_ok(&arena, high_lr());
  REQUIRE(arena.train(relu::TrainRequest::epochs(2)).error.empty());
  const std::vector<float> before = params_of(arena, 0);
  struct Case {
    const char* key;
    void (*change)(ArenaSettings*);
  };
  const Case cases[] = {
      {"layers", [](ArenaSettings* s) { s->hidden = {4}; }},
      {"activations", [](ArenaSettings* s) { s->networks[1].params.slope = 0.2f; }},
      {"optimizer", [](ArenaSettings* s) { s->optimizer.kind = OptimizerKind::kSgd; }},
      {"batchSize", [](ArenaSettings* s) { s->batch_size = 20; }},
      {"seed", [](ArenaSettings* s) { s->seed = 7; }},
      {"biasInit", [](ArenaSettings* s) { s->init.bias = 0.1f; }},
  };
  for (const Case& c : cases) {
    ArenaSettings next = arena.settings();
    next.optimizer.lr = 0.01f;  // a live change alongside does not make it pass
    c.change(&next);
    const std::string error = arena.update(next);
    INFO(error);
    CHECK(error.rfind(std::string("update: ") + c.key + " ", 0) == 0);
    CHECK(arena.settings().optimizer.lr == 0.3f);
  }
  ArenaSettings bad = arena.settings();
  bad.optimizer.lr = -1.0f;
  CHECK(arena.update(bad).rfind("update: lr: ", 0) == 0);
  CHECK(arena.epoch() == 2);
  CHECK(same_bits(params_of(arena, 0), before));
  Arena empty;
  CHECK_FALSE(empty.update(ArenaSettings()).empty());
}

TEST_CASE("editing a weight or bias changes the field and metrics; bad edits are named errors") {
  Arena arena;
  ArenaSettings s = high_lr();
  s.optimizer.lr = 0.01f;
  reset_ok(&arena, s);
  REQUIRE(arena.train(relu::TrainRequest::epochs(2)).error.empty());
  std::string error;
  const relu::FieldView view = arena.field(0, 32, relu::FieldKind::kLogit, &error);
  const std::vector<float> field(view.data, view.data + view.size);
  const double loss = arena.metrics(0)->train_loss;
  const relu::Mlp& mlp = arena.network(0)->mlp;
  const relu::MlpLayer& out = mlp.layers[mlp.layer_count - 1];
  REQUIRE(arena.set_weight(0, mlp.layer_count - 1, 0, 3, 5.0).empty());
  CHECK(mlp.params[out.W + 3] == 5.0f);
  REQUIRE(arena.set_bias(0, 0, 2, -0.75).empty());
  CHECK(mlp.params[mlp.layers[0].b + 2] == -0.75f);
  CHECK(arena.metrics(0)->train_loss != loss);
  CHECK(arena.metrics(0)->epoch == 2);
  const relu::FieldView edited = arena.field(0, 32, relu::FieldKind::kLogit, &error);
  CHECK(std::memcmp(edited.data, field.data(), field.size() * sizeof(float)) != 0);
  // Training goes on from the edited network.
  REQUIRE(arena.train(relu::TrainRequest::epochs(1)).error.empty());
  CHECK(arena.epoch() == 3);

  const struct {
    int i, layer, unit, input;
    double value;
    const char* error;
  } bad[] = {
      {2, 0, 0, 0, 1.0, "setWeight: index 2 is outside 0..1"},
      {0, 3, 0, 0, 1.0, "setWeight: layer 3 is outside 0..2"},
      {0, 0, 8, 0, 1.0, "setWeight: unit 8 is outside 0..7"},
      {0, 0, 0, 2, 1.0, "setWeight: input 2 is outside 0..1"},
      {0, 1, 0, -1, 1.0, "setWeight: input -1 is outside 0..7"},
      {0, 0, 0, 0, 1e6, "setWeight: value 1000000 is not a finite number within -1000..1000"},
      {0, 0, 0, 0, std::nan(""), "setWeight: value nan is not a finite number within -1000..1000"},
      {0, 0, 0, 0, 1e300, "setWeight: value 1e+300 is not a finite number within -1000..1000"},
  };
  for (const auto& b : bad)
    CHECK(arena.set_weight(b.i, b.layer, b.unit, b.input, b.value) == b.error);
  CHECK(arena.set_bias(0, 2, 1, 0.0) == "setBias: unit 1 is outside 0..0");
}
