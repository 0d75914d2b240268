// The arena: up to 12 networks, one per activation (or parameter set), trained side by side on
// one dataset from the same initial random numbers with the same shuffles, plus their metrics
// and decision fields. JSON, clamping and warnings are settings.*'s job; here a bad value is
// an error returned by reset().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/aligned_buffer.h"
#include "kernels/activation.h"
#include "nn/arena_settings.h"
#include "nn/dataset.h"
#include "nn/decision_field.h"
#include "nn/init.h"
#include "nn/linear_regions.h"
#include "nn/metrics.h"
#include "nn/mlp.h"
#include "nn/network.h"
#include "nn/optimizer.h"
#include "nn/unit_activity.h"

namespace relu {

inline constexpr int kArenaMaxEpochsPerCall = 100000;

// A field as the arena returns it: a view of a buffer the arena owns.
struct FieldView {
  const float* data = nullptr;  // (resolution, resolution) row-major, row 0 is y = +half_width
  size_t size = 0;              // resolution * resolution (0 on error)
  int resolution = 0;
  float half_width = 0.0f;
};

class Arena {
 public:
  // Builds the dataset and the networks from settings (all of them from the same initial
  // random numbers) and computes epoch-0 metrics. On error returns the message and leaves the
  // arena empty (network_count() 0).
  std::string reset(const ArenaSettings& settings);

  // Trains every network that has not diverged by `epochs` (0..kArenaMaxEpochsPerCall) whole
  // epochs on the training rows, all with the same per-epoch shuffles; a network whose loss,
  // gradient or weights become NaN/inf is marked diverged with that epoch and stops, the
  // others go on. Metrics are recomputed once at the end of the call.
  std::string train(int epochs);

  int network_count() const { return static_cast<int>(networks_.size()); }
  uint64_t epoch() const { return epoch_; }  // epochs trained since reset()
  const ArenaSettings& settings() const { return settings_; }
  const Dataset& data() const { return data_; }
  // nullptr if i is out of range.
  const NetworkMetrics* metrics(int i) const;
  const Network* network(int i) const;

  // Network i's output field at `resolution`. The view points into a buffer the arena keeps
  // per network; it stays valid until the next field() call for the same network, reset() or
  // the arena's destruction. In wasm any allocation (e.g. a larger field) may grow memory
  // and detach JS views: fetch a view right before use. On error size is 0 and *error is set.
  FieldView field(int i, int resolution, FieldKind kind, std::string* error);
  // Unit `unit` of layer `layer` (hidden layers 0.., the output layer last) of network i: the
  // post-activation value (a "feature map"). Own buffer per network, valid as above until the
  // next unit_field() call for the same network.
  FieldView unit_field(int i, int layer, int unit, int resolution, std::string* error);
  // Network i's units: dead on the train rows and silent on the test rows (from the current
  // metrics) and silent on the grid of the domain at `resolution` (a grid evaluation, as
  // field()). Returns "" or an error; *out is filled only on success.
  std::string unit_activity(int i, int resolution, UnitActivity* out);
  // Network i's linear regions at `resolution` (linear_regions.h) into *out, the caller's
  // buffers. Returns "" or an error (bad index or resolution, a smooth activation).
  std::string regions(int i, int resolution, LinearRegions* out);

 private:
  // Network i's buffer in `buffers`, sized for resolution^2 floats, or nullptr with *error.
  float* field_buffer(std::vector<AlignedBuffer>* buffers, int i, int resolution,
                      std::string* error);
  FieldView view_of(const float* data, int resolution, const std::string& error) const;

  ArenaSettings settings_;
  Dataset data_;
  std::vector<Network> networks_;
  std::vector<NetworkMetrics> metrics_;
  std::vector<AlignedBuffer> fields_;       // one per network
  std::vector<AlignedBuffer> unit_fields_;  // one per network
  uint64_t epoch_ = 0;
  uint64_t shuffle_seed_ = 0;
};

}  // namespace relu
