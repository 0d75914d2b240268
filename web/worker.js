// The module worker that owns the lab and the arena: it trains in short chunks, yielding to its
// message loop between them so that a reset, a setting change or a pause wins over training,
// and posts frames (metrics and fields, transferred) tagged with the arena's generation.
import {loadReluLab} from '../js/relu-lab.mjs';

const CURVE_POINTS = 161;
const CURVE_RANGE = 4;
// A chunk trains whole epochs until this much time has passed, then lets messages in.
const CHUNK_MS = 15;
// A new arena shows first at this resolution at most: twelve deep networks at 512 take seconds.
const PREVIEW_RESOLUTION = 128;
// Frames posted but not yet drawn: two let the threads overlap, more would only queue up.
const MAX_IN_FLIGHT = 2;

let lab = null;
let arena = null;
let arenaSettings = null;  // arena.settings(), read once per arena
let generation = -1;       // the page's number for the current arena
const state = {
  create: null,  // the latest 'create' not yet carried out
  view: {resolution: 128, kind: 'probability', detail: -1, unitResolution: 40},
  redraw: false,  // a view change wants a frame without training
  playing: false,
  speed: 1,
  until: Infinity,  // play stops at this epoch (a figure's epoch limit)
  epoch: 0,         // epochs trained by the current arena
  steps: 0,         // epochs asked for by Step
  inFlight: 0,
  pauseAck: false,
  stamp: 0,  // bumped by create and pause: training begun under an older stamp stops
};

let wake = null;
function poke() {
  if (wake) wake();
  wake = null;
}
const idle = () => new Promise((resolve) => {
  wake = resolve;
});

// A macrotask through a MessageChannel: queued messages run before it, and unlike setTimeout it
// is not clamped to 4 ms when nested.
const channel = new MessageChannel();
const yielded = [];
channel.port1.onmessage = () => yielded.shift()();
function yieldToMessages() {
  return new Promise((resolve) => {
    yielded.push(resolve);
    channel.port2.postMessage(null);
  });
}

// Each hidden unit's map over the plane, [layer][unit].
function unitMaps(index, transfer) {
  const res = state.view.unitResolution;
  return arenaSettings.layers.map((units, layer) => Array.from({length: units}, (_, unit) => {
    const values = arena.unitField(index, layer, unit, res);
    transfer.push(values.buffer);
    return values;
  }));
}

// The activation of panel `index` and its derivative on [-4, 4], with its current parameters.
function curves(index, metrics) {
  const x = new Float32Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; ++i) {
    x[i] = -CURVE_RANGE + (2 * CURVE_RANGE * i) / (CURVE_POINTS - 1);
  }
  const {activation, params} = arenaSettings.activations[index];
  const callParams = {};
  if (activation === 'prelu') {
    // activate() takes PReLU's alphas themselves: the first hidden layer's, averaged.
    const alphas = metrics[index].alphas[0] || [params.init];
    callParams.alpha = alphas.reduce((sum, a) => sum + a, 0) / alphas.length;
  } else {
    for (const p of lab.schema.activations.find((a) => a.name === activation).params) {
      if (p.type === 'number') callParams[p.key] = params[p.key];
    }
  }
  const {y, dydx} = lab.activate(activation, callParams, x);
  return {x, y, dydx, params: callParams};
}

// One frame: metrics, one field per panel and, if a detail view is open, its unit maps and unit
// activity. Dropped if a new arena is asked for while the fields are computed.
async function postFrame(trainMs, start, resolution = state.view.resolution) {
  state.redraw = false;  // this frame shows the current view
  const metrics = arena.metrics();
  const {kind, detail: d} = state.view;
  const transfer = [];
  const fields = [];
  const fieldStart = performance.now();
  for (let i = 0; i < metrics.length; ++i) {
    // field() returns a fresh copy with its own ArrayBuffer: it is transferred, not copied.
    const field = arena.field(i, resolution, kind);
    fields.push(field);
    transfer.push(field.buffer);
    // A fine grid of a deep network takes tens of ms: a reset may come in between panels.
    await yieldToMessages();
    if (state.create) return;
  }
  const fieldMs = performance.now() - fieldStart;
  const message =
      {type: 'frame', generation, metrics, fields, resolution, trainMs, fieldMs, computeMs: 0};
  if (d >= 0 && d < metrics.length) {
    message.detail = {
      index: d,
      resolution: state.view.unitResolution,
      units: unitMaps(d, transfer),
      activity: arena.unitActivity(d, state.view.resolution),
      curves: curves(d, metrics),
    };
  }
  message.computeMs = performance.now() - start;
  state.inFlight += 1;
  postMessage(message, transfer);
}

// Trains the epochs of one frame (Step's, else `speed`) chunk by chunk. A pause stops it and
// shows where it stopped; a new arena drops it.
async function trainFrame() {
  const stamp = state.stamp;
  const stepping = state.steps > 0;
  const target = stepping ? state.steps : Math.min(state.speed, state.until - state.epoch);
  const start = performance.now();
  let done = 0;
  while (done < target && state.stamp === stamp) {
    const chunkStart = performance.now();
    do {
      arena.train(1);
      done += 1;
      state.epoch += 1;
    } while (done < target && performance.now() - chunkStart < CHUNK_MS);
    await yieldToMessages();
  }
  if (stepping && state.stamp === stamp) state.steps -= done;
  if (state.create) return;
  await postFrame(performance.now() - start, start);
}

// The dataset split into train and test points for drawing: rows [0, trainCount) train.
function dataOf(current) {
  const {points, labels, trainCount: n, halfWidth} = current.data();
  return {
    trainX: points.slice(0, 2 * n),
    trainY: labels.slice(0, n),
    testX: points.slice(2 * n),
    testY: labels.slice(n),
    domain: [-halfWidth, halfWidth],
  };
}

async function create() {
  const start = performance.now();
  const request = state.create;
  state.create = null;
  if (arena) arena.delete();
  arena = null;
  generation = request.generation;
  Object.assign(state.view, request.view);
  arena = lab.createArena(request.settings);
  state.epoch = 0;
  arenaSettings = arena.settings();
  postMessage({
    type: 'created',
    generation,
    settings: arenaSettings,
    panels: arenaSettings.activations,
    data: dataOf(arena),
  });
  const resolution = state.view.resolution;
  await postFrame(0, start, Math.min(resolution, PREVIEW_RESOLUTION));
  if (resolution > PREVIEW_RESOLUTION && !state.create) await postFrame(0, performance.now());
}

async function step() {
  if (state.create) return create();
  const playing = state.playing && state.epoch < state.until;
  if (arena && (state.steps > 0 || playing) && state.inFlight < MAX_IN_FLIGHT) {
    return trainFrame();
  }
  if (state.pauseAck) {
    state.pauseAck = false;
    postMessage({type: 'paused', generation});
    return;
  }
  if (!arena) return idle();
  if (state.redraw) {
    state.redraw = false;
    return postFrame(0, performance.now());
  }
  return idle();
}

async function run(backend) {
  try {
    lab = await loadReluLab({backend});
  } catch (error) {
    postMessage({type: 'error', request: 'load', message: String(error && error.message)});
    return;
  }
  postMessage({type: 'loaded', backend: lab.backend, schema: lab.schema});
  for (;;) {
    try {
      await step();
    } catch (error) {
      state.playing = false;
      state.steps = 0;
      postMessage({type: 'error', generation, message: String(error && error.message)});
    }
  }
}

onmessage = ({data: message}) => {
  switch (message.type) {
    case 'load':
      run(message.backend);
      break;
    case 'create':
      state.create = message;
      state.stamp += 1;
      state.steps = 0;
      state.inFlight = 0;
      break;
    case 'view':
      Object.assign(state.view, message.view);
      state.redraw = true;
      break;
    case 'play':
      state.playing = true;
      state.speed = message.speed;
      state.until = message.until ?? Infinity;
      break;
    case 'pause':
      state.playing = false;
      state.steps = 0;
      state.stamp += 1;
      state.pauseAck = true;
      break;
    case 'step':
      state.steps += message.epochs;
      break;
    case 'drawn':
      if (message.generation === generation) state.inFlight = Math.max(0, state.inFlight - 1);
      break;
    default:
      postMessage({type: 'error', message: `worker: unknown message type ${message.type}`});
  }
  poke();
};
