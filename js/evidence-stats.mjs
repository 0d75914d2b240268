// Statistics for many-seed comparisons: median, quantiles, a seeded paired bootstrap and the
// verdict sentence built from it. Pure functions on plain numbers; nothing here trains or draws.
// A censored outcome ("never reached the target") is Infinity and takes part in the order
// statistics as the largest value, so "never" is counted, not dropped.

/** Default number of bootstrap resamples and the interval's coverage. */
export const BOOTSTRAP_DEFAULTS = Object.freeze({resamples: 2000, level: 0.95, seed: 1});

function sorted(xs) {
  // Numeric order with Infinity last; NaN has no place in an order and is rejected upstream.
  return Float64Array.from(xs).sort();
}

// The value a fraction f of the way from a to b. With an infinite end (a censored value) the
// straight line is meaningless: the nearer order statistic is taken, the upper one at f = 1/2.
function between(a, b, f) {
  if (f === 0 || a === b) return a;
  if (Number.isFinite(a) && Number.isFinite(b)) return a + f * (b - a);
  return f < 0.5 ? a : b;
}

function checkSample(xs, what) {
  if (!xs || xs.length === 0) throw new Error(`${what}: the sample is empty`);
  for (let i = 0; i < xs.length; ++i) {
    if (typeof xs[i] !== 'number' || Number.isNaN(xs[i])) {
      throw new Error(`${what}: value ${i} is not a number (${String(xs[i])})`);
    }
  }
}

// Quantile p of an already sorted array: Hyndman & Fan type 7 (R's default, numpy's 'linear'):
// h = (n - 1) p, then linear interpolation between the order statistics floor(h) and ceil(h).
function quantileSorted(s, p) {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return between(s[lo], s[Math.min(lo + 1, s.length - 1)], h - lo);
}

/**
 * Quantile p (0..1) by Hyndman & Fan's definition 7: with the sample sorted as x[0..n-1] and
 * h = (n - 1) p, x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). An infinite
 * neighbour (a censored value) is not interpolated: the nearer of the two is returned.
 * @param {number[]} xs a non-empty sample (Infinity allowed, NaN not)
 * @param {number} p in [0, 1]
 */
export function quantile(xs, p) {
  checkSample(xs, 'quantile');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile: p must be in [0, 1], got ${p}`);
  return quantileSorted(sorted(xs), p);
}

/** @returns {number} the median (quantile 1/2: the mean of the two middle values for even n). */
export function median(xs) {
  return quantile(xs, 0.5);
}

/** @returns {{q1: number, median: number, q3: number, min: number, max: number}} */
export function fiveNumbers(xs) {
  checkSample(xs, 'fiveNumbers');
  const s = sorted(xs);
  return {
    min: s[0],
    q1: quantileSorted(s, 0.25),
    median: quantileSorted(s, 0.5),
    q3: quantileSorted(s, 0.75),
    max: s[s.length - 1],
  };
}

/**
 * A small seeded generator (mulberry32): the bootstrap must give the same interval for the same
 * seed in every engine, which Math.random cannot.
 * @returns {() => number} uniform in [0, 1)
 */
export function seededUniform(seed) {
  let a = (Number(seed) >>> 0) || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Paired differences a[i] - b[i] of one outcome on the same seeds. Two censored values
 * (both never reached the target) are a tie, 0; one censored value makes the difference
 * +Infinity or -Infinity.
 */
export function pairedDifferences(a, b) {
  if (a.length !== b.length) {
    throw new Error(`pairedDifferences: ${a.length} and ${b.length} values are not paired`);
  }
  return a.map((x, i) => (x === b[i] ? 0 : x - b[i]));
}

/**
 * Percentile bootstrap of the median of paired differences: `resamples` times, draw n seeds
 * with replacement (seeded), take the median of their differences; the interval is the
 * (1 - level)/2 and (1 + level)/2 quantiles (definition 7) of those medians.
 * @param {number[]} diffs per-seed differences (Infinity allowed)
 * @returns {{n: number, median: number, lo: number, hi: number, level: number,
 *     resamples: number, seed: number}}
 */
export function bootstrapMedian(diffs, options = {}) {
  checkSample(diffs, 'bootstrapMedian');
  const {resamples, level, seed} = {...BOOTSTRAP_DEFAULTS, ...options};
  if (!(Number.isInteger(resamples) && resamples >= 1 && resamples <= 100000)) {
    throw new Error(`bootstrapMedian: resamples must be an integer in 1..100000, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) {
    throw new Error(`bootstrapMedian: level must be in (0, 1), got ${level}`);
  }
  const n = diffs.length;
  const uniform = seededUniform(seed);
  // A resample's median without sorting it: each draw counts one hit on its value's rank in the
  // sorted sample, and the middle order statistics are found by walking the counts. The values
  // are those of sorting the drawn values, at O(n) per resample instead of O(n log n).
  const order = Array.from(diffs.keys()).sort((i, j) => diffs[i] - diffs[j] || i - j);
  const sortedValues = order.map((i) => diffs[i]);
  const rankOf = new Int32Array(n);
  order.forEach((i, rank) => (rankOf[i] = rank));
  const counts = new Int32Array(n);
  const h = (n - 1) / 2, lo = Math.floor(h);
  const nth = (k) => {  // the k-th (0-based) value of the resample in sorted order
    for (let r = 0, seen = 0; r < n; ++r) {
      seen += counts[r];
      if (seen > k) return sortedValues[r];
    }
    return sortedValues[n - 1];
  };
  const medians = new Float64Array(resamples);
  for (let r = 0; r < resamples; ++r) {
    counts.fill(0);
    for (let i = 0; i < n; ++i) ++counts[rankOf[Math.floor(uniform() * n)]];
    medians[r] = between(nth(lo), nth(Math.min(lo + 1, n - 1)), h - lo);
  }
  medians.sort();
  return {
    n,
    median: median(diffs),
    lo: quantileSorted(medians, (1 - level) / 2),
    hi: quantileSorted(medians, (1 + level) / 2),
    level,
    resamples,
    seed,
  };
}

/**
 * Compares outcome A against a reference on the same seeds.
 * @param {number[]} a A's outcome per seed
 * @param {number[]} ref the reference's outcome on the same seeds
 * @param {{better: 'lower'|'higher'}} outcome which direction is better
 * @returns {{kind: 'better'|'worse'|'noise'|'tied', n: number, median: number, lo: number,
 *     hi: number, level: number, favourA: number, favourRef: number, ties: number}}
 *     differences are A - ref; `better`/`worse` only when the whole interval excludes 0.
 */
export function pairedComparison(a, ref, outcome, options = {}) {
  const diffs = pairedDifferences(a, ref);
  const boot = bootstrapMedian(diffs, options);
  const sign = outcome.better === 'lower' ? -1 : 1;
  let favourA = 0, favourRef = 0;
  for (const d of diffs) {
    if (sign * d > 0) ++favourA;
    if (sign * d < 0) ++favourRef;
  }
  const ties = diffs.length - favourA - favourRef;
  let kind = 'noise';
  if (ties === diffs.length)
    kind = 'tied';
  else if (sign * boot.lo > 0 && sign * boot.hi > 0)
    kind = 'better';
  else if (sign * boot.lo < 0 && sign * boot.hi < 0)
    kind = 'worse';
  return {kind, ...boot, favourA, favourRef, ties};
}

/** A number for a sentence: "never"-aware, at most 3 significant digits, a true minus sign. */
export function formatNumber(x, digits = 3) {
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  const text = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(digits)));
  return text.replace('-', '−');
}

/**
 * The verdict in plain words, never stronger than the interval:
 * "leaky_relu vs relu: within noise here — median 1 epoch faster (difference −1, 95% CI
 * [−2, 4]), faster on 11 of 20 seeds, slower on 7".
 * @param {string} nameA
 * @param {string} nameRef
 * @param {ReturnType<typeof pairedComparison>} c
 * @param {{unit: string, unitOne?: string, better: 'lower'|'higher', betterWord: string,
 *     worseWord: string, scale?: number, censoredWord?: string}} outcome e.g. {unit: 'epochs',
 * unitOne: 'epoch', better: 'lower', betterWord: 'faster', worseWord: 'slower'}; scale multiplies
 * numbers for display (100 for percent); censoredWord says what the side with a finite value did
 *     when the median difference is infinite ('reached the target')
 */
export function verdictText(nameA, nameRef, c, outcome) {
  const scale = outcome.scale ?? 1;
  const f = (x) => formatNumber(x * scale);
  const head = {
    better: `${outcome.betterWord} here`,
    worse: `${outcome.worseWord} here`,
    noise: 'within noise here',
    tied: 'no difference here',
  }[c.kind];
  if (c.kind === 'tied') {
    return `${nameA} vs ${nameRef}: ${head} — the same on all ${c.n} seeds`;
  }
  const sign = outcome.better === 'lower' ? -1 : 1;
  const m = c.median * sign;
  const unit = Math.abs(m * scale) === 1 && outcome.unitOne ? outcome.unitOne : outcome.unit;
  const size = m === 0 ? `median difference 0 ${outcome.unit}` : [
    `median ${f(Math.abs(m))}`, unit, m > 0 ? outcome.betterWord : outcome.worseWord
  ].filter(Boolean).join(' ');
  // An infinite median difference: on the middle seed one of the two is censored (never
  // reached the target, or diverged); a size in units would be meaningless.
  const censored = !Number.isFinite(c.median) &&
      `the median seed: ${m > 0 ? nameA : nameRef} ${outcome.censoredWord ?? 'finite'}, ${
          m > 0 ? nameRef : nameA} not`;
  const percent = Math.round(c.level * 100);
  const difference = c.median === 0 ? '' : `difference ${f(c.median)}, `;
  return `${nameA} vs ${nameRef}: ${head} — ${censored || size} (${difference}${percent}% CI [${
      f(c.lo)}, ${f(c.hi)}]), ${outcome.betterWord} on ${c.favourA} of ${c.n} seeds, ${
      outcome.worseWord} on ${c.favourRef}`;
}
