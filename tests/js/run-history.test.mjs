// A run's history (js/run-history.mjs): the thinning schedule and its memory bound over a long
// run, and fields recomputed from kept weights equal to the live fields bit for bit.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const {RunHistory, HISTORY_DENSE_EPOCHS, HISTORY_MAX_ENTRIES, fieldAt, withEntry} =
    await import(new URL('js/run-history.mjs', dist).href);

const sameBits = (a, b) =>
    a.length === b.length && Buffer.compare(Buffer.from(a.buffer), Buffer.from(b.buffer)) === 0;

test('a 100,000-epoch run of 10 networks keeps at most 600 entries, under 5 MB', () => {
  const history = new RunHistory();
  // The default 2-8-8-1 network has 105 parameters; metrics as the arena reports them.
  const params = Array.from({length: 10}, () => new Float32Array(105));
  const metrics =
      Array.from({length: 10}, () => ({
                                 epoch: 0,
                                 trainLoss: 0.123456789,
                                 testLoss: 0.123456789,
                                 trainAccuracy: 0.99,
                                 testAccuracy: 0.98,
                                 deadUnits: 3,
                                 deadPerLayer: [1, 2],
                                 deadMask: [Array(8).fill(false), Array(8).fill(true)],
                                 silentTestMask: [Array(8).fill(false), Array(8).fill(true)],
                                 alphas: [[], []],
                               }));
  let kept = 0;
  for (let epoch = 0; epoch <= 100000; ++epoch) {
    if (history.wants(epoch)) {
      history.record(epoch, params, metrics);
      kept += 1;
    }
  }
  const epochs = history.epochs();
  const {entries, bytes} = history.memory();
  console.log(
      `100,000 epochs: ${entries} entries, ${(bytes / 1e6).toFixed(2)} MB, ` +
      `${Math.round(bytes / entries / 10)} bytes per network per kept epoch`);
  assert.ok(entries <= HISTORY_MAX_ENTRIES);
  assert.ok(bytes < 5e6);
  assert.ok(bytes / entries / 10 < 1500);
  assert.equal(kept, entries);  // nothing thinned yet at this length
  for (let e = 0; e <= HISTORY_DENSE_EPOCHS; ++e) assert.equal(epochs[e], e);
  assert.ok(epochs.every((e, i) => i === 0 || e > epochs[i - 1]));
  // Log-spaced beyond the dense part: gaps grow, the last one within 4% of its epoch.
  assert.ok(epochs.at(-1) > 96000);
  const gaps = epochs.slice(HISTORY_DENSE_EPOCHS).map((e, i, a) => (i ? e - a[i - 1] : 1));
  assert.ok(gaps.at(-1) / epochs.at(-1) < 0.04);
});

test('past the cap the log grid is halved: the count stays bounded for ever', () => {
  const history = new RunHistory();
  const params = [new Float32Array(4)];
  // Every epoch to 10^5, then only the points of the finest grid (the only ones ever kept).
  const late = Array.from({length: 450}, (_, k) => Math.round(200 * 10 ** ((k + 173) / 64)));
  for (const epoch of [...Array(1e5).keys(), ...late]) {
    if (history.wants(epoch)) history.record(epoch, params, [{}]);
    assert.ok(history.entries.length <= HISTORY_MAX_ENTRIES);
  }
  assert.ok(history.perDecade < 64);
  assert.equal(history.epochs()[HISTORY_DENSE_EPOCHS], HISTORY_DENSE_EPOCHS);
  history.truncate(150);
  assert.deepEqual(history.memory().last, 150);
});

for (const backend of ['wasm-simd128', 'wasm-scalar']) {
  test(`${backend}: a kept epoch's field equals the live field then, bit for bit`, async () => {
    const lab = await loadReluLab({backend});
    const arena = lab.createArena(
        {activations: ['relu', 'prelu', 'gelu', 'tanh'], points: 200, batchSize: 10});
    const history = new RunHistory();
    const live = new Map();  // epoch -> live fields
    history.recordArena(arena, 0);
    live.set(0, [0, 1, 2, 3].map((i) => arena.field(i, 64)));
    for (const epoch of [1, 2, 5, 12]) {
      arena.train(epoch - arena.metrics()[0].epoch);
      assert.ok(history.recordArena(arena, epoch));
      live.set(epoch, [0, 1, 2, 3].map((i) => arena.field(i, 64)));
    }
    const finalField = arena.field(1, 64);
    for (const [epoch, fields] of live) {
      for (let i = 0; i < 4; ++i) {
        assert.ok(sameBits(fieldAt(arena, history, i, epoch, 64), fields[i]), `${epoch}/${i}`);
      }
      assert.deepEqual(history.at(epoch).metrics[0].epoch, epoch);
    }
    // The live weights are back: the field and further training are as if nothing happened.
    assert.ok(sameBits(arena.field(1, 64), finalField));
    assert.equal(fieldAt(arena, history, 0, 3, 64), null);  // not kept
    assert.throws(() => withEntry(arena, history.at(2), () => {
                    throw new Error('boom');
                  }), /boom/);
    assert.ok(sameBits(arena.field(1, 64), finalField));
    // Errors name the call and the field.
    assert.throws(() => arena.setParams(9, new Float32Array(3)), /arena.setParams: index: 9/);
    assert.throws(
        () => arena.setParams(0, new Float32Array(3)),
        /arena.setParams: params: expected \d+ floats, got 3/);
    assert.throws(() => arena.setParams(0, [1, 2]), /params must be a Float32Array/);
    const bad = arena.params(0);
    bad[2] = NaN;
    assert.throws(() => arena.setParams(0, bad), /arena.setParams: params\[2\]: not finite/);
    arena.delete();
  });
}
