// The activation parameter registry (activation_params.inc) as data: iterate an op's
// parameters, read and write one by key, check its hard constraint, spell enum values. Every
// reader, writer and validator of activation parameters goes through these; none lists keys.
#pragma once

#include <string>
#include <string_view>

#include "kernels/activation.h"

namespace relu {

enum class ParamRule : int { kFinite, kPositive, kOption };
enum class ParamUse : int { kLayer, kInit };

// An enum parameter's names by value; numbers have none.
template <class T>
struct ParamOptions {
  static constexpr const char* const* names = nullptr;
  static constexpr int count = 0;
};
template <>
struct ParamOptions<PreluMode> {
  static constexpr const char* const* names = kPreluModeNames;
  static constexpr int count = sizeof(kPreluModeNames) / sizeof(kPreluModeNames[0]);
};

// One row of activation_params.inc. Values cross as double: a float as itself, an enum as its
// option index.
struct ActivationParamInfo {
  Activation op;
  const char* key;
  double init;      // the default
  double min, max;  // the range settings clamp to (numbers)
  ParamRule rule;
  ParamUse use;                // kInit: settings only, not model files
  const char* const* options;  // enums: option names by value; numbers: nullptr
  int option_count;
  const char* meaning;
  double (*get)(const ActivationParams& params);
  void (*set)(ActivationParams* params, double value);
};

// Every row, in the file's order.
int activation_param_count();
const ActivationParamInfo& activation_param(int index);
// op's row named key, or nullptr.
const ActivationParamInfo* activation_param_find(Activation op, std::string_view key);

// "" if value passes row's hard constraint, else what is wrong ("must be > 0").
std::string activation_param_check(const ActivationParamInfo& row, double value);
// An enum row's value named `name` (false if there is none); the name of value.
bool activation_param_option(const ActivationParamInfo& row, std::string_view name, double* value);
const char* activation_param_option_name(const ActivationParamInfo& row, double value);
// "shared or channel", for messages.
std::string activation_param_options_text(const ActivationParamInfo& row);

}  // namespace relu
