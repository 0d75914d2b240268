// The rows of activation_params.inc as ActivationParamInfo, their hard constraints, and
// validate_activation_params over them.
#include "kernels/activation_params.h"

#include <cmath>
#include <type_traits>

namespace relu {
namespace {

template <class T>
constexpr double to_double(T value) {
  if constexpr (std::is_enum_v<T>) {
    return static_cast<double>(static_cast<int>(value));
  } else {
    return static_cast<double>(value);
  }
}

template <class T>
constexpr T from_double(double value) {
  if constexpr (std::is_enum_v<T>) {
    return static_cast<T>(static_cast<int>(value));
  } else {
    return static_cast<T>(value);
  }
}

constexpr ActivationParamInfo kRows[] = {
#define RELU_ACTIVATION_PARAM(Op, key, member, Type, init, min, max, rule, use, meaning) \
  {Activation::k##Op,                                                                    \
   #key,                                                                                 \
   to_double<Type>(init),                                                                \
   min,                                                                                  \
   max,                                                                                  \
   ParamRule::rule,                                                                      \
   ParamUse::use,                                                                        \
   ParamOptions<Type>::names,                                                            \
   ParamOptions<Type>::count,                                                            \
   meaning,                                                                              \
   [](const ActivationParams& p) { return to_double<Type>(p.member); },                  \
   [](ActivationParams* p, double value) { p->member = from_double<Type>(value); }},
#include "kernels/activation_params.inc"
#undef RELU_ACTIVATION_PARAM
};
constexpr int kRowCount = sizeof(kRows) / sizeof(kRows[0]);

}  // namespace

int activation_param_count() { return kRowCount; }

const ActivationParamInfo& activation_param(int index) { return kRows[index]; }

const ActivationParamInfo* activation_param_find(Activation op, std::string_view key) {
  for (const ActivationParamInfo& row : kRows) {
    if (row.op == op && key == row.key) return &row;
  }
  return nullptr;
}

std::string activation_param_check(const ActivationParamInfo& row, double value) {
  switch (row.rule) {
    case ParamRule::kFinite:
      return std::isfinite(value) ? "" : "must be a finite number";
    case ParamRule::kPositive:
      return std::isfinite(value) && value > 0.0 ? "" : "must be > 0";
    case ParamRule::kOption:
      return value >= 0.0 && value < row.option_count && value == std::floor(value)
                 ? ""
                 : "must be " + activation_param_options_text(row);
  }
  return "unknown rule";
}

bool activation_param_option(const ActivationParamInfo& row, std::string_view name, double* value) {
  for (int i = 0; i < row.option_count; ++i) {
    if (name == row.options[i]) {
      *value = i;
      return true;
    }
  }
  return false;
}

const char* activation_param_option_name(const ActivationParamInfo& row, double value) {
  const int i = static_cast<int>(value);
  return i >= 0 && i < row.option_count ? row.options[i] : "unknown";
}

std::string activation_param_options_text(const ActivationParamInfo& row) {
  std::string text;
  for (int i = 0; i < row.option_count; ++i) {
    text += i == 0 ? "" : (i + 1 == row.option_count ? " or " : ", ");
    text += row.options[i];
  }
  return text;
}

std::string validate_activation_params(Activation op, const ActivationParams& params) {
  for (const ActivationParamInfo& row : kRows) {
    if (row.op != op) continue;
    if (std::string error = activation_param_check(row, row.get(params)); !error.empty()) {
      return std::string(row.key) + ": " + error;
    }
  }
  return "";
}

}  // namespace relu
