// Validation and execution of one activate() call; see activation_call.h.
#include "api/activation_call.h"

#include <cmath>

#include "base/memory_probe.h"
#include "io/json.h"
#include "kernels/activation_params.h"

namespace relu {

std::string ActivationCall::prepare(std::size_t n, std::size_t alphas) {
  if (n > kMaxActivationElements) {
    return "x has " + std::to_string(n) + " elements; at most " +
           std::to_string(kMaxActivationElements) + " are accepted";
  }
  if (alphas > kMaxPreluChannels) {
    return "alpha has " + std::to_string(alphas) + " values; at most " +
           std::to_string(kMaxPreluChannels) + " are accepted";
  }
  // Zero-length buffers still get one float so that data() is never null.
  const std::size_t room = n == 0 ? 1 : n;
  const std::size_t alpha_room = alphas == 0 ? 1 : alphas;
  const std::size_t growth = x_.growth_bytes(room) + y_.growth_bytes(room) +
                             dydx_.growth_bytes(room) + alpha_.growth_bytes(alpha_room) +
                             dalpha_.growth_bytes(alpha_room);
  if (!memory_available(kMemoryHeadroomBytes + growth)) return headroom_error();
  if (!x_.reserve(room) || !y_.reserve(room) || !dydx_.reserve(room) ||
      !alpha_.reserve(alpha_room) || !dalpha_.reserve(alpha_room)) {
    return "out of memory for " + std::to_string(n) + " elements";
  }
  n_ = n;
  alphas_ = alphas;
  return "";
}

std::string ActivationCall::run(std::string_view op_name, ActivationParams params) {
  Activation op;
  if (!activation_from_name(op_name, &op)) {
    return "unknown activation '" + std::string(op_name) + "'";
  }
  if (std::string error = validate_activation_params(op, params); !error.empty()) return error;
  if (op == Activation::kPrelu) {
    if (alphas_ == 0) return "prelu needs alpha: one shared value or one per channel";
    if (n_ % alphas_ != 0) {
      return "prelu with " + std::to_string(alphas_) + " channels needs x's length (" +
             std::to_string(n_) + ") to be a multiple of it";
    }
    for (std::size_t c = 0; c < alphas_; ++c) {
      if (!std::isfinite(alpha_.data()[c])) {
        return "alpha[" + std::to_string(c) + "] must be a finite number";
      }
    }
    params.prelu_alpha = alpha_.data();
    params.prelu_channels = alphas_;
  }
  float* ones = dydx_.data();
  for (std::size_t i = 0; i < n_; ++i) ones[i] = 1.0f;
  activation_forward(op, y_.data(), x_.data(), n_, params);
  if (op == Activation::kPrelu) {
    for (std::size_t c = 0; c < alphas_; ++c) dalpha_.data()[c] = 0.0f;
    prelu_alpha_backward(dalpha_.data(), ones, x_.data(), n_, params);
  }
  activation_backward(op, dydx_.data(), ones, x_.data(), y_.data(), n_, params);
  return "";
}

std::string ActivationCall::run_json(const std::string& op_name, const std::string& params_json) {
  Activation op;
  if (!activation_from_name(op_name, &op)) return "unknown activation '" + op_name + "'";
  const json::ParseResult parsed = json::parse(params_json);
  if (!parsed.ok()) return "params: " + parsed.error;
  if (!parsed.value.is_object()) return "params must be an object";
  ActivationParams params;
  for (size_t i = 0; i < parsed.value.size(); ++i) {
    const std::string& key = parsed.value.key(i);
    const ActivationParamInfo* row = activation_param_find(op, key);
    // Enum parameters (prelu's mode) describe a network, not one call: not taken here.
    if (row == nullptr || row->rule == ParamRule::kOption) {
      return "unknown parameter '" + key + "'";
    }
    if (!parsed.value.at(i).is_number()) return key + ": must be a number";
    row->set(&params, static_cast<double>(static_cast<float>(parsed.value.at(i).as_number())));
  }
  return run(op_name, params);
}

}  // namespace relu
