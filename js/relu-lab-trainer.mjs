// The trainer half of the JS API: networks loaded from model JSON and arenas of
// networks trained side by side. attachTrainer() adds it to the lab from loadReluLab(); all
// validation, clamping and math happen in core (core/api/), this file checks types.

import {callError, describe, isDetached, JSON_LIMITS, toJsonText} from './json-guard.mjs';

function fail(what, message) {
  throw callError(what, '', message);
}

function typeName(value) {
  return describe(value);
}

// Runs an entry point so that whatever goes wrong surfaces as an Error naming the call: the
// checks below name the field; this catches the rest (a getter or Proxy trap that throws, a
// stack overflow) instead of letting a bare TypeError or RangeError out.
function named(what, run) {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${what}:`)) throw error;
    throw callError(
        what, '',
        `${error instanceof Error ? error.name + ': ' + error.message : 'could not be read'}`);
  }
}

// Settings or options as JSON text for core: a plain object (or nothing), checked by
// json-guard (limits, plain data, named fields).
function objectText(value, what, kind) {
  if (value === undefined) return '{}';
  if (value === null || typeof value !== 'object' || Array.isArray(value) ||
      ArrayBuffer.isView(value)) {
    fail(what, `${kind} must be an object, got ${describe(value)}`);
  }
  return toJsonText(value, what, kind);
}

// A model given as text: bounded by core's limit before it is copied into wasm memory.
function modelText(text, what) {
  const max = JSON_LIMITS.model.maxBytes;
  // UTF-8 takes at most 3 bytes per UTF-16 unit; encode only when that bound is not enough.
  if (text.length > max || (3 * text.length > max && new TextEncoder().encode(text).length > max)) {
    fail(what, `model text is longer than ${max} bytes`);
  }
  if (!text.isWellFormed()) fail(what, 'model text has an unpaired surrogate');
  return text;
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
  if (isDetached(X)) fail(what, 'X: its buffer was detached (transferred)');
  if (X.length % 2 !== 0) fail(what, `X must hold (x, y) pairs: length ${X.length} is odd`);
  const B = X.length / 2;
  if (labels !== undefined) {
    if (!(labels instanceof Float32Array)) {
      fail(what, `labels must be a Float32Array, got ${typeName(labels)}`);
    }
    if (isDetached(labels)) fail(what, 'labels: its buffer was detached (transferred)');
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
        case 'perLayerAndOutput':
          out[key] = Array.from({length: layers + 1}, (_, l) => at(key, l));
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

// {unit, count, target} of a train request: a number n is {epochs: n}; an object gives epochs or
// steps (integers; core checks their range) and optionally target (a number; core checks 0..1).
function trainRequest(request, what) {
  if (typeof request !== 'object' || request === null) {
    checkInteger(request, 'epochs', what);
    return {unit: 'epochs', count: request};
  }
  for (const key of Object.keys(request)) {
    if (key !== 'epochs' && key !== 'steps' && key !== 'target') {
      fail(what, `unknown key ${key}: a request has epochs or steps, and target`);
    }
  }
  const unit = 'steps' in request ? 'steps' : 'epochs';
  if ('steps' in request && 'epochs' in request) fail(what, 'give epochs or steps, not both');
  checkInteger(request[unit], unit, what);
  if ('target' in request && typeof request.target !== 'number') {
    fail(what, `target must be a number, got ${typeName(request.target)}`);
  }
  return {unit, count: request[unit], target: request.target};
}

// Frees an object's wasm memory once, whether by delete() or by the finalizer.
function release(owner, registry) {
  const session = owner._session;
  owner._session = null;
  if (session) {
    registry.unregister(owner);
    if (!session.isDeleted()) session.delete();
  }
}

/**
 * A network loaded from a model file ({format: "relu-lab/model", version: 1, ...}, see
 * README). Its weights live in wasm memory: call delete() when done (an unreachable network is
 * also freed by the garbage collector, eventually; do not rely on when).
 */
class Network {
  constructor(session, registry) {
    this._session = session;
    this._registry = registry;
    // The held value is the Embind handle only: it must not keep this wrapper alive.
    registry.register(this, session, this);
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
   * @param {Float32Array} X raw inputs (B, 2) row-major; the model's "features" (x1sq, sinx1,
   *     ...) are computed from them
   * @returns {Float32Array} the B outputs (a fresh copy): logits for a "bce" model (sigmoid
   *     gives probabilities), the predicted values for an "mse" model
   */
  predict(X) {
    const session = this._stage(X, undefined, 'net.predict');
    const error = session.predict();
    if (error) fail('net.predict', error);
    return session.logits().slice();
  }

  /**
   * The model's mean loss over the batch and its gradient; no update. The loss is the model
   * file's "loss": BCE with logits ("bce", the default; labels in [0, 1]) or the mean squared
   * error ("mse"; any finite targets), torch.nn.BCEWithLogitsLoss and torch.nn.MSELoss.
   * @param {Float32Array} X raw inputs (B, 2): the model's "features" are computed from them
   * @param {Float32Array} labels (B) in [0, 1] for bce, finite targets for mse
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
   * Optimizer steps on (X, labels) with the model's loss (see lossAndGradients). Optimizer
   * state persists across calls with the same optimizer name and is reset when it changes.
   * @param {Float32Array} X raw inputs (B, 2)
   * @param {Float32Array} labels (B) in [0, 1] for bce, finite targets for mse
   * @param {{optimizer?: string|{name: 'sgd'|'momentum'|'nesterov'|'adam', lr?: number,
   *     momentum?: number, beta1?: number, beta2?: number, eps?: number}, lr?: number,
   *     batchSize?: number, steps?: number, l1?: number, l2?: number, clipNorm?: number}}
   *     [options] defaults: sgd, lr 0.03, batchSize B (full batch, no shuffling), 1 step;
   *     out-of-range values are clamped and reported in `warnings`.
   * @returns {{steps: number, complete: boolean, loss: number, lastLoss: number,
   *     gradNorm: number, finite: boolean, warnings: string[]}} steps: the steps taken, at
   *     most lab.schema.limits.workPerCall units of work per call (README "Reliability"), at
   *     least one; complete is false if that is fewer than asked (call again for the rest) or
   *     a loss was not finite. loss is the mean of the steps' batch losses.
   */
  train(X, labels, options = {}) {
    return named('net.train', () => {
      const text = objectText(options, 'net.train', 'options');
      const session = this._stage(X, labels, 'net.train');
      const error = session.train(text);
      if (error) fail('net.train', error);
      return JSON.parse(session.trainResultJson());
    });
  }

  /**
   * Frees the network's wasm memory now; the object is unusable afterwards. Calling it again is
   * harmless.
   */
  delete() {
    release(this, this._registry);
  }
}

/**
 * Up to 12 networks sharing dataset, initial random numbers and shuffles, one per entry of
 * settings.activations. Lives in wasm memory: call delete() when done (an unreachable arena is
 * also freed by the garbage collector, eventually; do not rely on when).
 */
class Arena {
  constructor(session, decodeMetrics, registry, units) {
    this._session = session;
    this._registry = registry;
    registry.register(this, session, this);
    this._decodeMetrics = decodeMetrics;
    const layout = JSON.parse(session.metricsLayoutJson());
    this._recordDoubles = layout.recordDoubles;
    this._maxUnits = layout.maxUnits;
    this._units = units;  // core's TrainUnit values, by name
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

  /**
   * The one training call. Trains every network that has not diverged for `epochs` more epochs
   * (until that many have ended; a partly trained epoch counts as the first) or `steps`
   * optimizer steps (mini-batches; a full batch is one step per epoch), within the work budget
   * of one call (lab.schema.limits.workPerCall; README "Reliability"): if complete is false, call
   * again for the rest (`epochs - result.epochs`, `steps - result.steps`). However the work is
   * split between calls, epochs or steps, the numbers are the same. A network whose loss,
   * gradients or weights become non-finite is marked diverged in this call, with the epoch it
   * happened in. With `target` (test accuracy in 0..1) each network's test accuracy is also
   * checked after every epoch (the value metrics() would report then; see trainToTarget()).
   * @param {number|{epochs: number, target?: number}|{steps: number, target?: number}}
   *     [request] a number is {epochs: request}; epochs 0..100000, steps
   *     0..lab.schema.limits.maxStepsPerCall
   * @returns {{epochs: number, steps: number, complete: boolean, reached?: (number|null)[]}}
   *     epochs that ended and optimizer steps taken in this call; reached with a target.
   */
  train(request = 1) {
    return this._train('arena.train', request);
  }

  /**
   * Sugar for train({steps}): trainSteps(n) k times gives the same numbers as train() over the
   * same steps.
   * @param {number} steps 0..lab.schema.limits.maxStepsPerCall
   * @returns {{epochs: number, steps: number, complete: boolean}}
   */
  trainSteps(steps = 1) {
    return this._train('arena.trainSteps', {steps});
  }

  /**
   * Sugar for train({epochs, target}), for many-seed studies: `reached[i]` is the first epoch
   * since the arena was built at which network i's test accuracy was >= target, or null.
   * Tracking starts with the first call (a network already at the target counts from the
   * current epoch) and restarts when target changes. Full metrics are computed once, at the
   * end of the call; if complete is false, call again with the epochs still wanted.
   * @param {number} epochs 0..100000
   * @param {number} target test accuracy in 0..1
   * @returns {{epochs: number, steps: number, complete: boolean, reached: (number|null)[]}}
   */
  trainToTarget(epochs, target) {
    return this._train('arena.trainToTarget', {epochs, target});
  }

  _train(what, request) {
    const {unit, count, target} = trainRequest(request, what);
    const session = this._live(what);
    const untilTarget = target !== undefined;
    const result =
        session.train({unit: this._units[unit], count, untilTarget, target: target ?? 0});
    if (result.error) fail(what, result.error);
    const out = {epochs: result.epochs, steps: result.steps, complete: result.complete};
    if (untilTarget) out.reached = Array.from(session.reachedView(), (e) => e < 0 ? null : e);
    return out;
  }

  /**
   * Changes settings without a reset: the optimizer's hyperparameters (lr, momentum, betas,
   * eps), l1, l2 and clipNorm — the rows lab.schema marks `change: 'live'`. Every network keeps
   * its weights, optimizer moments and epoch; the next step uses the new values. Keys left out
   * keep their values; out-of-range values are clamped (see settings().warnings). A key that
   * changes the data, the networks or their start (change: 'restart') is an error: create a
   * new arena for it.
   * @param {object} settings a partial settings object, e.g. {lr: 0.003}
   */
  update(settings) {
    named('arena.update', () => {
      const text = objectText(settings, 'arena.update', 'settings');
      const error = this._live('arena.update').update(text);
      if (error) fail('arena.update', error.replace(/^update: /, ''));
    });
  }

  /**
   * Sets weight W[unit][input] of layer `layer` (hidden layers 0.., the output layer last; W as
   * in model()) of network `index`, or with setBias its bias b[unit]. The value must be finite
   * and within ±1000. The metrics are recomputed at once; training continues from the edited
   * network. A diverged network cannot be edited.
   */
  setWeight(index, layer, unit, input, value) {
    this._edit(
        'arena.setWeight', {index, layer, unit, input}, value,
        (s) => s.setWeight(index, layer, unit, input, value));
  }

  /** As setWeight() for bias b[unit] of layer `layer` of network `index`. */
  setBias(index, layer, unit, value) {
    this._edit(
        'arena.setBias', {index, layer, unit}, value, (s) => s.setBias(index, layer, unit, value));
  }

  _edit(what, integers, value, call) {
    for (const [name, v] of Object.entries(integers)) checkInteger(v, name, what);
    if (typeof value !== 'number') fail(what, `value must be a number, got ${typeName(value)}`);
    const error = call(this._live(what));
    if (error) fail(what, error.replace(/^set(Weight|Bias): /, ''));
  }

  /**
   * @returns {{activation: string, label: string, epoch: number, trainLoss: number,
   *     testLoss: number, trainAccuracy: number|null, testAccuracy: number|null,
   *     trainR2: number|null, r2: number|null, deadUnits: number,
   *     deadPerLayer: number[], units: number, sparsity: number, alphas: number[][],
   *     gradNorm: number, diverged: boolean, divergedAt: number|null,
   *     deadMask: boolean[][], silentTestMask: boolean[][], meanActivation: number[],
   *     activeFraction: number[], gradNormPerLayer: number[]}[]} one entry per network, after
   *     its last epoch; a non-finite loss is NaN; alphas holds one array per PReLU hidden
   *     layer (empty for other activations); deadMask[l][u] is true if hidden unit u of layer
   *     l is dead on the training rows, silentTestMask[l][u] if it is inactive on every test
   *     row (core's one definition: the activation's derivative is exactly 0 at every point).
   *     Per-layer signals (core/nn/metrics.h defines them): meanActivation[l] and
   *     activeFraction[l] (non-zero outputs) of hidden layer l over the training rows;
   *     gradNormPerLayer[l] for every layer, the output layer last: the RMS over the last
   *     epoch's steps of the layer's weight-gradient norm (epoch 0: the full-batch gradient).
   *     The losses are the mean BCE with logits, or for a regression (reg-* datasets) the mean
   *     squared error; a regression has R² (r2 on the test rows) and null accuracies, a
   *     classification null R².
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
    const silent = session.silentDomainView().slice();
    // Dead and silent-on-test units are the metrics' masks (core computes them once).
    const {deadMask, silentTestMask} =
        this._decodeMetrics(session.metricsView(), index * this._recordDoubles);
    return deadMask.map(
        (units, l) => units.map((deadTrain, u) => ({
                                  deadTrain,
                                  silentTest: silentTestMask[l][u],
                                  silentDomain: silent[l * this._maxUnits + u] !== 0,
                                })));
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
    const summary = session.regions(index, resolution);
    if (summary.error) fail('arena.regions', summary.error);
    const {resolution: side} = summary;
    if (!summary.linear) {
      return {
        count: null,
        resolution: side,
        explanation: summary.explanation,
        ids: null,
        borders: null
      };
    }
    return {
      count: summary.count,
      resolution: side,
      ids: session.regionIds().slice(),
      borders: session.regionBorders().slice(),
    };
  }

  /**
   * Network `index`'s current weights as a model object (the format networkFromJSON reads),
   * e.g. to save it or to evaluate it elsewhere.
   * @returns {object}
   */
  model(index) {
    this._checkIndex(index, 'arena.model');
    return JSON.parse(this._live('arena.model').modelJson(index));
  }

  _field(index, resolution, kind, what) {
    checkInteger(index, 'index', what);
    checkInteger(resolution, 'resolution', what);
    if (kind !== undefined && typeof kind !== 'string') {
      fail(what, `kind must be a string, got ${typeName(kind)}`);
    }
    const session = this._live(what);
    const error =
        session.field(index, resolution, kind ?? (session.regression() ? 'value' : 'probability'));
    if (error) fail(what, error);
    const view = session.fieldView();
    return view.length === 0 ? null : view;  // a diverged network has no field
  }

  /**
   * Network `index`'s output over a resolution x resolution grid (32..512) of the input
   * domain [-h, h]^2 (h = data().halfWidth): row-major, row 0 at the TOP (y near +h).
   * @param {'probability'|'logit'|'value'} [kind] default 'probability', or 'value' (the output
   *     itself) for a regression, which has no probability
   * @returns {Float32Array|null} a fresh copy, owned by the caller; null if the network
   *     diverged (metrics().diverged): its weights are not finite, so it has no field to draw.
   */
  field(index, resolution, kind) {
    return this._field(index, resolution, kind, 'arena.field')?.slice() ?? null;
  }

  /**
   * As field() but zero-copy: a view of wasm memory, valid only until the next call on this
   * lab (any call may allocate, grow memory and detach it: length 0) and overwritten by the
   * next fieldView()/field(). Read or copy it right away.
   * @returns {Float32Array|null} null if the network diverged, as field()
   */
  fieldView(index, resolution, kind) {
    return this._field(index, resolution, kind, 'arena.fieldView');
  }

  _unitField(index, layer, unit, resolution, what) {
    for (const [name, value] of Object.entries({index, layer, unit, resolution})) {
      checkInteger(value, name, what);
    }
    const session = this._live(what);
    const error = session.unitField(index, layer, unit, resolution);
    if (error) fail(what, error);
    const view = session.unitFieldView();
    return view.length === 0 ? null : view;  // a diverged network has no field
  }

  /**
   * Unit `unit` of layer `layer` (hidden layers 0.., then the output logit) of network
   * `index`: its post-activation value over the grid, laid out as field().
   * @returns {Float32Array|null} a fresh copy; null if the network diverged, as field().
   */
  unitField(index, layer, unit, resolution) {
    return this._unitField(index, layer, unit, resolution, 'arena.unitField')?.slice() ?? null;
  }

  /** As unitField() but a zero-copy view, valid as fieldView()'s. @returns {Float32Array|null} */
  unitFieldView(index, layer, unit, resolution) {
    return this._unitField(index, layer, unit, resolution, 'arena.unitFieldView');
  }

  /**
   * Network `index`'s parameters, every W (layer order, (out, in) row-major), then every b,
   * then PReLU's alphas: a fresh copy, which setParams() takes back (e.g. to keep a run's
   * history, js/run-history.mjs).
   * @returns {Float32Array}
   */
  params(index) {
    this._checkIndex(index, 'arena.params');
    return this._live('arena.params').paramsView(index).slice();
  }

  /**
   * Overwrites network `index`'s parameters with `params` (params()'s layout and length), so
   * that field(), unitField() and unitActivity() show those weights; the same weights give the
   * same field bit for bit. Optimizer state, epoch and metrics() are not changed: put the live
   * parameters back before training on.
   * @param {Float32Array} params finite values, params(index).length of them
   */
  setParams(index, params) {
    const what = 'arena.setParams';
    this._checkIndex(index, what);
    if (!(params instanceof Float32Array))
      fail(what, `params must be a Float32Array, got ${typeName(params)}`);
    if (isDetached(params)) fail(what, 'params: its buffer was transferred or detached');
    const session = this._live(what);
    const error = session.stageParams(index);
    if (error) fail(what, error);
    const staged = session.stagedParams();
    if (staged.length !== params.length)
      fail(what, `params: expected ${staged.length} floats, got ${params.length}`);
    staged.set(params);
    const loadError = session.loadParams(index);
    if (loadError) fail(what, loadError);
  }

  _checkIndex(index, what) {
    checkInteger(index, 'index', what);
    const error = this._live(what).checkIndex(index);
    if (error) fail(what, error);
  }

  /**
   * The arena's data, a preset's or the points given as settings.data, after the seeded
   * shuffle and split and in the networks' input units (divided by 6 when scaleInputs).
   * @returns {{points: Float32Array, labels: Float32Array, trainCount: number,
   *     halfWidth: number, regression: boolean}} copies: points (N, 2) row-major, labels 0/1
   *     or, for a regression (reg-* datasets: MSE loss, R^2), its targets; rows [0, trainCount)
   *     are the training set, the rest the test set.
   */
  data() {
    const session = this._live('arena.data');
    return {
      points: session.points().slice(),
      labels: session.labels().slice(),
      trainCount: session.trainCount(),
      halfWidth: session.halfWidth(),
      regression: session.regression(),
    };
  }

  /** @returns {object} the validated, clamped settings in use, with `warnings: string[]`. */
  settings() {
    return JSON.parse(this._live('arena.settings').settingsJson());
  }

  /**
   * Frees the arena's wasm memory now; the object is unusable afterwards. Calling it again is
   * harmless.
   */
  delete() {
    release(this, this._registry);
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
  // Frees the wasm memory of networks and arenas a script forgot to delete() once they are
  // garbage-collected: a safety net for long-running pages, not a substitute for delete().
  const registry = new FinalizationRegistry((session) => {
    if (!session.isDeleted()) session.delete();
  });

  /**
   * @param {object|string} model a model object or its JSON text (at most
   *     lab.schema.limits.maxModelBytes)
   * @returns {Network} throws an Error naming the field if the model is invalid, and
   *     "networkFromJSON: out of memory: ..." if wasm memory is exhausted
   */
  lab.networkFromJSON = (model) => named('networkFromJSON', () => {
    // As activate(): the figure's builds leave model files out.
    if (!Module.NetworkSession)
      fail('networkFromJSON', 'not in the figure\'s build (dist/embed/): use dist/js/\'s');
    const text = typeof model === 'string' ? modelText(model, 'networkFromJSON') :
                                             toJsonText(model, 'networkFromJSON', 'model');
    const session = new Module.NetworkSession();
    const error = session.load(text);
    if (error) {
      session.delete();
      fail('networkFromJSON', error);
    }
    return new Network(session, registry);
  });

  /**
   * @param {object} [settings] see README's settings table; every key optional
   * @returns {Arena} throws an Error naming the field for a malformed value, and
   *     "createArena: out of memory: ..." if wasm memory is exhausted; out-of-range values are
   *     clamped and listed in arena.settings().warnings
   */
  lab.createArena = (settings = {}) => named('createArena', () => {
    const text = objectText(settings, 'createArena', 'settings');
    const session = new Module.ArenaSession();
    const error = session.reset(text);
    if (error) {
      session.delete();
      fail('createArena', error);
    }
    decodeMetrics ??= makeMetricsDecoder(JSON.parse(session.metricsLayoutJson()));
    return new Arena(session, decodeMetrics, registry, Module.TrainUnit);
  });
  return lab;
}
