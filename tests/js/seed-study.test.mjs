// Many-seed studies (js/seed-study.mjs, js/seed-sweep.mjs) on the built library: the paired
// design (per seed the same data, initial weights and example order for every activation),
// reproducibility whatever the task order, censoring, sweeps and the options' bounds.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const dist = process.env.RELU_LAB_DIST ? pathToFileURL(`${process.env.RELU_LAB_DIST}/`).href :
                                         new URL('../../dist/', import.meta.url).href;
const {loadReluLab} = await import(new URL('js/relu-lab.mjs', dist).href);
const study = await import(new URL('js/seed-study.mjs', dist).href);
const sweeps = await import(new URL('js/seed-sweep.mjs', dist).href);
const lab = await loadReluLab();

const SMALL = {
  points: 200,
  layers: [6, 6],
  activations: ['relu', 'leaky_relu', 'tanh']
};

function weights(arena, i) {
  return arena.model(i).layers.map((l) => l.W.flat());
}

test('one seed: the same data and initial weights for every activation', () => {
  const arena = lab.createArena({...SMALL, seed: 4, activationGain: false});
  const alone = lab.createArena({...SMALL, seed: 4, activationGain: false, activations: ['elu']});
  try {
    assert.deepEqual(weights(arena, 1), weights(arena, 0));
    assert.deepEqual(weights(arena, 2), weights(arena, 0));
    assert.deepEqual(weights(alone, 0), weights(arena, 0));
    assert.deepEqual(alone.data(), arena.data());
  } finally {
    arena.delete();
    alone.delete();
  }
  // With activation gains (the default) the same draws are scaled per activation: every
  // weight of a layer keeps the same ratio to relu's.
  const gained = lab.createArena({...SMALL, seed: 4});
  try {
    const [r, t] = [weights(gained, 0), weights(gained, 2)];
    for (let l = 0; l < r.length; ++l) {
      const ratio = t[l][0] / r[l][0];
      for (let k = 0; k < r[l].length; ++k) assert.ok(Math.abs(t[l][k] / r[l][k] - ratio) < 1e-5);
    }
  } finally {
    gained.delete();
  }
});

test('one seed: the same example order for every activation', () => {
  // leaky_relu with slope 1 is the identity: with the same initial weights and the same
  // mini-batches in the same order it must train bit for bit like linear.
  const arena = lab.createArena({
    ...SMALL,
    seed: 9,
    batchSize: 7,
    activations: ['linear', {activation: 'leaky_relu', params: {slope: 1}}],
  });
  try {
    arena.train(5);
    assert.deepEqual(weights(arena, 1), weights(arena, 0));
    const [a, b] = arena.metrics();
    assert.equal(a.testLoss, b.testLoss);
  } finally {
    arena.delete();
  }
});

test('different seeds differ in data and initial weights', () => {
  const [a, b] = [1, 2].map((seed) => lab.createArena({...SMALL, seed}));
  try {
    assert.notDeepEqual(a.data().points, b.data().points);
    assert.notDeepEqual(weights(a, 0), weights(b, 0));
  } finally {
    a.delete();
    b.delete();
  }
});

test('a study task is the arena of that seed', () => {
  const [records] = [study.runSeed(lab, SMALL, 3, {epochs: 4, target: 0.99})];
  const arena = lab.createArena({...SMALL, seed: 3});
  try {
    arena.train(4);
    const m = arena.metrics();
    assert.deepEqual(records.map((r) => r.testLoss), m.map((x) => x.testLoss));
    assert.deepEqual(records.map((r) => r.seed), [3, 3, 3]);
  } finally {
    arena.delete();
  }
});

test('epochs to target: the epoch the per-epoch metrics first reach it (censored: null)', () => {
  const settings = {...SMALL, activations: ['relu', 'tanh', 'sigmoid', 'linear'], batchSize: 7};
  const records = study.runSeed(lab, settings, 6, {epochs: 30, target: 0.9});
  // The reference: one epoch per call, test accuracy from metrics() after each.
  const arena = lab.createArena({...settings, seed: 6});
  const expected = arena.metrics().map((m) => (m.testAccuracy >= 0.9 ? 0 : null));
  for (let e = 1; e <= 30; ++e) {
    arena.train(1);
    arena.metrics().forEach((m, i) => {
      if (expected[i] === null && m.testAccuracy >= 0.9) expected[i] = e;
    });
  }
  assert.deepEqual(records.map((r) => r.epochsToTarget), expected);
  assert.deepEqual(records.map((r) => r.testLoss), arena.metrics().map((m) => m.testLoss));
  assert.equal(expected[3], null);
  arena.delete();
  assert.throws(
      () => lab.createArena(SMALL).trainToTarget(1, 'high'),
      /^Error: arena.trainToTarget: target must be a number/);
});

test('the same study gives the same numbers, whatever order or lanes run its tasks', async () => {
  const options = {seeds: 5, epochs: 20, target: 0.9};
  const one = await study.compareSeeds(lab, SMALL, options);
  const two = await study.compareSeeds(lab, SMALL, {...options, concurrency: 3});
  assert.deepEqual(two, one);
  // Tasks run backwards (as a pool of workers may finish them) assemble to the same result.
  const tasks = study.compareTasks(SMALL, options);
  const backwards = new Array(tasks.length);
  for (let i = tasks.length - 1; i >= 0; --i)
    backwards[i] = study.runTask(lab, structuredClone(tasks[i]));
  const o = study.studyOptions(options);
  assert.deepEqual(study.assembleComparison(SMALL, o, backwards), one);
  assert.deepEqual(study.summarize(one), study.summarize(two));
  // Seeds are 1..K whatever the panels' seed.
  assert.deepEqual(
      await study.compareSeeds(lab, {...SMALL, seed: 77}, options),
      {...one, settings: {...SMALL, seed: 77}});
  assert.deepEqual(one.seeds, [1, 2, 3, 4, 5]);
});

test('never reaching the target is censored, not dropped', async () => {
  const c = await study.compareSeeds(
      lab, {...SMALL, activations: ['relu', 'linear']}, {seeds: 5, epochs: 3, target: 1});
  const rows = study.summarize(c, {outcome: 'epochsToTarget'});
  for (const r of c.records) assert.equal(r[1].epochsToTarget, null);
  assert.equal(rows[1].never, 5);
  assert.equal(rows[1].stats.median, Infinity);
  assert.ok(['worse', 'noise', 'tied'].includes(rows[1].versus.kind));
  // An outcome a network lacks (PReLU's alpha) has no statistics rather than zeros.
  const alpha = study.summarize(c, {outcome: 'alphaMean'});
  assert.equal(alpha[0].stats, null);
});

test('study options are clamped visibly and bad ones are errors naming the field', () => {
  const o = study.studyOptions({seeds: 1000, epochs: 0, target: 2});
  assert.deepEqual([o.seeds, o.epochs, o.target], [200, 1, 1]);
  assert.deepEqual(
      o.warnings, ['seeds 1000 clamped to 200', 'epochs 0 clamped to 1', 'target 2 clamped to 1']);
  assert.throws(
      () => study.studyOptions({seeds: 2.5}), /^Error: compareSeeds: seeds must be an integer/);
  assert.throws(() => study.outcomeOf('speed'), /outcome: unknown outcome "speed"/);
  assert.throws(
      () => sweeps.applyAxis && sweeps.sweepTasks(SMALL, {key: 'lr', values: [1], seeds: 'x'}),
      /sweep: seeds must be an integer/);
});

test('sweep axes come from the schema; a sweep gives quartiles per value', async () => {
  const axes = sweeps.sweepAxes(lab.schema);
  const lr = axes.find((a) => a.key === 'lr');
  const schemaLr = lab.schema.settings.find((s) => s.key === 'lr');
  assert.ok(lr.min >= schemaLr.min && lr.max <= schemaLr.max);
  assert.deepEqual(
      axes.find((a) => a.key === 'init').options,
      lab.schema.settings.find((s) => s.key === 'init').options);
  assert.deepEqual(sweeps.axisValues(axes.find((a) => a.key === 'depth')), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(
      sweeps.applyAxis(SMALL, 'leaky_relu.slope', 0.3).activations[1],
      {activation: 'leaky_relu', params: {slope: 0.3}});
  const result = await sweeps.sweep(
      lab, {...SMALL, activations: ['relu', 'tanh']},
      {key: 'lr', values: [0.001, 0.5], seeds: 5, epochs: 5});
  assert.equal(result.points.length, 2);
  const rows = sweeps.summarizeSweep(result, 'deadFraction');
  assert.deepEqual(rows.map((r) => r.label), ['relu', 'tanh']);
  for (const r of rows[0].rows) assert.ok(r.q1 <= r.median && r.median <= r.q3);
  // Each point is the comparison of its settings.
  const direct = await study.compareSeeds(
      lab, {...SMALL, activations: ['relu', 'tanh'], lr: 0.5}, {seeds: 5, epochs: 5});
  assert.deepEqual(result.points[1].records, direct.records);
  await assert.rejects(
      sweeps.sweep(lab, SMALL, {key: 'colour', values: [1, 2]}),
      /sweep: key "colour" is not an axis/);
});

test('a study stops when its signal aborts', async () => {
  const controller = new AbortController();
  let seen = 0;
  await assert.rejects(
      study.compareSeeds(lab, SMALL, {
        seeds: 20,
        epochs: 5,
        signal: controller.signal,
        onProgress: ({done}) => {
          seen = done;
          if (done === 2) controller.abort();
        },
      }),
      {name: 'AbortError'});
  assert.equal(seen, 2);
});
