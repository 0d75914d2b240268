// Own data as CSV text: reading a file (x,y,label or x,y,target rows, header optional) with
// errors that name the row and column, and writing the data back. Cell text is only ever data:
// it is compared and quoted in messages, never evaluated.
import {classCounts, fromFlat, isRegression, RAW_HALF_WIDTH, targetText} from './own-data.js';

/**
 * How the third column decides what a file holds, the one statement of it (the editor shows it).
 * Every cell a number and not all of them 0 or 1: targets, a regression; only 0 and 1: two
 * classes; otherwise two distinct names, two classes (the first one met is class 0).
 */
export const CSV_KIND_RULE = 'a third column of numbers that are not all 0 or 1 is a ' +
    'regression\'s targets; 0/1 or two names are two classes';

const COLUMNS = ['x', 'y', 'label'];
const QUOTE_CHARS = 30;

function quote(text) {
  const s = String(text);
  return JSON.stringify(s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS)}…` : s);
}

// One line's cells: split on commas, spaces around a cell and one pair of double quotes removed.
function cells(line) {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

// A number as CSV writes one; '' and 'Infinity' are not, and one that overflows a double
// ("1e309", 400 digits) reads as an infinity.
function numberOf(cell) {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? Number(cell) : NaN;
}

// Why cell `text`, read as `v`, is not a finite number (a coordinate or a target), or ''.
function notFinite(v, text) {
  if (Number.isNaN(v)) return `${quote(text)} is not a number`;
  if (!Number.isFinite(v)) return `${quote(text)} is too large to be a number`;
  return '';
}

/**
 * Reads CSV text into own data (snapped raw coordinates). Coordinates beyond [-6, 6] are scaled
 * by one factor for both axes so the largest fits, as the presets fill the plane; a note says so.
 * The third column is labels or targets as CSV_KIND_RULE says; targets are not scaled.
 * @param {string} text
 * @param {{min: number, max: number, maxTarget: number}} limits rows and the largest |target|
 *     (core's data row)
 * @returns {{data: import('./own-data.js').OwnData|null, error: string, notes: string[]}}
 *     on error data is null and error names the row (1-based, as an editor shows it) and column.
 */
export function parseCsv(text, limits) {
  const lines = String(text).replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const xy = [];
  const raw = [];
  const rows = [];
  const fail = (error) => ({data: null, error, notes: []});
  for (let r = 0; r < lines.length; ++r) {
    if (lines[r].trim() === '') continue;
    const row = cells(lines[r]);
    const at = (c) => `row ${r + 1}, column ${c + 1} (${COLUMNS[c]})`;
    if (row.length !== 3) {
      return fail(
          `row ${r + 1}: ${row.length} column${row.length === 1 ? '' : 's'}, ` +
          'expected 3 (x,y,label)');
    }
    const x = numberOf(row[0]);
    const y = numberOf(row[1]);
    // A first row whose coordinates are not numbers is a header.
    if (rows.length === 0 && Number.isNaN(x) && Number.isNaN(y)) continue;
    for (const [c, v] of [[0, x], [1, y]]) {
      const problem = notFinite(v, row[c]);
      if (problem) return fail(`${at(c)}: ${problem}`);
    }
    if (row[2] === '') return fail(`${at(2)}: the label is empty`);
    if (rows.length === limits.max) return fail(`row ${r + 1}: more than ${limits.max} rows`);
    xy.push(x, y);
    raw.push(row[2]);
    rows.push(r + 1);
  }
  const third = thirdColumn(raw, limits.maxTarget);
  if (third.error) {
    return fail(`row ${rows[third.index]}, column 3 (${third.targets ? 'target' : 'label'}): ${
        third.error}`);
  }
  if (rows.length < limits.min) {
    return fail(
        `the file has ${rows.length} data row${rows.length === 1 ? '' : 's'}; ` +
        `at least ${limits.min} are needed`);
  }
  const notes = [];
  const largest = xy.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (largest > RAW_HALF_WIDTH) {
    const factor = RAW_HALF_WIDTH / largest;
    for (let i = 0; i < xy.length; ++i) xy[i] *= factor;
    notes.push(
        `Coordinates were scaled by ${factor.toPrecision(3)} to fit the plane ` +
        `[-${RAW_HALF_WIDTH}, ${RAW_HALF_WIDTH}].`);
  }
  if (third.names)
    notes.push(`Class 0 is ${quote(third.names[0])}, class 1 ${quote(third.names[1])}.`);
  const data = fromFlat(xy, third.values, third.targets);
  if (!third.targets && classCounts(data).includes(0))
    return fail('every row has the same label: two classes are needed');
  return {data, error: '', notes};
}

// The third column's cells as CSV_KIND_RULE reads them: {values, targets: true} (a regression),
// {values} (0/1 labels) or {values, names} (two names); an error names the row's index.
function thirdColumn(raw, maxTarget) {
  const numbers = raw.map(numberOf);
  if (numbers.every((v) => !Number.isNaN(v))) {
    if (numbers.every((v) => v === 0 || v === 1)) return {values: numbers};
    for (let i = 0; i < numbers.length; ++i) {
      const problem = notFinite(numbers[i], raw[i]) ||
          (Math.abs(numbers[i]) > maxTarget ? `${quote(raw[i])} is beyond ±${maxTarget}` : '');
      if (problem) return {index: i, error: problem, targets: true};
    }
    return {values: numbers, targets: true};
  }
  return labelValues(raw);
}

// Two distinct strings mapped in order of appearance.
function labelValues(raw) {
  const names = [];
  const values = [];
  for (let i = 0; i < raw.length; ++i) {
    let k = names.indexOf(raw[i]);
    if (k < 0) {
      if (names.length === 2) {
        return {
          index: i,
          error: `${quote(raw[i])} is a third label (the first two are ${quote(names[0])} and ` +
              `${quote(names[1])})`,
        };
      }
      k = names.push(raw[i]) - 1;
    }
    values.push(k);
  }
  return {values, names};
}

/**
 * @returns {string} CSV text of `data`: a header, then x,y,label rows with 0/1 labels or, for a
 *     regression, x,y,target rows (each target the shortest text that reads back the same).
 */
export function toCsv(data) {
  const regression = isRegression(data);
  const lines = [regression ? 'x,y,target' : 'x,y,label'];
  for (let i = 0; i < data.x.length; ++i) {
    const value = regression ? targetText(data.targets[i]) : data.labels[i];
    lines.push(`${data.x[i]},${data.y[i]},${value}`);
  }
  return lines.join('\n') + '\n';
}
