// Fuzzes arena settings as the JS API and the page send them: any text either fails with an
// error naming the field, or gives settings the arena accepts, and writing those settings back
// and reading them again gives the same settings with no warning (clamping is idempotent).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/json.h"
#include "io/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const relu::SettingsResult first = relu::settings_from_json_text(text);
  if (!first.ok()) return 0;
  if (!relu::arena_validate(first.settings).empty()) std::abort();
  const std::string written = relu::json::write(relu::settings_to_json(first.settings, {}));
  const relu::SettingsResult second = relu::settings_from_json_text(written);
  if (!second.ok()) std::abort();
  // "warnings" is written as an empty list; any other warning means a bound moved on re-read.
  if (!second.warnings.empty()) std::abort();
  if (relu::json::write(relu::settings_to_json(second.settings, {})) != written) std::abort();
  return 0;
}
