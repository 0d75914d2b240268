// Mini-batch training of one Mlp (see network.h): batching, the per-epoch shuffle, chunking of
// batches larger than the arena, and the optimizer step. Allocates nothing per step.
#include "nn/network.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/rng.h"
#include "base/shuffle.h"

namespace relu {

namespace {

// A shuffle of the identity from a fresh generator, so an epoch's order depends only on
// (seed, epoch).
void shuffle_epoch(std::vector<int>* order, uint64_t seed, uint64_t epoch) {
  for (size_t i = 0; i < order->size(); ++i) (*order)[i] = static_cast<int>(i);
  Rng rng = rng_seed(seed, epoch);
  shuffle(order->data(), order->size(), &rng);
}

// The dropout masks of optimizer step `step` come from rng_seed(dropout_seed(shuffle_seed),
// step): a stream of their own, so they depend only on the seed and the step (and are the same
// for every panel of an arena), never on how many shuffles came before.
uint64_t dropout_seed(uint64_t shuffle_seed) {
  uint64_t state = shuffle_seed ^ 0x5f0c3e1d9b2a4867ull;  // any constant: a separate stream
  return splitmix64(&state);
}

// Accumulates the gradient of the mean loss over `total` examples for B of them (x rows
// rows[0..B) or, without rows, the B rows from x/labels), in chunks of max_batch. Returns
// their share of the mean loss. logits (B, may be null) receives the logits. dropout null:
// evaluation mode (mlp_forward); else training mode drawing masks from it (mlp_forward_train).
double accumulate(Mlp* mlp, const float* x, const float* labels, const int* rows, int B, int total,
                  float* logits, Rng* dropout = nullptr) {
  double loss = 0.0;
  for (int start = 0; start < B; start += mlp->max_batch) {
    const int chunk = std::min(mlp->max_batch, B - start);
    const float* chunk_x = rows != nullptr ? x : x + 2 * static_cast<size_t>(start);
    const int* chunk_rows = rows != nullptr ? rows + start : nullptr;
    if (dropout != nullptr) {
      mlp_forward_train(mlp, chunk_x, chunk, chunk_rows, dropout);
    } else {
      mlp_forward(mlp, chunk_x, chunk, chunk_rows);
    }
    loss += mlp_backward(mlp, rows != nullptr ? labels : labels + start, chunk_rows, total);
    if (logits != nullptr) {
      std::memcpy(logits + start, mlp_logits(*mlp), sizeof(float) * static_cast<size_t>(chunk));
    }
  }
  return loss;
}

}  // namespace

bool network_build(Network* net, const MlpConfig& config, const OptimizerConfig& optimizer,
                   int max_batch, std::string* error) {
  const std::string message = optimizer_validate(optimizer);
  if (!message.empty()) {
    if (error != nullptr) *error = message;
    return false;
  }
  if (!mlp_build(&net->mlp, config, max_batch, error)) return false;
  net->optimizer = optimizer;
  network_reset_optimizer(net);
  return true;
}

void network_reset_optimizer(Network* net) {
  const size_t bytes = net->mlp.param_count * sizeof(float);
  std::memset(net->mlp.m, 0, bytes);
  std::memset(net->mlp.v, 0, bytes);
  net->step = 0;
  net->epoch = 0;
  net->cursor = 0;
  net->grad_norm = 0.0;
  layer_grad_norms_reset(&net->layer_grads);
}

TrainResult network_train_steps(Network* net, const float* x, const float* labels, int N,
                                int batch_size, int steps, uint64_t shuffle_seed) {
  TrainResult result;
  if (N <= 0 || steps <= 0 || net->mlp.layer_count == 0) return result;
  Mlp* mlp = &net->mlp;
  const bool full = batch_size <= 0 || batch_size >= N;
  if (!full && net->order.size() != static_cast<size_t>(N)) {
    net->order.resize(static_cast<size_t>(N));  // a new data set starts a fresh epoch
    net->cursor = 0;
  }
  double loss_sum = 0.0;
  const uint64_t masks_seed = dropout_seed(shuffle_seed);
  for (int s = 0; s < steps; ++s) {
    mlp_zero_grad(mlp);
    Rng dropout = rng_seed(masks_seed, net->step + 1);
    double loss;
    bool epoch_ends = full;
    if (full) {
      loss = accumulate(mlp, x, labels, nullptr, N, N, nullptr, &dropout);
      ++net->epoch;
    } else {
      if (net->cursor == 0) shuffle_epoch(&net->order, shuffle_seed, net->epoch);
      const int B = std::min(batch_size, N - net->cursor);
      loss = accumulate(mlp, x, labels, net->order.data() + net->cursor, B, B, nullptr, &dropout);
      net->cursor += B;
      if (net->cursor == N) {
        net->cursor = 0;
        ++net->epoch;
        epoch_ends = true;
      }
    }
    result.last_loss = loss;
    if (!std::isfinite(loss)) {
      result.finite = false;
      break;
    }
    ++net->step;
    ++mlp->weights_version;
    ++result.steps;
    loss_sum += loss;
    // Before the optimizer: clipping scales the gradients in place.
    layer_grad_norms_add(&net->layer_grads, *mlp);
    if (epoch_ends) layer_grad_norms_close(&net->layer_grads);
    // The norm (a pass over the gradients in double) only where it is used: clipping, and the
    // last step's value that the metrics report.
    if (net->optimizer.clip_norm > 0.0f || s + 1 == steps) {
      net->grad_norm = optimizer_step(net->optimizer, mlp->params, mlp->grads, mlp->m, mlp->v,
                                      mlp->param_count, mlp->weight_count, net->step);
      result.grad_norm = net->grad_norm;
      if (!std::isfinite(net->grad_norm)) {
        result.finite = false;
        break;
      }
    } else {
      optimizer_update(net->optimizer, mlp->params, mlp->grads, mlp->m, mlp->v, mlp->param_count,
                       mlp->weight_count, net->step);
    }
  }
  result.loss = result.steps > 0 ? loss_sum / result.steps : result.last_loss;
  return result;
}

TrainResult network_train_epochs(Network* net, const float* x, const float* labels, int N,
                                 int batch_size, int epochs, uint64_t shuffle_seed) {
  const bool full = batch_size <= 0 || batch_size >= N;
  const int per_epoch = full ? 1 : (N + batch_size - 1) / batch_size;
  return network_train_steps(net, x, labels, N, batch_size, epochs * per_epoch, shuffle_seed);
}

std::string network_batch_norm_problem(const Network& net, int N, int batch_size) {
  if (N <= 0 || !mlp_has_batch_norm(net.mlp)) return "";
  const int B = batch_size <= 0 || batch_size >= N ? N : batch_size;
  const int last = N % B == 0 ? B : N % B;
  const int chunk = net.mlp.max_batch;
  const std::string why =
      ", which has no batch statistics (torch.nn.BatchNorm1d refuses it in training)";
  if (B == 1) {
    return N == 1 ? "one training example is a batch of one" + why
                  : "batchSize 1 makes every mini-batch one example" + why +
                        ": use a batchSize of at least 2";
  }
  if (last == 1) {
    return "the last mini-batch of each epoch holds one example (" + std::to_string(N) +
           " rows in batches of " + std::to_string(B) + ")" + why +
           ": choose a batchSize that leaves at least 2 for the last";
  }
  for (const int size : {B, last}) {
    if (size > chunk && size % chunk == 1) {
      return "a mini-batch of " + std::to_string(size) + " rows is normalised in forwards of " +
             std::to_string(chunk) + ", the last of one example" + why +
             ": choose a batchSize that leaves at least 2 for the last forward";
    }
  }
  return "";
}

uint64_t network_step_work(const Network& net, int batch) {
  const uint64_t examples = static_cast<uint64_t>(batch < 0 ? 0 : batch) + kStepOverheadExamples;
  return examples * static_cast<uint64_t>(net.mlp.param_count);
}

uint64_t network_eval_work(const Network& net, int examples) {
  const uint64_t n = static_cast<uint64_t>(examples < 0 ? 0 : examples);
  return n * static_cast<uint64_t>(net.mlp.param_count) / 3;
}

double network_loss_and_gradients(Network* net, const float* x, const float* labels, int N,
                                  float* logits) {
  mlp_zero_grad(&net->mlp);
  if (N <= 0) return 0.0;
  return accumulate(&net->mlp, x, labels, nullptr, N, N, logits);
}

void network_measure_layer_grads(Network* net, const float* x, const float* labels, int N) {
  network_loss_and_gradients(net, x, labels, N, nullptr);
  layer_grad_norms_reset(&net->layer_grads);
  layer_grad_norms_add(&net->layer_grads, net->mlp);
  layer_grad_norms_close(&net->layer_grads);
}

void network_predict(Network* net, float* logits, const float* x, int N) {
  Mlp* mlp = &net->mlp;
  for (int start = 0; start < N; start += mlp->max_batch) {
    const int chunk = std::min(mlp->max_batch, N - start);
    mlp_forward(mlp, x + 2 * static_cast<size_t>(start), chunk);
    std::memcpy(logits + start, mlp_logits(*mlp), sizeof(float) * static_cast<size_t>(chunk));
  }
}

}  // namespace relu
