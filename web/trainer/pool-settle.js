// A pool's pause: every worker stops where it is, the ones behind then catch up to the furthest
// (plus the Steps asked meanwhile), and the one frame of all of them at that step and the chosen
// resolution ends it, followed by 'paused'. Training and view changes asked meanwhile wait.
// A coarse frame left standing is refined once the run rests.
import {settling, stepsFor} from './pool-generation.js';
import {msg} from './protocol.js';

// No training asked for this long after a coarse frame: the run has slowed, so refine it.
const REFINE_AFTER_MS = 250;

/** Stops every worker of `gen` at once; their 'paused' answers start the settle. */
export function beginPause(pool, gen) {
  if (settling(gen)) return;
  clearTimeout(gen.refine);  // the pause's own frame is at the chosen resolution
  gen.pending = [];
  gen.pausing = gen.shares.length;
  gen.pausedResolution = pool.view.resolution;
  // Every worker answers 'paused', then shows where it stopped at the chosen resolution.
  pool.forEachShare((w) => {
    pool.send(w, msg.view({movingResolution: 0}, false));
    pool.send(w, msg.pause());
  });
}

/** Whether `frame` is the one that ends the settle of `gen`. */
export function endsSettle(gen, frame) {
  return frame.steps === gen.settle.target && frame.resolution === gen.settle.resolution;
}

/**
 * Worker `w` has stopped at `steps`. Once all have, the furthest one's step plus the Steps
 * asked meanwhile is where all stop: the workers behind train to it, frames of other steps are
 * dropped, and a frame at it ends the pause (pool.deliver calls finishSettle).
 */
export function workerPaused(pool, gen, w, steps) {
  gen.steps[w] = steps;
  // Its frames sent before 'paused' are passed over: the frame of where it stopped comes after
  // it (worker.js), or, behind, the frame of its catching up.
  for (const frame of gen.queues[w]) pool.ack(w, frame);
  gen.queues[w] = [];
  if (--gen.pausing > 0) return;
  let target = Math.max(...gen.steps);
  for (const request of gen.stepRequests.splice(0)) {
    target += stepsFor(request, target, gen.perEpoch);
  }
  gen.target = target;
  gen.settle = {target, resolution: gen.pausedResolution};
  // Frames the others sent after their own 'paused', while this one's was on its way.
  gen.queues.forEach((queue, v) => {
    queue.filter((f) => !endsSettle(gen, f)).forEach((f) => pool.ack(v, f));
    gen.queues[v] = queue.filter((f) => endsSettle(gen, f));
  });
  gen.steps.forEach((done, v) => {
    if (done < target) pool.send(v, msg.step({steps: target - done}));
  });
  const first = gen.queues.flat()[0];
  if (first) pool.deliver(gen, first);
}

/** The frame that ends the pause is out: what waited goes on. */
export function finishSettle(pool, gen) {
  gen.settle = null;
  if (!pool.playing) pool.emit(msg.paused(gen.generation, gen.target));
  if (gen.viewAfterSettle) pool.setView(gen.viewAfterSettle);
  gen.viewAfterSettle = null;
  // What waited for the settled step (answers, edits) comes before the training asked after it.
  pool.atRest();
  for (const request of gen.stepRequests.splice(0)) pool.step(request);
  if (pool.playing) pool.sendMoving();
  pool.pump();
}

/**
 * A frame at `resolution` was drawn: if it is coarser than the view's and nothing follows it (the
 * run paused or slowed), one redraw at the view's resolution comes once training stays away.
 */
export function refineWhenIdle(pool, gen, resolution) {
  clearTimeout(gen.refine);
  // Training to come (asked, or a worker pacing itself) brings frames of its own.
  const training = () => gen.pending.length > 0 || gen.pacing;
  if (training() || settling(gen) || resolution >= pool.view.resolution) return;
  gen.refine = setTimeout(() => {
    if (pool.gen === gen && !training() && !settling(gen)) pool.setView({});
  }, REFINE_AFTER_MS);
}
