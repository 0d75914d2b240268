// How soon the reader's input shows while a run plays, with one worker (which paces itself) and
// two (paced by the pool): a Pause shows at most the one frame that ends it, a Step's frame is the
// next one, and a live setting (the learning rate) applies before the second frame after the
// input (one may be on its way already). Conditions are awaited, never timed.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {framesSince, openPage, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const SETTINGS = '#activations=relu,tanh,elu,gelu&points=300&layers=6,6&res=64&speed=1&ease=false';
const session = useBrowser();

// Waits until the page has handled `count` frames after `t0`.
function waitForFrames(page, t0, count) {
  return page.waitForFunction(
      ([since, n]) =>
          window.reluLabTest.events.filter((e) => e.type === 'frame' && e.t > since).length >= n,
      [t0, count], {timeout: WAIT_MS, polling: 'raf'});
}

// Runs `act` in the page (an input) and returns when it ran, as performance.now().
function inputAt(page, act) {
  return page.evaluate(`(${act})(), performance.now()`);
}

for (const workers of [1, 2]) {
  test(
      `${workers} worker(s): a live learning rate applies within a frame of the input`,
      async () => {
        const page =
            await openPage(session.context, `${session.url}${SETTINGS}&workers=${workers}`);
        assert.equal(await page.evaluate(() => window.reluLabTest.workers), workers);
        await waitForEpoch(page, 3);
        const t0 = await inputAt(page, () => {
          const input = document.getElementById('setting-lr');
          input.value = '0.003';
          input.dispatchEvent(new Event('change', {bubbles: true}));
        });
        await page.waitForFunction(() => /[#&]live=/.test(location.hash));
        await waitForFrames(page, t0, 2);
        const {live} =
            await page.evaluate(() => window.reluLabTest.table.parse(location.hash).settings);
        assert.equal(live.length, 1, JSON.stringify(live));
        const [first, second] = await framesSince(page, t0);
        assert.ok(
            live[0].step <= second.steps,
            `applied at step ${live[0].step}; frames after the input: ${first.steps}, ${
                second.steps}`);
        assert.equal(await page.getAttribute('html', 'data-playing'), 'true', 'still playing');
        assert.deepEqual(page.problems, []);
        await page.close();
      });

  test(`${workers} worker(s): Pause shows at most its own frame, Step the next`, async () => {
    const page = await openPage(session.context, `${session.url}${SETTINGS}&workers=${workers}`);
    await waitForEpoch(page, 3);
    const t0 = await inputAt(page, () => document.getElementById('play').click());
    await page.waitForSelector('html[data-worker-paused="true"]', {state: 'attached'});
    const landed = await framesSince(page, t0);
    assert.ok(landed.length <= 1, `frames after Pause: ${JSON.stringify(landed)}`);
    const paused = await page.evaluate(() => window.reluLabTest.lastFrame);
    assert.equal(await page.getAttribute('html', 'data-epochs'), String(paused.epochs));
    const t1 = await inputAt(page, () => document.getElementById('step').click());
    await waitForFrames(page, t1, 1);
    const [next] = await framesSince(page, t1);
    assert.deepEqual(next.panelEpochs, [Math.floor(paused.epochs) + 1]);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
