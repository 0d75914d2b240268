// The trainer half of the JS API: networks loaded from model JSON and arenas of
// networks trained side by side. attachTrainer() adds it to the lab from loadReluLab(); all
// validation, clamping and math happen in core (core/api/), this file checks types.

function fail(what, message) {
  throw new Error(`${what}: ${message}`);
}

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value;
}

// JSON for core, but strict: NaN, ±Infinity, undefined array items, functions, symbols and
// bigints throw an Error naming the path instead of silently becoming null or vanishing.
// Typed arrays become arrays of numbers (e.g. W rows given as Float32Array).
function toJsonValue(value, path, what) {
  const at = path || 'value';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) fail(what, `${at}: ${value} is not a finite number`);
      return value;
    case 'string':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      fail(what, `${at}: a ${typeof value} cannot be sent (expected JSON data)`);
  }
  if (value === null) return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) value = Array.from(value);
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === undefined) fail(what, `${path}[${i}]: undefined`);
      return toJsonValue(item, `${path}[${i}]`, what);
    });
  }
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;  // as JSON.stringify: an absent key
    out[key] = toJsonValue(item, path ? `${path}.${key}` : key, what);
  }
  return out;
}

function strictJson(value, what) {
  return JSON.stringify(toJsonValue(value, '', what));
}

function checkInteger(value, name, what) {
  if (!Number.isInteger(value) || Math.abs(value) > 0x7fffffff) {
    fail(
        what,
        `${name} must be an integer, got ${typeof value === 'number' ? value : typeName(value)}`);
  }
}

// X: Float32Array (B, 2) row-major; labels: Float32Array (B) of 0/1. Returns B.
function checkExamples(X, labels, what) {
  if (!(X instanceof Float32Array)) fail(what, `X must be a Float32Array, got ${typeName(X)}`);
  if (X.length % 2 !== 0) fail(what, `X must hold (x, y) pairs: length ${X.length} is odd`);
  const B = X.length / 2;
  if (labels !== undefined) {
    if (!(labels instanceof Float32Array)) {
      fail(what, `labels must be a Float32Array, got ${typeName(labels)}`);
    }
    if (labels.length !== B) {
      fail(what, `labels has ${labels.length} values, X has ${B} examples`);
    }
  }
  return B;
}

// The value JSON would give for a float32 x: the shortest decimal that reads back to x (as
// core writes float32 values to text), so a number crossing as a double reads the same.
function shortestFloat32(x) {
  if (x === 0 || !Number.isFinite(x)) return x;
  for (let p = 1; p < 9; ++p) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === x) return v;
  }
  return Number(x.toPrecision(9));
}

// Reads a metrics record (a Float64Array view of core's buffer) into the object arena.metrics()
// returns, by the layout core exports (key, offset, length, kind); no offset is written here.
function makeMetricsDecoder(layout) {
  const byKey = Object.fromEntries(layout.fields.map((f) => [f.key, f]));
  const maxUnits = layout.maxUnits;
  return (view, base) => {
    const at = (key, i = 0) => view[base + byKey[key].offset + i];
    const layers = at('hiddenLayers');
    const perLayer = (key, count, read) => {
      const out = [];
      for (let l = 0; l < layers; ++l) {
        if (count(l) === 0 && key === 'alphas') continue;  // only PReLU layers have alphas
        const row = [];
        for (let k = 0; k < count(l); ++k) row.push(read(at(key, l * maxUnits + k)));
        out.push(row);
      }
      return out;
    };
    const out = {};
    for (const {key, kind} of layout.fields) {
      switch (kind) {
        case 'number':
          out[key] = at(key);
          break;
        case 'numberOrNull':
          out[key] = Number.isNaN(at(key)) ? null : at(key);
          break;
        case 'boolean':
          out[key] = at(key) !== 0;
          break;
        case 'perLayer':
          out[key] = Array.from({length: layers}, (_, l) => at(key, l));
          break;
        case 'alphas':
          out[key] = perLayer(key, (l) => at('alphaCounts', l), shortestFloat32);
          break;
        case 'unitMask':
          out[key] = perLayer(key, (l) => at('unitsPerLayer', l), (v) => v !== 0);
          break;
      }
    }
    return out;
  };
}

/**
 * A network loaded from a model file ({format: "relu-lab/model", version: 1, ...}, see
 * README). Its weights live in wasm memory: call delete() when done.
 */
class Network {
  constructor(session) {
    this._session = session;
    /** @type {string[]} load warnings: unknown keys and params that do not apply. */
    this.warnings = JSON.parse(session.warningsJson());
  }

  _live(what) {
    if (!this._session) fail(what, 'the network was deleted');
    return this._session;
  }

  // Copies the examples into core's staging buffers (views re-fetched after prepare()).
  _stage(X, labels, what) {
    const session = this._live(what);
    const B = checkExamples(X, labels, what);
    const error = session.prepare(B);
    if (error) fail(what, error);
    session.x().set(X);
    if (labels !== undefined) session.labels().set(labels);
    return session;
  }

  /** @returns {object} the model file of the current weights (bit-exact floats). */
  toJSON() {
    return JSON.parse(this._live('net.toJSON').toJson());
  }

  /**
   * @param {Float32Array} X inputs (B, 2) row-major
   * @returns {Float32Array} the B logits (a fresh copy; sigmoid gives probabilities)
   */
  predict(X) {
    const session = this._stage(X, undefined, 'net.predict');
    const error = session.predict();
    if (error) fail('net.predict', error);
    return session.logits().slice();
  }

  /**
   * Mean binary cross-entropy with logits over the batch and its gradient; no update.
   * @param {Float32Array} X inputs (B, 2); @param {Float32Array} labels (B) in [0, 1]
   * @returns {{loss: number, logits: Float32Array,
   *     grads: {layers: {W: number[][], b: number[], alpha?: number[]}[]}}} grads has the
   *     model's shape (W is [out][in]).
   */
  lossAndGradients(X, labels) {
    const session = this._stage(X, labels, 'net.lossAndGradients');
    const error = session.lossAndGradients();
    if (error) fail('net.lossAndGradients', error);
    return {
      loss: session.loss(),
      logits: session.logits().slice(),
      grads: {layers: JSON.parse(session.gradsJson())},
    };
  }

  /**
   * Optimizer steps on (X, labels). Optimizer state persists across calls with the same
   * optimizer name and is reset when it changes.
   * @param {Float32Array} X inputs (B, 2); @param {Float32Array} labels (B) in [0, 1]
   * @param {{optimizer?: string|{name: 'sgd'|'momentum'|'nesterov'|'adam', lr?: number,
   *     momentum?: number, beta1?: number, beta2?: number, eps?: number}, lr?: number,
   *     batchSize?: number, steps?: number, l1?: number, l2?: number, clipNorm?: number}}
   *     [options] defaults: sgd, lr 0.03, batchSize B (full batch, no shuffling), 1 step;
   *     out-of-range values are clamped and reported in `warnings`.
   * @returns {{steps: number, loss: number, lastLoss: number, gradNorm: number,
   *     finite: boolean, warnings: string[]}} loss is the mean of the steps' batch losses.
   */
  train(X, labels, options = {}) {
    const session = this._stage(X, labels, 'net.train');
    const error = session.train(strictJson(options, 'net.train'));
    if (error) fail('net.train', error);
    return JSON.parse(session.trainResultJson());
  }

  /** Frees the network's wasm memory; the object is unusable afterwards. */
  delete() {
    if (this._session) this._session.delete();
    this._session = null;
  }
}

/**
 * Up to 12 networks sharing dataset, initial random numbers and shuffles, one per entry of
 * settings.activations. Lives in wasm memory: call delete() when done.
 */
class Arena {
  constructor(session, decodeMetrics) {
    this._session = session;
    this._decodeMetrics = decodeMetrics;
    this._recordDoubles = JSON.parse(session.metricsLayoutJson()).recordDoubles;
    // What each panel is does not change until the arena is rebuilt.
    this._networks = JSON.parse(session.networksJson());
  }

  _live(what) {
    if (!this._session) fail(what, 'the arena was deleted');
    return this._session;
  }

  /** @returns {number} the number of networks (panels). */
  get size() {
    return this._live('arena.size').networkCount();
  }

  /** Trains every network that has not diverged for `epochs` (0..100000) epochs. */
  train(epochs = 1) {
    checkInteger(epochs, 'epochs', 'arena.train');
    const error = this._live('arena.train').train(epochs);
    if (error) fail('arena.train', error);
  }

  /**
   * @returns {{activation: string, label: string, epoch: number, trainLoss: number,
   *     testLoss: number, trainAccuracy: number, testAccuracy: number, deadUnits: number,
   *     deadPerLayer: number[], units: number, sparsity: number, alphas: number[][],
   *     gradNorm: number, diverged: boolean, divergedAt: number|null,
   *     deadMask: boolean[][], silentTestMask: boolean[][]}[]} one entry per network, after
   *     its last epoch; a non-finite loss is NaN; alphas holds one array per PReLU hidden
   *     layer (empty for other activations); deadMask[l][u] is true if hidden unit u of layer
   *     l is dead on the training rows, silentTestMask[l][u] if it is inactive on every test
   *     row (core's one definition: the activation's derivative is exactly 0 at every point).
   */
  metrics() {
    const view = this._live('arena.metrics').metricsView();
    return this._networks.map(({activation, label}, i) => {
      return {activation, label, ...this._decodeMetrics(view, i * this._recordDoubles)};
    });
  }

  /**
   * Per hidden unit of network `index`: dead on the training rows, silent on the test rows,
   * and silent on the whole plotted domain sampled at resolution x resolution (32..512) cell
   * centres, as field() samples it. Costs a grid evaluation: call it on request, not per frame.
   * @returns {{deadTrain: boolean, silentTest: boolean, silentDomain: boolean}[][]} [layer][unit]
   */
  unitActivity(index, resolution) {
    checkInteger(index, 'index', 'arena.unitActivity');
    checkInteger(resolution, 'resolution', 'arena.unitActivity');
    const session = this._live('arena.unitActivity');
    const error = session.unitActivity(index, resolution);
    if (error) fail('arena.unitActivity', error);
    return JSON.parse(session.unitActivityJson());
  }

  /**
   * Linear regions of network `index` (relu, leaky_relu, prelu or linear hidden layers): the
   * activation pattern (which side of 0 each hidden unit's pre-activation is on) at each cell
   * centre of a resolution x resolution grid (32..512, laid out as field()), and the connected
   * areas of equal pattern (4-connectivity). The count is what the grid resolves: regions
   * smaller than a cell are missed, so it converges from below as the resolution grows.
   * @returns {{count: number|null, resolution: number, ids: Int32Array|null,
   *     borders: Uint8Array|null, explanation?: string}} ids: region id per cell (0..count-1,
   *     row 0 at the top), borders: 1 where the right or lower neighbour's id differs (copies).
   *     A smooth activation has no linear regions: count, ids and borders are null and
   *     explanation says why.
   */
  regions(index, resolution) {
    checkInteger(index, 'index', 'arena.regions');
    checkInteger(resolution, 'resolution', 'arena.regions');
    const session = this._live('arena.regions');
    const error = session.regions(index, resolution);
    if (error) fail('arena.regions', error);
    const out = JSON.parse(session.regionsJson());
    const linear = out.count !== null;
    return {
      ...out,
      ids: linear ? session.regionIds().slice() : null,
      borders: linear ? session.regionBorders().slice() : null,
    };
  }

  /**
   * Network `index`'s current weights as a model object (the format networkFromJSON reads),
   * e.g. to save it or to evaluate it elsewhere.
   * @returns {object}
   */
  model(index) {
    checkInteger(index, 'index', 'arena.model');
    const session = this._live('arena.model');
    const count = session.networkCount();
    if (index < 0 || index >= count)
      fail('arena.model', `index: ${index} is outside 0..${count - 1}`);
    return JSON.parse(session.modelJson(index));
  }

  _field(index, resolution, kind, what) {
    checkInteger(index, 'index', what);
    checkInteger(resolution, 'resolution', what);
    if (typeof kind !== 'string') fail(what, `kind must be a string, got ${typeName(kind)}`);
    const session = this._live(what);
    const error = session.field(index, resolution, kind);
    if (error) fail(what, error);
    return session.fieldView();
  }

  /**
   * Network `index`'s output over a resolution x resolution grid (32..512) of the input
   * domain [-h, h]^2 (h = data().halfWidth): row-major, row 0 at the TOP (y near +h).
   * @param {'probability'|'logit'} [kind]
   * @returns {Float32Array} a fresh copy, owned by the caller.
   */
  field(index, resolution, kind = 'probability') {
    return this._field(index, resolution, kind, 'arena.field').slice();
  }

  /**
   * As field() but zero-copy: a view of wasm memory, valid only until the next call on this
   * lab (any call may allocate, grow memory and detach it: length 0) and overwritten by the
   * next fieldView()/field(). Read or copy it right away.
   * @returns {Float32Array}
   */
  fieldView(index, resolution, kind = 'probability') {
    return this._field(index, resolution, kind, 'arena.fieldView');
  }

  _unitField(index, layer, unit, resolution, what) {
    for (const [name, value] of Object.entries({index, layer, unit, resolution})) {
      checkInteger(value, name, what);
    }
    const session = this._live(what);
    const error = session.unitField(index, layer, unit, resolution);
    if (error) fail(what, error);
    return session.unitFieldView();
  }

  /**
   * Unit `unit` of layer `layer` (hidden layers 0.., then the output logit) of network
   * `index`: its post-activation value over the grid, laid out as field().
   * @returns {Float32Array} a fresh copy.
   */
  unitField(index, layer, unit, resolution) {
    return this._unitField(index, layer, unit, resolution, 'arena.unitField').slice();
  }

  /** As unitField() but a zero-copy view, valid as fieldView()'s. @returns {Float32Array} */
  unitFieldView(index, layer, unit, resolution) {
    return this._unitField(index, layer, unit, resolution, 'arena.unitFieldView');
  }

  /**
   * The arena's data, a preset's or the points given as settings.data, after the seeded
   * shuffle and split and in the networks' input units (divided by 6 when scaleInputs).
   * @returns {{points: Float32Array, labels: Float32Array, trainCount: number,
   *     halfWidth: number}} copies: points (N, 2) row-major, labels 0/1; rows
   *     [0, trainCount) are the training set, the rest the test set.
   */
  data() {
    const session = this._live('arena.data');
    return {
      points: session.points().slice(),
      labels: session.labels().slice(),
      trainCount: session.trainCount(),
      halfWidth: session.halfWidth(),
    };
  }

  /** @returns {object} the validated, clamped settings in use, with `warnings: string[]`. */
  settings() {
    return JSON.parse(this._live('arena.settings').settingsJson());
  }

  /** Frees the arena's wasm memory; the object is unusable afterwards. */
  delete() {
    if (this._session) this._session.delete();
    this._session = null;
  }
}

/**
 * Adds the trainer API to a lab object (called by loadReluLab()).
 * @param {object} lab the object loadReluLab() returns
 * @param {object} Module the instantiated Emscripten module
 * @returns {object} lab, with networkFromJSON() and createArena()
 */
export function attachTrainer(lab, Module) {
  let decodeMetrics = null;  // built from core's layout on the first arena
  /**
   * @param {object|string} model a model object or its JSON text
   * @returns {Network} throws an Error naming the field if the model is invalid
   */
  lab.networkFromJSON = (model) => {
    const text = typeof model === 'string' ? model : strictJson(model, 'networkFromJSON');
    const session = new Module.NetworkSession();
    const error = session.load(text);
    if (error) {
      session.delete();
      fail('networkFromJSON', error);
    }
    return new Network(session);
  };

  /**
   * @param {object} [settings] see README's settings table; every key optional
   * @returns {Arena} throws an Error naming the field for a malformed value; out-of-range
   *     values are clamped and listed in arena.settings().warnings
   */
  lab.createArena = (settings = {}) => {
    if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
      fail('createArena', `settings must be an object, got ${typeName(settings)}`);
    }
    const text = strictJson(settings, 'createArena');
    const session = new Module.ArenaSession();
    const error = session.reset(text);
    if (error) {
      session.delete();
      fail('createArena', error);
    }
    decodeMetrics ??= makeMetricsDecoder(JSON.parse(session.metricsLayoutJson()));
    return new Arena(session, decodeMetrics);
  };
  return lab;
}
