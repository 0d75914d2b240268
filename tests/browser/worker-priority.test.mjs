// The worker at the heaviest settings the page allows (6 layers of 16, res 512, 5000 points, 12
// panels, 50 epochs per frame, batch 1): Reset and a setting change overtake queued training
// (the new arena's epoch-0 frame comes next and no frame of the old arena is drawn after it),
// and pause lets no further frame through. The latencies are measured and reported, not asserted.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, useBrowser, WAIT_MS} from './fixture.mjs';

const HEAVY = '#layers=16,16,16,16,16,16&res=512&points=5000&speed=50&batch=1&activations=' +
    'relu,leaky_relu,prelu,elu,gelu,gelu_tanh,silu,softplus,tanh,sigmoid,linear,relu';
const SETTLE_MS = 3000;

const session = useBrowser();

// Does `act` in the page and waits for the next arena's first frame; returns the times from the
// action to its 'created' message and to that frame, and the events after the action.
async function untilNextArena(page, act) {
  const before = Number(await page.getAttribute('html', 'data-generation'));
  const start = await page.evaluate(`(${act})(), performance.now()`);
  await page.waitForFunction(
      (g) => window.reluLabTest.events.some((e) => e.type === 'frame' && e.generation > g), before,
      {timeout: WAIT_MS, polling: 50});
  return page.evaluate((t0) => {
    const events = window.reluLabTest.events.filter((e) => e.t >= t0);
    const created = events.find((e) => e.type === 'created');
    const frame = events.find((e) => e.type === 'frame' && e.generation === created.generation);
    return {created, frame, events, createdMs: created.t - t0, frameMs: frame.t - t0};
  }, start);
}

function assertNewArenaFirst({created, frame, events}) {
  assert.equal(created.epoch, 0);
  assert.equal(frame.epoch, 0);
  const drawnAfter = events.filter((e) => e.t > created.t && e.generation !== created.generation);
  assert.deepEqual(drawnAfter, [], 'no frame of the old arena after the new one was created');
}

test('at the heaviest settings, Reset and a setting change win over training', async (t) => {
  const page = await openPage(session.context, session.url + HEAVY);
  assert.equal(await page.getAttribute('html', 'data-playing'), 'true');
  await page.waitForTimeout(SETTLE_MS);  // the worker is now inside a 50-epoch frame

  const reset = await untilNextArena(page, '() => document.getElementById(\'reset\').click()');
  assertNewArenaFirst(reset);
  await page.waitForTimeout(SETTLE_MS);
  const change = await untilNextArena(page, `() => {
    const select = document.getElementById('setting-dataset');
    select.value = 'xor';
    select.dispatchEvent(new Event('change'));
  }`);
  assertNewArenaFirst(change);
  assert.equal(await page.evaluate(() => window.reluLabTest.arenaSettings.dataset), 'xor');
  t.diagnostic(
      `Reset: new arena after ${reset.createdMs.toFixed(0)} ms, its first frame after ` +
      `${reset.frameMs.toFixed(0)} ms; dataset change: ${change.createdMs.toFixed(0)} ms, ` +
      `${change.frameMs.toFixed(0)} ms (goal: about 1 s)`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('pause lets no further frame through; Step then trains exactly one epoch', async (t) => {
  const page = await openPage(session.context, session.url + HEAVY.replace('speed=50', 'speed=2'));
  await page.waitForFunction(
      () => window.reluLabTest.events.some((e) => e.type === 'frame' && e.epoch >= 2), null,
      {timeout: WAIT_MS, polling: 100});
  const pausedAt = await page.evaluate(() => {
    document.getElementById('play').click();
    return performance.now();
  });
  await page.waitForSelector(
      'html[data-worker-paused="true"]', {state: 'attached', timeout: WAIT_MS});
  const ack = await page.evaluate(
      (t0) => ({
        frames: window.reluLabTest.frames,
        ms: performance.now() - t0,
        epoch: document.getElementById('epoch').textContent,
        between: window.reluLabTest.events.filter((e) => e.t >= t0 && e.type === 'frame').length
      }),
      pausedAt);
  // At most one frame (where the interrupted frame stopped) between the click and the ack.
  assert.ok(ack.between <= 1, `${ack.between} frames after pause`);
  await page.waitForTimeout(SETTLE_MS);
  assert.equal(await page.evaluate(() => window.reluLabTest.frames), ack.frames);
  assert.equal(await page.textContent('#epoch'), ack.epoch);
  await page.keyboard.press('s');
  await page.waitForFunction((n) => window.reluLabTest.frames > n, ack.frames, {timeout: WAIT_MS});
  // Step trains to the end of the current epoch: from a paused 3.66 that is 4, from 4 it is 5.
  assert.equal(Number(await page.textContent('#epoch')), Math.floor(Number(ack.epoch)) + 1);
  t.diagnostic(`pause acknowledged after ${ack.ms.toFixed(0)} ms at epoch ${ack.epoch}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
