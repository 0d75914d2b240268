// One validated call of an activation over buffers it owns: what JS's activate() runs. It keeps
// parameter validation in core (so native tests cover it) and the buffers 64-byte aligned.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/aligned_buffer.h"
#include "kernels/activation.h"

namespace relu {

// The largest call accepted: 2^26 floats (256 MiB per buffer) keeps five buffers within wasm32.
inline constexpr std::size_t kMaxActivationElements = std::size_t{1} << 26;
inline constexpr std::size_t kMaxPreluChannels = std::size_t{1} << 16;

class ActivationCall {
 public:
  // Sizes the buffers for n elements and `alphas` PReLU alphas. Pointers returned below stay
  // valid until the next prepare() (which may move them). Returns "" or an error.
  std::string prepare(std::size_t n, std::size_t alphas);

  // x: (n) input; y, dydx: (n) outputs; alpha: (alphas) PReLU alphas; dalpha: (alphas) output.
  float* x() { return x_.data(); }
  float* y() { return y_.data(); }
  float* dydx() { return dydx_.data(); }
  float* alpha() { return alpha_.data(); }
  float* dalpha() { return dalpha_.data(); }
  std::size_t size() const { return n_; }
  std::size_t alpha_count() const { return alphas_; }

  // Runs forward (y = f(x)) and backward with dy = 1 (dydx = f'(x)); for prelu also
  // dalpha = sum of dy * d f / d alpha per channel. params.prelu_alpha is ignored: the alphas
  // come from alpha(). Returns "" or an error naming what is wrong.
  std::string run(std::string_view op_name, ActivationParams params);
  // run() with the op's number parameters given as a JSON object ({"beta": 2}); absent keys keep
  // their defaults (activation_params.inc). An unknown key, a non-number or a value that fails
  // the parameter's hard constraint is an error naming the key. What JS's activate() calls.
  std::string run_json(const std::string& op_name, const std::string& params_json);

 private:
  AlignedBuffer x_, y_, dydx_, alpha_, dalpha_;
  std::size_t n_ = 0;
  std::size_t alphas_ = 0;
};

}  // namespace relu
