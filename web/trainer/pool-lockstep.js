// Which frames of a pool's workers make one frame of the arena (one from every worker at the same
// optimizer step, resolution and shown epoch) and handing it to the page; frames passed over are
// acknowledged at once. Ending a pause with such a frame is pool-settle.js's.
import {combineFrames, takeRecorded} from './pool-frames.js';
import {endsSettle} from './pool-settle.js';
import {msg} from './protocol.js';

const same = (a, b) =>
    a.steps === b.steps && a.resolution === b.resolution && a.time.shown === b.time.shown;

// Array.prototype.findLastIndex, which the oldest browsers the bundles target lack.
function lastIndexOf(queue, test) {
  for (let i = queue.length - 1; i >= 0; --i) {
    if (test(queue[i])) return i;
  }
  return -1;
}

/**
 * Takes the newest frame like `frame` out of every worker's queue, with the older frames it
 * passes. Frames of one state differ only in what the view asked for (the detail, the regions),
 * and the newest is the one asked for last: an older twin left queued (a pause can leave two)
 * would be handed out in place of every later frame of that state.
 * @param {object[][]} queues each worker's frames not yet drawn, oldest first (changed in place)
 * @returns {{parts: object[], passed: object[][]}|null} parts[w]: worker w's frame; passed[w]:
 *     its older frames (to acknowledge, as they will never be drawn); null while a worker lacks one
 */
export function takeMatching(queues, frame) {
  const at = queues.map((queue) => lastIndexOf(queue, (f) => same(f, frame)));
  if (at.some((i) => i < 0)) return null;
  const passed = queues.map((queue, w) => queue.splice(0, at[w] + 1));
  return {parts: passed.map((frames) => frames.pop()), passed};
}

/**
 * Emits the arena's frame like `frame` if every worker of `gen` has sent its part; its parts
 * await the page's 'drawn'. @returns {boolean} whether it did
 */
export function deliverMatching(pool, gen, frame) {
  const taken = takeMatching(gen.queues, frame);
  if (!taken) return false;
  taken.passed.forEach((frames, w) => frames.forEach((f) => pool.ack(w, f)));
  const {parts} = taken;
  const shares = gen.shares[0] ? gen.shares : [parts[0].metrics.map((_, i) => i)];
  const combined = combineFrames(parts, shares, gen.generation);
  // Every worker has reached the frame's step, and sent the epochs it kept before it.
  combined.recorded = takeRecorded(gen.recorded, shares, Math.floor(combined.steps / gen.perEpoch));
  gen.delivered.push(
      {parts, steps: combined.steps, resolution: combined.resolution, painted: combined.painted});
  if (pool.playing && combined.trainMs > 0 && !gen.settle) adapt(pool, combined);
  pool.emit(combined);
  return true;
}

/**
 * Every worker has done all it was asked and their last frames still differ (a resolution
 * change reached them at different frames): one redraw each gives frames that match.
 */
export function resync(pool, gen) {
  if (gen.settle || gen.resynced === gen.target) return;
  if (gen.steps.some((steps) => steps !== gen.target)) return;
  if (gen.queues.some((queue) => !queue.length)) return;  // a frame is on its way
  gen.resynced = gen.target;
  pool.setView({});
}

/**
 * Worker `w`'s frame: queued with the others' until every worker has sent its part of one step
 * (kept epochs travel once, in whichever frame: handed out with the next one drawn). While a
 * pause is acknowledged frames wait, and during its settle only the one that ends it counts.
 */
export function receiveFrame(pool, message, w) {
  if (!pool.current(message, w)) return pool.ack(w, message);
  const gen = pool.gen;
  gen.recorded[w].push(...message.recorded);
  gen.steps[w] = message.steps;
  if (gen.settle && !endsSettle(gen, message)) return pool.ack(w, message);
  gen.queues[w].push(message);
  if (gen.pausing === 0 && !pool.deliver(gen, message)) resync(pool, gen);
}

// Training frames over budget lower the resolution of the frames that follow (and frames with
// room to spare raise it again); the workers learn it without a redraw.
function adapt(pool, frame) {
  const before = pool.quality.resolution;
  const after = pool.quality.update(frame);
  if (after === before) return;
  const view = msg.view({movingResolution: after}, false);
  pool.forEachShare((w) => pool.send(w, view));
}
