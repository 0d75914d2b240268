// Numbers to text and back without iostreams, locales or printf: the shortest correctly rounded
// digits of a double or float32, and the correctly rounded double of a JSON number token. Exact
// big-integer arithmetic throughout; leaves out hexadecimal floats, NaN and infinity.
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

// Converts one JSON number token (RFC 8259 grammar, nothing else) to the nearest double, ties to
// even, whatever the locale. False for a malformed token or a value that rounds beyond double's
// range; values below half the smallest subnormal become (signed) zero.
bool number_from_text(std::string_view token, double* out);

}  // namespace relu
