// The facade over Arena for the JS trainer API: the bindings (wasm/bindings_trainer.cpp) bind
// it one line per method, so every check and loop lives here where native tests cover it.
// Settings and models cross as JSON documents; a call's result as a value it returns
// (TrainProgress, RegionsSummary or an error string) and bulk data as views of buffers the
// session owns (metrics records, metrics_record.h; fields, masks, region ids).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "nn/arena.h"

namespace relu {

// What regions() found: a count for a piecewise-linear network, or why there is none.
struct RegionsSummary {
  std::string error;        // "" or the message (bad index or resolution)
  bool linear = false;      // false for a smooth activation: no count, no ids, no borders
  int count = 0;            // connected regions on the grid (linear only)
  int resolution = 0;       // the grid's side
  std::string explanation;  // why a smooth network has none ("" when linear)
};

// An arena plus the warnings of the settings it was built from. Methods that can fail return
// "" or the error message, or a value with an error field; bulk results are views.
class ArenaSession {
 public:
  // Parses, clamps and validates settings_json (see settings.h), then builds the arena.
  // Returns "" or an error naming the field; on error the session is empty.
  std::string reset(const std::string& settings_json);
  // Arena::train, then the metrics records are rewritten; after an until_target request
  // reached_data() holds Arena::reached per network (-1: not yet) until the next one.
  TrainProgress train(const TrainRequest& request);
  const double* reached_data() const { return reached_.data(); }
  size_t reached_size() const { return reached_.size(); }
  // "" if network i exists, else the error naming the index (Arena::check_index).
  std::string check_index(int i) const { return arena_.check_index(i); }

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

  // Evaluates a field into the arena's buffer for network i; kind "probability" | "logit" |
  // "value". Returns "" or an error. field_data()/field_size() describe the result until the next
  // field() call (any network), reset() or destruction; size 0 without an error means the
  // network diverged and has no field (as for unit_field()).
  std::string field(int i, int resolution, const std::string& kind);
  const float* field_data() const { return field_.data; }
  size_t field_size() const { return field_.size; }
  // The same for one unit (Arena::unit_field), with its own result.
  std::string unit_field(int i, int layer, int unit, int resolution);
  const float* unit_field_data() const { return unit_field_.data; }
  size_t unit_field_size() const { return unit_field_.size; }

  // Network i's hidden units silent on the domain grid at `resolution`
  // (Arena::silent_on_domain; dead and silent-on-test units are in the metrics records). Returns
  // "" or an error; on success silent_domain() holds one byte per unit, unit u of hidden layer l
  // at l * kMlpMaxUnits + u (the metrics records' unitMask layout), 1 if silent, until the next
  // call.
  std::string unit_activity(int i, int resolution);
  const uint8_t* silent_domain() const { return silent_domain_; }
  size_t silent_domain_size() const { return sizeof silent_domain_; }

  // Network i's linear regions at `resolution` (Arena::regions). On success region_ids() and
  // region_borders() hold (resolution^2) ids and border flags until the next call, reset() or
  // destruction; for a network with a smooth activation the summary says why there are none and
  // both buffers are empty.
  RegionsSummary regions(int i, int resolution);
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

  // The dataset: points (count, 2), labels (count: 0/1, or a regression's targets); rows
  // [0, train_count) are train.
  const float* points() const { return arena_.data().points.data(); }
  size_t point_floats() const { return arena_.data().points.size(); }
  const float* labels() const { return arena_.data().labels.data(); }
  size_t label_count() const { return arena_.data().labels.size(); }
  int train_count() const { return arena_.data().train_count; }
  float half_width() const { return arena_.data().half_width; }
  bool regression() const { return arena_.data().regression; }

  const Arena& arena() const { return arena_; }

 private:
  void write_metrics();
  std::string field_memory_error(int resolution) const;

  Arena arena_;
  std::vector<std::string> warnings_;
  std::vector<double> metrics_;
  FieldView field_;
  FieldView unit_field_;
  uint8_t silent_domain_[kMlpMaxHiddenLayers * kMlpMaxUnits] = {};
  LinearRegions regions_;
  std::vector<double> reached_;  // Arena::reached of the last until_target request
  std::vector<float> staged_;
};

}  // namespace relu
