// A float buffer aligned to 64 bytes (unaligned kernel buffers cost 15-40% in wasm SIMD, measured
// in bench/kernels_bench). Grows, never shrinks, so pointers stay stable between growths.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>

namespace relu {

class AlignedBuffer {
 public:
  static constexpr std::size_t kAlignment = 64;

  float* data() { return data_.get(); }
  const float* data() const { return data_.get(); }
  std::size_t size() const { return size_; }

  // Makes room for n floats; contents are kept up to the old size, new floats are zero.
  // Returns false (and keeps the old buffer) if the allocation fails.
  bool reserve(std::size_t n) {
    if (n <= capacity_) {
      size_ = n;
      return true;
    }
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

}  // namespace relu
