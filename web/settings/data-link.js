// Own data as a link holds it: points on a fixed grid of raw coordinates, so that the editor, the
// CSV file and the link all hold the same exact values, their compact encoding, and the settings
// row that reads and writes it (the page's and the figure's tables both take it). The editor and
// the CSV file are data/'s.

/** Half-width of the raw domain that core's data row accepts ([-6, 6]^2, as the presets). */
export const RAW_HALF_WIDTH = 6;
// Coordinates are multiples of 1/100: 1201 values per axis, finer than any pixel of a panel
// (about 1/50 of the raw width per pixel at 600 px), and short in a CSV file and a link.
const STEPS_PER_UNIT = 100;
const STEPS = 2 * RAW_HALF_WIDTH * STEPS_PER_UNIT + 1;
// A link holds own data up to this many points (4 characters each); more are offered as a file.
export const MAX_LINK_POINTS = 1000;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE = new Map([...DIGITS].map((c, i) => [c, i]));

/** The nearest grid value of raw coordinate `v`, within [-6, 6]. */
export function snap(v) {
  const step = Math.round(v * STEPS_PER_UNIT);
  const bound = RAW_HALF_WIDTH * STEPS_PER_UNIT;
  // + 0 turns -0 (a small negative rounded) into 0, as the CSV file and the link write it.
  return Math.min(bound, Math.max(-bound, step)) / STEPS_PER_UNIT + 0;
}

/**
 * Own data: parallel arrays of snapped raw coordinates and 0/1 labels.
 * @typedef {{x: number[], y: number[], labels: number[]}} OwnData
 */

/** @returns {OwnData} an empty set. */
export function emptyData() {
  return {x: [], y: [], labels: []};
}

/**
 * Why core would refuse own data of `n` points with `ones` of class 1 from a link, as the middle
 * of a notice, or ''. `row` is lab.schema's data row.
 */
function linkDataProblem(n, ones, row) {
  const holds = `the link holds ${n} point${n === 1 ? '' : 's'}`;
  if (n < row.min) return `${holds}, fewer than the ${row.min} needed`;
  if (n > row.max) return `${holds}, more than the ${row.max} allowed`;
  if (ones === 0 || ones === n) return `${holds}, all of one class where two are needed`;
  return '';
}

/** @returns {object} the settings value core's data row takes. */
export function toCore(data) {
  return {points: data.x.map((x, i) => [x, data.y[i]]), labels: data.labels.slice()};
}

function gridIndex(v) {
  return Math.round(v * STEPS_PER_UNIT) + RAW_HALF_WIDTH * STEPS_PER_UNIT;
}

/**
 * The link text of `data`: per point 4 base64url digits, (x index * 2 + label) in two and the
 * y index in two (indices 0..1200 on the grid, 2402 < 64^2). Exact: decoding gives the same
 * numbers.
 */
export function encodeData(data) {
  let text = '';
  const two = (v) => DIGITS[v >> 6] + DIGITS[v & 63];
  for (let i = 0; i < data.labels.length; ++i) {
    text += two(gridIndex(data.x[i]) * 2 + data.labels[i]) + two(gridIndex(data.y[i]));
  }
  return text;
}

/**
 * Reads encodeData's text. @returns {{data: OwnData|null, error: string}} error names the
 * first bad character or length; it never throws.
 */
export function decodeData(text) {
  if (text.length % 4 !== 0) {
    return {data: null, error: `its length ${text.length} is not a multiple of 4`};
  }
  const data = emptyData();
  const value = (k) => 64 * DIGIT_VALUE.get(text[k]) + DIGIT_VALUE.get(text[k + 1]);
  for (let k = 0; k < text.length; k += 4) {
    for (let j = k; j < k + 4; ++j) {
      if (!DIGIT_VALUE.has(text[j])) {
        return {data: null, error: `character ${j + 1} is not a base64url digit`};
      }
    }
    const xl = value(k);
    const yi = value(k + 2);
    if ((xl >> 1) >= STEPS || yi >= STEPS) {
      return {data: null, error: `point ${k / 4 + 1} lies outside the plane`};
    }
    // The grid step minus the offset first (exact integers), then one division, as snap() does.
    const offset = RAW_HALF_WIDTH * STEPS_PER_UNIT;
    data.x.push(((xl >> 1) - offset) / STEPS_PER_UNIT);
    data.y.push((yi - offset) / STEPS_PER_UNIT);
    data.labels.push(xl & 1);
  }
  return {data, error: ''};
}

/**
 * Own data as core's data row reads and writes it in a link: its compact encoding (none: ''),
 * left out of a link when absent or too large for one, and core's {points, labels} (none: the
 * preset). Link data core would refuse is the preset, with a notice. Added to core's row by
 * every settings table that takes own data.
 */
export const OWN_DATA_ROW = {
  core: 'data',
  parse(row, raw, notices) {
    if (raw === '') return null;
    // A link of more points than core takes is refused by its length, before decoding it.
    const tooLong = raw.length % 4 === 0 && raw.length / 4 > row.max;
    const {data, error} = tooLong ? {data: null, error: ''} : decodeData(raw);
    const ones = data ? data.labels.reduce((sum, l) => sum + l, 0) : 1;
    const problem =
        error || linkDataProblem(data ? data.labels.length : raw.length / 4, data ? ones : 1, row);
    if (!problem) return data;
    notices.push(`${row.key}: ${problem}, so the dataset is used instead.`);
    return null;
  },
  text: (data) => data ? encodeData(data) : '',
  inLink: (data) => Boolean(data) && data.labels.length <= MAX_LINK_POINTS,
  toCore: (data) => data ? toCore(data) : undefined,
};
