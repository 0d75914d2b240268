// The trainer's messages: page and figure -> pool (worker-pool.js) -> workers (worker.js), and the
// answers back. Every type is named here once, with its builder, the frame limit, the frame
// acknowledgement and the id -> promise request; the routing itself lives with each receiver.
// A learning-rate change, by name: page/controls.js -> page/settings-flow.js changeSetting (the
// row's effect is `live`; settings/to-core.js liveUpdate) -> PagePool.update -> pool-changes.js
// sendUpdate posts `update` with the optimizer step it takes effect at (at least) to each worker
// -> worker.js hands it to change-journal.js, which applies arena.update when training reaches
// that step -> each worker answers `updated` with the step (an error reaches the page once), and
// the pool's `view` redraw brings the frame of the networks at the new rate. The step is the
// page's to write into its link (the update's onStep), so that the link replays it.

// A worker shared by several pools (the figures of a page) holds one session per pool: every
// message to and from it then carries the pool's `session` id (shared-workers.js adds and reads
// it; worker-sessions.js keeps the sessions). A pool of its own workers sends none.

/** Every message type; the values are what travels in `message.type`. */
export const MSG = Object.freeze({
  // Asked of a trainer (the pool takes them from the page, workers from the pool).
  load: 'load',
  create: 'create',
  view: 'view',
  play: 'play',
  pause: 'pause',
  step: 'step',  // to a worker: exact optimizer steps
  drawn: 'drawn',
  update: 'update',
  edit: 'edit',
  show: 'show',
  live: 'live',
  resume: 'resume',
  fieldsAt: 'fields-at',  // asked with an id and answered under the same type and id
  sample: 'sample',       // likewise
  close: 'close',         // a pool sharing the worker is gone (shared-workers.js)
  canvases: 'canvases',   // the panels' canvases, handed over once per arena (field-painter.js)
  // Answered by a trainer (workers to the pool, the pool to the page).
  loaded: 'loaded',
  created: 'created',
  frame: 'frame',
  paused: 'paused',
  updated: 'updated',
  edited: 'edited',
  resumed: 'resumed',
  error: 'error',
});
const TYPES = new Set(Object.values(MSG));

/**
 * Frames sent but not yet acknowledged: two let the threads overlap, more would only queue up.
 * A worker sends no further frame past it, and the pool asks for no further training past it.
 */
export const FRAMES_IN_FLIGHT = 2;

/** Builds each message a page, a pool or a worker sends; the only place that spells fields. */
export const msg = Object.freeze({
  /** @param {string} backend 'auto' or a build of lab's BACKENDS */
  load: (backend) => ({type: MSG.load, backend}),
  /**
   * @param {{generation: number, settings: object, view?: object, at?: number,
   *     share?: number[], schedule?: {step: number, settings: object}[]}} arena createArena
   *     settings; at: an epoch to train to and show (-1: none); share: the panels a pool's
   *     worker trains (none: all); schedule: live settings applied at those optimizer steps
   */
  create: ({generation, settings, view = {}, at = -1, share, schedule = []}) => share ?
      {type: MSG.create, generation, settings, view, at, schedule, share} :
      {type: MSG.create, generation, settings, view, at, schedule},
  /** redraw false: only later frames change (a pool's training resolution). */
  view: (view, redraw = true) => redraw ? {type: MSG.view, view} : {type: MSG.view, view, redraw},
  /**
   * To a pool: play. To a worker (of a pool whose arena it holds alone): train at this pace,
   * at most one frame per display frame, until 'pause' (or a new arena).
   * @param {{speed?: number, ease?: boolean, until?: number}} pace see pace.js
   */
  play: ({speed = 1, ease = false, until = Infinity} = {}) =>
      ({type: MSG.play, speed, ease, until}),
  pause: () => ({type: MSG.pause}),
  /**
   * To a pool: {epochs} trains to the end of the current epoch (and more), {batches} that many
   * mini-batch steps. To a worker: {steps}, exact optimizer steps (a pool's only kind).
   */
  step: ({epochs = 0, batches = 0, steps = 0}) => ({type: MSG.step, epochs, batches, steps}),
  drawn: (generation) => ({type: MSG.drawn, generation}),
  /**
   * Live settings (lab.schema's change: 'live'): the networks go on from where they are. To a
   * worker, `steps` is the optimizer step it applies at (every worker changes at the same one).
   */
  update: (generation, settings, steps) => ({type: MSG.update, generation, settings, steps}),
  /** One weight ({index, layer, unit, input, value}) or bias (no input) of panel `index`. */
  edit: (generation, {index, layer, unit, input, value}, steps) =>
      ({type: MSG.edit, generation, index, layer, unit, input, value, steps}),
  /** resolution: the grid of the frame that shows it (none: the view's; a drag's is coarser). */
  show: (epoch, resolution) =>
      resolution ? {type: MSG.show, epoch, resolution} : {type: MSG.show, epoch},
  live: () => ({type: MSG.live}),
  resume: (epoch) => ({type: MSG.resume, epoch}),
  close: () => ({type: MSG.close}),
  /**
   * The canvases of arena `generation`'s panels (OffscreenCanvas, to transfer): to a pool, one
   * per panel; to a worker, one per panel of its share. It draws every later frame into them.
   */
  canvases: (generation, canvases) => ({type: MSG.canvases, generation, canvases}),
  loaded: (backend, schema) => ({type: MSG.loaded, backend, schema}),
  created: ({generation, settings, panels, data}) =>
      ({type: MSG.created, generation, settings, panels, data}),
  /**
   * @param {object} frame what frame-contents.js computes: metrics, fields, timings, ...; with
   *     `painted` true when the worker drew its fields into the panels' canvases already (its
   *     fields are then null but the open detail panel's)
   */
  frame: (generation, frame) => ({...frame, type: MSG.frame, generation}),
  paused: (generation, steps) => ({type: MSG.paused, generation, steps}),
  /** steps: the optimizer step the update applied at (the page's link records it). */
  updated: (generation, error, steps) => ({type: MSG.updated, generation, error, steps}),
  edited: (generation, error) => ({type: MSG.edited, generation, error}),
  /**
   * "Continue from here" is replayed: the settings in force at that epoch (arena.settings()) and
   * how many later changes were dropped with the future ({updates, edits}).
   */
  resumed: (generation, {settings, dropped, steps}) =>
      ({type: MSG.resumed, generation, settings, dropped, steps}),
  /** request: 'load' when the engine itself failed, else absent. */
  error: (message, {generation, request} = {}) => ({type: MSG.error, generation, request, message}),
  /** The answer to a request() (same type and id): `fields` or {error}. */
  answer: ({type, id}, fields) => ({...fields, type, id}),
});

/** A message whose type the receiver has no handler for. */
export class UnknownMessageError extends Error {
  constructor(receiver, type) {
    super(`${receiver}: unknown message type ${JSON.stringify(type)}`);
    this.name = 'UnknownMessageError';
  }
}

/**
 * A receiver: a handler table keyed by MSG values (a key that is no message type throws at
 * once), as one function of a message (and any context, passed on to the handler, such as the
 * pool's worker index) that throws UnknownMessageError for a type it lacks.
 * @param {string} name the receiver, for errors
 * @param {Record<string, function(object): *>} table
 * @returns {function(object): *}
 */
export function receiver(name, table) {
  for (const type of Object.keys(table)) {
    if (!TYPES.has(type)) throw new Error(`${name}: handles ${type}, which is no message type`);
  }
  const handlers = new Map(Object.entries(table));
  return (message, ...context) => {
    const handle = handlers.get(message?.type);
    if (!handle) throw new UnknownMessageError(name, message?.type);
    return handle(message, ...context);
  };
}

/**
 * Tells the sender of `frame` (a pool, or a pool's worker) that it is drawn or dropped. A frame
 * its workers drew themselves (`painted`) needs no word from the page: its pool acknowledged it
 * as it handed it out, so that the workers never wait for the page's thread.
 */
export function acknowledge(port, frame) {
  if (frame.painted) return;
  port.postMessage(msg.drawn(frame.generation));
}

const waiting = new Map();  // request id -> {type, resolve, reject}
let lastId = 0;

/**
 * Asks `port` (something with postMessage: the pool) and resolves with the answer of the same
 * type and id, or rejects with its error. The receiver of the port's answers hands them to
 * answer(); an answer never comes only if the trainer itself is gone.
 * @returns {Promise<object>}
 */
export function request(port, type, payload = {}) {
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    waiting.set(id, {type, resolve, reject});
    port.postMessage({...payload, type, id});
  });
}

/**
 * Settles the request that `message` answers; false if none waits for it (answered already, or
 * asked by someone else).
 */
export function answer(message) {
  const asked = waiting.get(message.id);
  if (!asked || asked.type !== message.type) return false;
  waiting.delete(message.id);
  if (message.error)
    asked.reject(new Error(message.error));
  else
    asked.resolve(message);
  return true;
}
