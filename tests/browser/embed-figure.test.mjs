// One <relu-lab-figure> at a time: hostile attributes become notices and run nothing, forced
// scalar, reduced motion shows the poster, axe finds no serious problem in the figure or the embed
// page, the controls work from the keyboard, the placeholder holds the loaded figure's height,
// what the first load fetches fits the build's budget, and the single-file build trains from
// file:// with the network off.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {test} from 'node:test';
import {gzipSync} from 'node:zlib';

import {FIRST_LOAD_BUDGET, firstLoadSizes} from '../../scripts/build-embed.mjs';

import {figureHost} from './embed-pages.mjs';
import {axe, DIST, figureState, newPage, useBrowser, WAIT_MS, waitForFigureEpoch} from './fixture.mjs';

// Its server of dist/ is also the "CDN" of the embed page.
const session = useBrowser({viewport: {width: 1000, height: 900}, cors: true});

async function open(body, options = {}) {
  const host = await session.serve({pages: {'/t.html': figureHost(body), '/favicon.ico': ''}});
  const page = await newPage(session.context, {
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
    viewport: options.viewport,
  });
  await page.goto(`${host.url}t.html`);
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

const SERIOUS = {
  impacts: ['serious', 'critical']
};

test('axe: no serious or critical violation in the figure or the embed page', async () => {
  const page =
      await open('<relu-lab-figure loading="eager" controls="full" show-test></relu-lab-figure>');
  await ready(page);
  assert.deepEqual(await axe(page, SERIOUS), []);
  await page.close();
  for (const scheme of ['light', 'dark']) {
    const embed = await newPage(session.context);
    await embed.emulateMedia({colorScheme: scheme});
    await embed.goto(`${session.url}embed.html#activations=relu,elu,tanh&seed=2`);
    await ready(embed);
    assert.deepEqual(await axe(embed, SERIOUS), [], scheme);
    const overflow =
        await embed.evaluate(() => document.documentElement.scrollHeight > innerHeight);
    assert.equal(overflow, false, 'the embed page does not scroll');
    await embed.close();
  }
});

test('what a figure fetches until its first epoch fits the first-load budget', async () => {
  const fetched = [];
  const onResponse = (response) => {
    const file = new URL(response.url()).pathname;
    if (file.startsWith('/embed/')) {
      fetched.push(response.body().then(
          (body) =>
              ({file: file.slice('/embed/'.length), gzip: gzipSync(body, {level: 9}).length})));
    }
  };
  session.context.on('response', onResponse);
  try {
    const page = await open('<relu-lab-figure loading="eager" autoplay></relu-lab-figure>');
    await waitForFigureEpoch(page, 'relu-lab-figure', 1);
    await Promise.all(fetched);
    await page.close();
  } finally {
    session.context.off('response', onResponse);
  }
  const files = await Promise.all(fetched);
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  assert.ok(
      gzip <= FIRST_LOAD_BUDGET, `${gzip} B of ${FIRST_LOAD_BUDGET} B: ${JSON.stringify(files)}`);
  // The build's count (dist/embed/sizes.json) names every file the browser fetched.
  const counted = (await firstLoadSizes(DIST)).files.map((f) => f.file);
  assert.deepEqual(files.map((f) => f.file).sort(), counted.sort());
  // Charts and export code are not part of it.
  for (const file of ['relu-lab-figure.js', 'figure-run.js']) {
    assert.doesNotMatch(await readFile(join(DIST, 'embed', file), 'utf8'), /uPlot/);
  }
});

test('the placeholder has the loaded figure\'s height, from its attributes alone', async () => {
  const TEN = 'relu,tanh,elu,gelu,silu,sigmoid,leaky_relu,softplus,prelu,linear';
  for (const [activations, width] of [
           ['relu,tanh,elu', 1400], ['relu,tanh,elu', 390], [TEN, 1400], [TEN, 390]]) {
    const page = await open(
        `<relu-lab-figure loading="eager" activations="${activations}"></relu-lab-figure>`,
        {viewport: {width, height: 900}});
    const height = () => page.$eval('relu-lab-figure', (f) => f.getBoundingClientRect().height);
    const before = await height();
    await ready(page);
    await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await height(), before, `${activations} at ${width} px`);
    await page.close();
  }
});

test('the single file trains from file:// with the network off', async () => {
  const page = await newPage(session.context);
  const requests = [];
  await session.context.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await session.context.setOffline(true);
  try {
    await page.goto(`file://${join(DIST, 'relu-lab-figure.html')}`);
    await page.click('relu-lab-figure >> .poster');
    await waitForFigureEpoch(page, 'relu-lab-figure', 20);
    assert.equal((await figureState(page)).backend, 'wasm-simd128');
    assert.deepEqual(requests, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await session.context.setOffline(false);
    await session.context.unroute(/^https?:/);
    await page.close();
  }
});
