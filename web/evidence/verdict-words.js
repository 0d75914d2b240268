// A paired comparison in plain words, for the evidence section: who did what on how many seeds,
// and whether that is a clear difference here. The statistics behind it (the median difference
// and its bootstrap interval) go into a detail the page shows on hover, with what they mean.
import {verdictText} from '../../js/evidence-stats.mjs';

// What "better", "worse" and "the same" mean for each outcome, as a verb phrase between the two
// names. An outcome without a row here (a new one) reads as its better and worse words.
const PHRASES = {
  epochsToTarget: {
    same: 'reached {target} as fast as',
    better: 'reached {target} faster than',
    worse: 'reached {target} slower than'
  },
  testAccuracy: {
    same: 'was as accurate as',
    better: 'was more accurate than',
    worse: 'was less accurate than'
  },
  testLoss: {
    same: 'ended with the same test loss as',
    better: 'ended with a lower test loss than',
    worse: 'ended with a higher test loss than',
  },
  deadFraction: {
    same: 'had as many dead units as',
    better: 'had fewer dead units than',
    worse: 'had more dead units than'
  },
  sparsity: {same: 'was as sparse as', better: 'was sparser than', worse: 'was less sparse than'},
  initActive: {
    same: 'started as active as',
    better: 'started more active than',
    worse: 'started less active than',
  },
  alphaMean: {
    same: 'learned the same alpha as',
    better: 'learned a larger alpha than',
    worse: 'learned a smaller alpha than',
  },
};

function phrases(outcome, target) {
  const own = PHRASES[outcome.key] ?? {
    same: `had the same ${outcome.label} as`,
    better: `was ${outcome.betterWord} than`,
    worse: `was ${outcome.worseWord} than`,
  };
  const t = `${Math.round(target * 100)}% test accuracy`;
  return Object.fromEntries(Object.entries(own).map(([k, v]) => [k, v.replace('{target}', t)]));
}

/**
 * What the bracketed interval of a verdict means (`c`: bootstrapMedian's or pairedComparison's).
 */
export function intervalMeaning(
    c,
    when = 'a difference is called clear only when the whole ' +
        'interval lies on one side of 0') {
  return `The ${Math.round(c.level * 100)}% interval is a bootstrap interval of the median (the ${
      c.n} seeds resampled ${c.resamples} times): ${when}.`;
}

/**
 * @param {string} nameA display name of A
 * @param {string} nameRef display name of the reference
 * @param {object} c pairedComparison(A, ref)
 * @param {object} outcome seed-study.mjs's outcome
 * @param {number} target the study's target accuracy (for epochsToTarget)
 * @returns {{text: string, detail: string}} e.g. "Leaky ReLU reached 95% test accuracy as fast
 *     as ReLU on 19 of 20 seeds (faster on 1): no clear difference here."
 */
export function plainVerdict(nameA, nameRef, c, outcome, target) {
  const say = phrases(outcome, target);
  const detail = `${verdictText(nameA, nameRef, c, outcome)}. ${intervalMeaning(c)}`;
  if (c.kind === 'tied') {
    return {text: `${nameA} ${say.same} ${nameRef} on all ${c.n} seeds.`, detail};
  }
  const counts = [
    {n: c.favourA, phrase: say.better, word: outcome.betterWord},
    {n: c.favourRef, phrase: say.worse, word: outcome.worseWord},
    {n: c.ties, phrase: say.same, word: 'the same'},
  ];
  // The side the interval favours leads; within noise, the most frequent one.
  const lead = c.kind === 'better' ? counts[0] :
      c.kind === 'worse'           ? counts[1] :
                                     counts.reduce((a, b) => (b.n > a.n ? b : a));
  const rest = counts.filter((k) => k !== lead && k.n > 0).map((k) => `${k.word} on ${k.n}`);
  const tail = c.kind === 'noise' ? 'no clear difference here' : 'a clear difference here';
  return {
    text: `${nameA} ${lead.phrase} ${nameRef} on ${lead.n} of ${c.n} seeds${
        rest.length ? ` (${rest.join(', ')})` : ''}: ${tail}.`,
    detail,
  };
}
