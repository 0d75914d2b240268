// A link's epoch is replayed before anything shows: cut to a bound with a notice.
// "Continue from here" and the timeline's ends in headless Chromium: Continue and End play again
// unless the reader paused first; a run with a live setting change, continued from before it, is
// the run shown there, and the trainer, the form and the URL agree on the setting; the over-time
// figure opened right after shows distinct kept epochs.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {newPage, openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const HASH = '#activations=relu,tanh&res=64&points=200&lr=0.01';
const session = useBrowser();

const accuracies = (page) => panelData(page).then((panels) => panels.map((p) => p.testAccuracy));
const playing = (page) => page.getAttribute('html', 'data-playing');

async function waitForShown(page, shown) {
  await page.waitForFunction(
      (s) => document.getElementById('timeline').dataset.shown === s, String(shown),
      {timeout: WAIT_MS, polling: 50});
}

async function stepTo(page, epoch) {
  const live = [];
  for (let e = Number((await panelData(page))[0].epoch) + 1; e <= epoch; ++e) {
    await page.click('#step');
    await waitForEpoch(page, e);
    live[e] = await accuracies(page);
  }
  return live;
}

test('Continue from here and End play again when the run was playing', async () => {
  const page = await openPage(session.context, session.url + HASH);
  await waitForEpoch(page, 12);
  assert.equal(await playing(page), 'true');
  const range = page.locator('#timeline-range');
  await range.focus();
  await page.keyboard.press('Home');
  await waitForShown(page, 0);
  assert.equal(await playing(page), 'false', 'scrubbing pauses');
  await page.keyboard.press('End');
  await waitForShown(page, 'live');
  assert.equal(await playing(page), 'true', 'the end of the timeline plays again');
  await range.focus();
  await page.keyboard.press('Home');
  for (let e = 1; e <= 10; ++e) await page.keyboard.press('ArrowRight');
  await waitForShown(page, 10);
  await page.click('#timeline-resume');
  await waitForShown(page, 'live');
  assert.equal(await playing(page), 'true', 'Continue continues');
  await waitForEpoch(page, 11);
  // The figure of this moment: it pauses the run, and its columns are epochs the run kept.
  await page.click('#open-over-time');
  await page.waitForSelector('#over-time[data-columns]', {timeout: WAIT_MS});
  const epochs = (await page.getAttribute('#over-time', 'data-epochs')).split(',').map(Number);
  assert.deepEqual(epochs.slice(0, 3), [0, 2, 5]);
  assert.equal(new Set(epochs).size, epochs.length, `distinct columns: ${epochs}`);
  const status = await page.textContent('.over-time-status');
  if (epochs.at(-1) < 25)
    assert.match(status, /Epoch 25 is past the run \(it is at epoch [\d.]+\)/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a reader who paused stays paused after Continue and End', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  await stepTo(page, 4);
  const range = page.locator('#timeline-range');
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  await waitForShown(page, 3);
  await page.keyboard.press('End');
  await waitForShown(page, 'live');
  assert.equal(await playing(page), 'false');
  await page.keyboard.press('ArrowLeft');
  await waitForShown(page, 3);
  await page.click('#timeline-resume');
  await page.waitForFunction(
      () => document.getElementById('timeline-range').max === '3', null, {timeout: WAIT_MS});
  assert.equal(await playing(page), 'false');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Continue from before a live change is the run shown there; form and URL agree', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  const live = await stepTo(page, 4);
  await page.fill('#setting-lr', '1');
  await page.press('#setting-lr', 'Enter');
  await page.waitForFunction(() => /[#&]lr=1(&|$)/.test(location.hash), null, {timeout: WAIT_MS});
  Object.assign(live, await stepTo(page, 8));
  // Continue from epoch 6, after the change: it stays.
  const range = page.locator('#timeline-range');
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await waitForShown(page, 6);
  await page.click('#timeline-resume');
  await waitForShown(page, 'live');
  assert.match(page.url(), /[#&]lr=1(&|$)/);
  assert.deepEqual(await stepTo(page, 7).then((l) => l[7]), live[7]);
  // Continue from epoch 3, before it: the run goes on at 0.01, and says so.
  await range.focus();
  for (let k = 0; k < 4; ++k) await page.keyboard.press('ArrowLeft');
  await waitForShown(page, 3);
  await page.click('#timeline-resume');
  // 0.01 is lr's default: the link leaves it out, and the change's record (live=) too.
  await page.waitForFunction(
      () => !/[#&](lr=1|live=)/.test(location.hash), null, {timeout: WAIT_MS});
  assert.equal(await page.inputValue('#setting-lr'), '0.01');
  assert.match(await page.textContent('#notices'), /1 setting change made after it was dropped/);
  assert.match(await page.textContent('#notices'), /back to 0\.01 \(it was 1 after epoch 3\)/);
  assert.deepEqual((await stepTo(page, 4))[4], live[4], 'the run as it was at lr 0.01');
  // A live change while an earlier epoch is shown continues from there with the new value.
  await range.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitForShown(page, 2);
  await page.fill('#setting-lr', '0.5');
  await page.press('#setting-lr', 'Enter');
  await page.waitForFunction(
      () => document.getElementById('timeline-range').max === '2', null, {timeout: WAIT_MS});
  await waitForShown(page, 'live');
  assert.match(page.url(), /[#&]lr=0\.5(&|$)/);
  assert.equal(await page.inputValue('#setting-lr'), '0.5');
  assert.equal(await playing(page), 'false');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a link to epoch 100000 opens at the epoch a link may replay, and says so', async () => {
  const page = await newPage(session.context);
  // Heavy settings: the bound is a few hundred epochs (a few seconds of training).
  await page.goto(
      `${session.url}#activations=relu,tanh&points=2000&layers=16,16,16&batch=4&at=100000`);
  await page.waitForSelector('#notice-box:not([hidden])', {timeout: WAIT_MS});
  const notice = await page.textContent('#notices');
  const at = Number(notice.match(/the link opens at epoch (\d+), the most a link replays/)[1]);
  assert.ok(at > 0 && at < 100000, notice);
  assert.match(notice, /^at: epoch 100000 would take about/);
  assert.match(page.url(), new RegExp(`[#&]at=${at}(&|$)`));
  // It is shown once replayed (the nearest kept epoch: past 200, epochs are kept on a log grid).
  await page.waitForSelector('html[data-ready="true"]', {state: 'attached', timeout: WAIT_MS});
  const shown = Number(await page.getAttribute('#timeline', 'data-shown'));
  assert.ok(shown <= at && shown > 0.95 * at, `shown ${shown}, at ${at}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
