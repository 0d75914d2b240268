// The page's trainer: the figure's WorkerPool (the one scheduler) with the page's features added:
// a run's time (the timeline's show, live and resume, and fields at kept epochs: pool-time.js),
// live settings and weight edits (pool-changes.js), a preset's points for the data editor, and
// training frames that trade resolution for time (adaptive-resolution.js).
import {AdaptiveResolution} from './adaptive-resolution.js';
import {sendEdit, sendUpdate} from './pool-changes.js';
import {settling} from './pool-generation.js';
import {PoolTime} from './pool-time.js';
import {MSG, msg} from './protocol.js';
import {WorkerPool} from './worker-pool.js';

/**
 * Answers as WorkerPool does, and also: updated, edited, fields-at, sample.
 */
export class PagePool extends WorkerPool {
  /** @param {{size?: number, backend?: string}} [options] as WorkerPool's */
  constructor(options = {}) {
    super({
      quality: (limits) => new AdaptiveResolution(limits.minFieldResolution),
      ...options,
    });
    this.time = new PoolTime(this);
  }

  pageMessages() {
    return {
      ...super.pageMessages(),
      [MSG.update]: ({generation, settings}) => this.update(generation, settings),
      [MSG.edit]: (m) => this.edit(m.generation, m),
      [MSG.show]: (m) => this.time.post(m),
      [MSG.live]: (m) => this.time.post(m),
      [MSG.resume]: (m) => this.time.post(m),
      [MSG.fieldsAt]: (m) => this.time.post(m),
      // A preset's points for the data editor: any worker can draw them.
      [MSG.sample]: (m) => this.send(0, m),
    };
  }

  workerMessages() {
    return {
      ...super.workerMessages(),
      [MSG.fieldsAt]: (m, w) => this.time.receive(w, m),
      [MSG.sample]: (m) => this.emit(m),
      [MSG.updated]: (m, w) => this.tell(m, w),
      [MSG.edited]: (m, w) => this.tell(m, w),
    };
  }

  forget(why) {
    this.time.reset(why);
  }

  atRest() {
    const gen = this.gen;
    if (gen && !settling(gen)) {
      for (const ref of gen.editsAfterSettle.splice(0)) this.edit(gen.generation, ref);
    }
    this.time.flush();
  }

  /** Live settings (lab.schema's change: 'live') of arena `generation`; every worker redraws. */
  update(generation, settings) {
    if (this.gen?.generation !== generation) return;
    sendUpdate(this, settings);
    this.setView({});
  }

  /** One weight or bias ({index, layer, unit, input, value}) of arena `generation`. */
  edit(generation, ref) {
    const gen = this.gen;
    if (gen?.generation !== generation) return;
    // Made as a pause settles (a reader's edit pauses the run), it waits for every worker to
    // stop at the same step: a worker still catching up would train part of it away.
    if (settling(gen)) {
      gen.editsAfterSettle.push(ref);
      return;
    }
    sendEdit(this, ref);
    this.setView({});
  }

  /** The timeline: show kept `epoch` (paused), back to the live end, or train on from `epoch`. */
  show(epoch) {
    this.time.post(msg.show(epoch));
  }
  live() {
    this.time.post(msg.live());
  }
  resume(epoch) {
    this.time.post(msg.resume(epoch));
  }
}
