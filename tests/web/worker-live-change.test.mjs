// A live change in web/trainer/worker.js (in a Node worker thread, worker-thread.mjs, with dist/'s
// wasm) takes effect at the optimizer step its 'update' names, wherever the worker is when the
// message arrives, and a 'create' with that change in its schedule replays it there: both give
// the numbers of one arena trained to that step, updated, then trained on.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {MSG, msg} from '../../web/trainer/protocol.js';

import {DIST, workerThread} from './worker-harness.mjs';

const {loadReluLab} = await import(new URL('js/relu-lab.mjs', DIST).href);
const SETTINGS = {
  activations: ['relu', 'tanh'],
  dataset: 'xor',
  points: 100,
  seed: 7,
  layers: [6]
};
const CHANGE = {
  step: 15,
  settings: {lr: 0.3}
};
const STEPS = 40;

const {send, next} = workerThread();

// The losses of every network after STEPS steps, from a frame of the worker's.
const losses = (metrics) => metrics.map((m) => [m.trainLoss, m.testLoss]);

// A new arena of the worker's, its first frame acknowledged.
async function create(generation, schedule) {
  send(msg.create({generation, settings: SETTINGS, view: {resolution: 32}, schedule}));
  await next(MSG.created);
  await next(MSG.frame);
  send(msg.drawn(generation));
}

let expected;
test('the reference: one arena trained to the step, updated, trained on', async () => {
  const lab = await loadReluLab({backend: 'wasm-simd128'});
  const arena = lab.createArena(SETTINGS);
  arena.trainSteps(CHANGE.step);
  arena.update(CHANGE.settings);
  arena.trainSteps(STEPS - CHANGE.step);
  expected = losses(arena.metrics());
  const unchanged = lab.createArena(SETTINGS);
  unchanged.trainSteps(STEPS);
  assert.notDeepEqual(losses(unchanged.metrics()), expected, 'the change changes the run');
  arena.delete();
  unchanged.delete();
});

test('an update asked before the worker reaches its step applies at that step', async () => {
  send(msg.load('wasm-simd128'));
  await next(MSG.loaded);
  await create(1, []);
  // The worker is short of the step the change names (a pool names the steps it has asked for,
  // which a worker may not have trained yet): the change waits for step 15.
  send(msg.update(1, CHANGE.settings, CHANGE.step));
  send(msg.step({steps: STEPS}));
  const frame = await next(MSG.frame);
  send(msg.drawn(1));
  assert.equal(frame.steps, STEPS);
  assert.deepEqual(losses(frame.metrics), expected);
});

test('a create with the change in its schedule replays it at its step', async () => {
  await create(2, [CHANGE]);
  send(msg.step({steps: STEPS}));
  const frame = await next(MSG.frame);
  send(msg.drawn(2));
  assert.deepEqual(losses(frame.metrics), expected);
});
