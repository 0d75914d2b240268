// The trainer's JS API on both builds: networks from model JSON (predict vs a closed
// form in double, gradients vs central differences of a double loss through predict, training,
// errors), arenas (learning, determinism, clamping with warnings, errors, fields, data) and
// the lifetime rule of zero-copy views.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

// RELU_LAB_DIST (a folder) lets a developer point at another build of dist/.
const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);

const MODEL = {
  format: 'relu-lab/model',
  version: 1,
  inputs: 2,
  layers: [
    {units: 3, activation: 'tanh', W: [[0.5, -0.25], [1, 0.75], [-0.5, 0.3]], b: [0.1, -0.2, 0]},
    {
      units: 2,
      activation: 'prelu',
      params: {mode: 'channel'},
      W: [[1, -1, 0.5], [0.25, 0.5, -0.75]],
      b: [0, 0.1],
      alpha: [0.25, 0.1],
    },
    {units: 1, activation: 'linear', W: [[1.5, -2]], b: [0.05]},
  ],
};
const X = Float32Array.of(0.5, 0.5, -0.5, 0.25, 0.1, -0.8, -0.6, -0.6, 0.9, -0.1, 0, 0.3);
const LABELS = Float32Array.of(1, 0, 1, 0, 1, 0);

const f32 = Math.fround;

// The model's logit in double from its JSON (the definition: y = W x + b, W [out][in]).
function logitOf(model, x0, x1) {
  let a = [x0, x1];
  for (const layer of model.layers) {
    const z = layer.W.map((row, o) => row.reduce((s, w, i) => s + w * a[i], layer.b[o]));
    if (layer.activation === 'tanh')
      a = z.map(Math.tanh);
    else if (layer.activation === 'prelu') {
      a = z.map((v, o) => (v > 0 ? v : layer.alpha[layer.alpha.length === 1 ? 0 : o] * v));
    } else
      a = z;
  }
  return a[0];
}

// Mean binary cross-entropy with logits, in double (torch.nn.BCEWithLogitsLoss).
function bce(logits, labels) {
  let sum = 0;
  for (let i = 0; i < labels.length; ++i) {
    const l = logits[i];
    sum += Math.max(l, 0) - l * labels[i] + Math.log1p(Math.exp(-Math.abs(l)));
  }
  return sum / labels.length;
}

for (const backend of ['wasm-simd128', 'wasm-scalar']) {
  const labPromise = loadReluLab({backend});

  test(`${backend}: networkFromJSON round-trips and predicts W x + b`, async () => {
    const lab = await labPromise;
    const net = lab.networkFromJSON(MODEL);
    try {
      assert.deepEqual(net.warnings, []);
      assert.deepEqual(net.toJSON(), MODEL);
      const logits = net.predict(X);
      assert.ok(logits instanceof Float32Array);
      assert.equal(logits.length, 6);
      for (let i = 0; i < 6; ++i) {
        const expected = logitOf(MODEL, X[2 * i], X[2 * i + 1]);
        assert.ok(Math.abs(logits[i] - expected) < 1e-5, `logit ${i}: ${logits[i]} vs ${expected}`);
      }
      assert.equal(net.predict(new Float32Array(0)).length, 0);
      // A JSON string works too, and exports the same object.
      const again = lab.networkFromJSON(JSON.stringify(MODEL));
      assert.deepEqual(again.toJSON(), MODEL);
      again.delete();
    } finally {
      net.delete();
    }
  });

  test(`${backend}: lossAndGradients matches central differences of the loss`, async () => {
    const lab = await labPromise;
    const net = lab.networkFromJSON(MODEL);
    const {loss, logits, grads} = net.lossAndGradients(X, LABELS);
    net.delete();
    assert.ok(Math.abs(loss - bce(logits, LABELS)) < 1e-6 * Math.max(1, loss));
    assert.equal(grads.layers.length, 3);
    const h = 1e-2;
    const lossWith = (mutate) => {
      const model = structuredClone(MODEL);
      mutate(model);
      const p = lab.networkFromJSON(model);
      const value = bce(p.predict(X), LABELS);
      p.delete();
      return value;
    };
    let checked = 0;
    MODEL.layers.forEach((layer, l) => {
      const tensors = [['b', null, layer.b.length]];
      layer.W.forEach((row, o) => tensors.push(['W', o, row.length]));
      if (layer.alpha) tensors.push(['alpha', null, layer.alpha.length]);
      for (const [name, row, length] of tensors) {
        for (let i = 0; i < length; ++i) {
          const at = (m) => (row === null ? m.layers[l][name] : m.layers[l][name][row]);
          const w = at(MODEL)[i];
          const fd =
              (lossWith((m) => (at(m)[i] = w + h)) - lossWith((m) => (at(m)[i] = w - h))) / (2 * h);
          const g = at(grads)[i];
          const what = `layers[${l}].${name}${row === null ? '' : `[${row}]`}[${i}]`;
          assert.ok(
              Math.abs(g - fd) <= 3e-4 + 3e-3 * Math.abs(fd), `${what}: analytic ${g}, fd ${fd}`);
          ++checked;
        }
      }
    });
    assert.equal(checked, 6 + 3 + 6 + 2 + 2 + 2 + 1);  // every W, b and alpha
  });

  test(`${backend}: net.train lowers the loss, clamps options, rejects bad input`, async () => {
    const lab = await labPromise;
    const net = lab.networkFromJSON(MODEL);
    try {
      const before = net.lossAndGradients(X, LABELS).loss;
      const result = net.train(X, LABELS, {
        optimizer: {name: 'adam', lr: 0.05},
        batchSize: 100,
        steps: 200,
        l2: 1e-4,
      });
      assert.equal(result.steps, 200);
      assert.equal(result.finite, true);
      assert.deepEqual(result.warnings, ['batchSize 100 clamped to 6']);
      const after = net.lossAndGradients(X, LABELS).loss;
      assert.ok(after < 0.5 * before, `loss ${before} -> ${after}`);
      assert.equal(net.train(X, LABELS).steps, 1);  // defaults: sgd, one full-batch step
      assert.throws(
          () => net.train(X, LABELS, {optimizer: 'rmsprop'}),
          /^Error: net.train: optimizer: unknown optimizer "rmsprop"/);
      assert.throws(
          () => net.train(X, LABELS, {steps: 1.5}),
          /net.train: steps: expected an integer, got 1.5/);
      assert.throws(
          () => net.train(X, LABELS, {lr: NaN}), /net.train: lr: NaN is not a finite number/);
      assert.throws(
          () => net.train(X, Float32Array.of(1, 0, 1, 0, 2, 0)),
          /net.train: labels\[4\]: expected a value in \[0, 1\] \(loss bce\), got 2/);
      assert.throws(
          () => net.predict([0.5, 0.5]), /net.predict: X must be a Float32Array, got an array/);
      assert.throws(
          () => net.predict(new Float32Array(3)), /X must hold \(x, y\) pairs: length 3 is odd/);
      assert.throws(
          () => net.lossAndGradients(X, new Float32Array(5)),
          /labels has 5 values, X has 6 examples/);
      assert.throws(
          () => net.lossAndGradients(X, [1, 0, 1, 0, 1, 0]), /labels must be a Float32Array/);
    } finally {
      net.delete();
    }
    assert.throws(() => net.predict(X), /net.predict: the network was deleted/);
    net.delete();  // twice is harmless
  });

  test(`${backend}: invalid models throw an Error naming the field`, async () => {
    const lab = await labPromise;
    const broken = (mutate) => {
      const model = structuredClone(MODEL);
      mutate(model);
      return () => lab.networkFromJSON(model);
    };
    assert.throws(
        broken((m) => m.layers[1].W.pop()),
        /^Error: networkFromJSON: layers\[1\].W: expected 2 rows, got 1$/);
    assert.throws(
        broken((m) => (m.layers[0].W[2][1] = 'x')),
        /networkFromJSON: layers\[0\].W\[2\]\[1\]: expected a number, got a string/);
    assert.throws(
        broken((m) => (m.layers[0].W[2][1] = NaN)),
        /networkFromJSON: layers\[0\].W\[2\]\[1\]: NaN is not a finite number/);
    assert.throws(
        broken((m) => m.layers[1].alpha.pop()),
        /layers\[1\].alpha: expected 2 values \(mode channel\), got 1/);
    assert.throws(
        broken((m) => (m.layers[2].activation = 'relu')),
        /layers\[2\].activation: the output layer must be linear/);
    assert.throws(broken((m) => (m.version = 4)), /version: unsupported version 4/);
    assert.throws(
        () => lab.networkFromJSON('{"format": '), /networkFromJSON: invalid JSON at byte 11/);
    // Typed-array rows are accepted as numbers.
    const typed = structuredClone(MODEL);
    typed.layers[0].W = typed.layers[0].W.map((row) => Float32Array.from(row));
    const net = lab.networkFromJSON(typed);
    assert.deepEqual(net.toJSON(), MODEL);
    net.delete();
  });

  test(`${backend}: an arena learns the circle in 50 epochs; linear does not`, async () => {
    const lab = await labPromise;
    const arena = lab.createArena({points: 200, activations: ['relu', 'tanh', 'linear']});
    try {
      const start = arena.metrics();
      assert.equal(start.length, 3);
      assert.ok(start.every((m) => m.epoch === 0));
      arena.train(50);
      const end = arena.metrics();
      for (const i of [0, 1]) {
        assert.equal(end[i].epoch, 50);
        assert.ok(end[i].testAccuracy >= 0.95, `${end[i].label}: ${end[i].testAccuracy}`);
        assert.ok(end[i].trainLoss < start[i].trainLoss);
      }
      assert.ok(end[2].testAccuracy < 0.8, `linear: ${end[2].testAccuracy}`);
      assert.deepEqual(Object.keys(end[0]).sort(), [
        'activation',
        'activeFraction',
        'alphas',
        'deadMask',
        'deadPerLayer',
        'deadUnits',
        'diverged',
        'divergedAt',
        'epoch',
        'gradNorm',
        'gradNormPerLayer',
        'label',
        'meanActivation',
        'r2',
        'silentTestMask',
        'sparsity',
        'testAccuracy',
        'testLoss',
        'trainAccuracy',
        'trainLoss',
        'trainR2',
        'units'
      ]);
      assert.deepEqual(end[0].deadMask.map((layer) => layer.length), [8, 8]);
      assert.equal(end[0].deadMask.flat().filter((dead) => dead).length, end[0].deadUnits);
      assert.equal(end[0].units, 16);
      assert.equal(end[0].diverged, false);
      assert.equal(end[0].divergedAt, null);
    } finally {
      arena.delete();
    }
  });

  test(`${backend}: a diverging network says when and stops; the others go on`, async () => {
    const lab = await labPromise;
    const arena = lab.createArena({optimizer: 'sgd', lr: 10, points: 200, batchSize: 200});
    try {
      arena.train(20);
      const metrics = arena.metrics();
      const diverged = metrics.filter((m) => m.diverged);
      const healthy = metrics.filter((m) => !m.diverged);
      assert.ok(diverged.length > 0 && healthy.length > 0, JSON.stringify(metrics));
      for (const m of diverged) {
        assert.ok(Number.isInteger(m.divergedAt) && m.divergedAt >= 1 && m.divergedAt <= 20);
        assert.equal(m.epoch, m.divergedAt - 1, `${m.label} stops at the last good epoch`);
      }
      for (const m of healthy) assert.equal(m.epoch, 20);
      arena.train(1);  // still no crash, diverged ones stay put
      assert.deepEqual(
          arena.metrics().filter((m) => m.diverged).map((m) => m.epoch),
          diverged.map((m) => m.epoch));
    } finally {
      arena.delete();
    }
  });

  test(`${backend}: two arenas with the same settings are bit-identical`, async () => {
    const lab = await labPromise;
    const settings =
        {dataset: 'xor', points: 150, seed: 9, noise: 0.1, activations: ['relu', 'prelu', 'gelu']};
    const [a, b] = [lab.createArena(settings), lab.createArena(settings)];
    try {
      a.train(7);
      b.train(7);
      assert.deepEqual(a.metrics(), b.metrics());
      for (let i = 0; i < 3; ++i) {
        assert.deepEqual(a.field(i, 48, 'logit'), b.field(i, 48, 'logit'));
      }
      assert.deepEqual(a.data(), b.data());
      assert.equal(a.metrics()[1].alphas.length, 2);
    } finally {
      a.delete();
      b.delete();
    }
  });

  test(`${backend}: train() takes epochs or steps, with a target; the sugar calls it`, async () => {
    const lab = await labPromise;
    const settings = {points: 130, batchSize: 16, activations: ['relu', 'linear'], seed: 5};
    const general = lab.createArena(settings);
    const sugar = lab.createArena(settings);
    try {
      // 65 train rows in batches of 16: 5 steps per epoch.
      assert.deepEqual(general.train({steps: 7}), {epochs: 1, steps: 7, complete: true});
      assert.deepEqual(sugar.trainSteps(7), {epochs: 1, steps: 7, complete: true});
      const reached = general.train({epochs: 4, target: 0.8});
      assert.deepEqual(sugar.trainToTarget(4, 0.8), reached);
      assert.equal(reached.steps, 4 * 5 - 2);  // a partly trained epoch counts as the first
      assert.equal(reached.reached.length, 2);
      assert.equal(reached.reached[1], null);  // linear never separates the circle
      assert.deepEqual(general.train({steps: 3, target: 0.8}).reached, reached.reached);
      assert.deepEqual(general.metrics(), sugar.train({steps: 3}) && sugar.metrics());
      assert.throws(
          () => general.train({epochs: 1, steps: 1}),
          /arena.train: give epochs or steps, not both/);
      assert.throws(() => general.train({epoch: 1}), /arena.train: unknown key epoch/);
      assert.throws(() => general.train({steps: -1}), /arena.train: steps: -1 is outside/);
      assert.throws(
          () => general.train({epochs: 1, target: '1'}), /arena.train: target must be a number/);
      assert.throws(
          () => general.train({epochs: 1, target: 2}), /arena.train: target: must be in 0..1/);
    } finally {
      general.delete();
      sugar.delete();
    }
  });

  test(`${backend}: settings are clamped with warnings; malformed ones throw`, async () => {
    const lab = await labPromise;
    const arena = lab.createArena({lr: 1000, points: 3, layers: [4, 99], foo: 1});
    const used = arena.settings();
    arena.delete();
    assert.equal(used.lr, 10);
    assert.equal(used.points, 10);
    assert.deepEqual(used.layers, [4, 16]);
    assert.deepEqual(used.warnings, [
      'foo: unknown key, ignored', 'points 3 clamped to 10', 'layers[1] 99 clamped to 16',
      'lr 1000 clamped to 10'
    ]);
    // The settings in use, passed back, give the same settings and no warnings.
    const again = lab.createArena(used);
    assert.deepEqual(again.settings(), {...used, warnings: []});
    again.delete();
    const defaults = lab.createArena();
    const s = defaults.settings();
    defaults.delete();
    assert.deepEqual(s.warnings, []);
    assert.equal(s.dataset, 'circle');
    assert.equal(s.activations.length, 10);
    const cases = [
      [{dataset: 'blob'}, /^Error: createArena: dataset: unknown dataset "blob"/],
      [{lr: NaN}, /createArena: lr: NaN is not a finite number/],
      [{lr: Infinity}, /createArena: lr: Infinity is not a finite number/],
      [{noise: '0.1'}, /createArena: noise: expected a number, got a string/],
      [{layers: [8, 2.5]}, /createArena: layers\[1\]: expected an integer, got 2.5/],
      [
        {activations: ['relu', 'swish']},
        /createArena: activations\[1\]: unknown activation "swish"/
      ],
      [
        {activations: [{activation: 'leaky_relu', params: {slope: 'x'}}]},
        /activations\[0\].params.slope: expected a number, got a string/
      ],
      [{optimizer: {name: 'adam', beta1: null}}, /optimizer.beta1: expected a number, got null/],
      [{seed: -1}, /createArena: seed: -1 is outside 0..9007199254740991/],
      [{batchSize: () => 1}, /createArena: batchSize: a function is not JSON data/],
      [[], /createArena: settings must be an object, got an array/],
    ];
    for (const [settings, pattern] of cases) {
      assert.throws(() => lab.createArena(settings), pattern, JSON.stringify(settings));
    }
  });

  test(`${backend}: fields, unit fields and data have the documented layout`, async () => {
    const lab = await labPromise;
    const arena =
        lab.createArena({points: 100, trainFraction: 0.3, layers: [5], activations: ['relu']});
    try {
      arena.train(3);
      const p = arena.field(0, 32);
      const logit = arena.field(0, 32, 'logit');
      assert.equal(p.length, 32 * 32);
      for (let i = 0; i < p.length; ++i) {
        assert.ok(Math.abs(p[i] - 1 / (1 + Math.exp(-logit[i]))) < 1e-6, `cell ${i}`);
      }
      // The exported model predicts the logit field at the cell centres, row 0 at the top.
      const net = lab.networkFromJSON(arena.model(0));
      const grid = new Float32Array(2 * 32 * 32);
      for (let r = 0; r < 32; ++r) {
        for (let c = 0; c < 32; ++c) {
          grid[2 * (r * 32 + c)] = f32(-1 + (c + 0.5) * (2 / 32));
          grid[2 * (r * 32 + c) + 1] = f32(1 - (r + 0.5) * (2 / 32));
        }
      }
      const predicted = net.predict(grid);
      net.delete();
      for (let i = 0; i < predicted.length; ++i) {
        assert.ok(
            Math.abs(predicted[i] - logit[i]) <= 1e-5, `cell ${i}: ${predicted[i]} vs ${logit[i]}`);
      }
      assert.throws(() => arena.model(1), /arena.model: index: 1 is outside 0..0/);
      const unit = arena.unitField(0, 0, 4, 32);
      assert.equal(unit.length, 1024);
      assert.ok(unit.every((v) => v >= 0), 'relu unit outputs are >= 0');
      // The output layer's only unit is the logit.
      assert.deepEqual(arena.unitField(0, 1, 0, 32), logit);
      assert.throws(() => arena.field(0, 16), /arena.field: resolution/);
      assert.throws(() => arena.field(1, 32), /arena.field: index: 1 is outside 0..0/);
      assert.throws(
          () => arena.field(0, 32, 'odds'), /kind: expected "probability", "logit" or "value"/);
      assert.throws(() => arena.field(0.5, 32), /arena.field: index must be an integer, got 0.5/);
      assert.throws(() => arena.unitField(0, 0, 5, 32), /arena.unitField: /);
      assert.throws(() => arena.train(-1), /arena.train: epochs: -1 is outside/);
      const {points, labels, trainCount, halfWidth} = arena.data();
      assert.equal(points.length, 200);
      assert.equal(labels.length, 100);
      assert.equal(trainCount, 30);
      assert.equal(halfWidth, 1);
      assert.ok(labels.every((y) => y === 0 || y === 1));
      assert.ok(points.every((v) => Math.abs(v) <= 1));
    } finally {
      arena.delete();
    }
    assert.throws(() => arena.metrics(), /arena.metrics: the arena was deleted/);
  });

  test(`${backend}: a field view is valid until the next call that grows memory`, async () => {
    const lab = await labPromise;
    const arena = lab.createArena({points: 100, activations: ['tanh']});
    const view = arena.fieldView(0, 64, 'logit');
    assert.equal(view.length, 64 * 64);
    assert.deepEqual(Float32Array.from(view), arena.field(0, 64, 'logit'));
    // 2^20 examples need ~16 MB of staging buffers: wasm memory grows and detaches old views.
    const net = lab.networkFromJSON(MODEL);
    net.predict(new Float32Array(2 << 20));
    net.delete();
    assert.equal(view.length, 0, 'the old view is detached after memory growth');
    const fresh = arena.fieldView(0, 64, 'logit');
    assert.deepEqual(Float32Array.from(fresh), arena.field(0, 64, 'logit'));
    arena.delete();
  });

  test(`${backend}: an arena from given points, dropout, batch norm, linear regions`, async () => {
    const lab = await labPromise;
    // A preset's own rows, given back in raw units: the same data set (the split reshuffles).
    const preset = lab.createArena({points: 60, scaleInputs: false, activations: ['relu']});
    const {points, labels} = preset.data();
    preset.delete();
    const given = lab.createArena({
      data: {points, labels},  // a flat Float32Array works as well as [[x, y], ...]
      scaleInputs: false,
      activations: ['relu', 'relu', 'tanh'],
      dropout: 0.2,
      batchNorm: true,
    });
    try {
      const data = given.data();
      const key = (p, i) => `${p[2 * i]},${p[2 * i + 1]},`;
      const rows = (d) =>
          Array.from({length: d.labels.length}, (_, i) => key(d.points, i) + d.labels[i]).sort();
      assert.deepEqual(rows(data), rows({points, labels}));
      const settings = given.settings();
      assert.equal(settings.points, 60);
      assert.equal(settings.data.points.length, 60);
      assert.deepEqual(settings.warnings, []);
      given.train(5);
      const [a, b] = given.metrics();
      assert.deepEqual({...a, label: ''}, {...b, label: ''}, 'same masks in every panel');
      assert.equal(given.model(0).version, 2);
      const regions = given.regions(0, 64);
      assert.equal(regions.resolution, 64);
      assert.ok(regions.count >= 1);
      assert.equal(regions.ids.length, 64 * 64);
      assert.equal(Math.max(...regions.ids) + 1, regions.count);
      assert.equal(regions.borders.length, 64 * 64);
      const smooth = given.regions(2, 64);
      assert.equal(smooth.count, null);
      assert.match(smooth.explanation, /tanh is smooth/);
      assert.throws(() => given.regions(3, 64), /arena.regions: index: 3 is outside 0..2/);
    } finally {
      given.delete();
    }
    assert.throws(
        () => lab.createArena({data: {points: [[0, 0]], labels: [0]}}),
        /createArena: data.labels: 1 rows is outside 10..5000/);
    assert.throws(
        () => lab.createArena(
            {data: {points: new Float32Array(20).fill(7), labels: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]}}),
        /createArena: data.points\[0\]\[0\]: must be finite and within \[-6, 6\]/);
  });

  // torch.nn.BatchNorm1d raises for a training batch of one; so does core, naming the setting.
  test(`${backend}: batch norm refuses a mini-batch of one example, named`, async () => {
    const lab = await labPromise;
    const base = {points: 500, trainFraction: 0.5, activations: ['relu'], batchNorm: true};
    assert.throws(() => lab.createArena({...base, batchSize: 1}), {
      message:
          /^createArena: batchNorm: batchSize 1 makes every mini-batch one example, which has no batch statistics \(torch.nn.BatchNorm1d refuses it in training\): use a batchSize of at least 2$/
    });
    assert.throws(() => lab.createArena({...base, batchSize: 3}), {
      message:
          /^createArena: batchNorm: the last mini-batch of each epoch holds one example \(250 rows in batches of 3\)/
    });
    const fine = lab.createArena({...base, batchSize: 4});
    fine.train(1);
    assert.ok(Number.isFinite(fine.metrics()[0].trainLoss));
    fine.delete();
    lab.createArena({...base, batchNorm: false, batchSize: 1}).delete();
    // A model file with batch norm, trained by net.train.
    const net = lab.networkFromJSON({
      format: 'relu-lab/model',
      version: 2,
      inputs: 2,
      layers: [
        {
          units: 2,
          activation: 'relu',
          W: [[0.5, -0.25], [1, 0.75]],
          b: [0.1, -0.2],
          batchNorm: {gamma: [1, 1], beta: [0, 0], runningMean: [0, 0], runningVar: [1, 1]},
        },
        {units: 1, activation: 'linear', W: [[1.5, -1]], b: [0.05]},
      ],
    });
    try {
      const X = Float32Array.from({length: 12}, (_, i) => (i % 5) / 5 - 0.4);
      const labels = Float32Array.of(0, 1, 0, 1, 0, 1);
      assert.throws(() => net.train(X, labels, {batchSize: 5}), {
        message:
            /^net.train: batchNorm: the last mini-batch of each epoch holds one example \(6 rows in batches of 5\)/
      });
      assert.throws(
          () => net.train(X.subarray(0, 2), labels.subarray(0, 1)),
          {message: /^net.train: batchNorm: one training example is a batch of one/});
      assert.equal(net.train(X, labels, {batchSize: 4, steps: 2}).steps, 2);
    } finally {
      net.delete();
    }
  });
}
