// What an adversary's links, embeds and form values do to the page in headless Chromium: a list of
// 200,000 panels loads at core's limit, link data core refuses falls back to the preset with a
// notice, settings core refuses together fall back one key with a notice, link data core takes
// is labelled as trained on, the embed page copies only settings
// from its hash (no handler, style or foreign page), Share says what its snippets cannot carry and
// offers the CSV, and the export's "to" epoch is held to the kept epochs.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

import {encodeData, fromFlat} from '../../web/data/own-data.js';

import {figureState, newPage, openPage, panelData, useBrowser, WAIT_MS} from './fixture.mjs';

const session = useBrowser();
const REDUCE = {
  reducedMotion: 'reduce'
};
const notices = (page) => page.$$eval('#notices li', (items) => items.map((li) => li.textContent));

// n points in two classes on a grid of raw coordinates.
function ownData(n) {
  const points = [];
  const labels = [];
  for (let i = 0; i < n; ++i) {
    points.push((i % 97) / 10 - 4.8, Math.floor(i / 97) / 10 - 4.8);
    labels.push(i % 2);
  }
  return fromFlat(points, labels);
}

test('a list of 200,000 panels loads at core\'s limit, with one notice', async () => {
  const list = Array(200000).fill('relu').join(',');
  const page = await openPage(session.context, `${session.url}#activations=${list}`, REDUCE);
  const maxNetworks = await page.evaluate(() => window.reluLabTest.schema.limits.maxNetworks);
  assert.equal((await panelData(page)).length, maxNetworks);
  assert.ok((await notices(page)).some((n) => /at most \d+ panels/.test(n)));
  // The link is rewritten with the panels kept.
  const kept = await page.evaluate(() => /activations=([^&]*)/.exec(location.hash)[1]);
  assert.equal(kept.split(',').length, maxNetworks);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('link data core would refuse falls back to the preset with a notice', async () => {
  for (const [data, pattern] of [[ownData(1), /holds 1 point/], [ownData(6001), /6001 points/]]) {
    const page = await openPage(
        session.context, `${session.url}#activations=relu,tanh&data=${encodeData(data)}`, REDUCE);
    assert.equal((await panelData(page)).length, 2);
    assert.equal(await page.evaluate(() => window.reluLabTest.arenaSettings.data ?? null), null);
    const shown = await notices(page);
    assert.ok(shown.some((n) => /^data: /.test(n) && pattern.test(n)), shown.join(' | '));
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('settings core refuses together fall back one key, with a notice, and train', async () => {
  // Each passes alone; core refuses batch norm with mini-batches of one example.
  const page = await openPage(session.context, `${session.url}#batchNorm=true&batch=1`, REDUCE);
  assert.ok((await panelData(page)).length > 0);
  assert.equal(await page.evaluate(() => window.reluLabTest.arenaSettings.batchNorm), false);
  assert.match(await page.evaluate(() => location.hash), /batch=1/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /batchNorm/);
  const shown = await notices(page);
  assert.ok(
      shown.some((n) => /batchNorm: batchSize 1 .* batchNorm is back to false/.test(n)),
      shown.join(' | '));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a control change core refuses is put back, with a notice, and the run trains', async () => {
  const page = await openPage(session.context, `${session.url}#batchNorm=true`, REDUCE);
  const before = await page.inputValue('#setting-batch');
  await page.fill('#setting-batch', '1');
  await page.press('#setting-batch', 'Enter');
  await page.waitForFunction(
      () => [...document.querySelectorAll('#notices li')].some(
          (li) => /batchNorm: batchSize 1 .* batch is back to/.test(li.textContent)),
      null, {timeout: WAIT_MS});
  assert.equal(await page.inputValue('#setting-batch'), before);
  assert.equal(await page.evaluate(() => window.reluLabTest.arenaSettings.batchNorm), true);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /batch=1(&|$)/);
  assert.ok((await panelData(page)).length > 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('link data the panels train on is labelled so, not as a draft', async () => {
  const data = ownData(24);
  const page = await openPage(
      session.context, `${session.url}#activations=relu&data=${encodeData(data)}`, REDUCE);
  await page.waitForSelector('.data-status', {timeout: WAIT_MS});
  assert.match(
      await page.textContent('.data-status'),
      /^Training on your own data: 24 points in two classes \(12 orange, 12 purple\)\.$/);
  await page.close();
});

test('embed.html copies only settings from its hash', async () => {
  const payload = encodeURIComponent('alert(1)');
  const hash = `#activations=relu&seed=4&onclick=${payload}&onmouseover=${payload}` +
      '&style=display:none&page=https://evil.example/&label=Pwned&id=x&popover=auto' +
      '&tabindex=3&contenteditable=true&autoplay=&epochs=1&theme=dark&accesskey=x&class=y';
  const page = await newPage(session.context, REDUCE);
  await page.goto(`${session.url}embed.html${hash}`);
  await page.waitForFunction(
      () => document.querySelector('relu-lab-figure')?.metrics.length > 0, null,
      {timeout: WAIT_MS});
  const figure =
      await page.$eval('relu-lab-figure', (f) => ({
                                            attributes: [...f.attributes].map((a) => a.name).sort(),
                                            page: f.getAttribute('page'),
                                            link: f.shadowRoot.querySelector('a').href,
                                            title: f.shadowRoot.textContent,
                                          }));
  assert.deepEqual(
      figure.attributes,
      ['activations', 'controls', 'embed', 'fit', 'loading', 'page', 'seed'].sort());
  assert.equal(figure.page, session.url);
  assert.ok(figure.link.startsWith(`${session.url}#`), figure.link);
  assert.doesNotMatch(figure.title, /Pwned/);
  assert.equal((await figureState(page)).state, 'paused');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  await page.close();
});

test('Share names own data a link cannot hold and offers it as a CSV file', async () => {
  const page = await openPage(
      session.context, `${session.url}#activations=relu&dataset=circle&points=1500`, REDUCE);
  await page.waitForSelector('#data-start', {timeout: WAIT_MS});
  await page.selectOption('#data-preset', 'circle');
  await page.click('#data-start');
  await page.waitForFunction(
      () => window.reluLabTest.arenaSettings.data?.labels.length === 1500, null,
      {timeout: WAIT_MS});
  await page.click('#share');
  await page.waitForSelector('#share-data', {state: 'visible'});
  assert.match(
      await page.textContent('#share-data'),
      /Your 1500 points are more than a link holds \(1000\), so the link and both snippets train on the circle preset instead/);
  assert.doesNotMatch(await page.textContent('dialog.share .hint'), /same data/);
  assert.doesNotMatch(await page.inputValue('#share-element'), / data=/);
  const [download] =
      await Promise.all([page.waitForEvent('download'), page.click('#share-data button')]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(csv.trim().split('\n').length, 1501);
  await page.click('.share-close');
  // A small set goes into every snippet, exactly as the link holds it.
  const small = encodeData(ownData(40));
  const again =
      await openPage(session.context, `${session.url}#activations=relu&data=${small}`, REDUCE);
  await again.click('#share');
  await again.waitForSelector('dialog.share[open]');
  assert.equal(await again.isVisible('#share-data'), false);
  assert.match(await again.textContent('dialog.share .hint'), /same data/);
  assert.match(await again.inputValue('#share-element'), new RegExp(` data="${small}"`));
  assert.match(await again.inputValue('#share-iframe'), new RegExp(`data=${small}`));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(again.problems, []);
  await again.close();
  await page.close();
});

test('the export\'s epochs are held to the kept ones, visibly', async () => {
  const page = await openPage(
      session.context, `${session.url}#activations=relu,tanh&res=64&points=200&at=6`, REDUCE);
  await page.click('#open-export');
  await page.waitForSelector('#export[open]');
  assert.equal(await page.getAttribute('#export input[name=to]', 'max'), '6');
  await page.fill('#export input[name=to]', '1000000000');
  await page.selectOption('#export select[name=schedule]', 'even');
  await page.fill('#export input[name=frames]', '3');
  await page.selectOption('#export select[name=size]', '96');
  await Promise.all(
      [page.waitForEvent('download', {timeout: WAIT_MS}), page.click('#export [data-act=start]')]);
  assert.equal(await page.inputValue('#export input[name=to]'), '6');
  assert.match(
      await page.textContent('#export .export-status'),
      /^To epoch: 1000000000 is outside the kept epochs 0 to 6, so 6 is used\. 3 frames/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
