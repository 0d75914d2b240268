// Reliability of the JS API under careless and hostile use: forgotten delete() (finalization
// keeps memory flat), exhausted memory (a named Error, and the module keeps working), rejected
// inputs (no growth of wasm memory), errors that name the call and the field, divergence and
// the work budget of a training call.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

import {fingerprint} from './fingerprint.mjs';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);

// npm test runs node with --expose-gc; without it, V8 still hands out its gc() this way.
v8.setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? vm.runInNewContext('gc');
const MiB = 1024 * 1024;

// Collects garbage and lets the finalizers (queued as tasks) run.
async function collect() {
  for (let i = 0; i < 3; ++i) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('2000 forgotten arenas are reclaimed: wasm memory stays flat', async () => {
  const lab = await loadReluLab({backend: 'wasm-simd128'});
  const create = () => {
    lab.createArena();  // default settings (10 networks), never deleted
  };
  for (let i = 0; i < 100; ++i) create();
  await collect();
  const settled = lab.memoryBytes();
  for (let i = 1; i <= 2000; ++i) {
    create();
    if (i % 100 === 0) await collect();
  }
  await collect();
  const after = lab.memoryBytes();
  console.log(`# wasm memory after 100 cycles ${settled / MiB} MiB, after 2000 ${after / MiB} MiB`);
  // Without finalization 2000 default arenas hold ~1.6 GB; with it, at most 100 at a time.
  assert.ok(after <= settled + 16 * MiB, `${settled / MiB} -> ${after / MiB} MiB`);
  // delete() stays available and idempotent, and unregisters (no double free later).
  const arena = lab.createArena();
  arena.delete();
  arena.delete();
  await collect();
  assert.equal(fingerprint(lab), fingerprint(await loadReluLab({backend: 'wasm-simd128'})));
});

test('exhausted memory is a named Error; the module works again after delete()', async () => {
  const lab = await loadReluLab({backend: 'wasm-simd128'});
  const before = fingerprint(lab);
  const kept = [];
  let failure = null;
  while (failure === null) {
    try {
      kept.push(lab.createArena());
    } catch (error) {
      failure = error;
    }
    assert.ok(kept.length < 5000, 'memory never ran out');
  }
  console.log(`# ${kept.length} default arenas fit in ${lab.memoryBytes() / MiB} MiB`);
  assert.ok(failure instanceof Error);
  assert.match(failure.message, /^createArena: out of memory: /);
  // Other calls that need memory fail the same way, and calls that fit still work.
  assert.throws(
      () => lab.activate('relu', {}, new Float32Array(16 * MiB)),
      /^Error: activate\(relu\): out of memory/);
  assert.throws(() => kept[0].field(0, 512), /^Error: arena.field: out of memory/);
  assert.equal(kept[0].train(2).epochs, 2);
  assert.equal(kept[0].metrics()[0].epoch, 2);
  // A quarter of them back: more than the probe's 4 MiB reserve whatever an arena's size.
  for (const arena of kept.splice(0, Math.ceil(kept.length / 4))) arena.delete();
  const again = lab.createArena();
  again.delete();
  assert.equal(fingerprint(lab), before);
  for (const arena of kept) arena.delete();
});

test('rejected inputs are named and do not grow wasm memory', async () => {
  const lab = await loadReluLab({backend: 'wasm-simd128'});
  const bytes = lab.memoryBytes();
  // Oversized input is refused once the limit is passed, without reading the rest of it: the
  // arrays count the elements read, and every limit here is far below their length.
  let reads = 0;
  const counted = (array) => new Proxy(array, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) ++reads;
      return target[key];
    },
  });
  assert.throws(
      () => lab.createArena({trainFraction: counted(new Array(3e6).fill(1.5))}),
      /^Error: createArena: settings: larger than 262144 bytes/);
  assert.throws(
      () => lab.networkFromJSON(' '.repeat(16 * MiB)),
      /^Error: networkFromJSON: model text is longer than 262144 bytes/);
  assert.throws(
      () => lab.networkFromJSON({layers: counted(new Array(1e6).fill(1.5))}),
      /^Error: networkFromJSON: model: larger than 262144 bytes/);
  const net = lab.networkFromJSON({
    format: 'relu-lab/model',
    version: 1,
    inputs: 2,
    layers: [{units: 1, activation: 'linear', W: [[1, 1]], b: [0]}],
  });
  assert.throws(
      () =>
          net.train(new Float32Array(2), new Float32Array(1), {x: counted(new Array(1e6).fill(0))}),
      /^Error: net.train: options: larger than 16384 bytes/);
  net.delete();
  assert.ok(reads > 0, 'the guard read the arrays');
  assert.ok(reads <= 2 * 262144, `${reads} elements read: the guard walked past its limits`);
  assert.equal(lab.memoryBytes(), bytes);
  // The JS limits are core's (one source: the schema).
  const {JSON_LIMITS} = await import(new URL('js/json-guard.mjs', dist).href);
  assert.equal(JSON_LIMITS.settings.maxBytes, lab.schema.limits.maxSettingsBytes);
  assert.equal(JSON_LIMITS.model.maxBytes, lab.schema.limits.maxModelBytes);
  assert.equal(JSON_LIMITS.options.maxBytes, lab.schema.limits.maxOptionsBytes);
  assert.equal(JSON_LIMITS.settings.maxDepth, lab.schema.limits.maxJsonDepth);
  assert.equal(JSON_LIMITS.model.maxDepth, lab.schema.limits.maxJsonDepth);
  assert.equal(JSON_LIMITS.options.maxDepth, lab.schema.limits.maxOptionsDepth);
});

test('every error names the call and the field', async () => {
  const lab = await loadReluLab({backend: 'wasm-simd128'});
  const cyclic = {optimizer: {}};
  cyclic.optimizer.self = cyclic;
  let deep = [];
  const root = deep;
  for (let i = 0; i < 100000; ++i) deep = (deep[0] = []);
  const detached = () => {
    const array = new Float32Array(4);
    structuredClone(array.buffer, {transfer: [array.buffer]});
    return array;
  };
  class Settings {
    constructor() {
      this.lr = 0.1;
    }
  }
  const cases = [
    [() => lab.createArena(cyclic), /^createArena: optimizer\.self: refers to itself/],
    [() => lab.createArena({layers: root}), /^createArena: layers(\[0\])+: nested deeper than 16/],
    [
      () => lab.createArena(new Map([['lr', 1]])),
      /^createArena: settings must be an object|^createArena: settings: a Map/
    ],
    [() => lab.createArena({init: new Date(0)}), /^createArena: init: a Date is not JSON data/],
    [() => lab.createArena(new Settings()), /^createArena: settings: a Settings is not JSON data/],
    [
      () => lab.createArena({'\ud800': 1}),
      /^createArena: \["\\ud800"\]: a string with an unpaired surrogate/
    ],
    [
      () => lab.activate(Object.create(null), {}, new Float32Array(1)),
      /^activate: unknown activation an object without prototype/
    ],
    [() => lab.activate('relu', {}, detached()), /^activate\(relu\): x: its buffer was detached/],
    // A detached typed array reads as empty: anywhere in settings or a model it is an error.
    [() => lab.createArena({layers: detached()}), /^createArena: layers: its buffer was detached/],
    [
      () => lab.createArena({data: {points: detached(), labels: [0, 1]}}),
      /^createArena: data\.points: its buffer was detached/
    ],
    [
      () => lab.networkFromJSON({
        format: 'relu-lab/model',
        version: 1,
        inputs: 2,
        layers: [{units: 1, activation: 'linear', W: [detached()], b: [0]}],
      }),
      /^networkFromJSON: layers\[0\]\.W\[0\]: its buffer was detached/
    ],
    [
      () => lab.activate('relu', new Map(), new Float32Array(1)),
      /^activate\(relu\): params must be a plain object, got a Map/
    ],
  ];
  const net = lab.networkFromJSON({
    format: 'relu-lab/model',
    version: 1,
    inputs: 2,
    layers: [{units: 1, activation: 'linear', W: [[1, 1]], b: [0]}],
  });
  cases.push(
      [() => net.predict(detached()), /^net.predict: X: its buffer was detached/],
      [
        () => net.train(new Float32Array(8), detached()),
        /^net.train: labels: its buffer was detached/
      ],
      [
        () => net.train(new Float32Array(2), new Float32Array(1), {optimizer: new Map()}),
        /^net.train: optimizer: a Map is not JSON data/
      ],
      [
        () => lab.networkFromJSON('{"format": "\ud800"}'),
        /^networkFromJSON: model text has an unpaired surrogate/
      ]);
  try {
    for (const [run, pattern] of cases) {
      assert.throws(
          run, (error) => error instanceof Error && pattern.test(error.message), String(pattern));
    }
  } finally {
    net.delete();
  }
  // __proto__ from JSON.parse is an own key like any other: an unknown key, with a warning.
  const arena = lab.createArena(JSON.parse('{"__proto__": {}, "lr": 0.1}'));
  assert.deepEqual(arena.settings().warnings, ['__proto__: unknown key, ignored']);
  arena.delete();
});

test('divergence is flagged in the call and epoch it happens; its field is null', async () => {
  const lab = await loadReluLab({backend: 'wasm-simd128'});
  for (const [dataset, activation] of [['gauss', 'linear'], ['moons', 'leaky_relu']]) {
    const arena = lab.createArena({
      dataset,
      noise: 0.1,
      points: 200,
      layers: [8, 8],
      seed: 3,
      activations: [activation],
      optimizer: 'momentum',
      lr: 10,
      batchSize: 10,
    });
    try {
      assert.deepEqual(arena.train(1), {epochs: 1, steps: 10, complete: true});
      const [m] = arena.metrics();
      assert.equal(m.diverged, true, `${dataset}: ${JSON.stringify(m)}`);
      assert.equal(m.divergedAt, 1);
      assert.equal(arena.field(0, 64), null);
      assert.equal(arena.fieldView(0, 64), null);
      assert.equal(arena.unitField(0, 0, 0, 64), null);
    } finally {
      arena.delete();
    }
  }
});

test('a training call stays within its work budget and resumes where it stopped', async () => {
  const lab = await loadReluLab({backend: 'wasm-simd128'});
  const settings = {
    points: 5000,
    trainFraction: 0.9,
    batchSize: 1,
    layers: [16, 16, 16, 16, 16, 16],
    activations: [
      'relu', 'tanh', 'gelu', 'elu', 'leaky_relu', 'prelu', 'softplus', 'sigmoid', 'silu', 'relu',
      'tanh', 'gelu'
    ],
    lr: 0.001,
  };
  const a = lab.createArena(settings);
  const b = lab.createArena(settings);
  try {
    const start = performance.now();
    const first = a.train(100000);
    const elapsed = performance.now() - start;
    console.log(`# arena.train(100000) at the largest settings: ${JSON.stringify(first)} in ${
        elapsed.toFixed(0)} ms`);
    assert.equal(first.complete, false);
    assert.equal(first.epochs, 0);
    assert.ok(first.steps >= 1);
    // Calling again continues; trainSteps over the same steps gives the same weights.
    const second = a.train(100000);
    assert.equal(second.steps, first.steps);
    for (let k = 0; k < 2; ++k) {
      assert.deepEqual(b.trainSteps(first.steps), {epochs: 0, steps: first.steps, complete: true});
    }
    assert.deepEqual(a.model(5), b.model(5));
    assert.deepEqual(a.metrics(), b.metrics());
  } finally {
    a.delete();
    b.delete();
  }
  // net.train: full-batch steps on many examples stop at the budget.
  const net = lab.networkFromJSON({
    format: 'relu-lab/model',
    version: 1,
    inputs: 2,
    layers: [
      {
        units: 16,
        activation: 'relu',
        W: Array.from({length: 16}, (_, i) => [i / 16, -0.5]),
        b: new Array(16).fill(0.1)
      },
      {units: 1, activation: 'linear', W: [new Array(16).fill(0.1)], b: [0]},
    ],
  });
  const N = 1 << 18;
  const X = Float32Array.from({length: 2 * N}, (_, i) => Math.sin(i));
  const labels = Float32Array.from({length: N}, (_, i) => i % 2);
  const result = net.train(X, labels, {steps: 100000});
  net.delete();
  assert.equal(result.complete, false);
  assert.ok(result.steps >= 1 && result.steps < 100000, `${result.steps} steps`);
});
