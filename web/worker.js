// The module worker that owns the lab and the arena: it trains on request, computes the decision
// fields and posts them (transferred, not copied) with the metrics. It draws nothing.
import {loadReluLab} from '../js/relu-lab.mjs';

const CURVE_POINTS = 161;
const CURVE_RANGE = 4;

// The wasm module starts loading as soon as the worker starts, before the page asks for anything.
const labReady = loadReluLab();
labReady.catch(() => {});  // reported by the first message's handler, not as unhandled
let lab = null;
let arena = null;
let arenaSettings = null;  // arena.settings(), read once per arena (it is JSON)
let view = {resolution: 128, kind: 'probability', detail: -1, unitResolution: 40};
// Messages are handled strictly in order: the first one waits for the wasm module.
let queue = Promise.resolve();

function metricsOf(current) {
  return current.metrics().map(
      (m) => ({
        ...m,
        alphas: m.alphas ?
            Array.from(m.alphas, (a) => (typeof a === 'number' ? a : Array.from(a))) :
            [],
      }));
}

/** The panels as the page names them: {name, params, label} from the arena's networks. */
function panelsOf(settings) {
  return settings.activations.map((a) => {
    const name = a.activation ?? a.name;
    // The trainer labels a network with its activation's name unless told otherwise.
    return {name, params: a.params || {}, label: a.label && a.label !== name ? a.label : ''};
  });
}

// Reads the unit counts of the hidden layers from the validated settings.
function hiddenLayers(settings) {
  return (settings.layers || []).map((layer) => (typeof layer === 'number' ? layer : layer.units));
}

// Grid cells nearest to each training point at `resolution` (row 0 at y = +h, as fields).
function trainCells(resolution) {
  const {points, trainCount, halfWidth: h} = arena.data();
  const cells = new Int32Array(trainCount);
  const scale = (resolution - 1) / (2 * h);
  for (let i = 0; i < trainCount; ++i) {
    const col = Math.round((points[2 * i] + h) * scale);
    const row = Math.round((h - points[2 * i + 1]) * scale);
    cells[i] = row * resolution + col;
  }
  return cells;
}

// Each hidden unit's map, and whether it is exactly 0 at every training point (sampled at the
// nearest grid cell): for ReLU that is a dead unit (zero output <=> zero gradient).
function unitFields(index, settings, transfer) {
  const cells = trainCells(view.unitResolution);
  return hiddenLayers(settings).map((units, layer) => {
    const maps = [];
    for (let unit = 0; unit < units; ++unit) {
      const values = arena.unitField(index, layer, unit, view.unitResolution);
      transfer.push(values.buffer);
      maps.push({values, silent: cells.every((c) => values[c] === 0)});
    }
    return maps;
  });
}

// The activation of panel `index` and its derivative on [-4, 4], with its current parameters
// (PReLU: the first hidden layer's learned alpha, averaged when there is one per unit).
function curves(index, settings, metrics) {
  const x = new Float32Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; ++i) {
    x[i] = -CURVE_RANGE + (2 * CURVE_RANGE * i) / (CURVE_POINTS - 1);
  }
  const {name, params} = panelsOf(settings)[index];
  const callParams = {};
  for (const key of ['slope', 'alpha', 'beta', 'threshold']) {
    if (typeof params[key] === 'number') callParams[key] = params[key];
  }
  if (name === 'prelu') callParams.alpha = params.init ?? 0.25;
  const alphas = [metrics[index].alphas[0] || []].flat();
  if (name === 'prelu' && alphas.length) {
    callParams.alpha = alphas.reduce((sum, a) => sum + a, 0) / alphas.length;
  }
  const {y, dydx} = lab.activate(name, callParams, x);
  return {x, y, dydx, params: callParams};
}

// One frame: metrics, one field per panel and, if a detail view is open, its feature maps.
function frame(trainMs, start) {
  const settings = arenaSettings;
  const metrics = metricsOf(arena);
  const fieldStart = performance.now();
  const transfer = [];
  // field() returns a fresh copy with its own ArrayBuffer: it is transferred, not copied again.
  const fields = metrics.map((_, i) => {
    const field = arena.field(i, view.resolution, view.kind);
    transfer.push(field.buffer);
    return field;
  });
  const fieldMs = performance.now() - fieldStart;
  const message = {type: 'frame', metrics, fields, resolution: view.resolution, trainMs, fieldMs};
  const d = view.detail;
  if (d >= 0 && d < metrics.length) {
    message.detail = {
      index: d,
      resolution: view.unitResolution,
      units: unitFields(d, settings, transfer),
      curves: curves(d, settings, metrics),
    };
  }
  message.computeMs = performance.now() - start;
  postMessage(message, transfer);
}

// The dataset split into train and test points for drawing: rows [0, trainCount) train.
function dataOf(current) {
  const {points, labels, trainCount, halfWidth} = current.data();
  const n = trainCount;
  return {
    trainX: Float32Array.from(points.subarray(0, 2 * n)),
    trainY: Float32Array.from(labels.subarray(0, n)),
    testX: Float32Array.from(points.subarray(2 * n)),
    testY: Float32Array.from(labels.subarray(n)),
    domain: [-halfWidth, halfWidth],
  };
}

async function handle(message) {
  if (!lab) {
    lab = await labReady;
    postMessage({type: 'loaded', backend: lab.backend, activationNames: lab.activationNames});
  }
  const start = performance.now();
  switch (message.type) {
    case 'create': {
      if (arena) arena.delete();
      arena = null;
      view = {...view, ...message.view};
      arena = lab.createArena(message.settings);
      const settings = arena.settings();
      arenaSettings = settings;
      postMessage({type: 'created', settings, panels: panelsOf(settings), data: dataOf(arena)});
      frame(0, start);
      break;
    }
    case 'view':
      view = {...view, ...message.view};
      if (arena) frame(0, start);
      break;
    case 'train': {
      if (!arena) break;
      arena.train(message.epochs);
      frame(performance.now() - start, start);
      break;
    }
    default:
      throw new Error(`worker: unknown message type ${message.type}`);
  }
}

onmessage = ({data}) => {
  queue = queue.then(() => handle(data)).catch((error) => {
    postMessage({type: 'error', request: data.type, message: String(error && error.message)});
  });
};
