// A worker's clock of display frames: a painting worker presents at most one painted frame per
// display frame (PaintClock), and a self-paced session that does not paint trains at most once
// per display frame (DisplayTicks).
// OffscreenCanvas shows what a worker drew at its display's next frame, so a second paint
// before then would be computed and drawn for nothing; the worker waits for that frame instead
// (requestAnimationFrame in a worker where it has one, else a display frame's timer).
import {FRAME_MS} from './pace.js';

// Calls `fn` at the display's next frame (a 60 Hz timer where a worker has no such clock).
const nextDisplayFrame = typeof requestAnimationFrame === 'function' ?
    (fn) => requestAnimationFrame(fn) :
    (fn) => setTimeout(fn, FRAME_MS);

/**
 * The display's frames as a worker counts them: `count` goes up once per display frame, while
 * someone waits for the next one (a painter, or a self-paced session: worker-training.js); the
 * listeners run after each. One clock per worker: one callback per display frame.
 */
export class DisplayTicks {
  constructor() {
    this.count = 0;
    this.asked = false;
    this.listeners = [];
  }

  /** Calls `fn` after every display frame asked for. */
  listen(fn) {
    this.listeners.push(fn);
  }

  /** Asks for the next display frame (once, however many ask before it). */
  ask() {
    if (this.asked) return;
    this.asked = true;
    nextDisplayFrame(() => {
      this.asked = false;
      this.count += 1;
      for (const fn of this.listeners) fn();
    });
  }
}

/** A painting worker's paints: at most one per display frame. */
export class PaintClock {
  /** @param {DisplayTicks} ticks the worker's clock */
  constructor(ticks) {
    this.spent = false;  // a paint went to the coming display frame already
    this.waiting = [];   // who waits for the next one
    this.ticks = ticks;
    ticks.listen(() => {
      this.spent = false;
      for (const resolve of this.waiting.splice(0)) resolve();
    });
  }

  /**
   * @returns {Promise<void>|null} resolved once a paint would reach a frame of its own; null now
   */
  ready() {
    if (!this.spent) return null;
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.ticks.ask();
    });
  }

  /** A paint went out: it takes the coming display frame. */
  painted() {
    this.spent = true;
    this.ticks.ask();
  }
}
