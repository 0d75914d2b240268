// The page's own-data modules in Node (they use no DOM): the link encoding is exact and compact,
// bad link text is an error, never a throw; CSV reading names rows and columns, scales into the
// plane, maps two label names, and CSV writing reads back to the same data.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {parseCsv, toCsv} from '../../web/data/data-csv.js';
import {dataProblem, decodeData, encodeData, fromFlat, snap} from '../../web/data/own-data.js';

const LIMITS = {
  min: 10,
  max: 5000
};

// A seeded data set over the whole plane, corners included.
function sample(n) {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const points = [-6, -6, 6, 6];
  const labels = [0, 1];
  for (let i = 2; i < n; ++i) {
    points.push(12 * next() - 6, 12 * next() - 6);
    labels.push(next() < 0.5 ? 0 : 1);
  }
  return fromFlat(points, labels);
}

test('the link encoding is exact, 4 characters a point, and refuses bad text', () => {
  const data = sample(1000);
  const text = encodeData(data);
  assert.equal(text.length, 4000);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeData(text), {data, error: ''});
  for (const v of data.x) assert.equal(snap(v), v);
  assert.match(decodeData('AAA').error, /not a multiple of 4/);
  assert.match(decodeData('AA<A').error, /character 3 is not a base64url digit/);
  assert.match(decodeData('____').error, /point 1 lies outside the plane/);
});

test('CSV: header optional, two label names, scaling into the plane, exact round trip', () => {
  const rows = ['a,b,c'];
  for (let i = 0; i < 12; ++i) rows.push(`${i * 2},${- i},${i % 3 ? 'dog' : 'cat'}`);
  const {data, error, notes} = parseCsv(rows.join('\r\n'), LIMITS);
  assert.equal(error, '');
  assert.equal(data.labels.length, 12);
  assert.deepEqual(data.labels.slice(0, 3), [0, 1, 1]);  // cat first
  assert.equal(data.x[11], 6);                           // 22 scaled by 6/22
  assert.equal(data.y[11], snap(-11 * 6 / 22));
  assert.match(notes.join(' '), /scaled by 0\.273/);
  assert.match(notes.join(' '), /Class 0 is "cat", class 1 "dog"/);
  assert.deepEqual(parseCsv(toCsv(data), LIMITS).data, data);
  const big = sample(5000);
  assert.deepEqual(parseCsv(toCsv(big), LIMITS).data, big);
  // Without a header, 0/1 labels.
  assert.deepEqual(parseCsv(toCsv(big).split('\n').slice(1).join('\n'), LIMITS).data, big);
});

test('CSV errors name the row and column; nothing is returned', () => {
  const good = ['x,y,label', ...Array.from({length: 10}, (_, i) => `${i / 2},1,${i % 2}`)];
  const cases = [
    [[...good, '1,NaN,0'], /^row 12, column 2 \(y\): "NaN" is not a number$/],
    [[...good, ',1,0'], /^row 12, column 1 \(x\): "" is not a number$/],
    [[...good, '1,1,'], /^row 12, column 3 \(label\): the label is empty$/],
    [[...good, '1,1,0,4'], /^row 12: 4 columns, expected 3/],
    [[...good, '1,1,2'], /^row 12, column 3 \(label\): "2" is a third label/],
    [good.map((r, i) => (i ? r.replace(/,\d$/, ',1') : r)), /two classes are needed/],
    [good.slice(0, 5), /4 data rows; at least 10/],
    // Numbers that overflow a double read as Infinity: refused, never scaled to NaN.
    [[...good, '1e309,1,0'], /^row 12, column 1 \(x\): "1e309" is too large to be a number$/],
    [[...good, `1,-${'9'.repeat(400)},0`], /^row 12, column 2 \(y\): "-9{29}…" is too large/],
  ];
  for (const [lines, pattern] of cases) {
    const result = parseCsv(lines.join('\n'), LIMITS);
    assert.equal(result.data, null);
    assert.match(result.error, pattern);
  }
  assert.equal(dataProblem(sample(12), LIMITS), '');
  assert.match(dataProblem(sample(3), LIMITS), /at least 10/);
});
