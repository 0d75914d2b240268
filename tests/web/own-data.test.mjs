// The page's own-data modules in Node (they use no DOM): the link encoding is exact and compact,
// bad link text is an error, never a throw; CSV reading names rows and columns, scales into the
// plane, maps two label names, decides classes or targets by the third column, and CSV writing
// reads back to the same data; own regression data survives the link, hostile targets do not.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {parseCsv, toCsv} from '../../web/data/data-csv.js';
import {dataKindText, dataProblem, decodeData, encodeData, fromFlat, isRegression, OWN_DATA_ROW, snap, toCore} from '../../web/data/own-data.js';

// Core's data row as lab.schema gives it (tests/js/schema.test.mjs checks the schema itself).
const LIMITS = {
  key: 'data',
  min: 10,
  max: 5000,
  maxTarget: 1000,
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
    [[...good, '1,1,cat'], /^row 12, column 3 \(label\): "cat" is a third label/],
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

// A seeded regression over the plane: targets of every size the bound allows, signs and zero.
function regressionSample(n) {
  let state = 777;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const points = [-6, -6, 6, 6, 0, 0];
  const targets = [-1000, 1000, 0];
  for (let i = 3; i < n; ++i) {
    points.push(12 * next() - 6, 12 * next() - 6);
    targets.push((next() - 0.5) * 10 ** (6 * next() - 3));
  }
  return fromFlat(points, targets, true);
}

test('CSV: the third column decides the kind, targets round-trip through the file', () => {
  const rows = (third) => ['x,y,v', ...third.map((t, i) => `${i / 2 - 2},${1 - i / 4},${t}`)];
  const read = (third) => parseCsv(rows(third).join('\n'), LIMITS);
  // 0/1 only (also written 0.0 and 1e0): two classes.
  const classes = read(['0', '1', '1.0', '0.0', '1e0', '0', '1', '0', '1', '0']);
  assert.equal(classes.error, '');
  assert.equal(isRegression(classes.data), false);
  assert.deepEqual(classes.data.labels, [0, 1, 1, 0, 1, 0, 1, 0, 1, 0]);
  assert.match(dataKindText(classes.data), /^10 points in two classes \(5 orange, 5 purple\)$/);
  // Numbers not all 0/1: targets, a regression, even when one of them is 2 or all are 0/1 but one.
  const targets = read(['0', '1', '2', '0', '1', '0', '1', '0', '1', '-0.125']);
  assert.equal(targets.error, '');
  assert.equal(isRegression(targets.data), true);
  assert.equal(targets.data.labels, undefined);
  assert.deepEqual(targets.data.targets, [0, 1, 2, 0, 1, 0, 1, 0, 1, -0.125]);
  assert.equal(dataKindText(targets.data), '10 points with numeric targets (a regression)');
  assert.equal(dataProblem(targets.data, LIMITS), '');
  // One name among numbers: names, so a third label.
  assert.match(read(['0', '1', '2', 'x', '0', '1', '0', '1', '0', '1']).error, /third label/);
  // Targets beyond the bound or overflowing are refused, naming the target's cell.
  assert.match(
      read(['0', '1', '2', '1000.5', '0', '1', '0', '1', '0', '1']).error,
      /^row 5, column 3 \(target\): "1000.5" is beyond ±1000$/);
  assert.match(
      read(['0', '1', '2', '3', '1e309', '1', '0', '1', '0', '1']).error,
      /^row 6, column 3 \(target\): "1e309" is too large to be a number$/);
  // Targets are float32, as core holds them, and the file writes the shortest text of each.
  const written = toCsv(targets.data);
  assert.match(written, /^x,y,target\n-2,1,0\n/);
  assert.match(written, /,-0\.125\n$/);
  const data = regressionSample(2000);
  for (const t of data.targets) assert.equal(Math.fround(t), t);
  assert.deepEqual(parseCsv(toCsv(data), LIMITS).data, data);
  assert.deepEqual(toCore(data).targets, data.targets);
  assert.equal(toCore(data).labels, undefined);
});

test('own regression data survives the link; hostile targets are refused with a notice', () => {
  const data = regressionSample(1000);
  const text = encodeData(data);
  assert.equal(text.length, 1 + 10 * 1000);
  assert.match(text, /^~[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeData(text), {data, error: ''});
  const notices = [];
  assert.deepEqual(OWN_DATA_ROW.parse(LIMITS, OWN_DATA_ROW.text(data), notices), data);
  assert.deepEqual(notices, []);
  assert.equal(OWN_DATA_ROW.inLink(data), true);
  assert.equal(OWN_DATA_ROW.inLink(regressionSample(1001)), false);
  // The target digits of a point: 6 base64url digits of its float32 bits.
  const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const digits =
      (bits) => [5, 4, 3, 2, 1, 0].map((k) => base64url[Math.floor(bits / 64 ** k) % 64]).join('');
  const ten = text.slice(0, 1 + 10 * 10);
  const withTarget = (bits) => ten.slice(0, 1 + 10 * 9 + 4) + digits(bits);
  const refused = (raw) => {
    const said = [];
    assert.equal(OWN_DATA_ROW.parse(LIMITS, raw, said), null);
    assert.equal(said.length, 1);
    return said[0];
  };
  assert.match(refused(withTarget(0x7fc00000)), /^data: target 10 is not a finite number, so/);
  assert.match(refused(withTarget(0x7f800000)), /^data: target 10 is not a finite number, so/);
  assert.match(refused(withTarget(0x447a2000)), /^data: target 10 is beyond ±1000, so/);  // 1000.5
  assert.match(refused(withTarget(2 ** 32)), /^data: point 10 is not a point of a regression/);
  assert.match(refused(ten.slice(0, -1)), /^data: its length 100 is not 1 \+ a multiple of 10/);
  assert.match(refused(ten.slice(0, 1 + 10 * 9)), /holds 9 points, fewer than the 10 needed/);
  assert.match(refused(`~${'A'.repeat(10 * 5001)}`), /holds 5001 points, more than the 5000/);
  assert.equal(OWN_DATA_ROW.parse(LIMITS, withTarget(0x447a0000), []).targets[9], 1000);
});
