// The facade over Arena for the JS trainer API: the bindings (wasm/bindings_trainer.cpp) bind
// it one line per method, so every check and loop lives here where native tests cover it.
// Settings cross as JSON, metrics as fixed-layout records (metrics_record.h), fields as views.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "nn/arena.h"

namespace relu {

// An arena plus the warnings of the settings it was built from. Methods that can fail return
// "" or the error message; results are read through accessors.
class ArenaSession {
 public:
  // Parses, clamps and validates settings_json (see settings.h), then builds the arena.
  // Returns "" or an error naming the field; on error the session is empty.
  std::string reset(const std::string& settings_json);
  // "" or an error (see Arena::train, Arena::train_steps); on success progress_json() is
  // {"epochs", "steps", "complete"} of the call.
  std::string train(int epochs);
  std::string train_steps(int steps);
  // Arena::train_to_target for a many-seed study: progress_json() then also holds "reached",
  // per network the first epoch (since reset) at which test accuracy was >= target, or null.
  // Tracking starts with the first call after reset() (a network already at the target then
  // counts from the current epoch) and starts again when target changes.
  std::string train_to_target(int epochs, double target);
  const std::string& progress_json() const { return progress_; }

  // Reads a partial settings object over the current settings (settings_over_json_text) and
  // applies it without a reset (Arena::update: kLive rows only). Returns "" or an error naming
  // the field; on success its clamp warnings replace the session's and the session keeps its
  // epoch, weights and metrics.
  std::string update(const std::string& settings_json);
  // Arena::set_weight / set_bias, then the metrics records are rewritten.
  std::string set_weight(int i, int layer, int unit, int input, double value);
  std::string set_bias(int i, int layer, int unit, double value);

  // The validated, clamped settings actually used, with "warnings" (settings_to_json).
  std::string settings_json() const;
  // [{"activation", "label"}] per network: what does not change until the next reset().
  std::string networks_json() const;
  int network_count() const { return arena_.network_count(); }
  // Network i's current weights as a model file (model_json.h), or "null" if i is out of range.
  std::string model_json(int i) const;

  // The metrics of every network after the last reset() or train(): network_count() records
  // of metrics_record_doubles() doubles each, laid out as metrics_layout_json() says. The
  // buffer is sized by reset() and rewritten in place by train().
  const double* metrics_data() const { return metrics_.data(); }
  size_t metrics_size() const { return metrics_.size(); }

  // Evaluates a field into the arena's buffer for network i; kind "probability" | "logit".
  // Returns "" or an error. field_data()/field_size() describe the result until the next
  // field() call (any network), reset() or destruction; size 0 without an error means the
  // network diverged and has no field (as for unit_field()).
  std::string field(int i, int resolution, const std::string& kind);
  const float* field_data() const { return field_.data; }
  size_t field_size() const { return field_.size; }
  // The same for one unit (Arena::unit_field), with its own result.
  std::string unit_field(int i, int layer, int unit, int resolution);
  const float* unit_field_data() const { return unit_field_.data; }
  size_t unit_field_size() const { return unit_field_.size; }

  // Network i's units dead on the train rows, silent on the test rows and silent on the domain
  // grid at `resolution` (Arena::unit_activity). Returns "" or an error; on success
  // unit_activity_json() is [[{"deadTrain", "silentTest", "silentDomain"} per unit] per hidden
  // layer] until the next call.
  std::string unit_activity(int i, int resolution);
  const std::string& unit_activity_json() const { return unit_activity_; }

  // Network i's linear regions at `resolution` (Arena::regions). Returns "" or an error (bad
  // index or resolution). On success regions_json() is {"count", "resolution"} and
  // region_ids()/region_borders() hold (resolution^2) ids and border flags until the next call,
  // reset() or destruction; for a network with a smooth activation it is {"count": null,
  // "resolution", "explanation"} and both buffers are empty.
  std::string regions(int i, int resolution);
  const std::string& regions_json() const { return regions_json_; }
  const int32_t* region_ids() const { return regions_.ids.data(); }
  const uint8_t* region_borders() const { return regions_.borders.data(); }
  size_t region_cells() const {
    return static_cast<size_t>(regions_.resolution) * static_cast<size_t>(regions_.resolution);
  }
  // Network i's parameters as Arena::set_params lays them out, or nullptr/0 if i is out of
  // range: valid until the next train(), set_params() or reset() (copy them to keep them).
  const float* params_data(int i) const;
  size_t param_count(int i) const;
  // Setting parameters in two steps, as NetworkSession::prepare does for examples: stage_params
  // sizes staged_params() for network i (or returns an error), the caller fills it, and
  // load_params(i) copies it into network i (Arena::set_params; "" or an error).
  std::string stage_params(int i);
  float* staged_params() { return staged_.data(); }
  size_t staged_size() const { return staged_.size(); }
  std::string load_params(int i);

  // The dataset: points (count, 2), labels (count); rows [0, train_count) are train.
  const float* points() const { return arena_.data().points.data(); }
  size_t point_floats() const { return arena_.data().points.size(); }
  const float* labels() const { return arena_.data().labels.data(); }
  size_t label_count() const { return arena_.data().labels.size(); }
  int train_count() const { return arena_.data().train_count; }
  float half_width() const { return arena_.data().half_width; }

  const Arena& arena() const { return arena_; }

 private:
  void write_metrics();
  std::string finish_training(const std::string& error, const TrainProgress& progress);
  std::string field_memory_error(int resolution) const;

  Arena arena_;
  std::vector<std::string> warnings_;
  std::vector<double> metrics_;
  FieldView field_;
  FieldView unit_field_;
  std::string unit_activity_ = "null";
  LinearRegions regions_;
  std::string regions_json_ = "null";
  std::string progress_ = "null";
  std::vector<int64_t> reached_;  // train_to_target's epochs, -1 = not yet
  double reached_target_ = -1.0;  // the target reached_ is for (-1: none yet)
  std::vector<float> staged_;
};

}  // namespace relu
