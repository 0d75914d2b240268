// Activation params objects in JSON, derived from the parameter registry; see
// activation_params_json.h.
#include "io/activation_params_json.h"

#include "kernels/activation_params.h"

namespace relu {
namespace {

bool used_in(const ActivationParamInfo& row, ParamsIn in) {
  return in == ParamsIn::kSettings || row.use == ParamUse::kLayer;
}

bool read_value(FieldReader* r, const ActivationParamInfo& row, const json::Value& v,
                const std::string& at, ParamsIn in, ActivationParams* out) {
  if (row.rule == ParamRule::kOption) {
    std::string name;
    double value;
    if (!r->string(v, at, &name)) return false;
    if (!activation_param_option(row, name, &value)) {
      return r->fail(at, "unknown " + std::string(row.key) + " " + json::quote(name) +
                             " (expected " + activation_param_options_text(row) + ")");
    }
    row.set(out, value);
    return true;
  }
  if (in == ParamsIn::kSettings) {
    float x;
    if (!r->number_f32(v, at, row.min, row.max, &x)) return false;
    row.set(out, static_cast<double>(x));
    return true;
  }
  float x;
  if (!r->finite_f32(v, at, &x)) return false;
  row.set(out, static_cast<double>(x));
  return true;
}

}  // namespace

json::Value activation_params_json(Activation op, const ActivationParams& params, ParamsIn in) {
  json::Value out = json::Value::object();
  for (int i = 0; i < activation_param_count(); ++i) {
    const ActivationParamInfo& row = activation_param(i);
    if (row.op != op || !used_in(row, in)) continue;
    const double v = row.get(params);
    out.set(row.key, row.rule == ParamRule::kOption
                         ? json::Value::string(activation_param_option_name(row, v))
                         : json::Value::number_f32(static_cast<float>(v)));
  }
  return out;
}

bool read_activation_params(FieldReader* r, const json::Value& params, const std::string& path,
                            Activation op, ParamsIn in, ActivationParams* out) {
  if (!r->expect(params, json::Type::kObject, path)) return false;
  for (size_t i = 0; i < params.size(); ++i) {
    const std::string at = json::path_key(path, params.key(i));
    const ActivationParamInfo* row = activation_param_find(op, params.key(i));
    if (row == nullptr || !used_in(*row, in)) {
      r->warn(at + ": " + activation_name(op) + " has no such parameter, ignored");
    } else if (!read_value(r, *row, params.at(i), at, in, out)) {
      return false;
    }
  }
  for (int i = 0; i < activation_param_count(); ++i) {
    const ActivationParamInfo& row = activation_param(i);
    if (row.op != op) continue;
    if (std::string error = activation_param_check(row, row.get(*out)); !error.empty()) {
      return r->fail(json::path_key(path, row.key), error);
    }
  }
  return true;
}

}  // namespace relu
