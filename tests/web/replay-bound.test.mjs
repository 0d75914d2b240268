// How far a link replays (web/common/replay-bound.js) and what a study costs
// (web/evidence/study-cost.js), from common/training-cost.js's one model: a link's epoch is cut
// with a notice where its replay would take long, and estimates grow with the work.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {boundReplay, MAX_REPLAY_SECONDS} from '../../web/common/replay-bound.js';
import {epochMs} from '../../web/common/training-cost.js';
import {studyCost} from '../../web/evidence/study-cost.js';

// lab.schema's rows the model reads, with core's defaults.
const SCHEMA = {
  settings: [
    {key: 'points', default: 500},
    {key: 'trainFraction', default: 0.5},
    {key: 'batchSize', default: 10},
    {key: 'layers', default: [8, 8]},
    {key: 'activations', default: ['relu', 'tanh', 'elu']},
  ],
};
const HEAVIEST = {
  points: 5000,
  trainFraction: 0.9,
  batchSize: 1,
  layers: [16, 16, 16, 16, 16, 16],
  activations: Array(12).fill('relu'),
};

test('a link to epoch 100000 is cut to what replays in the stated time, and says so', () => {
  const {at, notice} = boundReplay(SCHEMA, {}, 100000);
  assert.ok(at > 100 && at < 100000, `at ${at}`);
  assert.ok(at * epochMs(SCHEMA, {}) <= MAX_REPLAY_SECONDS * 1000);
  assert.match(
      notice,
      new RegExp(`^at: epoch 100000 would take about .* so the link opens at epoch ${
          at}, the most a link replays \\(about ${MAX_REPLAY_SECONDS} s of training\\)\\.$`));
  // At the heaviest settings a few epochs are the most; a near link is left alone.
  const heavy = boundReplay(SCHEMA, HEAVIEST, 100000);
  assert.ok(heavy.at >= 1 && heavy.at < 100, `heaviest: ${heavy.at}`);
  assert.deepEqual(boundReplay(SCHEMA, {}, 25), {at: 25, notice: null});
  assert.deepEqual(boundReplay(SCHEMA, {}, -1), {at: -1, notice: null});
});

test('a study\'s estimate counts its runs and grows with epochs and seeds', () => {
  const task = (epochs) => ({settings: {activations: ['relu', 'tanh']}, seed: 1, epochs});
  const small = studyCost(SCHEMA, Array(20).fill(task(300)), 2);
  const large = studyCost(SCHEMA, Array(2400).fill(task(2000)), 2);
  assert.match(small.text, /^20 runs of 300 epochs: about \d+ s on 2 workers$/);
  assert.match(large.text, /^2,400 runs of 2,000 epochs: about [\d.]+ (min|h) on 2 workers$/);
  assert.ok(Math.abs(large.seconds / small.seconds - (2400 * 2000) / (20 * 300)) < 1e-6);
  assert.equal(studyCost(SCHEMA, [task(10)], 8).text.endsWith('on 1 worker'), true);
});
