// "Continue from here" in web/trainer/worker.js (a Node worker thread, worker-thread.mjs): a run
// with a weight edit and live setting changes, continued from a kept epoch, is the run that was
// shown there (the changes before it replayed at their steps, optimizer state included), goes on
// as it went on then, and reports the settings in force then and what it dropped.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {MSG, msg} from '../../web/trainer/protocol.js';

import {workerThread} from './worker-harness.mjs';

const SETTINGS = {
  activations: ['relu', 'tanh'],
  dataset: 'xor',
  points: 60,
  seed: 3,
  layers: [5],
  lr: 0.01
};

const {send, next} = workerThread();

const GEN = 1;
let perEpoch;
let steps = 0;
let live4;  // the numbers at epoch 4, before its edits
// Trains `n` optimizer steps (one frame) and returns the frame's metrics, frame drawn.
async function train(n) {
  send(msg.step({steps: n}));
  const frame = await next(MSG.frame);
  send(msg.drawn(GEN));
  steps += n;
  assert.equal(frame.steps, steps);
  return frame.metrics;
}
const numbers = (metrics) => metrics.map((m) => [m.trainLoss, m.testAccuracy, m.deadUnits]);

test('continue from a kept epoch replays the edits and updates made before it', async () => {
  send(msg.load('wasm-simd128'));
  await next(MSG.loaded);
  send(msg.create({generation: GEN, settings: SETTINGS, view: {resolution: 32}}));
  const created = await next(MSG.created);
  perEpoch = Math.ceil(created.data.trainY.length / created.settings.batchSize);
  await next(MSG.frame);
  send(msg.drawn(GEN));
  const live = [];
  for (let e = 1; e <= 12; ++e) {
    live[e] = numbers(await train(perEpoch));
    if (e === 4) {
      live4 = live[4];
      // A weight edit and a bias edit while paused at epoch 4.
      send(msg.edit(GEN, {index: 0, layer: 0, unit: 1, input: 0, value: 2.5}, steps));
      send(msg.edit(GEN, {index: 1, layer: 1, unit: 0, value: -0.75}, steps));
    }
    // A live update of the learning rate in the middle of epoch 7.
    if (e === 6) {
      await train(2);
      send(msg.update(GEN, {lr: 0.2}, steps));
      live[e] = null;
      const rest = numbers(await train(perEpoch - 2));
      live[++e] = rest;
    }
  }
  // After epoch 12: changes that the continue from epoch 10 drops.
  send(msg.update(GEN, {lr: 3, l2: 0.5}, steps));
  send(msg.edit(GEN, {index: 0, layer: 0, unit: 0, input: 1, value: -4}, steps));
  await train(perEpoch);

  send(msg.resume(10));
  const resumed = await next(MSG.resumed);
  const frame = await next(MSG.frame);
  send(msg.drawn(GEN));
  steps = 10 * perEpoch;
  assert.equal(frame.steps, steps);
  assert.deepEqual(numbers(frame.metrics), live[10], 'the state shown at epoch 10');
  assert.equal(resumed.settings.lr, 0.2);
  assert.equal(resumed.settings.l2, 0);
  assert.deepEqual(resumed.dropped, {updates: 1, edits: 1});
  // It goes on as the run went on from there.
  assert.deepEqual(numbers(await train(perEpoch)), live[11]);
  assert.deepEqual(numbers(await train(perEpoch)), live[12]);
});

test('continue from before every change gives the run without them', async () => {
  send(msg.resume(3));
  const resumed = await next(MSG.resumed);
  await next(MSG.frame);
  send(msg.drawn(GEN));
  steps = 3 * perEpoch;
  assert.equal(resumed.settings.lr, 0.01);
  assert.deepEqual(resumed.dropped, {updates: 1, edits: 2});
  // The edits came after epoch 4 was kept: epoch 4 is the one recorded live.
  assert.deepEqual(numbers(await train(perEpoch)), live4);
});
