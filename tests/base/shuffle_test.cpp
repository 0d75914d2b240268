// Tests of core/base/shuffle.h: a permutation, the documented draw sequence (one rng_below per
// position, from the end), nothing drawn for n < 2, and the same order for any element type.
#include "base/shuffle.h"

#include <algorithm>
#include <catch.hpp>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

using namespace relu;

TEST_CASE("shuffle permutes and draws rng_below(i + 1) for i = n-1 down to 1") {
  for (size_t n : {2u, 3u, 10u, 257u}) {
    std::vector<int> items(n);
    std::iota(items.begin(), items.end(), 0);
    Rng rng = rng_seed(7, n);
    Rng replay = rng;
    shuffle(items.data(), n, &rng);

    std::vector<int> want(n);
    std::iota(want.begin(), want.end(), 0);
    for (size_t i = n - 1; i > 0; --i) {
      std::swap(want[i], want[rng_below(&replay, static_cast<uint32_t>(i) + 1u)]);
    }
    INFO("n = " << n);
    CHECK(items == want);
    CHECK(rng.state == replay.state);  // no draw more or less than documented
    std::sort(items.begin(), items.end());
    for (size_t i = 0; i < n; ++i) CHECK(items[i] == static_cast<int>(i));
  }
}

TEST_CASE("shuffle of 0 or 1 items draws nothing") {
  Rng rng = rng_seed(3);
  const Rng before = rng;
  int one = 42;
  shuffle(&one, 1, &rng);
  shuffle(static_cast<int*>(nullptr), 0, &rng);
  CHECK(one == 42);
  CHECK(rng.state == before.state);
}

TEST_CASE("the order depends on the generator, not on the element type") {
  std::vector<int> ints(50);
  std::vector<std::string> names(50);
  for (int i = 0; i < 50; ++i) {
    ints[static_cast<size_t>(i)] = i;
    names[static_cast<size_t>(i)] = std::to_string(i);
  }
  Rng a = rng_seed(11);
  Rng b = rng_seed(11);
  shuffle(ints.data(), ints.size(), &a);
  shuffle(names.data(), names.size(), &b);
  for (size_t i = 0; i < 50; ++i) CHECK(names[i] == std::to_string(ints[i]));
  CHECK_FALSE(std::is_sorted(ints.begin(), ints.end()));
}
