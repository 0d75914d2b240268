// Own data on the page: what the editor and the CSV file need beyond the link encoding, which
// settings/data-link.js holds (with the point grid) and which is re-exported here for them. Which
// rows core accepts (counts, range, both classes) is core's data row, read from lab.schema.
import {emptyData, encodeData, snap} from '../settings/data-link.js';

/** @typedef {import('../settings/data-link.js').OwnData} OwnData */

export {decodeData, emptyData, encodeData, MAX_LINK_POINTS, OWN_DATA_ROW, RAW_HALF_WIDTH, snap, toCore} from '../settings/data-link.js';

/** @returns {OwnData} points [x, y, ...] (raw units) and labels, snapped to the grid. */
export function fromFlat(points, labels) {
  const data = emptyData();
  for (let i = 0; i < labels.length; ++i) {
    data.x.push(snap(points[2 * i]));
    data.y.push(snap(points[2 * i + 1]));
    data.labels.push(labels[i] > 0.5 ? 1 : 0);
  }
  return data;
}

/** @returns {number[]} the number of points of class 0 and of class 1. */
export function classCounts(data) {
  const ones = data.labels.reduce((sum, l) => sum + l, 0);
  return [data.labels.length - ones, ones];
}

/**
 * Why core would refuse `data` (too few or too many points, one class only), or '' if it can
 * train on it. `row` is lab.schema's data row (min and max rows).
 */
export function dataProblem(data, row) {
  const n = data.labels.length;
  const [zeros, ones] = classCounts(data);
  if (n < row.min) return `Add at least ${row.min} points (there ${n === 1 ? 'is' : 'are'} ${n}).`;
  if (n > row.max) return `At most ${row.max} points are allowed (there are ${n}).`;
  if (zeros === 0 || ones === 0) return 'Add points of both classes.';
  return '';
}

/** Whether two data sets hold the same points in the same order. */
export function sameData(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  return encodeData(a) === encodeData(b);
}
