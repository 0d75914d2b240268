// One trainer worker shared by several pools (the figures of a page): each session has its own
// arena, answers carry its id, two sessions with the same settings give the same numbers as
// each other, and a closed session is forgotten while the others go on. Needs a built dist/.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {MSG, msg} from '../../web/trainer/protocol.js';

import {workerThread} from './worker-harness.mjs';

const SETTINGS = {
  activations: ['relu', 'tanh'],
  dataset: 'xor',
  points: 100,
  seed: 7,
  layers: [6]
};

const thread = workerThread();
const {inbox} = thread;
const send = (session, message) => thread.send({...message, session});

// The next message of `type` for `session` (taken out of the inbox, the others left); an error
// fails.
const next = async (session, type) =>
    (await thread.take((m) => m.type === type && m.session === session, {
      keepOthers: true
    })).message;

// Builds session `id`'s arena and trains it `steps` steps; returns the frame that shows them.
async function trained(id, settings, steps) {
  send(id, msg.create({generation: 1, settings, view: {resolution: 32}}));
  await next(id, MSG.created);
  await next(id, MSG.frame);
  send(id, msg.drawn(1));
  send(id, msg.step({steps}));
  const frame = await next(id, MSG.frame);
  send(id, msg.drawn(1));
  return frame;
}

test('sessions share the worker, each with its own arena and the same numbers', async () => {
  for (const id of [1, 2, 3]) {
    send(id, msg.load('wasm-simd128'));
    assert.equal((await next(id, MSG.loaded)).backend, 'wasm-simd128');
  }
  const [a, b, c] = await Promise.all([
    trained(1, SETTINGS, 6),
    trained(2, SETTINGS, 6),
    trained(3, {...SETTINGS, activations: ['elu']}, 3),
  ]);
  assert.deepEqual(a.metrics.map((m) => m.activation), ['relu', 'tanh']);
  assert.deepEqual(c.metrics.map((m) => m.activation), ['elu']);
  assert.equal(a.steps, 6);
  assert.equal(c.steps, 3);
  assert.deepEqual(
      a.metrics.map((m) => m.trainLoss), b.metrics.map((m) => m.trainLoss),
      'same settings, same numbers, whichever session');
});

test('a closed session is forgotten; the others go on', async () => {
  send(1, msg.close());
  send(1, msg.step({steps: 1}));
  send(2, msg.step({steps: 2}));
  const frame = await next(2, MSG.frame);
  assert.equal(frame.steps, 8);
  assert.equal(inbox.filter((m) => m.session === 1).length, 0, 'nothing from a closed session');
});
