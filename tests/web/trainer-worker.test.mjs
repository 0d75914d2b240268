// web/trainer/worker.js in a Node worker thread (worker-thread.mjs) with dist/'s wasm: it trains
// exactly the optimizer steps asked, never more than FRAMES_IN_FLIGHT frames ahead of the
// acknowledgements, paces itself at 'play' (a frame per display tick, stopped by a pause or its
// epoch limit), and steps asked in pieces give the numbers of the same steps asked at once. Needs a
// built dist/ (RELU_LAB_DIST: another one).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {FRAMES_IN_FLIGHT, MSG, msg} from '../../web/trainer/protocol.js';

import {workerThread} from './worker-harness.mjs';

const SETTINGS = {
  activations: ['relu', 'tanh'],
  dataset: 'xor',
  points: 100,
  seed: 7,
  layers: [6]
};

const {send, take} = workerThread();
// The next message of `type` and the messages before it (an error while waiting fails).
const next = (type) => take((m) => m.type === type);

let perEpoch;
test('it loads, builds the arena and shows it at step 0', async () => {
  send(msg.load('wasm-simd128'));
  assert.equal((await next(MSG.loaded)).message.backend, 'wasm-simd128');
  send(msg.create({generation: 1, settings: SETTINGS, view: {resolution: 32}}));
  const created = (await next(MSG.created)).message;
  perEpoch = Math.ceil(created.data.trainY.length / created.settings.batchSize);
  const first = (await next(MSG.frame)).message;
  assert.deepEqual([first.generation, first.steps, first.resolution], [1, 0, 32]);
  send(msg.drawn(1));
});

test(
    'it trains exactly the steps asked, and holds training while frames are unacknowledged',
    async () => {
      send(msg.step({steps: 5}));
      const five = (await next(MSG.frame)).message;
      assert.equal(five.steps, 5);
      assert.equal(five.epochs, 5 / perEpoch);
      for (let k = 1; k < FRAMES_IN_FLIGHT; ++k) {
        send(msg.step({steps: 1}));
        assert.equal((await next(MSG.frame)).message.steps, 5 + k);
      }
      const held = 5 + FRAMES_IN_FLIGHT - 1;
      // FRAMES_IN_FLIGHT frames wait for 'drawn': this step waits too, and a pause then drops it.
      send(msg.step({steps: 1}));
      send(msg.pause());
      const {message: paused, before} = await next(MSG.paused);
      assert.equal(paused.steps, held, 'the held step was not trained');
      assert.deepEqual(before.filter((m) => m.type === MSG.frame), []);
      // After 'paused', one frame of where it stopped (a pool's pause ends with it).
      assert.equal((await next(MSG.frame)).message.steps, held);
      for (let k = 0; k <= FRAMES_IN_FLIGHT; ++k) send(msg.drawn(1));
      send(msg.step({steps: 3}));
      assert.equal((await next(MSG.frame)).message.steps, held + 3);
      send(msg.drawn(1));
    });

test('steps asked in pieces give the numbers of the same steps asked at once', async () => {
  const total = 5 + FRAMES_IN_FLIGHT - 1 + 3;
  send(msg.create({generation: 2, settings: SETTINGS, view: {resolution: 32}}));
  await next(MSG.created);
  await next(MSG.frame);
  send(msg.drawn(2));
  send(msg.step({steps: total}));
  const once = (await next(MSG.frame)).message;
  send(msg.drawn(2));
  assert.equal(once.steps, total);
  send(msg.create({generation: 3, settings: SETTINGS, view: {resolution: 32}}));
  await next(MSG.created);
  await next(MSG.frame);
  send(msg.drawn(3));
  let last;
  for (const piece of [1, 4, 2, total - 7]) {
    send(msg.step({steps: piece}));
    last = (await next(MSG.frame)).message;
    send(msg.drawn(3));
  }
  assert.equal(last.steps, total);
  assert.deepEqual(last.metrics, once.metrics);
  last.fields.forEach((field, i) => assert.deepEqual(field, once.fields[i], `field ${i}`));
});

test('its requests are answered under their id', async () => {
  send({type: MSG.fieldsAt, id: 41, epochs: [0, 'final'], resolution: 32});
  const fields = (await next(MSG.fieldsAt)).message;
  assert.equal(fields.id, 41);
  assert.deepEqual(fields.columns.map((c) => c.asked), [0, 'final']);
  assert.equal(fields.columns[0].fields[0].length, 32 * 32);
  send({type: MSG.sample, id: 42, settings: {dataset: 'circle', points: 50}});
  const sample = (await next(MSG.sample)).message;
  assert.equal(sample.id, 42);
  assert.equal(sample.labels.length, 50);
  assert.equal(sample.regression, false);
  send({type: MSG.sample, id: 43, settings: {dataset: 'no such dataset'}});
  const refused = (await next(MSG.sample)).message;
  assert.equal(refused.id, 43);
  assert.match(refused.error, /dataset/);
});

test('at play it paces itself, frame by frame, until a pause or its epoch limit', async () => {
  send(msg.create({generation: 4, settings: SETTINGS, view: {resolution: 32}}));
  await next(MSG.created);
  await next(MSG.frame);
  send(msg.drawn(4));
  // Half an epoch per tick; a slow tick may leave at most two ticks' worth owed (pace.js).
  send(msg.play({speed: 0.5, ease: false}));
  const seen = [0];
  while (seen.length < 5) {
    const frame = (await next(MSG.frame)).message;
    send(msg.drawn(4));
    const trained = frame.steps - seen.at(-1);
    assert.ok(trained > 0 && trained <= perEpoch, `${trained} steps in one frame`);
    seen.push(frame.steps);
  }
  send(msg.pause());
  const {message: paused, before} = await next(MSG.paused);
  const trained = before.filter((m) => m.type === MSG.frame);
  const last = Math.max(seen.at(-1), ...trained.map((m) => m.steps));
  assert.equal(paused.steps, last, 'it stopped where its last frame was');
  // Then one frame of where it stopped, and no training after it: a request answered after
  // the pause finds only that frame before it.
  send({type: MSG.fieldsAt, id: 44, epochs: ['final'], resolution: 32});
  const answered = await next(MSG.fieldsAt);
  const after = answered.before.filter((m) => m.type === MSG.frame);
  assert.deepEqual(after.map((m) => m.steps), [last]);
  for (let k = 0; k <= trained.length; ++k) send(msg.drawn(4));
  // Its epoch limit: it stops at that epoch exactly, however fast the pace.
  send(msg.play({speed: 4, ease: false, until: Math.ceil(last / perEpoch) + 2}));
  const until = (Math.ceil(last / perEpoch) + 2) * perEpoch;
  let frame;
  do {
    frame = (await next(MSG.frame)).message;
    send(msg.drawn(4));
    assert.ok(frame.steps <= until);
  } while (frame.steps < until);
  send(msg.pause());
  assert.equal((await next(MSG.paused)).message.steps, until);
  assert.equal((await next(MSG.frame)).message.steps, until, 'its frame after the pause');
  send(msg.drawn(4));
});
