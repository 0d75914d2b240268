// Fuzzes the JSON reader: any bytes either fail with a message or parse to a value whose
// written text parses again to the same text (the writer and reader agree).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const relu::json::ParseResult first = relu::json::parse(text);
  if (!first.ok()) {
    if (first.error.empty()) std::abort();
    return 0;
  }
  const std::string written = relu::json::write(first.value);
  const relu::json::ParseResult second = relu::json::parse(written);
  if (!second.ok() || relu::json::write(second.value) != written) std::abort();
  return 0;
}
