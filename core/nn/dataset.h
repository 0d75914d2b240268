// The 2-D datasets: classifications (TF Playground's circle, xor, gauss, spiral, plus two moons)
// with {0, 1} labels and regressions (its plane and multi-Gaussian) with targets in about
// [-1, 1]; seeded points with a shuffled train/test split. Clamping out-of-range
// settings is settings.*'s job; here an invalid config is an error, never a crash.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/rng.h"

namespace relu {

enum class DatasetKind : int { kCircle, kXor, kGauss, kSpiral, kMoons, kRegPlane, kRegGauss };
inline constexpr int kDatasetKindCount = 7;

// The name JSON and JS use ("circle", "xor", "gauss", "spiral", "moons", "reg-plane",
// "reg-gauss"), and its inverse.
const char* dataset_name(DatasetKind kind);
bool dataset_from_name(std::string_view name, DatasetKind* kind);
// True for the regressions (reg-*): their labels are targets, their loss the mean squared error.
bool dataset_is_regression(DatasetKind kind);

inline constexpr int kDatasetMinPoints = 10;
inline constexpr int kDatasetMaxPoints = 5000;
inline constexpr float kDatasetMaxNoise = 0.5f;
inline constexpr float kDatasetMinTrainFraction = 0.1f;
inline constexpr float kDatasetMaxTrainFraction = 0.9f;
// TF Playground draws its data within radius 5 and shows [-6, 6]^2; scaled inputs divide by 6.
inline constexpr float kDatasetRawHalfWidth = 6.0f;
// Given targets lie within [-kDatasetMaxTarget, kDatasetMaxTarget]: wide enough for any unit a
// reader's file is in, small enough that squared errors of an untrained network stay far from
// float overflow.
inline constexpr float kDatasetMaxTarget = 1000.0f;

struct DatasetConfig {
  DatasetKind kind = DatasetKind::kCircle;
  int points = 500;             // N, kDatasetMinPoints..kDatasetMaxPoints
  float noise = 0.0f;           // 0..0.5, a fraction of the data radius 5 (TF Playground's)
  float train_fraction = 0.5f;  // 0.1..0.9 of the points train, the rest test
  bool scale_inputs = true;     // true: coordinates / 6, domain [-1, 1]; false: raw, [-6, 6]
  // Given points instead of a generated set (kind, points and noise are then ignored):
  // custom_points (N, 2) row-major in raw units within [-6, 6]^2, N in
  // kDatasetMinPoints..kDatasetMaxPoints, and exactly one of custom_labels (N) 0 or 1 with both
  // classes present (a classification) or custom_targets (N) finite numbers within
  // +-kDatasetMaxTarget (a regression, whatever `kind` says). All empty: use `kind`.
  std::vector<float> custom_points;
  std::vector<float> custom_labels;
  std::vector<float> custom_targets;
};

// Whether config holds given points (any of its custom_* vectors is non-empty).
bool dataset_is_custom(const DatasetConfig& config);

// "" if config's given points, labels and targets satisfy custom_points' contract, else a
// message naming the field under `key` ("data.points[3][1]: ...", "data.targets[2]: ...").
std::string dataset_validate_custom(const DatasetConfig& config, const std::string& key);

// points: (N, 2) row-major (x, y); labels: (N) 0.0f or 1.0f, or a regression's targets (floats,
// as the loss reads them).
// Rows [0, train_count) are the training set, [train_count, N) the test set, after a seeded
// shuffle. half_width is the square domain [-h, h]^2 the fields cover (1 scaled, 6 raw).
struct Dataset {
  std::vector<float> points;
  std::vector<float> labels;
  int count = 0;        // N
  int train_count = 0;  // round(N * train_fraction), at least 1 and at most N - 1
  float half_width = 1.0f;
  bool regression = false;  // labels are targets (dataset_is_regression)
};

// "" if config is within the documented ranges, else a message naming the field.
std::string dataset_validate(const DatasetConfig& config);

// Fills *out from config, drawing every random number from *rng (the same rng state gives the
// same dataset, natively and in wasm). Given points skip generation: only the split's shuffle
// draws from *rng, and they are scaled like generated ones. On error returns the message and
// leaves *out empty.
std::string dataset_make(Dataset* out, const DatasetConfig& config, Rng* rng);

}  // namespace relu
