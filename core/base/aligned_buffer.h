// The project's one way to allocate aligned memory: a float buffer aligned to 64 bytes
// (unaligned kernel buffers cost 15-40% in wasm SIMD, measured in bench/kernels_bench). Grows,
// never shrinks, so pointers stay stable between growths. Failure is a return value, not a throw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

namespace relu {

class AlignedBuffer {
 public:
  static constexpr std::size_t kAlignment = 64;
  static constexpr std::size_t kAlignmentFloats = kAlignment / sizeof(float);

  AlignedBuffer() = default;
  AlignedBuffer(AlignedBuffer&& other) noexcept { *this = std::move(other); }
  // The moved-from buffer is empty (size and capacity 0), so reusing it allocates afresh.
  AlignedBuffer& operator=(AlignedBuffer&& other) noexcept {
    data_ = std::move(other.data_);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    return *this;
  }

  float* data() { return data_.get(); }
  const float* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  // Bytes reserve(n) would allocate: 0 if n floats already fit.
  std::size_t growth_bytes(std::size_t n) const { return n > capacity_ ? n * sizeof(float) : 0; }

  // Makes room for n floats; contents are kept up to the old size, floats past it are zero.
  // Returns false (and keeps the old buffer and size) if the allocation fails or n floats
  // would not fit in a size_t of bytes.
  bool reserve(std::size_t n) {
    if (n <= capacity_) {
      if (n > size_) std::memset(data_.get() + size_, 0, (n - size_) * sizeof(float));
      size_ = n;
      return true;
    }
    if (n > PTRDIFF_MAX / sizeof(float)) return false;
    float* fresh = static_cast<float*>(
        ::operator new(n * sizeof(float), std::align_val_t(kAlignment), std::nothrow));
    if (fresh == nullptr) return false;
    std::memset(fresh, 0, n * sizeof(float));
    if (size_ > 0) std::memcpy(fresh, data_.get(), size_ * sizeof(float));
    data_.reset(fresh);
    capacity_ = n;
    size_ = n;
    return true;
  }

 private:
  struct Free {
    void operator()(float* p) const { ::operator delete(p, std::align_val_t(kAlignment)); }
  };
  std::unique_ptr<float[], Free> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// n rounded up to a whole number of alignments (in floats): an offset into an AlignedBuffer
// rounded this way keeps the sub-buffer that starts there 64-byte aligned.
inline std::size_t aligned_float_count(std::size_t n) {
  constexpr std::size_t k = AlignedBuffer::kAlignmentFloats;
  return (n + k - 1) / k * k;
}

}  // namespace relu
