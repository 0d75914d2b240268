// Input features and the MSE loss through the JS API: a model file with "features" and "loss":
// "mse" predicts from raw points (checked in double), trains, and exports losslessly; targets
// outside [0, 1] are an error for bce only; arenas with features and regression datasets report
// R² and null accuracy, and a linear network on x1², x2² separates the circle.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const lab = await loadReluLab();

const FEATURES = {
  x1: (a, b) => a,
  x2: (a, b) => b,
  x1sq: (a) => a * a,
  x2sq: (a, b) => b * b,
  x1x2: (a, b) => a * b,
  sinx1: (a) => Math.sin(a),
  sinx2: (a, b) => Math.sin(b),
};

const MODEL = {
  format: 'relu-lab/model',
  version: 3,
  inputs: 2,
  features: ['x1sq', 'x1x2', 'sinx2'],
  loss: 'mse',
  layers: [
    {units: 2, activation: 'tanh', W: [[0.5, -0.25, 1], [1, 0.75, -0.5]], b: [0.1, -0.2]},
    {units: 1, activation: 'linear', W: [[1.5, -2]], b: [0.05]},
  ],
};
const X = Float32Array.of(0.5, 0.5, -0.5, 0.25, 0.1, -0.8, -0.6, -0.6, 3, -2, 0, 0.3);
const TARGETS = Float32Array.of(1.5, -0.2, 0.7, -3, 0.25, 0);

// Trains whole epochs, across as many calls as the work budget needs.
function trainEpochs(arena, epochs) {
  for (let done = 0; done < epochs;) done += arena.train(epochs - done).epochs;
}

// The model's output in double from its JSON, features computed from the raw point.
function outputOf(model, x0, x1) {
  let a = model.features.map((f) => FEATURES[f](x0, x1));
  model.layers.forEach((layer, l) => {
    const z = layer.W.map((row, o) => row.reduce((s, w, i) => s + w * a[i], layer.b[o]));
    a = l + 1 < model.layers.length ? z.map(Math.tanh) : z;
  });
  return a[0];
}

test('a features + mse model predicts from raw points as its file says', () => {
  const net = lab.networkFromJSON(MODEL);
  const out = net.predict(X);
  for (let b = 0; b < 6; ++b) {
    const want = outputOf(MODEL, X[2 * b], X[2 * b + 1]);
    assert.ok(Math.abs(out[b] - want) <= 1e-5 * (1 + Math.abs(want)), `${b}: ${out[b]} vs ${want}`);
  }
  net.delete();
});

test('mse: the loss is the mean of (z - t)^2 and its gradient matches central differences', () => {
  const net = lab.networkFromJSON(MODEL);
  const {loss, logits, grads} = net.lossAndGradients(X, TARGETS);
  const mse = (model) => {
    let s = 0;
    for (let b = 0; b < 6; ++b) s += (outputOf(model, X[2 * b], X[2 * b + 1]) - TARGETS[b]) ** 2;
    return s / 6;
  };
  assert.ok(Math.abs(loss - mse(MODEL)) <= 1e-5 * mse(MODEL));
  assert.equal(logits.length, 6);
  const h = 1e-6;
  for (const [o, i] of [[0, 0], [0, 2], [1, 1], [1, 2]]) {
    const up = structuredClone(MODEL), down = structuredClone(MODEL);
    up.layers[0].W[o][i] += h;
    down.layers[0].W[o][i] -= h;
    const numeric = (mse(up) - mse(down)) / (2 * h);
    const got = grads.layers[0].W[o][i];
    assert.ok(Math.abs(got - numeric) <= 1e-4 * (1 + Math.abs(numeric)), `W0[${o}][${i}]`);
  }
  net.delete();
});

test(
    'mse trains on any finite target and exports losslessly; bce refuses targets outside [0, 1]',
    () => {
      const net = lab.networkFromJSON(MODEL);
      const before = net.lossAndGradients(X, TARGETS).loss;
      const result = net.train(X, TARGETS, {optimizer: 'adam', lr: 0.05, steps: 200});
      assert.equal(result.steps, 200);
      assert.ok(net.lossAndGradients(X, TARGETS).loss < before / 2);
      const file = net.toJSON();
      assert.equal(file.version, 3);
      assert.deepEqual(file.features, MODEL.features);
      assert.equal(file.loss, 'mse');
      const again = lab.networkFromJSON(file);
      assert.deepEqual(again.predict(X), net.predict(X));
      assert.deepEqual(again.toJSON(), file);
      assert.throws(
          () => net.train(X, Float32Array.of(0, 1, NaN, 0, 1, 0)),
          /labels\[2\]: expected a finite target \(loss mse\), got NaN/);
      const bce = lab.networkFromJSON({...MODEL, loss: 'bce'});
      assert.throws(
          () => bce.lossAndGradients(X, TARGETS),
          /net.lossAndGradients: labels\[0\]: expected a value in \[0, 1\] \(loss bce\), got 1.5/);
      for (const n of [net, again, bce]) n.delete();
    });

test('model files: features and loss need version 3 and name the field when wrong', () => {
  assert.throws(() => lab.networkFromJSON({...MODEL, version: 1}), /features: needs "version": 3/);
  assert.throws(
      () => lab.networkFromJSON({...MODEL, features: ['x1', 'cos']}),
      /features\[1\]: unknown feature "cos"/);
  assert.throws(() => lab.networkFromJSON({...MODEL, loss: 'huber'}), /loss: unknown loss "huber"/);
});

test('a linear network on x1sq, x2sq separates the circle; on x1, x2 it stays near chance', () => {
  const accuracy = (features) => {
    const arena = lab.createArena({dataset: 'circle', activations: ['linear'], features});
    trainEpochs(arena, 200);
    const {testAccuracy, r2} = arena.metrics()[0];
    assert.equal(r2, null);
    arena.delete();
    return testAccuracy;
  };
  const squares = accuracy(['x1sq', 'x2sq']);
  const plain = accuracy(['x1', 'x2']);
  assert.ok(squares >= 0.95, `x1sq, x2sq: ${squares}`);
  assert.ok(plain <= 0.7, `x1, x2: ${plain}`);
});

test('regression arenas: MSE loss, R², null accuracy, value fields by default', () => {
  const arena = lab.createArena({dataset: 'reg-plane', activations: ['relu', 'tanh']});
  assert.equal(arena.data().regression, true);
  trainEpochs(arena, 200);
  for (const m of arena.metrics()) {
    assert.equal(m.testAccuracy, null);
    assert.equal(m.trainAccuracy, null);
    assert.ok(m.r2 >= 0.97, `${m.activation}: R² ${m.r2}`);
  }
  const field = arena.field(0, 32);
  assert.equal(field.length, 32 * 32);
  assert.ok(Math.min(...field) < -0.5 && Math.max(...field) > 0.5);  // the plane's tilt
  assert.throws(() => arena.field(0, 32, 'probability'), /"probability" is for classification/);
  arena.delete();
});

test('the Gaussian regression with the default 8-8 network: R² >= 0.5 after 200 epochs', () => {
  // Measured on seed 1: relu 0.757, tanh 0.720, elu 0.799, leaky_relu 0.792.
  const arena = lab.createArena({dataset: 'reg-gauss', activations: ['relu', 'tanh', 'elu']});
  assert.deepEqual(arena.settings().layers, [8, 8]);
  trainEpochs(arena, 200);
  for (const m of arena.metrics()) assert.ok(m.r2 >= 0.5, `${m.activation}: R² ${m.r2}`);
  arena.delete();
});

test('a many-seed study of a regression: R² outcome and epochs to an R² target', async () => {
  const study = await import(new URL('js/seed-study.mjs', dist).href);
  const comparison = await study.compareSeeds(
      lab, {dataset: 'reg-plane', activations: ['relu', 'linear']},
      {seeds: 3, epochs: 30, target: 0.95});
  for (const seedRecords of comparison.records) {
    for (const r of seedRecords) {
      assert.equal(r.testAccuracy, null);
      assert.ok(r.r2 > 0.9, `${r.activation} seed ${r.seed}: R² ${r.r2}`);
      assert.ok(Number.isInteger(r.epochsToTarget), `${r.activation}: ${r.epochsToTarget}`);
    }
  }
  const [relu, linear] = study.summarize(comparison, {outcome: 'r2'});
  assert.ok(relu.stats && linear.stats);
  assert.ok(linear.versus, 'paired against the reference');
  // A classification has no R²: the outcome does not apply there.
  const circle = await study.compareSeeds(
      lab, {dataset: 'circle', activations: ['relu']}, {seeds: 2, epochs: 2});
  assert.equal(study.summarize(circle, {outcome: 'r2'})[0].stats, null);
});
