// The arena: validation of its settings, building the networks from one seed, training them
// side by side with divergence tracking, and their fields; see arena.h.
#include "nn/arena.h"

#include <algorithm>
#include <cmath>

#include "base/memory_probe.h"
#include "base/number_text.h"
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

// The loss follows the data: MSE on a regression's targets, BCE with logits on labels.
MlpConfig mlp_config_for(const ArenaSettings& settings, const NetworkSpec& spec, bool regression) {
  MlpConfig config;
  config.features = settings.features;
  config.loss = regression ? Loss::kMse : Loss::kBce;
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
  // The dataset, the shuffle orders and the metrics are small (< 1 MiB at the limits) and
  // allocated with operator new, which aborts in wasm when memory runs out: make sure the
  // headroom is there first. The networks' arenas (mlp_build) fail softly on their own.
  if (!memory_available(kMemoryHeadroomBytes)) return headroom_error();
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
    const MlpConfig config = mlp_config_for(settings, settings.networks[i], data_.regression);
    if (!network_build(&networks_[i], config, settings.optimizer, max_batch, &error)) {
      *this = Arena();
      if (error.rfind(kOutOfMemoryPrefix, 0) == 0) return error;
      return "networks[" + std::to_string(i) + "]: " + error;
    }
    mlp_init(&networks_[i].mlp, init);
    network_measure_layer_grads(&networks_[i], data_.points.data(), data_.labels.data(),
                                data_.train_count);
  }
  // Every network has the same layers and batches: the first answers for all.
  if (std::string problem =
          network_batch_norm_problem(networks_[0], data_.train_count, settings.batch_size);
      !problem.empty()) {
    *this = Arena();
    return "batchNorm: " + problem;
  }
  // Every later call (training, metrics, JSON results) allocates little; keep room for it.
  if (!memory_available(kMemoryHeadroomBytes)) {
    *this = Arena();
    return headroom_error();
  }
  settings_ = settings;
  shuffle_seed_ = derive_seed(settings.seed, SeedPurpose::kShuffle);
  steps_per_epoch_ = (data_.train_count + batch - 1) / batch;
  // The shuffle order is sized here rather than on the first step: training allocates nothing.
  if (batch < data_.train_count) {
    for (Network& net : networks_) net.order.resize(static_cast<size_t>(data_.train_count));
  }
  metrics_.resize(networks_.size());
  reached_.assign(networks_.size(), -1);
  fields_.resize(networks_.size());
  unit_fields_.resize(networks_.size());
  for (size_t i = 0; i < networks_.size(); ++i) metrics_compute(&metrics_[i], &networks_[i], data_);
  return "";
}

TrainProgress Arena::train(const TrainRequest& request) {
  TrainProgress progress;
  const bool by_steps = request.unit == TrainUnit::kSteps;
  const int most = by_steps ? kArenaMaxStepsPerCall : kArenaMaxEpochsPerCall;
  if (networks_.empty()) {
    progress.error = "train: the arena has no networks (reset failed or not called)";
  } else if (request.count < 0 || request.count > most) {
    progress.error = std::string(by_steps ? "steps: " : "epochs: ") +
                     std::to_string(request.count) + " is outside 0.." + std::to_string(most);
  } else if (request.until_target && !(request.target >= 0.0 && request.target <= 1.0)) {
    progress.error = "target: must be in 0..1";
  }
  if (!progress.error.empty()) return progress;
  if (request.until_target && request.target != reached_target_) {
    reached_target_ = request.target;
    for (size_t i = 0; i < networks_.size(); ++i) {
      const NetworkMetrics& m = metrics_[i];
      const bool there = !m.diverged && metrics_score(m, data_) >= request.target;
      reached_[i] = there ? static_cast<int64_t>(epoch()) : -1;
    }
  }
  const uint64_t spe = static_cast<uint64_t>(steps_per_epoch_);
  const uint64_t count = static_cast<uint64_t>(request.count);
  const uint64_t requested = by_steps ? count : (step_ / spe + count) * spe - step_;
  advance(requested, request.until_target, &progress);
  return progress;
}

int64_t Arena::reached(int i) const {
  return i >= 0 && i < network_count() ? reached_[static_cast<size_t>(i)] : -1;
}

void Arena::mark_diverged(size_t i, uint64_t epoch) {
  NetworkMetrics& m = metrics_[i];
  m.diverged = true;
  m.diverged_epoch = std::max<uint64_t>(epoch, 1);
  m.epoch = m.diverged_epoch - 1;
}

void Arena::advance(uint64_t requested, bool watch_target, TrainProgress* progress) {
  const int batch = std::min(settings_.batch_size, data_.train_count);
  const uint64_t spe = static_cast<uint64_t>(steps_per_epoch_);
  // The metrics pass at the end of the call comes out of the same budget.
  uint64_t per_step = 0, evaluation = 0;
  for (size_t i = 0; i < networks_.size(); ++i) {
    if (metrics_[i].diverged) continue;
    per_step += network_step_work(networks_[i], batch);
    evaluation += network_eval_work(networks_[i], data_.count);
    // The per-epoch test pass, spread over the epoch's steps.
    if (watch_target) {
      per_step +=
          (network_eval_work(networks_[i], data_.count - data_.train_count) + spe - 1) / spe;
    }
  }
  const uint64_t for_steps = kWorkPerCall > evaluation ? kWorkPerCall - evaluation : 0;
  const uint64_t affordable =
      per_step == 0 ? requested : std::max<uint64_t>(1, for_steps / per_step);
  const uint64_t steps = std::min(requested, affordable);
  const uint64_t first = step_;
  const uint64_t last = first + steps;
  for (size_t i = 0; i < networks_.size(); ++i) {
    Network& net = networks_[i];
    NetworkMetrics& m = metrics_[i];
    if (m.diverged) continue;  // it keeps the metrics of the epoch it diverged in
    // One epoch at a time, so a failure is attributed to the epoch it happened in.
    for (uint64_t at = first; at < last;) {
      const uint64_t chunk = std::min(last - at, spe - at % spe);
      const TrainResult result =
          network_train_steps(&net, data_.points.data(), data_.labels.data(), data_.train_count,
                              settings_.batch_size, static_cast<int>(chunk), shuffle_seed_);
      if (!result.finite || !network_params_finite(net)) {
        // A step's loss is taken before its update: a first step that fails at an epoch's
        // start blames the previous epoch's last update.
        const bool blame_previous = result.steps == 0 && at % spe == 0;
        mark_diverged(i, blame_previous ? at / spe : at / spe + 1);
        break;
      }
      at += chunk;
      if (watch_target && reached_[i] < 0 && at % spe == 0 &&
          metrics_test_score(&net, data_) >= reached_target_) {
        reached_[i] = static_cast<int64_t>(at / spe);
      }
    }
    metrics_compute(&m, &net, data_);
    if (m.diverged) continue;
    // Weights can stay finite yet so large that the loss overflows (inf - inf in a layer): the
    // update that made them is the last one, in the epoch in progress or just ended.
    if (!std::isfinite(m.train_loss) || !std::isfinite(m.test_loss)) {
      mark_diverged(i, last % spe == 0 ? last / spe : last / spe + 1);
      continue;
    }
    m.epoch = last / spe;
  }
  step_ = last;
  progress->steps = static_cast<int>(steps);  // <= kArenaMaxStepsPerCall
  progress->epochs = static_cast<int>(last / spe - first / spe);
  progress->complete = steps == requested;
}

std::string Arena::update(const ArenaSettings& next) {
  if (networks_.empty()) return "update: the arena has no networks (reset failed or not called)";
  if (std::string error = arena_validate(next); !error.empty()) return "update: " + error;
  if (const char* key = arena_restart_difference(settings_, next)) {
    return std::string("update: ") + key +
           " changes the data, the networks or their start: it needs a new arena (reset)";
  }
  settings_ = next;
  // Only the optimizer's numbers are kLive, and each network holds a copy of them.
  for (Network& net : networks_) net.optimizer = next.optimizer;
  return "";
}

std::string Arena::check_edit(const char* what, int i, int layer, int unit, double value) const {
  const std::string at = std::string(what) + ": ";
  if (i < 0 || i >= network_count()) {
    return at + "index " + std::to_string(i) + " is outside 0.." +
           std::to_string(network_count() - 1);
  }
  if (metrics_[static_cast<size_t>(i)].diverged) {
    return at + "network " + std::to_string(i) + " diverged; reset the arena to edit it";
  }
  const Mlp& mlp = networks_[static_cast<size_t>(i)].mlp;
  if (layer < 0 || layer >= mlp.layer_count) {
    return at + "layer " + std::to_string(layer) + " is outside 0.." +
           std::to_string(mlp.layer_count - 1);
  }
  const MlpLayer& l = mlp.layers[layer];
  if (unit < 0 || unit >= l.out) {
    return at + "unit " + std::to_string(unit) + " is outside 0.." + std::to_string(l.out - 1);
  }
  const double most = static_cast<double>(kArenaMaxEditedWeight);
  if (!(std::fabs(value) <= most)) {  // also NaN
    return at + "value " + value_text(value) + " is not a finite number within " +
           value_text(-most) + ".." + value_text(most);
  }
  return "";
}

void Arena::edited(size_t i) {
  Network& net = networks_[i];
  net.mlp.weights_version += 1;
  // metrics_compute sets no epoch (the caller tracks it): keep the one the network is at.
  const uint64_t epoch = metrics_[i].epoch;
  metrics_compute(&metrics_[i], &net, data_);
  metrics_[i].epoch = epoch;
}

std::string Arena::set_weight(int i, int layer, int unit, int input, double value) {
  if (std::string error = check_edit("setWeight", i, layer, unit, value); !error.empty())
    return error;
  Mlp& mlp = networks_[static_cast<size_t>(i)].mlp;
  const MlpLayer& l = mlp.layers[layer];
  if (input < 0 || input >= l.in) {
    return "setWeight: input " + std::to_string(input) + " is outside 0.." +
           std::to_string(l.in - 1);
  }
  mlp.params[l.W + static_cast<size_t>(unit) * static_cast<size_t>(l.in) +
             static_cast<size_t>(input)] = static_cast<float>(value);
  edited(static_cast<size_t>(i));
  return "";
}

std::string Arena::set_bias(int i, int layer, int unit, double value) {
  if (std::string error = check_edit("setBias", i, layer, unit, value); !error.empty())
    return error;
  Mlp& mlp = networks_[static_cast<size_t>(i)].mlp;
  mlp.params[mlp.layers[layer].b + static_cast<size_t>(unit)] = static_cast<float>(value);
  edited(static_cast<size_t>(i));
  return "";
}

const NetworkMetrics* Arena::metrics(int i) const {
  return i >= 0 && i < network_count() ? &metrics_[static_cast<size_t>(i)] : nullptr;
}

const Network* Arena::network(int i) const {
  return i >= 0 && i < network_count() ? &networks_[static_cast<size_t>(i)] : nullptr;
}

std::string Arena::check_index(int i) const {
  if (i >= 0 && i < network_count()) return "";
  return "index: " + std::to_string(i) + " is outside 0.." + std::to_string(network_count() - 1);
}

std::string Arena::check_field(int i, int resolution) const {
  if (std::string error = check_index(i); !error.empty()) return error;
  return field_validate(resolution, data_.half_width);
}

float* Arena::field_buffer(AlignedBuffer* buffer, int resolution, std::string* error) {
  if (!buffer->reserve(static_cast<size_t>(resolution) * static_cast<size_t>(resolution))) {
    *error = "field: out of memory";
    return nullptr;
  }
  return buffer->data();
}

FieldView Arena::field(int i, int resolution, FieldKind kind, std::string* error) {
  // A diverged network's weights would draw NaN or a constant: it has no field.
  if (const NetworkMetrics* m = metrics(i); m != nullptr && m->diverged) {
    error->clear();
    return {};
  }
  *error = check_field(i, resolution);
  if (!error->empty()) return {};
  if (const int k = static_cast<int>(kind); k < 0 || k >= kFieldKindCount) {
    *error = "field: unknown kind";
    return {};
  }
  if (kind == FieldKind::kProbability && data_.regression) {
    *error =
        "field: kind \"probability\" is for classification; a regression's output is kind "
        "\"value\"";
    return {};
  }
  const Mlp& mlp = networks_[static_cast<size_t>(i)].mlp;
  CachedField& cache = fields_[static_cast<size_t>(i)][static_cast<size_t>(kind)];
  if (cache.resolution == resolution && cache.version == mlp.weights_version) {
    return view_of(cache.buffer.data(), resolution, "");
  }
  cache.resolution = 0;
  float* out = field_buffer(&cache.buffer, resolution, error);
  if (out == nullptr) return {};
  *error = field_evaluate(out, &mlp, resolution, data_.half_width, kind);
  ++field_evaluations_;
  if (error->empty()) {
    cache.resolution = resolution;
    cache.version = mlp.weights_version;
  }
  return view_of(out, resolution, *error);
}

FieldView Arena::unit_field(int i, int layer, int unit, int resolution, std::string* error) {
  if (const NetworkMetrics* m = metrics(i); m != nullptr && m->diverged) {
    error->clear();
    return {};
  }
  *error = check_field(i, resolution);
  if (!error->empty()) return {};
  float* out = field_buffer(&unit_fields_[static_cast<size_t>(i)], resolution, error);
  if (out == nullptr) return {};
  *error = unit_field_evaluate(out, &networks_[static_cast<size_t>(i)].mlp, layer, unit, resolution,
                               data_.half_width);
  return view_of(out, resolution, *error);
}

std::string Arena::set_params(int i, const float* params, size_t count) {
  if (std::string error = check_index(i); !error.empty()) return error;
  Mlp& mlp = networks_[static_cast<size_t>(i)].mlp;
  if (count != mlp.param_count) {
    return "params: expected " + std::to_string(mlp.param_count) + " floats, got " +
           std::to_string(count);
  }
  for (size_t k = 0; k < count; ++k) {
    if (!std::isfinite(params[k])) return "params[" + std::to_string(k) + "]: not finite";
  }
  std::copy(params, params + count, mlp.params);
  // The cached fields belong to the weights that were there before.
  ++mlp.weights_version;
  return "";
}

std::string Arena::silent_on_domain(int i, int resolution, UnitMask* out) {
  if (std::string error = check_index(i); !error.empty()) return error;
  UnitMask active;
  std::string error = units_active_on_grid(&active, &networks_[static_cast<size_t>(i)].mlp,
                                           resolution, data_.half_width);
  if (!error.empty()) return error;
  *out = UnitMask();
  const NetworkMetrics& m = metrics_[static_cast<size_t>(i)];
  for (int l = 0; l < m.hidden_layers; ++l) {
    for (int o = 0; o < m.units_per_layer[l]; ++o) out->unit[l][o] = !active.unit[l][o];
  }
  return "";
}

std::string Arena::regions(int i, int resolution, LinearRegions* out) {
  if (std::string error = check_index(i); !error.empty()) return error;
  return linear_regions(out, &networks_[static_cast<size_t>(i)].mlp, resolution, data_.half_width);
}

FieldView Arena::view_of(const float* data, int resolution, const std::string& error) const {
  if (!error.empty()) return {};
  return {data, static_cast<size_t>(resolution) * static_cast<size_t>(resolution), resolution,
          data_.half_width};
}

}  // namespace relu
