// The detail view's per-layer bars in headless Chromium: with six sigmoid layers they show the
// numbers core reports for that panel (gradNormPerLayer, meanActivation, activeFraction), the
// first layer's gradient bar far shorter than the output layer's, and they follow each frame.
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {before, test} from 'node:test';

import {openPage, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const SHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;

const session = useBrowser();
before(() => mkdir(SHOTS, {recursive: true}));

const shown = (page) =>
    page.$eval('.layer-signals', (box) => ({
                                   epoch: Number(box.dataset.epoch),
                                   rows: [...box.querySelectorAll('tbody tr')].map(
                                       (tr) => [...tr.querySelectorAll('td')].map(
                                           (td) => ({
                                             text: td.textContent,
                                             width: td.querySelector('.layer-bar').style.width,
                                           }))),
                                 }));

test('the detail view draws each layer\'s signals of its panel, frame by frame', async () => {
  const page = await openPage(
      session.context, `${session.url}#exp=vanishing&activations=relu,sigmoid&res=64`,
      {reducedMotion: 'reduce'});
  await waitForEpoch(page, 0);
  await page.click('.panel[data-activation="sigmoid"]');
  await page.waitForFunction(
      () => document.querySelectorAll('.layer-signals tbody tr').length === 7, null,
      {timeout: WAIT_MS});
  const before = await shown(page);
  const metrics = await page.evaluate(() => window.reluLabTest.lastFrame.metrics[1]);
  assert.equal(metrics.activation, 'sigmoid');
  // Shown to three significant digits (tiny ones as 9.12e-6).
  const same = (text, x) => Math.abs(Number(text) - x) <= 5e-3 * Math.abs(x);
  before.rows.forEach((cells, l) => {
    assert.ok(same(cells[2].text, metrics.gradNormPerLayer[l]), `${cells[2].text}, layer ${l}`);
    if (l < 6) assert.ok(same(cells[0].text, metrics.meanActivation[l]), cells[0].text);
  });
  assert.equal(before.rows[6][0].text, '—');  // the output layer has no activation
  // Six sigmoid layers: the first layer's gradient is below a ten-thousandth of the output's,
  // so its log-scale bar (four factors of ten) is empty while the output's is full.
  assert.ok(metrics.gradNormPerLayer[0] / metrics.gradNormPerLayer[6] < 1e-4);
  assert.equal(parseFloat(before.rows[0][2].width), 0);
  assert.equal(parseFloat(before.rows.at(-1)[2].width), 100);
  await page.screenshot({path: `${SHOTS}detail-layer-signals.png`});
  // A step: the bars follow the frame.
  await page.keyboard.press('s');
  await page.waitForFunction(
      (e) => Number(document.querySelector('.layer-signals').dataset.epoch) > e, before.epoch,
      {timeout: WAIT_MS});
  const after = await page.evaluate(() => window.reluLabTest.lastFrame.metrics[1]);
  assert.ok(same((await shown(page)).rows[6][2].text, after.gradNormPerLayer[6]));
  assert.deepEqual(page.problems, []);
  await page.close();
});
