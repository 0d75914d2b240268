// The arena: up to 12 networks, one per activation (or parameter set), trained side by side on
// one dataset from the same initial random numbers with the same shuffles, plus their metrics
// and decision fields. JSON, clamping and warnings are settings.*'s job; here a bad value is
// an error returned by reset().
#pragma once

#include <array>
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
// The largest weight or bias an edit may set: far beyond what training reaches on inputs in
// [-1, 1], yet small enough that products and sums through 16-unit layers stay finite floats.
inline constexpr float kArenaMaxEditedWeight = 1000.0f;
// The most steps train(kArenaMaxEpochsPerCall) can mean: one example per step.
inline constexpr int kArenaMaxStepsPerCall = kArenaMaxEpochsPerCall * kDatasetMaxPoints;

// What one Arena::train call is asked to do: `count` epochs (until `count` more epochs have
// ended; a partly trained epoch counts as the first) or `count` optimizer steps (mini-batches),
// and optionally a test-accuracy target to watch for on the way (until_target).
enum class TrainUnit : int { kEpochs, kSteps };
struct TrainRequest {
  TrainUnit unit = TrainUnit::kEpochs;
  int count = 1;  // 0..kArenaMaxEpochsPerCall epochs or 0..kArenaMaxStepsPerCall steps
  // After every epoch that ends in the call, each network still training that has not reached
  // `target` (0..1) yet has its test score read (metrics_test_score: accuracy, or R^2 for a
  // regression; the value metrics() would report after that epoch); once it is >= target,
  // reached(i) is that epoch.
  bool until_target = false;
  double target = 0.0;

  static TrainRequest epochs(int n) { return {TrainUnit::kEpochs, n}; }
  static TrainRequest steps(int n) { return {TrainUnit::kSteps, n}; }
  TrainRequest until(double accuracy) const { return {unit, count, true, accuracy}; }
};

// What one Arena::train call did, or the error that kept it from doing anything.
struct TrainProgress {
  std::string error;     // "" or a message naming the field
  int epochs = 0;        // epochs that ended during the call
  int steps = 0;         // optimizer steps each network that is still training took
  bool complete = true;  // false if the work budget ran out before the request
};

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

  // Trains every network that has not diverged as `request` says, all with the same per-epoch
  // shuffles (split into epochs or steps however the calls like, the numbers are the same),
  // within the work budget kWorkPerCall (network.h): with complete false, call again for the
  // rest. A network whose loss (a step's, or the train/test loss after the call), gradient or
  // weights become NaN/inf is marked diverged with the epoch of the update that did it, in this
  // call, and stops; the others go on. Metrics are recomputed once at the end of the call.
  TrainProgress train(const TrainRequest& request);
  // The epoch (since reset) at which network i's test score first was >= the target of the
  // last until_target request, or -1 (not yet, or i out of range). Tracking starts with the
  // first such request after reset() (a network already at the target counts from the current
  // epoch) and starts again when the target changes, so a study split over several calls (the
  // work budget) keeps what it found.
  int64_t reached(int i) const;

  // Applies settings that differ from the current ones in kLive rows only (arena_settings.h):
  // every network keeps its weights, optimizer moments, epoch and shuffles, and the next step
  // uses the new values, exactly as if they had been set from that step on. Returns "" or an
  // error naming the first setting that needs a reset; on error nothing changes.
  std::string update(const ArenaSettings& next);
  // Sets one weight W[unit][input] (set_bias: b[unit]) of layer `layer` (hidden layers 0.., the
  // output layer last) of network i to a finite value within +-kArenaMaxEditedWeight, and
  // recomputes its metrics (value is checked as a double, then stored as a float); the run
  // continues from the edited network (moments kept). A diverged network cannot be edited. Returns
  // "" or an error naming the argument.
  std::string set_weight(int i, int layer, int unit, int input, double value);
  std::string set_bias(int i, int layer, int unit, double value);
  int network_count() const { return static_cast<int>(networks_.size()); }
  uint64_t epoch() const { return step_ / steps_per_epoch_; }  // epochs ended since reset()
  uint64_t step() const { return step_; }                      // steps taken since reset()
  int steps_per_epoch() const { return steps_per_epoch_; }
  const ArenaSettings& settings() const { return settings_; }
  const Dataset& data() const { return data_; }
  // nullptr if i is out of range.
  const NetworkMetrics* metrics(int i) const;
  // "" if network i exists, else "index: <i> is outside 0..<count - 1>".
  std::string check_index(int i) const;
  const Network* network(int i) const;

  // Network i's output field at `resolution`; a network that diverged has none: the view is
  // empty (size 0) with no error. The view points into a buffer the arena keeps
  // per network and kind; it stays valid until the next field() call for the same network and
  // kind, reset() or the arena's destruction. In wasm any allocation (e.g. a larger field) may
  // grow memory and detach JS views: fetch a view right before use. On error size is 0 and
  // *error is set. The last field of each (network, kind) is cached with its resolution and
  // the network's weights_version: asking again before the weights change (a paused or diverged
  // network, several draws per training step) returns it without evaluating anything.
  FieldView field(int i, int resolution, FieldKind kind, std::string* error);
  // Grid evaluations field() has run since reset(); a call answered from the cache adds none.
  uint64_t field_evaluations() const { return field_evaluations_; }
  // Unit `unit` of layer `layer` (hidden layers 0.., the output layer last) of network i: the
  // post-activation value (a "feature map"). Own buffer per network, valid as above until the
  // next unit_field() call for the same network; empty without an error if i diverged.
  FieldView unit_field(int i, int layer, int unit, int resolution, std::string* error);
  // Network i's hidden units that are silent on the grid of the domain at `resolution` (a grid
  // evaluation, as field(); dead and silent-on-test units are in metrics()). Returns "" or an
  // error; *out is filled only on success.
  std::string silent_on_domain(int i, int resolution, UnitMask* out);
  // Network i's linear regions at `resolution` (linear_regions.h) into *out, the caller's
  // buffers. Returns "" or an error (bad index or resolution, a smooth activation).
  std::string regions(int i, int resolution, LinearRegions* out);
  // Overwrites network i's parameters (mlp.params layout: every W, every b, every alpha) with
  // `count` floats, e.g. weights kept from an earlier epoch, so that field(), unit_field() and
  // silent_on_domain() show that epoch. Optimizer state, counters and metrics are left as they
  // are: put the live weights back before training on. Returns "" or an error naming the
  // field; on error nothing changes.
  std::string set_params(int i, const float* params, size_t count);

 private:
  // "" if network i exists and resolution is valid for the arena's domain.
  std::string check_field(int i, int resolution) const;
  // buffer sized for resolution^2 floats, or nullptr with *error.
  static float* field_buffer(AlignedBuffer* buffer, int resolution, std::string* error);
  FieldView view_of(const float* data, int resolution, const std::string& error) const;
  // Takes `requested` steps (fewer if the work budget runs out) on every network still training;
  // with watch_target, checks the test score against reached_target_ after each epoch.
  void advance(uint64_t requested, bool watch_target, TrainProgress* progress);
  // "" if network i exists, has not diverged, has unit `unit` in layer `layer` and value is
  // allowed, else an error for `what` ("setWeight").
  std::string check_edit(const char* what, int i, int layer, int unit, double value) const;
  // After an edit of network i's parameters: new weights version, fresh metrics.
  void edited(size_t i);
  // Marks network i diverged during epoch `epoch` (1-based); its metrics keep the epoch before.
  void mark_diverged(size_t i, uint64_t epoch);

  ArenaSettings settings_;
  Dataset data_;
  std::vector<Network> networks_;
  std::vector<NetworkMetrics> metrics_;
  // The last output field of a (network, kind): valid if resolution > 0, for the network's
  // weights at `version`.
  struct CachedField {
    AlignedBuffer buffer;
    int resolution = 0;
    uint64_t version = 0;
  };
  std::vector<std::array<CachedField, kFieldKindCount>> fields_;  // per network, per FieldKind
  std::vector<AlignedBuffer> unit_fields_;                        // one per network
  uint64_t field_evaluations_ = 0;
  uint64_t step_ = 0;        // steps every network still training has taken
  int steps_per_epoch_ = 1;  // ceil(train rows / batch size)
  uint64_t shuffle_seed_ = 0;
  std::vector<int64_t> reached_;  // per network, see reached()
  double reached_target_ = -1.0;  // the target reached_ is for (-1: none yet)
};

}  // namespace relu
