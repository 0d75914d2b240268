// How a playing pool trains: a worker that holds the whole arena paces itself once told to play
// (worker.js: at most a frame per display frame); several workers are asked by the pool for the
// steps the pace owes (pace.js), with at most FRAMES_IN_FLIGHT requests not yet drawn, so that they
// stay at one step.
import {settling} from './pool-generation.js';
import {FRAMES_IN_FLIGHT, msg} from './protocol.js';

/** The 'play' a self-paced worker hears: the pool's pace. */
export function paceMessage({speed, ease, until}) {
  return msg.play({speed, ease, until});
}

/**
 * Starts a self-paced worker's play; else asks for the steps the pace owes, and while less than
 * one step is owed, comes back when one will be.
 */
export function pump(pool) {
  clearTimeout(pool.wake);
  const gen = pool.gen;
  if (!pool.playing || !gen || !gen.ready || settling(gen)) return;
  if (gen.pending.length >= FRAMES_IN_FLIGHT) return;
  // Something that waits for every worker to be at rest (a subclass's) holds the training.
  if (pool.held()) return;
  if (pool.selfPaced()) {
    if (!gen.pacing) pool.send(0, paceMessage(pool.pace));
    gen.pacing = true;
    return;
  }
  const epochs = gen.target / gen.perEpoch;
  if (!pool.pace.running(epochs)) return;
  const {count, waitMs} = pool.pace.take(performance.now(), epochs, gen.perEpoch);
  if (count > 0)
    pool.train(count);
  else if (waitMs !== undefined)
    pool.wake = setTimeout(() => pool.pump(), waitMs);
}

/** A self-paced worker stops pacing where it is, with no pause to settle. */
export function stopPacing(pool) {
  const gen = pool.gen;
  if (!gen?.pacing) return;
  gen.pacing = false;
  // Its 'paused' answer comes with no pause settling: the pool passes over it.
  pool.send(0, msg.pause());
}
