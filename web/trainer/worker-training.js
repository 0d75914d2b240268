// A trainer worker's training and frames for the current session (worker-sessions.js): exact
// optimizer steps in short chunks that let messages in, the frame that shows them (drawn into the
// page's canvases first where the worker paints them), and a self-paced session's frame of the
// steps its pace owes. worker.js decides which of these the session does next.
import {applyDue} from './change-journal.js';
import {frameContents} from './frame-contents.js';
import {stepsPerEpoch} from './pace.js';
import {DisplayTicks, PaintClock} from './paint-clock.js';
import {msg} from './protocol.js';
import {post, run, state} from './worker-sessions.js';
import {yieldToMessages} from './yield-to-messages.js';

// A chunk trains until this much time has passed, then lets messages in.
const CHUNK_MS = 15;

// One clock of the display's frames for every session: painters draw for the same display, and
// a self-paced session waiting for its pace looks again at its next frame.
const ticks = new DisplayTicks();
const paintClock = new PaintClock(ticks);

/** Calls `fn` after every display frame a session asked for (the serve loop wakes). */
export function onDisplayTick(fn) {
  ticks.listen(fn);
}

export const stale = () => state.create !== null || state.closed;
// What a step of worker.js's serve loop returns when the current session has nothing to do.
export const NOTHING = Symbol('nothing');

export function perEpoch() {
  return stepsPerEpoch(run.trainCount, run.settings.batchSize);
}

// Epochs trained so far, with the fraction of the current one where steps are counted.
export function epochsDone() {
  return run.stepsDone / perEpoch();
}

// Trains `count` optimizer steps; returns once done, or stopped by `stamp`.
export async function trainSteps(count, stamp) {
  let done = 0;
  while (done < count && state.stamp === stamp) {
    const chunkStart = performance.now();
    do {
      // A call ends at the next epoch boundary at the latest, where the history looks, and at
      // the step of the next change.
      const toBoundary = perEpoch() - (run.stepsDone % perEpoch());
      const toChange = (run.journal[run.applied]?.steps ?? Infinity) - run.stepsDone;
      const {steps} = run.arena.trainSteps(Math.min(count - done, toBoundary, toChange));
      // Every network diverged: the steps count as done, so that a pool's workers stay level.
      if (steps === 0) {
        run.stepsDone += count - done;
        return;
      }
      done += steps;
      run.stepsDone += steps;
      run.time.record(run.arena, epochsDone());
      applyDue();
    } while (done < count && performance.now() - chunkStart < CHUNK_MS);
    await yieldToMessages();
  }
}

// Sends one frame at `resolution`, unless a new arena is asked for while it is computed. A
// training frame (`paced`) of a painting worker is computed at once and painted at a display
// frame no paint took yet (paint-clock.js): the next frame is computed while this one is on
// screen. A frame asked for by the reader (a timeline move, a redraw) is painted at once.
export async function postFrame(trainMs, start, resolution = run.view.resolution, paced = false) {
  state.redraw = false;  // this frame shows the current view, and where the run stands
  state.pauseFrame = false;
  const contents =
      await frameContents(run, {start, trainMs, resolution, epochs: epochsDone(), stale});
  if (!contents) return;
  const {frame} = contents;
  const painting = () => run.painter?.generation === run.generation;
  const wait = paced && painting() ? paintClock.ready() : null;
  if (wait) {
    await wait;
    if (stale()) return;
  }
  // Drawn before it is posted: the page's text never runs ahead of the fields on screen.
  frame.painted = painting();
  if (frame.painted) {
    const paintStart = performance.now();
    run.painter.paint(frame, run.data, run.view);
    paintClock.painted();
    frame.paintMs = performance.now() - paintStart;
    frame.computeMs += frame.paintMs;
    frame.postedAt = performance.timeOrigin + performance.now();
    keepDetailField(frame, contents.transfer);
  }
  state.inFlight += 1;
  post(msg.frame(run.generation, contents.frame), contents.transfer);
}

// A painted frame's fields are on the page's canvases already: it carries only the open detail
// panel's (its network diagram draws it), so the page's thread is not handed ten fields a frame.
function keepDetailField(frame, transfer) {
  frame.fields = frame.fields.map((field, k) => {
    if (k === run.view.detail || !field) return field;
    transfer.splice(transfer.indexOf(field.buffer), 1);
    return null;
  });
}

// Trains the steps the pool asked for and shows them in one frame (at the pool's training
// resolution). A pause or a new arena stops it.
export async function trainFrame() {
  const stamp = state.stamp;
  const count = state.owed;
  state.owed = 0;
  run.time.backToLive(run.arena);
  const start = performance.now();
  await trainSteps(count, stamp);
  if (stale()) return;
  const {resolution, movingResolution} = run.view;
  await postFrame(
      performance.now() - start, start,
      movingResolution > 0 ? Math.min(resolution, movingResolution) : resolution, true);
}

// A self-paced session's frame: the steps its pace owes by now (pace.js counts them in display
// frames, and caps what a slow frame leaves owed, so a busy machine slows the run instead of
// bursting). A painting worker computes it at once and shows it at the next display frame
// (postFrame); one whose frames the page draws (a figure, a browser without canvas transfer)
// begins at most one per display frame, as more would never be seen. Less than a step owed:
// again next display frame.
export function pacedFrame() {
  const epochs = epochsDone();
  if (!state.pace.running(epochs)) return NOTHING;  // at the pool's epoch limit: play waits there
  const painting = run.painter?.generation === run.generation;
  if (!painting && state.tick === ticks.count) {
    ticks.ask();
    return NOTHING;
  }
  const {count} = state.pace.take(performance.now(), epochs, perEpoch());
  if (count === 0) {
    ticks.ask();
    return NOTHING;
  }
  state.tick = ticks.count;
  state.owed += count;
  return trainFrame();
}
