// Datasets: sizes, split, label balance, each set's geometry against its definition (evaluated
// here with std:: math in double), determinism by seed, one checksum per kind that pins the bits
// (the same constants natively and in wasm), the scale switch and bad configs.
#include "nn/dataset.h"

#include <algorithm>
#include <catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace {

using relu::Dataset;
using relu::DatasetConfig;
using relu::DatasetKind;

constexpr DatasetKind kKinds[] = {DatasetKind::kCircle, DatasetKind::kXor, DatasetKind::kGauss,
                                  DatasetKind::kSpiral, DatasetKind::kMoons};

Dataset make(DatasetConfig config, uint64_t seed) {
  Dataset data;
  relu::Rng rng = relu::rng_seed(seed);
  const std::string error = relu::dataset_make(&data, config, &rng);
  INFO("dataset_make: " << error);
  REQUIRE(error.empty());
  return data;
}

DatasetConfig raw(DatasetKind kind, int points, float noise) {
  DatasetConfig config;
  config.kind = kind;
  config.points = points;
  config.noise = noise;
  config.scale_inputs = false;
  return config;
}

// Coordinate k (0 = x, 1 = y) of point i, in double.
double coord(const Dataset& data, int i, int k) {
  return static_cast<double>(data.points[2 * static_cast<size_t>(i) + static_cast<size_t>(k)]);
}

double radius(const Dataset& data, int i) {
  return std::sqrt(coord(data, i, 0) * coord(data, i, 0) + coord(data, i, 1) * coord(data, i, 1));
}

int count_ones(const Dataset& data, int begin, int end) {
  int ones = 0;
  for (int i = begin; i < end; ++i) ones += data.labels[static_cast<size_t>(i)] == 1.0f ? 1 : 0;
  return ones;
}

// FNV-1a over the bits of every coordinate and label, in order (so it pins the shuffle too).
uint64_t checksum(const Dataset& data) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](const std::vector<float>& values) {
    for (float value : values) {
      uint32_t bits;
      std::memcpy(&bits, &value, sizeof bits);
      for (int byte = 0; byte < 4; ++byte) {
        h ^= (bits >> (8 * byte)) & 0xffu;
        h *= 0x100000001b3ull;
      }
    }
  };
  mix(data.points);
  mix(data.labels);
  return h;
}

}  // namespace

TEST_CASE("dataset names round-trip") {
  for (DatasetKind kind : kKinds) {
    DatasetKind parsed;
    REQUIRE(relu::dataset_from_name(relu::dataset_name(kind), &parsed));
    CHECK(parsed == kind);
  }
  DatasetKind unused;
  CHECK_FALSE(relu::dataset_from_name("circles", &unused));
  CHECK(std::string(relu::dataset_name(static_cast<DatasetKind>(9))) == "unknown");
}

TEST_CASE("sizes, labels in {0, 1} and the train/test split") {
  struct Case {
    int points;
    float fraction;
    int train;  // round(points * fraction), worked out by hand
  };
  const Case cases[] = {{500, 0.5f, 250}, {10, 0.1f, 1},      {10, 0.9f, 9},
                        {11, 0.5f, 6},    {5000, 0.3f, 1500}, {333, 0.7f, 233}};
  for (DatasetKind kind : kKinds) {
    for (const Case& c : cases) {
      DatasetConfig config;
      config.kind = kind;
      config.points = c.points;
      config.train_fraction = c.fraction;
      config.noise = 0.2f;
      const Dataset data = make(config, 7);
      INFO(relu::dataset_name(kind) << " points " << c.points << " fraction " << c.fraction);
      CHECK(data.count == c.points);
      CHECK(data.points.size() == 2 * static_cast<size_t>(c.points));
      CHECK(data.labels.size() == static_cast<size_t>(c.points));
      CHECK(data.train_count == c.train);
      CHECK(data.half_width == 1.0f);
      for (float label : data.labels) CHECK((label == 0.0f || label == 1.0f));
      for (float v : data.points) CHECK(std::isfinite(v));
    }
  }
}

TEST_CASE("classes are balanced and the shuffle spreads them over train and test") {
  for (DatasetKind kind : kKinds) {
    const Dataset data = make(raw(kind, 1000, 0.0f), 3);
    INFO(relu::dataset_name(kind));
    const int ones = count_ones(data, 0, data.count);
    if (kind == DatasetKind::kXor) {
      // Uniform quadrants: 500 +- 4 standard deviations (sqrt(1000 / 4) ~ 16).
      CHECK(std::abs(ones - 500) < 64);
    } else {
      CHECK(ones == 500);
    }
    // Unshuffled data would put one class first: both halves must hold both classes.
    const int train_ones = count_ones(data, 0, data.train_count);
    CHECK(train_ones > 200);
    CHECK(train_ones < 300);
  }
}

TEST_CASE("circle: a disc of class 1 inside a ring of class 0; noise flips labels only") {
  const Dataset clean = make(raw(DatasetKind::kCircle, 2000, 0.0f), 11);
  for (int i = 0; i < clean.count; ++i) {
    const double r = radius(clean, i);
    INFO("point " << i << " r " << r);
    if (clean.labels[static_cast<size_t>(i)] == 1.0f) {
      CHECK(r < 2.5 + 1e-5);
    } else {
      CHECK(r > 3.5 - 1e-5);
      CHECK(r < 5.0 + 1e-5);
    }
  }
  // With noise the stored points keep the geometry (r < 2.5 or 3.5 <= r < 5) but labels come
  // from the noisy point: some inner points get class 0. Outer points move at most
  // 0.5 * 5 * sqrt(2) = 3.54 and can drop inside 2.5 too.
  const Dataset noisy = make(raw(DatasetKind::kCircle, 2000, 0.5f), 11);
  int flipped_inner = 0;
  for (int i = 0; i < noisy.count; ++i) {
    const double r = radius(noisy, i);
    CHECK((r < 2.5 + 1e-5 || (r > 3.5 - 1e-5 && r < 5.0 + 1e-5)));
    if (r < 2.5 && noisy.labels[static_cast<size_t>(i)] == 0.0f) ++flipped_inner;
  }
  CHECK(flipped_inner > 0);
  CHECK(count_ones(noisy, 0, noisy.count) != 1000);
}

TEST_CASE("xor: label 1 where x y >= 0, points pushed 0.3 off the axes") {
  const Dataset data = make(raw(DatasetKind::kXor, 1000, 0.0f), 5);
  for (int i = 0; i < data.count; ++i) {
    const float x = data.points[2 * static_cast<size_t>(i)];
    const float y = data.points[2 * static_cast<size_t>(i) + 1];
    INFO("point " << i << " (" << x << ", " << y << ")");
    CHECK(std::abs(x) >= 0.3f);
    CHECK(std::abs(y) >= 0.3f);
    CHECK(std::abs(x) <= 5.3f);
    CHECK(data.labels[static_cast<size_t>(i)] == (x * y >= 0.0f ? 1.0f : 0.0f));
  }
}

TEST_CASE("gauss: class means near (2, 2) and (-2, -2), spread grows with noise") {
  for (float noise : {0.0f, 0.5f}) {
    const Dataset data = make(raw(DatasetKind::kGauss, 4000, noise), 9);
    double sum[2][2] = {};
    double sq[2] = {};
    for (int i = 0; i < data.count; ++i) {
      const int c = data.labels[static_cast<size_t>(i)] == 1.0f ? 1 : 0;
      const double x = coord(data, i, 0);
      sum[c][0] += x;
      sum[c][1] += coord(data, i, 1);
      sq[c] += (x - (c ? 2.0 : -2.0)) * (x - (c ? 2.0 : -2.0));
    }
    // TF Playground: variance 0.5 + 7 noise. Means within 5 standard errors.
    const double variance = 0.5 + 7.0 * static_cast<double>(noise);
    const double tolerance = 5.0 * std::sqrt(variance / 2000.0);
    INFO("noise " << noise);
    CHECK(std::abs(sum[1][0] / 2000 - 2.0) < tolerance);
    CHECK(std::abs(sum[1][1] / 2000 - 2.0) < tolerance);
    CHECK(std::abs(sum[0][0] / 2000 + 2.0) < tolerance);
    CHECK(std::abs(sum[0][1] / 2000 + 2.0) < tolerance);
    CHECK(sq[1] / 2000 == Approx(variance).epsilon(0.1));
    CHECK(sq[0] / 2000 == Approx(variance).epsilon(0.1));
  }
}

TEST_CASE("spiral: without noise every point lies on its arm (checked with std::sin/cos)") {
  const Dataset data = make(raw(DatasetKind::kSpiral, 600, 0.0f), 2);
  const double pi = std::acos(-1.0);
  for (int i = 0; i < data.count; ++i) {
    // Arm point j of n has r = 5 j / n and angle t = 1.75 * 2 pi j / n (+ pi for class 0),
    // so the angle follows from the radius: t = 1.75 * 2 pi r / 5.
    const double r = radius(data, i);
    const bool first = data.labels[static_cast<size_t>(i)] == 1.0f;
    const double t = 1.75 * 2.0 * pi * r / 5.0 + (first ? 0.0 : pi);
    INFO("point " << i << " r " << r);
    CHECK(r <= 5.0);
    CHECK(coord(data, i, 0) == Approx(r * std::sin(t)).margin(2e-5));
    CHECK(coord(data, i, 1) == Approx(r * std::cos(t)).margin(2e-5));
  }
}

TEST_CASE("moons: two half circles of radius 10/3 around their centres") {
  const Dataset data = make(raw(DatasetKind::kMoons, 1000, 0.0f), 4);
  const double scale = 10.0 / 3.0;
  for (int i = 0; i < data.count; ++i) {
    const bool upper = data.labels[static_cast<size_t>(i)] == 1.0f;
    // Centres of sklearn's moons (0, 0) and (1, 0.5), shifted by (-0.5, -0.25), scaled.
    const double cx = (upper ? -0.5 : 0.5) * scale;
    const double cy = (upper ? -0.25 : 0.25) * scale;
    const double dx = coord(data, i, 0) - cx;
    const double dy = coord(data, i, 1) - cy;
    INFO("point " << i);
    CHECK(std::sqrt(dx * dx + dy * dy) == Approx(scale).margin(1e-5));
    CHECK((upper ? dy >= -1e-5 : dy <= 1e-5));
  }
}

TEST_CASE("the same seed gives the same data; another seed other data") {
  for (DatasetKind kind : kKinds) {
    DatasetConfig config;
    config.kind = kind;
    config.noise = 0.1f;
    const Dataset a = make(config, 42);
    const Dataset b = make(config, 42);
    const Dataset c = make(config, 43);
    INFO(relu::dataset_name(kind));
    CHECK(a.points == b.points);
    CHECK(a.labels == b.labels);
    CHECK(a.points != c.points);
  }
}

TEST_CASE("a seed gives the same bits on every build (native == wasm)") {
  // Coordinates come from the libm-free sin/cos and normals, the split from the seeded
  // Fisher-Yates: nothing platform specific. The constants were produced natively and
  // reproduced by the wasm SIMD build.
  const uint64_t want[] = {0x81b9747614abb189ull, 0xb742fef6f087e0ddull, 0xdde2ccc29abda66dull,
                           0x6c1730363b1e510bull, 0x2c781e7bcf80a602ull};
  for (size_t k = 0; k < 5; ++k) {
    DatasetConfig config = raw(kKinds[k], 300, 0.2f);
    const Dataset data = make(config, 17);
    std::printf("checksum %s: 0x%016llxull\n", relu::dataset_name(kKinds[k]),
                static_cast<unsigned long long>(checksum(data)));
    INFO(relu::dataset_name(kKinds[k]));
    CHECK(checksum(data) == want[k]);
  }
  // The regressions' targets too (sqrt is correctly rounded everywhere); reproduced by an em++
  // build of dataset.cpp under Node.
  const std::pair<DatasetKind, uint64_t> regressions[] = {
      {DatasetKind::kRegPlane, 0x748bf7c181aa0a8eull},
      {DatasetKind::kRegGauss, 0x1a246fc73d7b611aull}};
  for (const auto& [kind, sum] : regressions) {
    INFO(relu::dataset_name(kind));
    CHECK(checksum(make(raw(kind, 300, 0.2f), 17)) == sum);
  }
}

TEST_CASE("scaled inputs are the raw coordinates divided by 6") {
  for (DatasetKind kind : kKinds) {
    DatasetConfig config = raw(kind, 300, 0.1f);
    const Dataset raw_data = make(config, 8);
    config.scale_inputs = true;
    const Dataset scaled = make(config, 8);
    INFO(relu::dataset_name(kind));
    CHECK(raw_data.half_width == 6.0f);
    CHECK(scaled.half_width == 1.0f);
    CHECK(raw_data.labels == scaled.labels);
    for (size_t i = 0; i < scaled.points.size(); ++i) {
      CHECK(scaled.points[i] == Approx(raw_data.points[i] / 6.0f).margin(1e-6));
    }
  }
}

TEST_CASE("invalid configs return an error naming the field and an empty dataset") {
  struct Bad {
    DatasetConfig config;
    const char* field;
  };
  auto with = [](auto change) {
    DatasetConfig config;
    change(config);
    return config;
  };
  const Bad bad[] = {
      {with([](DatasetConfig& c) { c.points = 9; }), "points"},
      {with([](DatasetConfig& c) { c.points = 5001; }), "points"},
      {with([](DatasetConfig& c) { c.points = -1; }), "points"},
      {with([](DatasetConfig& c) { c.noise = -0.01f; }), "noise"},
      {with([](DatasetConfig& c) { c.noise = 0.51f; }), "noise"},
      {with([](DatasetConfig& c) { c.noise = std::nanf(""); }), "noise"},
      {with([](DatasetConfig& c) { c.train_fraction = 0.05f; }), "trainFraction"},
      {with([](DatasetConfig& c) { c.train_fraction = 1.0f; }), "trainFraction"},
      {with([](DatasetConfig& c) { c.train_fraction = std::nanf(""); }), "trainFraction"},
      {with([](DatasetConfig& c) { c.kind = static_cast<DatasetKind>(relu::kDatasetKindCount); }),
       "dataset"},
      {with([](DatasetConfig& c) { c.kind = static_cast<DatasetKind>(-1); }), "dataset"},
  };
  for (const Bad& b : bad) {
    Dataset data;
    data.count = 3;
    relu::Rng rng = relu::rng_seed(1);
    const std::string error = relu::dataset_make(&data, b.config, &rng);
    INFO("error: " << error);
    CHECK(error.find(b.field) == 0);
    CHECK(data.count == 0);
    CHECK(data.points.empty());
  }
}

TEST_CASE("regressions: TF Playground's plane and six bumps, targets of the clean point") {
  for (const DatasetKind kind : {DatasetKind::kRegPlane, DatasetKind::kRegGauss}) {
    INFO(relu::dataset_name(kind));
    CHECK(relu::dataset_is_regression(kind));
    const Dataset data = make(raw(kind, 2000, 0.0f), 5);
    CHECK(data.regression);
    double lo = 1e9, hi = -1e9;
    for (int i = 0; i < data.count; ++i) {
      const double x = static_cast<double>(data.points[2 * static_cast<size_t>(i)]);
      const double y = static_cast<double>(data.points[2 * static_cast<size_t>(i) + 1]);
      REQUIRE(std::fabs(x) <= 6.0);
      REQUIRE(std::fabs(y) <= 6.0);
      const double t = static_cast<double>(data.labels[static_cast<size_t>(i)]);
      lo = std::min(lo, t);
      hi = std::max(hi, t);
      if (kind == DatasetKind::kRegPlane) {
        CHECK(std::fabs(t - (x + y) / 10.0) < 1e-6);
      } else if (std::hypot(x - 4.0, y - 2.5) < 1.0) {  // inside the (4, 2.5) bump: positive
        CHECK(std::fabs(t - (1.0 - std::hypot(x - 4.0, y - 2.5) / 2.0)) < 1e-6);
      } else if (std::hypot(x, y - 2.5) < 1.0) {  // inside the (0, 2.5) bump: negative
        CHECK(std::fabs(t + (1.0 - std::hypot(x, y - 2.5) / 2.0)) < 1e-6);
      }
    }
    // Both signs are present and nothing exceeds the construction's range.
    CHECK(lo < -0.5);
    CHECK(hi > 0.5);
    CHECK(hi <= (kind == DatasetKind::kRegPlane ? 1.2 : 1.0));
  }
  for (DatasetKind kind : kKinds) CHECK_FALSE(relu::dataset_is_regression(kind));
}

TEST_CASE("regression noise blurs the targets and leaves the points") {
  const Dataset clean = make(raw(DatasetKind::kRegPlane, 500, 0.0f), 9);
  const Dataset noisy = make(raw(DatasetKind::kRegPlane, 500, 0.5f), 9);
  double moved = 0.0;
  for (int i = 0; i < noisy.count; ++i) {
    const double x = static_cast<double>(noisy.points[2 * static_cast<size_t>(i)]);
    const double y = static_cast<double>(noisy.points[2 * static_cast<size_t>(i) + 1]);
    moved = std::max(moved, std::fabs(static_cast<double>(noisy.labels[static_cast<size_t>(i)]) -
                                      (x + y) / 10.0));
  }
  // Up to +-3 in each coordinate: targets move by up to 0.6, and far more than rounding.
  CHECK(moved > 0.1);
  CHECK(moved <= 0.6 + 1e-6);
  CHECK(clean.count == noisy.count);
}

TEST_CASE("given targets make a regression whatever the kind; given labels a classification") {
  DatasetConfig config;
  config.kind = DatasetKind::kCircle;  // ignored: the given rows decide
  for (int i = 0; i < 20; ++i) {
    config.custom_points.push_back(-5.0f + 0.5f * static_cast<float>(i));
    config.custom_points.push_back(1.0f);
    config.custom_targets.push_back(-900.0f + 90.0f * static_cast<float>(i));
  }
  const Dataset regression = make(config, 4);
  CHECK(regression.regression);
  CHECK(regression.count == 20);
  // Shuffled, not changed: the same multiset of targets.
  std::vector<float> targets = regression.labels;
  std::sort(targets.begin(), targets.end());
  CHECK(targets == config.custom_targets);

  DatasetConfig classes = config;
  classes.kind = DatasetKind::kRegPlane;  // ignored too
  classes.custom_targets.clear();
  for (int i = 0; i < 20; ++i) classes.custom_labels.push_back(static_cast<float>(i % 2));
  CHECK_FALSE(make(classes, 4).regression);
}

TEST_CASE("given targets: one of labels and targets, finite and within +-1000") {
  DatasetConfig base;
  for (int i = 0; i < 10; ++i) {
    base.custom_points.push_back(static_cast<float>(i) - 5.0f);
    base.custom_points.push_back(0.0f);
    base.custom_targets.push_back(0.25f * static_cast<float>(i));
  }
  CHECK(relu::dataset_validate_custom(base, "data").empty());
  auto with = [&](auto change) {
    DatasetConfig config = base;
    change(config);
    return relu::dataset_validate_custom(config, "data");
  };
  CHECK(with([](DatasetConfig& c) { c.custom_labels.assign(10, 1.0f); }) ==
        "data: labels (two classes) or targets (a regression), not both");
  CHECK(with([](DatasetConfig& c) { c.custom_targets.clear(); }) ==
        "data: labels (two classes) or targets (a regression) are missing");
  CHECK(with([](DatasetConfig& c) { c.custom_targets[3] = 1000.5f; }) ==
        "data.targets[3]: must be finite and within [-1000, 1000]");
  CHECK(with([](DatasetConfig& c) {
          c.custom_targets[9] = -std::numeric_limits<float>::infinity();
        }) == "data.targets[9]: must be finite and within [-1000, 1000]");
  CHECK(with([](DatasetConfig& c) { c.custom_targets[0] = std::nanf(""); }) ==
        "data.targets[0]: must be finite and within [-1000, 1000]");
  CHECK(with([](DatasetConfig& c) { c.custom_targets.pop_back(); }) ==
        "data.targets: 9 rows is outside 10..5000");
  CHECK(with([](DatasetConfig& c) { c.custom_targets.push_back(1.0f); }) ==
        "data.points: 10 points for 11 targets");
  CHECK(with([](DatasetConfig& c) { c.custom_targets[5] = -1000.0f; }).empty());  // the bound is in
  // All targets equal is a regression still (R^2 is then undefined, reported as metrics say).
  CHECK(with([](DatasetConfig& c) { c.custom_targets.assign(10, 2.0f); }).empty());
}
