// One trainer worker shared by several pools (the figures of a page): each session has its own
// arena, answers carry its id, two sessions with the same settings give the same numbers as
// each other, and a closed session is forgotten while the others go on. Needs a built dist/.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';

import {MSG, msg} from '../../web/trainer/protocol.js';

const DIST = process.env.RELU_LAB_DIST ? pathToFileURL(process.env.RELU_LAB_DIST + '/').href :
                                         new URL('../../dist/', import.meta.url).href;
const WAIT_MS = 60000;
const SETTINGS = {
  activations: ['relu', 'tanh'],
  dataset: 'xor',
  points: 100,
  seed: 7,
  layers: [6]
};

let thread;
const inbox = [];
let notify = null;
before(() => {
  thread = new Worker(new URL('./worker-thread.mjs', import.meta.url), {workerData: {dist: DIST}});
  thread.on('message', (message) => {
    inbox.push(message);
    notify?.();
  });
  thread.on('error', (error) => inbox.push({type: 'thread error', message: error.message}));
});
after(() => thread.terminate());

const send = (session, message) => thread.postMessage({...message, session});

// The next message of `type` for `session` (taken out of the inbox); an error fails.
async function next(session, type) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const error = inbox.find((m) => /error/.test(m.type));
    if (error) throw new Error(`waiting for ${type}: ${JSON.stringify(error)}`);
    const at = inbox.findIndex((m) => m.type === type && m.session === session);
    if (at >= 0) return inbox.splice(at, 1)[0];
    if (Date.now() > deadline) throw new Error(`no ${type} of session ${session} in time`);
    await new Promise((resolve) => {
      notify = resolve;
      setTimeout(resolve, 100);
    });
  }
}

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
