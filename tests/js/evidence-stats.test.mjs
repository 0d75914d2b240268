// The statistics of many-seed comparisons (js/evidence-stats.mjs): exact values computed by
// hand, the bootstrap's reproducibility, and properties with fast-check (seeded).
import fc from 'fast-check';
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {bootstrapMedian, fiveNumbers, formatNumber, median, pairedComparison, pairedDifferences, quantile, seededUniform, verdictText} from '../../js/evidence-stats.mjs';

const EPOCHS = {
  unit: 'epochs',
  unitOne: 'epoch',
  better: 'lower',
  betterWord: 'faster',
  worseWord: 'slower',
  censoredWord: 'reached the target'
};
const ACCURACY = {
  unit: 'points',
  better: 'higher',
  betterWord: 'better',
  worseWord: 'worse'
};
const FC = {
  seed: 20261201,
  numRuns: 200
};
const ints = fc.array(fc.integer({min: -1000, max: 1000}), {minLength: 1, maxLength: 40});

test('median and quantiles by definition 7, by hand', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  // n = 5, p = 0.25: h = 1 -> x[1] = 2; p = 0.1: h = 0.4 -> 1 + 0.4 * (2 - 1) = 1.4.
  assert.equal(quantile([5, 4, 3, 2, 1], 0.25), 2);
  assert.equal(quantile([5, 4, 3, 2, 1], 0.1), 1.4);
  // n = 4, p = 0.75: h = 2.25 -> 30 + 0.25 * (40 - 30) = 32.5.
  assert.equal(quantile([10, 20, 30, 40], 0.75), 32.5);
  assert.deepEqual(
      fiveNumbers([10, 20, 30, 40]), {min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40});
});

test('censored values (Infinity) are the largest and are never interpolated', () => {
  assert.equal(median([5, Infinity, 3]), 5);
  assert.equal(median([5, Infinity]), Infinity);  // h = 0.5: the upper neighbour
  assert.equal(median([Infinity, Infinity, 2]), Infinity);
  assert.equal(quantile([1, Infinity], 0.25), 1);
  assert.deepEqual(
      pairedDifferences([Infinity, 4, Infinity], [Infinity, Infinity, 2]),
      [0, -Infinity, Infinity]);
});

test('bad input is an error naming the call', () => {
  assert.throws(() => median([]), /^Error: quantile: the sample is empty/);
  assert.throws(() => median([1, NaN]), /quantile: value 1 is not a number/);
  assert.throws(() => quantile([1], 2), /quantile: p must be in \[0, 1\]/);
  assert.throws(() => pairedDifferences([1], [1, 2]), /pairedDifferences: 1 and 2/);
  assert.throws(() => bootstrapMedian([1], {resamples: 0}), /bootstrapMedian: resamples/);
});

test('bootstrap intervals computable by hand', () => {
  // Every difference equal: every resample's median is 3.
  assert.deepEqual(
      bootstrapMedian([3, 3, 3, 3]),
      {n: 4, median: 3, lo: 3, hi: 3, level: 0.95, resamples: 2000, seed: 1});
  // Two seeds, differences 0 and 10: a resample's median is 0, 5 or 10 with probability 1/4,
  // 1/2, 1/4, so with 2000 resamples the 2.5% and 97.5% points are 0 and 10.
  const two = bootstrapMedian([0, 10]);
  assert.equal(two.median, 5);
  assert.deepEqual([two.lo, two.hi], [0, 10]);
  // Three seeds 1, 2, 3: medians 1 and 3 each have probability 7/27.
  const three = bootstrapMedian([3, 1, 2]);
  assert.deepEqual([three.median, three.lo, three.hi], [2, 1, 3]);
});

test('the bootstrap is reproducible from its seed and pinned for seed 7', () => {
  const diffs = [-3, 1, 4, -1, 5, -9, 2, 6, -5, 3];
  const a = bootstrapMedian(diffs, {seed: 7, resamples: 500});
  assert.deepEqual(bootstrapMedian(diffs, {seed: 7, resamples: 500}), a);
  // The generator's first draws for seed 7 (mulberry32), fixed so that a change to it shows.
  const u = seededUniform(7);
  assert.deepEqual([u(), u()].map((x) => Math.round(x * 1e6)), PINNED_DRAWS);
  assert.deepEqual([a.median, a.lo, a.hi], PINNED_INTERVAL);
});
const PINNED_DRAWS = [11705, 61958];
const PINNED_INTERVAL = [1.5, -3, 4];

test('verdicts by hand: all seeds favour A, exactly tied, within noise', () => {
  const all = pairedComparison([10, 12, 9, 11, 10], [20, 22, 19, 25, 30], EPOCHS);
  assert.equal(all.kind, 'better');
  assert.deepEqual([all.favourA, all.favourRef, all.ties, all.median], [5, 0, 0, -10]);
  assert.equal(
      verdictText('leaky_relu', 'relu', all, EPOCHS),
      `leaky_relu vs relu: faster here — median 10 epochs faster (difference −10, 95% CI [${
          formatNumber(all.lo)}, ${formatNumber(all.hi)}]), faster on 5 of 5 seeds, slower on 0`);
  assert.ok(all.hi < 0);

  const tied = pairedComparison([0.9, 0.8, 1], [0.9, 0.8, 1], ACCURACY);
  assert.equal(tied.kind, 'tied');
  assert.equal(
      verdictText('a', 'b', tied, ACCURACY),
      'a vs b: no difference here — the same on all 3 seeds');

  const noise = pairedComparison([9, 11, 10, 12, 8], [10, 10, 10, 10, 10], EPOCHS);
  assert.equal(noise.kind, 'noise');
  assert.equal(noise.median, 0);
  assert.match(
      verdictText('x', 'y', noise, EPOCHS),
      /^x vs y: within noise here — median difference 0 epochs \(95% CI \[−2, 2\]\), faster on 2 of 5 seeds, slower on 2$/);

  const one = pairedComparison([9, 9, 9, 9, 10], [10, 10, 10, 10, 10], EPOCHS);
  assert.match(verdictText('x', 'y', one, EPOCHS), /median 1 epoch faster/);

  // Never reaching the target counts against A on that seed; one tie among five seeds is
  // enough to keep 0 inside the interval (P(at least 3 ties in 5 draws) = 5.8% > 2.5%).
  const tie =
      pairedComparison([Infinity, Infinity, Infinity, 5, Infinity], [5, 6, 7, 5, 9], EPOCHS);
  assert.deepEqual([tie.kind, tie.lo, tie.hi], ['noise', 0, Infinity]);
  const never =
      pairedComparison([Infinity, Infinity, Infinity, 6, Infinity], [5, 6, 7, 5, 9], EPOCHS);
  assert.equal(never.kind, 'worse');
  assert.equal(never.median, Infinity);
  assert.match(
      verdictText('x', 'y', never, EPOCHS),
      /slower here — the median seed: y reached the target, x not \(difference ∞, 95% CI \[1, ∞\]\), faster on 0 of 5 seeds, slower on 5$/);
});

test('properties of median and quantiles', () => {
  fc.assert(fc.property(ints, (xs) => {
    const m = median(xs);
    assert.ok(m >= Math.min(...xs) && m <= Math.max(...xs));
    assert.equal(median([...xs].reverse()), m);
    assert.equal(median(xs.map((x) => x + 7)), m + 7);
    const q = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((p) => quantile(xs, p));
    for (let i = 1; i < q.length; ++i) assert.ok(q[i] >= q[i - 1]);
    assert.equal(q[0], Math.min(...xs));
    assert.equal(q.at(-1), Math.max(...xs));
  }), FC);
});

test('properties of the paired comparison', () => {
  const pairs = fc.array(
      fc.tuple(fc.integer({min: 0, max: 300}), fc.integer({min: 0, max: 300})),
      {minLength: 5, maxLength: 25});
  fc.assert(fc.property(pairs, fc.integer({min: 0, max: 1000}), (rows, seed) => {
    const a = rows.map((r) => r[0]), b = rows.map((r) => r[1]);
    const c = pairedComparison(a, b, EPOCHS, {seed, resamples: 200});
    const d = pairedDifferences(a, b);
    assert.ok(c.lo <= c.hi);
    assert.ok(c.lo >= Math.min(...d) && c.hi <= Math.max(...d));
    assert.equal(c.favourA + c.favourRef + c.ties, a.length);
    // Swapping the two negates everything with the same resamples.
    const s = pairedComparison(b, a, EPOCHS, {seed, resamples: 200});
    // (1 - level) / 2 and 1 - (1 + level) / 2 differ in the last bit: compare to 1e-9.
    const near = (x, y) => assert.ok(Math.abs(x - y) < 1e-9, `${x} vs ${y}`);
    near(s.median, -c.median);
    near(s.lo, -c.hi);
    near(s.hi, -c.lo);
    assert.deepEqual([s.favourA, s.favourRef], [c.favourRef, c.favourA]);
    // Never a claim the interval does not support.
    const text = verdictText('A', 'R', c, EPOCHS);
    if (c.lo <= 0 && c.hi >= 0) assert.match(text, /: (within noise|no difference) here/);
    if (c.kind === 'better') assert.ok(c.hi < 0);
  }), FC);
});
