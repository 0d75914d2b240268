// The input features and regressions on the page's side, in Node: the features row is core's
// (a list of its options) and reads from a link in one canonical spelling, every one of core's
// features has a tile, and the two experiments are complete settings the table reads back.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {FEATURE_LOOKS, featureValues} from '../../web/common/input-features.js';
import {EXPERIMENTS} from '../../web/page/experiments.js';
import {pageTable} from '../../web/page/page-table.js';
import {coerce} from '../../web/settings/parse-value.js';

const {loadReluLab} = await import(new URL('../../dist/js/relu-lab.mjs', import.meta.url).href);
const lab = await loadReluLab();
const table = pageTable(lab.schema);

test('the features row is core\'s list of its features; every feature has a tile', () => {
  const row = table.row('features');
  assert.equal(row.type, 'list');
  assert.deepEqual(row.default, ['x1', 'x2']);
  assert.deepEqual(Object.keys(FEATURE_LOOKS), row.options);
  assert.equal(row.group, 'network');
  const regressions = lab.schema.settings.find((s) => s.key === 'dataset').options;
  assert.ok(regressions.includes('reg-plane') && regressions.includes('reg-gauss'));
});

test('a link\'s features read in option order, once each; unknown names are left out', () => {
  const {settings, notices} = table.parse('#features=sinx2,x1sq,bogus,x1sq');
  assert.deepEqual(settings.features, ['x1sq', 'sinx2']);
  assert.equal(notices.length, 1);
  assert.match(notices[0], /features: "bogus" is not one of x1, x2, x1sq/);
  assert.match(table.toHash(settings), /(^|&)features=x1sq,sinx2(&|$)/);
  const empty = coerce(table, 'features', '');
  assert.deepEqual(empty.value, ['x1', 'x2']);
  assert.match(empty.notices[0], /none is left, so the default x1,x2 is used/);
});

test('feature pictures: 0 in the middle of the scale, the extremes at its ends', () => {
  const x1 = featureValues('x1', 4, 1);
  assert.ok(x1[0] < 0.5 && x1[3] > 0.5);  // x grows to the right
  const square = featureValues('x1sq', 4, 1);
  for (const v of square) assert.ok(v >= 0.5 && v <= 1);
  const sine = featureValues('sinx2', 8, 6);  // two periods over [-6, 6]: both signs
  assert.ok(Math.min(...sine) < 0.1 && Math.max(...sine) > 0.9);
});

test(
    'the two experiments are complete settings core accepts, features and datasets in them', () => {
      for (const id of ['features-do-the-work', 'facets-vs-smooth']) {
        const experiment = EXPERIMENTS.find((e) => e.id === id);
        assert.ok(experiment, id);
        for (const variant of [{settings: {}}, ...(experiment.variants || [])]) {
          const hash =
              table.toHash({...table.defaults(), ...experiment.settings, ...variant.settings});
          const {settings, notices} = table.parse(`#${hash}`);
          assert.deepEqual(notices, [], `${id} ${variant.id}`);
          const arena = lab.createArena(table.arenaSettings(settings));
          assert.deepEqual(arena.settings().warnings, []);
          assert.equal(arena.data().regression, settings.dataset.startsWith('reg-'));
          arena.delete();
        }
      }
    });
