// Typed, clamping reads of JSON fields with path-named errors and warnings; see field_reader.h.
#include "io/field_reader.h"

#include <cmath>

namespace relu {

std::string format_number(double x, bool f32) {
  return json::write(f32 ? json::Value::number_f32(static_cast<float>(x)) : json::Value::number(x));
}

bool FieldReader::fail(const std::string& path, const std::string& what) {
  if (error_.empty()) error_ = (path.empty() ? std::string("settings") : path) + ": " + what;
  return false;
}

bool FieldReader::expect(const json::Value& v, json::Type t, const std::string& path) {
  if (v.type() == t) return true;
  return fail(path, std::string("expected ") + json::type_article_name(t) + ", got " +
                        json::type_article_name(v.type()));
}

bool FieldReader::number(const json::Value& v, const std::string& path, double lo, double hi,
                         double* out, bool f32) {
  if (!expect(v, json::Type::kNumber, path)) return false;
  const double x = v.as_number();
  // The parser never yields NaN/inf, but a Value built in C++ may hold them.
  if (!std::isfinite(x)) return fail(path, "expected a finite number");
  if (f32) {
    // Rounded first: a JSON 0.9 and a bound of 0.9f are the same float.
    const float xf = static_cast<float>(x), lo_f = static_cast<float>(lo);
    const float hi_f = static_cast<float>(hi);
    const float clamped = xf < lo_f ? lo_f : (xf > hi_f ? hi_f : xf);
    if (clamped != xf) {
      warn(path + " " + format_number(x) + " clamped to " +
           format_number(static_cast<double>(clamped), true));
    }
    *out = static_cast<double>(clamped);
    return true;
  }
  const double clamped = x < lo ? lo : (x > hi ? hi : x);
  if (clamped != x) warn(path + " " + format_number(x) + " clamped to " + format_number(clamped));
  *out = clamped;
  return true;
}

bool FieldReader::number_f32(const json::Value& v, const std::string& path, double lo, double hi,
                             float* out) {
  double x;
  if (!number(v, path, lo, hi, &x, true)) return false;
  *out = static_cast<float>(x);
  return true;
}

bool FieldReader::finite_f32(const json::Value& v, const std::string& path, float* out) {
  // Doubles below this magnitude round to a finite float (FLT_MAX + half an ulp, where a tie
  // would round to infinity because FLT_MAX's significand is odd).
  constexpr double kFloatRoundLimit = 0x1.ffffffp+127;
  if (!expect(v, json::Type::kNumber, path)) return false;
  const double x = v.as_number();
  if (!(std::fabs(x) < kFloatRoundLimit))
    return fail(path, format_number(x) + " is not a finite float");
  *out = static_cast<float>(x);
  return true;
}

bool FieldReader::integer(const json::Value& v, const std::string& path, long long lo, long long hi,
                          long long* out) {
  if (!expect(v, json::Type::kNumber, path)) return false;
  const double x = v.as_number();
  if (!std::isfinite(x) || std::floor(x) != x) {
    return fail(path, "expected an integer, got " + format_number(x));
  }
  const double clamped = x < static_cast<double>(lo)
                             ? static_cast<double>(lo)
                             : (x > static_cast<double>(hi) ? static_cast<double>(hi) : x);
  if (clamped != x) {
    warn(path + " " + format_number(x) + " clamped to " + format_number(clamped));
  }
  *out = static_cast<long long>(clamped);
  return true;
}

bool FieldReader::integer_strict(const json::Value& v, const std::string& path, double lo,
                                 double hi, double* out) {
  if (!expect(v, json::Type::kNumber, path)) return false;
  const double x = v.as_number();
  if (!std::isfinite(x) || std::floor(x) != x) {
    return fail(path, "expected an integer, got " + format_number(x));
  }
  if (x < lo || x > hi) {
    return fail(path,
                format_number(x) + " is outside " + format_number(lo) + ".." + format_number(hi));
  }
  *out = x;
  return true;
}

bool FieldReader::boolean(const json::Value& v, const std::string& path, bool* out) {
  if (!expect(v, json::Type::kBool, path)) return false;
  *out = v.as_bool();
  return true;
}

bool FieldReader::string(const json::Value& v, const std::string& path, std::string* out) {
  if (!expect(v, json::Type::kString, path)) return false;
  *out = v.as_string();
  return true;
}

void FieldReader::unknown_keys(const json::Value& object, const std::string& path,
                               std::initializer_list<const char*> known) {
  unknown_keys(object, path, std::vector<std::string>(known.begin(), known.end()));
}

void FieldReader::unknown_keys(const json::Value& object, const std::string& path,
                               const std::vector<std::string>& known) {
  for (size_t i = 0; i < object.size(); ++i) {
    bool found = false;
    for (const std::string& k : known) found = found || object.key(i) == k;
    if (!found) warn(json::path_key(path, object.key(i)) + ": unknown key, ignored");
  }
}

}  // namespace relu
