// Inverted dropout after a hidden activation (torch.nn.Dropout in training mode): a seeded mask
// of 0 and 1 / (1 - p) per unit and example, the masked forward and its backward. When to draw a
// mask (training steps only) is mlp.h's and network.h's business.
// Legend: B batch, O units, S row stride (>= B, a multiple of 4); buffers are feature-major (O, S).
#pragma once

#include <cstddef>

#include "base/rng.h"

namespace relu {

// torch.nn.Dropout: https://pytorch.org/docs/stable/generated/torch.nn.Dropout.html
// mask (O, S) overwritten: lane b < B of unit o keeps (1 / (1 - p), the float torch multiplies
// by) if rng_uniform(rng) >= p, else 0, drawn unit by unit, lane by lane, from *rng; lanes
// [B, S) are 0. p in [0, 1).
void dropout_mask_draw(float* mask, Rng* rng, float p, int B, int O, int S);

// out (n) = a * mask: the layer's output the next layer reads. Overwrites out.
void dropout_forward(float* out, const float* a, const float* mask, size_t n);

// da (n) *= mask in place: dL/d(activation) from dL/d(dropped output).
void dropout_backward(float* da, const float* mask, size_t n);

}  // namespace relu
