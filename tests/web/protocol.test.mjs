// web/trainer/protocol.js in Node: every builder yields a named type that the pool's handlers
// take (from the page or from a worker), an unknown type is refused by name, request() settles
// by id, and the frame acknowledgement names the frame's arena.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {acknowledge, answer, MSG, msg, receiver, request, UnknownMessageError} from '../../web/trainer/protocol.js';

import {created, fakePool, frame} from './fake-workers.mjs';

const TYPES = new Set(Object.values(MSG));

// One message from each builder, by the direction it travels.
const ASKED = [
  msg.create({generation: 1, settings: {activations: ['relu']}, view: {resolution: 32}}),
  msg.view({resolution: 64}),
  msg.view({movingResolution: 32}, false),
  msg.play({speed: 2, ease: true}),
  msg.pause(),
  msg.step({epochs: 1}),
  msg.drawn(1),
  msg.update(1, {lr: 0.1}),
  msg.edit(1, {index: 0, layer: 0, unit: 0, value: 0.5}),
  msg.show(3),
  msg.live(),
  msg.resume(2),
  {type: MSG.fieldsAt, id: 1, epochs: [0], resolution: 8},
  {type: MSG.sample, id: 2, settings: {}},
  msg.canvases(1, []),
];
const ANSWERED = [
  msg.loaded('wasm-simd128', {limits: {maxNetworks: 12, minFieldResolution: 16}}),
  created(1, ['relu']),  // msg.created
  frame(1, 0, 1),        // msg.frame
  msg.paused(1, 0),
  msg.updated(1, ''),
  msg.edited(1, ''),
  msg.resumed(1, {settings: {}, dropped: {updates: 0, edits: 0}}),
  msg.error('refused', {generation: 1}),
  msg.answer({type: MSG.sample, id: 2}, {points: [], labels: []}),
  msg.answer({type: MSG.fieldsAt, id: 1}, {generation: 1, columns: []}),
];

test('the table names each type once, and every builder yields one of them', () => {
  assert.ok(Object.isFrozen(MSG));
  assert.equal(TYPES.size, Object.keys(MSG).length, 'no type is named twice');
  // 'close' goes from a shared worker's session port to the worker, never through a pool.
  const built = [msg.load('auto'), msg.close(), ...ASKED, ...ANSWERED];
  for (const message of built) {
    assert.ok(TYPES.has(message.type), `${JSON.stringify(message)} has a named type`);
  }
  assert.deepEqual(new Set(built.map((m) => m.type)), TYPES, 'every type is sent by someone');
});

test('the pool takes every message the page sends and every answer a worker sends', () => {
  const {pool, workers, heard} = fakePool(1);
  for (const message of ASKED) pool.postMessage(message);
  const refused = heard.filter((m) => m.type === MSG.error);
  assert.deepEqual(refused, [], 'no message from the page was refused');
  for (const message of ANSWERED) {
    assert.doesNotThrow(() => pool.fromWorker(message, 0), message.type);
  }
  // A worker is never asked to play: pacing is the pool's.
  assert.deepEqual(workers[0].take(MSG.play), []);
});

test('an unknown type is refused by name, and so is a handler for one', () => {
  const receive = receiver('test receiver', {[MSG.pause]: () => 'paused'});
  assert.equal(receive(msg.pause()), 'paused');
  assert.throws(() => receive({type: 'plya'}), (error) => {
    assert.ok(error instanceof UnknownMessageError);
    assert.equal(error.name, 'UnknownMessageError');
    assert.match(error.message, /^test receiver: unknown message type "plya"$/);
    return true;
  });
  assert.throws(() => receive(null), UnknownMessageError);
  assert.throws(
      () => receiver('test receiver', {plya: () => {}}), /plya, which is no message type/);
  // The pool tells the page of an unknown type from the page or from a worker, by name.
  const {pool, workers, heard} = fakePool(1);
  pool.postMessage({type: 'load', backend: 'auto'});
  assert.deepEqual(heard.at(-1), msg.error('worker pool: unknown message type "load"'));
  workers[0].say({type: 'bogus'});
  assert.deepEqual(heard.at(-1), msg.error('worker pool: unknown message type "bogus"'));
});

test('a receiver passes its context on (a pool\'s worker index)', () => {
  const receive = receiver('test receiver', {[MSG.paused]: (m, w) => [m.steps, w]});
  assert.deepEqual(receive(msg.paused(1, 9), 3), [9, 3]);
});

test(
    'request() settles by id: answers in any order, an error rejects, others are ignored',
    async () => {
      const sent = [];
      const port = {postMessage: (m) => sent.push(m)};
      const first = request(port, MSG.sample, {settings: {dataset: 'xor'}});
      const second = request(port, MSG.fieldsAt, {epochs: [0, 5], resolution: 16});
      const third = request(port, MSG.sample, {settings: {}});
      assert.deepEqual(sent.map((m) => m.type), [MSG.sample, MSG.fieldsAt, MSG.sample]);
      assert.deepEqual(sent[0].settings, {dataset: 'xor'});
      assert.equal(new Set(sent.map((m) => m.id)).size, 3, 'every request has its own id');
      // An answer of another type under the same id, or an id nobody asked with, settles nothing.
      assert.equal(answer({type: MSG.fieldsAt, id: sent[0].id}), false);
      assert.equal(answer({type: MSG.sample, id: -1}), false);
      assert.equal(answer(msg.answer(sent[1], {columns: ['c']})), true);
      assert.equal(answer(msg.answer(sent[0], {points: [1, 2], labels: [0]})), true);
      assert.equal(answer(msg.answer(sent[0], {points: []})), false, 'answered once');
      assert.equal(answer(msg.answer(sent[2], {error: 'no such dataset'})), true);
      assert.deepEqual((await second).columns, ['c']);
      assert.deepEqual((await first).points, [1, 2]);
      await assert.rejects(third, /^Error: no such dataset$/);
    });

test('acknowledge() tells the sender which arena\'s frame was drawn', () => {
  const sent = [];
  acknowledge({postMessage: (m) => sent.push(m)}, msg.frame(7, {steps: 3}));
  assert.deepEqual(sent, [{type: MSG.drawn, generation: 7}]);
});
