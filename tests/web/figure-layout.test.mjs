// Where a figure's panels go (figure-layout.js), the one rule the placeholder and the trained
// panels share: a comparison of two or three panels stays side by side on a phone, more panels
// fill rows evenly, `columns` and `panel-size` are obeyed, and `fit` fills a box.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {figureLayout, GAP} from '../../web/figure/figure-layout.js';

// A figure's inner width at a 390 px phone and in a 700 px column (the element's border and
// padding, 18 px, taken off).
const PHONE = 390 - 16 - 18;
const COLUMN = 700 - 18;

test('two or three panels stay side by side on a phone; four make two rows of two', () => {
  assert.equal(figureLayout({width: PHONE, count: 2}).columns, 2);
  assert.equal(figureLayout({width: PHONE, count: 3}).columns, 3);
  assert.ok(figureLayout({width: PHONE, count: 3}).size >= 100);
  assert.equal(figureLayout({width: PHONE, count: 4}).columns, 2);
  // Too narrow for two even at their smallest: they stack.
  assert.equal(figureLayout({width: 150, count: 2}).columns, 1);
});

test('wider, panels of at least panel-size fill rows evenly and grow at most twofold', () => {
  assert.deepEqual(figureLayout({width: COLUMN, count: 2}), {columns: 2, size: 337});
  assert.equal(figureLayout({width: 1382, count: 10}).columns, 5);
  assert.equal(figureLayout({width: COLUMN, count: 5}).columns, 2);
  assert.equal(figureLayout({width: 1382, count: 2}).size, 480);
  assert.equal(figureLayout({width: COLUMN, count: 2, panelSize: '400'}).columns, 2);
  assert.equal(figureLayout({width: COLUMN, count: 4, panelSize: '400'}).columns, 2);
  // A bad panel-size is the default's.
  assert.deepEqual(
      figureLayout({width: COLUMN, count: 4, panelSize: 'x'}),
      figureLayout({width: COLUMN, count: 4}));
});

test('columns is obeyed, up to the panel count', () => {
  assert.equal(figureLayout({width: COLUMN, count: 4, columns: '4'}).columns, 4);
  assert.equal(figureLayout({width: COLUMN, count: 2, columns: '6'}).columns, 2);
  assert.equal(figureLayout({width: COLUMN, count: 3, columns: '1'}).columns, 1);
});

test('fit: the largest panels that show every one in the box', () => {
  const {columns, size} = figureLayout({width: 600, count: 4, height: 300, extra: 40});
  const rows = Math.ceil(4 / columns);
  assert.ok(columns * size + (columns - 1) * GAP <= 600);
  assert.ok(rows * (size + 40) + (rows - 1) * GAP <= 300);
  assert.equal(columns, 4);
});
