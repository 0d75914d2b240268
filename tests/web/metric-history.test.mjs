// web/time/metric-history.js in Node: the page's charts follow the worker's one history. Kept
// epochs arrive once, in frames; the epochs the worker drops when it thins are dropped here too;
// the live end is drawn after the kept epochs; a panel without metrics is a gap.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {MetricHistory} from '../../web/time/metric-history.js';

const m = (epoch, testLoss, dead = false) =>
    ({epoch, trainLoss: testLoss, testLoss, diverged: false, alphas: [], deadMask: [[dead]]});

test('the charts hold the kept epochs, thinned as the worker thins them', () => {
  const history = new MetricHistory(1);
  const recorded = [0, 1, 2, 3, 4].map((e) => ({epoch: e, metrics: [m(e, 1 / (e + 1))]}));
  assert.equal(history.update(recorded, [0, 1, 2, 3, 4]), true);
  assert.deepEqual(history.epochs, [0, 1, 2, 3, 4]);
  assert.equal(history.update([], [0, 1, 2, 3, 4]), false, 'nothing new');
  history.update([{epoch: 6, metrics: [m(6, 0.1)]}], [0, 2, 4, 6]);
  assert.deepEqual(history.epochs, [0, 2, 4, 6]);
  assert.deepEqual(history.panels[0].test, [1, 1 / 3, 1 / 5, 0.1]);
});

test('the live end follows the kept epochs; a panel with no metrics is a gap', () => {
  const history = new MetricHistory(2);
  history.update([{epoch: 0, metrics: [m(0, 1), m(0, 2)]}], [0]);
  assert.deepEqual(
      history.testLossColumns([m(0.5, 0.9), m(0.5, 1.9)]), [[0, 0.5], [1, 0.9], [2, 1.9]]);
  assert.deepEqual(history.testLossColumns([m(0, 1), m(0, 2)]), [[0], [1], [2]], 'kept already');
  history.update([{epoch: 1, metrics: [m(1, 0.8, true), null]}], [0, 1]);
  assert.deepEqual(history.panels[1].test, [2, null]);
  assert.deepEqual(history.panels[0].life[0].events, [[0, false], [1, true]]);
  history.truncate(0);
  assert.deepEqual(history.epochs, [0]);
});
