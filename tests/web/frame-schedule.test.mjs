// The animated export's frames (web/time/export/frame-schedule.js): each schedule's epochs are
// increasing, distinct, start at "from", end where the schedule says, and stay within the frames
// asked, whatever the range; the logarithmic one puts most frames early; the kept epochs nearest
// them are found in one pass. README names every schedule and default of the table.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';

import {EXPORT_FIELDS, MAX_FRAMES, nearestKept, scheduleEpochs, SCHEDULES} from '../../web/time/export/frame-schedule.js';

const KEYS = SCHEDULES.map((s) => s.key);

test('every schedule: monotone, distinct, includes its ends, bounded', () => {
  fc.assert(
      fc.property(
          fc.constantFrom(...KEYS), fc.integer({min: 0, max: 1e6}), fc.integer({min: 0, max: 1e6}),
          fc.integer({min: 1, max: 2 * MAX_FRAMES}),
          (schedule, a, b, frames) => {
            const [from, to] = [Math.min(a, b), Math.max(a, b)];
            const epochs = scheduleEpochs(schedule, from, to, frames);
            const n = Math.min(frames, MAX_FRAMES, to - from + 1);
            assert.equal(epochs.length, n);
            assert.equal(epochs[0], from);
            assert.equal(epochs.at(-1), schedule === 'first' ? from + n - 1 : n > 1 ? to : from);
            for (let i = 1; i < epochs.length; ++i) {
              assert.ok(Number.isInteger(epochs[i]) && epochs[i] > epochs[i - 1]);
            }
            assert.ok(epochs.every((e) => e >= from && e <= to));
          }),
      {numRuns: 3000, seed: 20261207});
});

test('a huge range costs what its frames cost', () => {
  assert.deepEqual(scheduleEpochs('even', 0, 1e15, 3), [0, 5e14, 1e15]);
  assert.equal(scheduleEpochs('log', 0, 1e15, MAX_FRAMES * 10).length, MAX_FRAMES);
  assert.deepEqual(scheduleEpochs('first', 5, 1e15, 4), [5, 6, 7, 8]);
  assert.deepEqual(scheduleEpochs('first', 5, 6, 4), [5, 6]);
  assert.deepEqual(scheduleEpochs('log', 7, 7, 48), [7]);
});

test('logarithmic frames: every epoch while the boundary forms, sparse late', () => {
  const epochs = scheduleEpochs('log', 0, 120, 40);
  assert.deepEqual(epochs.slice(0, 10), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.ok(epochs.filter((e) => e > 60).length <= 10, `${epochs}`);
  // The steps never shrink: dense early, sparse late.
  const steps = epochs.slice(1).map((e, i) => e - epochs[i]);
  assert.ok(steps.every((s, i) => i === 0 || s >= steps[i - 1] - 1), `${steps}`);
  // Even frames spend one in 3 epochs from start to end.
  const even = scheduleEpochs('even', 0, 120, 40);
  assert.ok(even.filter((e) => e <= 12).length <= 6, `${even}`);
});

// The definition: each asked epoch's nearest kept one (the earlier on a tie), repeats dropped.
function reference(kept, asked) {
  const out = [];
  for (const a of asked) {
    const near = kept.reduce((p, q) => (Math.abs(q - a) < Math.abs(p - a) ? q : p), kept[0]);
    if (out.at(-1) !== near) out.push(near);
  }
  return out;
}

test('frames are the kept epochs nearest the asked ones, as the definition gives', () => {
  const kept = fc.uniqueArray(fc.integer({min: 0, max: 400}), {minLength: 1, maxLength: 30})
                   .map((epochs) => epochs.sort((a, b) => a - b));
  fc.assert(
      fc.property(
          kept, fc.constantFrom(...KEYS), fc.integer({min: 0, max: 450}),
          fc.integer({min: 0, max: 450}), fc.integer({min: 1, max: 80}),
          (epochs, schedule, a, b, frames) => {
            const asked = scheduleEpochs(schedule, Math.min(a, b), Math.max(a, b), frames);
            assert.deepEqual(nearestKept(epochs, asked), reference(epochs, asked));
          }),
      {numRuns: 2000, seed: 20261207});
  assert.deepEqual(nearestKept([0, 10, 20], [5]), [0]);  // a tie takes the earlier
});

test('the form\'s defaults are in range, and README names every schedule', () => {
  for (const field of Object.values(EXPORT_FIELDS)) {
    if (field.min !== undefined)
      assert.ok(field.default >= field.min && field.default <= field.max);
    if (field.options) assert.ok(field.options.includes(field.default));
  }
  assert.ok(KEYS.includes(EXPORT_FIELDS.schedule.default));
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('**Animated export**'));
  for (const {label} of SCHEDULES) assert.ok(section.includes(`"${label}"`), label);
  assert.ok(section.includes(`${EXPORT_FIELDS.frames.default} frames`));
});
