// What one frame of a worker carries: every panel's metrics and field, the run's time summary,
// the epochs kept since the previous frame (their metrics) and timings, and when asked the linear
// regions and the detail view's extras (frame-detail.js). Sending it and counting it in flight is
// worker.js's business.
import {detailOf} from './frame-detail.js';
import {yieldToMessages} from './yield-to-messages.js';

// Fields computed without letting messages in: a reset waits at most about this long. Small
// grids do not yield after each panel, as every yield is a task a busy machine may run late.
const YIELD_MS = 4;

// Each panel's linear regions ({count, resolution, borders, explanation}; ids stay here), null
// for a diverged network, which has no field to draw them on. A deep panel takes about as long
// as its field (~8 ms at 128 x 128 for 6 x 16 units): messages get in between panels.
async function regionsOf(run, metrics, transfer, stale) {
  const out = [];
  for (let i = 0; i < metrics.length; ++i) {
    if (metrics[i].diverged) {
      out.push(null);
      continue;
    }
    const {count, resolution, borders, explanation} = run.arena.regions(i, run.view.regions);
    if (borders) transfer.push(borders.buffer);
    out.push({count, resolution, borders, explanation});
    await yieldToMessages();
    if (stale()) return null;
  }
  return out;
}

/**
 * One frame of the worker's arena at `resolution`, or null when `stale()` turns true on the
 * way (a new arena was asked for).
 * @param {object} run the worker's arena, view, time keeper and step count (worker.js)
 * @param {{start: number, trainMs: number, resolution: number, epochs: number,
 *     stale: function(): boolean}} options start: when the frame's work began; epochs: trained
 *     so far
 * @returns {Promise<{frame: object, transfer: ArrayBuffer[]}|null>}
 */
export async function frameContents(run, {start, trainMs, resolution, epochs, stale}) {
  const {arena, time, view} = run;
  const metrics = time.shown ? time.shown.metrics : arena.metrics();
  const transfer = [];
  const fields = [];
  const fieldStart = performance.now();
  let yieldedAt = fieldStart;
  for (let i = 0; i < metrics.length; ++i) {
    // field() returns a fresh copy with its own ArrayBuffer: it is transferred, not copied.
    const field = arena.field(i, resolution, view.kind);  // null once the network diverged
    fields.push(field);
    if (field) transfer.push(field.buffer);
    // A fine grid of a deep network takes tens of ms: a reset may come in between panels.
    if (performance.now() - yieldedAt < YIELD_MS) continue;
    await yieldToMessages();
    yieldedAt = performance.now();
    if (stale()) return null;
  }
  const frame = {
    metrics,
    fields,
    resolution,
    trainMs,
    fieldMs: performance.now() - fieldStart,
    computeMs: 0,
    epochs: time.shown ? time.shown.epoch : epochs,
    steps: run.stepsDone,
    time: time.summary(),
  };
  if (view.regions) {
    frame.regions = await regionsOf(run, metrics, transfer, stale);
    if (stale()) return null;
  }
  if (view.detail >= 0 && view.detail < metrics.length) {
    frame.detail = detailOf(run, view.detail, metrics, transfer);
  }
  // Taken last: a frame dropped on the way (stale) leaves them to the next.
  frame.recorded = time.takeRecorded();
  frame.computeMs = performance.now() - start;
  // On the clock every thread shares, so the page can tell how long the frame took to arrive.
  frame.postedAt = performance.timeOrigin + performance.now();
  return {frame, transfer};
}
