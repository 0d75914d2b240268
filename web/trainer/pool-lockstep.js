// Which frames of a pool's workers make one frame of the arena: one from every worker at the same
// optimizer step, resolution and shown epoch. Plain data: the pool acknowledges, joins and draws.

const same = (a, b) =>
    a.steps === b.steps && a.resolution === b.resolution && a.time.shown === b.time.shown;

/**
 * Takes the frames like `frame` out of every worker's queue, with the older frames they pass.
 * @param {object[][]} queues each worker's frames not yet drawn, oldest first (changed in place)
 * @returns {{parts: object[], passed: object[][]}|null} parts[w]: worker w's frame; passed[w]:
 *     its older frames (to acknowledge, as they will never be drawn); null while a worker lacks one
 */
export function takeMatching(queues, frame) {
  const at = queues.map((queue) => queue.findIndex((f) => same(f, frame)));
  if (at.some((i) => i < 0)) return null;
  const passed = queues.map((queue, w) => queue.splice(0, at[w] + 1));
  return {parts: passed.map((frames) => frames.pop()), passed};
}
