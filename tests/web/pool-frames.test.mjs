// web/trainer/pool-frames.js in Node: how the panels are split among workers and how their created
// messages and frames are joined (panel order, warnings in the arena's numbering, the detail
// panel, the fields passed on as the very arrays the workers transferred).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {combineCreated, combineFrames, splitPanels, takeRecorded} from '../../web/trainer/pool-frames.js';

test('panel i goes to worker i % n; every panel exactly once', () => {
  assert.deepEqual(splitPanels(5, 2), [[0, 2, 4], [1, 3]]);
  assert.deepEqual(splitPanels(10, 3), [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
  for (let count = 1; count <= 12; ++count) {
    for (let n = 1; n <= Math.min(4, count); ++n) {
      assert.deepEqual(
          splitPanels(count, n).flat().sort((a, b) => a - b), [...Array(count).keys()]);
    }
  }
});

test('created: panels in order, warnings naming the arena\'s panel, shared warnings once', () => {
  const shares = [[0, 2], [1]];
  const message = (names, warnings) => ({
    type: 'created',
    generation: 3,
    panels: names.map((activation) => ({activation})),
    settings: {lr: 0.1, activations: names.map((activation) => ({activation})), warnings},
    data: {domain: [-1, 1]},
  });
  const joined = combineCreated(
      [
        message(['relu', 'elu'], ['lr: clamped', 'activations[1].label: truncated']),
        message(['tanh'], ['lr: clamped', 'activations[0].params.slope: clamped'])
      ],
      shares);
  assert.deepEqual(joined.panels.map((p) => p.activation), ['relu', 'tanh', 'elu']);
  assert.deepEqual(joined.settings.activations, joined.panels);
  assert.deepEqual(
      joined.settings.warnings,
      ['lr: clamped', 'activations[2].label: truncated', 'activations[1].params.slope: clamped']);
  assert.equal(joined.generation, 3);
});

test('frames: fields are the workers\' arrays, the detail panel is renumbered', () => {
  const field = () => new Float32Array(4);
  const a = {
    epochs: 7,
    steps: 70,
    resolution: 2,
    metrics: ['m0', 'm2'],
    fields: [field(), field()],
    trainMs: 1,
    fieldMs: 2,
    computeMs: 3,
    postedAt: 10,
    detail: {index: 1, units: []},
    time: {epochs: [0, 7], shown: null, bytes: 100},
  };
  const b = {
    epochs: 7,
    steps: 70,
    resolution: 2,
    metrics: ['m1'],
    fields: [field()],
    trainMs: 2,
    fieldMs: 4,
    computeMs: 6,
    postedAt: 12,
    time: {epochs: [0, 7], shown: null, bytes: 50},
  };
  const frame = combineFrames([a, b], [[0, 2], [1]], 5);
  assert.deepEqual(frame.metrics, ['m0', 'm1', 'm2']);
  assert.equal(frame.fields[0], a.fields[0]);
  assert.equal(frame.fields[1], b.fields[0]);
  assert.equal(frame.fields[2], a.fields[1]);
  assert.equal(frame.detail.index, 2);
  assert.deepEqual([frame.computeMs, frame.trainMs, frame.fieldMs], [6, 2, 4], 'the slower one');
  assert.deepEqual(frame.workerMs, [3, 6]);
  assert.equal(frame.postedAt, 12);
  assert.equal(frame.epochs, 7);
  assert.equal(frame.steps, 70);
  assert.deepEqual(frame.time, {epochs: [0, 7], shown: null, bytes: 150}, 'memory adds up');
});

test('kept epochs: joined by panel once every worker has them; a silent worker is a gap', () => {
  const m = (loss) => ({trainLoss: loss});
  // Worker 1's networks all diverged after epoch 1: it keeps no epoch 2.
  const recorded = [
    [
      {epoch: 0, metrics: [m(1), m(3)]}, {epoch: 1, metrics: [m(2), m(4)]},
      {epoch: 2, metrics: [m(5), m(6)]}, {epoch: 3, metrics: [m(7), m(8)]}
    ],
    [{epoch: 0, metrics: [m(9)]}, {epoch: 1, metrics: [m(10)]}],
  ];
  const taken = takeRecorded(recorded, [[0, 2], [1]], 2);
  assert.deepEqual(taken.map((e) => e.epoch), [0, 1, 2]);
  assert.deepEqual(taken[1].metrics, [m(2), m(10), m(4)]);
  assert.deepEqual(taken[2].metrics, [m(5), null, m(6)]);
  assert.deepEqual(recorded, [[{epoch: 3, metrics: [m(7), m(8)]}], []], 'later ones wait');
});
