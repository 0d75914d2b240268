// The grid evaluator behind field_evaluate: a network's output over the cell centres of a square
// grid, one row tile at a time through every layer, without mlp_forward's gather and transpose.
// Validation, kinds and unit fields are decision_field.h's.
// Legend: R resolution, T points of a tile (a multiple of kFieldBlock), I/O inputs/units of a
// layer.
#pragma once

#include "nn/decision_field.h"
#include "nn/mlp.h"

namespace relu {

// Points per tile: a tile's activations, (O, T) twice, take at most 16 KB and stay in L1.
inline constexpr int kFieldTile = 128;
// Points per register block of the dense layers (four f32x4 accumulators).
inline constexpr int kFieldBlock = 16;

// out: (R, R) row-major, caller-owned, overwritten, laid out as field_evaluate documents. Every
// value is computed with the float operations of mlp_forward in the same order (with raw inputs
// the first layer's b + W[:,0] x is computed once per column and reused by every row, which is
// the same operation on the same operands; other input features are computed per tile by
// input_features.h's functions, as mlp_forward computes them), and each activation kernel sees
// whole f32x4 lanes as in mlp_forward; batch norm runs mlp_forward's evaluation map (running
// statistics) and dropout is off, as in mlp_forward; so the result equals field_evaluate_reference
// bit for bit for every op whose SIMD kernel and scalar tail agree (all of them in practice, the
// exact ones by contract). Reads only mlp's parameters (its forward activations are untouched);
// allocates nothing (about 48 KB of stack). Preconditions: field_validate(R, h) is "" and mlp is
// built.
void field_grid_evaluate(float* out, const Mlp& mlp, int resolution, float half_width,
                         FieldKind kind);

}  // namespace relu
