// A small, strict JSON (RFC 8259) reader and writer for settings and model files: a DOM value,
// parse errors with byte offset and path, round-trip float printing. Leaves out streaming,
// comments, NaN/Infinity literals and anything beyond what the project's files need.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace relu::json {

enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

// "null", "a boolean", "a number", ...: for error messages ("expected a number, got a string").
const char* type_article_name(Type type);

// One JSON value. Objects keep their keys in insertion order and hold no duplicates (the parser
// rejects them; set() replaces). Arrays and objects share one vector of children.
class Value {
 public:
  Value() = default;  // null
  static Value boolean(bool b);
  static Value number(double x);
  // A float32 value: written with the shortest digits that read back to the same float.
  static Value number_f32(float x);
  static Value string(std::string s);
  static Value array();
  static Value object();

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  // Accessors return a neutral value (false, 0, "") for the wrong type; check type() first.
  bool as_bool() const { return bool_; }
  double as_number() const { return number_; }
  bool is_f32() const { return f32_; }
  const std::string& as_string() const { return string_; }

  // Arrays and objects: the number of children and the i-th child (i < size()).
  size_t size() const { return children_.size(); }
  const Value& at(size_t i) const { return children_[i]; }
  Value& at(size_t i) { return children_[i]; }
  // Objects: the i-th key, and lookup by key (nullptr if absent or not an object).
  const std::string& key(size_t i) const { return keys_[i]; }
  const Value* find(std::string_view key) const;

  // Arrays: appends. Objects: sets key to v (replacing an existing key in place).
  // Both are no-ops on the wrong type.
  void push_back(Value v);
  void set(std::string key, Value v);

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  bool f32_ = false;
  double number_ = 0.0;
  std::string string_;
  std::vector<std::string> keys_;  // objects only, parallel to children_
  std::vector<Value> children_;
};

// An upper bound on the peak bytes parse() allocates per byte of text (a Value is ~56 bytes in
// wasm32, "0," makes one in 2 bytes, and a growing array briefly holds old and new storage):
// callers that must not run out of memory mid-parse check this much is free first.
inline constexpr size_t kParseBytesPerTextByte = 96;

struct ParseLimits {
  size_t max_bytes = size_t{16} << 20;  // input length
  size_t max_depth = 64;                // nesting of arrays/objects (the top value is depth 1)
};

struct ParseResult {
  Value value;        // null when parsing failed
  std::string error;  // empty on success, else "invalid JSON at byte N (path): what"
  size_t offset = 0;  // byte offset of the error
  bool ok() const { return error.empty(); }
};

// Parses exactly one JSON text (surrounding whitespace allowed, nothing else after it).
// Strict: UTF-8 is validated; lone surrogates, control characters in strings, duplicate object
// keys, leading zeros, NaN/Infinity, and numbers beyond double's range (e.g. 1e400) are errors.
// Numbers that underflow become 0 (or the nearest subnormal). A UTF-8 BOM is an error.
// Conversion is locale-independent and correctly rounded. No exceptions escape.
ParseResult parse(std::string_view text, const ParseLimits& limits = {});

// Serialises v. Numbers print with the fewest digits that read back to the same double (or
// float, for number_f32); non-finite numbers print as null (JSON has no NaN/inf). Strings are
// escaped ("\\", "\"", control characters as \u00XX); other UTF-8 is written as is.
// indent > 0 pretty-prints with that many spaces per level.
std::string write(const Value& v, int indent = 0);

// Converts one JSON number token (the RFC grammar, nothing else) to the nearest double,
// independent of the C locale. False for a malformed token or a value beyond double's range;
// values below the smallest subnormal become (signed) zero.
bool parse_number(std::string_view token, double* out);

// The JSON string literal for s (with quotes), as write() prints it.
std::string quote(std::string_view s);

// Path helpers for error messages: "layers" + index 2 -> "layers[2]", + key "W" -> "layers[2].W".
std::string path_index(const std::string& path, size_t i);
std::string path_key(const std::string& path, std::string_view key);

}  // namespace relu::json
