// The module worker that owns the lab and an arena per session (a pool's share of the panels;
// several pools may share the worker, worker-sessions.js): it trains in short chunks, yielding so
// that a reset, a setting change or a pause wins over training, and sends frames tagged with the
// arena's generation. A session whose arena is all in this worker plays at its own pace (pace.js,
// at most a frame per display frame: no round trip through the page per frame); a pool of several
// workers asks each for exact optimizer steps instead, so that they stay at one step. A worker
// that draws the fields into the page's canvases holds each painted frame to the display's next
// frame (paint-clock.js). Training and frames: worker-training.js; messages: protocol.js.
import {loadReluLab} from '../../js/relu-lab.mjs';

import {dataOf, samplePoints} from './arena-data.js';
import {answer, applyChange, journalChange, journalSchedule} from './change-journal.js';
import {FieldPainter} from './field-painter.js';
import {Pace} from './pace.js';
import {FRAMES_IN_FLIGHT, MSG, msg, receiver, UnknownMessageError} from './protocol.js';
import {isOpen, open, post, provideLab, run, sessionIds, state, sweep, use} from './worker-sessions.js';
import {epochsDone, NOTHING, onDisplayTick, pacedFrame, perEpoch, postFrame, stale, trainFrame, trainSteps} from './worker-training.js';

// A new arena shows first at this resolution at most: twelve deep networks at 512 take seconds.
const PREVIEW_RESOLUTION = 128;

let wake = null;
// Waits for the next message.
const idle = () => new Promise((resolve) => {
  wake = resolve;
});

onDisplayTick(() => wakeUp());

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
  // 'paused' goes before anything asked after the pause; a frame of where it stopped follows
  // unless another frame does first (a timeline move, a replay).
  if (state.pauseAck) {
    state.pauseAck = false;
    state.pauseFrame = Boolean(arena);
    post(msg.paused(run.generation, run.stepsDone));
    return;
  }
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
  if (arena && (state.redraw || state.pauseFrame)) return postFrame(0, performance.now());
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
  // 'paused', then a frame of where it stopped (step()): the frame that ends a pool's pause
  // always comes after 'paused', never one sent before it.
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
