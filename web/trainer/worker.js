// The module worker that owns the lab and an arena (a pool's share of the panels): it trains the
// exact optimizer steps its pool asks for in short chunks, yielding so that a reset, a setting
// change or a pause wins over training, and sends frames tagged with the arena's generation. It
// never paces itself: when and how much to train is worker-pool.js's alone (messages: protocol.js).
import {loadReluLab} from '../../js/relu-lab.mjs';

import {frameContents} from './frame-contents.js';
import {stepsPerEpoch} from './pace.js';
import {FRAMES_IN_FLIGHT, MSG, msg, receiver, UnknownMessageError} from './protocol.js';
import {TimeKeeper} from './time-keeper.js';
import {yieldToMessages} from './yield-to-messages.js';

// A chunk trains until this much time has passed, then lets messages in.
const CHUNK_MS = 15;
// A new arena shows first at this resolution at most: twelve deep networks at 512 take seconds.
const PREVIEW_RESOLUTION = 128;

// The arena and what frames are made of (frame-contents.js reads it).
const run = {
  lab: null,
  arena: null,
  settings: null,  // arena.settings(), read once per arena
  request: null,   // the settings the arena was built from (to rebuild it)
  generation: -1,  // the pool's number for the arena
  trainCount: 1,   // training rows of the arena
  stepsDone: 0,    // optimizer steps of this arena (epochs = stepsDone / stepsPerEpoch)
  // Live settings changes at optimizer steps ({step, settings}, by step), applied ones included
  // (a rebuilt arena replays them); those before index `nextChange` are applied.
  schedule: [],
  nextChange: 0,
  time: new TimeKeeper(),
  // movingResolution: a coarser grid for frames that trained, chosen by the pool (0: resolution);
  // regions: the grid of arena.regions for every panel each frame (0: off).
  view: {
    resolution: 128,
    kind: 'probability',
    detail: -1,
    unitResolution: 40,
    movingResolution: 0,
    regions: 0
  },
};
// What is asked and not done yet.
const state = {
  create: null,   // the latest 'create' not yet carried out
  redraw: false,  // a view change wants a frame without training
  owed: 0,        // optimizer steps asked for by the pool, trained in one frame
  inFlight: 0,    // frames sent and not yet acknowledged
  pauseAck: false,
  stamp: 0,       // bumped by create and pause: training begun under an older stamp stops
  show: null,     // a kept epoch to show (the timeline), or null
  resume: null,   // an epoch to continue training from (the future is dropped), or null
  requests: [],   // 'fields-at' requests (the figure, the exports) not yet answered
  series: false,  // the next frame carries the kept metrics (a run replayed to a link's epoch)
};

let wake = null;
// Waits for the next message.
const idle = () => new Promise((resolve) => {
  wake = resolve;
});

const stale = () => state.create !== null;

function perEpoch() {
  return stepsPerEpoch(run.trainCount, run.settings.batchSize);
}

// Epochs trained so far, with the fraction of the current one where steps are counted.
function epochsDone() {
  return run.stepsDone / perEpoch();
}

// Applies the scheduled changes whose step has been reached.
function applyDue() {
  const {schedule} = run;
  while (run.nextChange < schedule.length && schedule[run.nextChange].step <= run.stepsDone) {
    applyChange({type: MSG.update, settings: schedule[run.nextChange].settings});
    run.nextChange += 1;
  }
}

// Adds a live change at its step (after those at the same step) and applies it if that is now
// (or passed: a pool names only steps it has asked for, which no worker has passed yet).
function schedule(change) {
  const at = run.schedule.findIndex((c) => c.step > change.step);
  run.schedule.splice(at < 0 ? run.schedule.length : at, 0, change);
  applyDue();
}

// Optimizer steps until the next scheduled change (Infinity: none).
function toNextChange() {
  const next = run.schedule[run.nextChange];
  return next ? next.step - run.stepsDone : Infinity;
}

// Trains `count` optimizer steps; returns once done, or stopped by `stamp`.
async function trainSteps(count, stamp) {
  let done = 0;
  while (done < count && state.stamp === stamp) {
    const chunkStart = performance.now();
    do {
      applyDue();
      // A call ends at the next epoch boundary at the latest, where the history looks, and at
      // the next scheduled change, which must come between the same two steps everywhere.
      const toBoundary = perEpoch() - (run.stepsDone % perEpoch());
      const limit = Math.min(count - done, toBoundary, toNextChange());
      const {steps} = run.arena.trainSteps(limit);
      // Every network diverged: the steps count as done, so that a pool's workers stay level.
      if (steps === 0) {
        run.stepsDone += count - done;
        return;
      }
      done += steps;
      run.stepsDone += steps;
      run.time.record(run.arena, epochsDone());
    } while (done < count && performance.now() - chunkStart < CHUNK_MS);
    applyDue();
    await yieldToMessages();
  }
}

// Sends one frame at `resolution`, unless a new arena is asked for while it is computed.
async function postFrame(trainMs, start, resolution = run.view.resolution) {
  state.redraw = false;  // this frame shows the current view
  const contents = await frameContents(
      run, {start, trainMs, resolution, epochs: epochsDone(), series: state.series, stale});
  if (!contents) return;
  state.series = false;
  state.inFlight += 1;
  postMessage(msg.frame(run.generation, contents.frame), contents.transfer);
}

// Trains the steps the pool asked for and shows them in one frame (at the pool's training
// resolution). A pause or a new arena stops it.
async function trainFrame() {
  const stamp = state.stamp;
  const count = state.owed;
  state.owed = 0;
  run.time.backToLive(run.arena);
  const start = performance.now();
  await trainSteps(count, stamp);
  if (stale()) return;
  const {resolution, movingResolution} = run.view;
  await postFrame(
      performance.now() - start, start,
      movingResolution > 0 ? Math.min(resolution, movingResolution) : resolution);
}

// The dataset split into train and test points for drawing: rows [0, trainCount) train.
function dataOf(arena) {
  const {points, labels, trainCount: n, halfWidth} = arena.data();
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
  if (run.arena) run.arena.delete();
  run.arena = null;
  run.generation = request.generation;
  Object.assign(run.view, request.view);
  const {settings, share} = request;
  run.request =
      share ? {...settings, activations: share.map((i) => settings.activations[i])} : settings;
  run.arena = run.lab.createArena(run.request);
  run.stepsDone = 0;
  run.schedule = [];
  run.nextChange = 0;
  for (const change of request.schedule || []) schedule(change);
  // Changes the pool sent for this arena before it existed, in order.
  for (const change of request.changes || []) {
    if (change.type === MSG.update)
      schedule(change);
    else
      applyChange(change);
  }
  run.settings = run.arena.settings();
  run.time.reset(run.arena);
  const data = dataOf(run.arena);
  run.trainCount = data.trainY.length;
  postMessage(msg.created({
    generation: run.generation,
    settings: run.settings,
    panels: run.settings.activations,
    data
  }));
  const resolution = run.view.resolution;
  // A link to an earlier moment: train there (same settings and seed, same numbers), then show it.
  if (request.at >= 0) {
    await trainSteps(request.at * perEpoch(), state.stamp);
    if (stale()) return;
    run.time.show(run.arena, request.at);
    state.series = true;
  }
  await postFrame(0, start, Math.min(resolution, PREVIEW_RESOLUTION));
  if (resolution > PREVIEW_RESOLUTION && !stale()) await postFrame(0, performance.now());
}

// "Continue from here": the run is trained again from epoch 0 to `epoch` (the same settings and
// seed give the same numbers, optimizer state included, which the kept weights alone are not),
// and the history after it is dropped.
async function resumeFrom(epoch) {
  state.resume = null;
  const stamp = state.stamp;
  run.arena.delete();
  run.arena = run.lab.createArena(run.request);
  run.stepsDone = 0;
  run.nextChange = 0;
  applyDue();
  run.time.truncate(epoch);
  await trainSteps(epoch * perEpoch(), stamp);
  if (!stale()) await postFrame(0, performance.now());
}

// Answers one 'fields-at' request: every network's field and metrics at the asked epochs.
function answerFields() {
  const asked = state.requests.shift();
  const {arena, generation, time} = run;
  const transfer = [];
  try {
    const columns = time.fieldsAt(
        arena, asked.epochs, asked.resolution, arena.metrics(), epochsDone(), transfer);
    postMessage(msg.answer(asked, {generation, resolution: asked.resolution, columns}), transfer);
  } catch (error) {
    postMessage(msg.answer(asked, {generation, error: String(error && error.message)}));
  }
}

// Does the most urgent thing asked for, or waits for a message.
async function step() {
  const {arena} = run;
  if (state.create) return create();
  if (arena && state.resume !== null) return resumeFrom(state.resume);
  if (arena && state.requests.length) return answerFields();
  if (arena && state.show !== null) {
    run.time.show(arena, state.show);
    state.show = null;
    return postFrame(0, performance.now());
  }
  if (arena && state.owed > 0 && state.inFlight < FRAMES_IN_FLIGHT) return trainFrame();
  if (state.pauseAck) {
    state.pauseAck = false;
    postMessage(msg.paused(run.generation, run.stepsDone));
    return;
  }
  if (arena && state.redraw) return postFrame(0, performance.now());
  return idle();
}

async function start(backend) {
  try {
    run.lab = await loadReluLab({backend});
  } catch (error) {
    postMessage(msg.error(String(error && error.message), {request: MSG.load}));
    return;
  }
  postMessage(msg.loaded(run.lab.backend, run.lab.schema));
  for (;;) {
    try {
      await step();
    } catch (error) {
      state.owed = 0;
      postMessage(msg.error(String(error && error.message), {generation: run.generation}));
    }
  }
}

// Applies an 'update' or 'edit' message to the arena and answers it with "" or the error.
function applyChange(change) {
  let error = '';
  try {
    const {index, layer, unit, input, value} = change;
    if (change.type === MSG.update)
      run.arena.update(change.settings);
    else if (input === undefined)
      run.arena.setBias(index, layer, unit, value);
    else
      run.arena.setWeight(index, layer, unit, input, value);
  } catch (e) {
    error = String(e && e.message);
  }
  const answer = change.type === MSG.update ? msg.updated : msg.edited;
  postMessage(answer(run.generation, error));
}

// A change the pool sent for an arena not built yet waits for it (its settings went first); the
// frame that shows a change is asked for by the pool's 'view', so that all its workers redraw.
function change(message) {
  if (state.create && state.create.generation === message.generation)
    (state.create.changes ||= []).push(message);
  else if (run.arena && message.generation === run.generation && message.type === MSG.update)
    schedule({step: message.step, settings: message.settings});
  else if (run.arena && message.generation === run.generation)
    applyChange(message);
}

// Every training request still owed is dropped; training under way stops at its next chunk.
function stopTraining() {
  state.owed = 0;
  state.stamp += 1;
}

const receive = receiver('worker', {
  [MSG.load]: ({backend}) => start(backend),
  [MSG.create]: (message) => {
    state.create = message;
    stopTraining();
    state.inFlight = 0;
  },
  [MSG.view]: ({view, redraw}) => {
    Object.assign(run.view, view);
    // redraw: false changes only what later frames show (the pool's training resolution).
    if (redraw !== false) state.redraw = true;
  },
  [MSG.pause]: () => {
    stopTraining();
    state.pauseAck = true;
  },
  [MSG.step]: ({steps}) => {
    state.owed += steps;
  },
  [MSG.drawn]: ({generation}) => {
    if (generation === run.generation) state.inFlight = Math.max(0, state.inFlight - 1);
  },
  [MSG.update]: change,
  [MSG.edit]: change,
  [MSG.show]: ({epoch}) => {
    state.show = epoch;
  },
  [MSG.live]: () => {
    if (run.arena) run.time.backToLive(run.arena);
    state.redraw = true;
  },
  [MSG.resume]: ({epoch}) => {
    stopTraining();
    state.resume = epoch;
  },
  [MSG.fieldsAt]: (message) => {
    state.requests.push(message);
  },
  [MSG.sample]: (message) => {
    try {
      postMessage(msg.answer(message, sample(message.settings)));
    } catch (error) {
      postMessage(msg.answer(message, {error: String(error && error.message)}));
    }
  },
});

// A preset's points in raw units (as own data takes them), for "start from dataset".
function sample(settings) {
  const probe = run.lab.createArena({...settings, scaleInputs: false, activations: ['linear']});
  try {
    const {points, labels} = probe.data();
    return {points: Array.from(points), labels: Array.from(labels)};
  } finally {
    probe.delete();
  }
}

onmessage = ({data}) => {
  try {
    receive(data);
  } catch (error) {
    if (!(error instanceof UnknownMessageError)) throw error;
    postMessage(msg.error(error.message));
  }
  if (wake) wake();
  wake = null;
};
