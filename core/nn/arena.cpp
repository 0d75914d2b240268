// The arena: validation of its settings, building the networks from one seed, training them
// side by side with divergence tracking, and their fields; see arena.h.
#include "nn/arena.h"

#include <algorithm>

#include "kernels/activation.h"

namespace relu {

namespace {

// Independent seeds for the three consumers of randomness, so that e.g. changing the number
// of points does not change the initial weights.
enum class SeedPurpose : uint64_t { kData = 1, kInit = 2, kShuffle = 3 };

uint64_t derive_seed(uint64_t seed, SeedPurpose purpose) {
  uint64_t state = seed ^ (static_cast<uint64_t>(purpose) * 0xd1342543de82ef95ull);
  return splitmix64(&state);
}

MlpConfig mlp_config_for(const ArenaSettings& settings, const NetworkSpec& spec) {
  MlpConfig config;
  for (int units : settings.hidden) {
    HiddenLayerConfig layer;
    layer.units = units;
    layer.activation = spec.activation;
    layer.params = spec.params;
    layer.batch_norm = settings.batch_norm;
    layer.dropout = settings.dropout;
    config.hidden.push_back(layer);
  }
  return config;
}

}  // namespace

std::string Arena::reset(const ArenaSettings& settings) {
  *this = Arena();
  if (std::string error = arena_validate(settings); !error.empty()) return error;
  Rng data_rng = rng_seed(derive_seed(settings.seed, SeedPurpose::kData));
  if (std::string error = dataset_make(&data_, settings.dataset, &data_rng); !error.empty()) {
    *this = Arena();
    return error;
  }
  // Room for a training batch and for a field/metrics chunk, whichever is larger; a full
  // batch larger than this is run in several forward/backward passes by network.h.
  const int batch = std::min(settings.batch_size, data_.train_count);
  // Batch norm needs a whole batch in one forward (its statistics are per forward).
  const int max_batch = std::clamp(batch, kFieldChunk, settings.batch_norm ? kArenaMaxBatch : 1024);
  InitConfig init = settings.init;
  init.seed = derive_seed(settings.seed, SeedPurpose::kInit);
  networks_.resize(settings.networks.size());
  for (size_t i = 0; i < networks_.size(); ++i) {
    std::string error;
    const MlpConfig config = mlp_config_for(settings, settings.networks[i]);
    if (!network_build(&networks_[i], config, settings.optimizer, max_batch, &error)) {
      *this = Arena();
      return "networks[" + std::to_string(i) + "]: " + error;
    }
    mlp_init(&networks_[i].mlp, init);
  }
  settings_ = settings;
  shuffle_seed_ = derive_seed(settings.seed, SeedPurpose::kShuffle);
  metrics_.resize(networks_.size());
  fields_.resize(networks_.size());
  unit_fields_.resize(networks_.size());
  for (size_t i = 0; i < networks_.size(); ++i) metrics_compute(&metrics_[i], &networks_[i], data_);
  return "";
}

std::string Arena::train(int epochs) {
  if (networks_.empty()) return "train: the arena has no networks (reset failed or not called)";
  if (epochs < 0 || epochs > kArenaMaxEpochsPerCall) {
    return "epochs: " + std::to_string(epochs) + " is outside 0.." +
           std::to_string(kArenaMaxEpochsPerCall);
  }
  const uint64_t first_epoch = epoch_ + 1;
  for (size_t i = 0; i < networks_.size(); ++i) {
    Network& net = networks_[i];
    NetworkMetrics& m = metrics_[i];
    if (m.diverged) continue;  // it keeps the metrics of the epoch it diverged in
    for (int e = 0; e < epochs; ++e) {
      const TrainResult result =
          network_train_epochs(&net, data_.points.data(), data_.labels.data(), data_.train_count,
                               settings_.batch_size, 1, shuffle_seed_);
      if (!result.finite || !network_params_finite(net)) {
        m.diverged = true;
        m.diverged_epoch = first_epoch + static_cast<uint64_t>(e);
        break;
      }
      m.epoch = first_epoch + static_cast<uint64_t>(e);
    }
    metrics_compute(&m, &net, data_);
  }
  epoch_ += static_cast<uint64_t>(epochs);
  return "";
}

const NetworkMetrics* Arena::metrics(int i) const {
  return i >= 0 && i < network_count() ? &metrics_[static_cast<size_t>(i)] : nullptr;
}

const Network* Arena::network(int i) const {
  return i >= 0 && i < network_count() ? &networks_[static_cast<size_t>(i)] : nullptr;
}

float* Arena::field_buffer(std::vector<AlignedBuffer>* buffers, int i, int resolution,
                           std::string* error) {
  if (i < 0 || i >= network_count()) {
    *error =
        "index: " + std::to_string(i) + " is outside 0.." + std::to_string(network_count() - 1);
    return nullptr;
  }
  *error = field_validate(resolution, data_.half_width);
  if (!error->empty()) return nullptr;
  AlignedBuffer& buffer = (*buffers)[static_cast<size_t>(i)];
  if (!buffer.reserve(static_cast<size_t>(resolution) * static_cast<size_t>(resolution))) {
    *error = "field: out of memory";
    return nullptr;
  }
  return buffer.data();
}

FieldView Arena::field(int i, int resolution, FieldKind kind, std::string* error) {
  float* out = field_buffer(&fields_, i, resolution, error);
  if (out == nullptr) return {};
  *error = field_evaluate(out, &networks_[static_cast<size_t>(i)].mlp, resolution, data_.half_width,
                          kind);
  return view_of(out, resolution, *error);
}

FieldView Arena::unit_field(int i, int layer, int unit, int resolution, std::string* error) {
  float* out = field_buffer(&unit_fields_, i, resolution, error);
  if (out == nullptr) return {};
  *error = unit_field_evaluate(out, &networks_[static_cast<size_t>(i)].mlp, layer, unit, resolution,
                               data_.half_width);
  return view_of(out, resolution, *error);
}

std::string Arena::unit_activity(int i, int resolution, UnitActivity* out) {
  if (i < 0 || i >= network_count()) {
    return "index: " + std::to_string(i) + " is outside 0.." + std::to_string(network_count() - 1);
  }
  UnitMask active;
  std::string error = units_active_on_grid(&active, &networks_[static_cast<size_t>(i)].mlp,
                                           resolution, data_.half_width);
  if (!error.empty()) return error;
  const NetworkMetrics& m = metrics_[static_cast<size_t>(i)];
  *out = UnitActivity();
  out->hidden_layers = m.hidden_layers;
  for (int l = 0; l < m.hidden_layers; ++l) {
    out->units[l] = m.units_per_layer[l];
    for (int o = 0; o < m.units_per_layer[l]; ++o) {
      out->dead_train.unit[l][o] = m.dead.unit[l][o];
      out->silent_test.unit[l][o] = m.silent_test.unit[l][o];
      out->silent_domain.unit[l][o] = !active.unit[l][o];
    }
  }
  return "";
}

std::string Arena::regions(int i, int resolution, LinearRegions* out) {
  if (i < 0 || i >= network_count()) {
    return "index: " + std::to_string(i) + " is outside 0.." + std::to_string(network_count() - 1);
  }
  return linear_regions(out, &networks_[static_cast<size_t>(i)].mlp, resolution, data_.half_width);
}

FieldView Arena::view_of(const float* data, int resolution, const std::string& error) const {
  if (!error.empty()) return {};
  return {data, static_cast<size_t>(resolution) * static_cast<size_t>(resolution), resolution,
          data_.half_width};
}

}  // namespace relu
