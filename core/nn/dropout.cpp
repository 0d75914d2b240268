// Inverted dropout; see dropout.h.
#include "nn/dropout.h"

namespace relu {

void dropout_mask_draw(float* mask, Rng* rng, float p, int B, int O, int S) {
  const float keep = 1.0f / (1.0f - p);
  for (int o = 0; o < O; ++o) {
    float* row = mask + o * S;
    for (int b = 0; b < B; ++b) row[b] = rng_uniform(rng) >= p ? keep : 0.0f;
    for (int b = B; b < S; ++b) row[b] = 0.0f;
  }
}

void dropout_forward(float* out, const float* a, const float* mask, size_t n) {
  for (size_t k = 0; k < n; ++k) out[k] = a[k] * mask[k];
}

void dropout_backward(float* da, const float* mask, size_t n) {
  for (size_t k = 0; k < n; ++k) da[k] *= mask[k];
}

}  // namespace relu
