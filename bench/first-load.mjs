// npm run bench:first-load: what a reader's browser fetches until the first trained epoch shows,
// counted in headless Chromium on the built dist/: every request and its response body gzipped
// with -9, by file type, for the page (dist/index.html) and for a post embedding one figure.
// A measurement, not a test: it prints PASS/MISS against the budgets. Leaves out load times.
import {FIRST_LOAD_BUDGET, firstLoadSizes} from '../scripts/build-embed.mjs';
import {PAGE_FIRST_LOAD_BUDGET as PAGE_BUDGET, pageFirstLoad, recordRequests} from '../tests/browser/first-load.mjs';
import {DIST, launch, newPage, waitForFigureEpoch} from '../tests/browser/fixture.mjs';

import {renderTable} from './bench-lib.mjs';

const POST = '/post.html';
// A post with one figure in view that starts by itself: its first load is the figure's.
const POST_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<script type="module" src="/embed/relu-lab-figure.js"></script></head><body><main>
<h1>Why ReLU?</h1><relu-lab-figure autoplay seed="3"></relu-lab-figure></main></body></html>`;

async function figureFirstLoad() {
  const browser = await launch();
  const cdn = await browser.serve({cors: true, pages: {[POST]: POST_HTML, '/favicon.ico': ''}});
  try {
    const stop = recordRequests(browser.context);
    const page = await newPage(browser.context);
    await page.goto(`${cdn.origin}${POST}`);
    await waitForFigureEpoch(page, 'relu-lab-figure', 1);
    // The post and its favicon are the author's, not the figure's.
    const files = (await stop()).filter((f) => f.path !== POST && f.path !== '/favicon.ico');
    if (page.problems.length) throw new Error(`post problems: ${page.problems.join('; ')}`);
    return files;
  } finally {
    await browser.close();
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sum = (files, key) => files.reduce((total, f) => total + f[key], 0);
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

function report(title, files) {
  const types = [...new Set(files.map((f) => f.type))].sort();
  const byType = types.map((type) => {
    const of = files.filter((f) => f.type === type);
    return [type, of.length, sum(of, 'bytes'), sum(of, 'gzip')];
  });
  byType.push(['all', files.length, sum(files, 'bytes'), sum(files, 'gzip')]);
  const left = (i) => i === 0;
  console.log(`\n${title}: ${files.length} requests, ${kib(sum(files, 'gzip'))} gzipped`);
  console.log(renderTable(
      ['type', 'requests', 'bytes', 'gzip -9'], byType, {textLeft: left, dashes: true}));
  console.log(renderTable(
      ['file', 'bytes', 'gzip -9'], files.map((f) => [f.path, f.bytes, f.gzip]),
      {textLeft: left, dashes: true}));
}

const {files: page, firstFrame, after} = await pageFirstLoad();
const figure = await figureFirstLoad();
console.log(
    `bench:first-load  headless Chromium, ${DIST}: requests until the first epoch shows, ` +
    'each response body gzipped with -9');
report('page (index.html, defaults) until its first frame (epoch 0) is drawn', firstFrame);
report('page (index.html, defaults) until data-epochs >= 1', page);
report('page (index.html, defaults) after its first epoch, until the loss chart is drawn', after);
report('one <relu-lab-figure autoplay> in a post until its epoch 1 (the post left out)', figure);
const built = await firstLoadSizes(DIST);
console.log('');
for (const [cut, files] of [['first frame', firstFrame], ['epoch 1', page]]) {
  console.log(
      `${verdict(files.length <= PAGE_BUDGET.requests)}  page requests until ${cut}: ` +
      `${files.length} (budget <= ${PAGE_BUDGET.requests})`);
  console.log(
      `${verdict(sum(files, 'gzip') <= PAGE_BUDGET.gzip)}  page gzipped until ${cut}: ` +
      `${kib(sum(files, 'gzip'))} (budget <= ${kib(PAGE_BUDGET.gzip)})`);
}
console.log(
    `${verdict(sum(figure, 'gzip') <= FIRST_LOAD_BUDGET)}  figure gzipped: ` +
    `${kib(sum(figure, 'gzip'))} in ${figure.length} requests (budget <= ` +
    `${kib(FIRST_LOAD_BUDGET)}; dist/embed/sizes.json counts ${kib(built.gzip)} for its ` +
    `${built.files.length} files)`);
