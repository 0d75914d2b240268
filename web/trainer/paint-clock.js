// A worker's clock of display frames: a painting worker presents at most one painted frame per
// display frame (PaintClock), and a self-paced session that does not paint trains at most once
// per display frame (DisplayTicks).
// OffscreenCanvas shows what a worker drew at its display's next frame, so a second paint
// before then would be computed and drawn for nothing; the worker waits for that frame instead
// (requestAnimationFrame in a worker where it has one, else a display frame's timer).
import {FRAME_MS} from './pace.js';

/** Calls `fn` at the display's next frame (a 60 Hz timer where a worker has no such clock). */
export const nextDisplayFrame = typeof requestAnimationFrame === 'function' ?
    (fn) => requestAnimationFrame(fn) :
    (fn) => setTimeout(fn, FRAME_MS);

export class PaintClock {
  constructor() {
    this.spent = false;  // a paint went to the coming display frame already
    this.waiting = [];   // who waits for the next one
    this.ticking = false;
  }

  /**
   * @returns {Promise<void>|null} resolved once a paint would reach a frame of its own; null now
   */
  ready() {
    if (!this.spent) return null;
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.tick();
    });
  }

  /** A paint went out: it takes the coming display frame. */
  painted() {
    this.spent = true;
    this.tick();
  }

  tick() {
    if (this.ticking) return;
    this.ticking = true;
    nextDisplayFrame(() => {
      this.ticking = false;
      this.spent = false;
      for (const resolve of this.waiting.splice(0)) resolve();
    });
  }
}

/**
 * The display's frames as a worker counts them: `count` goes up once per display frame, while a
 * session waits for the next one (worker.js: a self-paced session that does not paint trains
 * once per display frame, and one with less than a step owed looks again then). `onTick` runs
 * after each.
 */
export class DisplayTicks {
  /** @param {function(): void} onTick */
  constructor(onTick) {
    this.count = 0;
    this.asked = false;
    this.onTick = onTick;
  }

  /** Asks for the next display frame (once, however many ask before it). */
  ask() {
    if (this.asked) return;
    this.asked = true;
    nextDisplayFrame(() => {
      this.asked = false;
      this.count += 1;
      this.onTick();
    });
  }
}
