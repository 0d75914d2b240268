// The curated experiments: each is a complete setting (defaults plus a few overrides, so its URL
// reproduces it) and 2-4 sentences on what to watch, in the order the page lists them (their
// texts: experiments-dying.js, experiments-shapes.js; the facts they quote: experiment-facts.js).
// Plus the newcomer's introduction.
import {factText, withFacts} from './experiment-facts.js';
import {batchNormCure, dyingInTraining, dyingRelu, initMatters} from './experiments-dying.js';
import {facetsVsSmooth, featuresDoTheWork, leakyVsPrelu, reluVsTanh, smoothRectifiers, spiral, vanishing} from './experiments-shapes.js';

export {factText, withFacts};

/** Plain text paragraphs behind the lede's "More about this page". */
export const INTRO = Object.freeze([
  'The background colour is each network\'s answer at every point of the plane: deep purple ' +
      'means "surely purple", deep orange "surely orange", pale means unsure. The chart under ' +
      'the panels shows each network\'s test loss; time is counted in epochs (one pass over ' +
      'the training points).',
  'Space pauses and resumes, s steps one epoch, r starts again from the same weights. The ' +
      'speed and the slow start are under View in the settings; every setting is kept in the ' +
      'address, so a link reproduces what you see.',
  'Click a panel to see inside its network: what every hidden unit has learned, the ' +
      'activation curve and its slope, and its loss. A "dead" unit outputs zero on every ' +
      'training point and no longer learns — the classic failure of ReLU.',
]);

/**
 * @typedef {object} Experiment
 * @property {string} id used in the URL-free button ids and tests
 * @property {string} title
 * @property {string} text what to watch, 2-5 sentences; {name} quotes facts[name]
 * @property {object} settings overrides on top of the defaults
 * @property {number} stop the epoch the text is about: the run pauses there
 * @property {Object<string, object>} facts the numbers the text quotes (dead, accuracy, ...)
 * @property {{id: string, label: string, settings: object, note?: string, stop?: number,
 *     facts?: object}[]} [variants] one-click alternatives: a note (with its own facts) on top of
 *     the text, and their own stop epoch if the note is about another moment
 * @property {{id: string, label: string, settings: object, note: string}[]} [actions] changes
 *     of live settings (lab.schema's change: 'live') applied to the running networks
 */

/** @type {readonly Experiment[]} */
export const EXPERIMENTS = Object.freeze([
  reluVsTanh,
  dyingInTraining,
  batchNormCure,
  dyingRelu,
  leakyVsPrelu,
  smoothRectifiers,
  initMatters,
  vanishing,
  spiral,
  featuresDoTheWork,
  facetsVsSmooth,
]);

/** Every variant id of every experiment (the URL's `v` values). */
export const VARIANT_IDS =
    Object.freeze([...new Set(EXPERIMENTS.flatMap((e) => (e.variants || []).map((v) => v.id)))]);

/** The page without a link opens this experiment: its two panels fit any first screen. */
export const LANDING = 'relu-vs-tanh';

/** @returns {number} the epoch experiment `experiment`'s `variant` (if any) stops at. */
export function stopEpoch(experiment, variant) {
  return variant?.stop ?? experiment.stop;
}

/**
 * @returns {{experiment?: Experiment, variant?: object}} by URL ids; without a variant id, the
 *     variant that is the experiment itself (no overrides), if it has one.
 */
export function findExperiment(expId, variantId) {
  const experiment = EXPERIMENTS.find((e) => e.id === expId);
  const variants = experiment?.variants || [];
  const own = (v) =>
      Object.entries(v.settings)
          .every(
              ([key, value]) => JSON.stringify(experiment.settings[key]) === JSON.stringify(value));
  const variant = variantId ? variants.find((v) => v.id === variantId) : variants.find(own);
  return {experiment, variant};
}

/**
 * @param {Experiment} experiment
 * @param {object} settings the page's settings
 * @param {string[]} left the keys where settings differ from the experiment's own
 * @returns {object|undefined} the action whose settings are exactly what differs, if any
 */
export function actionTaken(experiment, settings, left) {
  return (experiment.actions || []).find((a) => {
    const keys = Object.keys(a.settings);
    return keys.length === left.length &&
        keys.every((k) => left.includes(k) && String(settings[k]) === String(a.settings[k]));
  });
}
