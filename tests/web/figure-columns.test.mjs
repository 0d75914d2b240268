// The "over time" figure's columns (web/time/figure-columns.js): distinct epochs the run has kept,
// "final" once, and asked epochs past the run named instead of drawn as a copy of the last one.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {figureColumns} from '../../web/time/figure-columns.js';

const KEPT_0_TO_10 = Array.from({length: 11}, (_, e) => e);

test('after continuing from epoch 10 the default columns are distinct and kept', () => {
  const cols = [0, 2, 5, 10, 25, 'final'];
  const {ask, asked, beyond} = figureColumns(cols, {epochs: KEPT_0_TO_10, shown: null}, 10);
  assert.deepEqual(ask, [0, 2, 5, 'final']);
  assert.deepEqual(asked, [0, 2, 5, 'final']);
  assert.deepEqual(beyond, [25]);
});

test('a shown epoch is the final column; asked epochs take the nearest kept one once', () => {
  const kept = [0, 1, 2, 3, 200, 215, 231];
  const {ask, asked, beyond} =
      figureColumns([0, 2, 210, 212, 220, 300, 'final'], {epochs: kept, shown: 215}, 231);
  assert.deepEqual(ask, [0, 2, 'final']);  // 210, 212 and 220 are 215, the shown one
  assert.deepEqual(asked, [0, 2, 'final']);
  assert.deepEqual(beyond, [220, 300]);
  const live = figureColumns([1, 214, 230], {epochs: kept, shown: null}, 231.5);
  assert.deepEqual(live.ask, [1, 215, 231]);
  assert.deepEqual(live.asked, [1, 214, 230]);
});
