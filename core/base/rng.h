// The project's only source of randomness: a seeded PCG32 (O'Neill, pcg-random.org) with
// uniform and normal draws that give bit-identical numbers natively and in wasm. It avoids
// std:: distributions (libstdc++ and libc++ differ) and libm (see portable_math.h).
#pragma once

#include <cmath>
#include <cstdint>

#include "base/portable_math.h"

namespace relu {

// SplitMix64 (Steele, Lea, Flood 2014): turns any seed, even 0 or 1, into well mixed bits.
inline uint64_t splitmix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// PCG32 (XSH-RR output over a 64-bit LCG). Copyable value type: copying forks the sequence.
struct Rng {
  uint64_t state = 0;
  uint64_t inc = 1;  // stream selector, always odd
};

inline uint32_t rng_u32(Rng* rng) {
  const uint64_t old = rng->state;
  rng->state = old * 6364136223846793005ull + rng->inc;
  const uint32_t xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
  const uint32_t rot = static_cast<uint32_t>(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

// A generator for (seed, stream). Different streams of one seed are independent sequences,
// e.g. stream = epoch for a per-epoch shuffle that does not depend on earlier epochs.
inline Rng rng_seed(uint64_t seed, uint64_t stream = 0) {
  uint64_t mix = seed ^ (stream * 0xda942042e4dd58b5ull);
  Rng rng;
  rng.state = splitmix64(&mix);
  rng.inc = (splitmix64(&mix) << 1u) | 1u;
  rng_u32(&rng);
  return rng;
}

// Uniform in [0, 1) with 53 random bits.
inline double rng_uniform_double(Rng* rng) {
  const uint64_t hi = rng_u32(rng) >> 5;  // 27 bits
  const uint64_t lo = rng_u32(rng) >> 6;  // 26 bits
  return static_cast<double>((hi << 26) | lo) * 0x1.0p-53;
}

// Uniform in [0, 1) with 24 random bits (every float of the form k / 2^24).
inline float rng_uniform(Rng* rng) { return static_cast<float>(rng_u32(rng) >> 8) * 0x1.0p-24f; }

// Uniform in [a, b): a + (b - a) u evaluated in double and rounded once to float (so the
// result can round up to b when b - a spans few floats).
inline float rng_uniform_range(Rng* rng, float a, float b) {
  const double lo = static_cast<double>(a);
  return static_cast<float>(lo + (static_cast<double>(b) - lo) * rng_uniform_double(rng));
}

// Uniform integer in [0, n) for n >= 1, without modulo bias (rejection of the short tail).
inline uint32_t rng_below(Rng* rng, uint32_t n) {
  const uint32_t threshold = (0u - n) % n;  // 2^32 mod n
  for (;;) {
    const uint32_t r = rng_u32(rng);
    if (r >= threshold) return r % n;
  }
}

// Standard normal N(0, 1) by Marsaglia's polar method with the libm-free log; the second
// normal of each accepted pair is discarded so the generator has no hidden cache.
inline double rng_normal_double(Rng* rng) {
  for (;;) {
    const double u = 2.0 * rng_uniform_double(rng) - 1.0;
    const double v = 2.0 * rng_uniform_double(rng) - 1.0;
    const double s = u * u + v * v;
    if (s >= 1.0 || s == 0.0) continue;
    return u * std::sqrt(-2.0 * portable_log(s) / s);  // sqrt is correctly rounded everywhere
  }
}

inline float rng_normal(Rng* rng) { return static_cast<float>(rng_normal_double(rng)); }

}  // namespace relu
