// The project's one shuffle: a seeded Fisher-Yates over any array, drawing from the explicit
// Rng, so a generator state gives the same permutation natively and in wasm. Choosing a seed or
// stream is the caller's business.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "base/rng.h"

namespace relu {

// Permutes items (n, owned by the caller) in place, uniformly. Draw sequence (pinned by the
// dataset and training checksums): for i = n-1 down to 1, one rng_below(rng, i + 1) = j, then
// items[i] and items[j] swap. n < 2 draws nothing.
template <class T>
void shuffle(T* items, size_t n, Rng* rng) {
  if (n < 2) return;
  for (size_t i = n - 1; i > 0; --i) {
    const size_t j = rng_below(rng, static_cast<uint32_t>(i) + 1u);
    std::swap(items[i], items[j]);
  }
}

}  // namespace relu
