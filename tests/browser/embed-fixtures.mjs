// Shared by the embed tests: a "blog post" page around figures and iframes, a strict CSP for it,
// and a browser whose pages record problems and CSP violations.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

import {serve} from '../../scripts/serve.mjs';

import {FLAGS, WAIT_MS} from './browser.mjs';

export const DIST = process.env.RELU_LAB_DIST || new URL('../../dist/', import.meta.url).pathname;

/** The policy a careful blog sets, with the figure's files on `cdn` (an origin). */
export function strictCsp(cdn) {
  return [
    'default-src \'none\'', `script-src ${cdn} 'wasm-unsafe-eval'`, `worker-src blob: ${cdn}`,
    `connect-src ${cdn}`, `frame-src ${cdn}`, 'style-src \'self\'', 'img-src \'self\'',
    'base-uri \'none\'', 'form-action \'none\''
  ].join('; ');
}

const lorem = 'Activation functions decide what a unit passes on. '.repeat(6);

/**
 * A post with paragraphs around two iframes of the embed page and three figures; #far is
 * `gap` pixels below the others.
 */
export function blogPost(cdn, gap = 4000) {
  const embed = `${cdn}/embed.html`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<script type="module" src="${cdn}/embed/relu-lab-figure.js"></script></head>
<body><main><h1>Why ReLU?</h1><p>${lorem}</p>
<relu-lab-figure id="near1" autoplay seed="3" panel-size="160"></relu-lab-figure>
<p>${lorem}</p>
<iframe id="frame1" src="${
      embed}#activations=relu,tanh&seed=5&dataset=xor" width="600" height="330" title="figure one"></iframe>
<relu-lab-figure id="near2" autoplay activations="elu,sigmoid" dataset="xor" seed="4" panel-size="160"></relu-lab-figure>
<iframe id="frame2" src="${
      embed}#activations=gelu,silu&seed=6" width="600" height="330" title="figure two"></iframe>
<p>${lorem}</p><canvas width="10" height="${gap}"></canvas>
<relu-lab-figure id="far" autoplay activations="relu,leaky_relu" seed="9" panel-size="160"></relu-lab-figure>
<p>${lorem}</p></main></body></html>`;
}

/** Starts the browser; `extra` goes to launchPersistentContext (e.g. reducedMotion). */
export async function startBrowser(extra = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'relu-lab-embed-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: {width: 1000, height: 2400},
    ...extra,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, {recursive: true, force: true});
    },
  };
}

/** Serves dist/ (the "CDN", with CORS) and records every request path in `log`. */
export async function serveDist(options = {}) {
  const log = [];
  const {server, url} = await serve({root: DIST, port: 0, cors: true, log, ...options});
  return {server, url: url.replace(/\/$/, ''), log};
}

/** A new page recording console errors, page errors and CSP violations in `page.problems`. */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

/** @returns {Promise<{state: string, epoch: number, backend: string|null}>} */
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

export {WAIT_MS};
