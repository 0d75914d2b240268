// One <relu-lab-figure> at a time: hostile attributes become notices and run nothing, forced
// scalar, reduced motion shows the poster, axe finds no serious problem in the figure or the embed
// page, the controls work from the keyboard, the first load fits its budget, and the single-file
// build trains from file:// with the network off.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {after, before, test} from 'node:test';

import {firstLoadSizes} from '../../scripts/build-embed.mjs';

import {DIST, figureState, newPage, serveDist, startBrowser, WAIT_MS, waitForFigureEpoch} from './embed-fixtures.mjs';

const BUDGET_BYTES = 120 * 1024;
let browser, cdn;
before(async () => {
  browser = await startBrowser({viewport: {width: 1000, height: 900}});
  cdn = await serveDist();
});
after(async () => {
  await browser.close();
  cdn.server.close();
});

function host(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>figure</title>
<script type="module" src="/embed/relu-lab-figure.js"></script></head><body><main>${
      body}</main></body></html>`;
}

async function open(body, options = {}) {
  const {serve} = await import('../../scripts/serve.mjs');
  const server =
      await serve({root: DIST, port: 0, pages: {'/t.html': host(body), '/favicon.ico': ''}});
  const page = await newPage(browser.context);
  if (options.reducedMotion) await page.emulateMedia({reducedMotion: 'reduce'});
  await page.goto(`${server.url}t.html`);
  page.once('close', () => server.server.close());
  return page;
}

const ready = (page, selector = 'relu-lab-figure') => page.waitForFunction(
    (s) => document.querySelector(s)?.metrics.length > 0, selector, {timeout: WAIT_MS});

test('hostile attributes show notices as text and execute nothing', async () => {
  const page = await open(
      '<relu-lab-figure loading="eager" activations="<img src=x onerror=window.pwned=1>,tanh" ' +
      `layers="99999999,${'8,'.repeat(50)}8" lr="1e308" points="-5" seed="x".repeat(9) ` +
      `dataset="${'a'.repeat(5000)}"></relu-lab-figure>`);
  await ready(page);
  const result = await page.$eval(
      'relu-lab-figure',
      (f) => ({
        notices: [...f.shadowRoot.querySelectorAll('.notices li')].map((li) => li.textContent),
        images: f.shadowRoot.querySelectorAll('img').length,
        panels: f.metrics.map((m) => m.activation),
        layers: f.settings.layers.length,
        lr: f.settings.lr,
      }));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(result.images, 0);
  assert.deepEqual(result.panels, ['tanh']);
  assert.match(result.notices.join('\n'), /"<img src=x onerror=window\.pwned=1>" is not a known/);
  assert.match(result.notices.join('\n'), /layers: 99999999 is outside/);
  assert.ok(result.layers <= 6);
  assert.equal(result.lr, 10);
  assert.ok(result.notices.length <= 6, 'at most five notices and a count');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('backend="scalar" runs the scalar build', async () => {
  const page =
      await open('<relu-lab-figure loading="eager" backend="scalar" autoplay></relu-lab-figure>');
  await waitForFigureEpoch(page, 'relu-lab-figure', 5);
  assert.equal((await figureState(page)).backend, 'wasm-scalar');
  await page.close();
});

test('reduced motion: the poster shows and autoplay does not start', async () => {
  const page = await open(
      '<relu-lab-figure loading="eager" autoplay></relu-lab-figure>', {reducedMotion: true});
  await ready(page);
  await page.waitForTimeout(1000);
  const state = await figureState(page);
  assert.equal(state.epoch, 0);
  assert.equal(state.state, 'paused');
  assert.equal(
      await page.$eval('relu-lab-figure', (f) => f.shadowRoot.querySelector('.poster').hidden),
      false);
  // The reader may still press play.
  await page.click('relu-lab-figure >> .poster');
  await waitForFigureEpoch(page, 'relu-lab-figure', 3);
  await page.close();
});

test('the controls work from the keyboard, with a visible focus ring', async () => {
  const page = await open('<relu-lab-figure loading="eager"></relu-lab-figure>');
  await ready(page);
  await page.keyboard.press('Tab');  // the poster's play button
  const focused = await page.$eval('relu-lab-figure', (f) => {
    const active = f.shadowRoot.activeElement;
    return {
      label: active?.getAttribute('aria-label'),
      outline: getComputedStyle(active).outlineStyle
    };
  });
  assert.match(focused.label, /Play/);
  assert.equal(focused.outline, 'solid');
  await page.keyboard.press('Enter');
  await waitForFigureEpoch(page, 'relu-lab-figure', 3);
  // Tab on to Pause (the bar's first button) and press Space.
  await page.keyboard.press('Tab');
  const name = await page.$eval('relu-lab-figure', (f) => f.shadowRoot.activeElement.textContent);
  assert.equal(name, 'Pause');
  await page.keyboard.press('Space');
  await page.waitForFunction(
      () => document.querySelector('relu-lab-figure').state === 'paused', null, {timeout: WAIT_MS});
  await page.close();
});

async function axe(page, context) {
  // Evaluated through the DevTools protocol: the embed page's own CSP forbids inline scripts.
  await page.evaluate(
      await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'));
  return page.evaluate(async (c) => {
    const result = await window.axe.run(c || document);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, context);
}

test('axe: no serious or critical violation in the figure or the embed page', async () => {
  const page =
      await open('<relu-lab-figure loading="eager" controls="full" show-test></relu-lab-figure>');
  await ready(page);
  assert.deepEqual(await axe(page), []);
  await page.close();
  for (const scheme of ['light', 'dark']) {
    const embed = await newPage(browser.context);
    await embed.emulateMedia({colorScheme: scheme});
    await embed.goto(`${cdn.url}/embed.html#activations=relu,elu,tanh&seed=2`);
    await ready(embed);
    assert.deepEqual(await axe(embed), [], scheme);
    const overflow =
        await embed.evaluate(() => document.documentElement.scrollHeight > innerHeight);
    assert.equal(overflow, false, 'the embed page does not scroll');
    await embed.close();
  }
});

test('the first load of a figure fits in 120 KB gzipped', async () => {
  const {gzip, files} = await firstLoadSizes(DIST);
  assert.ok(gzip <= BUDGET_BYTES, `${gzip} bytes: ${JSON.stringify(files)}`);
  // Charts and export code are not part of it.
  const figure = await readFile(join(DIST, 'embed', 'relu-lab-figure.js'), 'utf8');
  assert.doesNotMatch(figure, /uPlot/);
});

test('the single file trains from file:// with the network off', async () => {
  const page = await newPage(browser.context);
  const requests = [];
  await browser.context.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await browser.context.setOffline(true);
  try {
    await page.goto(`file://${join(DIST, 'relu-lab-figure.html')}`);
    await page.click('relu-lab-figure >> .poster');
    await waitForFigureEpoch(page, 'relu-lab-figure', 20);
    assert.equal((await figureState(page)).backend, 'wasm-simd128');
    assert.deepEqual(requests, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.context.setOffline(false);
    await browser.context.unroute(/^https?:/);
    await page.close();
  }
});
