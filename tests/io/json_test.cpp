// Tests core/json.*: grammar (valid and malformed inputs with their offsets), limits, number
// conversion against known IEEE values, UTF-8 and escapes, and writer round trips.
#include "io/json.h"

#include <catch.hpp>
#include <cfloat>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <locale>
#include <random>
#include <string>

#include "support/float_test_util.h"

using relu::json::parse;
using relu::json::Type;
using relu::json::Value;

using relu_test::double_bits;
using relu_test::float_bits;

namespace {

double number_of(const std::string& text) {
  const auto r = parse(text);
  INFO(text << " -> " << r.error);
  REQUIRE(r.ok());
  REQUIRE(r.value.is_number());
  return r.value.as_number();
}

}  // namespace

TEST_CASE("valid documents parse to the expected values") {
  const auto r =
      parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": {\"c\": \"x\"}, \"\": []}\n");
  REQUIRE(r.ok());
  const Value& v = r.value;
  REQUIRE(v.is_object());
  REQUIRE(v.size() == 3);
  CHECK(v.key(0) == "a");
  const Value* a = v.find("a");
  REQUIRE(a != nullptr);
  REQUIRE(a->size() == 5);
  CHECK(a->at(0).as_number() == 1.0);
  CHECK(a->at(1).as_number() == -25.0);
  CHECK(a->at(2).as_bool());
  CHECK(a->at(3).type() == Type::kBool);
  CHECK_FALSE(a->at(3).as_bool());
  CHECK(a->at(4).is_null());
  CHECK(v.find("b")->find("c")->as_string() == "x");
  CHECK(v.find("")->is_array());
  CHECK(v.find("zz") == nullptr);
  for (const char* scalar : {"0", "-0", "\"\"", "true", "null", "[]", "{}", "1E+2", "0.5e-3"}) {
    INFO(scalar);
    CHECK(parse(scalar).ok());
  }
}

TEST_CASE("malformed inputs are rejected with the offset and path of the first error") {
  struct Case {
    const char* text;
    size_t offset;
    const char* message_part;
  };
  const Case cases[] = {
      {"", 0, "unexpected end of input"},
      {"   ", 3, "expected a value"},
      {"nul", 0, "expected a value"},
      {"tru e", 0, "expected a value"},
      {"[1,]", 3, "expected a value"},
      {"[1 2]", 3, "expected ',' or ']'"},
      {"[1", 2, "expected ',' or ']'"},
      {"{\"a\" 1}", 5, "expected ':'"},
      {"{\"a\":1,}", 7, "expected a string key"},
      {"{a:1}", 1, "expected a string key"},
      {"{\"a\":1 \"b\":2}", 7, "expected ',' or '}'"},
      {"{\"a\":1,\"a\":2}", 7, "duplicate key \"a\""},
      {"01", 0, "leading zero"},
      {"-", 1, "in a number"},
      {"+1", 0, "expected a value"},
      {".5", 0, "expected a value"},
      {"1.", 2, "digit after '.'"},
      {"1e", 2, "digit in the exponent"},
      {"1e+", 3, "digit in the exponent"},
      {"NaN", 0, "expected a value"},
      {"Infinity", 0, "expected a value"},
      {"-Infinity", 1, "in a number"},
      {"1e400", 0, "out of range"},
      {"-1e309", 0, "out of range"},
      {"[1] [2]", 4, "after the value"},
      {"\"abc", 0, "unterminated string"},
      {"\"a\\x\"", 2, "unknown escape"},
      {"\"\\u12g4\"", 5, "bad hex digit"},
      {"\"\\u12\"", 3, "truncated"},
      {"\"\\ud800\"", 1, "high surrogate without a low one"},
      {"\"\\ud800\\u0041\"", 1, "high surrogate without a low one"},
      {"\"\\udc00\"", 1, "lone low surrogate"},
      {"\"a\tb\"", 2, "control character"},
      {"\"\xC0\x80\"", 1, "invalid UTF-8"},          // overlong NUL
      {"\"\xE0\x80\xAF\"", 1, "invalid UTF-8"},      // overlong '/'
      {"\"\xED\xA0\x80\"", 1, "invalid UTF-8"},      // UTF-8-encoded surrogate
      {"\"\xF4\x90\x80\x80\"", 1, "invalid UTF-8"},  // above U+10FFFF
      {"\"\xE2\x82\"", 1, "invalid UTF-8"},          // truncated
      {"\"\x80\"", 1, "invalid UTF-8"},              // stray continuation
      {"\xEF\xBB\xBF{}", 0, "byte order mark"},
      {"{\"a\":[1,2,{\"b\":x}]}", 15, "(a[2].b)"},
      {"{\"odd key\":[0,nope]}", 14, "([\"odd key\"][1])"},
  };
  for (const Case& c : cases) {
    const auto r = parse(c.text);
    INFO("input: " << c.text << "\nerror: " << r.error);
    CHECK_FALSE(r.ok());
    CHECK(r.value.is_null());
    CHECK(r.offset == c.offset);
    CHECK(r.error.find(c.message_part) != std::string::npos);
    CHECK(r.error.find("byte " + std::to_string(c.offset)) != std::string::npos);
  }
  // An embedded NUL byte is a control character, not the end of the text.
  CHECK_FALSE(parse(std::string("\"a\0b\"", 5)).ok());
  CHECK_FALSE(parse(std::string("[1]\0", 4)).ok());
}

TEST_CASE("nesting is limited without exhausting the stack") {
  const auto nested = [](size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
  };
  CHECK(parse(nested(64)).ok());
  const auto too_deep = parse(nested(65));
  CHECK_FALSE(too_deep.ok());
  CHECK(too_deep.offset == 64);
  CHECK(too_deep.error.find("nesting deeper than 64") != std::string::npos);
  CHECK_FALSE(parse(std::string(1000000, '[')).ok());
  CHECK_FALSE(parse(std::string(500000, '{') + "").ok());
  relu::json::ParseLimits limits;
  limits.max_depth = 3;
  CHECK(parse("[[[1]]]", limits).ok());
  CHECK_FALSE(parse("[[[[1]]]]", limits).ok());
  CHECK_FALSE(parse("{\"a\":{\"b\":{\"c\":{}}}}", limits).ok());
}

TEST_CASE("input size is limited") {
  relu::json::ParseLimits limits;
  limits.max_bytes = 8;
  CHECK(parse("[1,2,3]", limits).ok());
  const auto r = parse("[1,2,3,4]", limits);
  CHECK_FALSE(r.ok());
  CHECK(r.error.find("limit is 8") != std::string::npos);
}

TEST_CASE("numbers convert to the correctly rounded double, even at the edges") {
  // Reference values are IEEE-754 constants from <cfloat> and exact binary fractions.
  CHECK(number_of("0.1") == 0.1);
  CHECK(number_of("-0.0") == 0.0);
  CHECK(std::signbit(number_of("-0")));
  CHECK(number_of("1.7976931348623157e308") == DBL_MAX);
  CHECK(number_of("-1.7976931348623157e308") == -DBL_MAX);
  CHECK(number_of("2.2250738585072014e-308") == DBL_MIN);
  CHECK(number_of("5e-324") == std::nextafter(0.0, 1.0));
  CHECK(number_of("9007199254740993") == 9007199254740992.0);  // tie -> even
  CHECK(number_of("9007199254740995") == 9007199254740996.0);
  CHECK(number_of("0.30000000000000004") == 0.1 + 0.2);
  CHECK(number_of("1e-400") == 0.0);
  CHECK(std::signbit(number_of("-1e-400")));
  CHECK(number_of("1e-99999999999999999999") == 0.0);
  CHECK(number_of("0." + std::string(400, '0') + "1") == 0.0);
  CHECK(number_of("1" + std::string(300, '0')) == 1e300);
  CHECK(number_of(std::string(400, '0').insert(0, "0.") + "e500") == 0.0);
  CHECK(number_of("0e99999") == 0.0);
  CHECK(number_of("123456789012345678901234567890") == 1.2345678901234568e29);
  CHECK_FALSE(parse("1" + std::string(400, '0')).ok());
  CHECK_FALSE(parse("1e99999999999999999999").ok());
  CHECK_FALSE(parse("1.8e308").ok());
  double x = 0;
  for (const char* bad :
       {"", "-", "1.", ".1", "1e", "01", "+1", "1x", " 1", "inf", "nan", "0x10"}) {
    INFO(bad);
    CHECK_FALSE(relu::json::parse_number(bad, &x));
  }
}

namespace {
struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
};
}  // namespace

TEST_CASE("number conversion ignores the global C++ and C locales") {
  // A global C++ locale with ',' as decimal point must not leak into reading or writing.
  const std::locale saved =
      std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
  CHECK(number_of("1.5") == 1.5);
  CHECK(relu::json::write(Value::number(2.25)) == "2.25");
  std::locale::global(saved);
  // The C locale only matters if one with a comma is installed (the image has none).
  const std::string saved_c = std::setlocale(LC_NUMERIC, nullptr);
  if (std::setlocale(LC_NUMERIC, "de_DE.UTF-8") == nullptr) {
    WARN("no comma-decimal C locale installed; only the C++ global locale was checked");
  }
  CHECK(number_of("1.5") == 1.5);
  CHECK(relu::json::write(Value::number(2.25)) == "2.25");
  std::setlocale(LC_NUMERIC, saved_c.c_str());
}

TEST_CASE("strings: escapes, surrogate pairs and raw UTF-8 decode to UTF-8") {
  const auto r = parse(R"(["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20ac\ud83d\ude00", "é€😀"])");
  REQUIRE(r.ok());
  CHECK(r.value.at(0).as_string() == "\"\\/\b\f\n\r\t");
  CHECK(r.value.at(1).as_string() == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  CHECK(r.value.at(2).as_string() == r.value.at(1).as_string().substr(1));
  CHECK(parse("\"\\u0000\"").value.as_string() == std::string(1, '\0'));
}

TEST_CASE("the writer prints the shortest digits that round-trip, non-finite as null") {
  using relu::json::write;
  CHECK(write(Value::number(0.1)) == "0.1");
  CHECK(write(Value::number(1e20)) == "1e+20");
  CHECK(write(Value::number(100)) == "100");
  CHECK(write(Value::number(-123456789012345.0)) == "-123456789012345");
  CHECK(write(Value::number(999999999999999.0)) == "999999999999999");
  CHECK(write(Value::number(1e15)) == "1e+15");
  CHECK(write(Value::number_f32(16777216.0f)) == "16777216");
  CHECK(write(Value::number(-0.0)) == "-0");
  CHECK(write(Value::number(5e-324)) == "5e-324");
  CHECK(write(Value::number(DBL_MAX)) == "1.7976931348623157e+308");
  CHECK(write(Value::number_f32(0.1f)) == "0.1");
  CHECK(write(Value::number(static_cast<double>(0.1f))) == "0.10000000149011612");
  CHECK(write(Value::number_f32(FLT_MAX)) == "3.4028235e+38");
  CHECK(write(Value::number_f32(FLT_TRUE_MIN)) == "1e-45");
  CHECK(write(Value::number(std::numeric_limits<double>::quiet_NaN())) == "null");
  CHECK(write(Value::number(-std::numeric_limits<double>::infinity())) == "null");
  CHECK(write(Value::number_f32(INFINITY)) == "null");
  CHECK(write(Value::string("a\"b\\c\n\x01\x7F\xC3\xA9")) == R"("a\"b\\c\n\u0001\u007fé")");
  Value o = Value::object();
  o.set("b", Value::number(1));
  o.set("a", Value::array());
  o.set("b", Value::boolean(true));  // replaces in place
  CHECK(write(o) == R"({"b":true,"a":[]})");
  Value rows = Value::array();
  rows.push_back(Value::array());
  rows.at(0).push_back(Value::number(1));
  rows.at(0).push_back(Value::number(2));
  o.set("W", rows);
  CHECK(write(o, 2) == "{\n  \"b\": true,\n  \"a\": [],\n  \"W\": [\n    [1, 2]\n  ]\n}");
}

TEST_CASE("random floats and doubles round-trip bit-exactly through write and parse") {
  std::mt19937_64 gen(12345);
  for (int i = 0; i < 20000; ++i) {
    const uint64_t r = gen();
    uint32_t fbits = static_cast<uint32_t>(r);
    float f;
    std::memcpy(&f, &fbits, 4);
    double d;
    std::memcpy(&d, &r, 8);
    if (std::isfinite(f)) {
      const std::string text = relu::json::write(Value::number_f32(f));
      const auto back = parse(text);
      INFO("float bits " << fbits << " -> " << text);
      REQUIRE(back.ok());
      CHECK(float_bits(static_cast<float>(back.value.as_number())) == float_bits(f));
      CHECK(text.size() <= 16);  // "-1.17549435e-38", or an integer below 1e15
    }
    if (std::isfinite(d)) {
      const std::string text = relu::json::write(Value::number(d));
      const auto back = parse(text);
      INFO("double bits " << r << " -> " << text);
      REQUIRE(back.ok());
      CHECK(double_bits(back.value.as_number()) == double_bits(d));
    }
  }
}

TEST_CASE("documents round-trip: write(parse(text)) is canonical and stable") {
  const char* texts[] = {
      R"({"format":"relu-lab/model","version":1,"layers":[{"W":[[0.5,-1e-07],[3,4]],"b":[0,-0]}]})",
      R"([null,true,false,"\u0001\"",{},[],[[[]]],{"k":{"k":{"k":1.25}}}])",
  };
  for (const char* text : texts) {
    const auto first = parse(text);
    REQUIRE(first.ok());
    const std::string once = relu::json::write(first.value);
    CHECK(once == text);
    const std::string pretty = relu::json::write(first.value, 2);
    const auto again = parse(pretty);
    REQUIRE(again.ok());
    CHECK(relu::json::write(again.value) == once);
  }
}

TEST_CASE("path helpers quote keys that are not identifiers") {
  using relu::json::path_index;
  using relu::json::path_key;
  CHECK(path_index(path_key(path_index("layers", 2), "W"), 3) == "layers[2].W[3]");
  CHECK(path_key("", "lr") == "lr");
  CHECK(path_key("a", "x y") == "a[\"x y\"]");
  CHECK(path_key("", "") == "[\"\"]");
  const std::string long_key(100, 'k');
  CHECK(path_key("", long_key + " ") == "[\"" + std::string(64, 'k') + "\"...]");
}

TEST_CASE("random mutations of valid documents never crash and re-parse canonically") {
  // A cheap stand-in for the fuzzer (fuzz/ runs the real one): bytes flipped, inserted, deleted or
  // truncated. Any accepted text must write to a canonical form that parses to the same form.
  const std::string seeds[] = {
      R"({"format":"relu-lab/model","layers":[{"W":[[0.5,-1e-07],[3,4]],"b":[0,-0]}],"s":"\u00e9\ud83d\ude00 é"})",
      R"([null,true,false,1.5e300,-2.5e-300,"\\\"\n",{},[],[[[]]],{"k":{"k":{"k":1.25}}}])",
  };
  const char kAlphabet[] = "{}[]\",:.-+eE0123456789tfnul\\ \t\n\x80\xC3\xA9\xED\xF4\x00";
  std::mt19937 gen(2024);
  size_t accepted = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text = seeds[n % 2];
    const int edits = 1 + static_cast<int>(gen() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const size_t at = gen() % text.size();
      const char c = kAlphabet[gen() % (sizeof(kAlphabet) - 1)];
      switch (gen() % 4) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        case 2:
          text.erase(at, 1);
          break;
        default:
          text.resize(at);
          break;
      }
    }
    const auto r = parse(text);
    if (!r.ok()) {
      INFO(text);
      REQUIRE(r.offset <= text.size());
      continue;
    }
    ++accepted;
    const std::string canonical = relu::json::write(r.value);
    const auto again = parse(canonical);
    INFO(text << "\n-> " << canonical << "\n" << again.error);
    REQUIRE(again.ok());
    REQUIRE(relu::json::write(again.value) == canonical);
  }
  CHECK(accepted > 100);  // the mutations also produce valid documents, so both paths run
}
