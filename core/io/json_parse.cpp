// The JSON parser behind json::parse(): a recursive descent over the bytes with a depth limit,
// tracking the path of the value being read so errors say where they are.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "io/json.h"
#include "io/json_utf8.h"

namespace relu::json {
namespace {

struct Segment {
  bool is_index;
  size_t index;
  std::string key;
};

class Parser {
 public:
  Parser(std::string_view text, const ParseLimits& limits) : text_(text), limits_(limits) {}

  ParseResult run() {
    ParseResult result;
    if (text_.size() > limits_.max_bytes) {
      fail(0, "input is " + std::to_string(text_.size()) + " bytes, the limit is " +
                  std::to_string(limits_.max_bytes));
    } else if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
      fail(0, "byte order mark not allowed");
    } else {
      skip_space();
      if (parse_value(&result.value, 1)) {
        skip_space();
        if (pos_ < text_.size()) fail(pos_, "unexpected " + describe_here() + " after the value");
      }
    }
    if (!error_.empty()) {
      result.value = Value();
      result.error = error_;
      result.offset = error_offset_;
    }
    return result;
  }

 private:
  bool fail(size_t offset, const std::string& what) {
    if (!error_.empty()) return false;  // keep the first (innermost) error
    std::string path;
    for (const Segment& s : path_)
      path = s.is_index ? path_index(path, s.index) : path_key(path, s.key);
    error_ = "invalid JSON at byte " + std::to_string(offset);
    if (!path.empty()) error_ += " (" + path + ")";
    error_ += ": " + what;
    error_offset_ = offset;
    return false;
  }

  std::string describe_here() const {
    if (pos_ >= text_.size()) return "end of input";
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c >= 0x20 && c < 0x7F) return std::string("character '") + static_cast<char>(c) + "'";
    static const char kHex[] = "0123456789abcdef";
    return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) {
      return fail(pos_, "unexpected " + describe_here() + ", expected a value");
    }
    pos_ += word.size();
    return true;
  }

  bool parse_value(Value* out, size_t depth) {
    if (pos_ >= text_.size()) return fail(pos_, "unexpected end of input, expected a value");
    const char c = text_[pos_];
    switch (c) {
      case '{':
      case '[':
        if (depth > limits_.max_depth) {
          return fail(pos_, "nesting deeper than " + std::to_string(limits_.max_depth));
        }
        return c == '{' ? parse_object(out, depth) : parse_array(out, depth);
      case '"': {
        std::string s;
        if (!parse_string(&s)) return false;
        *out = Value::string(std::move(s));
        return true;
      }
      case 't':
        *out = Value::boolean(true);
        return literal("true");
      case 'f':
        *out = Value::boolean(false);
        return literal("false");
      case 'n':
        *out = Value();
        return literal("null");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number_token(out);
        return fail(pos_, "unexpected " + describe_here() + ", expected a value");
    }
  }

  bool parse_array(Value* out, size_t depth) {
    *out = Value::array();
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (size_t i = 0;; ++i) {
      path_.push_back({true, i, {}});
      Value item;
      if (!parse_value(&item, depth + 1)) return false;
      path_.pop_back();
      out->push_back(std::move(item));
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return fail(pos_, "unexpected " + describe_here() + ", expected ',' or ']'");
    }
  }

  bool parse_object(Value* out, size_t depth) {
    *out = Value::object();
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        return fail(pos_, "unexpected " + describe_here() + ", expected a string key");
      }
      const size_t key_offset = pos_;
      std::string key;
      if (!parse_string(&key)) return false;
      if (out->find(key) != nullptr) return fail(key_offset, "duplicate key " + quote(key));
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        return fail(pos_, "unexpected " + describe_here() + ", expected ':'");
      }
      ++pos_;
      skip_space();
      path_.push_back({false, 0, key});
      Value item;
      if (!parse_value(&item, depth + 1)) return false;
      path_.pop_back();
      out->set(std::move(key), std::move(item));
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return fail(pos_, "unexpected " + describe_here() + ", expected ',' or '}'");
    }
  }

  // Grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  bool parse_number_token(Value* out) {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (text_[pos_] == '-') ++pos_;
    const size_t int_start = pos_;
    const size_t int_digits = digits();
    if (int_digits == 0) return fail(pos_, "unexpected " + describe_here() + " in a number");
    if (int_digits > 1 && text_[int_start] == '0')
      return fail(int_start, "leading zero in a number");
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) return fail(pos_, "expected a digit after '.'");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (digits() == 0) return fail(pos_, "expected a digit in the exponent");
    }
    double x = 0.0;
    if (!parse_number(text_.substr(start, pos_ - start), &x)) {
      return fail(start, "number " +
                             std::string(text_.substr(start, std::min<size_t>(pos_ - start, 40))) +
                             " is out of range");
    }
    *out = Value::number(x);
    return true;
  }

  bool hex4(uint32_t* out) {
    if (text_.size() - pos_ < 4) return fail(pos_, "truncated \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_ + i];
      uint32_t d;
      if (c >= '0' && c <= '9') {
        d = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        d = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        d = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return fail(pos_ + i, "bad hex digit in a \\u escape");
      }
      v = v * 16 + d;
    }
    pos_ += 4;
    *out = v;
    return true;
  }

  // After the backslash: one escape, appended to s as UTF-8.
  bool parse_escape(std::string* s) {
    if (pos_ >= text_.size()) return fail(pos_, "unterminated string");
    const char c = text_[pos_++];
    switch (c) {
      case '"':
        s->push_back('"');
        return true;
      case '\\':
        s->push_back('\\');
        return true;
      case '/':
        s->push_back('/');
        return true;
      case 'b':
        s->push_back('\b');
        return true;
      case 'f':
        s->push_back('\f');
        return true;
      case 'n':
        s->push_back('\n');
        return true;
      case 'r':
        s->push_back('\r');
        return true;
      case 't':
        s->push_back('\t');
        return true;
      case 'u':
        break;
      default:
        return fail(pos_ - 2, "unknown escape '\\" + std::string(1, c) + "'");
    }
    const size_t at = pos_ - 2;
    uint32_t cp = 0;  // hex4 sets it on success; initialised for gcc -O3 -Wmaybe-uninitialized
    if (!hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(at, "lone low surrogate in a \\u escape");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (text_.substr(pos_, 2) != "\\u") return fail(at, "high surrogate without a low one");
      pos_ += 2;
      if (!hex4(&low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return fail(at, "high surrogate without a low one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    utf8_append(s, cp);
    return true;
  }

  // One validated UTF-8 sequence starting at pos_ (first byte >= 0x80), copied to s.
  bool copy_utf8(std::string* s) {
    const size_t n = utf8_sequence_length(text_, pos_);
    if (n == 0) return fail(pos_, "invalid UTF-8");
    s->append(text_.substr(pos_, n));
    pos_ += n;
    return true;
  }

  bool parse_string(std::string* s) {
    const size_t start = pos_;
    ++pos_;  // opening quote
    for (;;) {
      if (pos_ >= text_.size()) return fail(start, "unterminated string");
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        ++pos_;
        if (!parse_escape(s)) return false;
      } else if (c < 0x20) {
        return fail(pos_, "control character in a string (escape it)");
      } else if (c >= 0x80) {
        if (!copy_utf8(s)) return false;
      } else {
        s->push_back(static_cast<char>(c));
        ++pos_;
      }
    }
  }

  std::string_view text_;
  ParseLimits limits_;
  size_t pos_ = 0;
  std::vector<Segment> path_;
  std::string error_;
  size_t error_offset_ = 0;
};

}  // namespace

ParseResult parse(std::string_view text, const ParseLimits& limits) {
  return Parser(text, limits).run();
}

}  // namespace relu::json
