// The page's settings: one table of keys, types, ranges and defaults, mapped to and from the URL
// hash. Parsing never throws: malformed values fall back to the default, out-of-range values are
// clamped, and each correction becomes a plain-text notice (shown with textContent, never HTML).
import {EXPERIMENTS} from './experiments.js';

/** Activations the page offers, in the order of the default set (gelu_tanh is opt-in). */
export const ACTIVATION_NAMES = Object.freeze([
  'relu', 'leaky_relu', 'prelu', 'elu', 'gelu', 'silu', 'softplus', 'tanh', 'sigmoid', 'linear',
  'gelu_tanh'
]);
export const DEFAULT_ACTIVATIONS = Object.freeze(ACTIVATION_NAMES.slice(0, 10));
export const MAX_PANELS = 12;
export const MAX_LAYERS = 6;
export const MAX_UNITS = 16;

// The one parameter an activation entry may override ("leaky_relu:0.2"), with its range.
export const ACTIVATION_PARAM = Object.freeze({
  leaky_relu: {key: 'slope', min: 0, max: 1},
  prelu: {key: 'alpha', min: -1, max: 1},
  elu: {key: 'alpha', min: 0.01, max: 5},
  softplus: {key: 'beta', min: 0.1, max: 20},
});

/**
 * Every setting, in URL order. type: 'enum' (options), 'int'/'number' (min, max; log marks a
 * log-scale control), 'bool', 'layers' (comma list of unit counts), 'activations'.
 * group is where controls.js puts it; page-only settings never reach the trainer.
 */
// clang-format off
export const SETTINGS = Object.freeze([
  {key: 'dataset', type: 'enum', group: 'data', def: 'circle', label: 'Dataset',
   options: ['circle', 'xor', 'gauss', 'spiral', 'moons']},
  {key: 'noise', type: 'number', group: 'data', def: 0, min: 0, max: 0.5, step: 0.05, label: 'Noise'},
  {key: 'points', type: 'int', group: 'data', def: 500, min: 50, max: 5000, step: 50, label: 'Points'},
  {key: 'split', type: 'number', group: 'data', def: 0.5, min: 0.1, max: 0.9, step: 0.1, label: 'Train fraction'},
  {key: 'seed', type: 'int', group: 'data', def: 1, min: 0, max: 2147483647, step: 1, label: 'Seed'},
  {key: 'layers', type: 'layers', group: 'network', def: [8, 8], label: 'Hidden layers'},
  {key: 'activations', type: 'activations', group: 'network', def: DEFAULT_ACTIVATIONS, label: 'Panels'},
  {key: 'init', type: 'enum', group: 'network', def: 'he_normal', label: 'Weight init',
   options: ['he_normal', 'he_uniform', 'xavier_normal', 'xavier_uniform', 'lecun_normal', 'lecun_uniform', 'uniform']},
  {key: 'bias', type: 'number', group: 'network', def: 0, min: -2, max: 2, step: 0.1, label: 'Bias init'},
  {key: 'slope', type: 'number', group: 'params', def: 0.01, min: 0, max: 1, step: 0.01, label: 'Leaky slope'},
  {key: 'preluMode', type: 'enum', group: 'params', def: 'shared', options: ['shared', 'channel'], label: 'PReLU alpha'},
  {key: 'preluInit', type: 'number', group: 'params', def: 0.25, min: -1, max: 1, step: 0.05, label: 'PReLU init'},
  {key: 'eluAlpha', type: 'number', group: 'params', def: 1, min: 0.01, max: 5, step: 0.1, label: 'ELU alpha'},
  {key: 'beta', type: 'number', group: 'params', def: 1, min: 0.1, max: 20, step: 0.1, label: 'Softplus beta'},
  {key: 'optimizer', type: 'enum', group: 'training', def: 'adam', label: 'Optimizer',
   options: ['sgd', 'momentum', 'nesterov', 'adam']},
  {key: 'lr', type: 'number', group: 'training', def: 0.01, min: 1e-5, max: 10, log: true, label: 'Learning rate'},
  {key: 'batch', type: 'int', group: 'training', def: 10, min: 1, max: 5000, step: 1, label: 'Batch size'},
  {key: 'reg', type: 'enum', group: 'training', def: 'none', options: ['none', 'l1', 'l2'], label: 'Regularisation'},
  {key: 'regRate', type: 'number', group: 'training', def: 0.001, min: 0, max: 10, step: 0.001, label: 'Reg. rate'},
  {key: 'res', type: 'int', group: 'view', def: 128, min: 32, max: 512, step: 32, label: 'Field resolution', page: true},
  {key: 'speed', type: 'int', group: 'view', def: 1, min: 1, max: 50, step: 1, label: 'Epochs per frame', page: true},
  {key: 'discretize', type: 'bool', group: 'view', def: false, label: 'Discretize', page: true},
  {key: 'test', type: 'bool', group: 'view', def: false, label: 'Show test data', page: true},
  {key: 'controls', type: 'bool', group: 'view', def: true, label: 'Show controls', page: true},
  {key: 'exp', type: 'enum', group: 'hidden', def: '', label: 'Experiment', page: true,
   options: ['', ...EXPERIMENTS.map((e) => e.id)]},
]);
// clang-format on

const BY_KEY = new Map(SETTINGS.map((spec) => [spec.key, spec]));
const NOTICE_VALUE_CHARS = 40;

/** @returns {object} a fresh settings object with every default. */
export function defaultSettings() {
  const settings = {};
  for (const spec of SETTINGS) {
    settings[spec.key] = Array.isArray(spec.def) ? spec.def.slice() : spec.def;
  }
  return settings;
}

// URL text shown in a notice is shortened; it is only ever set as textContent.
function quote(text) {
  const s = String(text);
  return JSON.stringify(s.length > NOTICE_VALUE_CHARS ? s.slice(0, NOTICE_VALUE_CHARS) + '…' : s);
}

function clampNumber(spec, value, notices) {
  let v = spec.type === 'int' ? Math.round(value) : value;
  if (v !== value) notices.push(`${spec.key}: ${value} is not a whole number; using ${v}`);
  if (v < spec.min || v > spec.max) {
    const clamped = Math.min(spec.max, Math.max(spec.min, v));
    notices.push(`${spec.key}: ${v} is outside ${spec.min}..${spec.max}; using ${clamped}`);
    v = clamped;
  }
  return v;
}

function parseLayers(raw, notices) {
  if (raw.trim() === '') return [];
  const tokens = raw.split(',');
  const layers = [];
  for (const token of tokens) {
    const n = Number(token);
    if (token.trim() === '' || !Number.isFinite(n)) {
      notices.push(`layers: ${quote(token)} is not a number of units; ignored`);
      continue;
    }
    const units = Math.min(MAX_UNITS, Math.max(1, Math.round(n)));
    if (units !== n) notices.push(`layers: ${quote(token)} units clamped to ${units}`);
    layers.push(units);
  }
  if (layers.length > MAX_LAYERS) {
    notices.push(`layers: at most ${MAX_LAYERS} hidden layers; extra ones dropped`);
    layers.length = MAX_LAYERS;
  }
  return layers;
}

/** Parses "leaky_relu:0.2" into {name, value?}; returns null (with a notice) if malformed. */
export function parseActivation(token, notices) {
  const [name, param, ...rest] = token.split(':');
  if (!ACTIVATION_NAMES.includes(name) || rest.length) {
    notices.push(`activations: unknown activation ${quote(token)}; ignored`);
    return null;
  }
  if (param === undefined) return {name};
  const spec = ACTIVATION_PARAM[name];
  const value = Number(param);
  if (!spec || param.trim() === '' || !Number.isFinite(value)) {
    notices.push(`activations: bad parameter in ${quote(token)}; using ${name}'s default`);
    return {name};
  }
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  if (clamped !== value) notices.push(`activations: ${name} ${spec.key} clamped to ${clamped}`);
  return {name, value: clamped};
}

/** @returns {string} the entry as written in the URL. */
export function activationToken({name, value}) {
  return value === undefined ? name : `${name}:${value}`;
}

function parseActivations(raw, notices) {
  const list = [];
  for (const token of raw.split(',')) {
    if (token === '') continue;
    const entry = parseActivation(token, notices);
    if (entry) list.push(activationToken(entry));
  }
  if (list.length > MAX_PANELS) {
    notices.push(`activations: at most ${MAX_PANELS} panels; extra ones dropped`);
    list.length = MAX_PANELS;
  }
  if (!list.length) {
    notices.push('activations: no valid activation; using the default set');
    return DEFAULT_ACTIVATIONS.slice();
  }
  return list;
}

function parseValue(spec, raw, notices) {
  switch (spec.type) {
    case 'enum':
      if (spec.options.includes(raw)) return raw;
      notices.push(`${spec.key}: unknown value ${quote(raw)}; using ${spec.def}`);
      return spec.def;
    case 'bool':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      notices.push(`${spec.key}: ${quote(raw)} is not true/false; using ${spec.def}`);
      return spec.def;
    case 'int':
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) {
        notices.push(`${spec.key}: ${quote(raw)} is not a number; using ${spec.def}`);
        return spec.def;
      }
      return clampNumber(spec, value, notices);
    }
    case 'layers':
      return parseLayers(raw, notices);
    case 'activations':
      return parseActivations(raw, notices);
  }
  throw new Error(`state: unknown type ${spec.type}`);
}

/**
 * Reads a URL hash ("#lr=0.1&layers=8,8"). Missing keys take their defaults.
 * @returns {{settings: object, notices: string[]}}
 */
export function parseHash(hash) {
  const settings = defaultSettings();
  const notices = [];
  const params = new URLSearchParams(String(hash).replace(/^#/, ''));
  for (const [key, raw] of params) {
    const spec = BY_KEY.get(key);
    if (!spec) {
      notices.push(`unknown setting ${quote(key)}; ignored`);
      continue;
    }
    settings[key] = parseValue(spec, raw, notices);
  }
  return {settings, notices};
}

/** @returns {string} the hash (without '#') holding every setting, in table order. */
export function toHash(settings) {
  const parts = [];
  for (const spec of SETTINGS) {
    const value = settings[spec.key];
    const text = Array.isArray(value) ? value.join(',') : String(value);
    // Commas and colons stay readable; everything else is percent-encoded.
    parts.push(`${spec.key}=${encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':')}`);
  }
  return parts.join('&');
}

/**
 * Checks one value coming from a control (same rules as the URL).
 * @returns {{value: *, notices: string[]}}
 */
export function coerce(key, raw) {
  const notices = [];
  const value = parseValue(BY_KEY.get(key), String(raw), notices);
  return {value, notices};
}

/** @returns {object} the spec of one setting. */
export function settingSpec(key) {
  return BY_KEY.get(key);
}

/** Expands one panel entry into the trainer's network object, with the global parameters. */
function networkFor(token, settings) {
  const {name, value} = parseActivation(token, []) || {name: 'relu'};
  const network = {activation: name};
  if (name === 'leaky_relu') network.params = {slope: value ?? settings.slope};
  if (name === 'prelu')
    network.params = {init: value ?? settings.preluInit, mode: settings.preluMode};
  if (name === 'elu') network.params = {alpha: value ?? settings.eluAlpha};
  if (name === 'softplus') network.params = {beta: value ?? settings.beta};
  return network;
}

/** @returns {object} the settings object for lab.createArena, page-only keys left out. */
export function arenaSettings(settings) {
  return {
    dataset: settings.dataset,
    noise: settings.noise,
    points: settings.points,
    trainFraction: settings.split,
    seed: settings.seed,
    layers: settings.layers.slice(),
    activations: settings.activations.map((token) => networkFor(token, settings)),
    init: settings.init,
    biasInit: settings.bias,
    optimizer: settings.optimizer,
    lr: settings.lr,
    batchSize: settings.batch,
    l1: settings.reg === 'l1' ? settings.regRate : 0,
    l2: settings.reg === 'l2' ? settings.regRate : 0,
  };
}

/** @returns {boolean} whether changing `key` needs new networks (rather than a view change). */
export function needsNewArena(key) {
  return !BY_KEY.get(key).page;
}
