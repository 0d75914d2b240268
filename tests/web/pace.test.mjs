// web/trainer/pace.js in Node: the steps a playing run owes at a given moment, as the pool counts
// them for its workers. Times are made up (milliseconds passed in), never measured.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {FRAME_MS, Pace, stepsPerEpoch} from '../../web/trainer/pace.js';

test('steps per epoch: a partial last batch is a step; full batch is one step', () => {
  assert.equal(stepsPerEpoch(250, 10), 25);
  assert.equal(stepsPerEpoch(251, 10), 26);
  assert.equal(stepsPerEpoch(250, 1000), 1);
  assert.equal(stepsPerEpoch(0, 10), 1);
});

test('the slow start doubles every four epochs up to the chosen pace', () => {
  const pace = new Pace();
  pace.play({speed: 1, ease: true}, 0, true);
  assert.equal(pace.current(0), 1 / 32);
  assert.equal(pace.current(4), 1 / 16);
  assert.equal(pace.current(20), 1);
  assert.equal(pace.current(100), 1);
  pace.play({speed: 2, ease: false}, 0, false);
  assert.equal(pace.current(0), 2);
});

test('one frame at 1/32 epoch per frame owes nothing yet and says when a step will be owed', () => {
  const pace = new Pace();
  pace.play({speed: 1, ease: true}, 0, true);
  // 25 steps per epoch: a step is 1/25 epoch, more than the 1/32 one frame adds.
  const first = pace.take(FRAME_MS, 0, 25);
  assert.equal(first.count, 0);
  assert.ok(first.waitMs > 0 && first.waitMs < FRAME_MS, `wait ${first.waitMs}`);
  assert.equal(pace.take(2 * FRAME_MS, 0, 25).count, 1, 'two frames owe 2/32 epoch: one step');
});

test('a stall owes at most two frames of pace, and play stops at `until`', () => {
  const pace = new Pace();
  pace.play({speed: 1, ease: false}, 0, true);
  // Ten seconds without a frame (a hidden tab): the debt is capped, not 600 epochs.
  assert.equal(pace.take(10000, 0, 10).count, 20);
  const limited = new Pace();
  limited.play({speed: 5, ease: false, until: 3}, 0, true);
  assert.equal(limited.take(FRAME_MS, 2.5, 10).count, 5, 'only the half epoch left');
  assert.equal(limited.running(3), false);
  assert.equal(limited.running(2.9), true);
});

test('resuming after a pause does not count the paused time', () => {
  const pace = new Pace();
  pace.play({speed: 1, ease: false}, 0, true);
  pace.take(FRAME_MS, 0, 1);
  pace.play({speed: 1, ease: false}, 60000, true);
  // A minute paused, then two and a half frames: two epochs owed, not the capped minute's.
  assert.equal(pace.take(60000 + 2.5 * FRAME_MS, 1, 1).count, 2);
  assert.equal(pace.take(60000 + 2.5 * FRAME_MS, 3, 1).count, 0);
});

test('in the slow start a stall owes two frames of pace, not two epochs', () => {
  const pace = new Pace();
  pace.play({speed: 1, ease: true}, 0, true);
  // 1/32 epoch per frame, 25 steps per epoch: ten seconds owe 2/32 epoch, one step.
  assert.equal(pace.take(10000, 0, 25).count, 1);
});

test('a step longer than two frames of pace is still owed once its time has passed', () => {
  const pace = new Pace();
  pace.play({speed: 1, ease: true}, 0, true);
  // Full batch: a step is a whole epoch, 32 frames at 1/32 epoch per frame.
  assert.equal(pace.take(31 * FRAME_MS, 0, 1).count, 0);
  assert.equal(pace.take(32.5 * FRAME_MS, 0, 1).count, 1);
  assert.equal(pace.take(60000, 1, 1).count, 1, 'a stall owes that one step, no more');
});

test('a new arena owes nothing for the time before it was ready', () => {
  const pace = new Pace();
  pace.play({speed: 1, ease: false}, 0, true);
  pace.reset(5000);  // seconds of loading the engine and building the networks
  assert.equal(pace.take(5000 + 1.5 * FRAME_MS, 0, 10).count, 15, 'one and a half frames');
});
