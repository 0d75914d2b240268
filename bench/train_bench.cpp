// Trainer throughput: mini-batch SGD on a 2-8-8-1 network (examples/s), decision-field
// evaluation (points/s, the grid evaluator and the chunked mlp_forward reference) for every
// activation, a frame of 10 panels' fields, this machine's f32x4 mul+add peak for the roofline
// and the model writer's number printer; one JSON line per measurement on stdout. Tables,
// ratios, targets and the TF.js comparison live in bench/run-train.mjs, which runs this program.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/number_text.h"
#include "bench_lib.h"
#include "kernels/activation.h"
#include "nn/arena.h"
#include "nn/dataset.h"
#include "nn/decision_field.h"
#include "nn/init.h"
#include "nn/layer_grad_norms.h"
#include "nn/mlp.h"
#include "nn/network.h"
#include "nn/optimizer.h"

namespace {

using relu::Activation;

constexpr uint64_t kSeed = 1;
constexpr float kLearningRate = 0.03f;  // OptimizerConfig's default; plain SGD
// Untimed epochs at batch 10 before a field is timed, so its weights are trained ones (dead
// ReLUs, saturated tanh units) rather than the initial draw.
constexpr int kFieldPretrainEpochs = 50;

struct Options {
  // Samples of >= 100 ms after a 20 ms warm-up and one untimed sample; reset before each.
  bench::Sampling sampling = {false, 100.0, 5, 0.0, 20.0, true};
  bool all = false;  // every activation at every batch size and resolution
  std::string only;  // if set, measure only this activation (debugging aid)
};

// Batch sizes and grid resolutions. Every activation gets the first of each; the others run
// for relu and tanh only (the activations with speed targets) unless --all.
constexpr int kBatches[] = {10, 32, 0};  // 0: full batch (all N examples per step)
constexpr int kResolutions[] = {256, 128};

const char* variant_name() {
#if defined(__EMSCRIPTEN__)
  return std::string(relu::kernels_best().backend) == "simd128" ? "wasm-simd128" : "wasm-scalar";
#else
  return "native-scalar";
#endif
}

// The 2-8-8-1 network the speed targets are set for, with one activation in both hidden layers.
relu::MlpConfig make_config(Activation op) {
  relu::MlpConfig config;
  relu::HiddenLayerConfig layer;
  layer.activation = op;
  layer.units = 8;
  config.hidden = {layer, layer};
  return config;
}

bool build_network(relu::Network* net, Activation op, int max_batch) {
  relu::OptimizerConfig sgd;
  sgd.kind = relu::OptimizerKind::kSgd;
  sgd.lr = kLearningRate;
  std::string error;
  if (!relu::network_build(net, make_config(op), sgd, max_batch, &error)) {
    std::fprintf(stderr, "train_bench: %s: %s\n", relu::activation_name(op), error.c_str());
    return false;
  }
  return true;
}

// Same initial weights and a fresh optimizer/epoch counter: every sample replays the same run.
void restart(relu::Network* net) {
  relu::InitConfig init;
  init.seed = kSeed;
  relu::mlp_init(&net->mlp, init);
  relu::network_reset_optimizer(net);
}

// Examples/s of network_train_epochs: one call is one epoch over the N examples (N / batch
// steps with the per-epoch reshuffle and the gather, or one full-batch step). The loss of the
// last step is printed so the work cannot be optimised away and a diverged run is visible.
bool bench_train(const Options& opt, Activation op, int batch, const relu::Dataset& data) {
  const int N = data.count;
  const int max_batch = batch > 0 ? batch : N;
  relu::Network net;
  if (!build_network(&net, op, max_batch)) return false;
  relu::TrainResult last;
  long steps_expected = 0;
  const int steps_per_epoch = batch > 0 ? (N + batch - 1) / batch : 1;
  const bench::Timing t = bench::time_per_call(
      opt.sampling,
      [&] {
        restart(&net);
        steps_expected = 0;
      },
      [&](long epochs) {
        last = relu::network_train_epochs(&net, data.points.data(), data.labels.data(), N, batch,
                                          static_cast<int>(epochs), kSeed);
        steps_expected = epochs * steps_per_epoch;
      });
  if (!last.finite || last.steps != steps_expected) {
    std::fprintf(stderr, "train_bench: %s batch %d stopped after %d of %ld steps (loss %g)\n",
                 relu::activation_name(op), batch, last.steps, steps_expected, last.last_loss);
    return false;
  }
  std::printf(
      "{\"variant\":\"%s\",\"kind\":\"train\",\"activation\":\"%s\",\"batch\":%d,\"n\":%d,"
      "\"examples_per_s\":%.6g,\"median_examples_per_s\":%.6g,\"us_per_step\":%.4f,"
      "\"loss\":%.9g}\n",
      variant_name(), relu::activation_name(op), batch > 0 ? batch : N, N, N / t.best, N / t.median,
      t.best * 1e6 / steps_per_epoch, last.last_loss);
  std::fflush(stdout);
  return true;
}

// What the per-layer gradient norms cost an epoch (nn/layer_grad_norms.h): one
// layer_grad_norms_add per step and a close per epoch, timed alone on the gradients of a real
// step, against the same epoch of network_train_epochs (which includes them) at batch 10.
bool bench_layer_signals(const Options& opt, Activation op, const relu::Dataset& data) {
  constexpr int kBatch = 10;
  const int N = data.count;
  const int steps_per_epoch = (N + kBatch - 1) / kBatch;
  relu::Network net;
  if (!build_network(&net, op, kBatch)) return false;
  const bench::Timing epoch = bench::time_per_call(
      opt.sampling, [&] { restart(&net); },
      [&](long epochs) {
        relu::network_train_epochs(&net, data.points.data(), data.labels.data(), N, kBatch,
                                   static_cast<int>(epochs), kSeed);
      });
  relu::LayerGradNorms norms;
  const bench::Timing signals = bench::time_per_call(opt.sampling, [&](long epochs) {
    for (long e = 0; e < epochs; ++e) {
      for (int s = 0; s < steps_per_epoch; ++s) relu::layer_grad_norms_add(&norms, net.mlp);
      relu::layer_grad_norms_close(&norms);
    }
  });
  std::printf(
      "{\"variant\":\"%s\",\"kind\":\"layer_signals\",\"activation\":\"%s\",\"batch\":%d,"
      "\"us_per_epoch\":%.4g,\"signals_us_per_epoch\":%.4g,\"fraction\":%.4g,\"check\":%.6g}\n",
      variant_name(), relu::activation_name(op), kBatch, epoch.best * 1e6, signals.best * 1e6,
      signals.best / epoch.best, norms.rms[0]);
  std::fflush(stdout);
  return true;
}

// A network of `op` trained for kFieldPretrainEpochs at batch 10 (untimed).
bool build_trained(relu::Network* net, Activation op, const relu::Dataset& data) {
  if (!build_network(net, op, relu::kFieldChunk)) return false;
  restart(net);
  relu::network_train_epochs(net, data.points.data(), data.labels.data(), data.count, 10,
                             kFieldPretrainEpochs, kSeed);
  return true;
}

// One probability field (as the page draws them) by the grid evaluator, or by the reference
// (mlp_forward in chunks) if `reference`.
std::string evaluate_field(float* out, relu::Network* net, int resolution, float half_width,
                           bool reference) {
  const auto kind = relu::FieldKind::kProbability;
  return reference ? relu::field_evaluate_reference(out, &net->mlp, resolution, half_width, kind)
                   : relu::field_evaluate(out, &net->mlp, resolution, half_width, kind);
}

// Points/s of field_evaluate (kind "field") or field_evaluate_reference ("field_reference") on
// a trained network. The sum of the field is printed as the checksum (equal for both).
bool bench_field(const Options& opt, Activation op, int resolution, const relu::Dataset& data,
                 bool reference) {
  relu::Network net;
  if (!build_trained(&net, op, data)) return false;
  const size_t cells = static_cast<size_t>(resolution) * static_cast<size_t>(resolution);
  std::vector<float> out(cells);  // allocated once, outside the timing
  std::string error;
  const bench::Timing t = bench::time_per_call(
      opt.sampling, [] {},
      [&](long calls) {
        for (long i = 0; i < calls; ++i) {
          error = evaluate_field(out.data(), &net, resolution, data.half_width, reference);
        }
      });
  if (!error.empty()) {
    std::fprintf(stderr, "train_bench: field %s: %s\n", relu::activation_name(op), error.c_str());
    return false;
  }
  double sum = 0.0;
  for (float v : out) sum += static_cast<double>(v);
  std::printf(
      "{\"variant\":\"%s\",\"kind\":\"%s\",\"activation\":\"%s\",\"resolution\":%d,"
      "\"points_per_s\":%.6g,\"median_points_per_s\":%.6g,\"ms_per_field\":%.5f,"
      "\"checksum\":%.9g}\n",
      variant_name(), reference ? "field_reference" : "field", relu::activation_name(op),
      resolution, cells / t.best, cells / t.median, t.best * 1e3, sum);
  std::fflush(stdout);
  return true;
}

// One frame of the page's default arena: the probability fields of its 10 panels (2-8-8-1,
// trained) at 128^2, by the grid evaluator and by the reference; and the same 10 fields asked
// of an Arena whose weights did not change since the last frame (the cache answers).
constexpr int kFrameResolution = 128;

double frame_ms(const Options& opt, std::vector<relu::Network>* nets, float half_width,
                bool reference, std::vector<float>* out) {
  const bench::Timing t = bench::time_per_call(
      opt.sampling, [] {},
      [&](long calls) {
        for (long c = 0; c < calls; ++c) {
          for (relu::Network& net : *nets) {
            evaluate_field(out->data(), &net, kFrameResolution, half_width, reference);
          }
        }
      });
  return t.best * 1e3;
}

bool bench_frame(const Options& opt, const relu::Dataset& data) {
  const std::vector<relu::NetworkSpec> specs = relu::arena_default_networks();
  std::vector<relu::Network> nets(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!build_trained(&nets[i], specs[i].activation, data)) return false;
  }
  std::vector<float> out(static_cast<size_t>(kFrameResolution) * kFrameResolution);
  const double ms = frame_ms(opt, &nets, data.half_width, false, &out);
  const double reference_ms = frame_ms(opt, &nets, data.half_width, true, &out);
  relu::ArenaSettings settings;  // the page's defaults: these 10 panels, 2-8-8-1
  relu::Arena arena;
  std::string error = arena.reset(settings);
  if (error.empty()) error = arena.train(relu::TrainRequest::epochs(kFieldPretrainEpochs)).error;
  if (!error.empty()) {
    std::fprintf(stderr, "train_bench: frame: %s\n", error.c_str());
    return false;
  }
  const bench::Timing cached = bench::time_per_call(
      opt.sampling, [] {},
      [&](long calls) {
        for (long c = 0; c < calls; ++c) {
          for (int i = 0; i < arena.network_count(); ++i) {
            arena.field(i, kFrameResolution, relu::FieldKind::kProbability, &error);
          }
        }
      });
  std::printf(
      "{\"variant\":\"%s\",\"kind\":\"frame\",\"networks\":%zu,\"resolution\":%d,"
      "\"ms_per_frame\":%.5f,\"reference_ms_per_frame\":%.5f,\"cached_us_per_frame\":%.4f,"
      "\"evaluations\":%llu}\n",
      variant_name(), nets.size(), kFrameResolution, ms, reference_ms, cached.best * 1e6,
      static_cast<unsigned long long>(arena.field_evaluations()));
  std::fflush(stdout);
  return true;
}

// The roofline's peak: multiply-adds/s of one core in this build. Two tight loops, plain C++
// that clang vectorises into f32x4 (as the dense layers are): `register` keeps 12 f32x4
// accumulators that each do acc = acc * m + c (no loads; 12 chains cover the mul and add
// latencies), `stream` does acc += w * x over an L1-resident x with 8 accumulators (one load
// per f32x4 multiply-add, the dense layers' pattern). noinline: inlined into the timing loop
// wasm kernels ran 2-3x slower.
constexpr int kPeakRegisterLanes = 48;
constexpr int kPeakStreamLanes = 32;
constexpr int kPeakStreamRows = 64;  // 8 KB of x

// Both update `state` in memory, so the compiler cannot hoist a repeated call out of the timing
// loop (a pure function with the same arguments would be computed once).
__attribute__((noinline)) void peak_register(float* state, long reps, float m, float c) {
  float acc[kPeakRegisterLanes];
  for (int k = 0; k < kPeakRegisterLanes; ++k) acc[k] = state[k];
  for (long r = 0; r < reps; ++r) {
    for (int k = 0; k < kPeakRegisterLanes; ++k) acc[k] = acc[k] * m + c;
  }
  for (int k = 0; k < kPeakRegisterLanes; ++k) state[k] = acc[k];
}

__attribute__((noinline)) void peak_stream(float* state, long reps, const float* x, float w) {
  float acc[kPeakStreamLanes];
  for (int k = 0; k < kPeakStreamLanes; ++k) acc[k] = state[k];
  for (long r = 0; r < reps; ++r) {
    for (int row = 0; row < kPeakStreamRows; ++row) {
      const float* xr = x + row * kPeakStreamLanes;
      for (int k = 0; k < kPeakStreamLanes; ++k) acc[k] += w * xr[k];
    }
  }
  for (int k = 0; k < kPeakStreamLanes; ++k) state[k] = acc[k];
}

void bench_peak(const Options& opt) {
  constexpr long kReps = 4096;
  std::vector<float> state(kPeakRegisterLanes, 0.5f);
  const bench::Timing reg = bench::time_per_call(
      opt.sampling, [] {},
      [&](long calls) {
        for (long c = 0; c < calls; ++c) peak_register(state.data(), kReps, 0.9999f, 1e-4f);
      });
  std::vector<float> x(kPeakStreamRows * kPeakStreamLanes, 1e-3f);
  const bench::Timing stream = bench::time_per_call(
      opt.sampling, [&] { std::fill(state.begin(), state.end(), 0.0f); },
      [&](long calls) {
        for (long c = 0; c < calls; ++c) peak_stream(state.data(), kReps / 16, x.data(), 0.5f);
      });
  float sink = 0.0f;
  for (float s : state) sink += s;
  const double reg_macs = static_cast<double>(kReps) * kPeakRegisterLanes / reg.best;
  const double stream_macs =
      static_cast<double>(kReps / 16) * kPeakStreamRows * kPeakStreamLanes / stream.best;
  std::printf(
      "{\"variant\":\"%s\",\"kind\":\"peak\",\"register_macs_per_s\":%.6g,"
      "\"stream_macs_per_s\":%.6g,\"macs_per_s\":%.6g,\"checksum\":%.6g}\n",
      variant_name(), reg_macs, stream_macs, std::max(reg_macs, stream_macs),
      static_cast<double>(sink));
  std::fflush(stdout);
}

// Nanoseconds per number of the model writer's printer (base/number_text.h, f32_to_text and
// number_to_text) over 1000 weight-like floats, against the reference it is specified by (the
// fewest p whose printf "%.{p}g" reads back) and, where the library has it, std::to_chars
// (shortest; the exit named in number_text.h). mismatches counts texts that differ from the
// printf reference: 0, or the printer is broken.
std::string printf_shortest(float x) {
  char text[32];
  for (int p = 1; p <= 9; ++p) {
    std::snprintf(text, sizeof text, "%.*g", p, static_cast<double>(x));
    if (static_cast<float>(std::strtod(text, nullptr)) == x) break;
  }
  return text;
}

void bench_number_text(const Options& opt) {
  std::vector<float> values(1000);
  uint32_t state = 0x9e3779b9u;
  for (float& v : values) {  // xorshift32: magnitudes 1e-3..4 with a sign, as trained weights
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    v = (state & 1u ? -1.0f : 1.0f) * std::ldexp(static_cast<float>(state >> 9), -21 - (state & 7));
  }
  size_t chars = 0;
  int mismatches = 0;
  for (float v : values) mismatches += relu::f32_to_text(v) != printf_shortest(v);
  auto per_number = [&](auto print) {
    const bench::Timing t = bench::time_per_call(opt.sampling, [&](long calls) {
      for (long c = 0; c < calls; ++c) {
        for (float v : values) chars += print(v).size();
      }
    });
    return t.best / static_cast<double>(values.size()) * 1e9;
  };
  const double f32 = per_number([](float v) { return relu::f32_to_text(v); });
  const double f64 =
      per_number([](float v) { return relu::number_to_text(static_cast<double>(v)); });
  const double reference = per_number([](float v) { return printf_shortest(v); });
  double to_chars = -1.0;  // none
#if defined(__cpp_lib_to_chars)
  to_chars = per_number([](float v) {
    char text[32];
    return std::string(text, std::to_chars(text, text + sizeof text, v).ptr);
  });
#endif
  std::printf(
      "{\"variant\":\"%s\",\"kind\":\"number_text\",\"f32_ns\":%.4g,\"f64_ns\":%.4g,"
      "\"printf_f32_ns\":%.4g,\"to_chars_f32_ns\":%.4g,\"mismatches\":%d,\"chars\":%zu}\n",
      variant_name(), f32, f64, reference, to_chars, mismatches, chars);
  std::fflush(stdout);
}

bool parse_options(int argc, char** argv, Options* opt) {
  std::vector<bench::Option> options = bench::sampling_options(&opt->sampling);
  options.push_back(bench::switch_option("--all", &opt->all));
  options.push_back(bench::text_option("--only", "OP", &opt->only));
  const bool parsed = bench::parse_options(argc, argv, options);
  Activation op;
  const bool only_ok = opt->only.empty() || relu::activation_from_name(opt->only, &op);
  const bench::Sampling& s = opt->sampling;
  if (parsed && only_ok && s.sample_ms > 0.0 && s.samples > 0) return true;
  bench::print_usage("train_bench", options);
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!parse_options(argc, argv, &opt)) return 2;
  // 500 two-circle points, all used for training. Noise 0.1 flips labels near the gap, so the
  // loss cannot fall towards 0 during a long sample (tiny gradients would turn subnormal).
  relu::DatasetConfig config;
  config.points = 500;
  config.noise = 0.1f;
  relu::Dataset data;
  relu::Rng rng = relu::rng_seed(kSeed);
  if (const std::string error = relu::dataset_make(&data, config, &rng); !error.empty()) {
    std::fprintf(stderr, "train_bench: dataset: %s\n", error.c_str());
    return 1;
  }
  std::printf(
      "{\"meta\":true,\"variant\":\"%s\",\"compiler\":\"%s\",\"clock\":\"%s\",\"sample_ms\":%g,"
      "\"samples\":%d,\"n\":%d,\"noise\":%g,\"lr\":%g}\n",
      variant_name(), __VERSION__, opt.sampling.cpu_clock ? "cpu" : "wall", opt.sampling.sample_ms,
      opt.sampling.samples, data.count, static_cast<double>(config.noise),
      static_cast<double>(kLearningRate));
  bool ok = true;
  for (int i = 0; i < relu::kActivationCount; ++i) {
    const auto op = static_cast<Activation>(i);
    if (!opt.only.empty() && opt.only != relu::activation_name(op)) continue;
    const bool extra = opt.all || op == Activation::kRelu || op == Activation::kTanh;
    for (int b = 0; b < 3; ++b) {
      if (b == 0 || extra) ok = bench_train(opt, op, kBatches[b], data) && ok;
    }
    for (int r = 0; r < 2; ++r) {
      if (r == 0 || extra) ok = bench_field(opt, op, kResolutions[r], data, false) && ok;
    }
    ok = bench_field(opt, op, kResolutions[0], data, true) && ok;
  }
  if (opt.only.empty()) {
    ok = bench_frame(opt, data) && ok;
    ok = bench_layer_signals(opt, Activation::kRelu, data) && ok;
    bench_peak(opt);
    bench_number_text(opt);
  }
  return ok ? 0 : 1;
}
