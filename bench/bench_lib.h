// The clock both bench programs time with: wall clock, or CPU time (this thread natively, the
// whole process in Node, where wasm has no CPU clock of its own), and the figures they report.
// Included once per bench executable.
#pragma once

#include <chrono>
#include <ctime>

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

}  // namespace bench
