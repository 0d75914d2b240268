// JSON-in/JSON-out facades over Arena and Network for the JS trainer API: the bindings
// (wasm/bindings_trainer.cpp) bind these one line per method, so every check, loop and format
// lives here where native tests cover it. Buffers that JS reads or writes are owned here.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/aligned_buffer.h"
#include "nn/arena.h"
#include "nn/network.h"

namespace relu {

// An arena plus the warnings of the settings it was built from.
class ArenaSession {
 public:
  // Parses, clamps and validates settings_json (see settings.h), then builds the arena.
  // Returns "" or an error naming the field; on error the session is empty.
  std::string reset(const std::string& settings_json);
  std::string train(int epochs);  // "" or an error (see Arena::train)

  // The validated, clamped settings actually used, with "warnings" (settings_to_json).
  std::string settings_json() const;
  // [{activation, label, epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, deadUnits,
  //   deadPerLayer, units, sparsity, alphas, gradNorm, diverged, divergedAt}] per network;
  // non-finite losses print as null, divergedAt is null unless diverged.
  std::string metrics_json() const;
  int network_count() const { return arena_.network_count(); }
  // Network i's current weights as a model file (model_json.h), or "null" if i is out of range.
  std::string model_json(int i) const;

  // Evaluates a field into the arena's buffer for network i; kind "probability" | "logit".
  // Returns "" or an error. field_data()/field_size() describe the result until the next
  // field() call (any network), reset() or destruction.
  std::string field(int i, int resolution, const std::string& kind);
  const float* field_data() const { return field_.data; }
  size_t field_size() const { return field_.size; }
  // The same for one unit (Arena::unit_field), with its own result.
  std::string unit_field(int i, int layer, int unit, int resolution);
  const float* unit_field_data() const { return unit_field_.data; }
  size_t unit_field_size() const { return unit_field_.size; }

  // The dataset: points (count, 2), labels (count); rows [0, train_count) are train.
  const float* points() const { return arena_.data().points.data(); }
  size_t point_floats() const { return arena_.data().points.size(); }
  const float* labels() const { return arena_.data().labels.data(); }
  size_t label_count() const { return arena_.data().labels.size(); }
  int train_count() const { return arena_.data().train_count; }
  float half_width() const { return arena_.data().half_width; }

  const Arena& arena() const { return arena_; }

 private:
  Arena arena_;
  std::vector<std::string> warnings_;
  FieldView field_;
  FieldView unit_field_;
};

inline constexpr int kSessionMaxExamples = 1 << 20;  // per predict / train call
inline constexpr int kSessionMaxBatch = 256;         // forward chunk of a loaded network

// One network loaded from a model file, with staging buffers for the examples JS passes in.
class NetworkSession {
 public:
  // Validates the model (model_json.h) and builds the network; "" or an error naming the
  // field. The optimizer starts as OptimizerConfig's default until train() sets one.
  std::string load(const std::string& model_json);
  std::string to_json() const;        // the model file of the current weights
  std::string warnings_json() const;  // warnings of load(), a JSON array of strings

  // Sizes the staging buffers for B examples (0..kSessionMaxExamples): x (B, 2), labels (B),
  // logits (B). Pointers stay valid until the next prepare() with a larger B.
  std::string prepare(int B);
  float* x() { return x_.data(); }
  float* labels() { return labels_.data(); }
  float* logits() { return logits_.data(); }
  size_t x_floats() const { return 2 * static_cast<size_t>(batch_); }
  size_t batch() const { return static_cast<size_t>(batch_); }

  // logits = the network's logits for x.
  std::string predict();
  // Mean BCE-with-logits loss over (x, labels) and its gradient (nothing is updated); logits
  // are filled. Returns {"loss": L, "grads": [{"W", "b", "alpha"?}, ...]} as JSON, or
  // {"error": "..."} (labels must be finite and in [0, 1]).
  std::string loss_and_gradients();
  // Trains on (x, labels) with options JSON (settings.h, train_options_from_json). The
  // optimizer state is kept between calls with the same optimizer name and reset when it
  // changes. Returns {"steps", "loss", "lastLoss", "gradNorm", "finite", "warnings"} or
  // {"error": "..."}.
  std::string train(const std::string& options_json);

  const Network& network() const { return net_; }

 private:
  std::string check_labels() const;

  Network net_;
  bool loaded_ = false;
  std::vector<std::string> warnings_;
  AlignedBuffer x_, labels_, logits_;
  int batch_ = 0;
};

}  // namespace relu
