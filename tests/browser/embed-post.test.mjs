// A figure in an author's post, as a reader sees it: the post (its own stylesheet, a strict CSP
// sent as a header, the element's script from a second origin) at 1400 and 390 px wide in light
// and dark, three <relu-lab-figure>s and an iframe. The placeholders hold the loaded figures'
// height (layout shift while they load < 0.05), two panels stay side by side on a phone, axe
// finds nothing serious and no heading-order problem. Then every snippet the page's Share dialog
// writes, pasted into a post under the same policy with the still it saves beside it, runs
// without a violation and shows the link's epoch with the page's numbers.
import assert from 'node:assert/strict';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';

import {authorPost, POST_CSS, snippetPost, strictCsp} from './embed-pages.mjs';
import {axe, newPage, openPage, useBrowser, WAIT_MS, waitForFigureEpoch} from './fixture.mjs';

const CLS_LIMIT = 0.05;
// The post's files (its stylesheet, the still) are served from here, on the post's origin.
let postRoot;
let post;
const cdn = useBrowser({
  viewport: {width: 1400, height: 900},
  cors: true,
  async setup() {
    postRoot = await mkdtemp(join(tmpdir(), 'relu-lab-post-'));
    await writeFile(join(postRoot, 'post.css'), POST_CSS);
    post = await servePost({'/post.html': authorPost(cdn.origin)});
  },
  async teardown() {
    await rm(postRoot, {recursive: true, force: true});
  },
});

// Another origin than the CDN's 127.0.0.1: the figure's script is cross-origin.
async function servePost(pages) {
  const server = await cdn.serve({
    root: postRoot,
    headers: {'Content-Security-Policy': strictCsp(cdn.origin)},
    pages: {...pages, '/favicon.ico': ''},
  });
  return server.url.replace('127.0.0.1', 'localhost');
}

// Every layout shift of the top document, from its first paint, summed (as CLS counts them).
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.layoutShift += entry.value;
      }
    }).observe({type: 'layout-shift', buffered: true});
  });
}

const drawn = (page, selector) => page.waitForFunction(
    (s) => document.querySelector(s)?.metrics.length > 0, selector, {timeout: WAIT_MS});

const VIEWS = [
  {width: 1400, height: 900, colorScheme: 'light'},
  {width: 1400, height: 900, colorScheme: 'dark'},
  {width: 390, height: 844, colorScheme: 'light'},
  {width: 390, height: 844, colorScheme: 'dark'},
];

for (const view of VIEWS) {
  test(
      `the post at ${view.width} px, ${
          view.colorScheme}: no layout shift, panels side by side, axe`,
      async (t) => {
        const page = await newPage(cdn.context, {viewport: view});
        await page.emulateMedia({colorScheme: view.colorScheme});
        await recordShifts(page);
        await page.goto(`${post}post.html`);
        // Each figure is scrolled to, so that each loads and draws where the reader sees it.
        for (const id of ['#two', '#three', '#frame', '#four']) {
          await page.$eval(id, (e) => e.scrollIntoView({block: 'center'}));
          if (id === '#frame') {
            const frame = await (await page.$(id)).contentFrame();
            await waitForFigureEpoch(frame, 'relu-lab-figure', 1);
          } else {
            await drawn(page, id);
          }
        }
        // The figure at an epoch shows it, paused.
        await waitForFigureEpoch(page, '#three', 30);
        const three = await page.$eval('#three', (f) => ({state: f.state, epoch: f.epoch}));
        assert.deepEqual(three, {state: 'paused', epoch: 30});
        // Two frames after the last draw: any shift it caused has been reported.
        await page.evaluate(
            () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const shift = await page.evaluate(() => window.layoutShift);
        t.diagnostic(`layout shift ${shift.toFixed(4)}`);
        assert.ok(shift < CLS_LIMIT, `layout shift ${shift}`);
        // Two and three panels in one row, also on a phone.
        for (const id of ['#two', '#three']) {
          const tops = await page.$eval(
              id,
              (f) => [...f.shadowRoot.querySelectorAll('.panel')].map(
                  (p) => Math.round(p.getBoundingClientRect().top)));
          assert.equal(new Set(tops).size, 1, `${id}: ${tops}`);
        }
        // Captions under the figures, panel names as h3 only where asked.
        const parts = await page.$eval(
            '#three',
            (f) => ({
              caption: f.shadowRoot.querySelector('figcaption').getBoundingClientRect().top >
                  f.shadowRoot.querySelector('.panels').getBoundingClientRect().bottom,
              headings: f.shadowRoot.querySelectorAll('h3').length,
            }));
        assert.deepEqual(parts, {caption: true, headings: 3});
        assert.equal(
            await page.$eval(
                '#two', (f) => f.shadowRoot.querySelectorAll('h1,h2,h3,h4,h5,h6').length),
            0);
        const found = await axe(page);
        const problems = found.filter(
            (line) => /\((serious|critical)\)/.test(line) || line.startsWith('heading-order'));
        assert.deepEqual(problems, []);
        assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
        assert.deepEqual(page.problems, []);
        // A heading level set on a running figure names its panels anew.
        await page.$eval('#two', (f) => f.setAttribute('heading-level', '2'));
        await page.waitForFunction(
            () =>
                document.querySelector('#two').shadowRoot.querySelectorAll('h2.name').length === 2,
            null, {timeout: WAIT_MS});
        await page.close();
      });
}

test(
    'every snippet of the Share dialog runs under the strict CSP and shows the link\'s epoch',
    async () => {
      const at = 20;
      const app = await openPage(
          cdn.context, `${cdn.url}#activations=relu,tanh&dataset=xor&seed=3&at=${at}`);
      await app.waitForFunction(
          (n) => [...document.querySelectorAll('#panels .panel')].every(
              (p) => p.dataset.epoch === String(n)),
          at, {timeout: WAIT_MS});
      const expected =
          await app.$$eval('#panels .panel', (panels) => panels.map((p) => p.dataset.trainLoss));
      await app.click('#share');
      await app.waitForSelector('dialog.share[open]');
      const snippets = await app.$$eval(
          '.share textarea', (boxes) => Object.fromEntries(boxes.map((b) => [b.id, b.value])));
      // The still the element snippets name, saved beside the post.
      const [download] =
          await Promise.all([app.waitForEvent('download'), app.click('.share-still')]);
      await download.saveAs(join(postRoot, download.suggestedFilename()));
      await app.close();
      assert.doesNotMatch(snippets['share-iframe'], /style=/);
      for (const id of ['share-element', 'share-cdn']) {
        if (!snippets[id]) continue;
        assert.match(snippets[id], new RegExp(` at="${at}" `));
        assert.ok(snippets[id].includes(`poster="${download.suggestedFilename()}"`));
      }
      // The npm CDN's address, pointed at the local "CDN".
      const pages =
          Object.fromEntries(Object.entries(snippets)
                                 .filter(([id]) => id !== 'share-link')
                                 .map(
                                     ([id, text]) =>
                                         [`/${id}.html`,
                                          snippetPost(text.replace(
                                              /https:\/\/cdn\.jsdelivr\.net\/npm\/[^"]*\/embed\//g,
                                              `${cdn.origin}/embed/`)),
      ]));
      const host = await servePost(pages);
      for (const path of Object.keys(pages)) {
        const page = await newPage(cdn.context);
        await page.goto(`${host}${path.slice(1)}`);
        const doc = path.includes('iframe') ? await (await page.$('iframe')).contentFrame() : page;
        await waitForFigureEpoch(doc, 'relu-lab-figure', at);
        const shown =
            await doc.$eval('relu-lab-figure', (f) => ({
                                                 state: f.state,
                                                 epoch: f.epoch,
                                                 losses: f.metrics.map((m) => String(m.trainLoss))
                                               }));
        assert.deepEqual(shown, {state: 'paused', epoch: at, losses: expected}, path);
        const violations = await page.evaluate(() => window.cspViolations);
        if (doc !== page) violations.push(...(await doc.evaluate(() => window.cspViolations)));
        assert.deepEqual(violations, [], path);
        assert.deepEqual(page.problems, [], path);
        await page.close();
      }
    });
