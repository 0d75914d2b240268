// The page's trainer: the figure's WorkerPool (the one scheduler) with the page's features added:
// a run's time (the timeline's show, live and resume, and fields at kept epochs: pool-time.js),
// live settings and weight edits (pool-changes.js), a preset's points for the data editor, and
// training frames that trade resolution for time (adaptive-resolution.js).
import {AdaptiveResolution} from './adaptive-resolution.js';
import {sendEdit, sendUpdate} from './pool-changes.js';
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
      [MSG.resumed]: (m, w) => this.time.resume(w, m),
      [MSG.sample]: (m) => this.emit(m),
      [MSG.updated]: (m, w) => this.updated(m, w),
      [MSG.edited]: (m, w) => this.tell(m, w),
    };
  }

  forget(why) {
    this.time.reset(why);
  }

  atRest() {
    this.time.flush();
  }

  // A timeline move, a request for fields or a change waits for every worker at rest: no more
  // training until it is sent (time.flush, once the frames in flight are drawn).
  held() {
    return this.time.queue.length > 0;
  }

  /**
   * Live settings (lab.schema's change: 'live') of arena `generation`; every worker redraws.
   * onStep(step): the optimizer step they took effect at, once applied (the page's link records
   * it).
   */
  update(generation, settings, onStep) {
    this.change(generation, () => {
      sendUpdate(this, settings);
      this.gen.stepCallbacks.push(onStep);
    });
  }

  // A worker's answer to an update: worker 0's names the step it applied at (all apply at the
  // same one), which the update's onStep hears, in the order the updates were sent.
  updated(message, w) {
    const current = this.current(message, w);
    if (current && w === 0) this.gen.stepCallbacks.shift()?.(message.steps);
    this.tell(message, w);
  }

  /** One weight or bias ({index, layer, unit, input, value}) of arena `generation`, likewise. */
  edit(generation, ref) {
    this.change(generation, () => sendEdit(this, ref));
  }

  // A change is sent with every worker at rest at one step (also after a pause settles: a
  // reader's edit pauses the run, and a worker still catching up would train part of it away),
  // so that every worker applies it at that step; every worker redraws.
  change(generation, send) {
    const gen = this.gen;
    if (gen?.generation !== generation) return;
    this.time.whenAtRest(() => {
      if (this.gen !== gen) return;
      send();
      this.setView({});
    });
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
