// Many-seed studies on top of the trainer: one task trains one arena (every selected activation,
// paired: same data, initial random numbers and shuffles) on one seed and returns an outcome
// record per network; a comparison is K such tasks, a sweep K per axis value. Results are
// assembled by task index, so they do not depend on how many workers ran the tasks or in which
// order. Statistics live in evidence-stats.mjs; drawing in the page.
import {fiveNumbers, pairedComparison} from './evidence-stats.mjs';
import {lifeStep, UnitLife} from './unit-life.mjs';

/** Bounds of a study; a value outside is clamped and reported in `warnings`. */
export const STUDY_LIMITS = Object.freeze({
  minSeeds: 5,
  maxSeeds: 200,
  minEpochs: 1,
  maxEpochs: 2000,
  minTarget: 0.5,
  maxTarget: 1,
  maxSweepValues: 12,
});
// unitLife: read the dead masks at every kept epoch (the revivals outcome; costs a metrics pass
// per kept epoch, so it is off unless asked for).
export const STUDY_DEFAULTS =
    Object.freeze({seeds: 20, epochs: 300, target: 0.95, unitLife: false});

/**
 * Outcomes of one network on one seed, with which direction is better and the words a
 * verdict uses. `epochsToTarget` is censored: a network that never reached the target within
 * the study's epochs has null in a record and Infinity in statistics.
 */
export const OUTCOMES = Object.freeze([
  {
    key: 'epochsToTarget',
    label: 'epochs to target',  // the target: test accuracy, or R² for a regression
    unit: 'epochs',
    unitOne: 'epoch',
    better: 'lower',
    betterWord: 'faster',
    worseWord: 'slower',
    censoredWord: 'reached the target'
  },
  {
    key: 'testAccuracy',
    label: 'final test accuracy',
    unit: 'percentage points',
    scale: 100,
    better: 'higher',
    betterWord: 'more accurate',
    worseWord: 'less accurate'
  },
  {
    key: 'r2',
    label: 'final test R² (regressions)',
    unit: '',
    better: 'higher',
    betterWord: 'a better fit',
    worseWord: 'a worse fit'
  },
  {
    key: 'testLoss',
    label: 'final test loss (MSE for a regression)',
    unit: '',
    better: 'lower',
    betterWord: 'lower loss',
    worseWord: 'higher loss',
    censoredWord: 'stayed finite'
  },
  {
    key: 'deadFraction',
    label: 'dead hidden units (fraction)',
    unit: 'percentage points',
    scale: 100,
    better: 'lower',
    betterWord: 'fewer dead units',
    worseWord: 'more dead units'
  },
  {
    key: 'sparsity',
    label: 'exact-zero hidden outputs (fraction)',
    unit: 'percentage points',
    scale: 100,
    better: 'higher',
    betterWord: 'sparser',
    worseWord: 'less sparse'
  },
  {
    key: 'initActive',
    label: 'hidden outputs active at initialisation (fraction)',
    unit: 'percentage points',
    scale: 100,
    better: 'higher',
    betterWord: 'more active',
    worseWord: 'less active'
  },
  {
    key: 'gradRatioInit',
    label: 'first-layer / output-layer gradient norm at initialisation (log10)',
    unit: 'orders of magnitude',
    unitOne: 'order of magnitude',
    better: 'higher',
    betterWord: 'larger',
    worseWord: 'smaller'
  },
  {
    key: 'gradRatio',
    label: 'first-layer / output-layer gradient norm in the last epoch (log10)',
    unit: 'orders of magnitude',
    unitOne: 'order of magnitude',
    better: 'higher',
    betterWord: 'larger',
    worseWord: 'smaller'
  },
  {
    key: 'meanActivation',
    label: 'mean hidden activation after training (|mean| per layer, averaged)',
    unit: '',
    better: 'lower',
    betterWord: 'nearer zero',
    worseWord: 'further from zero'
  },
  {
    key: 'revivals',
    label: 'hidden units dead at one kept epoch and alive at a later one',
    unitLife: true,  // measured only when a study reads the dead masks at every kept epoch
    unit: 'units',
    unitOne: 'unit',
    better: 'higher',
    betterWord: 'more revivals',
    worseWord: 'fewer revivals'
  },
  {
    key: 'alphaMean',
    label: 'learned PReLU alpha (mean)',
    unit: '',
    better: 'higher',
    betterWord: 'larger',
    worseWord: 'smaller'
  },
].map(Object.freeze));

export function outcomeOf(key) {
  const outcome = OUTCOMES.find((o) => o.key === key);
  if (!outcome) {
    throw new Error(`outcome: unknown outcome ${JSON.stringify(key)} (expected one of ${
        OUTCOMES.map((o) => o.key).join(', ')})`);
  }
  return outcome;
}

function clampInt(value, min, max, name, what, warnings) {
  if (!Number.isInteger(value))
    throw new Error(`${what}: ${name} must be an integer, got ${value}`);
  const out = Math.min(max, Math.max(min, value));
  if (out !== value) warnings.push(`${name} ${value} clamped to ${out}`);
  return out;
}

/** Checks and clamps study options: {seeds, epochs, target, unitLife} plus warnings. */
export function studyOptions(options = {}, what = 'compareSeeds') {
  const o = {...STUDY_DEFAULTS, ...options};
  const warnings = [];
  const L = STUDY_LIMITS;
  const seeds = clampInt(o.seeds, L.minSeeds, L.maxSeeds, 'seeds', what, warnings);
  const epochs = clampInt(o.epochs, L.minEpochs, L.maxEpochs, 'epochs', what, warnings);
  if (typeof o.target !== 'number' || !Number.isFinite(o.target)) {
    throw new Error(`${what}: target must be a number, got ${o.target}`);
  }
  const target = Math.min(L.maxTarget, Math.max(L.minTarget, o.target));
  if (target !== o.target) warnings.push(`target ${o.target} clamped to ${target}`);
  if (typeof o.unitLife !== 'boolean') {
    throw new Error(`${what}: unitLife must be a boolean, got ${o.unitLife}`);
  }
  return {seeds, epochs, target, unitLife: o.unitLife, warnings};
}

/** The seeds of a study of K seeds: 1..K, whatever the panels' seed, so a study is one URL. */
export function studySeeds(count) {
  return Array.from({length: count}, (_, i) => i + 1);
}

function mean(values) {
  return values.length ? values.reduce((s, x) => s + x, 0) / values.length : null;
}

// A regression's test R² (a diverged network's is the worst there is, -Infinity); null for a
// classification, which it does not apply to.
function regressionR2(m) {
  if (m.testAccuracy !== null) return null;
  return Number.isFinite(m.r2) ? m.r2 : -Infinity;
}

// Below this a layer's gradient counts as gone: log10 of the ratio stays a finite number.
const RATIO_FLOOR = 1e-12;

/**
 * log10 of the first layer's weight-gradient norm over the output layer's (metrics()
 * gradNormPerLayer). A zero first-layer gradient, or a diverged network's NaN, reads as the
 * floor: a gradient that does not arrive.
 */
export function gradRatioLog10(gradNormPerLayer) {
  const ratio = gradNormPerLayer[0] / gradNormPerLayer.at(-1);
  return Math.log10(ratio > RATIO_FLOOR ? ratio : RATIO_FLOOR);
}

// Trains to `epochs`, reading the dead masks at every kept epoch (lifeStep) when `life` is
// given; returns the epochs each network first reached the target (trainToTarget's).
function trainTracked(arena, epochs, target, first, life) {
  // The score core's target watches: test accuracy, or a regression's test R².
  let reached = first.map((m) => ((m.testAccuracy ?? m.r2) >= target ? 0 : null));
  const step = life ? lifeStep(epochs) : epochs;
  life?.forEach((l, i) => l.observe(0, first[i].deadMask));
  for (let done = 0; done < epochs;) {
    const stop = Math.min(epochs, done + step);
    // One call unless the work budget splits it; the arena keeps the epochs found so far.
    while (done < stop) {
      const progress = arena.trainToTarget(stop - done, target);
      done += progress.epochs;
      reached = progress.reached;
    }
    if (life) arena.metrics().forEach((m, i) => life[i].observe(done, m.deadMask));
  }
  return reached;
}

/**
 * Trains one arena for `epochs` epochs from `seed` and returns one record per network. Test
 * accuracy is checked after every epoch inside core (arena.trainToTarget: a forward pass over
 * the test rows, the value metrics() would report), the full metrics only at the end, unless
 * `unitLife` asks for the dead masks at every kept epoch (revivals; null without it).
 * @returns {{seed: number, activation: string, label: string, epochsToTarget: number|null,
 *     testAccuracy: number|null, r2: number|null, testLoss: number|null, deadFraction: number,
 * sparsity: number, initActive: number, gradRatioInit: number, gradRatio: number, meanActivation:
 * number, meanActivationLayers: number[], revivals: number|null, lateRevivals: number|null,
 * revival: object|null, alphaMean: number|null, diverged: boolean}[]}
 */
export function runSeed(lab, settings, seed, {epochs, target, unitLife = false}) {
  const arena = lab.createArena({...settings, seed});
  try {
    const first = arena.metrics();
    const life = unitLife ? first.map(() => new UnitLife()) : null;
    const reached = trainTracked(arena, epochs, target, first, life);
    return arena.metrics().map((m, i) => {
      const lived = life?.[i].summary();
      return {
        seed,
        activation: m.activation,
        label: m.label,
        epochsToTarget: reached[i],
        testAccuracy: m.testAccuracy,
        r2: regressionR2(m),
        // A diverged network's loss is not a number: null here, the worst value in statistics.
        testLoss: Number.isFinite(m.testLoss) ? m.testLoss : null,
        deadFraction: m.units ? m.deadUnits / m.units : 0,
        sparsity: m.sparsity,
        initActive: 1 - first[i].sparsity,
        gradRatioInit: gradRatioLog10(first[i].gradNormPerLayer),
        gradRatio: gradRatioLog10(m.gradNormPerLayer),
        meanActivation: mean(m.meanActivation.map(Math.abs)),
        meanActivationLayers: m.meanActivation.map(Math.abs),
        revivals: lived ? lived.revivals : null,
        lateRevivals: lived ? lived.lateRevivals : null,
        revival: lived ? lived.revival : null,
        alphaMean: m.alphas.length ? mean(m.alphas.flat()) : null,
        diverged: m.diverged,
      };
    });
  } finally {
    arena.delete();
  }
}

/**
 * The tasks of a comparison: one per seed. A task is plain data (it crosses postMessage).
 * @returns {{settings: object, seed: number, epochs: number, target: number}[]}
 */
export function compareTasks(settings, options) {
  const {seeds, epochs, target, unitLife} = studyOptions(options);
  return studySeeds(seeds).map((seed) => ({settings, seed, epochs, target, unitLife}));
}

/** Runs one task (in this thread). */
export function runTask(lab, task) {
  return runSeed(lab, task.settings, task.seed, task);
}

/**
 * Runs tasks with `run(task)` (sync or async), at most `concurrency` at a time, reporting
 * progress; results come back in task order. Stops early (throwing an AbortError) when
 * `signal` aborts.
 */
export async function runTasks(tasks, run, {concurrency = 1, onProgress, signal} = {}) {
  const results = new Array(tasks.length);
  let next = 0, finished = 0;
  const lane = async () => {
    while (next < tasks.length) {
      signal?.throwIfAborted();
      const i = next++;
      results[i] = await run(tasks[i], i);
      ++finished;
      onProgress?.({done: finished, total: tasks.length});
    }
  };
  await Promise.all(Array.from({length: Math.max(1, concurrency)}, lane));
  signal?.throwIfAborted();
  return results;
}

/**
 * Many-seed comparison of every network in `settings.activations` (paired by seed).
 * @param {object} lab from loadReluLab()
 * @param {object} settings createArena settings (their `seed` is ignored: seeds are 1..K)
 * @param {{seeds?: number, epochs?: number, target?: number, unitLife?: boolean,
 *     onProgress?: Function, signal?: AbortSignal}} options
 * @returns {Promise<{settings, seeds: number[], epochs: number, target: number,
 *     warnings: string[], networks: {activation, label}[], records: object[][]}>}
 *     records[k][i]: seed k's outcome record for network i.
 */
export async function compareSeeds(lab, settings, options = {}) {
  const o = studyOptions(options);
  const tasks = compareTasks(settings, o);
  const records = await runTasks(tasks, (task) => runTask(lab, task), options);
  return assembleComparison(settings, o, records);
}

/** A comparison from its per-seed records (task order), as compareSeeds returns it. */
export function assembleComparison(settings, {seeds, epochs, target, warnings = []}, records) {
  return {
    settings,
    seeds: studySeeds(seeds),
    epochs,
    target,
    warnings,
    networks: records[0].map(({activation, label}) => ({activation, label})),
    records,
  };
}

// Outcomes whose null means "never" or "diverged": the worst value there is, not a gap.
const CENSORED = Object.freeze(['epochsToTarget', 'testLoss']);

/**
 * An outcome's value for statistics: a censored epochsToTarget (never reached) or a diverged
 * network's testLoss is Infinity; null stays null where the outcome does not apply (alphaMean
 * of a network without PReLU).
 */
export function outcomeValue(record, key) {
  const value = record[key];
  return value === null && CENSORED.includes(key) ? Infinity : value;
}

/**
 * Per network: the five numbers of an outcome over seeds, the best and worst seed, and the
 * paired verdict against network `reference` (an index; none for the reference itself or for an
 * outcome a network lacks, e.g. PReLU alpha).
 */
export function summarize(
    comparison, {outcome = 'epochsToTarget', reference = 0, ...options} = {}) {
  const o = outcomeOf(outcome);
  const column = (i) =>
      comparison.records.map((seedRecords) => outcomeValue(seedRecords[i], o.key));
  const refValues = column(reference);
  return comparison.networks.map((network, i) => {
    const values = column(i);
    if (values.some((v) => v === null)) return {...network, values, stats: null, versus: null};
    const order = values.map((v, k) => k).sort((a, b) => values[a] - values[b]);
    const [bestK, worstK] =
        o.better === 'lower' ? [order[0], order.at(-1)] : [order.at(-1), order[0]];
    const never = values.filter((v) => v === Infinity).length;
    const versus = i === reference || refValues.some((v) => v === null) ?
        null :
        pairedComparison(values, refValues, o, options);
    return {
      ...network,
      values,
      stats: fiveNumbers(values),
      never,
      best: {seed: comparison.seeds[bestK], value: values[bestK]},
      worst: {seed: comparison.seeds[worstK], value: values[worstK]},
      versus,
    };
  });
}
