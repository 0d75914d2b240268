// The detail view after a pause: opened at whatever epoch the run was paused, it shows that
// panel's network, curves and weights at the epoch shown, without a Step; and a weight edited
// while playing pauses the run (saying so) so the edit stays visible in the panel and numbers.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();

// What the open dialog shows: the epoch in its facts, the diagram's size, the curve's points and
// the weight list's length.
function detailShown(page) {
  return page.evaluate(() => {
    const dialog = document.getElementById('detail');
    const canvas = dialog.querySelector('.detail-network');
    return {
      open: dialog.open,
      facts: dialog.querySelector('.detail-facts').textContent,
      network: canvas.width * canvas.height,
      weights: dialog.querySelectorAll('.weight-editor select option').length,
      curve: dialog.querySelector('.detail-curve canvas') !== null,
    };
  });
}

async function waitForDetail(page) {
  await page.waitForFunction(() => {
    const dialog = document.getElementById('detail');
    return dialog.open && dialog.querySelectorAll('.weight-editor select option').length > 0 &&
        /epoch \d/.test(dialog.querySelector('.detail-facts').textContent);
  }, null, {timeout: WAIT_MS, polling: 50});
}

test('paused at several epochs, the detail view shows the panel at the epoch shown', async () => {
  const page = await openPage(session.context, `${session.url}#exp=relu-vs-tanh`);
  for (const epoch of [3, 12, 30]) {
    await page.evaluate(() => window.reluLabTest.setPlaying(true));
    await waitForEpoch(page, epoch);
    await page.evaluate(() => window.reluLabTest.setPlaying(false));
    await page.waitForSelector('html[data-worker-paused="true"]', {state: 'attached'});
    const shown = (await panelData(page))[0].epoch;
    await page.click('.panel[data-index="0"] .panel-open');
    await waitForDetail(page);
    const detail = await detailShown(page);
    assert.ok(detail.network > 0, `no network drawn at epoch ${shown}`);
    assert.ok(detail.curve, 'no activation curve');
    assert.ok(detail.weights > 0, 'an empty weight list');
    assert.match(detail.facts, new RegExp(`epoch ${shown}\\b`));
    assert.equal((await panelData(page))[0].epoch, shown, 'opening the view trained on');
    await page.click('#detail .detail-close');
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('editing a weight while playing pauses, and the edit stays in panel and numbers', async () => {
  // Panels without an experiment: nothing stops the run by itself before the edit.
  const page = await openPage(session.context, `${session.url}#activations=relu,tanh`);
  await waitForEpoch(page, 2);
  await page.click('.panel[data-index="0"] .panel-open');
  await waitForDetail(page);
  assert.equal(await page.getAttribute('html', 'data-playing'), 'true', 'the view pauses nothing');
  await page.selectOption('.weight-which', {label: 'bias of output'});
  // Far past any logit the run reaches: the edited loss is large at whatever epoch it lands.
  await page.fill('.weight-value', '-40');
  await page.click('.weight-editor button');
  await page.waitForFunction(
      () => /^Set/.test(document.querySelector('.weight-answer').textContent), null,
      {timeout: WAIT_MS});
  // The answer says the run paused for the edit.
  assert.match(await page.textContent('.weight-answer'), /paused/i);
  assert.equal(await page.getAttribute('html', 'data-playing'), 'false');
  await page.waitForSelector('html[data-worker-paused="true"]', {state: 'attached'});
  // The edited network's loss shows and stays: nothing trains it away.
  await page.waitForFunction(
      () => Number(document.querySelectorAll('.panel')[0].dataset.trainLoss) > 2, null,
      {timeout: WAIT_MS});
  // The trainer is at rest (paused) and the panel shows the edited network's loss.
  assert.equal(await page.getAttribute('html', 'data-worker-paused'), 'true');
  assert.equal(await page.inputValue('.weight-value'), '-40');
  assert.deepEqual(page.problems.filter((p) => !p.includes('willReadFrequently')), []);
  await page.close();
});
