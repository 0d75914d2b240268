// Kernel throughput: times every op of kernels_best() (forward and backward) and a copy loop, the
// memory roofline, at a few sizes; prints one JSON line per measurement on stdout. Tables,
// ratios and the TF.js comparison live in bench/run-kernels.mjs, which runs this program.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "base/aligned_buffer.h"
#include "bench_lib.h"
#include "kernels/activation.h"

namespace {

using relu::ActivationParams;
using relu::BackwardKernel;
using relu::ForwardKernel;

// Per-channel PReLU is measured as (n / 8, 8): 8 is the widest hidden layer in the playground,
// and bench/tfjs-kernels.mjs uses the same shape.
constexpr size_t kPreluChannels = 8;

struct Options {
  std::vector<size_t> sizes = {256, 4096, 65536, 1048576};
  // Samples of >= 1 ms each after a ~5 ms warm-up: at least 5 of them and at least 50 ms in all.
  bench::Sampling sampling = {false, 1.0, 5, 50.0, 5.0, false};
  std::string only;  // if set, measure only this op (debugging aid)
};

// One benchmarked case: an op of the table (or the copy loop) with its parameters.
struct Case {
  std::string op;  // activation_name(), or "copy"
  size_t channels = 1;
  ForwardKernel forward = nullptr;
  BackwardKernel backward = nullptr;  // null for the copy loop
};

// The memory roofline: a plain copy loop with the kernel signature. The compiler may turn it
// into memcpy or vectorise it, which is the point: it is the fastest way to move the bytes.
__attribute__((noinline)) void copy_forward(float* y, const float* x, size_t n,
                                            const ActivationParams&) {
  for (size_t i = 0; i < n; ++i) y[i] = x[i];
}

// Fixed-seed uniform floats in [lo, hi] (xorshift32: the bench needs no statistical quality,
// only the same inputs on every platform).
void fill_uniform(float* v, size_t n, uint32_t seed, float lo, float hi) {
  uint32_t s = seed;
  for (size_t i = 0; i < n; ++i) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    const float u = static_cast<float>(s >> 8) * 0x1p-24f;
    v[i] = lo + (hi - lo) * u;
  }
}

struct Buffers {
  float* x;
  float* y;
  float* dy;
  float* dx;
};

// The timed call sits behind noinline and a volatile function pointer so that nothing of the
// kernel is inlined into the timing loop (inlining made wasm kernels 2-3x slower, measured)
// and the compiler cannot drop calls whose result is overwritten.
__attribute__((noinline)) void run_forward(ForwardKernel kernel, const Buffers& b, size_t n,
                                           const ActivationParams& p, long calls) {
  ForwardKernel volatile opaque = kernel;
  for (long i = 0; i < calls; ++i) opaque(b.y, b.x, n, p);
}
__attribute__((noinline)) void run_backward(BackwardKernel kernel, const Buffers& b, size_t n,
                                            const ActivationParams& p, long calls) {
  BackwardKernel volatile opaque = kernel;
  for (long i = 0; i < calls; ++i) opaque(b.dx, b.dy, b.x, b.y, n, p);
}

double checksum(const float* v, size_t n) {
  double sum = 0.0;
  for (size_t i = 0; i < n; ++i) sum += static_cast<double>(v[i]);
  return sum;
}

const char* platform_name() {
#if defined(__EMSCRIPTEN__)
  return "wasm";
#else
  return "native";
#endif
}

void print_line(const Case& c, const char* pass, size_t n, bench::Timing t, double bytes_per_elem,
                double sum) {
  const double elems_per_s = static_cast<double>(n) / t.best;
  std::printf(
      "{\"variant\":\"%s-%s\",\"op\":\"%s\",\"channels\":%zu,\"pass\":\"%s\",\"n\":%zu,"
      "\"ns_per_call\":%.3f,\"median_ns_per_call\":%.3f,\"gelem_per_s\":%.5f,\"gbyte_per_s\":%.4f,"
      "\"checksum\":%.9g}\n",
      platform_name(), relu::kernels_best().backend, c.op.c_str(), c.channels, pass, n,
      t.best * 1e9, t.median * 1e9, elems_per_s * 1e-9, elems_per_s * bytes_per_elem * 1e-9, sum);
  std::fflush(stdout);
}

// Forward reads x and writes y (8 B/elem); backward reads dy, x, y and writes dx (16 B/elem).
void bench_case(const Options& opt, const Case& c, const Buffers& b, size_t n,
                const float* alphas) {
  ActivationParams p;
  p.prelu_alpha = alphas;
  p.prelu_channels = c.channels;
  const bench::Timing fwd = bench::time_per_call(
      opt.sampling, [&](long calls) { run_forward(c.forward, b, n, p, calls); });
  print_line(c, "forward", n, fwd, 8.0, checksum(b.y, n));
  if (c.backward == nullptr) return;
  c.forward(b.y, b.x, n, p);  // backward kernels may read the forward output
  const bench::Timing bwd = bench::time_per_call(
      opt.sampling, [&](long calls) { run_backward(c.backward, b, n, p, calls); });
  print_line(c, "backward", n, bwd, 16.0, checksum(b.dx, n));
}

// Runs every kernel a while before anything is timed: under Node, V8 first compiles wasm with
// its baseline compiler and swaps in optimised code, compiled in the background, once a function
// is hot; the first case measured must not pay for that.
void warm_up(const std::vector<Case>& cases, const Buffers& b, size_t n, const float* alphas) {
  for (const Case& c : cases) {
    ActivationParams p;
    p.prelu_alpha = alphas;
    p.prelu_channels = c.channels;
    for (int i = 0; i < 100; ++i) {
      c.forward(b.y, b.x, n, p);
      if (c.backward != nullptr) c.backward(b.dx, b.dy, b.x, b.y, n, p);
    }
  }
}

std::vector<Case> make_cases() {
  const relu::KernelTable& table = relu::kernels_best();
  std::vector<Case> cases;
  cases.push_back({"copy", 1, copy_forward, nullptr});
  for (int i = 0; i < relu::kActivationCount; ++i) {
    const auto op = static_cast<relu::Activation>(i);
    Case c{relu::activation_name(op), 1, table.forward[i], table.backward[i]};
    cases.push_back(c);
    if (op == relu::Activation::kPrelu) {
      c.channels = kPreluChannels;
      cases.push_back(c);
    }
  }
  return cases;
}

bool parse_options(int argc, char** argv, Options* opt) {
  std::vector<bench::Option> options = bench::sampling_options(&opt->sampling);
  options.push_back(bench::number_option("--budget-ms", "MS", &opt->sampling.budget_ms));
  options.push_back(bench::text_option("--only", "OP", &opt->only));
  options.push_back({"--sizes", "256,4096,...", [opt](const char* text) {
                       opt->sizes.clear();
                       for (const char* s = text; *s != '\0';) {
                         char* end = nullptr;
                         opt->sizes.push_back(std::strtoul(s, &end, 10));
                         if (end == s) return false;
                         s = *end == ',' ? end + 1 : end;
                       }
                       return true;
                     }});
  const bool parsed = bench::parse_options(argc, argv, options);
  const bool sizes_ok =
      !opt->sizes.empty() && std::find(opt->sizes.begin(), opt->sizes.end(), 0) == opt->sizes.end();
  const bench::Sampling& s = opt->sampling;
  if (parsed && s.sample_ms > 0.0 && s.samples > 0 && sizes_ok) return true;
  bench::print_usage("kernels_bench", options);
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!parse_options(argc, argv, &opt)) return 2;
  size_t max_n = 0;
  for (size_t n : opt.sizes) max_n = std::max(max_n, n);
  // Pre-activations in [-4, 4] (both branches of every kink, the curved part of the smooth
  // ops); upstream gradients in [-1, 1]; PReLU alphas around torch's 0.25 init.
  // 64-byte aligned and zero-filled, like the buffers the library hands to the kernels.
  relu::AlignedBuffer storage[4];
  for (relu::AlignedBuffer& buffer : storage) {
    if (!buffer.reserve(max_n)) {
      std::fprintf(stderr, "kernels_bench: out of memory for %zu floats\n", max_n);
      return 1;
    }
  }
  const Buffers b = {storage[0].data(), storage[1].data(), storage[2].data(), storage[3].data()};
  float alphas[kPreluChannels];
  fill_uniform(b.x, max_n, 0x5eed1234u, -4.0f, 4.0f);
  fill_uniform(b.dy, max_n, 0x0badf00du, -1.0f, 1.0f);
  fill_uniform(alphas, kPreluChannels, 0xa1fa0001u, 0.1f, 0.4f);

  // A first line saying what was measured and how, for the runner's header.
  std::printf(
      "{\"meta\":true,\"variant\":\"%s-%s\",\"compiler\":\"%s\",\"sample_ms\":%g,"
      "\"samples\":%d,\"budget_ms\":%g,\"clock\":\"%s\"}\n",
      platform_name(), relu::kernels_best().backend, __VERSION__, opt.sampling.sample_ms,
      opt.sampling.samples, opt.sampling.budget_ms, opt.sampling.cpu_clock ? "cpu" : "wall");
  const std::vector<Case> cases = make_cases();
  warm_up(cases, b, std::min<size_t>(max_n, 4096), alphas);
  for (const Case& c : cases) {
    if (!opt.only.empty() && c.op != opt.only) continue;
    for (size_t n : opt.sizes) bench_case(opt, c, b, n, alphas);
  }
  return 0;
}
