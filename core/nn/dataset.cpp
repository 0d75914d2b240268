// Dataset generators. The constructions follow TF Playground's dataset.ts (radius 5, noise as
// a fraction of it; its regressions radius 6); moons follows scikit-learn's make_moons, scaled to
// the same radius. Coordinates are computed in double and rounded once, with portable_math.h's
// libm-free sin/cos, so a seed gives bit-identical points natively and in wasm.
#include "nn/dataset.h"

#include <algorithm>
#include <cmath>

#include "base/name_table.h"
#include "base/number_text.h"
#include "base/portable_math.h"
#include "base/shuffle.h"

namespace relu {

namespace {

constexpr const char* kNames[kDatasetKindCount] = {"circle", "xor",       "gauss",    "spiral",
                                                   "moons",  "reg-plane", "reg-gauss"};
constexpr double kRadius = 5.0;  // TF Playground's data radius
double uniform(Rng* rng, double a, double b) { return a + (b - a) * rng_uniform_double(rng); }

// A point in double before shuffling and scaling.
struct Sample {
  double x;
  double y;
  float label;
};

// TF Playground's classifyCircleData: class 1 is the disc r < 2.5, class 0 the ring
// 3.5 <= r < 5; the label comes from the noisy point while the clean point is stored, so noise
// flips labels near the gap instead of moving points.
void make_circle(Sample* out, int n, double noise, Rng* rng) {
  const int inner = (n + 1) / 2;
  for (int i = 0; i < n; ++i) {
    const double r =
        i < inner ? uniform(rng, 0.0, kRadius * 0.5) : uniform(rng, kRadius * 0.7, kRadius);
    const SinCos angle = portable_sincos(uniform(rng, 0.0, 2.0 * kPi));
    const double x = r * angle.sin;
    const double y = r * angle.cos;
    const double noisy_x = x + uniform(rng, -kRadius, kRadius) * noise;
    const double noisy_y = y + uniform(rng, -kRadius, kRadius) * noise;
    const bool inside = std::sqrt(noisy_x * noisy_x + noisy_y * noisy_y) < kRadius * 0.5;
    out[i] = {x, y, inside ? 1.0f : 0.0f};
  }
}

// classifyXORData: uniform in [-5, 5]^2 pushed 0.3 away from the axes; label 1 where
// x y >= 0, decided from the noisy point like the circle.
void make_xor(Sample* out, int n, double noise, Rng* rng) {
  constexpr double kPadding = 0.3;
  for (int i = 0; i < n; ++i) {
    double x = uniform(rng, -kRadius, kRadius);
    x += x > 0.0 ? kPadding : -kPadding;
    double y = uniform(rng, -kRadius, kRadius);
    y += y > 0.0 ? kPadding : -kPadding;
    const double noisy_x = x + uniform(rng, -kRadius, kRadius) * noise;
    const double noisy_y = y + uniform(rng, -kRadius, kRadius) * noise;
    out[i] = {x, y, noisy_x * noisy_y >= 0.0 ? 1.0f : 0.0f};
  }
}

// classifyTwoGaussData: class 1 around (2, 2), class 0 around (-2, -2); noise widens both,
// variance 0.5 + 7 noise (0.5 at noise 0, 4 at noise 0.5).
void make_gauss(Sample* out, int n, double noise, Rng* rng) {
  const int positive = (n + 1) / 2;
  const double sigma = std::sqrt(0.5 + 7.0 * noise);
  for (int i = 0; i < n; ++i) {
    const double centre = i < positive ? 2.0 : -2.0;
    const double x = centre + sigma * rng_normal_double(rng);
    const double y = centre + sigma * rng_normal_double(rng);
    out[i] = {x, y, i < positive ? 1.0f : 0.0f};
  }
}

// classifySpiralData: two arms of 1.75 turns out to radius 5, the second rotated by pi;
// noise moves points by up to +-noise (TF Playground's scale for this set).
void make_spiral(Sample* out, int n, double noise, Rng* rng) {
  const int positive = (n + 1) / 2;
  for (int i = 0; i < n; ++i) {
    const bool first = i < positive;
    const int count = first ? positive : n - positive;
    const int j = first ? i : i - positive;
    const double r = static_cast<double>(j) / count * kRadius;
    const double t = 1.75 * j / count * 2.0 * kPi + (first ? 0.0 : kPi);
    const SinCos angle = portable_sincos(t);
    const double x = r * angle.sin + uniform(rng, -1.0, 1.0) * noise;
    const double y = r * angle.cos + uniform(rng, -1.0, 1.0) * noise;
    out[i] = {x, y, first ? 1.0f : 0.0f};
  }
}

// make_moons: an upper half circle (class 1) and a lower one shifted by (1, -0.5) (class 0),
// centred and scaled by 10/3 so x spans [-5, 5]; noise moves points like the circle's noise.
void make_moons(Sample* out, int n, double noise, Rng* rng) {
  constexpr double kScale = 10.0 / 3.0;
  const int upper = (n + 1) / 2;
  for (int i = 0; i < n; ++i) {
    const SinCos angle = portable_sincos(uniform(rng, 0.0, kPi));
    const bool first = i < upper;
    const double mx = first ? angle.cos : 1.0 - angle.cos;
    const double my = first ? angle.sin : 0.5 - angle.sin;
    const double x = (mx - 0.5) * kScale + uniform(rng, -kRadius, kRadius) * noise;
    const double y = (my - 0.25) * kScale + uniform(rng, -kRadius, kRadius) * noise;
    out[i] = {x, y, first ? 1.0f : 0.0f};
  }
}

// TF Playground's regressions draw points uniformly in [-6, 6]^2 and take the target at a point
// moved by up to +-6 noise in each coordinate: noise blurs the targets, the points stay.
constexpr double kRegressionRadius = 6.0;

// target(x, y) is the function a regression's points sample (one loop for both regressions: the
// module's size counts on the web).
void make_regression(Sample* out, int n, double noise, Rng* rng, double (*target)(double, double)) {
  for (int i = 0; i < n; ++i) {
    const double x = uniform(rng, -kRegressionRadius, kRegressionRadius);
    const double y = uniform(rng, -kRegressionRadius, kRegressionRadius);
    const double noisy_x = x + uniform(rng, -kRegressionRadius, kRegressionRadius) * noise;
    const double noisy_y = y + uniform(rng, -kRegressionRadius, kRegressionRadius) * noise;
    out[i] = {x, y, static_cast<float>(target(noisy_x, noisy_y))};
  }
}

// regressPlane: (x + y) / 10, so [-1.2, 1.2] over the domain.
void make_reg_plane(Sample* out, int n, double noise, Rng* rng) {
  make_regression(out, n, noise, rng, [](double x, double y) { return (x + y) / 10.0; });
}

// regressGaussian: six bumps of alternating sign at (-4 | 0 | 4, +-2.5), each
// sign * max(0, 1 - d / 2) at distance d from its centre; a point takes the bump of the largest
// magnitude (the first on a tie), so targets are in [-1, 1].
void make_reg_gauss(Sample* out, int n, double noise, Rng* rng) {
  make_regression(out, n, noise, rng, [](double x, double y) {
    constexpr double kBumps[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                     {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    double target = 0.0;
    for (const auto& [cx, cy, sign] : kBumps) {
      const double d = std::sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
      const double value = sign * std::max(0.0, 1.0 - d / 2.0);
      if (std::fabs(value) > std::fabs(target)) target = value;
    }
    return target;
  });
}

}  // namespace

bool dataset_is_regression(DatasetKind kind) {
  return kind == DatasetKind::kRegPlane || kind == DatasetKind::kRegGauss;
}

const char* dataset_name(DatasetKind kind) { return name_of(kNames, kind); }

bool dataset_from_name(std::string_view name, DatasetKind* kind) {
  return value_of(kNames, name, kind);
}

bool dataset_is_custom(const DatasetConfig& config) {
  return !config.custom_points.empty() || !config.custom_labels.empty() ||
         !config.custom_targets.empty();
}

std::string dataset_validate_custom(const DatasetConfig& config, const std::string& key) {
  const std::vector<float>& points = config.custom_points;
  const std::vector<float>& labels = config.custom_labels;
  const std::vector<float>& targets = config.custom_targets;
  const bool regression = !targets.empty();
  if (regression && !labels.empty()) {
    return key + ": labels (two classes) or targets (a regression), not both";
  }
  if (!regression && labels.empty()) {
    return key + ": labels (two classes) or targets (a regression) are missing";
  }
  const std::string rows = regression ? "targets" : "labels";
  const size_t n = regression ? targets.size() : labels.size();
  if (n < static_cast<size_t>(kDatasetMinPoints) || n > static_cast<size_t>(kDatasetMaxPoints)) {
    return key + "." + rows + ": " + std::to_string(n) + " rows is outside " +
           std::to_string(kDatasetMinPoints) + ".." + std::to_string(kDatasetMaxPoints);
  }
  if (points.size() != 2 * n) {
    return key + ".points: " + std::to_string(points.size() / 2) + " points for " +
           std::to_string(n) + " " + rows;
  }
  for (size_t k = 0; k < points.size(); ++k) {
    // !(in range) so that NaN fails too; the presets' domain, so every point is plotted.
    if (!(std::fabs(points[k]) <= kDatasetRawHalfWidth)) {
      return key + ".points[" + std::to_string(k / 2) + "][" + std::to_string(k % 2) +
             "]: must be finite and within [-6, 6]";
    }
  }
  if (regression) {
    for (size_t i = 0; i < n; ++i) {
      if (!(std::fabs(targets[i]) <= kDatasetMaxTarget)) {
        return key + ".targets[" + std::to_string(i) + "]: must be finite and within [-" +
               value_text(kDatasetMaxTarget) + ", " + value_text(kDatasetMaxTarget) + "]";
      }
    }
    return "";
  }
  size_t ones = 0;
  for (size_t i = 0; i < n; ++i) {
    if (labels[i] != 0.0f && labels[i] != 1.0f) {
      return key + ".labels[" + std::to_string(i) + "]: must be 0 or 1";
    }
    ones += labels[i] == 1.0f ? 1 : 0;
  }
  if (ones == 0 || ones == n) return key + ".labels: both classes (0 and 1) must be present";
  return "";
}

std::string dataset_validate(const DatasetConfig& config) {
  if (dataset_is_custom(config)) {
    if (std::string error = dataset_validate_custom(config, "data"); !error.empty()) return error;
    DatasetConfig rest = config;  // the other fields still apply (train fraction)
    rest.custom_points.clear();
    rest.custom_labels.clear();
    rest.custom_targets.clear();
    rest.points = static_cast<int>(config.custom_points.size() / 2);
    return dataset_validate(rest);
  }
  const int kind = static_cast<int>(config.kind);
  if (kind < 0 || kind >= kDatasetKindCount) {
    return "dataset: unknown kind " + std::to_string(kind);
  }
  if (config.points < kDatasetMinPoints || config.points > kDatasetMaxPoints) {
    return "points: " + std::to_string(config.points) + " is outside " +
           std::to_string(kDatasetMinPoints) + ".." + std::to_string(kDatasetMaxPoints);
  }
  // Written as !(in range) so that NaN fails too.
  if (!(config.noise >= 0.0f && config.noise <= kDatasetMaxNoise)) {
    return "noise: " + value_text(config.noise) + " is outside 0..0.5";
  }
  if (!(config.train_fraction >= kDatasetMinTrainFraction &&
        config.train_fraction <= kDatasetMaxTrainFraction)) {
    return "trainFraction: " + value_text(config.train_fraction) + " is outside 0.1..0.9";
  }
  return "";
}

std::string dataset_make(Dataset* out, const DatasetConfig& config, Rng* rng) {
  *out = Dataset();
  if (std::string error = dataset_validate(config); !error.empty()) return error;
  const bool custom = dataset_is_custom(config);
  const bool custom_regression = !config.custom_targets.empty();
  const int n = custom ? static_cast<int>(config.custom_points.size() / 2) : config.points;
  std::vector<Sample> samples(static_cast<size_t>(n));
  if (custom) {
    // Validated: exactly one of labels and targets, N of them.
    const std::vector<float>& values =
        custom_regression ? config.custom_targets : config.custom_labels;
    for (size_t i = 0; i < samples.size(); ++i) {
      samples[i] = {static_cast<double>(config.custom_points[2 * i]),
                    static_cast<double>(config.custom_points[2 * i + 1]), values[i]};
    }
  } else {
    const double noise = static_cast<double>(config.noise);
    // Indexed by DatasetKind (validated above).
    using Generator = void (*)(Sample*, int, double, Rng*);
    constexpr Generator kGenerators[kDatasetKindCount] = {
        make_circle, make_xor, make_gauss, make_spiral, make_moons, make_reg_plane, make_reg_gauss};
    kGenerators[static_cast<int>(config.kind)](samples.data(), n, noise, rng);
  }
  // Shuffled, so that train and test are both drawn from every class and region.
  shuffle(samples.data(), samples.size(), rng);
  const double scale = config.scale_inputs ? 1.0 / static_cast<double>(kDatasetRawHalfWidth) : 1.0;
  out->points.resize(2 * static_cast<size_t>(n));
  out->labels.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const Sample& s = samples[static_cast<size_t>(i)];
    out->points[2 * static_cast<size_t>(i)] = static_cast<float>(s.x * scale);
    out->points[2 * static_cast<size_t>(i) + 1] = static_cast<float>(s.y * scale);
    out->labels[static_cast<size_t>(i)] = s.label;
  }
  out->count = n;
  const long train =
      std::lround(static_cast<double>(n) * static_cast<double>(config.train_fraction));
  out->train_count = static_cast<int>(train < 1 ? 1 : (train > n - 1 ? n - 1 : train));
  out->half_width = config.scale_inputs ? 1.0f : kDatasetRawHalfWidth;
  out->regression = custom ? custom_regression : dataset_is_regression(config.kind);
  return "";
}

}  // namespace relu
