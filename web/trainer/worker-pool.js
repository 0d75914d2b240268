// The trainer of the figure, and the one scheduler of a run (the page's pool, page-pool.js, adds
// its features to it): trainer workers (worker.js) side by side, each with a share of the panels
// in its own arena with the same settings and seed, so every network trains exactly as it would
// in one arena. It starts and stops play (a worker holding the whole arena paces itself; several
// are asked for the same steps: pool-pace.js) and joins their frames at one step.
import {fixedResolution} from './adaptive-resolution.js';
import {Pace, stepsPerEpoch} from './pace.js';
import {forPage} from './pool-changes.js';
import {combineCreated, splitPanels} from './pool-frames.js';
import {newGeneration, settling, stepsFor} from './pool-generation.js';
import {deliverMatching, receiveFrame} from './pool-lockstep.js';
import {paceMessage, pump, stopPacing} from './pool-pace.js';
import {beginPause, finishSettle, refineWhenIdle, workerPaused} from './pool-settle.js';
import {MSG, msg, receiver, UnknownMessageError} from './protocol.js';
import {poolSize, startWorker} from './start-worker.js';

/**
 * Call its methods, or post it the messages of protocol.js (each one is a method); it answers
 * through onmessage ({data}) as a Worker would: loaded, created, frame, paused, error (and what
 * a subclass adds).
 */
export class WorkerPool {
  /**
   * @param {{size?: number, backend?: string, start?: function(): Worker,
   *     quality?: function(object): object}} [options] start: how a worker starts (a shared
   *     worker's session: shared-workers.js); quality: the training frames' resolution from
   *     lab.schema's limits (an AdaptiveResolution; none: always the one asked for)
   */
  constructor({
    size = poolSize(),
    backend = 'auto',
    start = () => startWorker('trainer'),
    quality = fixedResolution,
  } = {}) {
    this.onmessage = null;  // ({data}) => void, as a Worker's
    this.onerror = null;
    this.size = size;
    this.schema = null;
    this.waiting = null;  // a create() that came before the schema
    this.gen = null;      // the current arena across workers (pool-generation.js)
    this.view = {resolution: 128, detail: -1};
    this.playing = false;
    this.pace = new Pace();
    this.wake = 0;  // the timer of a pump waiting for the pace to owe a step
    this.quality = null;
    this.makeQuality = quality;
    // A worker that holds the whole arena paces itself (selfPaced); false keeps the pacing here,
    // as for several workers (a bench compares the two: the page's test hook paceInPool()).
    this.paceInWorker = true;
    this.fromPage = receiver('worker pool', this.pageMessages());
    this.fromWorker = receiver('worker pool', this.workerMessages());
    this.workers = Array.from({length: size}, (_, w) => {
      const worker = start();
      worker.onmessage = ({data}) => this.guard(this.fromWorker, data, w);
      worker.onerror = (event) => this.onerror?.(event);
      worker.postMessage(msg.load(backend));
      return worker;
    });
  }

  /** What the pool takes from the page, by message type (a subclass adds its own). */
  pageMessages() {
    return {
      [MSG.create]: (m) => this.create(m),
      [MSG.view]: ({view}) => this.setView(view),
      [MSG.play]: (m) => this.play(m),
      [MSG.pause]: () => this.pause(),
      [MSG.step]: (m) => this.step(m),
      [MSG.drawn]: ({generation}) => this.drawn(generation),
      [MSG.canvases]: ({generation, canvases}) => this.canvases(generation, canvases),
    };
  }

  /** What the pool takes from its workers (with the worker's index). */
  workerMessages() {
    return {
      [MSG.loaded]: (m) => this.loaded(m),
      [MSG.created]: (m, w) => this.created(m, w),
      [MSG.frame]: (m, w) => this.frame(m, w),
      [MSG.paused]: (m, w) => {
        if (this.current(m, w) && this.gen.pausing > 0) workerPaused(this, this.gen, w, m.steps);
      },
      [MSG.error]: (m, w) => this.tell(m, w),
    };
  }

  /** Requests asked of an arena that is replaced or stopped fail with `why` (a subclass's). */
  forget(why) {}

  /** Every worker is at one step with no training in flight (a subclass sends what waited). */
  atRest() {}

  /** @returns {boolean} whether something waits for the workers at rest (no training until then) */
  held() {
    return false;
  }

  emit(message) {
    this.onmessage?.({data: message});
  }

  /** A protocol.js message from the page. */
  postMessage(message) {
    this.guard(this.fromPage, message);
  }

  // Runs a receiver: a message of a type it does not take reaches the page as an 'error'.
  guard(receive, ...args) {
    try {
      receive(...args);
    } catch (error) {
      if (!(error instanceof UnknownMessageError)) throw error;
      this.emit(msg.error(error.message));
    }
  }

  send(w, message) {
    this.workers[w].postMessage(message);
  }

  // A worker's frame is done with (drawn, dropped or passed over): the worker may send more.
  ack(w, frame) {
    this.send(w, msg.drawn(frame.generation));
  }

  forEachShare(fn) {
    this.gen.shares.forEach((share, w) => fn(w, share));
  }

  // Whether worker w's message is about the current arena (w has a share of it).
  current(message, w) {
    const gen = this.gen;
    return Boolean(gen) && w < gen.shares.length && message.generation === gen.generation;
  }

  /**
   * Builds arena `generation` from createArena settings; view: {resolution, detail, ...}; at: an
   * epoch every worker trains to and shows (a link's), or -1; schedule: live settings changed
   * at those optimizer steps ({step, settings}, a link's record of update()s).
   */
  create({generation, settings, view = {}, at = -1, schedule = []}) {
    if (!this.schema) {
      this.waiting = {generation, settings, view, at, schedule};
      return;
    }
    const list = settings.activations;
    // A list core keeps whole is split; anything else (the default list, too many panels) goes
    // to one worker, so that core alone decides what it means.
    const n = Array.isArray(list) && list.length <= this.schema.limits.maxNetworks ?
        Math.min(this.size, list.length) :
        1;
    if (this.gen) clearTimeout(this.gen.refine);
    this.forget('the networks were rebuilt');
    this.gen = newGeneration(generation, n > 1 ? splitPanels(list.length, n) : [null], at);
    Object.assign(this.view, view);
    this.quality.choose(this.view.resolution);
    this.forEachShare((w, share) => {
      this.send(
          w, msg.create({generation, settings, view: this.viewFor(share), at, share, schedule}));
    });
    // Workers without a share this time stop training their old arena.
    for (let w = this.gen.shares.length; w < this.size; ++w) this.send(w, msg.pause());
    this.pump();
  }

  // The view as worker `share` sees it: the detail panel in its own numbering, or none.
  viewFor(share, view = this.view) {
    const out = {...view, movingResolution: this.playing ? this.quality.resolution : 0};
    if ('detail' in view && share) out.detail = share.indexOf(view.detail);
    return out;
  }

  /** Changes what frames show (resolution, kind, detail, unitResolution): one redraw. */
  setView(view) {
    Object.assign(this.view, view);
    if ('resolution' in view && this.quality) this.quality.choose(view.resolution);
    const gen = this.gen;
    if (!gen) return;
    if (settling(gen)) {
      // The frame that ends a pause is at the resolution the pause began with: views wait.
      gen.viewAfterSettle = {...gen.viewAfterSettle, ...view};
      return;
    }
    this.forEachShare((w, share) => this.send(w, msg.view(this.viewFor(share, view))));
  }

  /**
   * Step: {epochs} trains to the end of the current epoch (and more), {batches} that many
   * mini-batch steps. Before the arena exists (its epoch length is unknown) and while a pause
   * settles (the step it starts from is not known yet) the request waits.
   */
  step(request) {
    const gen = this.gen;
    if (!gen) return;
    if (!gen.ready || settling(gen)) {
      gen.stepRequests.push(request);
      return;
    }
    this.train(stepsFor(request, gen.target, gen.perEpoch));
  }

  /** Trains every panel `steps` more optimizer steps; one frame shows the result. */
  train(steps) {
    const gen = this.gen;
    if (!gen || steps <= 0 || settling(gen)) return;
    gen.target += steps;
    gen.pending.push(gen.target);
    clearTimeout(gen.refine);
    this.forEachShare((w) => this.send(w, msg.step({steps})));
  }

  /** Plays at {speed, ease, until} (pace.js) until pause(). */
  play(request) {
    this.pace.play(request, performance.now(), !this.playing);
    const gen = this.gen;
    if (!this.playing && gen && !settling(gen)) this.sendMoving();
    this.playing = true;
    // A worker at its own pace already hears the new speed.
    if (gen?.pacing) this.send(0, paceMessage(this.pace));
    this.pump();
  }

  /** Play stops without a settle (the timeline takes over): a self-paced worker stops pacing. */
  stopPlaying() {
    this.playing = false;
    stopPacing(this);
  }

  // Tells the workers the resolution of frames that train (finishSettle sends it after a pause).
  sendMoving() {
    const view = msg.view({movingResolution: this.quality.resolution}, false);
    this.forEachShare((w) => this.send(w, view));
  }

  // Starts a self-paced worker's play, or asks for the steps the pace owes (pool-pace.js).
  pump() {
    pump(this);
  }

  /**
   * Stops training at once (each worker where it is), then brings the workers to the same
   * epoch at the chosen resolution; 'paused' follows that one frame (pool-settle.js).
   */
  pause() {
    this.playing = false;
    if (!this.gen) return;
    this.gen.pacing = false;  // the pause message stops a self-paced worker too
    beginPause(this, this.gen);
  }

  /**
   * Whether the arena is all in one worker, which then paces itself (at most a frame per display
   * frame, no round trip through the page's thread per frame): with one worker there is no step to
   * keep level, and every message reaches it in order, at the step it has reached.
   */
  selfPaced() {
    return this.paceInWorker && this.gen?.shares.length === 1;
  }

  /** The page drew (or dropped) the oldest frame it was given: its workers may go on. */
  drawn(generation) {
    const gen = this.gen;
    if (!gen || generation !== gen.generation || !gen.delivered.length) return;
    const {parts, steps, resolution} = gen.delivered.shift();
    parts.forEach((part, w) => this.ack(w, part));
    gen.pending = gen.pending.filter((target) => target > steps);
    // Answers asked of this step come before the training that follows it.
    this.atRest();
    this.pump();
    refineWhenIdle(this, gen, resolution);
  }

  /**
   * The panels' canvases of arena `generation` (OffscreenCanvas, one per panel): each worker
   * draws its share's fields into them from its next frame on, and every worker redraws now.
   */
  canvases(generation, canvases) {
    const gen = this.gen;
    if (!gen || gen.generation !== generation) return;  // a newer arena has panels of its own
    this.forEachShare((w, share) => {
      const mine = share ? share.map((panel) => canvases[panel]) : canvases;
      this.workers[w].postMessage(msg.canvases(generation, mine), mine);
    });
    this.setView({});
  }

  /** Stops every worker for good (the figure left the page). */
  terminate() {
    clearTimeout(this.wake);
    if (this.gen) clearTimeout(this.gen.refine);
    this.forget('the trainer was stopped');
    this.gen = null;
    this.playing = false;
    for (const worker of this.workers) worker.terminate();
  }

  loaded(message) {
    if (this.schema) return;  // every worker loads the same build: the first one speaks
    this.schema = message.schema;
    this.quality = this.makeQuality(message.schema.limits);
    this.emit(message);
    if (this.waiting) this.create(this.waiting);
  }

  created(message, w) {
    if (!this.current(message, w)) return;
    const gen = this.gen;
    gen.created[w] = message;
    if (gen.created.filter(Boolean).length < gen.shares.length) return;
    gen.perEpoch = stepsPerEpoch(message.data.trainY.length, message.settings.batchSize);
    gen.target = Math.max(0, gen.at) * gen.perEpoch;
    gen.ready = true;
    this.pace.reset(performance.now());
    this.emit(gen.shares[0] ? combineCreated(gen.created, gen.shares) : message);
    for (const request of gen.stepRequests.splice(0)) this.step(request);
    this.pump();
  }

  frame(message, w) {
    receiveFrame(this, message, w);
  }

  // Hands out the arena's frame like `frame` once every worker sent its part (pool-lockstep.js);
  // the frame that ends a pause finishes it.
  deliver(gen, frame) {
    const settled = gen.settle !== null;
    if (!deliverMatching(this, gen, frame)) return false;
    if (settled) finishSettle(this, gen);
    // Its workers drew it already: they go on at once, whenever the page gets to its numbers.
    if (gen.delivered.at(-1)?.painted) this.drawn(gen.generation);
    return true;
  }

  // A worker's answer to a change, or its error: passed on if it is news (pool-changes.js).
  tell(message, w) {
    const current = this.current(message, w);
    const heard = forPage(this.gen, message, current ? this.gen.shares[w] : null, current);
    if (heard) this.emit(heard);
  }
}
