// The TF.js WebAssembly backend training the same 2-8-8-1 network (plain SGD, sigmoid
// cross-entropy with logits) and evaluating it over a grid, timed in this process: the peer
// bench/run-train.mjs compares train_bench with. Plain tfjs-core ops, as a TF.js user writes them.
import * as tf from '@tensorflow/tfjs-core';
import {register} from 'node:module';

import {timePerCall} from './bench-lib.mjs';
import {initTfjs as initTfjsBackend} from './tfjs-kernels.mjs';

const LR = 0.03;  // train_bench.cpp's kLearningRate
const HIDDEN = [8, 8];

// Our op name -> the tfjs-core op. Ops TF.js lacks (gelu, gelu_tanh, silu) are not timed;
// prelu is left out (shared-alpha prelu is pathologically slow there).
const TFJS_ACTIVATIONS = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  leaky_relu: (x) => tf.leakyRelu(x, 0.01),
  elu: (x) => tf.elu(x),
  softplus: (x) => tf.softplus(x),
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
};

// A small seeded generator (mulberry32) so every run trains on the same points.
function makeRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// TF Playground's two circles (radius 5, inner r < 2.5, ring 3.5..5, label from the noisy
// point), scaled by 1/6 like core/nn/dataset.cpp's default: N points (N, 2) and labels (N, 1).
function makeCircle(n, noise, seed) {
  const random = makeRandom(seed);
  const uniform = (a, b) => a + (b - a) * random();
  const xs = new Float32Array(2 * n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; ++i) {
    const r = i < (n + 1) / 2 ? uniform(0, 2.5) : uniform(3.5, 5);
    const angle = uniform(0, 2 * Math.PI);
    const x = r * Math.sin(angle);
    const y = r * Math.cos(angle);
    const nx = x + uniform(-5, 5) * noise;
    const ny = y + uniform(-5, 5) * noise;
    xs[2 * i] = x / 6;
    xs[2 * i + 1] = y / 6;
    ys[i] = Math.hypot(nx, ny) < 2.5 ? 1 : 0;
  }
  return {xs, ys, n};
}

// He-normal weights (std sqrt(2 / fan_in)) and zero biases, as train_bench's default init.
function makeModel(seed) {
  const sizes = [2, ...HIDDEN, 1];
  const initial = [];
  for (let l = 0; l + 1 < sizes.length; ++l) {
    const std = Math.sqrt(2 / sizes[l]);
    initial.push(tf.randomNormal([sizes[l], sizes[l + 1]], 0, std, 'float32', seed + l));
    initial.push(tf.zeros([sizes[l + 1]]));
  }
  const variables = initial.map((t) => tf.variable(t.clone()));
  const reset = () => variables.forEach((v, i) => v.assign(initial[i]));
  const dispose = () => tf.dispose([...initial, ...variables]);
  return {variables, reset, dispose};
}

function forward(variables, act, x) {
  let h = x;
  for (let i = 0; i < variables.length; i += 2) {
    h = tf.add(tf.matMul(h, variables[i]), variables[i + 1]);
    if (i + 2 < variables.length) h = act(h);
  }
  return h;  // (B, 1) logits
}

// train_bench.cpp's rule: warm up until one run takes >= 20 ms, then one untimed sample (the
// JIT needs it), then `samples` samples of >= sampleMs; reset() runs untimed before each.
// Seconds per call, {best, median}.
function timeTrainer(reset, run, {sampleMs, samples, cpuClock}) {
  return timePerCall(run, {cpu: cpuClock, warmUpMs: 20, sampleMs, samples, warmSamples: 1, reset});
}

// One call = one epoch: ceil(N / batch) optimizer.minimize steps over mini-batches sliced once
// beforehand in a fixed order (no per-epoch shuffle: that favours TF.js slightly). The loss of
// the last step is read back once at the end (checksum; the wasm backend runs synchronously).
function benchTrain(name, batch, data, opts) {
  const act = TFJS_ACTIVATIONS[name];
  const model = makeModel(1);
  const optimizer = tf.train.sgd(LR);
  const B = batch > 0 ? Math.min(batch, data.n) : data.n;
  const batches = [];
  for (let start = 0; start < data.n; start += B) {
    const count = Math.min(B, data.n - start);
    batches.push([
      tf.tensor2d(data.xs.subarray(2 * start, 2 * (start + count)), [count, 2]),
      tf.tensor2d(data.ys.subarray(start, start + count), [count, 1])
    ]);
  }
  const lossOf = (x, y) => () => tf.losses.sigmoidCrossEntropy(y, forward(model.variables, act, x));
  const steps = batches.map(([x, y]) => lossOf(x, y));
  const tensorsBefore = tf.memory().numTensors;
  const t = timeTrainer(model.reset, (epochs) => {
    for (let e = 0; e < epochs; ++e) {
      for (const step of steps) optimizer.minimize(step, false, model.variables);
    }
  }, opts);
  const leaked = tf.memory().numTensors - tensorsBefore;
  const lossTensor = tf.tidy(steps[steps.length - 1]);
  const loss = lossTensor.dataSync()[0];
  tf.dispose([lossTensor, ...batches.flat()]);
  optimizer.dispose();
  model.dispose();
  if (leaked > 0) throw new Error(`tfjs ${name} batch ${batch}: ${leaked} tensors leaked`);
  return {
    variant: 'tfjs-wasm',
    kind: 'train',
    activation: name,
    batch: B,
    n: data.n,
    examples_per_s: data.n / t.best,
    median_examples_per_s: data.n / t.median,
    us_per_step: (t.best * 1e6) / batches.length,
    loss,
  };
}

// The probability field over an R x R grid of cell centres on [-1, 1]^2 (as
// core/nn/decision_field.h): sigmoid(forward(grid)) and dataSync(), i.e. up to a Float32Array a
// canvas can draw.
function benchField(name, resolution, opts) {
  const act = TFJS_ACTIVATIONS[name];
  const model = makeModel(1);
  const cells = resolution * resolution;
  const grid = new Float32Array(2 * cells);
  for (let r = 0; r < resolution; ++r) {
    for (let c = 0; c < resolution; ++c) {
      grid[2 * (r * resolution + c)] = -1 + ((c + 0.5) * 2) / resolution;
      grid[2 * (r * resolution + c) + 1] = 1 - ((r + 0.5) * 2) / resolution;
    }
  }
  const x = tf.tensor2d(grid, [cells, 2]);
  let values = null;
  const t = timeTrainer(() => {}, (calls) => {
    for (let i = 0; i < calls; ++i) {
      const p = tf.tidy(() => tf.sigmoid(forward(model.variables, act, x)));
      values = p.dataSync();
      p.dispose();
    }
  }, opts);
  let checksum = 0;
  for (const v of values) checksum += v;
  tf.dispose(x);
  model.dispose();
  return {
    variant: 'tfjs-wasm',
    kind: 'field',
    activation: name,
    resolution,
    points_per_s: cells / t.best,
    median_points_per_s: cells / t.median,
    ms_per_field: t.best * 1e3,
    checksum,
  };
}

// tfjs-core's Node bundle has no gradients: the union package @tensorflow/tfjs registers them
// from tfjs-core's ES sources (dist/register_all_gradients.js), whose imports have no file
// extension and whose package is not "type": "module". These hooks let Node load those sources
// as ES modules; they register into tfjs-core's global gradient registry and engine, which
// the Node bundle shares, so tf.variableGrads works without the union package.
const GRADIENT_HOOKS = `
const DIST = '/@tensorflow/tfjs-core/dist/';
export async function resolve(specifier, context, next) {
  const inDist = context.parentURL !== undefined && context.parentURL.includes(DIST);
  if (inDist && specifier.startsWith('.') && !specifier.endsWith('.js')) {
    return next(specifier + '.js', context);
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  return next(url, url.includes(DIST) ? {...context, format: 'module'} : context);
}`;

async function registerGradients() {
  register(`data:text/javascript,${encodeURIComponent(GRADIENT_HOOKS)}`);
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
}

// The wasm backend as bench:kernels loads it (one thread, like our build), plus the gradients.
export async function initTfjs() {
  await registerGradients();
  return initTfjsBackend();
}

// Every TF.js activation at batch 10 and a 256^2 field; relu and tanh also at batch 32, full
// batch and 128^2 (all of them with `all`). Returns records shaped like train_bench's lines.
export function benchTfjsTrain(
    {sampleMs = 100, samples = 5, cpuClock = false, all = false, only = ''} = {}) {
  const data = makeCircle(500, 0.1, 1);
  const opts = {sampleMs, samples, cpuClock};
  // A first untimed pass so that V8 has compiled TF.js's hot paths before the first record
  // (without it the first case measured ~35% slower than the same case later).
  benchTrain('relu', 10, data, {sampleMs: 100, samples: 3, cpuClock});
  benchField('relu', 128, {sampleMs: 50, samples: 1, cpuClock});
  const records = [];
  for (const name of Object.keys(TFJS_ACTIVATIONS)) {
    if (only && name !== only) continue;
    const extra = all || name === 'relu' || name === 'tanh';
    for (const batch of extra ? [10, 32, 0] : [10])
      records.push(benchTrain(name, batch, data, opts));
    for (const res of extra ? [256, 128] : [256]) records.push(benchField(name, res, opts));
  }
  return records;
}
