// An activation's params object in JSON <-> ActivationParams, over the rows of
// kernels/activation_params.inc: arena settings (clamped to each row's range) and model files
// (taken as they are, checked against the hard constraint) read and write it the same way.
#pragma once

#include <string>

#include "io/field_reader.h"
#include "io/json.h"
#include "kernels/activation.h"

namespace relu {

// Where params are read and written: arena settings (every row, numbers clamped to the row's
// range) or a model file (rows of use kLayer, any value that fits a float).
enum class ParamsIn : int { kSettings, kModel };

// {key: value} for every row of op used `in`, in the rows' order (numbers as floats, enums by
// name).
json::Value activation_params_json(Activation op, const ActivationParams& params, ParamsIn in);

// Reads params (an object) into *out for op: numbers clamped to the row's range with a warning
// (kSettings) or any value that fits a float (kModel); enums by name; keys op does not have
// there are warned about and ignored. Then every row of op must pass its hard constraint: the error
// is
// "<path>.<key>: must be > 0". Returns false with the error recorded in r.
bool read_activation_params(FieldReader* r, const json::Value& params, const std::string& path,
                            Activation op, ParamsIn in, ActivationParams* out);

}  // namespace relu
