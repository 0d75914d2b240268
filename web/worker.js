// The module worker that owns the lab and the arena: it trains in short chunks, yielding to its
// message loop between them so that a reset, a setting change or a pause wins over training,
// and posts frames (metrics and fields, transferred) tagged with the arena's generation.
import {loadReluLab} from '../js/relu-lab.mjs';

const CURVE_POINTS = 161;
const CURVE_RANGE = 4;
// A chunk trains until this much time has passed, then lets messages in.
const CHUNK_MS = 15;
// The pace is counted per display frame (60 Hz): the worker adds `pace` epochs of budget per
// frame that passes and trains whole units of it (a mini-batch step, or an epoch where the
// library cannot step one batch), so slow paces spread over many frames.
const FRAME_MS = 1000 / 60;
// The slow start: the pace begins at EASE_START epochs per frame and doubles every EASE_EPOCHS
// epochs until it reaches the chosen pace, so the first boundaries form over a few seconds.
const EASE_START = 1 / 32;
const EASE_EPOCHS = 4;
// A new arena shows first at this resolution at most: twelve deep networks at 512 take seconds.
const PREVIEW_RESOLUTION = 128;
// Frames posted but not yet drawn: two let the threads overlap, more would only queue up.
const MAX_IN_FLIGHT = 2;

let lab = null;
let arena = null;
let arenaSettings = null;  // arena.settings(), read once per arena
let trainCount = 1;        // training rows of the current arena
let generation = -1;       // the page's number for the current arena
const state = {
  create: null,  // the latest 'create' not yet carried out
  view: {resolution: 128, kind: 'probability', detail: -1, unitResolution: 40},
  redraw: false,  // a view change wants a frame without training
  playing: false,
  speed: 1,         // epochs per frame once eased in
  ease: true,       // start slowly (see EASE_START)
  budget: 0,        // epochs owed to the pace, not yet trained
  lastTick: 0,      // when the budget was last topped up
  steps: 0,         // epochs asked for by Step
  batches: 0,       // mini-batch steps asked for by Step
  stepsDone: 0,     // optimizer steps of this arena (epochs = stepsDone / stepsPerEpoch)
  until: Infinity,  // play stops at this epoch (a figure's epoch limit)
  inFlight: 0,
  pauseAck: false,
  stamp: 0,  // bumped by create and pause: training begun under an older stamp stops
};

let wake = null;
function poke() {
  if (wake) wake();
  wake = null;
}
// Waits for a message, or at most `ms` when given.
const idle = (ms) => new Promise((resolve) => {
  wake = resolve;
  if (ms !== undefined) setTimeout(poke, ms);
});

// Mini-batch steps in one epoch of the current arena.
function stepsPerEpoch() {
  return Math.max(
      1, Math.ceil(trainCount / Math.max(1, Math.min(arenaSettings.batchSize, trainCount))));
}
const canStepBatches = () => typeof arena.trainSteps === 'function';

// Epochs trained so far, with the fraction of the current one where steps are counted.
function epochsDone() {
  return state.stepsDone / stepsPerEpoch();
}

// Epochs per frame now: the chosen pace, reached through the slow start when it is on.
function currentPace() {
  if (!state.ease) return state.speed;
  return Math.min(state.speed, EASE_START * 2 ** (epochsDone() / EASE_EPOCHS));
}

// Trains `count` steps (or epochs when `inEpochs`); returns once done, or stopped by `stamp`.
async function trainUnits(count, inEpochs, stamp) {
  let done = 0;
  while (done < count && state.stamp === stamp) {
    const chunkStart = performance.now();
    do {
      const want = Math.min(count - done, inEpochs ? 1 : stepsPerEpoch());
      const progress = inEpochs ? arena.train(want) : arena.trainSteps(want);
      // A library that reports partial progress says how much it did; older ones did it all.
      if (progress && progress.steps === 0 && progress.epochs === 0) return;  // all diverged
      done += progress ? (inEpochs ? progress.epochs : progress.steps) : want;
      state.stepsDone += progress ? progress.steps : want * stepsPerEpoch();
    } while (done < count && performance.now() - chunkStart < CHUNK_MS);
    await yieldToMessages();
  }
}

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
    const values = arena.unitField(index, layer, unit, res);  // null once it diverged
    if (values) transfer.push(values.buffer);
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
    const field = arena.field(i, resolution, kind);  // null once the network diverged
    fields.push(field);
    if (field) transfer.push(field.buffer);
    // A fine grid of a deep network takes tens of ms: a reset may come in between panels.
    await yieldToMessages();
    if (state.create) return;
  }
  const fieldMs = performance.now() - fieldStart;
  const message = {
    type: 'frame',
    generation,
    metrics,
    fields,
    resolution,
    trainMs,
    fieldMs,
    computeMs: 0,
    epochs: epochsDone(),
    pace: state.playing ? currentPace() : 0,
  };
  if (d >= 0 && d < metrics.length) {
    message.detail = {
      index: d,
      resolution: state.view.unitResolution,
      units: unitMaps(d, transfer),
      activity: arena.unitActivity(d, state.view.resolution),
      curves: curves(d, metrics),
      // The weights for the diagram's links and its editor; a diverged network has none.
      model: metrics[d].diverged ? null : arena.model(d),
    };
  }
  message.computeMs = performance.now() - start;
  state.inFlight += 1;
  postMessage(message, transfer);
}

// Trains one frame: Step's epoch or batch, else what the pace has owed since the last frame.
// Waits (without training) while less than one unit is owed. A pause or a new arena stops it.
async function trainFrame() {
  const stamp = state.stamp;
  const start = performance.now();
  const batches = canStepBatches();
  if (state.steps > 0 || state.batches > 0) {
    // Step trains to the end of the current epoch (a whole epoch from a boundary).
    const epochSteps = stepsPerEpoch();
    const toBoundary = epochSteps - (state.stepsDone % epochSteps);
    const stepping = state.batches > 0 ? 1 : toBoundary + (state.steps - 1) * epochSteps;
    if (state.batches > 0)
      state.batches -= 1;
    else
      state.steps = 0;
    await trainUnits(batches ? stepping : Math.ceil(stepping / epochSteps), !batches, stamp);
  } else {
    const now = performance.now();
    // The budget's cap below, not the frame count, keeps a stall from piling up a debt.
    const frames = (now - state.lastTick) / FRAME_MS;
    state.lastTick = now;
    const pace = currentPace();
    state.budget = Math.min(state.budget + frames * pace, 2 * Math.max(pace, 1));
    const unit = batches ? 1 / stepsPerEpoch() : 1;
    if (state.budget < unit) return idle(Math.max(1, ((unit - state.budget) / pace) * FRAME_MS));
    // A figure's epoch limit: play never trains past it.
    const room = Math.max(0, state.until - epochsDone());
    const count = Math.min(Math.floor(state.budget / unit + 1e-9), Math.ceil(room / unit - 1e-9));
    if (count === 0) return;
    state.budget -= count * unit;
    await trainUnits(count, !batches, stamp);
  }
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
  state.stepsDone = 0;
  state.budget = 0;
  const data = dataOf(arena);
  trainCount = data.trainY.length;
  postMessage({
    type: 'created',
    generation,
    settings: arenaSettings,
    panels: arenaSettings.activations,
    data
  });
  const resolution = state.view.resolution;
  await postFrame(0, start, Math.min(resolution, PREVIEW_RESOLUTION));
  if (resolution > PREVIEW_RESOLUTION && !state.create) await postFrame(0, performance.now());
}

async function step() {
  if (state.create) return create();
  if (arena &&
      (state.steps > 0 || state.batches > 0 || (state.playing && epochsDone() < state.until)) &&
      state.inFlight < MAX_IN_FLIGHT) {
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
  const probe = lab.createArena({points: 10, activations: ['relu']});
  const canStep = typeof probe.trainSteps === 'function';
  probe.delete();
  postMessage({type: 'loaded', backend: lab.backend, schema: lab.schema, canStepBatches: canStep});
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

// Applies an 'update' or 'edit' message to the arena; returns "" or the library's error.
function changeArena({type, settings, index, layer, unit, input, value}) {
  try {
    if (type === 'update')
      arena.update(settings);
    else if (input === undefined)
      arena.setBias(index, layer, unit, value);
    else
      arena.setWeight(index, layer, unit, input, value);
    return '';
  } catch (error) {
    return String(error && error.message);
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
      state.batches = 0;
      state.inFlight = 0;
      break;
    case 'view':
      Object.assign(state.view, message.view);
      state.redraw = true;
      break;
    case 'play':
      if (!state.playing) state.lastTick = performance.now();
      state.playing = true;
      state.speed = message.speed;
      state.ease = message.ease;
      state.until = message.until ?? Infinity;
      break;
    case 'pause':
      state.playing = false;
      state.steps = 0;
      state.batches = 0;
      state.stamp += 1;
      state.pauseAck = true;
      break;
    case 'step':
      state.steps += message.epochs || 0;
      state.batches += message.batches || 0;
      break;
    case 'update':  // live settings (lab.schema's change: 'live'): the run goes on
    case 'edit':    // one weight or bias of one network, from the network diagram
      if (arena && message.generation === generation) {
        const type = message.type === 'update' ? 'updated' : 'edited';
        postMessage({type, generation, error: changeArena(message)});
        state.redraw = true;
      }
      break;
    case 'drawn':
      if (message.generation === generation) state.inFlight = Math.max(0, state.inFlight - 1);
      break;
    default:
      postMessage({type: 'error', message: `worker: unknown message type ${message.type}`});
  }
  poke();
};
