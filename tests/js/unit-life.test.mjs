// Unit life in studies (js/unit-life.mjs, runSeed's unitLife): a unit counts as revived once,
// whatever its later spells; a study that asks for unit life finds the comebacks a run shows.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const {UnitLife, lifeStep} = await import(new URL('js/unit-life.mjs', dist).href);
const {runSeed} = await import(new URL('js/seed-study.mjs', dist).href);
const {planStudy} = await import(new URL('js/study-plan.mjs', dist).href);
const lab = await loadReluLab();

test('UnitLife counts a unit dead at one kept epoch and alive at a later one, once', () => {
  const life = new UnitLife();
  life.observe(0, [[false, true], [false]]);
  life.observe(5, [[true, true], [false]]);
  life.observe(9, [[false, false], [true]]);
  life.observe(12, [[true, false], [false]]);
  life.observe(15, [[false, false], [false]]);
  const {revivals, lateRevivals, revival} = life.summary();
  assert.equal(revivals, 3);
  assert.equal(lateRevivals, 2);  // (0, 1) was dead from the start
  assert.deepEqual(revival, {layer: 0, unit: 0, deadAt: 5, revivedAt: 9});
  assert.equal(lifeStep(100), 1);
  assert.equal(lifeStep(1000), 5);
});

// Adam at lr 0.3 (the page's "Dying while training"): seed 10 loses a second-layer unit in
// epoch 1 that is back in epoch 2 (tools/revival-search.mjs found it).
const DYING = {
  layers: [8, 8],
  optimizer: 'adam',
  lr: 0.3,
  activations: ['relu']
};

test('a study with unit life finds the revival the run shows epoch by epoch', () => {
  const [r] = runSeed(lab, DYING, 10, {epochs: 20, target: 0.95, unitLife: true});
  assert.ok(r.revivals >= 1);
  const {layer, unit, deadAt, revivedAt} = r.revival;
  assert.ok(deadAt > 0 && revivedAt > deadAt);
  // The same run, read by hand.
  const arena = lab.createArena({...DYING, seed: 10});
  try {
    const deadAtEpoch = (e) => {
      arena.train(e - arena.metrics()[0].epoch);
      return arena.metrics()[0].deadMask[layer][unit];
    };
    if (deadAt > 1) assert.equal(deadAtEpoch(deadAt - 1), false);
    assert.equal(deadAtEpoch(deadAt), true);
    assert.equal(deadAtEpoch(revivedAt), false);
  } finally {
    arena.delete();
  }
  const [plain] = runSeed(lab, DYING, 10, {epochs: 20, target: 0.95});
  assert.equal(plain.revivals, null);                // not measured unless asked
  assert.equal(plain.testAccuracy, r.testAccuracy);  // and reading masks changes nothing
});

test('the revivals outcome turns unit life on; a wrong unitLife is an error naming it', () => {
  const plan = planStudy(lab.schema, {kind: 'compare', settings: DYING, outcome: 'revivals'});
  assert.ok(plan.tasks.every((t) => t.unitLife === true));
  const off = planStudy(lab.schema, {kind: 'compare', settings: DYING, outcome: 'testAccuracy'});
  assert.ok(off.tasks.every((t) => t.unitLife === false));
  assert.throws(
      () => planStudy(lab.schema, {kind: 'compare', settings: DYING, unitLife: 1}),
      /compareSeeds: unitLife must be a boolean, got 1/);
});
