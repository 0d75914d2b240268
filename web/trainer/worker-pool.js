// Trainer workers (worker.js) side by side: each owns a share of the panels in its own arena with
// the same settings and seed, so every network trains exactly as it would in one arena, and one
// frame of each worker at the same optimizer step makes the frame drawn. The pool paces play
// (pace.js, the rules a lone worker paces itself by) and asks every worker for the same steps.
import {AdaptiveResolution} from './adaptive-resolution.js';
import {Pace, stepsPerEpoch} from './pace.js';
import {combineCreated, combineFrames, globalText, splitPanels} from './pool-frames.js';
import {PoolTime} from './pool-time.js';
import {poolSize, startWorker} from './start-worker.js';

// Training requests not yet drawn: two let the threads overlap, more would only queue up.
const MAX_PENDING = 2;
// No training asked for this long after a coarse frame: the run has slowed, so refine it.
const REFINE_AFTER_MS = 250;

/**
 * The page's trainer: speaks worker.js's protocol (postMessage / onmessage), or call create(),
 * train(), play(), pause(), setView() and drawn() directly; frames arrive through onmessage.
 */
export class WorkerPool {
  /** @param {{size?: number, backend?: string}} [options] */
  constructor({size = poolSize(), backend = 'auto'} = {}) {
    this.onmessage = null;  // ({data}) => void, as a Worker's
    this.onerror = null;
    this.size = size;
    this.schema = null;
    this.waiting = null;  // a create() that came before the schema
    this.gen = null;      // the current arena across workers (see create)
    this.view = {resolution: 128, detail: -1};
    this.playing = false;
    this.pace = new Pace();
    this.wake = 0;  // the timer of a pump waiting for the pace to owe a step
    this.quality = null;
    this.time = new PoolTime(this);
    this.workers = Array.from({length: size}, (_, w) => {
      const worker = startWorker('trainer');
      worker.onmessage = ({data}) => this.receive(w, data);
      worker.onerror = (event) => this.onerror?.(event);
      worker.postMessage({type: 'load', backend});
      return worker;
    });
  }

  emit(message) {
    this.onmessage?.({data: message});
  }

  /** The worker protocol: 'create', 'view', 'play', 'pause', 'step', 'drawn', 'update', 'edit'. */
  postMessage(message) {
    const actions = {
      create: () => this.create(message.generation, message.settings, message.view, message.at),
      view: () => this.setView(message.view),
      play: () => this.play(message),
      pause: () => this.pause(),
      step: () => this.step(message),
      drawn: () => this.drawn(message.generation),
      // A preset's points for the data editor: any worker can draw them; the first answers.
      sample: () => this.send(0, message),
      show: () => this.time.post(message),
      live: () => this.time.post(message),
      resume: () => this.time.post(message),
      'fields-at': () => this.time.post(message),
      update: () => this.change(message),
      edit: () => this.change(message),
    };
    if (!actions[message.type]) {
      this.emit({type: 'error', message: `worker pool: unknown message type ${message.type}`});
      return;
    }
    actions[message.type]();
  }

  send(w, message) {
    this.workers[w].postMessage(message);
  }

  forEachShare(fn) {
    this.gen.shares.forEach((share, w) => fn(w, share));
  }

  /** Builds arena `generation` from createArena settings; view: {resolution, detail, ...}. */
  // at: an epoch every worker trains to and shows (a link's), or -1.
  create(generation, settings, view = {}, at = -1) {
    if (!this.schema) {
      this.waiting = [generation, settings, view, at];
      return;
    }
    const list = settings.activations;
    // A list core keeps whole is split; anything else (the default list, too many panels) goes
    // to one worker, so that core alone decides what it means.
    const n = Array.isArray(list) && list.length <= this.schema.limits.maxNetworks ?
        Math.min(this.size, list.length) :
        1;
    const shares = n > 1 ? splitPanels(list.length, n) : [null];
    this.gen = {
      generation,
      shares,
      created: [],
      queues: shares.map(() => []),
      delivered: [],  // combined frames handed out, oldest first: their parts await 'drawn'
      perEpoch: 1,    // optimizer steps per epoch, known once created
      ready: false,   // every worker has sent 'created' (perEpoch is known)
      early: [],      // Step requests that came before that
      steps: shares.map(() => -1),  // each worker's optimizer steps, from its frames
      target: 0,                    // steps asked of every worker
      pending: [],                  // target steps of training requests not yet drawn
      pausing: 0,                   // workers yet to acknowledge a pause
      pausedResolution: 0,
      settle: null,           // {target, resolution}: after a pause, the one frame that ends it
      viewAfterSettle: null,  // view changes that came while a pause settled
      deferred: 0,            // steps asked for by Step while a pause settles
      errors: new Set(),
      last: {steps: -1, resolution: 0},  // the latest frame handed out
      resynced: -1,                      // the target epoch a resync was asked at
      refine: 0,                         // the timer of a pending refine
      at,
    };
    Object.assign(this.view, view);
    this.quality.choose(this.view.resolution);
    this.pace.reset();
    this.forEachShare((w, share) => {
      const message = {type: 'create', generation, settings, view: this.viewFor(share), at};
      if (share) message.share = share;
      this.send(w, message);
    });
    // Workers without a share this time stop training their old arena.
    for (let w = n; w < this.size; ++w) this.send(w, {type: 'pause'});
    this.pump();
  }

  // The view as worker `share` sees it: the detail panel in its own numbering, or none.
  viewFor(share, view = this.view) {
    const out = {...view, movingResolution: this.playing ? this.quality.resolution : 0};
    if ('detail' in view && share) out.detail = share.indexOf(view.detail);
    return out;
  }

  /**
   * A live settings 'update' goes to every worker, a weight 'edit' to the worker owning its
   * panel (in its numbering); then every worker redraws, so their frames still match.
   */
  change(message) {
    const gen = this.gen;
    if (!gen || message.generation !== gen.generation) return;
    if (message.type === 'update') {
      this.forEachShare((w) => this.send(w, message));
    } else {
      const w = gen.shares[0] ? gen.shares.findIndex((share) => share.includes(message.index)) : 0;
      const index = gen.shares[0] ? gen.shares[w].indexOf(message.index) : message.index;
      this.send(w, {...message, index});
    }
    this.setView({});
  }

  /** Changes what frames show (resolution, kind, detail, unitResolution): one redraw. */
  setView(view) {
    Object.assign(this.view, view);
    if ('resolution' in view && this.quality) this.quality.choose(view.resolution);
    const gen = this.gen;
    if (!gen) return;
    if (gen.pausing > 0 || gen.settle) {
      // The frame that ends a pause is at the resolution the pause began with: views wait.
      gen.viewAfterSettle = {...gen.viewAfterSettle, ...view};
      return;
    }
    this.forEachShare((w, share) => this.send(w, {type: 'view', view: this.viewFor(share, view)}));
  }

  /** Step: {epochs} trains to the end of the current epoch (and more), {batches} that many. */
  step({epochs = 0, batches = 0}) {
    const gen = this.gen;
    if (!gen) return;
    // Before the arena exists its epoch length is unknown: the step waits for 'created'.
    if (!gen.ready) {
      gen.early.push({epochs, batches});
      return;
    }
    const {perEpoch} = gen;
    const done = gen.target + gen.deferred;
    const toBoundary = epochs > 0 ? perEpoch - (done % perEpoch) + (epochs - 1) * perEpoch : 0;
    this.train(toBoundary + batches);
  }

  /** Trains every panel `steps` more optimizer steps; one frame shows the result. */
  train(steps) {
    const gen = this.gen;
    if (!gen || steps <= 0) return;
    if (gen.pausing > 0 || gen.settle) {
      gen.deferred += steps;
      return;
    }
    gen.target += steps;
    gen.pending.push(gen.target);
    clearTimeout(gen.refine);
    this.forEachShare((w) => this.send(w, {type: 'step', steps}));
  }

  /** Plays at {speed, ease, until} (pace.js) until pause(). */
  play(message) {
    this.pace.play(message, performance.now(), !this.playing);
    const gen = this.gen;
    if (!this.playing && gen && !gen.pausing && !gen.settle) this.sendMoving();
    this.playing = true;
    this.pump();
  }

  // Tells the workers the resolution of frames that train (finishSettle sends it after a pause).
  sendMoving() {
    const view = {movingResolution: this.quality.resolution};
    this.forEachShare((w) => this.send(w, {type: 'view', view, redraw: false}));
  }

  // Asks for the steps the pace owes, with at most MAX_PENDING requests not yet drawn; while
  // less than one step is owed, comes back when one will be.
  pump() {
    clearTimeout(this.wake);
    const gen = this.gen;
    if (!this.playing || !gen || !gen.created.length || gen.pausing > 0 || gen.settle) return;
    if (gen.pending.length >= MAX_PENDING) return;
    const epochs = gen.target / gen.perEpoch;
    if (!this.pace.running(epochs)) return;
    const {count, waitMs} = this.pace.take(performance.now(), epochs, gen.perEpoch);
    if (count > 0)
      this.train(count);
    else if (waitMs !== undefined)
      this.wake = setTimeout(() => this.pump(), waitMs);
  }

  /**
   * Stops training at once (each worker where it is), then brings the workers to the same
   * epoch at the chosen resolution; 'paused' follows that one frame.
   */
  pause() {
    this.playing = false;
    const gen = this.gen;
    if (!gen || gen.pausing > 0 || gen.settle) return;
    gen.pending = [];
    gen.pausing = gen.shares.length;
    gen.pausedResolution = this.view.resolution;  // what the workers draw until the settle
    // The view message makes every worker show its last epoch at the chosen resolution.
    this.forEachShare((w) => {
      this.send(w, {type: 'view', view: {movingResolution: 0}});
      this.send(w, {type: 'pause'});
    });
  }

  // Every worker has stopped: the furthest one's step (plus Step's) is where all stop.
  startSettle(gen) {
    const target = Math.max(...gen.steps) + gen.deferred;
    gen.deferred = 0;
    gen.target = target;
    gen.settle = {target, resolution: gen.pausedResolution};
    gen.queues.forEach((queue, w) => {
      queue.filter((f) => !this.ends(gen, f)).forEach((f) => this.ack(w, f));
      gen.queues[w] = queue.filter((f) => this.ends(gen, f));
    });
    gen.steps.forEach((steps, w) => {
      if (steps < target) this.send(w, {type: 'step', steps: target - steps});
    });
    const first = gen.queues.flat()[0];
    if (first) {
      this.match(gen, first);
    } else if (gen.steps.every((steps) => steps === target) && this.ends(gen, gen.last)) {
      this.finishSettle(gen);  // the frame that ends it is drawn already
    }
  }

  ends(gen, frame) {
    return frame.steps === gen.settle.target && frame.resolution === gen.settle.resolution;
  }

  /** The page drew the oldest frame it was given: its workers may go on. */
  drawn(generation) {
    const gen = this.gen;
    if (!gen || generation !== gen.generation || !gen.delivered.length) return;
    const {parts, steps, resolution} = gen.delivered.shift();
    parts.forEach((part, w) => this.ack(w, part));
    gen.pending = gen.pending.filter((target) => target > steps);
    this.pump();
    this.time.flush();
    // A coarse frame with nothing to follow it: the run paused or slowed, so refine it.
    if (!gen.pending.length && !gen.settle && !gen.pausing && resolution < this.view.resolution) {
      clearTimeout(gen.refine);
      gen.refine = setTimeout(() => {
        if (this.gen === gen && !gen.pending.length) this.setView({});
      }, REFINE_AFTER_MS);
    }
  }

  ack(w, frame) {
    this.send(w, {type: 'drawn', generation: frame.generation});
  }

  receive(w, message) {
    const gen = this.gen;
    const current = gen && w < gen.shares.length && message.generation === gen.generation;
    switch (message.type) {
      case 'loaded':
        if (this.schema) return;
        this.schema = message.schema;
        this.quality = new AdaptiveResolution(message.schema.limits.minFieldResolution);
        this.emit(message);
        if (this.waiting) this.create(...this.waiting);
        return;
      case 'created':
        if (!current) return;
        gen.created[w] = message;
        if (gen.created.filter(Boolean).length < gen.shares.length) return;
        gen.perEpoch = stepsPerEpoch(message.data.trainY.length, message.settings.batchSize);
        gen.target = Math.max(0, gen.at) * gen.perEpoch;
        gen.ready = true;
        this.emit(gen.shares[0] ? combineCreated(gen.created, gen.shares) : message);
        for (const early of gen.early.splice(0)) this.step(early);
        this.pump();
        return;
      case 'frame':
        if (!current) return this.ack(w, message);
        gen.steps[w] = message.steps;
        if (gen.settle && !this.ends(gen, message)) return this.ack(w, message);
        gen.queues[w].push(message);
        // While a pause is acknowledged, frames wait: the settle picks the one to draw.
        if (gen.pausing === 0 && !this.match(gen, message)) this.resync(gen);
        return;
      case 'fields-at':
        return this.time.receive(w, message);
      case 'paused':
        if (!current || gen.pausing === 0) return;
        gen.steps[w] = message.steps;
        if (--gen.pausing === 0) this.startSettle(gen);
        return;
      case 'sample':
        if (w === 0) this.emit(message);
        return;
      case 'updated':  // every worker answers an update: the page hears an error once
      case 'edited':   // only the panel's owner answers an edit
        if (!current || (message.type === 'updated' && !message.error)) return;
        if (message.type === 'updated') {
          if (gen.errors.has(message.error)) return;
          gen.errors.add(message.error);
        }
        this.emit(message);
        return;
      case 'error': {
        const share = current ? gen.shares[w] : null;
        const text = share ? globalText(message.message, share) : message.message;
        if (gen && gen.errors.has(text)) return;
        gen?.errors.add(text);
        this.emit({...message, message: text});
        return;
      }
    }
  }

  // A frame every worker has for the same step and resolution is one frame of the arena; the
  // older frames it passes are dropped (and acknowledged, so their workers go on).
  match(gen, frame) {
    const at = gen.queues.map(
        (queue) => queue.findIndex(
            (f) => f.steps === frame.steps && f.resolution === frame.resolution &&
                f.time.shown === frame.time.shown));
    if (at.some((i) => i < 0)) return false;
    const parts = gen.queues.map((queue, w) => {
      const passed = queue.splice(0, at[w] + 1);
      const part = passed.pop();
      passed.forEach((f) => this.ack(w, f));
      return part;
    });
    const shares = gen.shares[0] ? gen.shares : [parts[0].metrics.map((_, i) => i)];
    const combined = combineFrames(parts, shares, gen.generation);
    gen.last = {steps: combined.steps, resolution: combined.resolution};
    gen.delivered.push({parts, ...gen.last});
    if (this.playing && combined.trainMs > 0 && !gen.settle) this.adapt(combined);
    const settled = gen.settle !== null;
    this.emit(combined);
    if (settled) this.finishSettle(gen);
    return true;
  }

  finishSettle(gen) {
    gen.settle = null;
    if (!this.playing) this.emit({type: 'paused', generation: gen.generation});
    if (gen.viewAfterSettle) this.setView(gen.viewAfterSettle);
    gen.viewAfterSettle = null;
    const deferred = gen.deferred;
    gen.deferred = 0;
    if (deferred > 0) this.train(deferred);
    if (this.playing) this.sendMoving();
    this.pump();
    this.time.flush();
  }

  // Every worker has done all it was asked and their last frames still differ (a resolution
  // change reached them at different frames): one redraw each gives frames that match.
  resync(gen) {
    if (gen.settle || gen.resynced === gen.target) return;
    if (gen.steps.some((steps) => steps !== gen.target)) return;
    if (gen.queues.some((queue) => !queue.length)) return;  // a frame is on its way
    gen.resynced = gen.target;
    this.setView({});
  }

  // Training frames over budget lower the resolution of the frames that follow (and frames
  // with room to spare raise it again); the workers learn it without a redraw.
  adapt(frame) {
    const before = this.quality.resolution;
    const after = this.quality.update(frame);
    if (after === before) return;
    const view = {movingResolution: after};
    this.forEachShare((w) => this.send(w, {type: 'view', view, redraw: false}));
  }
}
