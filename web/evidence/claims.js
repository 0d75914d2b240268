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
 *     against ref; or {median: net, range: [lo, hi]} for where a median lies; or {some: net}:
 *     holds when the outcome is above 0 on at least one seed (an existence claim), with that
 *     run as the example. A judge's `outcome` (a key) replaces the study's for that judge; its
 *     `layer` (a hidden layer's index) compares that layer's value (the record's key + 'Layers').
 * @property {string[]} [also] outcomes drawn as extra plots beside the study's own
 * @property {string} scope what this setting can and cannot show
 */

// The essay's own setting for dying units: tools/revival-search.mjs (seeds 1..20, 200 epochs)
// found comebacks in every preset that kills units but one (all biases at -1.5: those units never
// come back), here on 12 of 20 seeds, 18 of 22 units after dying while training.
const REVIVE_SCOPE = 'Dead means inactive on every training point at a kept epoch (here every ' +
    'epoch of 100); a unit dead at one and active at a later one came back. A unit of the ' +
    'second layer gets no gradient while dead, but the first layer goes on changing its ' +
    'inputs. One seed that shows it settles the claim; how often it happens depends on the ' +
    'setting (tools/revival-search.mjs compares several).';

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
    id: 'elu-mean',
    text: 'ELU pushes mean activations toward zero.',
    settings: {activations: ['relu', 'elu']},
    study: {kind: 'compare', outcome: 'meanActivation'},
    judges: [
      {a: {net: 1}, ref: {net: 0}, expect: 'better', layer: 0},
      {a: {net: 1}, ref: {net: 0}, expect: 'better', layer: 1},
    ],
    scope: 'The mean of each hidden layer\'s outputs over the training points after training, ' +
        'as a distance from zero averaged over the two layers; the detail view shows it per ' +
        'layer while a run trains.',
  },
  {
    id: 'elu-faster',
    text: 'ELU pushes mean activations toward zero, which speeds learning.',
    settings: {activations: ['relu', 'elu']},
    study: {kind: 'compare', outcome: 'epochsToTarget'},
    judges: [{a: {net: 1}, ref: {net: 0}, expect: 'better'}],
    scope: 'The speed half of the claim; the mean activations are the claim above.',
  },
  {
    id: 'deep-saturate',
    text: 'Sigmoid and tanh saturate and their gradients vanish in deeper networks.',
    settings: {activations: ['relu', 'tanh', 'sigmoid']},
    study: {
      kind: 'sweep',
      key: 'depth',
      values: [1, 2, 3, 4, 5, 6],
      outcome: 'gradRatioInit',
      epochs: 20
    },
    also: ['gradRatio'],
    judges: [
      {a: {net: 2, point: -1}, ref: {net: 0, point: -1}, expect: 'worse'},
      {a: {net: 1, point: -1}, ref: {net: 0, point: -1}, expect: 'worse'},
      {a: {net: 2, point: -1}, ref: {net: 0, point: -1}, expect: 'worse', outcome: 'gradRatio'},
      {a: {net: 1, point: -1}, ref: {net: 0, point: -1}, expect: 'worse', outcome: 'gradRatio'},
    ],
    scope: 'The gradient reaching the first hidden layer over the one at the output layer ' +
        '(weight-gradient norms, log10), at initialisation (all training points, one batch) ' +
        'and over the 20th epoch\'s steps, against ReLU at the same depth and seed; 8 units ' +
        'per layer. How fast each learns is another matter: see the experiment "Vanishing ' +
        'gradients".',
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
    // ReLU alone: the experiment's Leaky ReLU and ELU cannot die, and each network costs a
    // metrics pass per epoch here.
    settings: {exp: 'dying-in-training', activations: ['relu']},
    study: {kind: 'compare', outcome: 'revivals', epochs: 100},
    judges: [{some: 0}],
    scope: REVIVE_SCOPE,
  },
].map(Object.freeze));

export function findClaim(id) {
  return CLAIMS.find((c) => c.id === id);
}

// The values of network `net` at sweep point `point` (or of the comparison) per seed; with
// `layer`, the outcome's per-layer record (key + 'Layers') at that hidden layer.
function column(result, {net, point = 0}, key, layer) {
  const points = result.points ?? [result];
  const p = points.at(point);
  if (layer !== undefined) return p.records.map((r) => r[net][`${key}Layers`][layer]);
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

// An existence judge: the outcome above 0 on some seed; the earliest revival is the example.
function judgeSome(o, judge, result) {
  const records = (result.points ?? [result]).at(0).records.map((r) => r[judge.some]);
  const hits = records.filter((r) => outcomeValue(r, o.key) > 0);
  const holds = hits.length ? 'yes' : 'no';
  // A unit that died while training and came back tells the story better than one that was
  // dead from the start: those first, then the earliest.
  const late = (r) => (r.revival.deadAt > 0 ? 1 : 0);
  const example =
      hits.filter((r) => r.revival)
          .sort((a, b) => late(b) - late(a) || a.revival.revivedAt - b.revival.revivedAt)[0];
  const values = records.map((r) => outcomeValue(r, o.key));
  const text = `${o.label}: above 0 on ${hits.length} of ${records.length} seeds (most ${
      formatNumber(Math.max(...values))})`;
  if (!example) return {holds, text};
  const {seed, revival: {layer, unit, deadAt, revivedAt}} = example;
  return {
    holds,
    text: `${text}; e.g. seed ${seed}: layer ${layer + 1} unit ${unit + 1} dead from epoch ${
        deadAt}, alive again at epoch ${revivedAt}`,
    example: {seed, epoch: revivedAt},
  };
}

function judgeOne(claim, judge, result, options) {
  const o = outcomeOf(judge.outcome ?? claim.study.outcome);
  const {named = (n) => n.label, ...stats} = options;
  if (judge.some !== undefined) return judgeSome(o, judge, result);
  if (judge.expect) {
    const a = column(result, judge.a, o.key, judge.layer);
    const ref = column(result, judge.ref, o.key, judge.layer);
    const c = pairedComparison(a, ref, o, stats);
    const names = [nameOf(result, judge.a, claim, named), nameOf(result, judge.ref, claim, named)];
    const {text, detail} = plainVerdict(...names, c, o, result.target);
    // A judge on another outcome than the plotted one, or on one layer, says which it measures.
    const what =
        [judge.outcome && o.label, judge.layer !== undefined && `layer ${judge.layer + 1}`];
    const lead = what.filter(Boolean).join(', ');
    return {holds: EXPECT[judge.expect][c.kind], text: lead ? `${lead}: ${text}` : text, detail};
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
 * 'does not hold here' when one contradicts it, else 'within noise'. `example`: a run that
 * shows it ({seed, epoch}), for the claims that name one.
 * `options.named(network)`: the name a line gives a network ({activation, label}); the rest are
 * bootstrap options.
 * @returns {{verdict: string, lines: string[], details: string[],
 *     example?: {seed: number, epoch: number}}} details: each line's statistics ('' for none)
 */
export function judgeClaim(claim, result, options = {}) {
  const parts = (claim.judges ?? []).map((j) => judgeOne(claim, j, result, options));
  if (!parts.length) return {verdict: 'not measured', lines: [], details: []};
  const verdict = parts.some((p) => p.holds === 'no') ? 'does not hold here' :
      parts.every((p) => p.holds === 'yes')           ? 'holds here' :
                                                        'within noise';
  const example = parts.find((p) => p.example)?.example;
  return {
    verdict,
    lines: parts.map((p) => p.text),
    details: parts.map((p) => p.detail ?? ''),
    ...(example ? {example} : {}),
  };
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
  const {kind, key, values, epochs, outcome} = claim.study;
  return {
    ...overrides,
    kind,
    key,
    values,
    outcome,
    ...(epochs !== undefined ? {epochs} : {}),
    settings: table.arenaSettings(claimUrlSettings(table, claim)),
  };
}
