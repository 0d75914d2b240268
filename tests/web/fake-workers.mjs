// Stand-ins for trainer workers, so that the WorkerPool's scheduling runs in Node: each records
// what the pool sends it, and a test answers for it (say()) as worker.js would.
import {PagePool} from '../../web/trainer/page-pool.js';
import {msg} from '../../web/trainer/protocol.js';
import {setWorkerFactory} from '../../web/trainer/start-worker.js';

export class FakeWorker {
  constructor() {
    this.sent = [];
    this.onmessage = null;
    this.onerror = null;
    this.terminated = false;
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** The messages of `type` the pool sent since the last take(), oldest first. */
  take(type) {
    const taken = this.sent.filter((m) => m.type === type);
    this.sent = this.sent.filter((m) => m.type !== type);
    return taken;
  }
  say(message) {
    this.onmessage({data: message});
  }
}

export const SCHEMA = {
  limits: {maxNetworks: 12, minFieldResolution: 16}
};

/**
 * A pool of `size` fake workers, loaded; `heard` collects what it tells the page.
 * @returns {{pool: PagePool, workers: FakeWorker[], heard: object[]}}
 */
export function fakePool(size) {
  const workers = [];
  setWorkerFactory(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  const pool = new PagePool({size, backend: 'auto'});
  setWorkerFactory(null);
  const heard = [];
  pool.onmessage = ({data}) => heard.push(data);
  for (const worker of workers) worker.say(msg.loaded('wasm-simd128', SCHEMA));
  return {pool, workers, heard};
}

/** A worker's 'created' for panels `names`, with `trainCount` rows at `batchSize`. */
export function created(generation, names, trainCount = 10, batchSize = 5) {
  const panels = names.map((activation) => ({activation}));
  return msg.created({
    generation,
    settings: {batchSize, activations: panels, warnings: []},
    panels,
    data: {trainY: new Array(trainCount).fill(0), domain: [-1, 1]},
  });
}

/** A worker's frame of `panels` panels after `steps` optimizer steps. */
export function frame(generation, steps, panels, {resolution = 64, trainMs = 1} = {}) {
  return msg.frame(generation, {
    steps,
    epochs: steps,
    resolution,
    metrics: Array.from({length: panels}, () => ({epoch: steps})),
    fields: Array.from({length: panels}, () => new Float32Array(4)),
    trainMs,
    fieldMs: 1,
    computeMs: 2,
    postedAt: 0,
    time: {epochs: [0], shown: null, bytes: 0},
  });
}
b + 1]) - TARGETS[b]) ** 2;
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
      const net = lab.createNetwork(MODEL);
      const before = net.lossAndGradients(X, TARGETS).loss;
      const result = net.train(X, TARGETS, {optimizer: 'adam', lr: 0.05, steps: 200});
      assert.equal(result.steps, 200);
      assert.ok(net.lossAndGradients(X, TARGETS).loss < before / 2);
      const file = net.toJSON();
      assert.equal(file.version, 3);
      assert.deepEqual(file.features, MODEL.features);
      assert.equal(file.loss, 'mse');
      const again = lab.createNetwork(file);
      assert.deepEqual(again.predict(X), net.predict(X));
      assert.deepEqual(again.toJSON(), file);
      assert.throws(
          () => net.train(X, Float32Array.of(0, 1, NaN, 0, 1, 0)),
          /labels\[2\]: expected a finite target \(loss mse\), got NaN/);
      const bce = lab.createNetwork({...MODEL, loss: 'bce'});
      assert.throws(
          () => bce.lossAndGradients(X, TARGETS),
          /net.lossAndGradients: labels\[0\]: expected a value in \[0, 1\] \(loss bce\), got 1.5/);
      for (const n of [net, again, bce]) n.delete();
    });

test('model files: features and loss need version 3 and name the field when wrong', () => {
  assert.throws(() => lab.createNetwork({...MODEL, version: 1}), /features: needs "version": 3/);
  assert.throws(
      () => lab.createNetwork({...MODEL, features: ['x1', 'cos']}),
      /features\[1\]: unknown feature "cos"/);
  assert.throws(() => lab.createNetwork({...MODEL, loss: 'huber'}), /loss: unknown loss "huber"/);
});

test('a linear network on x1sq, x2sq separates the circle; on x1, x2 it stays near chance', () => {
  const accuracy = (features) => {
    const arena = lab.createArena({dataset: 'circle', activations: ['linear'], features});
    arena.train(200);
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
  arena.train(100);
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
