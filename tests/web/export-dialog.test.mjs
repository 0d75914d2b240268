// The export dialog's choice of frames in Node: the kept epochs nearest a range's asked epochs,
// as a direct search over every asked epoch finds them, in one pass over the kept epochs however
// long the range a form field asks for.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {framesFor} from '../../web/time/export/export-dialog.js';

// The definition: every asked epoch from..to by step, its nearest kept epoch (the earlier on a
// tie), repeats dropped, at most `most`.
function reference(kept, from, to, step, most = 1000) {
  const out = [];
  for (let e = from; e <= to && out.length < most; e += step) {
    const near = kept.reduce((a, b) => (Math.abs(b - e) < Math.abs(a - e) ? b : a), kept[0]);
    if (out.at(-1) !== near) out.push(near);
  }
  return out;
}

test('frames are the kept epochs nearest the asked ones, as the definition gives', () => {
  const kept = fc.uniqueArray(fc.integer({min: 0, max: 400}), {minLength: 1, maxLength: 30})
                   .map((epochs) => epochs.sort((a, b) => a - b));
  fc.assert(
      fc.property(
          kept, fc.integer({min: 0, max: 450}), fc.integer({min: 0, max: 450}),
          fc.integer({min: 1, max: 60}),
          (epochs, a, b, step) => {
            const [from, to] = [Math.min(a, b), Math.max(a, b)];
            assert.deepEqual(framesFor(epochs, from, to, step), reference(epochs, from, to, step));
          }),
      {numRuns: 2000, seed: 20261207});
  assert.deepEqual(framesFor([0, 10, 20], 5, 5, 1), [0]);  // a tie takes the earlier
  assert.deepEqual(framesFor([0, 10, 20], 0, 20, 5), [0, 10, 20]);
});

// The kept epochs as an array that counts how often an element is read.
function counted(epochs) {
  const reads = {count: 0};
  const proxy = new Proxy(epochs, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return {proxy, reads};
}

// Before, a loop over every asked epoch, each a search of the kept ones: a "to" of 10^7 blocked
// the tab 23.6 s, and the form accepted 10^9.
test('the work is bounded by the kept epochs, not by the range asked', () => {
  const {proxy, reads} = counted(Array.from({length: 30}, (_, i) => i * 10));
  assert.deepEqual(framesFor(proxy, 0, 1e5, 1), Array.from({length: 30}, (_, i) => i * 10));
  assert.ok(reads.count <= 10 * 30, `${reads.count} reads of 30 kept epochs`);
  const kept = Array.from({length: 300}, (_, i) => i * 10);
  assert.deepEqual(framesFor(kept, 0, 1e15, 1), kept);
  assert.deepEqual(framesFor(kept, 0, 1e15, 1e14), [0, 2990]);
  const many = Array.from({length: 5000}, (_, i) => i);
  assert.equal(framesFor(many, 0, 1e15, 1).length, 1000);  // MAX_FRAMES
});
