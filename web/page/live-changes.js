// A run's live changes (a learning rate lowered while it trains) as part of its link: the `live`
// row records, for every change, the value a setting had before it and the optimizer step from
// which the new one applies, so that a link rebuilds the same run step for step.
import {parseValue, quote} from '../settings/parse-value.js';
import {liveUpdate} from '../settings/to-core.js';

// A link records at most this many changes; older ones beyond it would make it unreadable.
const MAX_CHANGES = 64;

/** @typedef {{key: string, value: *, step: number}} LiveChange `key` was `value` before `step` */

// "lr:0.3:75,lr:0.1:150": each change once, in step order; bad entries are left out.
function parseChanges(row, raw, notices, table) {
  const changes = [];
  for (const token of String(raw).split(',').filter(Boolean)) {
    const [key, value, step, ...rest] = token.split(':');
    const live = table.row(key);
    const n = Number(step);
    if (!live || live.effect !== 'live' || rest.length || !Number.isInteger(n) || n < 0) {
      notices.push(
          `${row.key}: ${quote(token)} is not a change "key:value:step" of a setting ` +
          'that applies while training (such as lr:0.3:75), so it is left out.');
      continue;
    }
    changes.push({key, value: parseValue(live, value, notices, table), step: n});
  }
  changes.sort((a, b) => a.step - b.step);
  if (changes.length > MAX_CHANGES) {
    notices.push(`${row.key}: at most ${MAX_CHANGES} changes; the later ones are left out.`);
    changes.length = MAX_CHANGES;
  }
  return changes;
}

export const LIVE_ROW = Object.freeze({
  key: 'live',
  type: 'changes',
  group: 'hidden',
  label: 'Changes while training',
  default: Object.freeze([]),
  meaning: 'settings changed while the run trained: key:value-before:optimizer-step, in order',
  parse: parseChanges,
  text: (changes) => changes.map(({key, value, step}) => `${key}:${value}:${step}`).join(','),
  effect: 'redraw',
});

// The value `key` has from change i's step on: the next change's "before", else the current one.
function valueAfter(changes, i, settings) {
  const {key} = changes[i];
  const next = changes.slice(i + 1).find((c) => c.key === key);
  return next ? next.value : settings[key];
}

/** @returns {object} `settings` as the run began: each changed key at its first recorded value. */
export function startSettings(settings) {
  const start = {...settings};
  for (const {key, value} of [...settings.live].reverse()) start[key] = value;
  return start;
}

/**
 * @returns {{step: number, settings: object}[]} the trainer's schedule (arena.update's partial
 *     settings at optimizer steps) that turns startSettings(settings) into the run it records.
 */
export function liveSchedule(table, settings) {
  return settings.live.map(
      (change, i) => ({
        step: change.step,
        settings:
            liveUpdate(table, change.key, {[change.key]: valueAfter(settings.live, i, settings)}),
      }));
}

/**
 * @param {LiveChange[]} changes the run's so far
 * @param {LiveChange} change `key` was `value` until `step`
 * @param {object} settings the page's settings, with the new value
 * @returns {LiveChange[]} the record with the change: a second change of a key at the same step
 *     keeps the first one's "before", and a change that ends where it began is left out.
 */
export function recordChange(changes, change, settings) {
  const same = changes.find((c) => c.key === change.key && c.step === change.step);
  const out = same ? changes.slice() : [...changes, change];
  const i = out.indexOf(same || change);
  if (String(out[i].value) === String(valueAfter(out, i, settings))) out.splice(i, 1);
  return out;
}
