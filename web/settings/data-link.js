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
 * Own data: parallel arrays of snapped raw coordinates and either 0/1 labels (two classes) or
 * numeric targets (a regression), never both.
 * @typedef {{x: number[], y: number[], labels: number[]}|{x: number[], y: number[],
 *     targets: number[]}} OwnData
 */

/** @returns {OwnData} an empty set (of classes; a regression is read from a file). */
export function emptyData() {
  return {x: [], y: [], labels: []};
}

/** Whether own data `data` is a regression: it holds targets instead of labels. */
export function isRegression(data) {
  return Array.isArray(data.targets);
}

/**
 * A target as core holds it (a float32), so the editor, the CSV file and the link hold the same
 * number; + 0 turns -0 into 0.
 */
export function snapTarget(t) {
  return Math.fround(t) + 0;
}

/** @returns {string} the shortest decimal text that reads back to float32 target `t`. */
export function targetText(t) {
  for (let digits = 1; digits < 9; ++digits) {
    const text = String(Number(t.toPrecision(digits)));
    if (Math.fround(Number(text)) === t) return text;
  }
  return String(t);
}

/**
 * Why core would refuse `data` from a link, as the middle of a notice, or ''. `row` is
 * lab.schema's data row (rows, and maxTarget for a regression).
 */
function linkDataProblem(data, row) {
  const n = data.x.length;
  const holds = `the link holds ${n} point${n === 1 ? '' : 's'}`;
  if (n < row.min) return `${holds}, fewer than the ${row.min} needed`;
  if (n > row.max) return `${holds}, more than the ${row.max} allowed`;
  if (isRegression(data)) {
    const far = data.targets.findIndex((t) => !(Math.abs(t) <= row.maxTarget));
    return far < 0 ? '' : `target ${far + 1} is beyond ±${row.maxTarget}`;
  }
  const ones = data.labels.reduce((sum, l) => sum + l, 0);
  if (ones === 0 || ones === n) return `${holds}, all of one class where two are needed`;
  return '';
}

/** @returns {object} the settings value core's data row takes. */
export function toCore(data) {
  const points = data.x.map((x, i) => [x, data.y[i]]);
  return isRegression(data) ? {points, targets: data.targets.slice()} :
                              {points, labels: data.labels.slice()};
}

function gridIndex(v) {
  return Math.round(v * STEPS_PER_UNIT) + RAW_HALF_WIDTH * STEPS_PER_UNIT;
}

// A regression's link text starts with this mark (not a base64url digit), then holds 10
// characters a point: its 4 (label bit 0) and its target's float32 bits in 6 digits (36 bits).
const TARGETS_MARK = '~';
const POINT_CHARS = 4;
const TARGET_CHARS = 6;
const bits32 = new DataView(new ArrayBuffer(4));

/** @returns {number} how many points link text `text` of encodeData's form holds. */
function linkPointCount(text) {
  return text.startsWith(TARGETS_MARK) ? (text.length - 1) / (POINT_CHARS + TARGET_CHARS) :
                                         text.length / POINT_CHARS;
}

/**
 * The link text of `data`: per point 4 base64url digits, (x index * 2 + label) in two and the
 * y index in two (indices 0..1200 on the grid, 2402 < 64^2); a regression's text is marked and
 * adds each target's 32 bits (TARGETS_MARK). Exact: decoding gives the same numbers.
 */
export function encodeData(data) {
  const regression = isRegression(data);
  let text = regression ? TARGETS_MARK : '';
  const two = (v) => DIGITS[v >> 6] + DIGITS[v & 63];
  for (let i = 0; i < data.x.length; ++i) {
    text += two(gridIndex(data.x[i]) * 2 + (regression ? 0 : data.labels[i])) +
        two(gridIndex(data.y[i]));
    if (regression) {
      bits32.setFloat32(0, data.targets[i]);
      const bits = bits32.getUint32(0);
      for (let k = TARGET_CHARS - 1; k >= 0; --k) text += DIGITS[Math.floor(bits / 64 ** k) % 64];
    }
  }
  return text;
}

/**
 * Reads encodeData's text. @returns {{data: OwnData|null, error: string}} error names the
 * first bad character, length or value; it never throws.
 */
export function decodeData(text) {
  const regression = text.startsWith(TARGETS_MARK);
  const start = regression ? TARGETS_MARK.length : 0;
  const size = regression ? POINT_CHARS + TARGET_CHARS : POINT_CHARS;
  if ((text.length - start) % size !== 0) {
    return {
      data: null,
      error: `its length ${text.length} is not ${start ? '1 + ' : ''}a multiple of ${size}`
    };
  }
  const data = regression ? {x: [], y: [], targets: []} : emptyData();
  const value = (k) => 64 * DIGIT_VALUE.get(text[k]) + DIGIT_VALUE.get(text[k + 1]);
  for (let k = start; k < text.length; k += size) {
    const point = (k - start) / size + 1;
    for (let j = k; j < k + size; ++j) {
      if (!DIGIT_VALUE.has(text[j])) {
        return {data: null, error: `character ${j + 1} is not a base64url digit`};
      }
    }
    const xl = value(k);
    const yi = value(k + 2);
    if ((xl >> 1) >= STEPS || yi >= STEPS) {
      return {data: null, error: `point ${point} lies outside the plane`};
    }
    // The grid step minus the offset first (exact integers), then one division, as snap() does.
    const offset = RAW_HALF_WIDTH * STEPS_PER_UNIT;
    data.x.push(((xl >> 1) - offset) / STEPS_PER_UNIT);
    data.y.push((yi - offset) / STEPS_PER_UNIT);
    if (!regression) {
      data.labels.push(xl & 1);
      continue;
    }
    let bits = 0;
    for (let j = k + POINT_CHARS; j < k + size; ++j) bits = 64 * bits + DIGIT_VALUE.get(text[j]);
    if ((xl & 1) !== 0 || bits > 0xffffffff) {
      return {data: null, error: `point ${point} is not a point of a regression`};
    }
    bits32.setUint32(0, bits);
    const target = bits32.getFloat32(0);
    if (!Number.isFinite(target)) {
      return {data: null, error: `target ${point} is not a finite number`};
    }
    data.targets.push(target + 0);
  }
  return {data, error: ''};
}

/**
 * Own data as core's data row reads and writes it in a link: its compact encoding (none: ''),
 * left out of a link when absent or too large for one, and core's {points, labels} or {points,
 * targets} (none: the preset). Link data core would refuse is the preset, with a notice. Added
 * to core's row by every settings table that takes own data.
 */
export const OWN_DATA_ROW = {
  core: 'data',
  parse(row, raw, notices) {
    if (raw === '') return null;
    // A link of more points than core takes is refused by its length, before decoding it.
    const count = linkPointCount(raw);
    const tooLong = Number.isInteger(count) && count > row.max;
    const {data, error} = tooLong ? {data: null, error: ''} : decodeData(raw);
    const problem = error ||
        (data ? linkDataProblem(data, row) :
                `the link holds ${count} points, more than the ${row.max} allowed`);
    if (!problem) return data;
    notices.push(`${row.key}: ${problem}, so the dataset is used instead.`);
    return null;
  },
  text: (data) => data ? encodeData(data) : '',
  inLink: (data) => Boolean(data) && data.x.length <= MAX_LINK_POINTS,
  toCore: (data) => data ? toCore(data) : undefined,
};
