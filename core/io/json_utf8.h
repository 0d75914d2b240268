// UTF-8 for the JSON parser: validating one encoded sequence (RFC 3629) and encoding a code
// point. Leaves out everything else (no normalisation, no UTF-16).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace relu::json {

// The length (2..4) of the valid multi-byte sequence starting at text[pos] (a byte >= 0x80),
// or 0 if it is invalid: a stray continuation byte, an overlong form, a surrogate, a value
// above U+10FFFF or a truncated sequence.
size_t utf8_sequence_length(std::string_view text, size_t pos);

// Appends code point cp (<= U+10FFFF, not a surrogate) to out as UTF-8.
void utf8_append(std::string* out, uint32_t cp);

}  // namespace relu::json
