// A pool's side of a run's time: the timeline's messages (show, live, resume) and the figure's
// 'fields-at' requests go to every worker once no training is in flight, so that every worker
// answers from the same step; the answers of a 'fields-at' are joined into the arena's.
import {combineFieldsAt} from './pool-frames.js';

export class PoolTime {
  /** @param {object} pool the WorkerPool */
  constructor(pool) {
    this.pool = pool;
    this.queue = [];           // messages waiting for the training in flight
    this.answers = new Map();  // 'fields-at' id -> answers so far, by worker
  }

  /** Sends (or queues) a time message from the page. */
  post(message) {
    if (message.type !== 'fields-at') this.pool.playing = false;
    this.queue.push(message);
    this.flush();
  }

  // Sends the queued messages if every worker is at rest at the same step.
  flush() {
    const gen = this.pool.gen;
    if (!gen || !gen.created.length || gen.pausing > 0 || gen.settle || gen.pending.length) return;
    for (const message of this.queue.splice(0)) {
      if (message.type === 'resume') {
        // Every worker trains again to this epoch: that is where the pool stands afterwards.
        gen.target = message.epoch * gen.perEpoch;
        gen.steps = gen.steps.map(() => gen.target);
        gen.pending.push(gen.target);
      }
      if (message.type === 'fields-at') this.answers.set(message.id, []);
      this.pool.forEachShare((w) => this.pool.send(w, message));
    }
  }

  /** A worker's 'fields-at' answer: emitted as the arena's once every worker has answered. */
  receive(w, message) {
    const gen = this.pool.gen;
    const parts = this.answers.get(message.id);
    if (!parts || !gen || message.generation !== gen.generation) return;
    parts[w] = message;
    if (parts.filter(Boolean).length < gen.shares.length) return;
    this.answers.delete(message.id);
    const columns = gen.shares[0] ? combineFieldsAt(parts, gen.shares) : parts[0].columns;
    this.pool.emit({...parts[0], columns});
  }
}
