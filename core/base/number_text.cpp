// Exact decimal <-> binary conversion with a small fixed-size big integer (the algorithm, its
// contract and when std::to_chars can replace it: number_text.h).
#include "base/number_text.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace relu {
namespace {

// A non-negative integer, 32-bit limbs, least significant first. 136 limbs (4352 bits) hold
// the largest intermediate: parsing an 801-digit mantissa times 10^-1131 (the smallest
// magnitude parsed exactly), scaled by 2^65. Formatting needs at most about 1200 bits.
class Big {
 public:
  static constexpr int kLimbs = 136;

  explicit Big(uint64_t v = 0) {
    limb_[0] = static_cast<uint32_t>(v);
    limb_[1] = static_cast<uint32_t>(v >> 32);
    size_ = (v >> 32) != 0 ? 2 : (v != 0 ? 1 : 0);
  }

  // Copies only the limbs in use.
  Big(const Big& other) : size_(other.size_) {
    std::memcpy(limb_, other.limb_, static_cast<size_t>(size_) * sizeof(uint32_t));
  }
  Big& operator=(const Big& other) = delete;

  bool is_zero() const { return size_ == 0; }

  int bit_length() const {
    if (size_ == 0) return 0;
    int bits = 32;
    for (uint32_t top = limb_[size_ - 1]; (top & 0x80000000u) == 0; top <<= 1) --bits;
    return (size_ - 1) * 32 + bits;
  }

  // *this = *this * m + add.
  void mul_add(uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (int i = 0; i < size_; ++i) {
      const uint64_t t = static_cast<uint64_t>(limb_[i]) * m + carry;
      limb_[i] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0 && size_ < kLimbs) limb_[size_++] = static_cast<uint32_t>(carry);
  }

  void mul_pow10(int n) {
    for (; n >= 9; n -= 9) mul_add(1000000000u, 0);
    static const uint32_t kSmall[9] = {1,      10,      100,      1000,     10000,
                                       100000, 1000000, 10000000, 100000000};
    if (n > 0) mul_add(kSmall[n], 0);
  }

  void shl(int bits) {
    if (size_ == 0 || bits == 0) return;
    const int words = bits / 32;
    const int rem = bits % 32;
    int top = size_ + words;
    if (top >= kLimbs) top = kLimbs - 1;  // never reached within the documented sizes
    limb_[top] = 0;
    for (int i = top - 1; i >= words; --i) {
      const uint32_t v = limb_[i - words];
      if (rem != 0) limb_[i + 1] |= v >> (32 - rem);
      limb_[i] = rem != 0 ? v << rem : v;
    }
    for (int i = 0; i < words; ++i) limb_[i] = 0;
    size_ = top + 1;
    trim();
  }

  // *this -= b; requires *this >= b.
  void sub(const Big& b) {
    int64_t borrow = 0;
    for (int i = 0; i < size_; ++i) {
      const int64_t t = static_cast<int64_t>(limb_[i]) - (i < b.size_ ? b.limb_[i] : 0) - borrow;
      limb_[i] = static_cast<uint32_t>(t);
      borrow = t < 0 ? 1 : 0;
    }
    trim();
  }

  friend int compare(const Big& a, const Big& b) {
    if (a.size_ != b.size_) return a.size_ < b.size_ ? -1 : 1;
    for (int i = a.size_ - 1; i >= 0; --i) {
      if (a.limb_[i] != b.limb_[i]) return a.limb_[i] < b.limb_[i] ? -1 : 1;
    }
    return 0;
  }

 private:
  void trim() {
    while (size_ > 0 && limb_[size_ - 1] == 0) --size_;
  }

  uint32_t limb_[kLimbs];
  int size_;
};

// ---- Binary to decimal ----

// A positive value v = x * 2^(x_shift + unit) and the readings that give it back: the decimals
// in (v - lo, v + hi), or [v - lo, v + hi] if inclusive, with lo and hi in units of 2^unit.
struct Target {
  uint64_t x;
  int x_shift;
  uint64_t lo, hi;
  int unit;
  bool inclusive;
};

// Digits d[0..count) of d[0].d[1]... * 10^exponent, found with `precision` significant digits.
struct Decimal {
  char digits[17];
  int count;
  int exponent;
  int precision;
};

bool within(const Big& distance, const Big& margin, bool inclusive) {
  const int c = compare(distance, margin);
  return c < 0 || (inclusive && c == 0);
}

// For p = 1, 2, ...: the correctly rounded (ties to even) p-digit decimal of v, the first one
// inside the target's interval; at 17 digits the rounded value whatever (every double reads
// back from 17 digits). This is exactly what trying printf's "%.{p}g" for p = 1..17 would pick.
Decimal first_fitting_decimal(const Target& t) {
  Big r(t.x), s(1), lo(t.lo), hi(t.hi);
  r.shl(t.x_shift);
  if (t.unit >= 0) {
    r.shl(t.unit);
    lo.shl(t.unit);
    hi.shl(t.unit);
  } else {
    s.shl(-t.unit);
  }
  // v = r / s. k starts at about log10(2^(floor(log2 v) - 1)) (78913 / 2^18 is log10(2) to 6
  // digits), within one of floor(log10 v); the loops then step it until 1 <= r / s < 10.
  const long long e2 = r.bit_length() - s.bit_length() - 1;
  const long long scaled = e2 * 78913;
  int k = static_cast<int>(scaled >= 0 ? scaled >> 18 : -((-scaled + (1 << 18) - 1) >> 18));
  if (k >= 0) {
    s.mul_pow10(k);
  } else {
    r.mul_pow10(-k);
    lo.mul_pow10(-k);
    hi.mul_pow10(-k);
  }
  while (compare(r, s) < 0) {
    r.mul_add(10, 0);
    lo.mul_add(10, 0);
    hi.mul_add(10, 0);
    --k;
  }
  Big ten_s = s;
  ten_s.mul_add(10, 0);
  while (compare(r, ten_s) >= 0) {
    s.mul_add(10, 0);
    ten_s.mul_add(10, 0);
    ++k;
  }
  Decimal d{};
  d.exponent = k;
  for (int p = 1; p <= 17; ++p) {
    if (p > 1) {
      r.mul_add(10, 0);
      lo.mul_add(10, 0);
      hi.mul_add(10, 0);
    }
    int digit = 0;
    while (compare(r, s) >= 0) {
      r.sub(s);
      ++digit;
    }
    Big gap = s;  // distance from v up to the next p-digit decimal, in units of s
    gap.sub(r);
    const int half = compare(r, gap);
    const bool up = half > 0 || (half == 0 && digit % 2 == 1);
    d.digits[p - 1] = static_cast<char>(digit);
    if (!(up ? within(gap, hi, t.inclusive) : within(r, lo, t.inclusive)) && p < 17) continue;
    d.count = p;
    d.precision = p;
    if (up) {
      int i = p - 1;
      while (i >= 0 && ++d.digits[i] == 10) d.digits[i--] = 0;
      if (i < 0) {  // 9.99 -> 10.0: one digit more before the point
        d.digits[0] = 1;
        ++d.exponent;
      }
    }
    break;
  }
  while (d.count > 1 && d.digits[d.count - 1] == 0) --d.count;
  return d;
}

// printf's "%g" with precision d.precision: scientific if the exponent is < -4 or >= the
// precision, trailing zeros removed, at least two exponent digits.
void append_g(std::string* out, const Decimal& d) {
  const int x = d.exponent;
  auto digit = [&](int i) { return static_cast<char>('0' + (i < d.count ? d.digits[i] : 0)); };
  if (x < -4 || x >= d.precision) {
    *out += digit(0);
    if (d.count > 1) *out += '.';
    for (int i = 1; i < d.count; ++i) *out += digit(i);
    *out += x < 0 ? "e-" : "e+";
    const int ax = x < 0 ? -x : x;
    if (ax >= 100) *out += static_cast<char>('0' + ax / 100);
    *out += static_cast<char>('0' + ax / 10 % 10);
    *out += static_cast<char>('0' + ax % 10);
  } else if (x >= 0) {
    for (int i = 0; i <= x; ++i) *out += digit(i);
    if (d.count > x + 1) *out += '.';
    for (int i = x + 1; i < d.count; ++i) *out += digit(i);
  } else {
    *out += "0.";
    out->append(static_cast<size_t>(-x - 1), '0');
    for (int i = 0; i < d.count; ++i) *out += digit(i);
  }
}

// Integers below 1e15 print as their digits, exactly; -0 is not one of them ("-0" below).
bool small_integer(double x, std::string* out) {
  if (!(std::fabs(x) < 1e15)) return false;
  const long long i = static_cast<long long>(x);
  if (static_cast<double>(i) != x || (x == 0.0 && std::signbit(x))) return false;
  unsigned long long u = i < 0 ? 0ull - static_cast<unsigned long long>(i) : i;
  char buffer[24];
  int n = 0;
  do {
    buffer[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (i < 0) *out += '-';
  while (n > 0) *out += buffer[--n];
  return true;
}

// Whether text is needed at all, and the sign; false once *out is complete.
bool needs_digits(double x, std::string* out) {
  if (!std::isfinite(x)) {
    *out = "null";
    return false;
  }
  if (small_integer(x, out)) return false;
  if (std::signbit(x)) *out += '-';
  if (x == 0.0) {
    *out += '0';
    return false;
  }
  return true;
}

int bit_length64(uint64_t v) {
  int n = 0;
  for (; v != 0; v >>= 1) ++n;
  return n;
}

}  // namespace

std::string number_to_text(double x) {
  std::string out;
  if (!needs_digits(x, &out)) return out;
  uint64_t bits;
  std::memcpy(&bits, &x, 8);
  const int biased = static_cast<int>(bits >> 52 & 0x7FF);
  const uint64_t fraction = bits & ((uint64_t{1} << 52) - 1);
  const uint64_t m = biased == 0 ? fraction : fraction | uint64_t{1} << 52;
  const int e = biased == 0 ? -1074 : biased - 1075;
  // Units of 2^(e-2): the neighbours are 4 units away, or 2 below a power of two (whose lower
  // neighbour is in the binade below). strtod rounds ties to even: an even m keeps them.
  const bool narrow_below = fraction == 0 && biased > 1;
  const Target t{m, 2, narrow_below ? 1u : 2u, 2, e - 2, m % 2 == 0};
  append_g(&out, first_fitting_decimal(t));
  return out;
}

std::string f32_to_text(float x) {
  std::string out;
  if (!needs_digits(static_cast<double>(x), &out)) return out;
  uint32_t bits;
  std::memcpy(&bits, &x, 4);
  const int biased = static_cast<int>(bits >> 23 & 0xFF);
  const uint32_t fraction = bits & ((1u << 23) - 1);
  const uint64_t f = biased == 0 ? fraction : fraction | 1u << 23;
  const int e = biased == 0 ? -149 : biased - 150;
  const bool narrow_below = fraction == 0 && biased > 1;
  // The reader rounds the text to a double, then the double to a float: the float midpoints
  // lo = v - gap_below/2 and hi = v + gap/2 are doubles (25 bits), and a decimal within half a
  // double ulp of one of them reads as that midpoint, which the float cast then rounds to even.
  // So for an even v the interval widens by that half ulp on each side (inclusive), for an odd
  // v it narrows by it (exclusive). Units of 2^(e-60) make every one of these an integer.
  const int unit = e - 60;
  const uint64_t half_below = narrow_below ? uint64_t{1} << 58 : uint64_t{1} << 59;
  const uint64_t half_above = uint64_t{1} << 59;
  // lo = lo_m * 2^lo_e and hi = hi_m * 2^hi_e with odd mantissas.
  const uint64_t lo_m = narrow_below ? 4 * f - 1 : 2 * f - 1;
  const int lo_e = narrow_below ? e - 2 : e - 1;
  const uint64_t hi_m = 2 * f + 1;
  const int hi_e = e - 1;
  const int lo_log2 = bit_length64(lo_m) - 1 + lo_e;
  const int hi_log2 = bit_length64(hi_m) - 1 + hi_e;
  // Half a double ulp above y is 2^(floor(log2 y) - 53); below, half that at a power of two.
  auto units = [&](int exponent) { return uint64_t{1} << (exponent - unit); };
  const bool even = f % 2 == 0;
  uint64_t lo, hi;
  if (even) {
    lo = half_below + units(lo_log2 - (lo_m == 1 ? 54 : 53));
    hi = half_above + units(hi_log2 - 53);
  } else {
    lo = half_below - units(lo_log2 - 53);
    hi = half_above - units(hi_log2 - 53);  // hi_m >= 3 is odd: never a power of two
  }
  const Target t{f, 60, lo, hi, unit, even};
  append_g(&out, first_fitting_decimal(t));
  return out;
}

namespace {
const char* non_finite_name(double x) { return std::isnan(x) ? "nan" : x < 0 ? "-inf" : "inf"; }
}  // namespace

std::string value_text(double x) {
  return std::isfinite(x) ? number_to_text(x) : non_finite_name(x);
}

std::string value_text(float x) {
  return std::isfinite(x) ? f32_to_text(x) : non_finite_name(static_cast<double>(x));
}

// ---- Decimal to binary ----

namespace {

constexpr long long kMaxDigits = 800;  // beyond 767 significant digits only "non-zero" matters

// value = (q + rest) * 2^(exponent - 63) with q in [2^63, 2^64), rest in [0, 1) and sticky
// = (rest != 0); rounds to the nearest double, ties to even. False on overflow.
bool compose_double(uint64_t q, bool sticky, int exponent, bool negative, double* out) {
  uint64_t bits = 0;
  if (exponent > 1023) return false;
  const int drop = exponent >= -1022 ? 11 : 11 + (-1022 - exponent);
  if (drop <= 64) {
    uint64_t mant = drop == 64 ? 0 : q >> drop;
    const uint64_t low = drop == 64 ? q : q & ((uint64_t{1} << drop) - 1);
    const uint64_t half = uint64_t{1} << (drop - 1);
    if (low > half || (low == half && (sticky || (mant & 1) != 0))) ++mant;
    if (exponent >= -1022) {
      if (mant == uint64_t{1} << 53) {
        mant >>= 1;
        if (++exponent > 1023) return false;
      }
      bits = static_cast<uint64_t>(exponent + 1023) << 52 | (mant & ((uint64_t{1} << 52) - 1));
    } else {
      bits = mant;  // a subnormal; 2^52 after rounding up is the smallest normal, as encoded
    }
  }  // else below half the smallest subnormal: zero
  if (negative) bits |= uint64_t{1} << 63;
  std::memcpy(out, &bits, 8);
  return true;
}

// Exactly digits * 10^e10, rounded: the 64 leading bits of the quotient by long division.
bool exact_to_double(const char* digits, long long count, long long e10, bool negative,
                     double* out) {
  Big num, den(1);
  for (long long i = 0; i < count; i += 9) {
    uint32_t chunk = 0, scale = 1;
    for (long long j = i; j < count && j < i + 9; ++j) {
      chunk = chunk * 10 + static_cast<uint32_t>(digits[j] - '0');
      scale *= 10;
    }
    num.mul_add(scale, chunk);
  }
  if (e10 >= 0) {
    num.mul_pow10(static_cast<int>(e10));
  } else {
    den.mul_pow10(static_cast<int>(-e10));
  }
  // num/den is in [2^(d-1), 2^(d+1)) for d = the bit-length difference; scale it into
  // [2^63, 2^64) and remember by how much.
  int shift = 64 - (num.bit_length() - den.bit_length());
  if (shift >= 0) {
    num.shl(shift);
  } else {
    den.shl(-shift);
  }
  Big limit = den;
  limit.shl(64);
  if (compare(num, limit) >= 0) {
    den.shl(1);
    --shift;
  }
  Big step = den;  // den * 2^63; num doubles instead of step halving
  step.shl(63);
  uint64_t q = 0;
  for (int i = 0; i < 64; ++i) {
    q <<= 1;
    if (compare(num, step) >= 0) {
      num.sub(step);
      q |= 1;
    }
    num.shl(1);
  }
  return compose_double(q, !num.is_zero(), 63 - shift, negative, out);
}

}  // namespace

bool number_from_text(std::string_view token, double* out) {
  const size_t n = token.size();
  size_t i = 0;
  const bool negative = i < n && token[i] == '-';
  if (negative) ++i;
  auto is_digit = [&](size_t k) { return k < n && token[k] >= '0' && token[k] <= '9'; };
  const size_t int_start = i;
  while (is_digit(i)) ++i;
  const size_t int_end = i;
  if (int_end == int_start || (int_end - int_start > 1 && token[int_start] == '0')) return false;
  size_t frac_start = i, frac_end = i;
  if (i < n && token[i] == '.') {
    frac_start = ++i;
    if (!is_digit(i)) return false;
    while (is_digit(i)) ++i;
    frac_end = i;
  }
  long long exponent = 0;
  if (i < n && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < n && (token[i] == '+' || token[i] == '-')) exp_negative = token[i++] == '-';
    if (!is_digit(i)) return false;
    for (; is_digit(i); ++i) {
      if (exponent < 1000000000) exponent = exponent * 10 + (token[i] - '0');  // saturate
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != n) return false;

  // The mantissa's digits as one sequence: position j has weight 10^(int_digits - 1 - j).
  const long long int_digits = static_cast<long long>(int_end - int_start);
  const long long all = int_digits + static_cast<long long>(frac_end - frac_start);
  auto digit_at = [&](long long j) {
    return j < int_digits ? token[int_start + static_cast<size_t>(j)]
                          : token[frac_start + static_cast<size_t>(j - int_digits)];
  };
  long long first = 0, last = all - 1;
  while (first < all && digit_at(first) == '0') ++first;
  const double zero = negative ? -0.0 : 0.0;
  if (first == all) {
    *out = zero;
    return true;
  }
  while (digit_at(last) == '0') --last;
  const long long mag = int_digits + exponent - first;  // value in [10^(mag-1), 10^mag)
  if (mag > 310) return false;
  if (mag < -330) {
    *out = zero;
    return true;
  }
  // Significant digits, at most kMaxDigits and then a '1' standing for the non-zero rest.
  char digits[kMaxDigits + 1];
  long long count = 0;
  for (long long j = first; j <= last && count < kMaxDigits; ++j) digits[count++] = digit_at(j);
  const bool truncated = last >= first + kMaxDigits;
  if (truncated) digits[count++] = '1';
  const long long e10 = exponent + int_digits - 1 - (first + count - 1);

  // Both operands exact (at most 15 digits, 10^22 is a double): one IEEE operation rounds.
  if (count <= 15 && e10 >= -22 && e10 <= 22) {
    static const double kPow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t m = 0;
    for (long long j = 0; j < count; ++j) m = m * 10 + static_cast<uint64_t>(digits[j] - '0');
    const double d = static_cast<double>(m);
    const double v = e10 >= 0 ? d * kPow10[e10] : d / kPow10[-e10];
    *out = negative ? -v : v;
    return true;
  }
  return exact_to_double(digits, count, e10, negative, out);
}

}  // namespace relu
