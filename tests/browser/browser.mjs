// Shared by the browser tests and bench/page-bench.mjs: serves dist/ on 127.0.0.1 and drives
// Debian's /usr/bin/chromium headless through playwright-core, recording console errors, page
// errors and failed requests so every test can assert there were none.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

import {serve} from '../../scripts/serve.mjs';

// RELU_LAB_DIST serves another build of the page (e.g. a copy under test elsewhere).
const ROOT = process.env.RELU_LAB_DIST || new URL('../../dist/', import.meta.url).pathname;
// The flags that work as root on a machine without network access, with a fresh profile per launch.
export const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];
/** Generous: this is a 2-core machine that may be running other builds. */
export const WAIT_MS = 120000;

/**
 * Starts the server and the browser.
 * @returns {Promise<{url: string, browser: object, close: () => Promise<void>}>}
 */
export async function launch() {
  const {server, url} = await serve({root: ROOT, port: 0});
  const profile = await mkdtemp(join(tmpdir(), 'relu-lab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: {width: 1400, height: 1000},
  });
  return {
    url,
    context,
    async close() {
      await context.close();
      server.close();
      await rm(profile, {recursive: true, force: true});
    },
  };
}

/**
 * Opens a page at `url + hash` and records problems in `page.problems` (strings).
 * @param {object} context from launch()
 * @param {string} address full URL
 * @param {{reducedMotion?: 'reduce'|'no-preference', viewport?: object}} [options]
 */
export async function openPage(context, address, options = {}) {
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
  await page.goto(address);
  await page.waitForSelector('html[data-ready="true"]', {state: 'attached', timeout: WAIT_MS});
  return page;
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
