// The URL settings table: which hash key sets which core setting (types, ranges, defaults and
// options all come from core's lab.schema) plus the page's own view keys, read from and written
// to the hash. Parsing never throws: bad values become plain-text notices (never HTML).
import {BACKENDS} from '../../js/relu-lab.mjs';
import {decodeData, encodeData, MAX_LINK_POINTS, toCore} from '../data/own-data.js';
import {studyRows} from '../evidence/study-settings.js';
import {hideableNames} from '../page/classroom.js';
import {EXPERIMENTS, experimentSettings, findExperiment, VARIANT_IDS} from '../page/experiments.js';
import {parseEpochList, TIME_ROWS} from '../time/time-settings.js';
import {MAX_WORKERS} from '../trainer/start-worker.js';

// The paces the speed control offers, in epochs per display frame (60 per second).
const PACES = Object.freeze([1 / 32, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 5, 10, 20, 50]);

function paceText(pace) {
  return pace < 1 ? `1/${Math.round(1 / pace)} epoch per frame` :
                    `${pace} epoch${pace === 1 ? '' : 's'} per frame`;
}

// Short URL keys that stand for a core setting (the keys links have always used); every other
// core setting is its own URL key. "name.key" is activation name's parameter key.
const URL_KEYS = Object.freeze({
  split: 'trainFraction',
  bias: 'biasInit',
  batch: 'batchSize',
  slope: 'leaky_relu.slope',
  preluMode: 'prelu.mode',
  preluInit: 'prelu.init',
  eluAlpha: 'elu.alpha',
  beta: 'softplus.beta',
});

// How the form shows a core setting: group, label, step, the lr control's decade list, and `ui`,
// a deliberately narrower control range (a URL value outside it is kept and marked, not
// clamped). Core settings not listed go to the 'more' group under their own key.
// clang-format off
const PRESENTATION = Object.freeze({
  dataset: {group: 'data', label: 'Dataset'},
  noise: {group: 'data', label: 'Noise', step: 0.05},
  // Below 50 points the test half is too small for its accuracy to mean much.
  points: {group: 'data', label: 'Points', step: 50, ui: {min: 50}},
  // Own points, drawn or uploaded: the data editor is the control (data-editor.js) and says in
  // its own words what core's meaning (the settings value's JSON shape) says for the API.
  data: {group: 'data', label: 'Own data', meaning: ''},
  trainFraction: {group: 'data', label: 'Train fraction', step: 0.1},
  seed: {group: 'data', label: 'Seed', step: 1},
  layers: {group: 'network', label: 'Hidden layers'},
  activations: {group: 'network', label: 'Panels'},
  init: {group: 'network', label: 'Weight init'},
  // Inputs lie in [-1, 1]: beyond ±3 the bias swamps every weight, so each ReLU starts dead
  // or linear and the panels no longer differ.
  biasInit: {group: 'network', label: 'Bias init', step: 0.1, ui: {min: -3, max: 3}},
  'leaky_relu.slope': {group: 'params', label: 'Leaky slope', step: 0.01},
  'prelu.mode': {group: 'params', label: 'PReLU alpha'},
  'prelu.init': {group: 'params', label: 'PReLU init', step: 0.05},
  'elu.alpha': {group: 'params', label: 'ELU alpha', step: 0.1},
  'softplus.beta': {group: 'params', label: 'Softplus beta', step: 0.1},
  optimizer: {group: 'training', label: 'Optimizer'},
  lr: {group: 'training', label: 'Learning rate', decades: true},
  batchSize: {group: 'training', label: 'Batch size', step: 1},
  l1: {group: 'training', label: 'L1 penalty', step: 0.001},
  l2: {group: 'training', label: 'L2 penalty', step: 0.001},
  dropout: {group: 'training', label: 'Dropout', step: 0.05},
  batchNorm: {group: 'training', label: 'Batch norm'},
  'optimizer.momentum': {group: 'more', label: 'Momentum', step: 0.05},
  'optimizer.beta1': {group: 'more', label: 'Adam beta1', step: 0.01},
  'optimizer.beta2': {group: 'more', label: 'Adam beta2', step: 0.001},
  'optimizer.eps': {group: 'more', label: 'Adam eps'},
  clipNorm: {group: 'more', label: 'Clip norm', step: 0.1},
});
// clang-format on

/** The page-only engine choice, readable before the schema arrives (boot.js needs it first). */
export const BACKEND_ROW = Object.freeze({
  key: 'backend',
  type: 'enum',
  group: 'view',
  label: 'Engine',
  default: 'auto',
  options: Object.freeze(['auto', ...BACKENDS.map((b) => b.replace(/^wasm-/, ''))]),
  meaning: 'the wasm build: auto picks SIMD128 where the browser supports it',
});

// Page-only settings: they change the view, never the networks. res's range is core's field grid.
function pageRows(limits) {
  return [
    {
      key: 'res',
      type: 'int',
      group: 'view',
      label: 'Field resolution',
      default: 128,
      min: limits.minFieldResolution,
      max: limits.maxFieldResolution,
      step: 32,
    },
    {
      key: 'speed',
      type: 'number',
      group: 'view',
      label: 'Speed',
      default: 1,
      min: PACES[0],
      max: PACES.at(-1),
      choices: PACES.map((pace) => [pace, paceText(pace)]),
      meaning: 'epochs trained per screen frame (60 frames a second) once the slow start is over',
    },
    {
      key: 'ease',
      type: 'bool',
      group: 'view',
      label: 'Slow start',
      default: true,
      meaning: 'begin at 1/32 epoch per frame and double the pace every 4 epochs up to Speed',
    },
    {key: 'discretize', type: 'bool', group: 'view', label: 'Discretize', default: false},
    {
      key: 'regions',
      type: 'bool',
      group: 'view',
      label: 'Linear regions',
      default: false,
      meaning: 'count each ReLU-like panel\'s linear regions and draw their borders',
    },
    {key: 'test', type: 'bool', group: 'view', label: 'Show test data', default: false},
    {key: 'controls', type: 'bool', group: 'view', label: 'Show controls', default: true},
    BACKEND_ROW,
    WORKERS_ROW,
    {
      key: 'hide',
      type: 'names',
      group: 'hidden',
      label: 'Hidden parts',
      default: [],
      meaning: 'classroom mode: the controls and page parts a teacher\'s link hides',
    },
    {
      key: 'exp',
      type: 'enum',
      group: 'hidden',
      label: 'Experiment',
      default: '',
      options: ['', ...EXPERIMENTS.map((e) => e.id)],
    },
    {
      key: 'v',
      type: 'enum',
      group: 'hidden',
      label: 'Variant of the experiment',
      default: '',
      options: ['', ...VARIANT_IDS],
    },
    ...TIME_ROWS,
  ];
}

const NOTICE_VALUE_CHARS = 40;
// Keys of older links that no longer name one setting (see readLegacy).
const LEGACY_KEYS = Object.freeze(['reg', 'regRate']);

// URL text shown in a notice is shortened; it is only ever set as textContent.
function quote(text) {
  const s = String(text);
  return JSON.stringify(s.length > NOTICE_VALUE_CHARS ? s.slice(0, NOTICE_VALUE_CHARS) + '…' : s);
}

function usingDefault(row) {
  return row.default === '' ? 'it is left unset' : `the default ${row.default} is used`;
}

/** The page-only number of trainer workers, read before the schema arrives (as backend). */
export const WORKERS_ROW = Object.freeze({
  key: 'workers',
  type: 'int',
  group: 'hidden',
  label: 'Workers',
  default: 0,
  min: 0,
  max: MAX_WORKERS,
  meaning: 'trainer threads sharing the panels (0: one per core but one); same numbers for any',
});

/** @returns {number} the workers the hash asks for (0: the default), as poolSize() takes. */
export function requestedWorkers(hash) {
  const value = Number(new URLSearchParams(String(hash).replace(/^#/, '')).get(WORKERS_ROW.key));
  return Number.isInteger(value) && value >= 0 && value <= WORKERS_ROW.max ? value : 0;
}

/** @returns {'auto'|string} the build the hash asks for, as loadReluLab's backend option. */
export function requestedBackend(hash) {
  const value = new URLSearchParams(String(hash).replace(/^#/, '')).get(BACKEND_ROW.key);
  if (!value || value === 'auto' || !BACKEND_ROW.options.includes(value)) return 'auto';
  return `wasm-${value}`;
}

/** The table for one schema: rows in URL order, parsing, the hash and the arena settings. */
export class UrlSettings {
  /** @param {object} schema lab.schema */
  constructor(schema) {
    const urlKeyOf = new Map(Object.entries(URL_KEYS).map(([url, core]) => [core, url]));
    const coreRow = (entry, core, fallback) => ({
      ...entry,
      key: urlKeyOf.get(core) || core,
      core,
      ...(PRESENTATION[core] || fallback),
    });
    this.rows = schema.settings.map((s) => coreRow(s, s.key, {group: 'more', label: s.key}));
    for (const a of schema.activations) {
      for (const p of a.params) {
        this.rows.push(
            coreRow(p, `${a.name}.${p.key}`, {group: 'more', label: `${a.displayName} ${p.key}`}));
      }
    }
    this.rows.push(...pageRows(schema.limits), ...studyRows(schema));
    this.byKey = new Map(this.rows.map((row) => [row.key, row]));
    this.byKey.get('hide').options = hideableNames(this);
    this.activations = new Map(schema.activations.map((a) => [a.name, a]));
    this.limits = schema.limits;
  }

  /** @returns {object} a fresh settings object (URL key -> value) with every default. */
  defaults() {
    const settings = {};
    for (const row of this.rows) {
      settings[row.key] = Array.isArray(row.default) ? row.default.slice() : row.default;
    }
    return settings;
  }

  /** @returns {object} defaults + experiment (+ variant) overrides, with exp and v set. */
  experiment(experiment, variant) {
    return {
      ...experimentSettings(this.defaults(), experiment, variant),
      exp: experiment.id,
      v: variant ? variant.id : '',
    };
  }

  /**
   * @returns {string[]} the keys that set networks or data where `settings` differ from
   *     its experiment's (and variant's) own settings: the text no longer describes them.
   */
  leftExperiment(settings) {
    const {experiment, variant} = findExperiment(settings.exp, settings.v);
    if (!experiment) return [];
    const own = this.experiment(experiment, variant);
    return this.rows.filter((row) => row.core !== undefined || row.key === 'speed')
        .filter((row) => this.text(row, own[row.key]) !== this.text(row, settings[row.key]))
        .map((row) => row.key)
        .filter((key) => key !== 'speed');
  }

  /** @returns {object} the row of URL key `key`. */
  row(key) {
    return this.byKey.get(key);
  }

  /** @returns {string} the URL key of activation `name`'s parameter `param`. */
  paramKey(name, param) {
    return this.rows.find((row) => row.core === `${name}.${param}`).key;
  }

  // The parameter an entry "name:value" sets: the activation's first number parameter.
  tokenParam(name) {
    return this.activations.get(name).params.find((p) => p.type === 'number');
  }

  clampNumber(row, value, notices, range = row, rangeName = '') {
    const whole = row.type === 'int' || row.type === 'seed';
    let v = whole ? Math.round(value) : value;
    if (v !== value) notices.push(`${row.key}: ${value} is not a whole number, so ${v} is used.`);
    if (v < range.min || v > range.max) {
      const clamped = Math.min(range.max, Math.max(range.min, v));
      notices.push(
          `${row.key}: ${v} is outside ${rangeName}${range.min} to ${range.max}, so ${clamped} ` +
          'is used.');
      v = clamped;
    }
    return v;
  }

  // A comma list of known names, each once; unknown ones are left out with a notice.
  parseNames(row, raw, notices) {
    const names = [];
    for (const name of raw.split(',').filter(Boolean)) {
      if (!row.options.includes(name)) {
        notices.push(
            `${row.key}: ${quote(name)} is not a part of the page that can be hidden ` +
            '(e.g. intro, experiments, chart, legend, settings, play, or a setting ' +
            'such as lr), so it is left out.');
      } else if (!names.includes(name)) {
        names.push(name);
      }
    }
    return names;
  }

  parseLayers(row, raw, notices) {
    if (raw.trim() === '') return [];
    const layers = [];
    for (const token of raw.split(',')) {
      const n = Number(token);
      if (token.trim() === '' || !Number.isFinite(n)) {
        notices.push(`layers: ${quote(token)} is not a number of units, so it is left out.`);
        continue;
      }
      layers.push(this.clampNumber({...row, type: 'int'}, n, notices));
    }
    const most = this.limits.maxHiddenLayers;
    if (layers.length > most) {
      notices.push(`layers: at most ${most} hidden layers are allowed; the rest are left out.`);
      layers.length = most;
    }
    return layers;
  }

  /** Parses "leaky_relu:0.2" into its canonical token; returns null (with a notice) if bad. */
  parseActivation(token, notices) {
    const [name, param, ...rest] = token.split(':');
    if (!this.activations.has(name) || rest.length) {
      notices.push(`activations: ${quote(token)} is not a known activation, so it is left out.`);
      return null;
    }
    if (param === undefined) return name;
    const spec = this.tokenParam(name);
    const value = Number(param);
    if (!spec || param.trim() === '' || !Number.isFinite(value)) {
      notices.push(
          `activations: ${quote(token)} has no valid parameter, so ${name} uses its ` +
          'default.');
      return name;
    }
    const v = this.clampNumber({...spec, key: `activations (${name} ${spec.key})`}, value, notices);
    return `${name}:${v}`;
  }

  parseActivations(row, raw, notices) {
    const list = [];
    for (const token of raw.split(',')) {
      if (token === '') continue;
      const entry = this.parseActivation(token, notices);
      if (entry) list.push(entry);
    }
    const most = this.limits.maxNetworks;
    if (list.length > most) {
      notices.push(`activations: at most ${most} panels are allowed; the rest are left out.`);
      list.length = most;
    }
    if (!list.length) {
      notices.push('activations: no valid activation is left, so the default panels are used.');
      return row.default.slice();
    }
    return list;
  }

  parseValue(row, raw, notices) {
    switch (row.type) {
      case 'enum':
        if (row.options.includes(raw)) return raw;
        notices.push(`${row.key}: ${quote(raw)} is not one of ${
            row.options.filter(Boolean).join(', ')}, so ${usingDefault(row)}.`);
        return row.default;
      case 'bool':
        if (raw === 'true' || raw === '1') return true;
        if (raw === 'false' || raw === '0') return false;
        notices.push(`${row.key}: ${quote(raw)} is not true or false, so ${usingDefault(row)}.`);
        return row.default;
      case 'int':
      case 'seed':
      case 'number': {
        const value = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(value)) {
          notices.push(`${row.key}: ${quote(raw)} is not a number, so ${usingDefault(row)}.`);
          return row.default;
        }
        return this.clampNumber(row, value, notices);
      }
      case 'names':
        return this.parseNames(row, raw, notices);
      case 'layers':
        return this.parseLayers(row, raw, notices);
      case 'activations':
        return this.parseActivations(row, raw, notices);
      case 'data': {
        if (raw === '') return null;
        const {data, error} = decodeData(raw);
        if (!data) notices.push(`${row.key}: ${error}, so the dataset is used instead.`);
        return data;
      }
      case 'epochs':
        return parseEpochList(row, raw, notices);
    }
    throw new Error(`url-settings: unknown type ${row.type}`);
  }

  /**
   * Reads a URL hash ("#lr=0.1&layers=8,8"). Missing keys take their defaults.
   * @returns {{settings: object, notices: string[]}}
   */
  parse(hash) {
    const notices = [];
    const params = new URLSearchParams(String(hash).replace(/^#/, ''));
    // An experiment (and its variant) is the base the link's other keys change.
    const exp =
        params.has('exp') ? this.parseValue(this.byKey.get('exp'), params.get('exp'), notices) : '';
    const {experiment, variant} = findExperiment(exp, params.get('v') ?? '');
    const settings = experiment ? this.experiment(experiment, variant) : this.defaults();
    for (const [key, raw] of params) {
      if (key === 'exp') continue;
      const row = this.byKey.get(key);
      if (row)
        settings[key] = this.parseValue(row, raw, notices);
      else if (!LEGACY_KEYS.includes(key))
        notices.push(`${quote(key)} is not a setting, so it is ignored.`);
    }
    this.readLegacy(params, settings, notices);
    return {settings, notices};
  }

  /** @returns {string} the link text of one value (own data: encodeData, '' for none). */
  text(row, value) {
    if (row.type === 'data') return value ? encodeData(value) : '';
    return Array.isArray(value) ? value.join(',') : String(value);
  }

  /** @returns {boolean} whether own data `data` is too large for a link (offered as a file). */
  tooLargeForLink(data) {
    return data !== null && data.labels.length > MAX_LINK_POINTS;
  }

  /**
   * @returns {string} the hash (without '#') holding every setting, in table order. Own data
   *     is left out when there is none, and when it is too large for a link.
   */
  toHash(settings) {
    return this.rows
        .filter(
            (row) => row.type !== 'data' ||
                (settings[row.key] && !this.tooLargeForLink(settings[row.key])))
        .map((row) => {
          const text = this.text(row, settings[row.key]);
          // Commas and colons stay readable; everything else is percent-encoded.
          return `${row.key}=${encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
        })
        .join('&');
  }

  /**
   * Checks one value typed into a control: the URL's rules, then the control's own narrower
   * range (a UI override), whose correction says it is the control's.
   * @returns {{value: *, notices: string[]}}
   */
  coerce(key, raw) {
    const row = this.byKey.get(key);
    const notices = [];
    let value = this.parseValue(row, String(raw), notices);
    if (row.ui && typeof value === 'number') {
      const range = {min: row.ui.min ?? row.min, max: row.ui.max ?? row.max};
      value = this.clampNumber(row, value, notices, range, 'this control\'s range ');
    }
    return {value, notices};
  }

  // Older links chose one penalty with reg (none, l1 or l2) and its rate with regRate (0.001 if
  // absent); core takes l1 and l2 directly.
  readLegacy(params, settings, notices) {
    const reg = params.get('reg');
    if (reg === 'l1' || reg === 'l2') {
      settings[reg] =
          this.parseValue(this.byKey.get(reg), params.get('regRate') ?? '0.001', notices);
    } else if (reg !== null && reg !== 'none') {
      notices.push(`reg: ${quote(reg)} is not none, l1 or l2, so no penalty is used.`);
    }
  }

  /** @returns {boolean} whether changing `key` needs new networks (rather than a view change). */
  needsNewArena(key) {
    const row = this.byKey.get(key);
    return row.core !== undefined && row.change !== 'live';
  }

  /**
   * @returns {object|null} the partial settings arena.update takes for a change of `key` (a row
   *     core marks change: 'live', e.g. {lr: 0.003} or {optimizer: {momentum: 0.5}}), or null.
   */
  liveUpdate(key, settings) {
    const row = this.byKey.get(key);
    if (row.core === undefined || row.change !== 'live') return null;
    const [parent, child] = row.core.split('.');
    return {[parent]: child === undefined ? settings[key] : {[child]: settings[key]}};
  }

  /** @returns {object} the settings object for lab.createArena (core keys only). */
  arenaSettings(settings) {
    const out = {};
    for (const row of this.rows) {
      if (row.core === undefined || this.activations.has(row.core.split('.')[0])) continue;
      const value = settings[row.key];
      const [parent, child] = row.core.split('.');
      if (row.type === 'data') {
        if (value) out.data = toCore(value);  // none: the preset
      } else if (row.core === 'activations')
        out.activations = value.map((token) => this.network(token, settings));
      else if (child === undefined)
        out[parent] = Array.isArray(value) ? value.slice() : value;
      else  // a key of a named object ("optimizer.momentum"): {name, momentum}
        out[parent] = {
          ...(typeof out[parent] === 'object' ? out[parent] : {name: out[parent]}),
          [child]: value
        };
    }
    // Own data sets the number of points itself: a preset's count beside it only draws core's
    // warning that it was replaced.
    if (out.data) delete out.points;
    return out;
  }

  /** Expands one panel entry into the trainer's network {activation, params}. */
  network(token, settings) {
    const [name, override] = token.split(':');
    const params = {};
    for (const p of this.activations.get(name).params) {
      params[p.key] = settings[this.paramKey(name, p.key)];
    }
    if (override !== undefined) params[this.tokenParam(name).key] = Number(override);
    return {activation: name, params};
  }
}
