// JSON values and the writer. The parser is in json_parse.cpp, number <-> text in
// number_text.cpp.
#include "io/json.h"

#include <algorithm>

#include "base/number_text.h"

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

bool parse_number(std::string_view token, double* out) { return number_from_text(token, out); }

namespace {

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
      *out += v.is_f32() ? f32_to_text(static_cast<float>(v.as_number()))
                         : number_to_text(v.as_number());
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
