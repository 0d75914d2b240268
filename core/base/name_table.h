// Enum <-> name lookups over a constant table of names indexed by the enum's value: shared by
// every enum that JS and JSON spell as a string (activations, datasets, init schemes, ...).
#pragma once

#include <string_view>

namespace relu {

// The name of `value`, or "unknown" if it is outside the table.
template <class Enum, int N>
const char* name_of(const char* const (&names)[N], Enum value) {
  const int index = static_cast<int>(value);
  return index >= 0 && index < N ? names[index] : "unknown";
}

// Sets *value to the enum named `name` and returns true, or returns false (value untouched).
template <class Enum, int N>
bool value_of(const char* const (&names)[N], std::string_view name, Enum* value) {
  for (int i = 0; i < N; ++i) {
    if (name == names[i]) {
      *value = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}

}  // namespace relu
