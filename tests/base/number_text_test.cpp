// Tests core/base/number_text.*: against the C library (printf's correctly rounded "%.{p}g" and
// strtod, which glibc and musl both compute exactly): random doubles and floats, short decimals,
// exact halfway points, and the special values.
#include "base/number_text.h"

#include <catch.hpp>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "support/float_test_util.h"

using relu::f32_to_text;
using relu::number_from_text;
using relu::number_to_text;
using relu::value_text;

using relu_test::double_bits;
using relu_test::float_bits;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kInfF = std::numeric_limits<float>::infinity();

// Fewer random cases under Node: the C library there is far slower, the logic is the same.
#if defined(__wasm__)
constexpr int kRandomCases = 20000;
#else
constexpr int kRandomCases = 1000000;
#endif

std::string printf_g(double x, int p) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", p, x);
  return buffer;
}

bool reads_back(const std::string& s, double x, bool f32) {
  const double back = std::strtod(s.c_str(), nullptr);
  return f32 ? static_cast<float>(back) == static_cast<float>(x) : back == x;
}

// The specification, by brute force: the first p whose "%.{p}g" reads back through strtod (as a
// double, or as a double then a float), integers below 1e15 as digits.
std::string reference_text(double x, bool f32) {
  if (!std::isfinite(x)) return "null";
  if (std::floor(x) == x && std::fabs(x) < 1e15 && !(x == 0.0 && std::signbit(x))) {
    return std::to_string(static_cast<long long>(x));
  }
  for (int p = 1; p <= 17; ++p) {
    const std::string s = printf_g(x, p);
    if (reads_back(s, x, f32)) return s;
  }
  return printf_g(x, 17);
}

// The cheap form for the large sweeps: the text is "%.{p}g" for its own p, reads back, and
// p - 1 digits do not. (The full search runs on every 64th case.)
void check_text(const std::string& text, double x, bool f32, bool full) {
  INFO((f32 ? "float " : "double ") << printf_g(x, 17) << " -> " << text);
  double back = 0.0;
  REQUIRE(number_from_text(text, &back));
  if (f32) {
    REQUIRE(float_bits(static_cast<float>(back)) == float_bits(static_cast<float>(x)));
  } else {
    REQUIRE(double_bits(back) == double_bits(x));
  }
  if (full) {
    REQUIRE(text == reference_text(x, f32));
    return;
  }
  if (std::floor(x) == x && std::fabs(x) < 1e15) return;  // integers: checked by the full form
  int p = 0;
  for (const char c : text) {
    if (c == 'e') break;
    if (c >= '1' && c <= '9') p = p == 0 ? 1 : p + 1;
    if (c == '0' && p > 0) ++p;
  }
  // Trailing zeros were stripped, so p can only undercount the precision printf was given.
  bool same = false;
  for (int q = p; q <= 17 && !same; ++q) same = printf_g(x, q) == text;
  REQUIRE(same);
  if (p > 1) REQUIRE_FALSE(reads_back(printf_g(x, p - 1), x, f32));
}

void check_parse(const std::string& text) {
  INFO(text);
  double mine = 0.0;
  REQUIRE(number_from_text(text, &mine));
  REQUIRE(double_bits(mine) == double_bits(std::strtod(text.c_str(), nullptr)));
}

}  // namespace

TEST_CASE("special values print as today's writer prints them and read back") {
  CHECK(number_to_text(0.0) == "0");
  CHECK(number_to_text(-0.0) == "-0");
  CHECK(f32_to_text(-0.0f) == "-0");
  CHECK(number_to_text(0.1) == "0.1");
  CHECK(number_to_text(1e-5) == "1e-05");
  CHECK(number_to_text(1.5e-5) == "1.5e-05");
  CHECK(number_to_text(0.0001) == "0.0001");
  CHECK(number_to_text(1e20) == "1e+20");
  CHECK(number_to_text(1e15) == "1e+15");
  CHECK(number_to_text(123.25) == "123.25");
  CHECK(number_to_text(-999999999999999.0) == "-999999999999999");
  CHECK(number_to_text(DBL_MAX) == "1.7976931348623157e+308");
  CHECK(number_to_text(DBL_MIN) == "2.2250738585072014e-308");
  CHECK(number_to_text(DBL_TRUE_MIN) == "5e-324");
  CHECK(number_to_text(1e308) == "1e+308");
  CHECK(f32_to_text(FLT_MAX) == "3.4028235e+38");
  CHECK(f32_to_text(FLT_MIN) == "1.1754944e-38");
  CHECK(f32_to_text(FLT_TRUE_MIN) == "1e-45");
  CHECK(f32_to_text(0.1f) == "0.1");
  CHECK(f32_to_text(16777216.0f) == "16777216");
  CHECK(number_to_text(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(number_to_text(-kInf) == "null");
  CHECK(f32_to_text(kInfF) == "null");
  for (const double x : {0.1, 1e-5, 1.5e20, DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 2.5, 1e-300, 0.3}) {
    check_text(number_to_text(x), x, false, true);
    check_text(number_to_text(-x), -x, false, true);
  }
  for (const float x : {FLT_MAX, FLT_MIN, FLT_TRUE_MIN, 0.1f, 1e-10f, 3.0e38f, 1.17549421e-38f}) {
    check_text(f32_to_text(x), static_cast<double>(x), true, true);
  }
}

TEST_CASE("messages quote finite values as the writer does and name NaN and the infinities") {
  CHECK(value_text(1e6) == "1000000");
  CHECK(value_text(1e300) == "1e+300");
  CHECK(value_text(-1000.0) == "-1000");
  CHECK(value_text(0.7f) == "0.7");
  CHECK(value_text(static_cast<double>(0.7f)) == number_to_text(static_cast<double>(0.7f)));
  CHECK(value_text(FLT_TRUE_MIN) == "1e-45");
  CHECK(value_text(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(value_text(std::numeric_limits<float>::quiet_NaN()) == "nan");
  CHECK(value_text(kInf) == "inf");
  CHECK(value_text(-kInf) == "-inf");
  CHECK(value_text(-kInfF) == "-inf");
}

TEST_CASE("powers of 10 and of 2, their neighbours and every subnormal binade") {
  for (int k = -323; k <= 308; ++k) {
    const double x = std::strtod(("1e" + std::to_string(k)).c_str(), nullptr);
    for (const double y : {x, std::nextafter(x, 0.0), std::nextafter(x, kInf)}) {
      check_text(number_to_text(y), y, false, true);
    }
    const float f = std::strtof(("1e" + std::to_string(k)).c_str(), nullptr);
    if (f != 0.0f && std::isfinite(f)) {
      for (const float g : {f, std::nextafter(f, 0.0f), std::nextafter(f, kInfF)}) {
        check_text(f32_to_text(g), static_cast<double>(g), true, true);
      }
    }
  }
  for (int e = -1074; e <= 1023; ++e) {
    const double x = std::ldexp(1.0, e);
    for (const double y : {x, std::nextafter(x, 0.0), std::nextafter(x, kInf)}) {
      check_text(number_to_text(y), y, false, true);
    }
  }
  for (int e = -149; e <= 127; ++e) {
    const float x = std::ldexp(1.0f, e);
    for (const float y : {x, std::nextafter(x, 0.0f), std::nextafter(x, kInfF)}) {
      check_text(f32_to_text(y), static_cast<double>(y), true, true);
    }
  }
}

TEST_CASE("random doubles print as the brute-force search and read back bit-exactly") {
  std::mt19937_64 gen(20240611);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  for (int i = 0; i < kRandomCases; ++i) {
    uint64_t bits = gen();
    double x;
    std::memcpy(&x, &bits, 8);
    if (i % 4 == 3) x = unit(gen);  // the weights' and metrics' own range
    if (!std::isfinite(x)) continue;
    check_text(number_to_text(x), x, false, i % 64 == 0);
  }
}

TEST_CASE("random floats print as the brute-force search and read back bit-exactly") {
  std::mt19937_64 gen(20240612);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  for (int i = 0; i < kRandomCases; ++i) {
    const uint32_t bits = static_cast<uint32_t>(gen());
    float x;
    std::memcpy(&x, &bits, 4);
    if (i % 4 == 3) x = unit(gen);
    if (!std::isfinite(x)) continue;
    check_text(f32_to_text(x), static_cast<double>(x), true, i % 64 == 0);
  }
}

TEST_CASE("parsing agrees with strtod on random decimals, short and long") {
  std::mt19937_64 gen(7);
  const char* kDigits = "0123456789";
  for (int i = 0; i < kRandomCases / 4; ++i) {
    const int length = 1 + static_cast<int>(gen() % (i % 8 == 0 ? 60 : 19));
    std::string mantissa;
    for (int k = 0; k < length; ++k) mantissa += kDigits[gen() % 10];
    while (mantissa.size() > 1 && mantissa[0] == '0') mantissa.erase(0, 1);
    std::string text = gen() % 2 ? "-" : "";
    const size_t point = gen() % (mantissa.size() + 1);
    text += mantissa.substr(0, point == 0 ? 1 : point);
    if (point != 0 && point < mantissa.size()) text += "." + mantissa.substr(point);
    text += "e" + std::to_string(static_cast<int>(gen() % 700) - 360);
    double x = 0.0;
    const bool ok = number_from_text(text, &x);
    const double reference = std::strtod(text.c_str(), nullptr);
    INFO(text);
    REQUIRE(ok == std::isfinite(reference));
    if (ok) REQUIRE(double_bits(x) == double_bits(reference));
  }
}

TEST_CASE("exact halfway points between doubles round to even, and a hair off them does not") {
  std::mt19937_64 gen(99);
  for (int i = 0; i < kRandomCases / 100; ++i) {
    uint64_t bits = gen() & ~(uint64_t{1} << 63);
    double x;
    std::memcpy(&x, &bits, 8);
    if (!std::isfinite(x) || x == DBL_MAX) continue;
    // The midpoint has 54 significant bits: exact in long double, printed exactly.
    const long double mid =
        (static_cast<long double>(x) + static_cast<long double>(std::nextafter(x, kInf))) / 2;
    char buffer[1200];
    std::snprintf(buffer, sizeof buffer, "%.800Le", mid);
    if (sizeof(long double) <= sizeof(double)) continue;  // no exact midpoint on this target
    std::string text = buffer;
    check_parse(text);
    const size_t e = text.find('e');
    std::string above = text;
    above.insert(e, "1");  // a digit past the last non-zero one
    check_parse(above);
    check_parse("-" + text);
  }
  check_parse("9007199254740993");
  check_parse("2.4703282292062327e-324");  // half the smallest subnormal: rounds to 0
  check_parse("2.4703282292062328e-324");
  check_parse("4.9406564584124654e-324");
  check_parse("1.7976931348623158e308");  // just below the overflow midpoint
  check_parse("0." + std::string(500, '0') + "1");
  check_parse("1" + std::string(1000, '1') + "e-1100");
  double x = 0.0;
  CHECK_FALSE(number_from_text("1.7976931348623159e308", &x));
  CHECK_FALSE(number_from_text("1e309", &x));
}
