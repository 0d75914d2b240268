// The module worker that owns the lab and the arena: it trains in short chunks, yielding to its
// message loop between them so that a reset, a setting change or a pause wins over training,
// and posts frames (metrics and fields, transferred) tagged with the arena's generation. Alone it
// paces itself (pace.js); in a pool (worker-pool.js) it owns a share of the panels and trains the
// steps the pool asks for, so that every worker is at the same step in every frame.
import {loadReluLab} from '../../js/relu-lab.mjs';

import {Pace, stepsPerEpoch as stepsPerEpochOf} from './pace.js';
import {TimeKeeper} from './time-keeper.js';

const CURVE_POINTS = 161;
const CURVE_RANGE = 4;
// A chunk trains until this much time has passed, then lets messages in.
const CHUNK_MS = 15;
// Fields computed without letting messages in: a reset waits at most about this long. Small
// grids do not yield after each panel, as every yield is a task a busy machine may run late.
const YIELD_MS = 4;
// A new arena shows first at this resolution at most: twelve deep networks at 512 take seconds.
const PREVIEW_RESOLUTION = 128;
// Frames posted but not yet drawn: two let the threads overlap, more would only queue up.
const MAX_IN_FLIGHT = 2;

let lab = null;
let arena = null;
let arenaSettings = null;  // arena.settings(), read once per arena
let trainCount = 1;        // training rows of the current arena
let generation = -1;       // the page's number for the current arena
let arenaRequest = null;   // the settings the current arena was built from (to rebuild it)
const time = new TimeKeeper();
const state = {
  create: null,  // the latest 'create' not yet carried out
  // movingResolution: a coarser grid for frames that trained, chosen by a pool (0: resolution);
  // regions: the grid of arena.regions for every panel each frame (0: off).
  view: {
    resolution: 128,
    kind: 'probability',
    detail: -1,
    unitResolution: 40,
    movingResolution: 0,
    regions: 0
  },
  redraw: false,  // a view change wants a frame without training
  playing: false,
  pace: new Pace(),
  steps: 0,      // epochs asked for by Step
  batches: 0,    // mini-batch steps asked for by Step
  exact: 0,      // optimizer steps asked for by a pool, trained in one frame
  stepsDone: 0,  // optimizer steps of this arena (epochs = stepsDone / stepsPerEpoch)
  inFlight: 0,
  pauseAck: false,
  stamp: 0,       // bumped by create and pause: training begun under an older stamp stops
  show: null,     // a kept epoch to show (the timeline), or null
  resume: null,   // an epoch to continue training from (the future is dropped), or null
  requests: [],   // 'fields-at' requests (the figure, the exports) not yet answered
  series: false,  // the next frame carries the kept metrics (a run replayed to a link's epoch)
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
  return stepsPerEpochOf(trainCount, arenaSettings.batchSize);
}

// Epochs trained so far, with the fraction of the current one where steps are counted.
function epochsDone() {
  return state.stepsDone / stepsPerEpoch();
}

// Trains `count` optimizer steps; returns once done, or stopped by `stamp`.
async function trainSteps(count, stamp) {
  let done = 0;
  while (done < count && state.stamp === stamp) {
    const chunkStart = performance.now();
    do {
      // A call ends at the next epoch boundary at the latest, where the history looks.
      const toBoundary = stepsPerEpoch() - (state.stepsDone % stepsPerEpoch());
      const {steps} = arena.trainSteps(Math.min(count - done, toBoundary));
      // Every network diverged: the steps count as done, so that a pool's workers stay level.
      if (steps === 0) {
        state.stepsDone += count - done;
        return;
      }
      done += steps;
      state.stepsDone += steps;
      time.record(arena, epochsDone());
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

// Each panel's linear regions ({count, resolution, borders, explanation}; ids stay here), null
// for a diverged network, which has no field to draw them on. A deep panel takes about as long
// as its field (~8 ms at 128 x 128 for 6 x 16 units): messages get in between panels.
async function regionsOf(metrics, transfer) {
  const out = [];
  for (let i = 0; i < metrics.length; ++i) {
    if (metrics[i].diverged) {
      out.push(null);
      continue;
    }
    const {count, resolution, borders, explanation} = arena.regions(i, state.view.regions);
    if (borders) transfer.push(borders.buffer);
    out.push({count, resolution, borders, explanation});
    await yieldToMessages();
    if (state.create) return null;
  }
  return out;
}

// A preset's points in raw units (as own data takes them), for "start from dataset".
function sample(settings) {
  const probe = lab.createArena({...settings, scaleInputs: false, activations: ['linear']});
  try {
    const {points, labels} = probe.data();
    return {points: Array.from(points), labels: Array.from(labels)};
  } finally {
    probe.delete();
  }
}

// One frame: metrics, one field per panel and, if a detail view is open, its unit maps and unit
// activity. Dropped if a new arena is asked for while the fields are computed.
async function postFrame(trainMs, start, resolution = state.view.resolution) {
  state.redraw = false;  // this frame shows the current view
  const metrics = time.shown ? time.shown.metrics : arena.metrics();
  const {kind, detail: d} = state.view;
  const transfer = [];
  const fields = [];
  const fieldStart = performance.now();
  let yieldedAt = fieldStart;
  for (let i = 0; i < metrics.length; ++i) {
    // field() returns a fresh copy with its own ArrayBuffer: it is transferred, not copied.
    const field = arena.field(i, resolution, kind);  // null once the network diverged
    fields.push(field);
    if (field) transfer.push(field.buffer);
    // A fine grid of a deep network takes tens of ms: a reset may come in between panels.
    if (performance.now() - yieldedAt < YIELD_MS) continue;
    await yieldToMessages();
    yieldedAt = performance.now();
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
    epochs: time.shown ? time.shown.epoch : epochsDone(),
    steps: state.stepsDone,
    time: time.summary(),
    pace: state.playing ? state.pace.current(epochsDone()) : 0,
  };
  if (state.view.regions) {
    message.regions = await regionsOf(metrics, transfer);
    if (state.create) return;
  }
  // A run replayed to a link's epoch: the page has not seen its past, so its charts get it once.
  if (state.series) message.series = time.history.entries.map((e) => e.metrics);
  state.series = false;
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
  // On the clock every thread shares, so the page can tell how long the frame took to arrive.
  message.postedAt = performance.timeOrigin + performance.now();
  state.inFlight += 1;
  postMessage(message, transfer);
}

// Trains one frame: a pool's exact steps, Step's epoch or batch, else what the pace has owed
// since the last frame. Waits (without training) while less than one step is owed. A pause or a
// new arena stops it.
async function trainFrame() {
  const stamp = state.stamp;
  time.backToLive(arena);
  const start = performance.now();
  if (state.exact > 0) {
    const count = state.exact;
    state.exact = 0;
    await trainSteps(count, stamp);
  } else if (state.steps > 0 || state.batches > 0) {
    // Step trains to the end of the current epoch (a whole epoch from a boundary).
    const epochSteps = stepsPerEpoch();
    const toBoundary = epochSteps - (state.stepsDone % epochSteps);
    const stepping = state.batches > 0 ? 1 : toBoundary + (state.steps - 1) * epochSteps;
    if (state.batches > 0)
      state.batches -= 1;
    else
      state.steps = 0;
    await trainSteps(stepping, stamp);
  } else {
    const {count, waitMs} = state.pace.take(performance.now(), epochsDone(), stepsPerEpoch());
    if (count === 0) return waitMs === undefined ? undefined : idle(waitMs);
    await trainSteps(count, stamp);
  }
  if (state.create) return;
  const {resolution, movingResolution} = state.view;
  await postFrame(
      performance.now() - start, start,
      movingResolution > 0 ? Math.min(resolution, movingResolution) : resolution);
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
  // share: the panels (indices into settings.activations) this worker of a pool trains.
  const {settings, share} = request;
  arenaRequest =
      share ? {...settings, activations: share.map((i) => settings.activations[i])} : settings;
  arena = lab.createArena(arenaRequest);
  // Changes the page sent for this arena before it existed, in order.
  for (const change of request.changes || []) answerChange(change);
  arenaSettings = arena.settings();
  time.reset(arena);
  state.stepsDone = 0;
  state.pace.reset();
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
  // A link to an earlier moment: train there (same settings and seed, same numbers), then show it.
  if (request.at >= 0) {
    await trainSteps(request.at * stepsPerEpoch(), state.stamp);
    if (state.create) return;
    time.show(arena, request.at);
    state.series = true;
  }
  await postFrame(0, start, Math.min(resolution, PREVIEW_RESOLUTION));
  if (resolution > PREVIEW_RESOLUTION && !state.create) await postFrame(0, performance.now());
}

// "Continue from here": the run is trained again from epoch 0 to `epoch` (the same settings and
// seed give the same numbers, optimizer state included, which the kept weights alone are not),
// and the history after it is dropped.
async function resumeFrom(epoch) {
  state.resume = null;
  const stamp = state.stamp;
  arena.delete();
  arena = lab.createArena(arenaRequest);
  state.stepsDone = 0;
  state.pace.reset();
  time.truncate(epoch);
  await trainSteps(epoch * stepsPerEpoch(), stamp);
  if (!state.create) await postFrame(0, performance.now());
}

// Answers one 'fields-at' request: every network's field and metrics at the asked epochs.
function answerFields() {
  const {id, epochs, resolution} = state.requests.shift();
  const transfer = [];
  const columns = time.fieldsAt(arena, epochs, resolution, arena.metrics(), epochsDone(), transfer);
  postMessage({type: 'fields-at', id, generation, resolution, columns}, transfer);
}

async function step() {
  if (state.create) return create();
  if (arena && state.resume !== null) return resumeFrom(state.resume);
  if (arena && state.requests.length) return answerFields();
  if (arena && state.show !== null) {
    time.show(arena, state.show);
    state.show = null;
    return postFrame(0, performance.now());
  }
  const owed = state.exact > 0 || state.steps > 0 || state.batches > 0 ||
      (state.playing && state.pace.running(epochsDone()));
  if (arena && owed && state.inFlight < MAX_IN_FLIGHT) {
    return trainFrame();
  }
  if (state.pauseAck) {
    state.pauseAck = false;
    postMessage({type: 'paused', generation, steps: state.stepsDone});
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

function answerChange(message) {
  const type = message.type === 'update' ? 'updated' : 'edited';
  postMessage({type, generation, error: changeArena(message)});
}

// Play stops and every training request still owed is dropped; training under way stops at its
// next chunk (the stamp).
function stopTraining() {
  state.playing = false;
  state.steps = 0;
  state.batches = 0;
  state.exact = 0;
  state.stamp += 1;
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
      state.exact = 0;
      state.inFlight = 0;
      break;
    case 'view':
      Object.assign(state.view, message.view);
      // redraw: false changes only what later frames show (a pool's training resolution).
      if (message.redraw !== false) state.redraw = true;
      break;
    case 'play':
      state.pace.play(message, performance.now(), !state.playing);
      state.playing = true;
      break;
    case 'pause':
      stopTraining();
      state.pauseAck = true;
      break;
    case 'show':
      // Training asked for after this message still runs (and shows the live end again).
      state.playing = false;
      state.show = message.epoch;
      break;
    case 'resume':
      stopTraining();
      state.resume = message.epoch;
      break;
    case 'live':
      if (arena) time.backToLive(arena);
      state.redraw = true;
      break;
    case 'fields-at':
      state.requests.push(message);
      break;
    case 'step':
      state.steps += message.epochs || 0;
      state.batches += message.batches || 0;
      state.exact += message.steps || 0;
      break;
    case 'sample':
      try {
        postMessage({type: 'sample', id: message.id, ...sample(message.settings)});
      } catch (error) {
        postMessage({type: 'sample', id: message.id, error: String(error && error.message)});
      }
      break;
    case 'update':  // live settings (lab.schema's change: 'live'): the run goes on
    case 'edit':    // one weight or bias of one network, from the network diagram
      // The frame that shows the change is asked for by a 'view' (a pool redraws all workers).
      // One for an arena not built yet waits for it: its settings were sent before the change.
      if (state.create && state.create.generation === message.generation)
        (state.create.changes ||= []).push(message);
      else if (arena && message.generation === generation)
        answerChange(message);
      break;
    case 'drawn':
      if (message.generation === generation) state.inFlight = Math.max(0, state.inFlight - 1);
      break;
    default:
      postMessage({type: 'error', message: `worker: unknown message type ${message.type}`});
  }
  poke();
};
