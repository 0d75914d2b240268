// Own data with targets through the JS API: {points, targets} makes the arena a regression
// whatever `dataset` says (MSE loss, R², null accuracy, value fields), training raises R²,
// settings() echoes the targets, and labels with targets, or bad targets, are errors naming the
// field.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const lab = await loadReluLab();

// 300 seeded points in raw units with a bumpy target in the units of a reader's file (tens).
function ownRegression() {
  let state = 2024;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const points = [];
  const targets = [];
  for (let i = 0; i < 300; ++i) {
    const x = 12 * next() - 6;
    const y = 12 * next() - 6;
    points.push([x, y]);
    targets.push(40 * Math.sin(x / 2) + 5 * y);
  }
  return {points, targets};
}

function trainEpochs(arena, epochs) {
  for (let done = 0; done < epochs;) done += arena.train(epochs - done).epochs;
}

test('own data with targets trains as a regression and its R² rises', () => {
  const data = ownRegression();
  const arena = lab.createArena(
      {dataset: 'circle', data, activations: ['relu', 'tanh'], lr: 0.03, layers: [16, 16]});
  const shown = arena.data();
  assert.equal(shown.regression, true);
  assert.equal(shown.points.length, 600);
  // Shuffled, not changed: the same targets as floats.
  assert.deepEqual(
      [...shown.labels].sort((a, b) => a - b), data.targets.map(Math.fround).sort((a, b) => a - b));
  trainEpochs(arena, 1);
  const first = arena.metrics().map((m) => m.r2);
  trainEpochs(arena, 300);
  arena.metrics().forEach((m, i) => {
    assert.equal(m.testAccuracy, null);
    assert.equal(m.trainAccuracy, null);
    assert.ok(m.r2 > first[i] + 0.2 && m.r2 > 0.8, `${m.activation}: R² ${first[i]} -> ${m.r2}`);
  });
  assert.throws(() => arena.field(0, 32, 'probability'), /"probability" is for classification/);
  const echoed = arena.settings().data;
  assert.equal(echoed.labels, undefined);
  // Printed as the shortest text of each float: the same floats.
  assert.deepEqual(echoed.targets.map(Math.fround), data.targets.map(Math.fround));
  arena.delete();
});

test('own data: labels or targets, not both; targets finite and within the bound', () => {
  const {points, targets} = ownRegression();
  const labels = targets.map((t) => (t > 0 ? 1 : 0));
  const row = lab.schema.settings.find((r) => r.key === 'data');
  assert.equal(row.maxTarget, 1000);
  const bad = targets.slice();
  bad[7] = 1e4;
  const cases = [
    [
      {points, labels, targets},
      /data: labels \(two classes\) or targets \(a regression\), not both/
    ],
    [{points}, /data: labels \(two classes\) or targets \(a regression\) are missing/],
    [{points, targets: bad}, /data\.targets\[7\]: must be finite and within \[-1000, 1000\]/],
    [{points, targets: targets.slice(0, 9)}, /data\.targets: 9 rows is outside 10\.\.5000/],
  ];
  for (const [data, error] of cases) assert.throws(() => lab.createArena({data}), error);
});
