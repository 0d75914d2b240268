// The sessions of one trainer worker: each is an arena of its own with what was asked of it, so
// that several pools (the figures of a page, shared-workers.js) can share one worker. A page's
// pool speaks without a session id (session 0). worker.js works on the current session through
// the live bindings `run` and `state`; use() switches them, post() answers the current session.
import {TimeKeeper} from './time-keeper.js';

// The arena and what frames are made of (frame-contents.js reads it).
function newRun(lab) {
  return {
    lab,
    arena: null,
    settings: null,  // arena.settings(), read once per arena
    request: null,   // the settings the arena was built from (to rebuild it)
    created: [],     // the changes sent before the arena existed: part of how it was built
    // The live updates and edits of this arena, each with the optimizer step it applies at
    // ({steps, message}, in step order); `applied` of them are in the arena. A rebuild replays
    // them at the same steps, which gives the same numbers.
    journal: [],
    applied: 0,
    generation: -1,  // the pool's number for the arena
    trainCount: 1,   // training rows of the arena
    stepsDone: 0,    // optimizer steps of this arena (epochs = stepsDone / stepsPerEpoch)
    time: new TimeKeeper(),
    data: null,     // the arena's points, as 'created' sends them
    painter: null,  // draws frames into the page's canvases, when it handed them over
    // movingResolution: a coarser grid for frames that trained, chosen by the pool (0:
    // resolution); regions: the grid of arena.regions for every panel each frame (0: off); kind:
    // a field kind, undefined for the arena's own (probability, or a regression's value);
    // discrete, test: how a painter draws (p >= 0.5 as one colour; the test points too).
    view: {
      resolution: 128,
      kind: undefined,
      detail: -1,
      unitResolution: 40,
      movingResolution: 0,
      regions: 0
    },
  };
}

// What is asked and not done yet.
function newState() {
  return {
    create: null,   // the latest 'create' not yet carried out
    redraw: false,  // a view change wants a frame without training
    owed: 0,        // optimizer steps asked for by the pool, trained in one frame
    pace: null,     // a Pace (pace.js) while the session plays at its own pace, else null
    tick: -1,       // the display frame (DisplayTicks.count) its last paced frame began in
    inFlight: 0,    // frames sent and not yet acknowledged
    pauseAck: false,
    pauseFrame: false,  // 'paused' went out: a frame of where it stopped is owed (any frame pays)
    stamp: 0,           // bumped by create and pause: training begun under an older stamp stops
    show: null,         // {epoch, resolution}: a kept epoch to show (the timeline), or null
    resume: null,       // an epoch to continue training from (the future is dropped), or null
    requests: [],       // 'fields-at' requests (the figure, the exports) not yet answered
    closed: false,      // its pool is gone: the arena is freed once nothing works on it
  };
}

const sessions = new Map();  // id -> {id, run, state}
let current = null;
/** The current session's arena and requests (worker.js reads and changes them). */
export let run = null;
export let state = null;

/** Makes session `id` (new, or the one of that id) the current one; returns the previous. */
export function use(id) {
  const before = current;
  current = sessions.get(id) ?? null;
  run = current?.run ?? null;
  state = current?.state ?? null;
  return before?.id;
}

/** Opens session `id` (a pool's 'load'), with the worker's lab once it has one. */
export function open(id, lab) {
  sessions.set(id, {id, run: newRun(lab), state: newState()});
}

/** @returns {boolean} whether session `id` is open */
export function isOpen(id) {
  return sessions.has(id);
}

/** The lab has loaded: every open session gets it. */
export function provideLab(lab) {
  for (const session of sessions.values()) session.run.lab = lab;
}

/** @returns {number[]} the open sessions' ids, in the order they opened */
export function sessionIds() {
  return [...sessions.keys()];
}

/** Frees a closed session's arena and forgets it (once no step works on it any more). */
export function sweep(id) {
  const session = sessions.get(id);
  if (!session?.state.closed) return;
  session.run.arena?.delete();
  sessions.delete(id);
}

/** Posts `message` to the pool of session `id` (the current one by default). */
export function post(message, transfer = [], id = current?.id) {
  postMessage(id ? {...message, session: id} : message, transfer);
}
