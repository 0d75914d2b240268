// The essays' claims, each with the study that tests it (fixed settings on top of the
// defaults, in URL keys) and how its verdict is read from the measured result. Pure data and
// arithmetic: the page (evidence-view.js) and tools/evidence-claims.mjs both run these.
import {bootstrapMedian, formatNumber, pairedComparison} from '../../js/evidence-stats.mjs';
import {outcomeOf, outcomeValue} from '../../js/seed-study.mjs';
import {experimentSettings} from '../page/experiment-settings.js';
import {findExperiment} from '../page/experiments.js';

import {intervalMeaning, plainVerdict} from './verdict-words.js';

/**
 * @typedef {object} Claim
 * @property {string} id the URL's `claim` value
 * @property {string} text the claim as the essays make it
 * @property {object} settings URL-key overrides of the defaults (the panels show them too)
 * @property {{kind: 'compare'|'sweep'|'look', outcome?: string, key?: string,
 *     values?: Array, epochs?: number}} study
 * @property {object[]} [judges] paired comparisons: a and ref are {net, point} (point: index
 *     into a sweep's values, negative from the end); expect 'better' | 'worse' | 'same' for a
 *     against ref; or {median: net, range: [lo, hi]} for where a median lies
 * @property {string} scope what this setting can and cannot show
 */

/** @type {readonly Claim[]} */
export const CLAIMS = Object.freeze([
  {
    id: 'leaky-same',
    text: 'Leaky ReLU theoretically should perform better, but is relatively the same in practice.',
    settings: {activations: ['relu', 'leaky_relu']},
    study: {kind: 'compare', outcome: 'epochsToTarget'},
    judges: [{a: {net: 1}, ref: {net: 0}, expect: 'same'}],
    scope: 'One dataset and one small network with Adam: "in practice" means this setting only. ' +
        'Speed to the target accuracy is measured, not the final fit on harder data.',
  },
  {
    id: 'dead-lr',
    text: 'ReLU units die when the learning rate is too high.',
    settings: {activations: ['relu', 'leaky_relu']},
    study: {kind: 'sweep', key: 'lr', outcome: 'deadFraction', epochs: 100},
    judges: [{a: {net: 0, point: -1}, ref: {net: 0, point: 0}, expect: 'worse'}],
    scope: 'Dead means inactive on every training point after the run (core\'s one ' +
        'definition). Leaky ReLU is shown for contrast; it cannot die by this definition.',
  },
  {
    id: 'dead-init',
    text: 'Dead ReLUs form from poor initialisation: large negative weights or biases.',
    settings: {activations: ['relu']},
    study: {kind: 'sweep', key: 'biasInit', values: [-1, 0], outcome: 'deadFraction', epochs: 100},
    judges: [{a: {net: 0, point: 0}, ref: {net: 0, point: 1}, expect: 'worse'}],
    scope: 'A bias of -1 with inputs in [-1, 1] stands in for "large negative"; weights keep ' +
        'their scheme (He).',
  },
  {
    id: 'bias-alive',
    text: 'A small positive bias (0.1) keeps ReLU units alive.',
    settings: {activations: ['relu']},
    study: {kind: 'sweep', key: 'biasInit', values: [0, 0.1], outcome: 'deadFraction', epochs: 300},
    judges: [{a: {net: 0, point: 1}, ref: {net: 0, point: 0}, expect: 'better'}],
    scope: 'At the default learning rate few units die at all, so there is little to save; the ' +
        'learning-rate sweep shows where units do die.',
  },
  {
    id: 'half-active',
    text: 'In a randomly initialised network about 50% of ReLU hidden units are active.',
    settings: {activations: ['relu']},
    study: {kind: 'compare', outcome: 'initActive', epochs: 1},
    judges: [{median: 0, range: [0.4, 0.6]}],
    scope: 'Measured as the share of hidden outputs (units times training points) that are not ' +
        'exactly zero before any training; "about 50%" is read as 40-60%.',
  },
  {
    id: 'leaky-dense',
    text: 'Leaky ReLU gives up exact-zero sparsity.',
    settings: {activations: ['relu', 'leaky_relu']},
    study: {kind: 'compare', outcome: 'sparsity'},
    judges: [{a: {net: 1}, ref: {net: 0}, expect: 'worse'}],
    scope: 'Sparsity is the share of hidden outputs that are exactly zero after training.',
  },
  {
    id: 'elu-faster',
    text: 'ELU pushes mean activations toward zero, which speeds learning.',
    settings: {activations: ['relu', 'elu']},
    study: {kind: 'compare', outcome: 'epochsToTarget'},
    judges: [{a: {net: 1}, ref: {net: 0}, expect: 'better'}],
    scope: 'Only the speed is tested: the page does not measure mean activations per layer.',
  },
  {
    id: 'deep-saturate',
    text: 'Sigmoid and tanh saturate and their gradients vanish in deeper networks.',
    settings: {activations: ['relu', 'tanh', 'sigmoid']},
    study: {kind: 'sweep', key: 'depth', values: [1, 6], outcome: 'epochsToTarget'},
    judges: [
      {a: {net: 2, point: 1}, ref: {net: 2, point: 0}, expect: 'worse'},
      {a: {net: 1, point: 1}, ref: {net: 1, point: 0}, expect: 'worse'},
    ],
    scope: 'Tested through its consequence, slower learning at depth 6 than at depth 1 (8 ' +
        'units per layer); gradient norms per layer are not measured here.',
  },
  {
    id: 'he-xavier',
    text: 'He initialisation suits ReLU, Xavier suits tanh.',
    settings: {activations: ['relu', 'tanh'], activationGain: false},
    study: {
      kind: 'sweep',
      key: 'init',
      values: ['he_normal', 'xavier_normal'],
      outcome: 'epochsToTarget'
    },
    judges: [
      {a: {net: 0, point: 0}, ref: {net: 0, point: 1}, expect: 'better'},
      {a: {net: 1, point: 1}, ref: {net: 1, point: 0}, expect: 'better'},
    ],
    scope: 'Activation gains are off so each scheme keeps its own scale. Two layers of 8 units ' +
        'are shallow: the essays\' reason (variance over many layers) has little room here.',
  },
  {
    id: 'scale-inputs',
    text: 'Inputs should be scaled.',
    settings: {activations: ['relu', 'tanh']},
    study: {kind: 'sweep', key: 'scaleInputs', values: [true, false], outcome: 'epochsToTarget'},
    judges: [
      {a: {net: 0, point: 0}, ref: {net: 0, point: 1}, expect: 'better'},
      {a: {net: 1, point: 0}, ref: {net: 1, point: 1}, expect: 'better'},
    ],
    scope: 'Scaled inputs lie in [-1, 1], unscaled ones in [-6, 6]; nothing else changes.',
  },
  {
    id: 'prelu-slope',
    text: 'PReLU learns its slope: it may end near 0 (like ReLU) or small (like Leaky ReLU).',
    settings: {activations: ['prelu']},
    study: {kind: 'compare', outcome: 'alphaMean'},
    judges: [{median: 0, range: [0, 0.3]}],
    scope: 'The mean learned alpha over layers, from 0.25 at the start; "near 0 or small" is ' +
        'read as 0 to 0.3. Its cost in parameters and time is not measured here.',
  },
  {
    id: 'corners',
    text: 'ReLU networks draw boundaries with corners (junctions of lines), tanh with a curved ' +
        'envelope.',
    settings: {exp: 'relu-vs-tanh'},
    study: {kind: 'look'},
    scope: 'A shape, not a number: look at the panels. Nothing is measured.',
  },
  {
    id: 'dead-revive',
    text: 'A dead unit is not always permanently dead.',
    settings: {exp: 'dying-in-training'},
    study: {kind: 'look'},
    scope: 'Not measured: a study records each unit only at the end. Watch the dead count in ' +
        'the panels as training goes on.',
  },
].map(Object.freeze));

export function findClaim(id) {
  return CLAIMS.find((c) => c.id === id);
}

// The values of network `net` at sweep point `point` (or of the comparison) per seed.
function column(result, {net, point = 0}, key) {
  const points = result.points ?? [result];
  const p = points.at(point);
  return p.records.map((r) => outcomeValue(r[net], key));
}

function nameOf(result, {net, point = 0}, claim, named) {
  const points = result.points ?? [result];
  const label = named(points[0].networks[net]);
  if (!result.points) return label;
  const value = result.values.at(point);
  return `${label} at ${claim.study.key} ${value}`;
}

const EXPECT = {
  same: {better: 'no', worse: 'no', noise: 'yes', tied: 'yes'},
  better: {better: 'yes', worse: 'no', noise: 'noise', tied: 'noise'},
  worse: {better: 'no', worse: 'yes', noise: 'noise', tied: 'noise'},
};

function judgeOne(claim, judge, result, options) {
  const o = outcomeOf(claim.study.outcome);
  const {named = (n) => n.label, ...stats} = options;
  if (judge.expect) {
    const a = column(result, judge.a, o.key), ref = column(result, judge.ref, o.key);
    const c = pairedComparison(a, ref, o, stats);
    const names = [nameOf(result, judge.a, claim, named), nameOf(result, judge.ref, claim, named)];
    return {holds: EXPECT[judge.expect][c.kind], ...plainVerdict(...names, c, o, result.target)};
  }
  const values = column(result, {net: judge.median}, o.key);
  const b = bootstrapMedian(values, stats);
  // Fractions read as percentages.
  const f = (x) => formatNumber(x * (o.scale ?? 1)) + (o.scale ? '%' : '');
  const [min, max] = judge.range;
  const holds = b.lo >= min && b.hi <= max ? 'yes' : b.hi < min || b.lo > max ? 'no' : 'noise';
  const name = named((result.points ?? [result])[0].networks[judge.median]);
  return {
    holds,
    text: `${name}: the median ${o.label} over ${b.n} seeds is ${f(b.median)}; the claim says ${
        f(min)} to ${f(max)}.`,
    detail: `${Math.round(b.level * 100)}% interval of the median: [${f(b.lo)}, ${f(b.hi)}]. ${
        intervalMeaning(b, 'the claim holds when the whole interval lies in its range')}`,
  };
}

/**
 * Reads a claim's verdict from its study's result: 'holds here' when every judge holds,
 * 'does not hold here' when one contradicts it, else 'within noise'.
 * `options.named(network)`: the name a line gives a network ({activation, label}); the rest are
 * bootstrap options.
 * @returns {{verdict: string, lines: string[], details: string[]}} details: each line's statistics
 */
export function judgeClaim(claim, result, options = {}) {
  const parts = (claim.judges ?? []).map((j) => judgeOne(claim, j, result, options));
  if (!parts.length) return {verdict: 'not measured', lines: [], details: []};
  const verdict = parts.some((p) => p.holds === 'no') ? 'does not hold here' :
      parts.every((p) => p.holds === 'yes')           ? 'holds here' :
                                                        'within noise';
  return {verdict, lines: parts.map((p) => p.text), details: parts.map((p) => p.detail)};
}

/**
 * The study a claim runs, on top of the defaults of `table` (the page's settings table): a
 * planStudy request with arena settings. `overrides` (seeds, epochs, target) come from the page's
 * form; a claim's own epochs win.
 */
export function claimUrlSettings(table, claim) {
  const {exp, ...own} = claim.settings;
  const found = exp ? findExperiment(exp, '') : null;
  const base =
      found ? experimentSettings(table, found.experiment, found.variant) : table.defaults();
  return {...base, ...own};
}

export function claimRequest(table, claim, overrides = {}) {
  const {kind, key, values, epochs} = claim.study;
  return {
    ...overrides,
    kind,
    key,
    values,
    ...(epochs !== undefined ? {epochs} : {}),
    settings: table.arenaSettings(claimUrlSettings(table, claim)),
  };
}
