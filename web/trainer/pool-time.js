// A pool's side of a run's time: the timeline's messages (show, live, resume), the 'fields-at'
// requests (the over-time figure, the exports) and the changes to the arena go to every worker
// once no training is in flight, so that every worker acts at the same step; the answers of a
// 'fields-at' and of a resume are joined.
import {combineFieldsAt} from './pool-frames.js';
import {settling} from './pool-generation.js';
import {MSG, msg} from './protocol.js';

// Timeline moves closer than this are one drag (input events come every display frame; keys
// repeat every 30-50 ms).
const DRAG_MS = 200;

export class PoolTime {
  /** @param {object} pool the WorkerPool */
  constructor(pool) {
    this.pool = pool;
    this.queue = [];            // messages waiting for the training in flight
    this.answers = new Map();   // 'fields-at' request -> answers so far, by worker
    this.resumed = [];          // the workers' 'resumed' of a "continue from here", by worker
    this.lastShow = -Infinity;  // when the timeline last moved
  }

  /** Sends (or queues) a time message from the page. */
  post(message) {
    if (message.type !== MSG.fieldsAt) this.pool.stopPlaying();
    this.queue.push(message.type === MSG.show ? this.dragged(message) : message);
    this.flush();
  }

  // A timeline move soon after another is part of a drag: it is drawn at the grid of training
  // frames (adaptive-resolution.js fits that to a display frame), so that every move is on
  // screen within a frame; the pool refines the last one once the moves stop (WorkerPool.drawn).
  dragged(message) {
    const now = performance.now();
    const drag = now - this.lastShow < DRAG_MS;
    this.lastShow = now;
    const {view, quality} = this.pool;
    const coarse = quality ? Math.min(view.resolution, quality.resolution) : view.resolution;
    return drag && coarse < view.resolution ? msg.show(message.epoch, coarse) : message;
  }

  /**
   * Runs `send` (a change to the arena) once every worker is at rest at the same step, after
   * the time messages asked before it: every worker changes at that step, and a change after a
   * "continue from here" lands on the continued run.
   */
  whenAtRest(send) {
    this.queue.push(send);
    this.flush();
  }

  // Sends the queued messages if every worker is at rest at the same step; a self-paced worker
  // takes them in order wherever it is, between two frames.
  flush() {
    const gen = this.pool.gen;
    if (!gen || !gen.ready || settling(gen)) return;
    if (gen.pending.length && !this.pool.selfPaced()) return;
    for (const message of this.queue.splice(0)) {
      if (typeof message === 'function') {
        message();
        continue;
      }
      if (message.type === MSG.resume) {
        // Every worker trains again to this epoch: that is where the pool stands afterwards.
        gen.target = message.epoch * gen.perEpoch;
        gen.steps = gen.steps.map(() => gen.target);
        gen.pending.push(gen.target);
        this.resumed = [];
      }
      if (message.type === MSG.fieldsAt) this.answers.set(message.id, {message, parts: []});
      this.pool.forEachShare((w) => this.pool.send(w, message));
    }
  }

  /** A worker's 'fields-at' answer: emitted as the arena's once every worker has answered. */
  receive(w, message) {
    const gen = this.pool.gen;
    const asked = this.answers.get(message.id);
    if (!asked || !gen || message.generation !== gen.generation) return;
    if (message.error) {
      this.answers.delete(message.id);
      this.pool.emit(message);
      return;
    }
    asked.parts[w] = message;
    if (asked.parts.filter(Boolean).length < gen.shares.length) return;
    this.answers.delete(message.id);
    const {parts} = asked;
    const columns = gen.shares[0] ? combineFieldsAt(parts, gen.shares) : parts[0].columns;
    this.pool.emit({...parts[0], columns});
  }

  /**
   * A worker's 'resumed': emitted once every worker has replayed. Live updates went to every
   * worker (one's count is the pool's); edits went to the panel's owner alone (they add up).
   */
  resume(w, message) {
    const gen = this.pool.gen;
    if (!gen || message.generation !== gen.generation) return;
    this.resumed[w] = message;
    if (this.resumed.filter(Boolean).length < gen.shares.length) return;
    const parts = this.resumed;
    this.resumed = [];
    const edits = parts.reduce((sum, part) => sum + part.dropped.edits, 0);
    this.pool.emit({...parts[0], dropped: {updates: parts[0].dropped.updates, edits}});
  }

  /** The arena is replaced or the pool stopped: requests sent to the old one fail with `why`. */
  reset(why) {
    for (const {message} of this.answers.values())
      this.pool.emit(msg.answer(message, {error: why}));
    this.answers.clear();
  }
}
