// The facade over one Network loaded from a model file, for the JS trainer API: staging
// buffers for the examples JS passes in, and results read through accessors. Every method that
// can fail returns "" or the error message, nothing else.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/aligned_buffer.h"
#include "nn/network.h"

namespace relu {

inline constexpr int kSessionMaxExamples = 1 << 20;  // per predict / train call
inline constexpr int kSessionMaxBatch = 256;         // forward chunk of a loaded network

class NetworkSession {
 public:
  // Validates the model (model_json.h) and builds the network; "" or an error naming the
  // field. The optimizer starts as OptimizerConfig's default until train() sets one.
  std::string load(const std::string& model_json);
  std::string to_json() const;        // the model file of the current weights ("null" if none)
  std::string warnings_json() const;  // warnings of load(), a JSON array of strings

  // Sizes the staging buffers for B examples (0..kSessionMaxExamples): x (B, 2), labels (B),
  // logits (B). Pointers stay valid until the next prepare() with a larger B.
  std::string prepare(int B);
  float* x() { return x_.data(); }
  float* labels() { return labels_.data(); }
  float* logits() { return logits_.data(); }
  size_t x_floats() const { return 2 * static_cast<size_t>(batch_); }
  size_t batch() const { return static_cast<size_t>(batch_); }

  // logits = the network's logits for x. "" or an error.
  std::string predict();
  // The model's mean loss (BCE with logits, or MSE) over (x, labels) and its gradient (nothing is
  // updated); logits (outputs) are filled. "" or an error (labels must be in [0, 1] for bce,
  // finite for mse); on success loss() and
  // grads_json() ([{"W", "b", "alpha"?}, ...], the model's shape) hold the result.
  std::string loss_and_gradients();
  double loss() const { return loss_; }
  std::string grads_json() const;
  // Trains on (x, labels) with options JSON (settings.h, train_options_from_json). The
  // optimizer state is kept between calls with the same optimizer name and reset when it
  // changes. At most the work budget kWorkPerCall (network.h) per call, at least one step.
  // "" or an error; on success train_result_json() is {"steps", "complete", "loss",
  // "lastLoss", "gradNorm", "finite", "warnings"}: complete is false if fewer steps than asked
  // were taken (budget, or a non-finite loss).
  std::string train(const std::string& options_json);
  const std::string& train_result_json() const { return train_result_; }

  const Network& network() const { return net_; }

 private:
  std::string check_labels() const;

  Network net_;
  bool loaded_ = false;
  std::vector<std::string> warnings_;
  AlignedBuffer x_, labels_, logits_;
  int batch_ = 0;
  double loss_ = 0.0;
  std::string train_result_ = "null";
};

}  // namespace relu
