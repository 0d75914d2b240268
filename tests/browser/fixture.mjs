// The browser tests' one fixture (the benches use it too): Debian's /usr/bin/chromium headless
// through playwright-core with a fresh profile, dist/ served on 127.0.0.1, pages that record their
// problems, the axe scan and the waits. The embed tests' host pages are in embed-pages.mjs.
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import {chromium} from 'playwright-core';

import {serve} from '../../scripts/serve.mjs';

// RELU_LAB_DIST serves another build of the page (e.g. a copy under test elsewhere).
export const DIST = process.env.RELU_LAB_DIST || new URL('../../dist/', import.meta.url).pathname;
// The flags that work as root on a machine without network access.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];
/** Generous: this is a 2-core machine that may be running other builds. */
export const WAIT_MS = 120000;
const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url);
const VIEWPORT = {
  width: 1400,
  height: 1000
};

/**
 * Starts the browser and a server of dist/.
 * @param {{viewport?: object, cors?: boolean}} [options] `cors` serves dist/ as a CDN does (with
 *     Access-Control-Allow-Origin), for pages of another origin that load the figure from it.
 * @returns {Promise<{url: string, origin: string, log: string[], context: object,
 *     serve: Function, close: () => Promise<void>}>} `log`: every path dist/'s server was asked
 *     for; `serve(options)`: one more server (scripts/serve.mjs's options), closed with the rest.
 */
export async function launch({viewport = VIEWPORT, cors = false} = {}) {
  const servers = [];
  const serveMore = async (options = {}) => {
    const log = [];
    const {server, url} = await serve({root: DIST, port: 0, log, ...options});
    servers.push(server);
    return {url, origin: url.replace(/\/$/, ''), log};
  };
  const dist = await serveMore({cors});
  const profile = await mkdtemp(join(tmpdir(), 'relu-lab-chromium-'));
  const context = await chromium.launchPersistentContext(
      profile, {executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, viewport});
  // Every wait (a selector, a function, a click's target) gets the generous bound a busy machine
  // needs, not Playwright's 30 s; the tests wait for conditions, never for time.
  context.setDefaultTimeout(WAIT_MS);
  return {
    ...dist,
    context,
    serve: serveMore,
    async close() {
      await context.close();
      for (const server of servers) server.close();
      await rm(profile, {recursive: true, force: true});
    },
  };
}

/**
 * One browser for the calling test file: launched before its first test, closed after its last.
 * The returned object is filled in by then (url, context, ...: see launch()). A file's own setup
 * that needs the browser goes in `setup(session)`, run once it is up (top-level before() hooks
 * start at once, without waiting for each other); `teardown(session)` runs before it closes.
 * @param {{viewport?: object, cors?: boolean, setup?: Function, teardown?: Function}} [options]
 */
export function useBrowser({setup, teardown, ...options} = {}) {
  const session = {};
  before(async () => {
    Object.assign(session, await launch(options));
    await setup?.(session);
  });
  after(async () => {
    try {
      await teardown?.(session);
    } finally {
      await session.close?.();
    }
  });
  return session;
}

/**
 * A new page that records console errors and warnings, page errors, failed requests and HTTP
 * errors in `page.problems`, dismissed dialogs in `page.dialogs`, and Content-Security-Policy
 * violations of each of its documents in that document's `window.cspViolations`.
 * @param {object} context
 * @param {{reducedMotion?: 'reduce'|'no-preference', viewport?: object, init?: Function}}
 *     [options] init: a script run in every document before the page's own (page.addInitScript)
 */
export async function newPage(context, options = {}) {
  const page = await context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.emulateMedia({reducedMotion: options.reducedMotion || 'no-preference'});
  page.problems = [];
  page.dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      page.problems.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (r) => {
    // A download link the page revokes is not a failure of the page.
    if (!r.url().startsWith('blob:')) page.problems.push(`request failed: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', async (dialog) => {
    page.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    // A canvas's RGBA pixels, read through a copy: a worker may draw in a panel's canvas
    // (transferred to it), which the page then cannot read itself.
    window.canvasPixels = (canvas) => {
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d', {willReadFrequently: true});
      ctx.drawImage(canvas, 0, 0);
      return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    };
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (options.init) await page.addInitScript(options.init);
  return page;
}

/**
 * The frames the page handled after `t0` (its performance.now()), oldest first, as the test
 * hook's events record them: {epoch, steps, panelEpochs, t, ...}.
 */
export function framesSince(page, t0) {
  return page.evaluate(
      (since) => window.reluLabTest.events.filter((e) => e.type === 'frame' && e.t > since), t0);
}

/**
 * Per canvas matching `selector` (read through canvasPixels): the pixels on the orange side
 * (class 0: red well above blue) and on the purple side (class 1: blue above red), for points
 * and field tints alike, and how many distinct colours it has (counted up to 64).
 * @returns {Promise<{orange: number, purple: number, distinct: number}[]>}
 */
export function canvasColours(page, selector) {
  return page.$$eval(selector, (canvases) => canvases.map((c) => {
    const data = canvasPixels(c);
    let orange = 0, purple = 0;
    const distinct = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] - data[i + 2] > 40) orange += 1;
      if (data[i + 2] - data[i] > 25) purple += 1;
      if (distinct.size < 64) distinct.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return {orange, purple, distinct: distinct.size};
  }));
}

/**
 * Opens the page (index.html) at `address` in a new recording page and waits until it is ready
 * (its first frame is drawn).
 * @param {object} context
 * @param {string} address full URL
 * @param {{reducedMotion?: 'reduce'|'no-preference', viewport?: object, init?: Function}}
 *     [options] as newPage's
 */
export async function openPage(context, address, options = {}) {
  const page = await newPage(context, options);
  await page.goto(address);
  await waitForReady(page);
  return page;
}

/** Waits until the page has drawn its first frame (again, after a reload). */
export function waitForReady(page) {
  return page.waitForSelector('html[data-ready="true"]', {state: 'attached', timeout: WAIT_MS});
}

/**
 * Scans the document with axe-core.
 * @param {{impacts?: string[]}} [options] only violations of these impacts (default: every one)
 * @returns {Promise<string[]>} one line per violation: rule, impact and up to three targets
 */
export async function axe(page, {impacts} = {}) {
  // Evaluated through the DevTools protocol, not added as a script: the pages' CSP forbids
  // inline scripts.
  await page.evaluate(`${await readFile(AXE, 'utf8')};0`);
  return page.evaluate(async (only) => {
    const result = await window.axe.run(document);
    return result.violations.filter((v) => !only || only.includes(v.impact))
        .map(
            (v) => `${v.id} (${v.impact}): ${
                v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, impacts ?? null);
}

/** @returns {Promise<object[]>} each panel's data attributes, in order. */
export function panelData(page) {
  return page.$$eval('.panel', (panels) => panels.map((p) => ({...p.dataset})));
}

/** Waits until every panel has reached `epoch` (the page keeps training when playing). */
export async function waitForEpoch(page, epoch) {
  await page.waitForFunction((n) => {
    const panels = [...document.querySelectorAll('.panel')];
    return panels.length > 0 && panels.every((p) => Number(p.dataset.epoch) >= n);
  }, epoch, {timeout: WAIT_MS, polling: 100});
}

/** @returns {Promise<{state: string, epoch: number, backend: string|null}>} a figure's state. */
export function figureState(frameOrPage, selector = 'relu-lab-figure') {
  return frameOrPage.$eval(selector, (f) => ({
                                       state: f.state,
                                       epoch: f.metrics.length ? f.metrics[0].epoch : -1,
                                       backend: f.backend,
                                     }));
}

/** Waits until the figure at `selector` has trained `epoch` epochs. */
export async function waitForFigureEpoch(frameOrPage, selector, epoch) {
  await frameOrPage.waitForFunction(([s, n]) => {
    const f = document.querySelector(s);
    return f && f.metrics.length > 0 && f.metrics[0].epoch >= n;
  }, [selector, epoch], {timeout: WAIT_MS, polling: 100});
}

/** Pretends the tab is hidden (or shown again) in one document. */
export function setHidden(frameOrPage, hidden) {
  return frameOrPage.evaluate((h) => {
    Object.defineProperty(document, 'hidden', {configurable: true, get: () => h});
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
