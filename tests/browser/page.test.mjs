// The default page in headless Chromium: loads cleanly (no console errors under the strict CSP,
// no failed requests), shows 10 panels with live data attributes, learns the circle (every
// panel but sigmoid/linear >= 90%, linear < 75%), resets to the identical epoch-0 field, answers
// the keyboard, and writes screenshots of the grid and the detail view to build/screenshots/.
import assert from 'node:assert/strict';
import {mkdir} from 'node:fs/promises';
import {before, test} from 'node:test';

import {canvasColours, openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const SHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;
const DEFAULT_SET =
    ['relu', 'leaky_relu', 'prelu', 'elu', 'gelu', 'silu', 'softplus', 'tanh', 'sigmoid', 'linear'];

const session = useBrowser();
before(() => mkdir(SHOTS, {recursive: true}));


function assertBothClasses(colours, what) {
  colours.forEach((c, i) => {
    assert.ok(
        c.orange > 20 && c.purple > 20 && c.distinct > 8,
        `${what} canvas ${i} looks blank or one-class: ${JSON.stringify(c)}`);
  });
}

// `#exp=` (no experiment) is core's own defaults: all ten panels.
test('core defaults: clean load, 10 panels, backend, learns the circle', async (t) => {
  const start = Date.now();
  const page = await openPage(session.context, `${session.url}#exp=`);
  const backend = await page.getAttribute('html', 'data-backend');
  assert.ok(['wasm-simd128', 'wasm-scalar'].includes(backend), `data-backend is ${backend}`);
  const panels = await panelData(page);
  assert.deepEqual(panels.map((p) => p.activation), DEFAULT_SET);
  for (const p of panels) {
    for (const key of ['epoch', 'testAccuracy', 'testLoss', 'deadUnits', 'diverged']) {
      assert.ok(p[key] !== undefined && p[key] !== '', `panel ${p.activation} lacks data-${key}`);
    }
  }
  // The condition, not a duration, is asserted; the time it took is reported.
  await page.waitForFunction(() => {
    const panels = [...document.querySelectorAll('.panel')];
    return panels.length === 10 &&
        panels.every(
            (p) => ['sigmoid', 'linear'].includes(p.dataset.activation) ||
                Number(p.dataset.testAccuracy) >= 0.9);
  }, null, {timeout: WAIT_MS, polling: 100});
  const reached = await panelData(page);
  t.diagnostic(
      `all rectifiers and tanh >= 90% after ${Date.now() - start} ms (incl. load), ` +
      `epoch ${reached[0].epoch}; ` +
      reached.map((p) => `${p.activation} ${(100 * p.testAccuracy).toFixed(1)}%`).join(', '));
  const linear = reached.find((p) => p.activation === 'linear');
  assert.ok(Number(linear.testAccuracy) < 0.75, `linear reached ${linear.testAccuracy}`);
  assert.ok(reached.every((p) => p.diverged === 'false'), 'no panel diverges with the defaults');

  assertBothClasses(await canvasColours(page, '.panel canvas'), 'panel');
  await page.screenshot({path: `${SHOTS}default-page.png`, fullPage: true});

  await page.click('.panel[data-activation="relu"]');
  await page.waitForSelector('dialog#detail[open]');
  await page.waitForFunction(() => {
    const text = document.querySelector('.detail-facts').textContent;
    return text.includes('epoch') && document.querySelector('.detail-curve .u-over');
  }, null, {timeout: WAIT_MS});
  assertBothClasses(await canvasColours(page, '.detail-network'), 'detail network');
  const detailCharts = await page.$$eval('.detail-charts canvas', (c) => c.length);
  assert.ok(detailCharts >= 2, `detail view has ${detailCharts} chart canvases`);
  await page.screenshot({path: `${SHOTS}detail-relu.png`});
  await page.keyboard.press('Escape');
  await page.click('.panel[data-activation="prelu"]');
  await page.waitForSelector('.detail-alpha:not([hidden]) canvas');
  await page.waitForTimeout(500);
  await page.screenshot({path: `${SHOTS}detail-prelu.png`});
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Reads every panel canvas as a data URL (the drawn field and points).
function canvasImages(page) {
  return page.$$eval('.panel canvas', (canvases) => canvases.map((c) => c.toDataURL()));
}

test('reset returns every panel to epoch 0 with the identical initial field', async () => {
  // prefers-reduced-motion: the page starts paused, at epoch 0.
  const page = await openPage(session.context, session.url, {reducedMotion: 'reduce'});
  assert.equal(await page.getAttribute('html', 'data-playing'), 'false');
  const initial = await canvasImages(page);
  const initialData = await panelData(page);
  assert.ok(initialData.every((p) => p.epoch === '0'));
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await waitForEpoch(page, 2);
  await page.keyboard.press(' ');
  await waitForEpoch(page, 6);
  assert.equal(await page.getAttribute('html', 'data-playing'), 'true');
  await page.click('#play');
  assert.notDeepEqual(await canvasImages(page), initial, 'training changed the fields');
  await page.keyboard.press('r');
  await page.waitForFunction(
      () => [...document.querySelectorAll('.panel')].every((p) => p.dataset.epoch === '0'), null,
      {timeout: WAIT_MS});
  assert.deepEqual(await panelData(page), initialData);
  const again = await canvasImages(page);
  again.forEach((image, i) => assert.ok(image === initial[i], `panel ${i} field differs`));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a diverged panel is greyed and labelled while the others keep training', async () => {
  // Plain SGD at the largest learning rate blows up some networks within an epoch or two.
  const page = await openPage(session.context, `${session.url}#optimizer=sgd&lr=10`);
  await page.waitForFunction(() => {
    const panels = [...document.querySelectorAll('.panel')];
    const diverged = panels.filter((p) => p.dataset.diverged === 'true');
    const alive = panels.filter((p) => p.dataset.diverged === 'false');
    return diverged.length > 0 && alive.length > 0 &&
        alive.every((p) => Number(p.dataset.epoch) >= 20);
  }, null, {timeout: WAIT_MS, polling: 100});
  const panels = await panelData(page);
  const diverged = panels.filter((p) => p.diverged === 'true');
  const alive = panels.filter((p) => p.diverged === 'false');
  for (const p of diverged) {
    const selector = `.panel[data-index="${p.index}"]`;
    assert.match(await page.getAttribute(selector, 'class'), /\bdiverged\b/);
    assert.match(await page.textContent(`${selector} .panel-badge`), /Diverged in epoch \d+/);
    assert.equal(await page.isVisible(`${selector} .panel-badge`), true);
    assert.ok(Number(p.epoch) < Number(alive[0].epoch), `${p.activation} stopped training`);
    // The badge and the epoch row name the same epoch; accuracy is no number.
    const at = (await page.textContent(`${selector} .panel-badge`)).match(/epoch (\d+)/)[1];
    assert.equal(await page.textContent(`${selector} .stat-epoch dd`), `stopped in ${at}`);
    assert.equal(await page.textContent(`${selector} .stat-acc dd`), '—');
  }
  // The page's epoch follows the networks still training, whichever panel diverged.
  const epoch = Number(await page.textContent('#epoch'));
  assert.ok(epoch >= Number(alive[0].epoch) - 1, `page epoch ${epoch}, alive ${alive[0].epoch}`);
  // The loss chart's log axis keeps a few readable labels.
  // The chart draws once uPlot, fetched with the first frame, is there.
  await page.waitForSelector(
      '#loss-chart[data-drawn="true"]', {state: 'attached', timeout: WAIT_MS});
  const labels = await page.evaluate(() => window.reluLabTest.lossChart().axes[1].labels);
  assert.ok(labels.length <= 6, labels.join(' '));
  assert.ok(labels.every((l) => !/e\+/.test(l)), labels.join(' '));
  // Losses print with 3 significant digits or in scientific notation.
  for (const text of await page.$$eval('.stat-loss dd', (dds) => dds.map((d) => d.textContent))) {
    assert.doesNotMatch(text, /0\.0000/, text);
  }
  await page.screenshot({path: `${SHOTS}diverged.png`});
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the grid and a panel export as PNG files', async () => {
  const page = await openPage(session.context, session.url, {reducedMotion: 'reduce'});
  const pngBytes = async (click) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return {name: download.suggestedFilename(), bytes: Buffer.concat(chunks)};
  };
  const grid = await pngBytes(() => page.click('#export-grid'));
  assert.equal(grid.name, 'relu-lab.png');
  assert.equal(grid.bytes.subarray(1, 4).toString(), 'PNG');
  assert.ok(grid.bytes.length > 10000, `grid PNG has ${grid.bytes.length} bytes`);
  await page.click('.panel[data-activation="tanh"]');
  const panel = await pngBytes(() => page.click('.detail-save'));
  assert.equal(panel.name, 'relu-lab-tanh.png');
  assert.equal(panel.bytes.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a phone-sized viewport shows the grid without horizontal overflow', async () => {
  const page = await openPage(
      session.context, session.url, {viewport: {width: 390, height: 844}, reducedMotion: 'reduce'});
  const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px`);
  await page.screenshot({path: `${SHOTS}phone.png`, fullPage: false});
  assert.deepEqual(page.problems, []);
  await page.close();
});
