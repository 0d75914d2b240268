// Decision fields over a grid of cell centres: the output field through the grid evaluator
// (field_eval.h), its chunked mlp_forward reference, unit fields; see decision_field.h.
#include "nn/decision_field.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/name_table.h"
#include "kernels/activation.h"
#include "nn/field_eval.h"

namespace relu {

namespace {

constexpr const char* kKindNames[kFieldKindCount] = {"probability", "logit", "value"};

// Runs mlp_forward over the grid in row-major cell order, kFieldChunk cells at a time, and
// calls emit(first_cell, count) after each forward. Cell coordinates come from two small
// tables (one x per column, one y per row), so the grid costs nothing next to the network.
template <class Emit>
bool for_each_chunk(Mlp* mlp, int resolution, float half_width, Emit emit) {
  float xs[kFieldMaxResolution];
  float ys[kFieldMaxResolution];
  for (int i = 0; i < resolution; ++i) {
    xs[i] = field_cell_x(i, resolution, half_width);
    ys[i] = field_cell_y(i, resolution, half_width);
  }
  const int chunk = std::min(kFieldChunk, mlp->max_batch);
  float xy[2 * kFieldChunk];
  const size_t cells = static_cast<size_t>(resolution) * static_cast<size_t>(resolution);
  const size_t width = static_cast<size_t>(resolution);
  for (size_t first = 0; first < cells; first += static_cast<size_t>(chunk)) {
    const int count = static_cast<int>(std::min(cells - first, static_cast<size_t>(chunk)));
    // A (row, col) cursor rather than a division and a modulo per cell.
    size_t row = first / width;
    size_t col = first % width;
    for (int k = 0; k < count; ++k) {
      xy[2 * k] = xs[col];
      xy[2 * k + 1] = ys[row];
      if (++col == width) {
        col = 0;
        ++row;
      }
    }
    if (!mlp_forward(mlp, xy, count)) return false;
    emit(first, count);
  }
  return true;
}

std::string check_mlp(const Mlp* mlp) {
  if (mlp == nullptr || mlp->layer_count == 0) return "field: the network is not built";
  if (mlp->max_batch < 1) return "field: the network has no room for a batch";
  return "";
}

}  // namespace

const char* field_kind_name(FieldKind kind) { return name_of(kKindNames, kind); }

bool field_kind_from_name(std::string_view name, FieldKind* kind) {
  return value_of(kKindNames, name, kind);
}

std::string field_validate(int resolution, float half_width) {
  if (resolution < kFieldMinResolution || resolution > kFieldMaxResolution) {
    return "resolution: " + std::to_string(resolution) + " is outside " +
           std::to_string(kFieldMinResolution) + ".." + std::to_string(kFieldMaxResolution);
  }
  if (!(std::isfinite(half_width) && half_width > 0.0f)) {
    return "field: the domain half-width must be finite and > 0";
  }
  return "";
}

namespace {

std::string check_field(const Mlp* mlp, int resolution, float half_width, FieldKind kind) {
  if (std::string error = field_validate(resolution, half_width); !error.empty()) return error;
  if (std::string error = check_mlp(mlp); !error.empty()) return error;
  const int k = static_cast<int>(kind);
  if (k < 0 || k >= kFieldKindCount) return "field: unknown kind";
  return "";
}

}  // namespace

std::string field_evaluate(float* out, const Mlp* mlp, int resolution, float half_width,
                           FieldKind kind) {
  if (std::string error = check_field(mlp, resolution, half_width, kind); !error.empty()) {
    return error;
  }
  field_grid_evaluate(out, *mlp, resolution, half_width, kind);
  return "";
}

std::string field_evaluate_reference(float* out, Mlp* mlp, int resolution, float half_width,
                                     FieldKind kind) {
  if (std::string error = check_field(mlp, resolution, half_width, kind); !error.empty()) {
    return error;
  }
  const ForwardKernel sigmoid = kernels_best().forward[static_cast<int>(Activation::kSigmoid)];
  const ActivationParams params;
  const bool ok = for_each_chunk(mlp, resolution, half_width, [&](size_t first, int count) {
    const float* logits = mlp_logits(*mlp);
    if (kind == FieldKind::kProbability) {
      sigmoid(out + first, logits, static_cast<size_t>(count), params);
    } else {
      std::memcpy(out + first, logits, static_cast<size_t>(count) * sizeof(float));
    }
  });
  return ok ? "" : "field: the forward pass failed";
}

std::string unit_field_evaluate(float* out, Mlp* mlp, int layer, int unit, int resolution,
                                float half_width) {
  if (std::string error = field_validate(resolution, half_width); !error.empty()) return error;
  if (std::string error = check_mlp(mlp); !error.empty()) return error;
  if (layer < 0 || layer >= mlp->layer_count) {
    return "layer: " + std::to_string(layer) + " is outside 0.." +
           std::to_string(mlp->layer_count - 1);
  }
  const int units = mlp->layers[layer].out;
  if (unit < 0 || unit >= units) {
    return "unit: " + std::to_string(unit) + " is outside 0.." + std::to_string(units - 1) +
           " for layer " + std::to_string(layer);
  }
  const bool ok = for_each_chunk(mlp, resolution, half_width, [&](size_t first, int count) {
    const ActivationView view = mlp_activations(*mlp, layer);
    std::memcpy(out + first, view.a + static_cast<size_t>(unit) * static_cast<size_t>(view.stride),
                static_cast<size_t>(count) * sizeof(float));
  });
  return ok ? "" : "field: the forward pass failed";
}

std::string units_active_on_grid(UnitMask* active, Mlp* mlp, int resolution, float half_width) {
  *active = UnitMask();
  if (std::string error = field_validate(resolution, half_width); !error.empty()) return error;
  if (std::string error = check_mlp(mlp); !error.empty()) return error;
  const bool ok = for_each_chunk(mlp, resolution, half_width, [&](size_t, int count) {
    units_mark_active(active, *mlp, count);
  });
  return ok ? "" : "field: the forward pass failed";
}

}  // namespace relu
