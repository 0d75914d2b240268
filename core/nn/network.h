// A trainable network: an Mlp with its optimizer settings and counters, and mini-batch
// training over a caller-owned data set (deterministic per-epoch reshuffle). This is what the
// JS `net.train(X, labels, {...})` and the arena call; metrics and fields live elsewhere.
// Legend: N examples in the data set, B batch size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nn/layer_grad_norms.h"
#include "nn/mlp.h"
#include "nn/optimizer.h"

namespace relu {

// The work budget of one call that trains: a step on B examples costs
// (B + kStepOverheadExamples) x param_count units (a forward and backward per example and
// parameter, plus the optimizer's pass and the per-step overhead, measured as ~6 examples' worth
// at batch 1), and evaluating E examples (the metrics after a call) E x param_count / 3 (a
// forward is about a third of a step's work per example). A call takes the most steps that fit
// beside its evaluation, at least one, and reports how far it got. Counted in units rather
// than time so a result never depends on the machine's speed: 2^26 units take ~50-80 ms with
// the SIMD kernels and ~250-400 ms with the scalar ones on this project's 2-core x86 test
// machine (README "Reliability").
inline constexpr uint64_t kWorkPerCall = uint64_t{1} << 26;
inline constexpr uint64_t kStepOverheadExamples = 8;

struct Network {
  Mlp mlp;
  OptimizerConfig optimizer;
  uint64_t step = 0;           // optimizer steps taken (Adam's t of the last step)
  uint64_t epoch = 0;          // completed passes over the data (mini-batch mode)
  int cursor = 0;              // position in the current epoch's order (mini-batch mode)
  double grad_norm = 0;        // before clipping, of the last step
  LayerGradNorms layer_grads;  // per-layer weight-gradient norms of the last epoch's steps
  std::vector<int> order;      // (N) the current epoch's permutation, sized on first use
};

// Builds the Mlp (see mlp_build; forwards are chunked by max_batch, so a full batch larger
// than max_batch still works, in several passes) and validates the optimizer config.
// Counters start at 0. Weights are zero: call mlp_init(&net->mlp, ...) next.
bool network_build(Network* net, const MlpConfig& config, const OptimizerConfig& optimizer,
                   int max_batch, std::string* error);

// Zeroes the optimizer state (m, v), the counters and the per-layer gradient norms; keeps the
// weights.
void network_reset_optimizer(Network* net);

// What one training call on a single network is asked for (net.train in JS; io reads it from
// JSON with train_options_from_json).
inline constexpr int kTrainMaxSteps = 100000;
struct TrainOptions {
  OptimizerConfig optimizer;  // net.train's defaults (sgd, lr 0.03), not the arena's
  int batch_size = 1;         // 1..example_count (example_count: full batch, no shuffling)
  int steps = 1;              // 0..kTrainMaxSteps
};

struct TrainResult {
  int steps = 0;         // steps taken
  double loss = 0;       // mean over the steps of each step's mini-batch loss (before it)
  double last_loss = 0;  // the last step's mini-batch loss (before its update)
  double grad_norm = 0;  // the last step's gradient norm (before clipping)
  // false if a step's loss, or the last step's gradient norm (every step's with clipping),
  // was NaN/inf: training stopped there.
  bool finite = true;
};

// `steps` optimizer steps on the data set x (N, 2), labels (N) (caller-owned).
// batch_size >= N (or <= 0): full batch every step, no shuffling. Otherwise consecutive batches
// of batch_size examples (the last of an epoch is smaller, like torch DataLoader with
// drop_last=False) from a permutation of 0..N-1 drawn at the start of each epoch from
// rng_seed(shuffle_seed, epoch) (Fisher-Yates), so the order depends only on the seed and the
// epoch number; training resumes where the previous call stopped (cursor, epoch). Steps run in
// training mode (mlp_forward_train): dropout masks from rng_seed(a seed derived from
// shuffle_seed, step number), batch norm on each mini-batch's statistics; a batch larger than
// max_batch is normalised per forward chunk (size max_batch so that it fits). Stops early
// at the first non-finite loss (see TrainResult::finite). Allocates only when N grows beyond the
// order's size (first call).
TrainResult network_train_steps(Network* net, const float* x, const float* labels, int N,
                                int batch_size, int steps, uint64_t shuffle_seed);

// Why batch norm cannot train this network on N rows in mini-batches of batch_size (as
// network_train_steps forms them, each normalised per forward chunk of max_batch), or "" if it
// can (or the network has no batch norm). A forward of one example has no batch statistics:
// its variance is 0, so every unit normalises to beta whatever the input, and
// torch.nn.BatchNorm1d refuses it in training ("Expected more than 1 value per channel"), also as
// the last mini-batch of one that a DataLoader without drop_last gives. The text starts with
// what gives the one-example forward; the caller prefixes the field it names.
std::string network_batch_norm_problem(const Network& net, int N, int batch_size);

// Trains whole epochs: ceil(N / batch_size) steps each (1 step for a full batch).
TrainResult network_train_epochs(Network* net, const float* x, const float* labels, int N,
                                 int batch_size, int epochs, uint64_t shuffle_seed);

// The units (see kWorkPerCall) of one step of `batch` examples on this network, and of a
// forward pass over `examples` examples.
uint64_t network_step_work(const Network& net, int batch);
uint64_t network_eval_work(const Network& net, int examples);

// Forward + backward over the whole data set without stepping, in evaluation mode (no dropout,
// batch norm's running statistics, nothing updated): grads (mlp.grads) = gradient of the mean
// loss over the N examples, returns that loss. logits (N, may be null) receives
// every example's logit. Chunked by max_batch.
double network_loss_and_gradients(Network* net, const float* x, const float* labels, int N,
                                  float* logits);

// Sets layer_grads.rms to the per-layer weight-gradient norms of the mean loss over the N
// examples at the current weights, as network_loss_and_gradients computes it (one full batch,
// evaluation mode): what the metrics report before the first epoch. Overwrites mlp.grads.
void network_measure_layer_grads(Network* net, const float* x, const float* labels, int N);

// Logits (N) for inputs x (N, 2), chunked by max_batch. Overwrites the activations.
void network_predict(Network* net, float* logits, const float* x, int N);

}  // namespace relu
