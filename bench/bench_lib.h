// What the C++ bench programs share, as bench/bench-lib.mjs is for their JS runners: the clock
// (wall, or CPU time: this thread natively, the whole process in Node, where wasm has no CPU
// clock of its own), the sampling loop that times a call, and the command-line options.
// Included once per bench executable.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#if defined(__EMSCRIPTEN__)
#include <emscripten.h>
// Node's CPU time of this process (user + system) in seconds.
EM_JS(double, node_cpu_seconds, (), {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1e-6;
});
#endif

namespace bench {

inline double now_seconds(bool cpu_clock) {
  if (!cpu_clock) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
#if defined(__EMSCRIPTEN__)
  return node_cpu_seconds();
#else
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
#endif
}

struct Timing {
  double best;    // seconds per call, fastest sample: the reported figure
  double median;  // seconds per call, median sample: how noisy the machine was
};

// How a call is timed. Warm-up doubles the call count until one run takes >= warm_up_ms (which
// also sizes a sample: >= sample_ms each); then, after one untimed sample if untimed_sample
// (Node tiers wasm up from its baseline compiler while it runs), `samples` samples, and more
// until budget_ms of them were taken if budget_ms > 0 (many short samples rather than a few
// long ones: on a machine shared with other jobs, some of them run uninterrupted).
struct Sampling {
  bool cpu_clock = false;  // CPU time leaves out the time slices other processes took
  double sample_ms = 100.0;
  int samples = 5;
  double budget_ms = 0.0;
  double warm_up_ms = 20.0;
  bool untimed_sample = true;
};

// Seconds per call of run(calls); reset() runs untimed before every run, so each sample starts
// from the same state.
template <class Reset, class Run>
Timing time_per_call(const Sampling& s, Reset reset, Run run) {
  long calls = 1;
  double elapsed = 0.0;
  for (;;) {
    reset();
    const double start = now_seconds(s.cpu_clock);
    run(calls);
    elapsed = now_seconds(s.cpu_clock) - start;
    if (elapsed >= s.warm_up_ms * 1e-3) break;
    calls *= 2;
  }
  const double per_call = elapsed / static_cast<double>(calls);
  const long sample_calls = std::max(1L, static_cast<long>(s.sample_ms * 1e-3 / per_call) + 1);
  const double budget =
      s.budget_ms > 0.0 ? std::max(s.budget_ms, s.sample_ms * s.samples) * 1e-3 : 0.0;
  std::vector<double> times;
  double sampled = 0.0;
  for (bool timed = !s.untimed_sample;
       (static_cast<int>(times.size()) < s.samples || sampled < budget) && times.size() < 1000;
       timed = true) {
    reset();
    const double start = now_seconds(s.cpu_clock);
    run(sample_calls);
    const double seconds = now_seconds(s.cpu_clock) - start;
    if (!timed) continue;
    sampled += seconds;
    times.push_back(seconds / static_cast<double>(sample_calls));
  }
  std::sort(times.begin(), times.end());
  return {times.front(), times[times.size() / 2]};
}
template <class Run>
Timing time_per_call(const Sampling& s, Run run) {
  return time_per_call(
      s, [] {}, run);
}

// One command-line option: "--name VALUE" (read by `set`, false if the value is bad) or a
// switch "--name" (value is nullptr; set gets "").
struct Option {
  const char* flag;
  const char* value;  // the value's placeholder in the usage line, e.g. "100" or "wall|cpu"
  std::function<bool(const char* text)> set;
};

inline Option number_option(const char* flag, const char* value, double* out) {
  return {flag, value, [out](const char* text) {
            char* end = nullptr;
            *out = std::strtod(text, &end);
            return *end == '\0' && end != text;
          }};
}
inline Option int_option(const char* flag, const char* value, int* out) {
  return {flag, value, [out](const char* text) {
            char* end = nullptr;
            *out = static_cast<int>(std::strtol(text, &end, 10));
            return *end == '\0' && end != text;
          }};
}
inline Option text_option(const char* flag, const char* value, std::string* out) {
  return {flag, value, [out](const char* text) {
            *out = text;
            return true;
          }};
}
inline Option switch_option(const char* flag, bool* out) {
  return {flag, nullptr, [out](const char*) { return *out = true; }};
}
// --clock, --sample-ms and --samples into s (defaults: s's own).
inline std::vector<Option> sampling_options(Sampling* s) {
  return {{"--clock", "wall|cpu",
           [s](const char* text) {
             const std::string clock = text;
             s->cpu_clock = clock == "cpu";
             return clock == "wall" || clock == "cpu";
           }},
          number_option("--sample-ms", "MS", &s->sample_ms),
          int_option("--samples", "N", &s->samples)};
}

// Reads argv against options: false on an unknown flag or a missing or bad value.
inline bool parse_options(int argc, char** argv, const std::vector<Option>& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto option = std::find_if(options.begin(), options.end(),
                               [&](const Option& o) { return arg == o.flag; });
    if (option == options.end()) return false;
    const bool ok =
        option->value == nullptr ? option->set("") : i + 1 < argc && option->set(argv[++i]);
    if (!ok) return false;
  }
  return true;
}

// "usage: <program> [--flag VALUE] ..." on stderr.
inline void print_usage(const char* program, const std::vector<Option>& options) {
  std::string usage = std::string("usage: ") + program;
  for (const Option& o : options) {
    usage +=
        std::string(" [") + o.flag + (o.value != nullptr ? std::string(" ") + o.value : "") + "]";
  }
  std::fprintf(stderr, "%s\n", usage.c_str());
}

}  // namespace bench
