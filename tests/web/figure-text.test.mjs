// The "over time" figure's words (web/time/figure-text.js): column heads in whole epochs, what a
// column stands for on its own line, and the settings line saying what was trained.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {columnHead, columnText, settingsParts} from '../../web/time/figure-text.js';

test('column heads are whole epochs; a final column mid-epoch says it is near one', () => {
  assert.deepEqual(
      columnHead({epoch: 147.96, asked: 'final'}), {head: 'epoch ≈148', note: 'final'});
  assert.deepEqual(columnHead({epoch: 12, asked: 'final'}), {head: 'epoch 12', note: 'final'});
  assert.deepEqual(columnHead({epoch: 5, asked: 5}), {head: 'epoch 5', note: ''});
  assert.deepEqual(
      columnHead({epoch: 215, asked: 210}), {head: 'epoch 215', note: 'asked 210, not kept'});
  assert.equal(columnText({epoch: 147.96, asked: 'final'}), 'epoch ≈148 (final)');
  for (const epoch of [0.36, 3.5, 99.999, 1234.5678]) {
    assert.match(columnHead({epoch, asked: 'final'}).head, /^epoch ≈\d+$/);
  }
});

const SETTINGS = {
  dataset: 'circle',
  points: 500,
  noise: 0.1,
  data: null,
  layers: [8, 8],
  optimizer: 'adam',
  lr: 0.01,
  batch: 10,
  seed: 7,
  l1: 0,
  l2: 0.001,
  dropout: 0,
  batchNorm: false,
};
const PANELS = [
  {activation: 'relu', label: 'relu', params: {}},
  {activation: 'leaky_relu', label: 'leaky_relu', params: {slope: 0.2}},
];
const NAMES = new Map([['relu', 'ReLU'], ['leaky_relu', 'Leaky ReLU']]);

test('the settings line names data, layers, activations, optimizer, lr, batch and seed', () => {
  assert.deepEqual(settingsParts(SETTINGS, PANELS, NAMES), [
    'circle data (500 points, noise 0.1)', 'hidden layers 8-8', 'ReLU, Leaky ReLU (slope 0.2)',
    'adam, lr 0.01, batch 10, L2 0.001', 'seed 7'
  ]);
  const own = {...SETTINGS, data: {x: [0, 1, 2], y: [0, 1, 2], labels: [0, 1, 1]}, layers: []};
  const parts = settingsParts(own, PANELS.slice(0, 1), NAMES);
  assert.equal(parts[0], 'own data (3 points)');
  assert.equal(parts[1], 'no hidden layer');
});
