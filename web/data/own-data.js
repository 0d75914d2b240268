// Own data on the page: what the editor and the CSV file need beyond the link encoding, which
// settings/data-link.js holds (with the point grid and the targets' float32 form) and which is
// re-exported here for them. Which rows core accepts (counts, range, both classes, the targets'
// bound) is core's data row, read from lab.schema.
import {emptyData, encodeData, isRegression, snap, snapTarget} from '../settings/data-link.js';

/** @typedef {import('../settings/data-link.js').OwnData} OwnData */

export {decodeData, emptyData, encodeData, isRegression, MAX_LINK_POINTS, OWN_DATA_ROW, RAW_HALF_WIDTH, snap, snapTarget, targetText, toCore} from '../settings/data-link.js';

/**
 * @param {ArrayLike<number>} points [x, y, ...] in raw units
 * @param {ArrayLike<number>} values a label (0/1) or, for a regression, a target per point
 * @param {boolean} [regression] whether `values` are targets
 * @returns {OwnData} the points snapped to the grid, with labels or float32 targets.
 */
export function fromFlat(points, values, regression = false) {
  const data = regression ? {x: [], y: [], targets: []} : emptyData();
  for (let i = 0; i < values.length; ++i) {
    data.x.push(snap(points[2 * i]));
    data.y.push(snap(points[2 * i + 1]));
    if (regression)
      data.targets.push(snapTarget(values[i]));
    else
      data.labels.push(values[i] > 0.5 ? 1 : 0);
  }
  return data;
}

/** @returns {number[]} the number of points of class 0 and of class 1 (none for a regression). */
export function classCounts(data) {
  if (isRegression(data)) return [0, 0];
  const ones = data.labels.reduce((sum, l) => sum + l, 0);
  return [data.labels.length - ones, ones];
}

/**
 * What `data` is, as the editor says it: "200 points with numeric targets (a regression)" or
 * "200 points in two classes (120 orange, 80 purple)".
 */
export function dataKindText(data) {
  const n = data.x.length;
  const points = `${n} point${n === 1 ? '' : 's'}`;
  if (isRegression(data)) return `${points} with numeric targets (a regression)`;
  const [zeros, ones] = classCounts(data);
  return `${points} in two classes (${zeros} orange, ${ones} purple)`;
}

/**
 * Why core would refuse `data` (too few or too many points, one class only), or '' if it can
 * train on it. `row` is lab.schema's data row (min and max rows). A regression's targets were
 * checked against the row's bound when they were read.
 */
export function dataProblem(data, row) {
  const n = data.x.length;
  if (n < row.min) return `Add at least ${row.min} points (there ${n === 1 ? 'is' : 'are'} ${n}).`;
  if (n > row.max) return `At most ${row.max} points are allowed (there are ${n}).`;
  if (isRegression(data)) return '';
  const [zeros, ones] = classCounts(data);
  if (zeros === 0 || ones === 0) return 'Add points of both classes.';
  return '';
}

/** Whether two data sets hold the same points in the same order. */
export function sameData(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  return encodeData(a) === encodeData(b);
}
