// Decision fields: a network's output (probability or logit) or one unit's activation over a
// square grid of the input domain (the output field through field_eval.h, unit fields in chunks
// through mlp_forward; SIMD kernels either way).
// It knows nothing of colours or canvases; the buffer is the caller's.
// Legend: R resolution (cells per side), h half-width of the domain [-h, h]^2.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "nn/mlp.h"
#include "nn/unit_activity.h"

namespace relu {

inline constexpr int kFieldMinResolution = 32;
inline constexpr int kFieldMaxResolution = 512;
// Grid points per mlp_forward: small enough that a chunk's activations of a 16-unit net stay
// in L1/L2, large enough to amortise the per-call overhead.
inline constexpr int kFieldChunk = 256;

// kValue is the output as it is, like kLogit: the name a regression's field goes by.
enum class FieldKind : int { kProbability, kLogit, kValue };
inline constexpr int kFieldKindCount = 3;

// "probability", "logit", "value".
const char* field_kind_name(FieldKind kind);
bool field_kind_from_name(std::string_view name, FieldKind* kind);

// Cell centres: column c is at x = -h + (c + 0.5) 2h / R, row r at y = h - (r + 0.5) 2h / R,
// so row 0 is the TOP of the domain (y near +h), as an image is stored.
inline float field_cell_x(int col, int resolution, float half_width) {
  const double h = static_cast<double>(half_width);
  return static_cast<float>(-h + (col + 0.5) * (2.0 * h / resolution));
}
inline float field_cell_y(int row, int resolution, float half_width) {
  const double h = static_cast<double>(half_width);
  return static_cast<float>(h - (row + 0.5) * (2.0 * h / resolution));
}

// "" if resolution is in [kFieldMinResolution, kFieldMaxResolution] and h is finite and > 0.
std::string field_validate(int resolution, float half_width);

// out: (R, R) row-major, caller-owned, overwritten: the network's output at each cell centre,
// sigmoid(logit) for kProbability (sigmoid kernel of the selected table), else the output. Runs the
// grid evaluator (field_eval.h): reads only the parameters, allocates nothing, and gives
// field_evaluate_reference's values bit for bit. Returns "" or an error (bad resolution/domain,
// no network).
std::string field_evaluate(float* out, const Mlp* mlp, int resolution, float half_width,
                           FieldKind kind);

// The same field through mlp_forward in chunks of min(kFieldChunk, max_batch) points: the
// definition field_evaluate is tested against (and benchmarked with). Overwrites mlp's forward
// activations; allocates nothing.
std::string field_evaluate_reference(float* out, Mlp* mlp, int resolution, float half_width,
                                     FieldKind kind);

// Like field_evaluate for one unit: out[cell] = the post-activation value a of unit `unit` of
// layer `layer` (0-based; hidden layers first, layer_count - 1 is the output layer whose only
// unit is the logit). Returns "" or an error naming the bad layer/unit.
std::string unit_field_evaluate(float* out, Mlp* mlp, int layer, int unit, int resolution,
                                float half_width);

// Sets active->unit[l][o] for every hidden unit that is active (units_mark_active) at some cell
// centre of the grid; the others are silent on the domain at this resolution. Overwrites *active
// and the forward activations. Returns "" or an error (bad resolution/domain, no network).
std::string units_active_on_grid(UnitMask* active, Mlp* mlp, int resolution, float half_width);

}  // namespace relu
