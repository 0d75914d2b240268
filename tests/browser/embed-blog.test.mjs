// A blog post on one origin with the figure's files on another (a CDN) under a strict CSP sent as
// a header: two iframes of the embed page and three <relu-lab-figure>s (sharing their workers)
// train independently, the one far below the fold loads nothing until scrolled to, scrolling away
// and hiding the tab pause, and nothing violates the policy.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {blogPost, strictCsp} from './embed-pages.mjs';
import {figureState, newPage, setHidden, useBrowser, WAIT_MS, waitForFigureEpoch} from './fixture.mjs';

let page;
const NEAR = ['#near1', '#near2'];
const FRAMES = ['#frame1', '#frame2'];
// The browser's own server of dist/ is the "CDN"; the post comes from another server.
const cdn = useBrowser({
  viewport: {width: 1000, height: 2400},
  cors: true,
  async setup() {
    const post = await cdn.serve({
      headers: {'Content-Security-Policy': strictCsp(cdn.origin)},
      // An empty favicon: a 404 would be a console error.
      pages: {'/post.html': blogPost(cdn.origin), '/favicon.ico': ''},
    });
    page = await newPage(cdn.context);
    // Another origin than the CDN's 127.0.0.1: the figure's script is cross-origin.
    await page.goto(`${post.url.replace('127.0.0.1', 'localhost')}post.html`);
  },
});

const wasmRequests = () => cdn.log.filter((path) => path.endsWith('.wasm')).length;
// How many trainer workers the figures of one page share at most.
const sharedCap = () =>
    page.evaluate(() => Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 1) - 1)));
const frameOf = async (selector) => (await page.$(selector)).contentFrame();

test(
    'every figure and iframe in view trains; the one below the fold has loaded nothing',
    async () => {
      for (const selector of NEAR) await waitForFigureEpoch(page, selector, 20);
      for (const selector of FRAMES) {
        await waitForFigureEpoch(await frameOf(selector), 'relu-lab-figure', 20);
      }
      // One wasm download per worker: each iframe's own, and the post's figures share theirs
      // (one per core but one); the far figure has none.
      assert.equal(wasmRequests(), 2 + Math.min(2, await sharedCap()));
      const far = await figureState(page, '#far');
      assert.equal(far.state, 'idle');
      assert.equal(far.backend, null);
      // Different seeds and data: each trained its own networks.
      const losses = await page.$$eval(
          'relu-lab-figure', (figures) => figures.map((f) => f.metrics[0]?.trainLoss ?? null));
      assert.notEqual(losses[0], losses[1]);
    });

test('scrolling to the far figure loads and plays it; scrolling away pauses it', async () => {
  await page.$eval('#far', (f) => f.scrollIntoView());
  await waitForFigureEpoch(page, '#far', 10);
  assert.equal(wasmRequests(), 2 + Math.min(3, await sharedCap()));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(
      () => document.querySelector('#far').state === 'paused', null, {timeout: WAIT_MS});
  const {epoch} = await figureState(page, '#far');
  // While #near1 trains on, #far stays where it stopped (a frame in flight may still land).
  const near = (await figureState(page, '#near1')).epoch;
  await waitForFigureEpoch(page, '#near1', near + 30);
  assert.ok((await figureState(page, '#far')).epoch <= epoch + 2);
});

test('a hidden tab pauses every figure and iframe; showing it resumes them', async () => {
  const docs = [page, ...(await Promise.all(FRAMES.map(frameOf)))];
  for (const doc of docs) await setHidden(doc, true);
  for (const selector of NEAR) {
    await page.waitForFunction(
        (s) => document.querySelector(s).state === 'paused', selector, {timeout: WAIT_MS});
  }
  for (const doc of docs.slice(1)) {
    await doc.waitForFunction(
        () => document.querySelector('relu-lab-figure').state === 'paused', null,
        {timeout: WAIT_MS});
  }
  const before = (await figureState(page, '#near1')).epoch;
  await page.waitForTimeout(1500);
  assert.ok((await figureState(page, '#near1')).epoch <= before + 2);
  for (const doc of docs) await setHidden(doc, false);
  await waitForFigureEpoch(page, '#near1', before + 10);
  await waitForFigureEpoch(docs[1], 'relu-lab-figure', 30);
});

test('the strict CSP saw no violation and no error', async () => {
  const violations = await page.evaluate(() => window.cspViolations);
  for (const selector of FRAMES) {
    violations.push(...(await (await frameOf(selector)).evaluate(() => window.cspViolations)));
  }
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);
});
