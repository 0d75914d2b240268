// The TF.js WebAssembly backend (XNNPACK) on the activations it has, timed in this process:
// the peer bench/run-kernels.mjs compares our kernels with. Forward only (TF.js has no
// stand-alone backward kernels for these ops: tf.grad composes several ops).
import * as tfwasm from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

import {timePerCall} from './bench-lib.mjs';

// Per-channel PReLU uses x as (n / 8, 8) with alpha (8), like kPreluChannels in kernels_bench.
const PRELU_CHANNELS = 8;
const F32 = 0;  // CppDType.float32 in tfjs-backend-wasm

// Our op name -> how TF.js computes it. `api` is the public call; `kernel` calls the backend's
// exported wasm function directly on preallocated tensors (see timeCase for what each includes).
const TFJS_OPS = [
  {op: 'relu', tf: 'relu', api: (x) => tf.relu(x), kernel: (w, x, o) => w._Relu(x, F32, o)},
  {
    op: 'leaky_relu',
    tf: 'leakyRelu',
    api: (x) => tf.leakyRelu(x, 0.01),
    kernel: (w, x, o) => w._LeakyRelu(x, F32, 0.01, o),
  },
  {
    op: 'prelu',
    tf: 'prelu',
    channels: 1,
    api: (x, a) => tf.prelu(x, a),
    kernel: (w, x, o, a) => w._Prelu(x, a, o),
  },
  {
    op: 'prelu',
    tf: 'prelu',
    channels: PRELU_CHANNELS,
    api: (x, a) => tf.prelu(x, a),
    kernel: (w, x, o, a) => w._Prelu(x, a, o),
  },
  {op: 'elu', tf: 'elu', api: (x) => tf.elu(x), kernel: (w, x, o) => w._Elu(x, F32, o)},
  {
    op: 'softplus',
    tf: 'softplus',
    api: (x) => tf.softplus(x),
    kernel: (w, x, o) => w._Softplus(x, F32, o)
  },
  {op: 'sigmoid', tf: 'sigmoid', api: (x) => tf.sigmoid(x), kernel: (w, x, o) => w._Sigmoid(x, o)},
  {op: 'tanh', tf: 'tanh', api: (x) => tf.tanh(x), kernel: (w, x, o) => w._Tanh(x, F32, o)},
];

// Same inputs as kernels_bench.cpp: xorshift32 with the same seeds, uniform in [lo, hi].
function fillUniform(n, seed, lo, hi) {
  const v = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; ++i) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    v[i] = Math.fround(lo + Math.fround((hi - lo) * Math.fround((s >>> 8) * 2 ** -24)));
  }
  return v;
}

// kernels_bench.cpp's rule: ~5 ms of warm-up sizes a sample, then samples of >= sampleMs, at
// least `samples` of them and at least budgetMs in all. Seconds per call, {best, median}.
function timeKernel(run, {sampleMs, samples, budgetMs, clock}) {
  return timePerCall(run, {cpu: clock === 'cpu', warmUpMs: 5, sampleMs, samples, budgetMs});
}

function checksum(values) {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

function record(variant, c, n, timing, sum) {
  const elemsPerS = n / timing.best;
  return {
    variant,
    op: c.op,
    channels: c.channels ?? 1,
    pass: 'forward',
    n,
    ns_per_call: timing.best * 1e9,
    median_ns_per_call: timing.median * 1e9,
    gelem_per_s: elemsPerS * 1e-9,
    gbyte_per_s: elemsPerS * 8e-9,
    checksum: sum,
  };
}

// Two timings per case:
// - 'tfjs-api': `y = tf.op(x); y.dispose()`. Includes what a TF.js user pays per call: the
//   engine's dispatch (kernel lookup, tensor bookkeeping), malloc/free of the output in the
//   wasm heap and the XNNPACK kernel. The input tensor is created once, nothing is read back.
// - 'tfjs-kernel': the backend's exported wasm function (_Relu, _Prelu, ...) called directly on
//   tensors allocated once. Includes only the wasm call: the backend's C++ wrapper, which looks
//   up its cached XNNPACK operator, sets it up and runs it. This is the kernel-to-kernel
//   comparison; it uses backend internals and is checked against the API's output first.
function timeCase(c, n, alphas, opts) {
  const backend = tf.backend();
  const wasm = backend.wasm;
  const idOf = (t) => backend.dataIdMap.get(t.dataId).id;
  const channels = c.channels ?? 1;
  const x =
      tf.tensor(fillUniform(n, 0x5eed1234, -4, 4), channels > 1 ? [n / channels, channels] : [n]);
  const alpha = channels > 1 ? tf.tensor1d(alphas) : tf.scalar(0.25);
  const out = tf.zerosLike(x);
  const results = [];

  const api = timeKernel((calls) => {
    for (let i = 0; i < calls; ++i) c.api(x, alpha).dispose();
  }, opts);
  const expected = c.api(x, alpha);
  const expectedValues = expected.dataSync();
  expected.dispose();
  results.push(record('tfjs-api', c, n, api, checksum(expectedValues)));

  const xId = idOf(x), outId = idOf(out), alphaId = idOf(alpha);
  c.kernel(wasm, xId, outId, alphaId);
  const got = out.dataSync();
  const same = got.every((v, i) => Object.is(v, expectedValues[i]));
  if (same) {
    const kernel = timeKernel((calls) => {
      for (let i = 0; i < calls; ++i) c.kernel(wasm, xId, outId, alphaId);
    }, opts);
    results.push(record('tfjs-kernel', c, n, kernel, checksum(out.dataSync())));
  } else {
    console.error(`tfjs: direct ${c.tf} kernel disagrees with tf.${c.tf}(); not timed`);
  }
  tf.dispose([x, alpha, out]);
  return results;
}

// Loads the wasm backend and says how it runs. Single-threaded on purpose: our kernels use one
// core, and Node has no threaded TF.js build by default anyway.
export async function initTfjs() {
  tfwasm.setThreadsCount(1);
  const ok = await tf.setBackend('wasm');
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return {
    ok: ok && tf.getBackend() === 'wasm',
    version: tfwasm.version_wasm,
    simd,
    threads: tfwasm.getThreadsCount(),
  };
}

// Runs every case at every size; returns records shaped like kernels_bench's JSON lines.
export function benchTfjs({sizes, sampleMs = 1, samples = 5, budgetMs = 50, clock = 'wall'}) {
  const alphas = fillUniform(PRELU_CHANNELS, 0xa1fa0001, 0.1, 0.4);
  // Every op a while first, so V8 has swapped in optimised code before anything is timed (the
  // same reason as warm_up() in kernels_bench.cpp).
  const warmOpts = {sampleMs: 1, samples: 1, budgetMs: 0, clock};
  for (const c of TFJS_OPS) timeCase(c, Math.min(4096, Math.max(...sizes)), alphas, warmOpts);
  const records = [];
  for (const c of TFJS_OPS) {
    for (const n of sizes)
      records.push(...timeCase(c, n, alphas, {sampleMs, samples, budgetMs, clock}));
  }
  return records;
}

export const TFJS_OP_NAMES = Object.fromEntries(TFJS_OPS.map((c) => [c.op, c.tf]));
