// Sweeps: one setting varied along an axis, K paired seeds per value, every network of the
// settings at each value. The axes and their ranges come from lab.schema (core's one table);
// where an axis deliberately covers less than core accepts, the narrower range is written next
// to the key below with its reason. Statistics per point are those of seed-study.mjs.
import {fiveNumbers} from './evidence-stats.mjs';
import {assembleComparison, outcomeOf, outcomeValue, runTask, runTasks, STUDY_LIMITS, studyOptions, studySeeds} from './seed-study.mjs';

// Axis key -> where its range comes from in the schema, and a narrower sweep range if any.
// clang-format off
const AXES = Object.freeze([
  // Core accepts 1e-5..10; below 1e-4 nothing moves in a few hundred epochs and above 1 Adam
  // and SGD diverge on every activation, so a sweep spends its points between.
  {key: 'lr', setting: 'lr', scale: 'log', range: {min: 1e-4, max: 1}},
  // Inputs lie in [-1, 1]: beyond ±3 the bias swamps every weight (the page's control stops
  // there too).
  {key: 'biasInit', setting: 'biasInit', scale: 'linear', range: {min: -3, max: 3}},
  {key: 'leaky_relu.slope', param: ['leaky_relu', 'slope'], scale: 'linear'},
  {key: 'prelu.init', param: ['prelu', 'init'], scale: 'linear'},
  {key: 'depth', limit: 'maxHiddenLayers', scale: 'int', range: {min: 1}},
  {key: 'units', limit: 'maxUnits', scale: 'int', range: {min: 1}},
  {key: 'init', setting: 'init', scale: 'options'},
  {key: 'noise', setting: 'noise', scale: 'linear'},
  // Powers of two from 1 up to the training rows of the default data (a full batch).
  {key: 'batchSize', setting: 'batchSize', scale: 'log2', range: {max: 256}},
]);
// clang-format on

/**
 * The axes a sweep can vary, with ranges from the schema (narrowed where stated above).
 * @returns {{key: string, scale: string, min?: number, max?: number, options?: string[],
 *     meaning: string}[]}
 */
export function sweepAxes(schema) {
  return AXES.map((axis) => {
    let row;
    if (axis.setting) row = schema.settings.find((s) => s.key === axis.setting);
    if (axis.param) {
      const a = schema.activations.find((x) => x.name === axis.param[0]);
      row = a.params.find((p) => p.key === axis.param[1]);
    }
    if (axis.limit) {
      row = {
        min: 0,
        max: schema.limits[axis.limit],
        meaning: axis.key === 'depth' ? 'hidden layers (of the first layer\'s units)' :
                                        'units in every hidden layer'
      };
    }
    const out = {key: axis.key, scale: axis.scale, meaning: row.meaning};
    if (row.options)
      out.options = row.options.slice();
    else {
      out.min = Math.max(row.min, axis.range?.min ?? -Infinity);
      out.max = Math.min(row.max, axis.range?.max ?? Infinity);
    }
    return Object.freeze(out);
  });
}

/** `count` values spread over an axis (log-spaced for lr, powers of two for batch size). */
export function axisValues(axis, count = 5) {
  if (axis.options) return axis.options.slice(0, STUDY_LIMITS.maxSweepValues);
  const n = Math.max(2, Math.min(STUDY_LIMITS.maxSweepValues, count));
  const t = (i) => i / (n - 1);
  let values;
  if (axis.scale === 'log') {
    const [a, b] = [Math.log10(axis.min), Math.log10(axis.max)];
    values = Array.from({length: n}, (_, i) => Number((10 ** (a + t(i) * (b - a))).toPrecision(2)));
  } else if (axis.scale === 'log2') {
    const top = Math.floor(Math.log2(axis.max));
    values = Array.from({length: n}, (_, i) => 2 ** Math.round(t(i) * top));
  } else if (axis.scale === 'int' && axis.max - axis.min < 7) {
    values = Array.from({length: axis.max - axis.min + 1}, (_, i) => axis.min + i);
  } else if (axis.scale === 'int') {
    values = Array.from({length: n}, (_, i) => Math.round(axis.min + t(i) * (axis.max - axis.min)));
  } else {
    values = Array.from(
        {length: n}, (_, i) => Number((axis.min + t(i) * (axis.max - axis.min)).toPrecision(3)));
  }
  return [...new Set(values)];
}

/** `settings` with the axis set to `value` (createArena settings; activation params by name). */
export function applyAxis(settings, key, value) {
  const out = {...settings};
  const units = settings.layers?.[0] ?? 8;
  const depth = settings.layers?.length ?? 2;
  if (key === 'depth')
    out.layers = Array(value).fill(units);
  else if (key === 'units')
    out.layers = Array(Math.max(1, depth)).fill(value);
  else if (key.includes('.')) {
    const [name, param] = key.split('.');
    out.activations = (settings.activations ?? []).map((a) => {
      const entry = typeof a === 'string' ? {activation: a, params: {}} : a;
      return entry.activation === name ? {...entry, params: {...entry.params, [param]: value}} :
                                         entry;
    });
  } else
    out[key] = value;
  return out;
}

/**
 * The tasks of a sweep: for each value, one per seed (value-major).
 * @returns {{settings, seed, epochs, target}[]}
 */
export function sweepTasks(settings, {key, values, ...options}) {
  const {seeds, epochs, target, unitLife} = studyOptions(options, 'sweep');
  return values.flatMap(
      (value) => studySeeds(seeds).map(
          (seed) => ({settings: applyAxis(settings, key, value), seed, epochs, target, unitLife})));
}

function checkSweep(schema, {key, values}) {
  const axis = sweepAxes(schema).find((a) => a.key === key);
  if (!axis) {
    throw new Error(`sweep: key ${JSON.stringify(key)} is not an axis (expected one of ${
        sweepAxes(schema).map((a) => a.key).join(', ')})`);
  }
  if (!Array.isArray(values) || values.length < 2 || values.length > STUDY_LIMITS.maxSweepValues) {
    throw new Error(`sweep: values must be an array of 2..${STUDY_LIMITS.maxSweepValues} values`);
  }
  return axis;
}

/**
 * Sweeps one setting: `lab.sweep`-style plain result.
 * @param {{key: string, values?: Array, seeds?: number, epochs?: number, target?: number,
 *     onProgress?, signal?, concurrency?}} options values default to 5 along the axis
 * @returns {Promise<{key, values, points: object[]}>} points[j]: the comparison at values[j]
 */
export async function sweep(lab, settings, options) {
  const axis = sweepAxes(lab.schema).find((a) => a.key === options.key);
  const values = options.values ?? (axis ? axisValues(axis) : undefined);
  checkSweep(lab.schema, {key: options.key, values});
  const o = studyOptions(options, 'sweep');
  const tasks = sweepTasks(settings, {...options, ...o, values});
  const records = await runTasks(tasks, (task) => runTask(lab, task), options);
  return assembleSweep(settings, {key: options.key, values, ...o}, records);
}

/** A sweep from its records in task order (value-major). */
export function assembleSweep(settings, {key, values, seeds, epochs, target, warnings}, records) {
  const points = values.map(
      (value, j) => assembleComparison(
          applyAxis(settings, key, value), {seeds, epochs, target, warnings},
          records.slice(j * seeds, (j + 1) * seeds)));
  return {key, values, seeds, epochs, target, warnings, points};
}

/**
 * Per network: the outcome's quartiles at every value of the sweep (for a median line and an
 * IQR band); null where the outcome does not apply.
 * @returns {{activation, label, rows: ({value, q1, median, q3, never}|null)[]}[]}
 */
export function summarizeSweep(result, outcome = 'deadFraction') {
  const o = outcomeOf(outcome);
  return result.points[0].networks.map((network, i) => ({
                                         ...network,
                                         rows: result.points.map((point, j) => {
                                           const values =
                                               point.records.map((r) => outcomeValue(r[i], o.key));
                                           if (values.some((v) => v === null)) return null;
                                           const {q1, median, q3} = fiveNumbers(values);
                                           return {
                                             value: result.values[j],
                                             q1,
                                             median,
                                             q3,
                                             never: values.filter((v) => v === Infinity).length
                                           };
                                         }),
                                       }));
}
