// The pace of a playing run: how many optimizer steps are owed at a given moment. A worker that
// holds a pool's whole arena paces itself with it, frame by frame (worker.js); a pool of
// several workers paces them from the page's thread, so that they stay at one step
// (worker-pool.js). Pure logic, no timers.

// The pace is counted per display frame (60 Hz): `pace` epochs of budget are added per frame that
// passes and whole units of it (a mini-batch step) are trained, so slow paces spread over frames.
export const FRAME_MS = 1000 / 60;
// The slow start: the pace begins at EASE_START epochs per frame and doubles every EASE_EPOCHS
// epochs until it reaches the chosen pace, so the first boundaries form over a few seconds.
const EASE_START = 1 / 32;
const EASE_EPOCHS = 4;

/** Mini-batch steps in one epoch of `trainCount` training rows at `batchSize`. */
export function stepsPerEpoch(trainCount, batchSize) {
  return Math.max(1, Math.ceil(trainCount / Math.max(1, Math.min(batchSize, trainCount))));
}

export class Pace {
  constructor() {
    this.speed = 1;         // epochs per frame once eased in
    this.ease = true;       // start slowly (see EASE_START)
    this.until = Infinity;  // play stops at this epoch (a figure's epoch limit)
    this.budget = 0;        // epochs owed, not yet trained
    this.lastTick = 0;      // when the budget was last topped up
  }

  /** A play request: {speed, ease, until}; `resumed` when it was paused until now. */
  play({speed, ease, until}, now, resumed) {
    if (resumed) this.lastTick = now;
    this.speed = speed;
    this.ease = ease;
    this.until = until ?? Infinity;
  }

  /** A new arena, ready at `now`: nothing owed, and the time before it existed never will be. */
  reset(now) {
    this.budget = 0;
    this.lastTick = now;
  }

  /** Epochs per frame after `epochs` epochs: the chosen pace, through the slow start. */
  current(epochs) {
    if (!this.ease) return this.speed;
    return Math.min(this.speed, EASE_START * 2 ** (epochs / EASE_EPOCHS));
  }

  /** Whether play has anything left to do after `epochs` epochs. */
  running(epochs) {
    return epochs < this.until;
  }

  /**
   * The steps owed at `now` after `epochs` epochs, with `perEpoch` steps per epoch, taken from
   * the budget: {count} to train, with count 0 and `waitMs` while less than one step is owed.
   */
  take(now, epochs, perEpoch) {
    const frames = (now - this.lastTick) / FRAME_MS;
    this.lastTick = now;
    const pace = this.current(epochs);
    const unit = 1 / perEpoch;
    // The cap, not the frame count, keeps a stall (a busy machine, a hidden tab) from piling up
    // a debt that would then be trained in one burst: two frames of pace, or one step where a
    // step is more than that (else a slow pace would never owe one).
    this.budget = Math.min(this.budget + frames * pace, Math.max(2 * pace, unit));
    if (this.budget < unit)
      return {count: 0, waitMs: Math.max(1, ((unit - this.budget) / pace) * FRAME_MS)};
    const room = Math.max(0, this.until - epochs);
    const count = Math.min(Math.floor(this.budget / unit + 1e-9), Math.ceil(room / unit - 1e-9));
    this.budget -= count * unit;
    return {count};
  }
}
