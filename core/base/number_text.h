// Numbers to text and back without iostreams, locales or printf: the shortest correctly rounded
// digits of a double or float32, and the correctly rounded double of a JSON number token. It
// depends on nothing but the C++ library, so it sits at the bottom of core; io's JSON uses it.
//
// The algorithm, both ways, is an exact big-integer one (Steele & White's "Dragon4" family, the
// free-format printing that David Gay's dtoa and Burger & Dybvig refined; here in its plainest
// form): the value and the half-gaps to its neighbours become integers over a common power of
// two and ten, and every decision compares exact integers, with no table of powers and no
// error analysis to trust. Faster algorithms exist (Ryu, Grisu with fallback, Dragonbox) at the
// price of large tables or a proof: a few microseconds per number suit model files of a few
// thousand numbers. Reading is exact long division of the digits by the power of ten.
//
// The contract: (1) round trip: number_from_text(number_to_text(x)) == x bit for bit for every
// finite double, and the same through a float for f32_to_text; (2) shortest as printf sees it:
// the fewest digits p whose correctly rounded p-digit decimal reads back, which is what trying
// "%.{p}g" for p = 1..17 picks; (3) that text, byte for byte, so files written by earlier builds
// compare equal (tests/base/number_text_test.cpp checks all three against the C library).
//
// When to replace it: std::to_chars (C++17 <charconv>, its shortest round-trip form) is much
// faster but not a drop-in: it lays digits out by length ("1e-04" where %g writes "0.0001"),
// and next to a power of two, where the gap below is half the gap above, it can return a
// decimal one digit shorter that is not the correctly rounded one, so (2) and (3) would change;
// and the wasm toolchain's libc++ (Debian's 3.1.6) has no floating-point std::to_chars at all.
// Once every toolchain has it, number_to_text may use its digits only where they agree with
// (2), re-laid out as %g, kept only if number_text_test still passes; number_from_text may
// become std::from_chars (correctly rounded too).
#pragma once

#include <string>
#include <string_view>

namespace relu {

// The text JSON files hold for x: the fewest significant digits p (1..17) whose correctly
// rounded p-digit decimal reads back (through number_from_text) to x, printed as printf's
// "%.{p}g" prints it ("0.1", "1e-05", "1.5e+20", "-0"). Integers below 1e15 print as their
// digits ("500", never "5e+02"). Non-finite values print as "null" (JSON has no NaN or inf).
std::string number_to_text(double x);
// The same for a float32 value: the fewest digits whose reading (to the nearest double, then to
// the nearest float, as the model reader does) gives back x bit for bit.
std::string f32_to_text(float x);
// For messages, where a value need not be finite: number_to_text (f32_to_text for a float), but
// NaN and the infinities as printf names them ("nan", "inf", "-inf") rather than JSON's null.
// Messages use it instead of printf, which would link libc's float formatting into the module.
std::string value_text(double x);
std::string value_text(float x);

// Converts one JSON number token (RFC 8259 grammar, nothing else) to the nearest double, ties to
// even, whatever the locale. False for a malformed token or a value that rounds beyond double's
// range; values below half the smallest subnormal become (signed) zero.
bool number_from_text(std::string_view token, double* out);

}  // namespace relu
