// Which epochs an animated export shows. A boundary forms in the first few epochs and then barely
// moves, so frames spread evenly over a long run spend most of the file on a still picture: the
// default schedule is logarithmic (every epoch at first, then further apart). This table is the
// one place the schedules, the form's defaults and its limits are written; the dialog builds its
// form from it and README's export section names the same schedules (tests/web checks both).

export const MAX_FRAMES = 1000;

export const SCHEDULES = Object.freeze([
  {
    key: 'log',
    label: 'Logarithmic',
    meaning: 'every epoch at first, then further apart: most frames where the boundary forms',
  },
  {key: 'even', label: 'Even', meaning: 'epochs equally far apart from "from" to "to"'},
  {
    key: 'first',
    label: 'First N epochs',
    meaning: 'every epoch from "from" on, one frame each, N = frames (never past "to")',
  },
]);

export const EXPORT_FIELDS = Object.freeze({
  schedule: {label: 'Frames at', default: 'log'},
  frames: {label: 'Frames', default: 40, min: 2, max: MAX_FRAMES},
  fps: {label: 'Frames per second', default: 10, min: 1, max: 50},
  size: {label: 'Panel size', default: 128, options: [96, 128, 192, 256]},
});

/**
 * The epochs a schedule asks for between whole epochs `from` <= `to`: increasing, distinct,
 * starting at `from`, at most `frames` of them and at most one per epoch. "log" and "even" end
 * at `to`; "first" at from + frames - 1 (or `to`). Work and size are bounded by `frames`, not by
 * the range.
 * @param {'log'|'even'|'first'} schedule
 * @returns {number[]}
 */
export function scheduleEpochs(schedule, from, to, frames) {
  const span = to - from;
  const n = Math.min(Math.max(1, Math.floor(frames)), MAX_FRAMES, span + 1);
  if (n === 1) return [from];
  if (schedule === 'first') return Array.from({length: n}, (_, i) => from + i);
  const at = schedule === 'even' ? (i) => (span * i) / (n - 1) : logSpacing(span, n);
  const out = [];
  for (let i = 0; i < n; ++i) {
    // One epoch after the previous frame at least, and room left for the frames still to come:
    // distinct epochs, the last one `to`.
    const e = Math.min(
        Math.max(from + Math.round(at(i)), i > 0 ? out[i - 1] + 1 : from), to - (n - 1 - i));
    out.push(e);
  }
  return out;
}

/**
 * The logarithmic schedule's epoch of frame i (of n over 0..span), unrounded: one epoch apart up
 * to frame k, then a constant factor apart up to `span`, the factor that continues the step of
 * one epoch at k. So k solves n - 1 = k + ln(span / k) / ln(1 + 1 / k), which grows with k.
 */
function logSpacing(span, n) {
  const frames = (k) => k + Math.log(span / k) / Math.log1p(1 / k);
  let lo = 1;
  let hi = span;
  for (let step = 0; step < 50; ++step) {
    const mid = (lo + hi) / 2;
    if (frames(mid) <= n - 1)
      lo = mid;
    else
      hi = mid;
  }
  const k = Math.min(Math.floor(lo), n - 2);
  if (k < 1) return (i) => (span * i) / (n - 1);  // two frames: the ends
  return (i) => (i <= k ? i : k * (span / k) ** ((i - k) / (n - 1 - k)));
}

/**
 * Each asked epoch's nearest kept epoch (the earlier on a tie), repeats dropped: the frames drawn.
 * One pass over both ascending lists.
 */
export function nearestKept(kept, asked) {
  const out = [];
  let i = 0;
  for (const a of asked) {
    while (i + 1 < kept.length && Math.abs(kept[i + 1] - a) < Math.abs(kept[i] - a)) ++i;
    if (out.at(-1) !== kept[i]) out.push(kept[i]);
  }
  return out;
}
