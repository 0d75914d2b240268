// Linear regions of a piecewise-linear network (relu, leaky_relu, prelu, linear hidden layers)
// over a grid of the input domain: the activation pattern (which side of 0 each hidden unit's
// pre-activation is on) per cell, and the connected areas of equal pattern. It leaves drawing
// (colours, borders on a canvas) to the page and smooth activations out: they have no such regions.
// Legend: R resolution (cells per side), h half-width of the domain [-h, h]^2.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kernels/activation.h"
#include "nn/mlp.h"

namespace relu {

// True for the activations whose networks are piecewise linear with kinks only where a unit's
// pre-activation crosses 0: relu, leaky_relu, prelu (and linear, which has no kink at all).
bool activation_is_piecewise_linear(Activation op);

// The result, owned by the caller (buffers are reused across calls and grow only).
struct LinearRegions {
  int count = 0;                   // connected regions on the grid
  int resolution = 0;              // R
  std::vector<int32_t> ids;        // (R, R) row-major, row 0 at the top: 0..count-1, numbered in
                                   // raster order of each region's first cell
  std::vector<uint8_t> borders;    // (R, R): 1 where the right or lower neighbour's id differs
  std::vector<uint64_t> patterns;  // (R, R, 2) scratch: one bit per hidden unit, 96 at most
};

// Evaluates mlp (evaluation mode, so batch norm uses its running statistics) at the cell
// centres of decision_field.h's grid and labels the connected components of equal activation
// pattern under 4-connectivity. The count is what the grid resolves: a region smaller than a
// cell, or a sliver narrower than one, can be missed (and two cells of one region joined only
// through such a sliver counted twice, rarely), so it converges to the true count as R grows
// and a refinement that adds no region means the resolved count is stable. Linear layers add no
// bit (a fully linear network is one region). Overwrites the forward activations. Returns ""
// or an error: bad resolution/domain, or a hidden activation that is not piecewise linear
// ("<name> is smooth: its network has no linear regions").
std::string linear_regions(LinearRegions* out, Mlp* mlp, int resolution, float half_width);

}  // namespace relu
