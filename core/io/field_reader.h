// Typed reads of JSON fields with clamping and warnings, shared by settings.cpp and
// model_json.cpp: each read either stores a value, stores a clamped value and records a
// warning, or records the first error ("<path>: <what>") and returns false.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "io/json.h"

namespace relu {

class FieldReader {
 public:
  explicit FieldReader(std::vector<std::string>* warnings) : warnings_(warnings) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  // Records "<path>: <what>" unless an error is already recorded; returns false.
  bool fail(const std::string& path, const std::string& what);
  void warn(std::string message) { warnings_->push_back(std::move(message)); }

  // "expected <what>, got <type>" when v's type is not t.
  bool expect(const json::Value& v, json::Type t, const std::string& path);

  // A number clamped to [lo, hi]; a clamp records "<path> <value> clamped to <bound>". f32: the
  // value and the bounds are compared as the floats they become (so 0.9 is within [0.1, 0.9])
  // and the bound prints as that float.
  bool number(const json::Value& v, const std::string& path, double lo, double hi, double* out,
              bool f32 = false);
  bool number_f32(const json::Value& v, const std::string& path, double lo, double hi, float* out);
  // Any number that rounds to a finite float (no clamping: a model file is data).
  bool finite_f32(const json::Value& v, const std::string& path, float* out);
  // An integer-valued number (2.5 is an error), clamped like number().
  bool integer(const json::Value& v, const std::string& path, long long lo, long long hi,
               long long* out);
  // An integer-valued number that must lie in [lo, hi] (no clamping: e.g. a seed).
  bool integer_strict(const json::Value& v, const std::string& path, double lo, double hi,
                      double* out);
  bool boolean(const json::Value& v, const std::string& path, bool* out);
  bool string(const json::Value& v, const std::string& path, std::string* out);

  // Warns "<path>.<key>: unknown key, ignored" for every key of object not in known.
  void unknown_keys(const json::Value& object, const std::string& path,
                    std::initializer_list<const char*> known);
  void unknown_keys(const json::Value& object, const std::string& path,
                    const std::vector<std::string>& known);

 private:
  std::vector<std::string>* warnings_;
  std::string error_;
};

// The shortest JSON text of x, for messages ("1000", "1e-05"); f32: of float(x).
std::string format_number(double x, bool f32 = false);

}  // namespace relu
