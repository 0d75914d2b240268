// Tests core/model_json.*: bit-exact export/import round trips (including special floats), a
// reloaded model predicting identically, a hand-computed model checking W's [out][in] layout,
// and every validation error naming its field.
#include "io/model_json.h"

#include <catch.hpp>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

#include "nn/init.h"

namespace {

const char* kBase =
    R"({"format":"relu-lab/model","version":1,"inputs":2,"layers":[)"
    R"({"units":2,"activation":"prelu","params":{"mode":"channel"},"W":[[1,2],[-1,0.5]],)"
    R"("b":[0.5,2],"alpha":[0.1,0.2]},)"
    R"({"units":1,"activation":"linear","W":[[1,-2]],"b":[0.25]}]})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);  // unique, so the case is unambiguous
  return text.replace(at, from.size(), to);
}

relu::Mlp build(const relu::MlpConfig& config) {
  relu::Mlp mlp;
  std::string error;
  INFO(error);
  REQUIRE(relu::mlp_build(&mlp, config, 64, &error));
  return mlp;
}

relu::Mlp load(const std::string& text) {
  const relu::ModelResult r = relu::model_from_json_text(text);
  INFO(r.error);
  REQUIRE(r.ok());
  relu::Mlp mlp = build(r.model.config);
  relu::model_copy_to_mlp(r.model, &mlp);
  return mlp;
}

relu::HiddenLayerConfig hidden(int units, relu::Activation op) {
  relu::HiddenLayerConfig layer;
  layer.units = units;
  layer.activation = op;
  return layer;
}

}  // namespace

TEST_CASE("a hand-written model predicts W x + b with W as [out][in]") {
  relu::Mlp mlp = load(kBase);
  const float x[] = {1, 1, 2, -1, -3, 0.5f, 0, 0};
  REQUIRE(relu::mlp_forward(&mlp, x, 4));
  const float* logits = relu::mlp_logits(mlp);
  for (int k = 0; k < 4; ++k) {
    const double x0 = static_cast<double>(x[2 * k]), x1 = static_cast<double>(x[2 * k + 1]);
    double h0 = 1 * x0 + 2 * x1 + 0.5, h1 = -1 * x0 + 0.5 * x1 + 2;
    h0 = h0 > 0 ? h0 : static_cast<double>(0.1f) * h0;  // channel alphas 0.1 and 0.2
    h1 = h1 > 0 ? h1 : static_cast<double>(0.2f) * h1;
    const double expected = 1 * h0 - 2 * h1 + 0.25;
    INFO("example " << k);
    CHECK(static_cast<double>(logits[k]) == Approx(expected).epsilon(1e-6));
  }
}

TEST_CASE("export then import is bit-exact for every weight, special floats included") {
  relu::MlpConfig config;
  config.hidden.push_back(hidden(5, relu::Activation::kPrelu));
  config.hidden.back().params.prelu_mode = relu::PreluMode::kChannel;
  config.hidden.push_back(hidden(3, relu::Activation::kLeakyRelu));
  config.hidden.back().params.slope = 0.2f;
  config.hidden.push_back(hidden(4, relu::Activation::kSoftplus));
  config.hidden.back().params.beta = 2.0f;
  config.hidden.back().params.threshold = 15.0f;
  config.hidden.push_back(hidden(2, relu::Activation::kElu));
  config.hidden.back().params.alpha = 0.7f;
  config.hidden.push_back(hidden(16, relu::Activation::kGeluTanh));
  config.hidden.push_back(hidden(1, relu::Activation::kPrelu));
  relu::Mlp original = build(config);
  relu::InitConfig init;
  init.seed = 7;
  init.bias = 0.1f;
  relu::mlp_init(&original, init);
  const float specials[] = {-0.0f,    FLT_TRUE_MIN, -FLT_MIN, FLT_MAX,
                            -FLT_MAX, 1e-30f,       0.1f,     16777217.0f};
  for (size_t i = 0; i < sizeof(specials) / sizeof(specials[0]); ++i) {
    original.params[i * 3] = specials[i];
  }
  original.params[original.param_count - 1] = 0.3f;  // the last alpha

  const std::string text = relu::json::write(relu::model_to_json(original), 1);
  relu::Mlp reloaded = load(text);
  REQUIRE(reloaded.param_count == original.param_count);
  REQUIRE(reloaded.layer_count == original.layer_count);
  for (size_t i = 0; i < original.param_count; ++i) {
    uint32_t a, b;
    std::memcpy(&a, &original.params[i], 4);
    std::memcpy(&b, &reloaded.params[i], 4);
    INFO("param " << i << ": " << original.params[i] << " vs " << reloaded.params[i]);
    REQUIRE(a == b);
  }
  for (int l = 0; l < original.layer_count; ++l) {
    const relu::MlpLayer& p = original.layers[l];
    const relu::MlpLayer& q = reloaded.layers[l];
    INFO("layer " << l);
    CHECK(p.activation == q.activation);
    CHECK(p.in == q.in);
    CHECK(p.out == q.out);
    CHECK(p.params.prelu_mode == q.params.prelu_mode);
    CHECK(p.alpha_count == q.alpha_count);
    CHECK(p.params.slope == q.params.slope);
    CHECK(p.params.alpha == q.params.alpha);
    CHECK(p.params.beta == q.params.beta);
    CHECK(p.params.threshold == q.params.threshold);
  }
  // The text is stable: exporting the reloaded model gives the same bytes.
  CHECK(relu::json::write(relu::model_to_json(reloaded), 1) == text);
}

TEST_CASE("a reloaded model predicts identically, bit for bit") {
  relu::MlpConfig config;
  config.hidden.push_back(hidden(8, relu::Activation::kTanh));
  config.hidden.push_back(hidden(8, relu::Activation::kRelu));
  relu::Mlp original = build(config);
  relu::InitConfig init;
  init.seed = 3;
  relu::mlp_init(&original, init);
  relu::Mlp reloaded = load(relu::json::write(relu::model_to_json(original)));
  float x[2 * 50];
  for (int i = 0; i < 100; ++i) x[i] = static_cast<float>(std::sin(i * 1.7)) * 1.5f;
  REQUIRE(relu::mlp_forward(&original, x, 50));
  REQUIRE(relu::mlp_forward(&reloaded, x, 50));
  CHECK(std::memcmp(relu::mlp_logits(original), relu::mlp_logits(reloaded), 50 * 4) == 0);
}

TEST_CASE("the export has the documented shape") {
  relu::Mlp mlp = load(kBase);
  const relu::json::Value out = relu::model_to_json(mlp);
  CHECK(out.find("format")->as_string() == "relu-lab/model");
  CHECK(out.find("version")->as_number() == 1);
  CHECK(out.find("inputs")->as_number() == 2);
  const relu::json::Value& layers = *out.find("layers");
  REQUIRE(layers.size() == 2);
  CHECK(layers.at(0).find("params")->find("mode")->as_string() == "channel");
  CHECK(layers.at(0).find("alpha")->size() == 2);
  CHECK(layers.at(1).find("alpha") == nullptr);
  CHECK(layers.at(1).find("params") == nullptr);
  CHECK(layers.at(1).find("activation")->as_string() == "linear");
  // Same key order and shortest numbers as the hand-written input: the same text.
  CHECK(relu::json::write(out) == kBase);
  // Gradient-shaped output: same tensors, no metadata.
  const relu::json::Value grads = relu::model_tensors_json(mlp, mlp.grads);
  REQUIRE(grads.size() == 2);
  CHECK(grads.at(0).find("W")->size() == 2);
  CHECK(grads.at(0).find("W")->at(1).size() == 2);
  CHECK(grads.at(0).find("alpha")->size() == 2);
  CHECK(grads.at(1).find("units") == nullptr);
}

TEST_CASE("a model without hidden layers is logistic regression") {
  relu::Mlp mlp = load(R"({"format":"relu-lab/model","version":1,"inputs":2,"layers":[)"
                       R"({"units":1,"activation":"linear","W":[[3,-4]],"b":[1]}]})");
  const float x[] = {2, 1};
  REQUIRE(relu::mlp_forward(&mlp, x, 1));
  CHECK(relu::mlp_logits(mlp)[0] == 3.0f);
}

TEST_CASE("every malformed model is an error naming the field") {
  struct Case {
    std::string text;
    const char* error;
  };
  const Case cases[] = {
      {"[]", "model: expected an object, got an array"},
      {"{", "invalid JSON at byte 1"},
      {replaced(kBase, R"("relu-lab/model")", R"("other")"), "format: expected \"relu-lab/model\""},
      {replaced(kBase, R"("format":"relu-lab/model",)", ""), "format: expected"},
      {replaced(kBase, R"("version":1)", R"("version":4)"), "version: unsupported version 4"},
      {replaced(kBase, R"("alpha":[0.1,0.2]})",
                R"("alpha":[0.1,0.2],"batchNorm":{"gamma":[1,1],"beta":[0,0],"runningMean":)"
                R"([0,0],"runningVar":[1,1]}})"),
       "layers[0].batchNorm: needs \"version\": 2 or later"},
      {replaced(kBase, R"("b":[0.25])", R"("b":[0.25],"dropout":0.1)"),
       "layers[1].dropout: the output layer has no dropout or batch norm"},
      {replaced(kBase, R"("version":1)", R"("version":"1")"), "version: expected a number"},
      {replaced(kBase, R"("inputs":2)", R"("inputs":3)"), "inputs: 3 is outside 2..2"},
      {replaced(kBase, R"("inputs":2,)", ""), "inputs: missing"},
      {replaced(kBase, R"("W":[[1,2],[-1,0.5]])", R"("W":[[1,2]])"),
       "layers[0].W: expected 2 rows, got 1"},
      {replaced(kBase, "[-1,0.5]", "[-1,0.5,3]"), "layers[0].W[1]: expected 2 columns, got 3"},
      {replaced(kBase, "[-1,0.5]", "[-1,null]"), "layers[0].W[1][1]: expected a number, got null"},
      {replaced(kBase, "[-1,0.5]", "[-1,1e39]"), "layers[0].W[1][1]: 1e+39 is not a finite float"},
      {replaced(kBase, "[-1,0.5]", "{}"), "layers[0].W[1]: expected an array, got an object"},
      {replaced(kBase, R"("b":[0.5,2])", R"("b":[0.5])"), "layers[0].b: expected 2 values, got 1"},
      {replaced(kBase, R"("b":[0.25])", R"("c":[0.25])"), "layers[1].b: missing"},
      {replaced(kBase, R"("alpha":[0.1,0.2])", R"("alpha":[0.1])"),
       "layers[0].alpha: expected 2 values (mode channel), got 1"},
      {replaced(kBase, R"("params":{"mode":"channel"},)", ""),
       "layers[0].alpha: expected 1 value (mode shared), got 2"},
      {replaced(kBase, R"(,"alpha":[0.1,0.2])", ""), "layers[0].alpha: missing (prelu)"},
      {replaced(kBase, R"("mode":"channel")", R"("mode":"layer")"),
       "layers[0].params.mode: unknown mode \"layer\""},
      {replaced(kBase, R"("activation":"prelu")", R"("activation":"swish")"),
       "layers[0].activation: unknown activation \"swish\""},
      {replaced(kBase, R"("activation":"linear")", R"("activation":"relu")"),
       "layers[1].activation: the output layer must be linear"},
      {replaced(kBase, R"("units":1)", R"("units":2)"),
       "layers[1].units: the output layer must have 1 unit (the logit), got 2"},
      {replaced(kBase, R"("units":2)", R"("units":17)"), "layers[0].units: 17 is outside 1..16"},
      {replaced(kBase, R"("units":2)", R"("units":1.5)"),
       "layers[0].units: expected an integer, got 1.5"},
      {replaced(kBase, R"("units":2,)", ""), "layers[0].units: missing"},
      {replaced(kBase, R"("activation":"prelu","params":{"mode":"channel"})",
                R"("activation":"softplus","params":{"beta":0})"),
       "layers[0].params.beta: must be > 0"},
      {replaced(kBase, R"("activation":"prelu","params":{"mode":"channel"})",
                R"("activation":"leaky_relu","params":{"slope":true})"),
       "layers[0].params.slope: expected a number, got a boolean"},
      {replaced(kBase, R"("layers":[)", R"("layers":7,"x":[)"),
       "layers: expected an array, got a number"},
      {R"({"format":"relu-lab/model","version":1,"inputs":2,"layers":[]})",
       "layers: expected 1 to 7 layers (hidden layers and the output), got 0"},
      {replaced(kBase, R"("layers":[)", R"("layers":[7,)"), "layers[0]: expected an object"},
  };
  for (const Case& c : cases) {
    const relu::ModelResult r = relu::model_from_json_text(c.text);
    INFO(c.text << "\nerror: " << r.error);
    CHECK_FALSE(r.ok());
    CHECK(r.error.rfind(c.error, 0) == 0);
    CHECK(r.model.layers.empty());
  }
  std::string eight_layers = R"({"format":"relu-lab/model","version":1,"inputs":2,"layers":[)";
  for (int l = 0; l < 8; ++l)
    eight_layers += R"({"units":1,"activation":"linear","W":[[1]],"b":[0]},)";
  eight_layers.back() = ']';
  CHECK(relu::model_from_json_text(eight_layers + "}").error ==
        "layers: expected 1 to 7 layers (hidden layers and the output), got 8");
}

TEST_CASE("unknown keys and parameters that do not apply are warnings") {
  const std::string text = replaced(
      replaced(replaced(kBase, R"("inputs":2,)", R"("inputs":2,"note":"hi",)"),
               R"("activation":"linear",)", R"("activation":"linear","alpha":[1],"extra":0,)"),
      R"("mode":"channel")", R"("mode":"channel","slope":0.3)");
  const relu::ModelResult r = relu::model_from_json_text(text);
  REQUIRE(r.ok());
  REQUIRE(r.warnings.size() == 4);
  CHECK(r.warnings[0] == "note: unknown key, ignored");
  CHECK(r.warnings[1] == "layers[0].params.slope: prelu has no such parameter, ignored");
  CHECK(r.warnings[2] == "layers[1].extra: unknown key, ignored");
  CHECK(r.warnings[3] == "layers[1].alpha: not prelu, ignored");
}

TEST_CASE("batch norm and dropout: version 2, running statistics kept, bit-exact reload") {
  relu::MlpConfig config;
  for (int units : {4, 3}) {
    relu::HiddenLayerConfig h = hidden(units, relu::Activation::kRelu);
    h.batch_norm = true;
    h.dropout = 0.25f;
    config.hidden.push_back(h);
  }
  relu::Mlp mlp = build(config);
  relu::mlp_init(&mlp, relu::InitConfig());
  const float x[] = {0.1f, 0.9f, -0.4f, 0.3f, 0.8f, -0.7f, 0.2f, 0.2f, -0.9f, -0.1f};
  relu::Rng rng = relu::rng_seed(3);
  for (int step = 0; step < 3; ++step) {  // moves the running statistics off (0, 1)
    REQUIRE(relu::mlp_forward_train(&mlp, x, 5, nullptr, &rng));
  }
  mlp.params[mlp.layers[1].gamma + 2] = 1.5f;
  const relu::json::Value out = relu::model_to_json(mlp);
  CHECK(out.find("version")->as_number() == 2);
  const std::string text = relu::json::write(out);
  CHECK(text.find(R"("dropout":0.25,"W")") != std::string::npos);
  CHECK(text.find(R"("batchNorm":{"gamma":[1,1,1.5],"beta":[0,0,0],"runningMean":)") !=
        std::string::npos);
  relu::Mlp back = load(text);
  CHECK(back.layers[1].batch_norm);
  CHECK(back.layers[1].dropout == 0.25f);
  CHECK(back.layers[0].running_var[1] == mlp.layers[0].running_var[1]);
  CHECK(relu::json::write(relu::model_to_json(back)) == text);
  REQUIRE(relu::mlp_forward(&mlp, x, 5));
  REQUIRE(relu::mlp_forward(&back, x, 5));
  CHECK(std::memcmp(relu::mlp_logits(mlp), relu::mlp_logits(back), 5 * sizeof(float)) == 0);
  std::string negative = text;  // the first layer's first running variance < 0
  negative.insert(negative.find(R"("runningVar":[)") + 14, "-");
  CHECK(relu::model_from_json_text(negative).error.rfind("layers[0].batchNorm.runningVar", 0) == 0);
}

TEST_CASE("features and loss mse: version 3, W's columns follow the features, bit-exact reload") {
  relu::MlpConfig config;
  config.features = {relu::InputFeature::kX1Sq, relu::InputFeature::kX2Sq,
                     relu::InputFeature::kSinX1};
  config.loss = relu::Loss::kMse;
  config.hidden.push_back(hidden(4, relu::Activation::kTanh));
  relu::Mlp mlp = build(config);
  relu::mlp_init(&mlp, relu::InitConfig());
  const relu::json::Value out = relu::model_to_json(mlp);
  CHECK(out.find("version")->as_number() == 3);
  const std::string text = relu::json::write(out);
  CHECK(text.find(R"("inputs":2,"features":["x1sq","x2sq","sinx1"],"loss":"mse","layers")") !=
        std::string::npos);
  CHECK(out.find("layers")->at(0).find("W")->at(0).size() == 3);
  relu::Mlp back = load(text);
  CHECK(back.config.features == config.features);
  CHECK(back.config.loss == relu::Loss::kMse);
  CHECK(relu::json::write(relu::model_to_json(back)) == text);
  const float x[] = {0.1f, 0.9f, -0.4f, 0.3f, 5.0f, -6.0f};
  REQUIRE(relu::mlp_forward(&mlp, x, 3));
  REQUIRE(relu::mlp_forward(&back, x, 3));
  CHECK(std::memcmp(relu::mlp_logits(mlp), relu::mlp_logits(back), 3 * sizeof(float)) == 0);

  // The raw inputs and bce are the defaults: such a file stays version 1 and names neither.
  relu::MlpConfig plain;
  plain.hidden.push_back(hidden(2, relu::Activation::kRelu));
  const std::string plain_text = relu::json::write(relu::model_to_json(build(plain)));
  CHECK(plain_text.find("features") == std::string::npos);
  CHECK(plain_text.find(R"("version":1)") != std::string::npos);
}

TEST_CASE("malformed features and loss are errors naming the field") {
  const std::string v3 = replaced(kBase, R"("version":1)", R"("version":3)");
  const auto error = [](const std::string& text) { return relu::model_from_json_text(text).error; };
  const auto with = [&](const std::string& insert) {
    return replaced(v3, R"("inputs":2,)", R"("inputs":2,)" + insert);
  };
  CHECK(error(with(R"("features":["x1","x3"],)")) == R"(features[1]: unknown feature "x3")");
  CHECK(error(with(R"("features":["x1","x1"],)")) == "features[1]: x1 is given twice");
  CHECK(error(with(R"("features":[],)")) == "features: 0 features is outside 1..7");
  CHECK(error(with(R"("features":"x1",)")).rfind("features: expected an array", 0) == 0);
  CHECK(error(with(R"("loss":"l1",)")) == R"(loss: unknown loss "l1" (expected bce or mse))");
  // Three features, but the first layer's rows have two columns.
  CHECK(error(with(R"("features":["x1","x2","x1x2"],)")) ==
        "layers[0].W[0]: expected 3 columns, got 2");
  // Without version 3 a file must not rely on a reader knowing these keys.
  const std::string v1 = replaced(kBase, R"("inputs":2,)", R"("inputs":2,"loss":"mse",)");
  CHECK(error(v1) == R"(loss: needs "version": 3)");
  const std::string v2 = replaced(replaced(kBase, R"("version":1)", R"("version":2)"),
                                  R"("inputs":2,)", R"("inputs":2,"features":["x2","x1"],)");
  CHECK(error(v2) == R"(features: needs "version": 3)");
  // The defaults spelled out are fine in any version.
  CHECK(
      error(replaced(kBase, R"("inputs":2,)", R"("inputs":2,"features":["x1","x2"],"loss":"bce",)"))
          .empty());
}
