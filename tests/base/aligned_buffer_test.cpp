// Tests of core/base/aligned_buffer.h: 64-byte alignment, growth that keeps the contents and
// zeroes the rest, a request too large for size_t that fails cleanly, and moves.
#include "base/aligned_buffer.h"

#include <catch.hpp>
#include <cstdint>
#include <utility>

using relu::AlignedBuffer;

namespace {

bool aligned(const float* p) {
  return reinterpret_cast<std::uintptr_t>(p) % AlignedBuffer::kAlignment == 0;
}

}  // namespace

TEST_CASE("reserve aligns, keeps contents and zeroes new floats") {
  AlignedBuffer buffer;
  CHECK(buffer.data() == nullptr);
  REQUIRE(buffer.reserve(3));
  CHECK(aligned(buffer.data()));
  for (int i = 0; i < 3; ++i) CHECK(buffer.data()[i] == 0.0f);
  buffer.data()[0] = 1.0f;
  buffer.data()[2] = 3.0f;
  REQUIRE(buffer.reserve(1000));  // grows: a new allocation
  CHECK(aligned(buffer.data()));
  CHECK(buffer.size() == 1000);
  CHECK(buffer.data()[0] == 1.0f);
  CHECK(buffer.data()[2] == 3.0f);
  CHECK(buffer.data()[999] == 0.0f);
  buffer.data()[500] = 5.0f;
  const float* before = buffer.data();
  REQUIRE(buffer.reserve(10));   // shrinks the size only
  REQUIRE(buffer.reserve(600));  // within capacity: same memory, floats past 10 zero again
  CHECK(buffer.data() == before);
  CHECK(buffer.data()[2] == 3.0f);
  CHECK(buffer.data()[500] == 0.0f);
}

TEST_CASE("a request beyond size_t bytes fails and keeps the old buffer") {
  AlignedBuffer buffer;
  REQUIRE(buffer.reserve(4));
  buffer.data()[3] = 7.0f;
  CHECK_FALSE(buffer.reserve(SIZE_MAX / 2));
  CHECK(buffer.size() == 4);
  CHECK(buffer.data()[3] == 7.0f);
}

TEST_CASE("moves keep the pointer and leave the source empty") {
  AlignedBuffer a;
  REQUIRE(a.reserve(16));
  const float* p = a.data();
  AlignedBuffer b = std::move(a);
  CHECK(b.data() == p);
  CHECK(b.size() == 16);
  CHECK(a.size() == 0);  // NOLINT(bugprone-use-after-move): the documented moved-from state
  REQUIRE(a.reserve(8));
  CHECK(aligned(a.data()));
  CHECK(a.data() != p);
}

TEST_CASE("aligned_float_count rounds up to whole alignments") {
  CHECK(relu::aligned_float_count(0) == 0);
  CHECK(relu::aligned_float_count(1) == AlignedBuffer::kAlignmentFloats);
  CHECK(relu::aligned_float_count(16) == 16);
  CHECK(relu::aligned_float_count(17) == 32);
}
