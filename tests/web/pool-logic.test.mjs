// The pure parts of the pool in Node: which queued frames make one frame of the arena
// (pool-lockstep.js), how many steps a Step request means (pool-generation.js), and which of
// the workers' answers the page hears (pool-changes.js).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {forPage} from '../../web/trainer/pool-changes.js';
import {newGeneration, settling, stepsFor} from '../../web/trainer/pool-generation.js';
import {takeMatching} from '../../web/trainer/pool-lockstep.js';
import {msg} from '../../web/trainer/protocol.js';

const part = (steps, resolution = 64, shown = null) => ({steps, resolution, time: {shown}});

test('one frame of the arena: one like it from every queue; older ones are passed', () => {
  const queues = [[part(1), part(2), part(3)], [part(2, 32), part(2), part(3)]];
  const taken = takeMatching(queues, part(2));
  assert.deepEqual(taken.parts, [part(2), part(2)]);
  assert.deepEqual(taken.passed, [[part(1)], [part(2, 32)]]);
  assert.deepEqual(queues, [[part(3)], [part(3)]], 'taken out of the queues');
  assert.equal(takeMatching(queues, part(4)), null, 'a worker lacks it');
  assert.deepEqual(queues, [[part(3)], [part(3)]], 'untouched while one lacks it');
  assert.equal(takeMatching([[part(3, 64, 2)], [part(3)]], part(3)), null, 'a kept epoch differs');
});

test('of frames of one state the newest is taken: an older twin never stays queued', () => {
  const older = part(2), newer = {...part(2), detail: {index: 0}};
  const queues = [[part(1), older, newer]];
  const taken = takeMatching(queues, older);
  assert.equal(taken.parts[0], newer, 'the frame the view asked for last');
  assert.deepEqual(taken.passed, [[part(1), older]]);
  assert.deepEqual(queues, [[]], 'no twin left to stand in for a later frame');
});

test('Step: to the end of the current epoch, a whole one from a boundary, or batches', () => {
  assert.equal(stepsFor({epochs: 1}, 0, 4), 4);
  assert.equal(stepsFor({epochs: 1}, 5, 4), 3);
  assert.equal(stepsFor({epochs: 3}, 5, 4), 3 + 8);
  assert.equal(stepsFor({batches: 2}, 5, 4), 2);
  assert.equal(stepsFor({}, 5, 4), 0);
});

test('a generation settles while workers owe a pause answer or the frame that ends it', () => {
  const gen = newGeneration(1, [[0], [1]], -1);
  assert.equal(settling(gen), false);
  gen.pausing = 1;
  assert.equal(settling(gen), true);
  gen.pausing = 0;
  gen.settle = {target: 4, resolution: 64};
  assert.equal(settling(gen), true);
});

test('the page hears an update\'s error once, every edit answer, errors renumbered once', () => {
  const gen = newGeneration(1, [[0, 2], [1]], -1);
  assert.equal(forPage(gen, msg.updated(1, ''), [0, 2], true), null, 'a success is no news');
  assert.deepEqual(
      forPage(gen, msg.updated(1, 'lr: bad'), [0, 2], true), msg.updated(1, 'lr: bad'));
  assert.equal(forPage(gen, msg.updated(1, 'lr: bad'), [1], true), null, 'heard already');
  assert.equal(forPage(gen, msg.edited(0, ''), null, false), null, 'an old arena\'s');
  assert.deepEqual(forPage(gen, msg.edited(1, ''), [1], true), msg.edited(1, ''));
  const error = msg.error('activations[1].params.alpha: out of range', {generation: 1});
  assert.equal(
      forPage(gen, error, [0, 2], true).message, 'activations[2].params.alpha: out of range');
  assert.equal(forPage(gen, error, [0, 2], true), null, 'heard already');
  assert.equal(forPage(null, msg.error('no engine'), null, false).message, 'no engine');
});
