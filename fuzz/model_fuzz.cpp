// Fuzzes model files: any text either fails with an error naming the field, or builds a
// network whose exported model reads back to the same weights bit for bit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/json.h"
#include "io/model_json.h"
#include "nn/network.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const relu::ModelResult parsed = relu::model_from_json_text(text);
  if (!parsed.ok()) return 0;
  relu::Network net;
  std::string error;
  if (!relu::network_build(&net, parsed.model.config, relu::OptimizerConfig(), 16, &error)) {
    std::abort();  // a model that validates must build
  }
  relu::model_copy_to_mlp(parsed.model, &net.mlp);
  const std::string written = relu::json::write(relu::model_to_json(net.mlp));
  const relu::ModelResult again = relu::model_from_json_text(written);
  if (!again.ok()) std::abort();
  relu::Network copy;
  if (!relu::network_build(&copy, again.model.config, relu::OptimizerConfig(), 16, &error)) {
    std::abort();
  }
  relu::model_copy_to_mlp(again.model, &copy.mlp);
  if (relu::json::write(relu::model_to_json(copy.mlp)) != written) std::abort();
  return 0;
}
