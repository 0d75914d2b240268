// The page's rows of a run's time in its settings table (page/page-table.js): the epoch the
// timeline shows and the "over time" figure (open or not, and its columns, read by their own
// parse).
import {MAX_LINKED_EPOCH} from '../common/replay-bound.js';
import {firstEntries} from '../settings/parse-value.js';

// The essay's columns: the first epochs, where the boundaries form, and the end.
export const DEFAULT_FIGURE_EPOCHS = Object.freeze([0, 2, 5, 10, 25, 'final']);
const MAX_COLUMNS = 8;

export const TIME_ROWS = Object.freeze([
  {
    key: 'at',
    type: 'int',
    group: 'hidden',
    label: 'Epoch shown',
    default: -1,
    min: -1,
    max: MAX_LINKED_EPOCH,
    meaning: 'the epoch the timeline shows (the run is trained there and paused); -1: the live end',
    effect: 'redraw',
  },
  {
    key: 'fig',
    type: 'bool',
    group: 'hidden',
    label: 'Over time figure',
    default: false,
    effect: 'redraw',
  },
  {
    key: 'cols',
    type: 'epochs',
    group: 'hidden',
    label: 'Figure epochs',
    default: DEFAULT_FIGURE_EPOCHS,
    min: 0,
    max: MAX_LINKED_EPOCH,
    meaning: `up to ${MAX_COLUMNS} epochs, increasing; "final" is the epoch shown (or the end)`,
    parse: parseEpochList,
    effect: 'redraw',
  },
]);

/**
 * Parses "0,2,5,final" (the cols key): whole epochs in 0..max and "final", in increasing order
 * without repeats, at most MAX_COLUMNS; bad entries are left out with a plain-text notice.
 */
export function parseEpochList(row, raw, notices) {
  const out = [];
  // Read no further than the columns a figure has: a link of a million entries costs what 8 do.
  const {entries, more} = firstEntries(String(raw), MAX_COLUMNS);
  for (const token of entries) {
    const t = token.trim();
    if (t === '') continue;
    if (t === 'final') {
      out.push('final');
      continue;
    }
    const n = Number(t);
    if (!Number.isInteger(n) || n < row.min || n > row.max) {
      notices.push(`${row.key}: ${JSON.stringify(t.slice(0, 20))} is not an epoch from ${
          row.min} to ${row.max} or "final", so it is left out.`);
      continue;
    }
    out.push(n);
  }
  const numbers = [...new Set(out.filter((e) => e !== 'final'))].sort((a, b) => a - b);
  const list = out.includes('final') ? [...numbers, 'final'] : numbers;
  if (more) notices.push(`${row.key}: at most ${MAX_COLUMNS} epochs; the rest are left out.`);
  if (!list.length) {
    notices.push(`${row.key}: no epoch is left, so the default columns are used.`);
    return row.default.slice();
  }
  return list;
}
