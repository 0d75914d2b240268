// Activation patterns over a grid and their connected components (union-find); see
// linear_regions.h.
#include "nn/linear_regions.h"

#include <algorithm>

#include "nn/decision_field.h"

namespace relu {

namespace {

constexpr int kChunk = 256;  // grid cells per forward

// The root of cell k, halving the path on the way.
int32_t find_root(std::vector<int32_t>* parent, int32_t k) {
  std::vector<int32_t>& p = *parent;
  while (p[static_cast<size_t>(k)] != k) {
    p[static_cast<size_t>(k)] = p[static_cast<size_t>(p[static_cast<size_t>(k)])];
    k = p[static_cast<size_t>(k)];
  }
  return k;
}

void unite(std::vector<int32_t>* parent, int32_t a, int32_t b) {
  a = find_root(parent, a);
  b = find_root(parent, b);
  if (a != b) (*parent)[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
}

// Pattern bits of the `count` points of mlp's last forward into patterns (2 words per point).
void record_patterns(uint64_t* patterns, const Mlp& mlp, int count) {
  std::fill(patterns, patterns + 2 * static_cast<size_t>(count), 0ull);
  int bit = 0;
  for (int l = 0; l + 1 < mlp.layer_count; ++l) {
    const MlpLayer& layer = mlp.layers[l];
    if (layer.activation == Activation::kLinear) continue;  // no kink: no bit
    const ActivationView view = mlp_activations(mlp, l);
    for (int o = 0; o < layer.out; ++o, ++bit) {
      const float* z = view.z + static_cast<size_t>(o) * static_cast<size_t>(view.stride);
      const uint64_t mask = 1ull << (bit & 63);
      for (int b = 0; b < count; ++b) {
        if (z[b] > 0.0f) patterns[2 * static_cast<size_t>(b) + (bit >> 6)] |= mask;
      }
    }
  }
}

}  // namespace

bool activation_is_piecewise_linear(Activation op) {
  return op == Activation::kRelu || op == Activation::kLeakyRelu || op == Activation::kPrelu ||
         op == Activation::kLinear;
}

std::string linear_regions(LinearRegions* out, Mlp* mlp, int resolution, float half_width) {
  out->count = 0;
  out->resolution = 0;
  if (std::string error = field_validate(resolution, half_width); !error.empty()) return error;
  if (mlp == nullptr || mlp->layer_count == 0) return "regions: the network is not built";
  for (int l = 0; l + 1 < mlp->layer_count; ++l) {
    const Activation op = mlp->layers[l].activation;
    if (!activation_is_piecewise_linear(op)) {
      return std::string(activation_name(op)) + " is smooth: its network has no linear regions";
    }
  }
  const size_t R = static_cast<size_t>(resolution);
  const size_t cells = R * R;
  out->patterns.resize(2 * cells);
  out->ids.resize(cells);
  out->borders.resize(cells);
  // Patterns, kChunk cells per forward, in row-major order.
  const int chunk = std::min(kChunk, mlp->max_batch);
  float xy[2 * kChunk];
  for (size_t first = 0; first < cells; first += static_cast<size_t>(chunk)) {
    const int count = static_cast<int>(std::min(cells - first, static_cast<size_t>(chunk)));
    for (int k = 0; k < count; ++k) {
      const size_t cell = first + static_cast<size_t>(k);
      xy[2 * k] = field_cell_x(static_cast<int>(cell % R), resolution, half_width);
      xy[2 * k + 1] = field_cell_y(static_cast<int>(cell / R), resolution, half_width);
    }
    if (!mlp_forward(mlp, xy, count)) return "regions: the forward pass failed";
    record_patterns(out->patterns.data() + 2 * first, *mlp, count);
  }
  // Union-find over equal-pattern neighbours (left and up suffice for 4-connectivity).
  std::vector<int32_t>& parent = out->ids;
  const uint64_t* p = out->patterns.data();
  auto same = [p](size_t a, size_t b) {
    return p[2 * a] == p[2 * b] && p[2 * a + 1] == p[2 * b + 1];
  };
  for (size_t cell = 0; cell < cells; ++cell) {
    parent[cell] = static_cast<int32_t>(cell);
    if (cell % R > 0 && same(cell, cell - 1)) {
      unite(&parent, static_cast<int32_t>(cell), static_cast<int32_t>(cell - 1));
    }
    if (cell >= R && same(cell, cell - R)) {
      unite(&parent, static_cast<int32_t>(cell), static_cast<int32_t>(cell - R));
    }
  }
  // Every cell to its root, the smallest cell of its component; a raster scan then meets each
  // root before the rest of its region: a root takes the next id, any other cell its root's
  // (already renumbered) id.
  for (size_t cell = 0; cell < cells; ++cell) {
    parent[cell] = find_root(&parent, static_cast<int32_t>(cell));
  }
  int32_t count = 0;
  for (size_t cell = 0; cell < cells; ++cell) {
    const int32_t root = parent[cell];
    parent[cell] = root == static_cast<int32_t>(cell) ? count++ : parent[static_cast<size_t>(root)];
  }
  for (size_t cell = 0; cell < cells; ++cell) {
    const bool right = cell % R + 1 < R && parent[cell + 1] != parent[cell];
    const bool down = cell + R < cells && parent[cell + R] != parent[cell];
    out->borders[cell] = right || down ? 1 : 0;
  }
  out->count = count;
  out->resolution = resolution;
  return "";
}

}  // namespace relu
