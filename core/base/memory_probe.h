// Whether memory can be had right now, asked without risking an abort: how the sessions fail
// softly ("out of memory") where a plain allocation would end the process. Leaves out any
// accounting of what is already allocated.
#pragma once

#include <cstddef>
#include <new>
#include <string>

namespace relu {

// Memory every session keeps free after it is built, for the small allocations of later calls
// (JSON results; strings crossing from JS, at most 768 KiB as UTF-8 since JS limits text to
// 256 Ki characters): while a build leaves this much, those calls do not run out of memory.
inline constexpr std::size_t kMemoryHeadroomBytes = std::size_t{4} << 20;

// Errors for memory start with this, so a caller can tell them from other failures.
inline constexpr const char* kOutOfMemoryPrefix = "out of memory";

// The error of a build that would leave less than the headroom free.
inline std::string headroom_error() {
  return std::string(kOutOfMemoryPrefix) + ": fewer than " +
         std::to_string(kMemoryHeadroomBytes >> 20) + " MiB of memory would be left free";
}

// True if `bytes` could be allocated (and were freed again). The aligned nothrow operator new,
// as AlignedBuffer uses: with exceptions off, the wasm toolchain's libc++ aborts in the plain
// operator new, even the nothrow one, while the aligned one returns null (malloc is linked with
// ABORTING_MALLOC=0). A direct call, unlike malloc/free or a new-expression, is not elided by
// the optimiser, so the probe really asks the allocator.
inline bool memory_available(std::size_t bytes) {
  constexpr std::align_val_t kAlign{64};
  void* probe = ::operator new(bytes, kAlign, std::nothrow);
  if (probe == nullptr) return false;
  ::operator delete(probe, kAlign);
  return true;
}

}  // namespace relu
