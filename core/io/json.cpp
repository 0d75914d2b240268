// JSON values, number conversion (locale-independent both ways) and the writer. The parser is in
// json_parse.cpp.
#include "io/json.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <locale>
#include <sstream>

namespace relu::json {

const char* type_article_name(Type type) {
  switch (type) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "a boolean";
    case Type::kNumber:
      return "a number";
    case Type::kString:
      return "a string";
    case Type::kArray:
      return "an array";
    case Type::kObject:
      return "an object";
  }
  return "?";
}

Value Value::boolean(bool b) {
  Value v;
  v.type_ = Type::kBool;
  v.bool_ = b;
  return v;
}

Value Value::number(double x) {
  Value v;
  v.type_ = Type::kNumber;
  v.number_ = x;
  return v;
}

Value Value::number_f32(float x) {
  Value v = number(static_cast<double>(x));
  v.f32_ = true;
  return v;
}

Value Value::string(std::string s) {
  Value v;
  v.type_ = Type::kString;
  v.string_ = std::move(s);
  return v;
}

Value Value::array() {
  Value v;
  v.type_ = Type::kArray;
  return v;
}

Value Value::object() {
  Value v;
  v.type_ = Type::kObject;
  return v;
}

const Value* Value::find(std::string_view key) const {
  if (type_ != Type::kObject) return nullptr;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return &children_[i];
  }
  return nullptr;
}

void Value::push_back(Value v) {
  if (type_ == Type::kArray) children_.push_back(std::move(v));
}

void Value::set(std::string key, Value v) {
  if (type_ != Type::kObject) return;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) {
      children_[i] = std::move(v);
      return;
    }
  }
  keys_.push_back(std::move(key));
  children_.push_back(std::move(v));
}

bool parse_number(std::string_view token, double* out) {
  // Validate the grammar and find the decimal magnitude: value < 10^mag, >= 10^(mag-1).
  size_t i = 0;
  const bool negative = i < token.size() && token[i] == '-';
  if (negative) ++i;
  auto is_digit = [&](size_t k) { return k < token.size() && token[k] >= '0' && token[k] <= '9'; };
  const size_t int_start = i;
  while (is_digit(i)) ++i;
  const long long int_digits = static_cast<long long>(i - int_start);
  if (int_digits == 0 || (int_digits > 1 && token[int_start] == '0')) return false;
  long long first_nonzero = -1, position = 0;  // over all mantissa digits
  for (size_t k = int_start; k < i; ++k, ++position) {
    if (first_nonzero < 0 && token[k] != '0') first_nonzero = position;
  }
  if (i < token.size() && token[i] == '.') {
    ++i;
    if (!is_digit(i)) return false;
    for (; is_digit(i); ++i, ++position) {
      if (first_nonzero < 0 && token[i] != '0') first_nonzero = position;
    }
  }
  long long exponent = 0;
  if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < token.size() && (token[i] == '+' || token[i] == '-')) exp_negative = token[i++] == '-';
    if (!is_digit(i)) return false;
    for (; is_digit(i); ++i) {
      if (exponent < 1000000000) exponent = exponent * 10 + (token[i] - '0');  // saturate
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != token.size()) return false;
  const double zero = negative ? -0.0 : 0.0;
  if (first_nonzero < 0) {
    *out = zero;
    return true;
  }
  const long long mag = int_digits + exponent - first_nonzero;
  if (mag > 310) return false;
  if (mag < -330) {
    *out = zero;
    return true;
  }
  // The classic locale's num_get converts with the C locale's strtod: correctly rounded, '.'
  // as the decimal point whatever setlocale() says.
  std::istringstream in{std::string(token)};
  in.imbue(std::locale::classic());
  double x = 0.0;
  in >> x;
  if (std::isinf(x) || (in.fail() && std::fabs(x) >= std::numeric_limits<double>::max())) {
    return false;  // overflow (libstdc++ reports it as max with failbit, libc++ as inf)
  }
  *out = x;  // a failbit here is underflow, and x is the rounded subnormal or zero
  return true;
}

namespace {

std::string format_with(double x, int precision) {
  std::ostringstream os;
  os.imbue(std::locale::classic());
  os << std::setprecision(precision) << x;
  return os.str();
}

// Fewest significant digits that read back (through parse_number, as the reader does) to the
// same double, or to the same float for f32 values, so that export/import is bit-exact.
std::string format_number(double x, bool f32) {
  if (!std::isfinite(x)) return "null";
  // Integers print as digits ("500", not "5e+02"), exactly; -0 keeps its sign below.
  if (std::floor(x) == x && std::fabs(x) < 1e15 && !(x == 0.0 && std::signbit(x))) {
    return std::to_string(static_cast<long long>(x));
  }
  const int max_digits = f32 ? 9 : 17;
  for (int p = 1; p <= max_digits; ++p) {
    const std::string s = format_with(x, p);
    double back = 0.0;
    if (!parse_number(s, &back)) continue;
    if (f32 ? static_cast<float>(back) == static_cast<float>(x) : back == x) return s;
  }
  return format_with(x, 17);  // exact for any double
}

bool is_scalar(const Value& v) { return !v.is_array() && !v.is_object(); }

void write_value(std::string* out, const Value& v, int indent, int level) {
  switch (v.type()) {
    case Type::kNull:
      *out += "null";
      return;
    case Type::kBool:
      *out += v.as_bool() ? "true" : "false";
      return;
    case Type::kNumber:
      *out += format_number(v.as_number(), v.is_f32());
      return;
    case Type::kString:
      *out += quote(v.as_string());
      return;
    case Type::kArray:
    case Type::kObject:
      break;
  }
  const bool object = v.is_object();
  bool flat = indent <= 0 || v.size() == 0;
  if (!object && !flat) {  // arrays of scalars (weight rows) stay on one line
    flat = true;
    for (size_t i = 0; i < v.size(); ++i) flat = flat && is_scalar(v.at(i));
  }
  *out += object ? '{' : '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) *out += flat && indent > 0 ? ", " : ",";
    if (!flat) {
      *out += '\n';
      out->append(static_cast<size_t>(indent) * static_cast<size_t>(level + 1), ' ');
    }
    if (object) {
      *out += quote(v.key(i));
      *out += indent > 0 ? ": " : ":";
    }
    write_value(out, v.at(i), indent, level + 1);
  }
  if (!flat) {
    *out += '\n';
    out->append(static_cast<size_t>(indent) * static_cast<size_t>(level), ' ');
  }
  *out += object ? '}' : ']';
}

}  // namespace

std::string quote(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string write(const Value& v, int indent) {
  std::string out;
  write_value(&out, v, indent, 0);
  return out;
}

std::string path_index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

std::string path_key(const std::string& path, std::string_view key) {
  bool identifier = !key.empty() && key.size() <= 64;
  for (size_t i = 0; i < key.size() && identifier; ++i) {
    const char c = key[i];
    identifier = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                 (i > 0 && c >= '0' && c <= '9');
  }
  if (identifier) return path.empty() ? std::string(key) : path + "." + std::string(key);
  size_t cut = std::min<size_t>(key.size(), 64);
  // Do not split a UTF-8 sequence: back off over continuation bytes.
  while (cut < key.size() && cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80)
    --cut;
  const std::string_view shown = key.substr(0, cut);
  return path + "[" + quote(shown) + (key.size() > cut ? "...]" : "]");
}

}  // namespace relu::json
