// The module worker that owns the lab and an arena per session (a pool's share of the panels;
// several pools may share the worker, worker-sessions.js): it trains in short chunks, yielding so
// that a reset, a setting change or a pause wins over training, and sends frames tagged with the
// arena's generation. A session whose arena is all in this worker plays at its own pace (pace.js,
// one frame per display tick: no round trip through the page per frame); a pool of several
// workers asks each for exact optimizer steps instead, so that they stay at one step. A worker
// that draws the fields into the page's canvases holds each painted frame to the display's next
// frame (paint-clock.js). Messages: protocol.js.
import {loadReluLab} from '../../js/relu-lab.mjs';

import {dataOf, samplePoints} from './arena-data.js';
import {answer, applyChange, applyDue, journalChange, journalSchedule} from './change-journal.js';
import {FieldPainter} from './field-painter.js';
import {frameContents} from './frame-contents.js';
import {Pace, stepsPerEpoch} from './pace.js';
import {DisplayTicks, PaintClock} from './paint-clock.js';
import {FRAMES_IN_FLIGHT, MSG, msg, receiver, UnknownMessageError} from './protocol.js';
import {isOpen, open, post, provideLab, run, sessionIds, state, sweep, use} from './worker-sessions.js';
import {yieldToMessages} from './yield-to-messages.js';

// A chunk trains until this much time has passed, then lets messages in.
const CHUNK_MS = 15;
// A new arena shows first at this resolution at most: twelve deep networks at 512 take seconds.
const PREVIEW_RESOLUTION = 128;

// Every session's painter draws for the same display, and every self-paced session trains on
// its ticks.
const paintClock = new PaintClock();
const ticks = new DisplayTicks(() => wakeUp());

let wake = null;
// Waits for the next message.
const idle = () => new Promise((resolve) => {
  wake = resolve;
});

const stale = () => state.create !== null || state.closed;
// What step() returns when the current session has nothing to do.
const NOTHING = Symbol('nothing');

function perEpoch() {
  return stepsPerEpoch(run.trainCount, run.settings.batchSize);
}

// Epochs trained so far, with the fraction of the current one where steps are counted.
function epochsDone() {
  return run.stepsDone / perEpoch();
}

// Trains `count` optimizer steps; returns once done, or stopped by `stamp`.
async function trainSteps(count, stamp) {
  let done = 0;
  while (done < count && state.stamp === stamp) {
    const chunkStart = performance.now();
    do {
      // A call ends at the next epoch boundary at the latest, where the history looks, and at
      // the step of the next change.
      const toBoundary = perEpoch() - (run.stepsDone % perEpoch());
      const toChange = (run.journal[run.applied]?.steps ?? Infinity) - run.stepsDone;
      const {steps} = run.arena.trainSteps(Math.min(count - done, toBoundary, toChange));
      // Every network diverged: the steps count as done, so that a pool's workers stay level.
      if (steps === 0) {
        run.stepsDone += count - done;
        return;
      }
      done += steps;
      run.stepsDone += steps;
      run.time.record(run.arena, epochsDone());
      applyDue();
    } while (done < count && performance.now() - chunkStart < CHUNK_MS);
    await yieldToMessages();
  }
}

// Sends one frame at `resolution`, unless a new arena is asked for while it is computed. A
// training frame (`paced`) of a painting worker waits for a display frame no paint took yet
// (paint-clock.js); a frame asked for by the reader (a timeline move, a redraw) goes at once.
async function postFrame(trainMs, start, resolution = run.view.resolution, paced = false) {
  state.redraw = false;  // this frame shows the current view
  const wait = paced && run.painter?.generation === run.generation ? paintClock.ready() : null;
  if (wait) {
    const waitStart = performance.now();
    await wait;
    if (stale()) return;
    start += performance.now() - waitStart;  // the frame's work is its own, not the display's
  }
  const contents =
      await frameContents(run, {start, trainMs, resolution, epochs: epochsDone(), stale});
  if (!contents) return;
  // Drawn before it is posted: the page's text never runs ahead of the fields on screen.
  const {frame} = contents;
  frame.painted = run.painter?.generation === run.generation;
  if (frame.painted) {
    const paintStart = performance.now();
    run.painter.paint(frame, run.data, run.view);
    paintClock.painted();
    frame.paintMs = performance.now() - paintStart;
    frame.computeMs += frame.paintMs;
    frame.postedAt = performance.timeOrigin + performance.now();
  }
  state.inFlight += 1;
  post(msg.frame(run.generation, contents.frame), contents.transfer);
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
      movingResolution > 0 ? Math.min(resolution, movingResolution) : resolution, true);
}

// A self-paced session's frame: once per display tick, the steps its pace owes (pace.js caps
// what a slow frame leaves owed, so a busy machine slows the run instead of bursting).
function pacedFrame() {
  const epochs = epochsDone();
  if (!state.pace.running(epochs)) return NOTHING;  // at the pool's epoch limit: play waits there
  if (state.tick === ticks.count) {
    ticks.ask();
    return NOTHING;
  }
  state.tick = ticks.count;
  const {count} = state.pace.take(performance.now(), epochs, perEpoch());
  if (count === 0) {
    ticks.ask();  // a slow pace: less than a step owed yet
    return NOTHING;
  }
  state.owed += count;
  return trainFrame();
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
  // Changes the pool sent for this arena before it existed, in order.
  run.created = request.changes || [];
  for (const change of run.created) answer(change, applyChange(change), 0);
  run.settings = run.arena.settings();
  run.time.reset(run.arena);
  run.stepsDone = 0;
  journalSchedule(request.schedule);
  const data = dataOf(run.arena);
  run.data = data;  // the points a painter draws over the fields
  run.trainCount = data.trainY.length;
  run.halfWidth = data.domain[1];
  run.range = data.range;
  post(msg.created({
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
  }
  await postFrame(0, start, Math.min(resolution, PREVIEW_RESOLUTION));
  if (resolution > PREVIEW_RESOLUTION && !stale()) await postFrame(0, performance.now());
}

// "Continue from here": the run is trained again from epoch 0 to `epoch` with the changes made
// before it replayed at their steps (the same settings, seed and changes give the same numbers,
// optimizer state included, which the kept weights alone are not); the changes made at or after
// it are dropped with the history after it. The pool hears the settings in force then.
async function resumeFrom(epoch) {
  state.resume = null;
  const stamp = state.stamp;
  const target = epoch * perEpoch();
  // A change at the kept epoch's own step came after its state was kept (the history records an
  // epoch as it ends): it belongs to the dropped future.
  const kept = run.journal.filter((c) => c.steps < target);
  const later = run.journal.slice(kept.length).map((c) => c.message.type);
  const dropped = {
    updates: later.filter((type) => type === MSG.update).length,
    edits: later.filter((type) => type === MSG.edit).length,
  };
  run.arena.delete();
  run.arena = run.lab.createArena(run.request);
  for (const change of run.created) applyChange(change);
  run.journal = kept;
  run.applied = 0;
  run.stepsDone = 0;
  run.time.truncate(epoch);
  await trainSteps(target, stamp);
  if (stale()) return;
  post(msg.resumed(run.generation, {settings: run.arena.settings(), dropped, steps: target}));
  await postFrame(0, performance.now());
}

// Answers one 'fields-at' request: every network's field and metrics at the asked epochs.
function answerFields() {
  const asked = state.requests.shift();
  const {arena, generation, time} = run;
  const transfer = [];
  try {
    const columns = time.fieldsAt(
        arena, asked.epochs, asked.resolution, arena.metrics(), epochsDone(), transfer);
    post(msg.answer(asked, {generation, resolution: asked.resolution, columns}), transfer);
  } catch (error) {
    post(msg.answer(asked, {generation, error: String(error && error.message)}));
  }
}

// Does the most urgent thing asked of the current session, or returns NOTHING.
async function step() {
  const {arena} = run;
  if (state.closed || !run.lab) return NOTHING;
  if (state.create) return create();
  if (arena && state.resume !== null) return resumeFrom(state.resume);
  if (arena && state.requests.length) return answerFields();
  if (arena && state.show !== null) {
    const {epoch, resolution} = state.show;
    run.time.show(arena, epoch);
    state.show = null;
    return postFrame(0, performance.now(), resolution || run.view.resolution);
  }
  if (arena && state.owed > 0 && state.inFlight < FRAMES_IN_FLIGHT) return trainFrame();
  if (arena && state.pace && state.inFlight < FRAMES_IN_FLIGHT) {
    const paced = pacedFrame();
    if (paced !== NOTHING) return paced;
  }
  if (state.pauseAck) {
    state.pauseAck = false;
    post(msg.paused(run.generation, run.stepsDone));
    return;
  }
  if (arena && state.redraw) return postFrame(0, performance.now());
  return NOTHING;
}

// Takes the sessions in turn, one step each, so that figures sharing the worker share its time;
// waits for a message when none has anything to do.
async function serve() {
  for (;;) {
    let busy = false;
    for (const id of sessionIds()) {
      use(id);
      try {
        busy = (await step()) !== NOTHING || busy;
      } catch (error) {
        state.owed = 0;
        post(msg.error(String(error && error.message), {generation: run.generation}));
      }
      sweep(id);
    }
    if (!busy) await idle();
  }
}

// The lab, loaded by the first session's 'load' (every pool asks for the same build).
let lab = null;

// Session `id` asked for the engine: it is told once the lab has loaded.
async function load(id, backend) {
  if (!isOpen(id)) open(id, null);
  const first = !lab;
  lab ??= loadReluLab({backend});
  let loaded;
  try {
    loaded = await lab;
  } catch (error) {
    post(msg.error(String(error && error.message), {request: MSG.load}), [], id);
    return;
  }
  provideLab(loaded);
  if (!isOpen(id)) return;
  post(msg.loaded(loaded.backend, loaded.schema), [], id);
  if (first) serve();
  wakeUp();
}

// Every training request still owed is dropped and the session's own pace stops; training under
// way stops at its next chunk.
function stopTraining() {
  state.owed = 0;
  state.pace = null;
  state.stamp += 1;
}

const receive = receiver('worker', {
  [MSG.load]: ({backend, session}) => load(session ?? 0, backend),
  [MSG.close]: () => {
    stopTraining();
    state.closed = true;
  },
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
  // The session plays at its own pace from now on (again at a new speed, if it played already).
  [MSG.play]: (request) => {
    const resumed = !state.pace;
    state.pace ??= new Pace();
    state.pace.play(request, performance.now(), resumed);
  },
  [MSG.drawn]: ({generation}) => {
    if (generation === run.generation) state.inFlight = Math.max(0, state.inFlight - 1);
  },
  [MSG.update]: journalChange,
  [MSG.edit]: journalChange,
  [MSG.show]: ({epoch, resolution}) => {
    state.show = {epoch, resolution};
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
  // The page's canvases of an arena: built now or about to be (its 'create' may still wait). A
  // figure's worker (the embed bundles) is never handed any: those bundles define
  // globalThis.RELU_LAB_PAINTS as false, which leaves the painter out of them.
  [MSG.canvases]: ({generation, canvases}) => {
    if (globalThis.RELU_LAB_PAINTS !== false) run.painter = new FieldPainter(generation, canvases);
  },
  [MSG.sample]: (message) => {
    try {
      post(msg.answer(message, samplePoints(run.lab, message.settings)));
    } catch (error) {
      post(msg.answer(message, {error: String(error && error.message)}));
    }
  },
});

open(0, null);

function wakeUp() {
  if (wake) wake();
  wake = null;
}

// Each message is about the session it names (none: the page's pool, session 0, always open); a
// shared worker's session is opened by its 'load', and messages of one closed are dropped.
onmessage = ({data}) => {
  const id = data?.session ?? 0;
  if (data?.type !== MSG.load && !isOpen(id)) return;
  const before = use(id);
  try {
    receive(data);
  } catch (error) {
    if (!(error instanceof UnknownMessageError)) throw error;
    post(msg.error(error.message));
  } finally {
    use(before);
  }
  wakeUp();
};
