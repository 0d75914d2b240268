// web/trainer/adaptive-resolution.js in Node: the resolution of training frames steps down while
// the predicted worker time per frame exceeds the budget, ignores one slow frame, comes back up
// only with headroom, and starts over at the chosen resolution. Timings are made up, not measured.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {AdaptiveResolution, FRAME_BUDGET_MS} from '../../web/trainer/adaptive-resolution.js';

// A frame whose fields cost `perPointMs` per grid point, plus `restMs` of training.
const frame = (resolution, perPointMs, restMs = 1) => {
  const fieldMs = perPointMs * resolution * resolution;
  return {resolution, fieldMs, computeMs: fieldMs + restMs};
};

test('over budget: the largest step down whose predicted time fits', () => {
  const q = new AdaptiveResolution(32);
  q.choose(256);
  assert.equal(q.resolution, 256);
  // 256^2 points at 0.5 us each: 33 ms; 128^2 would take 9 ms, 192^2 19 ms.
  for (let i = 0; i < 4; ++i) assert.equal(q.update(frame(256, 0.5e-3)), 256, 'needs 5 frames');
  assert.equal(q.update(frame(256, 0.5e-3)), 128);
  // At 128 there is room, but not the headroom 192 needs: it stays.
  for (let i = 0; i < 10; ++i) assert.equal(q.update(frame(128, 0.5e-3)), 128);
});

test('one slow frame changes nothing; room to spare goes back up; choose() starts over', () => {
  const q = new AdaptiveResolution(32);
  q.choose(128);
  for (let i = 0; i < 4; ++i) q.update(frame(128, 0.2e-3));
  assert.equal(q.update(frame(128, 5e-3)), 128, 'a median, not the worst frame');
  for (let i = 0; i < 5; ++i) q.update(frame(128, 2e-3));
  assert.ok(q.resolution < 128);
  const low = q.resolution;
  for (let i = 0; i < 5; ++i) q.update(frame(low, 0.1e-3));
  assert.ok(q.resolution > low, 'cheap frames raise it again');
  q.choose(64);
  assert.equal(q.resolution, 64);
});

test('training alone over budget: the smallest grid, never below core\'s minimum', () => {
  const q = new AdaptiveResolution(32);
  q.choose(96);
  for (let i = 0; i < 20; ++i) q.update(frame(q.resolution, 1e-4, 3 * FRAME_BUDGET_MS));
  assert.equal(q.resolution, 32);
});
