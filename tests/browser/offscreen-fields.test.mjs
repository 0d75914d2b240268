// Where the fields are drawn (panels/fields-where.js): by the workers into the panels' canvases,
// or, where a browser cannot hand a canvas over (forced here by hiding the transfer), by the page.
// Either way every panel draws its field and points; Pause, Step and a drawing setting show
// within one frame of the input; two workers keep every frame's panels at one epoch. Conditions
// are awaited, never timed.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {forceMainThreadFields} from '../../bench/page-paths.mjs';

import {canvasColours, framesSince, openPage, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const SETTINGS = '#points=300&layers=6,6&res=64&speed=1&ease=false';
const session = useBrowser();

const now = (page) => page.evaluate(() => performance.now());

for (const [path, init] of [['worker', undefined], ['page', forceMainThreadFields]]) {
  test(`fields drawn by the ${path}: every panel shows its field and both classes`, async () => {
    const page = await openPage(
        session.context, `${session.url}${SETTINGS}`, {reducedMotion: 'reduce', init});
    assert.equal(await page.getAttribute('html', 'data-fields'), path);
    await page.keyboard.press('s');
    await waitForEpoch(page, 1);
    // The fields of the frame the page shows are on its canvases by now (a worker draws a frame
    // before it posts it); a placeholder canvas may still be a display frame behind.
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const colours = await canvasColours(page, '.panel canvas');
    assert.equal(colours.length, 10);
    colours.forEach((c, i) => {
      assert.ok(c.orange > 500 && c.purple > 500, `panel ${i}: ${JSON.stringify(c)}`);
    });
    // The PNG export composes the canvases either way.
    const exported = await page.evaluate(async () => {
      const canvas = document.querySelector('.panel canvas');
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      return blob.size;
    });
    assert.ok(exported > 1000, `a panel's PNG: ${exported} bytes`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test(`fields drawn by the ${path}: Pause and Step show within one frame`, async () => {
    const page = await openPage(session.context, `${session.url}${SETTINGS}&workers=2`, {init});
    await waitForEpoch(page, 3);
    const before = await now(page);
    await page.click('#play');  // Pause
    await page.waitForSelector(
        'html[data-worker-paused="true"]', {state: 'attached', timeout: WAIT_MS});
    const paused = await page.evaluate(() => window.reluLabTest.lastFrame.epochs);
    // Frames in flight when the input came may still land, then the one that ends the pause: all
    // of them at one epoch across the panels, and none after it.
    const landed = await framesSince(page, before);
    assert.ok(landed.every((f) => f.panelEpochs.length === 1), 'one epoch across the panels');
    assert.equal(landed.at(-1).epoch, Math.floor(paused), 'the last frame is the paused one');
    assert.equal(await page.getAttribute('html', 'data-epochs'), String(paused));
    const settled = await now(page);
    await page.waitForFunction(() => new Promise((resolve) => setTimeout(resolve, 300)));
    assert.deepEqual(await framesSince(page, settled), [], 'no training after the pause');
    // Step epoch: the very next frame is the next epoch's, on every panel.
    const step = await now(page);
    await page.click('#step');
    await page.waitForFunction(
        (t0) => window.reluLabTest.events.some((e) => e.type === 'frame' && e.t > t0), step,
        {timeout: WAIT_MS, polling: 'raf'});
    const [next] = await framesSince(page, step);
    assert.deepEqual(next.panelEpochs, [Math.floor(paused) + 1]);
    await waitForEpoch(page, Math.floor(paused) + 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

// Every panel's canvas as a PNG data URL (what a worker drew, as the reader sees it).
function panelImages(page) {
  return page.$$eval('.panel canvas', (canvases) => canvases.map((c) => c.toDataURL()));
}

// Waits for a frame the page handles after `t0`, then for the display frame that shows it.
async function nextFrameShown(page, t0) {
  await page.waitForFunction(
      (since) => window.reluLabTest.events.some((e) => e.type === 'frame' && e.t > since), t0,
      {timeout: WAIT_MS, polling: 'raf'});
  await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

test('a drawing setting reaches the fields drawn by the workers in the next frame', async () => {
  const page =
      await openPage(session.context, `${session.url}${SETTINGS}`, {reducedMotion: 'reduce'});
  await page.keyboard.press('s');
  await waitForEpoch(page, 1);
  const smooth = await panelImages(page);
  const t0 = await now(page);
  await page.check('#setting-discretize');
  await nextFrameShown(page, t0);
  const changed = await panelImages(page);
  // The same networks drawn discretized from the start: the redraw is exactly that.
  const fresh = await openPage(
      session.context, `${session.url}${SETTINGS}&discretize=true`, {reducedMotion: 'reduce'});
  await fresh.keyboard.press('s');
  await waitForEpoch(fresh, 1);
  await nextFrameShown(fresh, 0);
  const expected = await panelImages(fresh);
  changed.forEach((image, i) => {
    assert.notEqual(image, smooth[i], `panel ${i} changed`);
    assert.equal(image, expected[i], `panel ${i} as drawn discretized from the start`);
  });
  assert.deepEqual([...page.problems, ...fresh.problems], []);
  await fresh.close();
  await page.close();
});
