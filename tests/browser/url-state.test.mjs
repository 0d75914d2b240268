// URL state in headless Chromium: a hash sets the controls, a control updates the hash, a reload
// reproduces the same epoch-N metrics and fields exactly, a malformed hash is clamped with a
// visible notice and executes nothing, and controls=false hides the settings (embedding).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, panelData, useBrowser, WAIT_MS, waitForEpoch} from './fixture.mjs';

const session = useBrowser();

const HASH = '#dataset=xor&noise=0.1&seed=42&layers=6,4&activations=relu,leaky_relu:0.2,tanh' +
    '&optimizer=sgd&lr=0.1&batch=5&res=64';

// Steps `epochs` epochs with the keyboard on a paused page and returns metrics and fields.
async function runTo(page, epochs) {
  for (let i = 0; i < epochs; ++i) await page.keyboard.press('s');
  await waitForEpoch(page, epochs);
  const panels = await panelData(page);
  const fields = await page.$$eval('.panel canvas', (cs) => cs.map((c) => c.toDataURL()));
  return {panels, fields};
}

test('a hash sets the controls, and a control updates the hash', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  assert.equal(await page.inputValue('#setting-dataset'), 'xor');
  assert.equal(await page.inputValue('#setting-seed'), '42');
  assert.equal(await page.inputValue('#setting-optimizer'), 'sgd');
  assert.equal(await page.inputValue('#setting-activations'), 'relu,leaky_relu:0.2,tanh');
  assert.deepEqual(
      (await panelData(page)).map((p) => p.activation), ['relu', 'leaky_relu', 'tanh']);
  assert.equal(await page.textContent('.panel[data-index="1"] .panel-params'), 'slope 0.2');
  const units = await page.$$eval('#setting-layers .units', (s) => s.map((e) => e.textContent));
  assert.deepEqual(units, ['6 units', '4 units']);

  await page.selectOption('#setting-dataset', 'spiral');
  await page.fill('#setting-seed', '7');
  await page.press('#setting-seed', 'Tab');
  await page.click('#setting-layers button[data-op="more"][data-layer="1"]');
  await page.waitForFunction(() => location.hash.includes('layers=6,5'), null, {timeout: WAIT_MS});
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /dataset=spiral/);
  assert.match(hash, /seed=7(&|$)/);
  assert.match(hash, /lr=0\.1(&|$)/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('reloading the URL reproduces the same epoch-N metrics and fields exactly', async () => {
  const page = await openPage(session.context, session.url + HASH, {reducedMotion: 'reduce'});
  const first = await runTo(page, 12);
  const url = page.url();
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]', {state: 'attached', timeout: WAIT_MS});
  const second = await runTo(page, 12);
  assert.equal(page.url(), url);
  assert.ok(first.panels.every((p) => p.epoch === '12'), JSON.stringify(first.panels));
  assert.deepEqual(second.panels, first.panels);
  second.fields.forEach((f, i) => assert.ok(f === first.fields[i], `panel ${i} field differs`));
  // A fresh tab with the copied URL too (a new worker and a new wasm instance).
  const other = await openPage(session.context, url, {reducedMotion: 'reduce'});
  assert.deepEqual((await runTo(other, 12)).panels, first.panels);
  assert.deepEqual([...page.problems, ...other.problems], []);
  await page.close();
  await other.close();
});

test('a malformed hash shows a notice, runs clamped, executes nothing', async () => {
  const hash = '#lr=abc&layers=999&activations=<img src=x onerror=alert(1)>';
  const page = await openPage(session.context, session.url + hash);
  await waitForEpoch(page, 3);
  assert.equal(await page.isVisible('#notice-box'), true);
  const notices = await page.$$eval('#notices li', (items) => items.map((li) => li.textContent));
  assert.ok(notices.some((n) => n.startsWith('lr:')), notices.join(' | '));
  assert.ok(notices.some((n) => n.startsWith('layers:')), notices.join(' | '));
  assert.ok(notices.some((n) => n.includes('<img src=x onerror=alert(1)>')), notices.join(' | '));
  // The markup is shown as text: no element was created from it, no request, no dialog.
  assert.equal(await page.$$eval('img', (imgs) => imgs.length), 0);
  assert.deepEqual(page.dialogs, []);
  assert.equal((await panelData(page)).length, 10, 'the default panels run');
  const hashNow = await page.evaluate(() => decodeURIComponent(location.hash));
  // lr falls back to its default, which a link leaves out.
  assert.doesNotMatch(hashNow, /lr=/);
  assert.match(hashNow, /[#&]layers=16(&|$)/);
  assert.doesNotMatch(hashNow, /img/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('controls=false hides the settings for embedding; the panels still run', async () => {
  const page = await openPage(session.context, `${session.url}#controls=false`);
  await waitForEpoch(page, 2);
  assert.equal(await page.isVisible('#settings'), false);
  assert.equal(await page.isVisible('.experiments-bar'), false);
  assert.equal(await page.isVisible('#play'), true);
  await page.click('#show-controls');
  assert.equal(await page.isVisible('#settings'), true);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /controls=/, 'the default again');
  assert.deepEqual(page.problems, []);
  await page.close();
});
