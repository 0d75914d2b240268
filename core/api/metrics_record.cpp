// Metrics records and their layout; see metrics_record.h.
#include "api/metrics_record.h"

#include <limits>

#include "io/json.h"

namespace relu {
namespace {

struct FieldInfo {
  const char* key;
  int length;
  const char* kind;
};

constexpr FieldInfo kFields[] = {
#define RELU_METRICS_INFO(name, key, length, kind) {key, length, kind},
    RELU_METRICS_FIELDS(RELU_METRICS_INFO)
#undef RELU_METRICS_INFO
};

constexpr int offset_of(int field) {
  int offset = 0;
  for (int f = 0; f < field; ++f) offset += kFields[f].length;
  return offset;
}

double* at(double* record, MetricsField field) {
  return record + offset_of(static_cast<int>(field));
}

}  // namespace

int metrics_offset(MetricsField field) { return offset_of(static_cast<int>(field)); }

int metrics_record_doubles() { return offset_of(static_cast<int>(MetricsField::kCount)); }

void metrics_record_write(double* record, const NetworkMetrics& m) {
  for (int i = 0; i < metrics_record_doubles(); ++i) record[i] = 0.0;
  using F = MetricsField;
  *at(record, F::kEpoch) = static_cast<double>(m.epoch);
  *at(record, F::kTrainLoss) = m.train_loss;
  *at(record, F::kTestLoss) = m.test_loss;
  *at(record, F::kTrainAccuracy) = m.train_accuracy;
  *at(record, F::kTestAccuracy) = m.test_accuracy;
  *at(record, F::kDeadUnits) = m.dead_units;
  *at(record, F::kUnits) = m.units;
  *at(record, F::kSparsity) = m.sparsity;
  *at(record, F::kGradNorm) = m.grad_norm;
  *at(record, F::kDiverged) = m.diverged ? 1.0 : 0.0;
  *at(record, F::kDivergedAt) =
      m.diverged ? static_cast<double>(m.diverged_epoch) : std::numeric_limits<double>::quiet_NaN();
  // Regression block.
  *at(record, F::kTrainR2) = m.train_r2;
  *at(record, F::kR2) = m.test_r2;
  *at(record, F::kHiddenLayers) = m.hidden_layers;
  for (int l = 0; l <= m.hidden_layers && l < kMlpMaxLayers; ++l) {
    at(record, F::kGradNormPerLayer)[l] = m.grad_norm_per_layer[l];
  }
  for (int l = 0; l < m.hidden_layers && l < kMlpMaxHiddenLayers; ++l) {
    at(record, F::kDeadPerLayer)[l] = m.dead_per_layer[l];
    at(record, F::kUnitsPerLayer)[l] = m.units_per_layer[l];
    at(record, F::kAlphaCounts)[l] = m.alpha_counts[l];
    at(record, F::kMeanActivation)[l] = m.mean_activation[l];
    at(record, F::kActiveFraction)[l] = m.active_fraction[l];
    const int row = l * kMlpMaxUnits;
    for (int k = 0; k < m.alpha_counts[l] && k < kMlpMaxUnits; ++k) {
      at(record, F::kAlphas)[row + k] = static_cast<double>(m.alphas[l][k]);
    }
    for (int o = 0; o < m.units_per_layer[l] && o < kMlpMaxUnits; ++o) {
      at(record, F::kDeadMask)[row + o] = m.dead.unit[l][o] ? 1.0 : 0.0;
      at(record, F::kSilentTestMask)[row + o] = m.silent_test.unit[l][o] ? 1.0 : 0.0;
    }
  }
}

std::string metrics_layout_json() {
  json::Value fields = json::Value::array();
  for (int f = 0; f < static_cast<int>(MetricsField::kCount); ++f) {
    json::Value field = json::Value::object();
    field.set("key", json::Value::string(kFields[f].key));
    field.set("offset", json::Value::number(offset_of(f)));
    field.set("length", json::Value::number(kFields[f].length));
    field.set("kind", json::Value::string(kFields[f].kind));
    fields.push_back(std::move(field));
  }
  json::Value out = json::Value::object();
  out.set("recordDoubles", json::Value::number(metrics_record_doubles()));
  out.set("maxHiddenLayers", json::Value::number(kMlpMaxHiddenLayers));
  out.set("maxUnits", json::Value::number(kMlpMaxUnits));
  out.set("fields", std::move(fields));
  return json::write(out);
}

}  // namespace relu
