// Op names, the convenience entry points over the selected kernel table, and PReLU's alpha
// gradient (a reduction, not an elementwise map, so it lives outside the kernel tables).
#include "kernels/activation.h"

#include <string>

#include "base/name_table.h"

namespace relu {

namespace {
constexpr const char* kNames[] = {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) #name,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};
constexpr const char* kDisplayNames[] = {
#define RELU_ACTIVATION(Name, name, display, forward_ulp, backward_ulp) display,
#include "kernels/activation_list.inc"
#undef RELU_ACTIVATION
};
}  // namespace

const char* activation_name(Activation op) { return name_of(kNames, op); }

const char* activation_display_name(Activation op) { return name_of(kDisplayNames, op); }

bool activation_from_name(std::string_view name, Activation* op) {
  return value_of(kNames, name, op);
}

void activation_forward(Activation op, float* y, const float* x, size_t n,
                        const ActivationParams& params) {
  kernels_best().forward[static_cast<int>(op)](y, x, n, params);
}

void activation_backward(Activation op, float* dx, const float* dy, const float* x, const float* y,
                         size_t n, const ActivationParams& params) {
  kernels_best().backward[static_cast<int>(op)](dx, dy, x, y, n, params);
}

void prelu_alpha_backward(float* dalpha, const float* dy, const float* x, size_t n,
                          const ActivationParams& params) {
  const size_t channels = params.prelu_channels == 0 ? 1 : params.prelu_channels;
  // Small channel counts (a layer of <= 16 units) fit on the stack; larger ones accumulate
  // channel by channel so that this never allocates.
  constexpr size_t kStackChannels = 64;
  if (channels <= kStackChannels) {
    double sums[kStackChannels] = {};
    for (size_t i = 0; i < n; ++i) {
      if (!(x[i] > 0.0f))
        sums[i % channels] += static_cast<double>(dy[i]) * static_cast<double>(x[i]);
    }
    for (size_t c = 0; c < channels; ++c) dalpha[c] += static_cast<float>(sums[c]);
    return;
  }
  for (size_t c = 0; c < channels; ++c) {
    double sum = 0.0;
    for (size_t i = c; i < n; i += channels) {
      if (!(x[i] > 0.0f)) sum += static_cast<double>(dy[i]) * static_cast<double>(x[i]);
    }
    dalpha[c] += static_cast<float>(sum);
  }
}

}  // namespace relu
